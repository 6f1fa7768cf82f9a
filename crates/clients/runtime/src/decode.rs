//! Bounded reading and decoding of responses for the generated operations.
//!
//! The generated clients call [`success_response`] for the documented success status and
//! [`error_response`] for documented error statuses. Both read the body with a cap of
//! [`MAX_RESPONSE_BYTES`], so a misbehaving server cannot exhaust memory, and both keep the
//! status and headers.
//!
//! An error status whose body is not the documented JSON envelope (an HTML gateway page, a
//! truncated or malformed body) becomes [`Error::UnexpectedResponse`] rebuilt with the same
//! status, headers and bytes, so callers can still inspect it. The rebuilt response no longer
//! knows its URL.

use bytes::{Bytes, BytesMut};
use progenitor_client::{Error, ResponseValue};
use serde::de::DeserializeOwned;

/// The largest response body read into memory: 32 MiB. OCR responses are a few kilobytes;
/// larger bodies are reported as [`Error::Custom`] instead of being buffered.
pub const MAX_RESPONSE_BYTES: usize = 32 * 1024 * 1024;

/// Decodes a success response body as JSON `T`, keeping status and headers.
///
/// A body that is not valid `T` is [`Error::InvalidResponsePayload`] (with the bytes); a failure
/// while reading is [`Error::ResponseBodyError`]; a body over the cap is [`Error::Custom`].
pub async fn success_response<T, E>(
    response: reqwest::Response,
) -> Result<ResponseValue<T>, Error<E>>
where
    T: DeserializeOwned,
{
    let status = response.status();
    let headers = response.headers().clone();
    let body = read_capped(response, MAX_RESPONSE_BYTES).await?;
    match serde_json::from_slice(&body) {
        Ok(inner) => Ok(ResponseValue::new(inner, status, headers)),
        Err(error) => Err(Error::InvalidResponsePayload(body, error)),
    }
}

/// Decodes a documented error response.
///
/// A body that is the JSON envelope `E` becomes [`Error::ErrorResponse`] (status and headers
/// kept). Any other body becomes [`Error::UnexpectedResponse`] with the same status, headers
/// and bytes.
pub async fn error_response<E>(response: reqwest::Response) -> Error<E>
where
    E: DeserializeOwned,
{
    let status = response.status();
    let headers = response.headers().clone();
    let version = response.version();
    let body = match read_capped::<E>(response, MAX_RESPONSE_BYTES).await {
        Ok(body) => body,
        Err(error) => return error,
    };
    match serde_json::from_slice::<E>(&body) {
        Ok(envelope) => Error::ErrorResponse(ResponseValue::new(envelope, status, headers)),
        Err(_) => Error::UnexpectedResponse(rebuild(status, version, headers, body)),
    }
}

/// Reads the whole body, failing once it grows past `cap` bytes.
async fn read_capped<E>(mut response: reqwest::Response, cap: usize) -> Result<Bytes, Error<E>> {
    let status = response.status();
    let too_large = || {
        Error::Custom(format!(
            "response body (status {status}) exceeds the limit of {cap} bytes"
        ))
    };
    if response
        .content_length()
        .is_some_and(|length| length > cap as u64)
    {
        return Err(too_large());
    }
    let mut body = BytesMut::new();
    while let Some(chunk) = response.chunk().await.map_err(Error::ResponseBodyError)? {
        if body.len() + chunk.len() > cap {
            return Err(too_large());
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body.freeze())
}

fn rebuild(
    status: reqwest::StatusCode,
    version: http::Version,
    headers: reqwest::header::HeaderMap,
    body: Bytes,
) -> reqwest::Response {
    let mut rebuilt = http::Response::new(body);
    *rebuilt.status_mut() = status;
    *rebuilt.version_mut() = version;
    *rebuilt.headers_mut() = headers;
    reqwest::Response::from(rebuilt)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, serde::Deserialize)]
    struct Envelope {
        status: String,
    }

    fn response(status: u16, content_type: &str, body: &'static [u8]) -> reqwest::Response {
        let response = http::Response::builder()
            .status(status)
            .header("content-type", content_type)
            .header("x-request-id", "req-1")
            .body(Bytes::from_static(body));
        reqwest::Response::from(response.unwrap())
    }

    #[tokio::test]
    async fn matching_error_body_is_an_error_response_with_status_and_headers() {
        let raw = response(400, "application/json", br#"{"status":"FAILED"}"#);
        let Error::ErrorResponse(value) = error_response::<Envelope>(raw).await else {
            panic!("expected ErrorResponse");
        };
        assert_eq!(value.status().as_u16(), 400);
        assert_eq!(value.headers()["x-request-id"], "req-1");
        assert_eq!(
            value.into_inner(),
            Envelope {
                status: "FAILED".to_owned()
            }
        );
    }

    #[tokio::test]
    async fn html_error_body_is_unexpected_response_with_same_status_headers_and_bytes() {
        let raw = response(502, "text/html", b"<html>Bad Gateway</html>");
        let Error::UnexpectedResponse(rebuilt) = error_response::<Envelope>(raw).await else {
            panic!("expected UnexpectedResponse");
        };
        assert_eq!(rebuilt.status().as_u16(), 502);
        assert_eq!(rebuilt.headers()["content-type"], "text/html");
        assert_eq!(
            rebuilt.bytes().await.unwrap().as_ref(),
            b"<html>Bad Gateway</html>"
        );
    }

    #[tokio::test]
    async fn truncated_json_error_body_is_unexpected_response() {
        let raw = response(500, "application/json", br#"{"status":"FAI"#);
        let error = error_response::<Envelope>(raw).await;
        assert!(matches!(error, Error::UnexpectedResponse(ref r) if r.status() == 500));
    }

    #[tokio::test]
    async fn success_body_decodes_and_bad_success_body_keeps_bytes() {
        let ok = response(200, "application/json", br#"{"status":"SUCCESS"}"#);
        let value = success_response::<Envelope, ()>(ok).await.unwrap();
        assert_eq!(value.status().as_u16(), 200);
        assert_eq!(value.into_inner().status, "SUCCESS");
        let bad = response(200, "application/json", b"[1,2");
        let error = success_response::<Envelope, ()>(bad).await.unwrap_err();
        assert!(
            matches!(error, Error::InvalidResponsePayload(ref bytes, _) if bytes.as_ref() == b"[1,2")
        );
    }

    #[tokio::test]
    async fn body_over_the_cap_is_an_error_not_a_buffer() {
        let raw = response(200, "application/json", b"0123456789");
        let error = read_capped::<()>(raw, 4).await.unwrap_err();
        assert!(matches!(error, Error::Custom(ref message) if message.contains("exceeds")));
        let fits = response(200, "application/json", b"0123");
        assert_eq!(read_capped::<()>(fits, 4).await.unwrap().as_ref(), b"0123");
    }
}
