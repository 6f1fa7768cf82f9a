//! GLAIR Vision: `POST /ocr/v1/npwp` and `POST /ocr/v1/invoice` (multipart `image`).
//!
//! An invoice upload that is a digital document (a PDF with a text layer, or an image with a
//! QR code) is answered with the values the offline reader finds in it; other uploads get the
//! registered fixture or the documented sample.

mod from_document;

use axum::extract::State;
use axum::extract::multipart::{Multipart, MultipartRejection};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde_json::{Value, json};

use super::{json_response, read_form, with_header};
use crate::Provider;
use crate::auth::glair::{ACCESS_DENIED, is_authorized};
use crate::fixtures::Upload;
use crate::local_reading::read_digital_document;
use crate::state::SharedState;

/// Which document a route reads.
#[derive(Debug, Clone, Copy)]
enum Document {
    Npwp,
    Invoice,
}

/// `POST /ocr/v1/npwp`.
pub(crate) async fn read_npwp(
    State(state): State<SharedState>,
    headers: HeaderMap,
    multipart: Result<Multipart, MultipartRejection>,
) -> Response {
    read(&state, &headers, multipart.ok(), Document::Npwp).await
}

/// `POST /ocr/v1/invoice`.
pub(crate) async fn read_invoice(
    State(state): State<SharedState>,
    headers: HeaderMap,
    multipart: Result<Multipart, MultipartRejection>,
) -> Response {
    read(&state, &headers, multipart.ok(), Document::Invoice).await
}

/// The `Request-Id` for a call: the caller's `x-request-id` when sent, else a new one.
pub(crate) fn request_id(state: &SharedState, headers: &HeaderMap) -> String {
    headers
        .get("x-request-id")
        .and_then(|value| value.to_str().ok())
        .filter(|value| !value.is_empty())
        .map_or_else(|| state.ids.uuid(), str::to_owned)
}

async fn read(
    state: &SharedState,
    headers: &HeaderMap,
    multipart: Option<Multipart>,
    document: Document,
) -> Response {
    let request_id = request_id(state, headers);
    let respond = |status: StatusCode, body: &Value| {
        with_header(json_response(status, body), "request-id", &request_id)
    };
    if !is_authorized(&state.credentials.glair, headers) {
        return respond(StatusCode::FORBIDDEN, &json!({ "message": ACCESS_DENIED }));
    }
    let upload = read_form(multipart, "image").await;
    let Some((bytes, file_name)) = upload.file.filter(|(bytes, _)| !bytes.is_empty()) else {
        return respond(
            StatusCode::BAD_REQUEST,
            &json!({"status": "NO_FILE", "reason": "No file in request body"}),
        );
    };
    if !is_accepted_format(&bytes) {
        return respond(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            &json!({
                "status": "FILE_INVALID_FORMAT",
                "reason": "Failed to process invalid file format. Please upload the correct file format"
            }),
        );
    }
    let fixture = state.fixtures.lookup(
        Provider::Glair,
        Upload {
            bytes: Some(&bytes),
            file_name: file_name.as_deref(),
        },
    );
    if let Some(fixture) = fixture {
        return respond(StatusCode::OK, &fixture);
    }
    let body = match document {
        Document::Npwp => state.samples.glair_npwp.clone(),
        Document::Invoice => read_invoice_locally(state, bytes)
            .await
            .unwrap_or_else(|| state.samples.glair_invoice.clone()),
    };
    respond(StatusCode::OK, &body)
}

/// The invoice answer computed from a digital document, when the upload is one.
async fn read_invoice_locally(state: &SharedState, bytes: bytes::Bytes) -> Option<Value> {
    let document = read_digital_document(bytes).await?;
    from_document::invoice_response(&document, &state.samples.glair_invoice)
}

/// Whether the bytes start like a PNG, JPEG, TIFF or PDF file (the content type of the part is
/// not trusted, as on the real service).
fn is_accepted_format(bytes: &[u8]) -> bool {
    const SIGNATURES: [&[u8]; 5] = [
        b"\x89PNG\r\n\x1a\n",
        b"\xff\xd8\xff",
        b"II*\0",
        b"MM\0*",
        b"%PDF-",
    ];
    SIGNATURES
        .iter()
        .any(|signature| bytes.starts_with(signature))
}

#[cfg(test)]
mod tests {
    use super::is_accepted_format;

    #[test]
    fn formats_are_recognised_by_their_leading_bytes() {
        assert!(is_accepted_format(b"\xff\xd8\xff\xe0rest"));
        assert!(is_accepted_format(b"%PDF-1.7"));
        assert!(!is_accepted_format(b"hello, world"));
        assert!(!is_accepted_format(b""));
    }
}
