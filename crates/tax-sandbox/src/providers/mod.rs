//! Route handlers, one module per provider, and the response helpers they share.

pub(crate) mod deepfinch;
pub(crate) mod glair;
pub(crate) mod huawei;
pub(crate) mod onlinepajak;
mod reading;

use axum::body::Body;
use axum::extract::multipart::Multipart;
use axum::http::header::CONTENT_TYPE;
use axum::http::{HeaderName, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use serde_json::Value;

/// A JSON response.
pub(crate) fn json_response(status: StatusCode, body: &Value) -> Response {
    let bytes = serde_json::to_vec(body).unwrap_or_default();
    (
        status,
        [(CONTENT_TYPE, HeaderValue::from_static("application/json"))],
        Body::from(bytes),
    )
        .into_response()
}

/// Adds a header whose value is known to be visible ASCII; other values are skipped.
pub(crate) fn with_header(mut response: Response, name: &'static str, value: &str) -> Response {
    if let Ok(value) = HeaderValue::from_str(value) {
        response
            .headers_mut()
            .insert(HeaderName::from_static(name), value);
    }
    response
}

/// The parts of a multipart upload a provider reads.
#[derive(Debug, Default)]
pub(crate) struct FormUpload {
    /// Bytes and file name of the named file part.
    pub(crate) file: Option<(Bytes, Option<String>)>,
    /// Text of the `url` field.
    pub(crate) url: Option<String>,
}

/// Reads the file part called `file_field` and a `url` text field. A body that is not
/// multipart, or is malformed, reads as an empty upload.
pub(crate) async fn read_form(multipart: Option<Multipart>, file_field: &str) -> FormUpload {
    let mut upload = FormUpload::default();
    let Some(mut multipart) = multipart else {
        return upload;
    };
    while let Ok(Some(field)) = multipart.next_field().await {
        let name = field.name().map(str::to_owned);
        let file_name = field.file_name().map(str::to_owned);
        let Ok(bytes) = field.bytes().await else {
            return FormUpload::default();
        };
        match name.as_deref() {
            Some(name) if name == file_field => upload.file = Some((bytes, file_name)),
            Some("url") => upload.url = Some(String::from_utf8_lossy(&bytes).into_owned()),
            _ => {}
        }
    }
    upload
}
