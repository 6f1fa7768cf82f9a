//! DeepFinch: `POST /ocr/value_add_tax_invoice` (multipart `file` or form field `url`).
//!
//! An uploaded file that is a digital document (a PDF with a text layer, or an image with a
//! QR code) is answered with the values the offline reader finds in it, or with
//! `DETECTION_FAILED` when it is not a Chinese VAT invoice; other uploads get the registered
//! fixture or the documented sample.

mod from_document;

use axum::extract::State;
use axum::extract::multipart::{Multipart, MultipartRejection};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde_json::{Value, json};

use super::{json_response, read_form};
use crate::Provider;
use crate::auth::deepfinch::{UNAUTHORIZED_REASON, is_authorized};
use crate::fixtures::{Upload, file_name_of_url};
use crate::local_reading::read_digital_document;
use crate::state::SharedState;

/// A DeepFinch error body.
pub(crate) fn error_body(status: &str, reason: &str, request_id: &str) -> Value {
    json!({"status": status, "reason": reason, "request_id": request_id})
}

/// `POST /ocr/value_add_tax_invoice`.
pub(crate) async fn recognize(
    State(state): State<SharedState>,
    headers: HeaderMap,
    multipart: Result<Multipart, MultipartRejection>,
) -> Response {
    let request_id = state.ids.deepfinch();
    if !is_authorized(&state.credentials.deepfinch, &headers) {
        return json_response(
            StatusCode::UNAUTHORIZED,
            &error_body("UNAUTHORIZED", UNAUTHORIZED_REASON, &request_id),
        );
    }
    let form = read_form(multipart.ok(), "file").await;
    let url = form.url.filter(|url| !url.trim().is_empty());
    let upload = match (&form.file, &url) {
        (Some((bytes, file_name)), None) => Upload {
            bytes: Some(bytes),
            file_name: file_name.as_deref(),
        },
        (None, Some(url)) => Upload {
            bytes: None,
            file_name: file_name_of_url(url),
        },
        (None, None) => {
            return json_response(
                StatusCode::BAD_REQUEST,
                &error_body("INVALID_ARGUMENT", "must specify 'file'", &request_id),
            );
        }
        (Some(_), Some(_)) => {
            return json_response(
                StatusCode::BAD_REQUEST,
                &error_body(
                    "INVALID_ARGUMENT",
                    "must specify only one of 'file' and 'url'",
                    &request_id,
                ),
            );
        }
    };
    if let Some(fixture) = state.fixtures.lookup(Provider::DeepFinch, upload) {
        return json_response(StatusCode::OK, &fixture);
    }
    let document = match &form.file {
        Some((bytes, _)) => read_digital_document(bytes.clone()).await,
        None => None,
    };
    let body = match document {
        Some(document) => match from_document::vat_invoice_result(&document) {
            Some(result) => json!({"status": "OK", "request_id": request_id, "result": result}),
            None => {
                return json_response(
                    StatusCode::BAD_REQUEST,
                    &error_body("DETECTION_FAILED", "detection failed", &request_id),
                );
            }
        },
        None => {
            let mut sample = state.samples.deepfinch_vat_invoice.clone();
            if let Some(object) = sample.as_object_mut() {
                object.insert("request_id".to_owned(), Value::from(request_id));
            }
            sample
        }
    };
    json_response(StatusCode::OK, &body)
}
