//! GLAIR Vision's failures as [`Error`]s: the status and code table in one place.
//!
//! | response | kind | retryable |
//! |---|---|---|
//! | `400` `NO_FILE` | `InvalidInput` | no |
//! | `415` `FILE_INVALID_FORMAT` | `InvalidInput` | no |
//! | `413` (upload too large) | `InvalidInput` | no |
//! | `401` from the API gateway | `Unauthenticated` | no |
//! | `403` from the API gateway (wrong key or password) | `Unauthenticated` | no |
//! | `429` | `RateLimited` | yes |
//! | `5xx`, JSON or not (an HTML `502` page) | `ProviderRejected` | yes |
//! | `FAILED` (any status, a `200` included) | `ProviderRejected` | no |
//! | connection failures, resets | `Transport` | yes |
//! | client-side timeouts | `Timeout` | yes |
//! | a `200` whose body is not the documented JSON | `UnexpectedResponse` | no |
//!
//! GLAIR's API gateway answers a wrong or missing API key or Basic password with `403` and
//! `{"message": "Access to this API has been disallowed."}`; no other `403` is documented, so
//! it is classified as `Unauthenticated`: the fix is to check the credentials.
//!
//! Every error carries the provider, the HTTP status, GLAIR's `status` code, the `Request-Id`
//! header and the `Retry-After` hint when the response had them.

use chrono::Utc;
use glair_vision_client::OcrError;
use glair_vision_client::types::GlairError;
use taxdoc_client_runtime::error::ErrorKind as ApiErrorKind;

use crate::error::{Error, ErrorKind, StatusTable, parse_retry_after};
use crate::provider::ProviderId;

/// GLAIR's `status` code for a request without a file.
pub const NO_FILE: &str = "NO_FILE";
/// GLAIR's `status` code for a file in a format it does not read.
pub const FILE_INVALID_FORMAT: &str = "FILE_INVALID_FORMAT";
/// GLAIR's `status` code for a reading that failed.
pub const FAILED: &str = "FAILED";
/// GLAIR's `status` code for a successful reading.
pub const SUCCESS: &str = "SUCCESS";

/// Most characters of a non-JSON error body quoted in an error message.
const EXCERPT_CHARS: usize = 120;

/// GLAIR Vision's status and code table (see the module documentation).
pub fn status_table() -> StatusTable {
    StatusTable::new(ProviderId::Glair)
        .code(NO_FILE, ErrorKind::InvalidInput, false)
        .code(FILE_INVALID_FORMAT, ErrorKind::InvalidInput, false)
        .code(FAILED, ErrorKind::ProviderRejected, false)
        .status(400, ErrorKind::InvalidInput, false)
        .status(401, ErrorKind::Unauthenticated, false)
        .status(403, ErrorKind::Unauthenticated, false)
        .status(413, ErrorKind::InvalidInput, false)
        .status(415, ErrorKind::InvalidInput, false)
        .status(429, ErrorKind::RateLimited, true)
}

/// Converts a failed call of the generated client, reading the body of an undocumented
/// response for the message. `secrets` are scrubbed from any quoted body text.
pub(crate) async fn from_client_error(
    error: progenitor_client::Error<GlairError>,
    secrets: &[&str],
) -> Error {
    from_api_error(OcrError::from_progenitor(error).await.scrub(secrets))
}

/// Converts a client error into the facade's [`Error`] using [`status_table`].
pub(crate) fn from_api_error(api: OcrError) -> Error {
    let status = api.status().map(|status| status.as_u16());
    let request_id = api.request_id().map(str::to_owned);
    let retry_after = api
        .headers()
        .get(reqwest::header::RETRY_AFTER)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| parse_retry_after(value, Utc::now()));
    let mut error = match api.kind() {
        ApiErrorKind::HttpStatus => {
            let code = api.code();
            let message = http_message(&api, status);
            status_table().error(status, code.as_deref(), message)
        }
        ApiErrorKind::Connect => Error::new(
            ErrorKind::Transport,
            format!("cannot connect to GLAIR Vision: {api}"),
        )
        .with_provider(ProviderId::Glair)
        .with_not_sent(),
        ApiErrorKind::Timeout => Error::new(ErrorKind::Timeout, format!("GLAIR Vision: {api}"))
            .with_provider(ProviderId::Glair),
        ApiErrorKind::Transport => Error::new(ErrorKind::Transport, format!("GLAIR Vision: {api}"))
            .with_provider(ProviderId::Glair),
        ApiErrorKind::InvalidRequest => Error::new(
            ErrorKind::Config,
            format!("the request to GLAIR Vision could not be built: {api}"),
        )
        .with_provider(ProviderId::Glair)
        .with_not_sent(),
        _ => Error::new(
            ErrorKind::UnexpectedResponse,
            format!("GLAIR Vision answered with an unreadable response: {api}"),
        )
        .with_provider(ProviderId::Glair),
    };
    if let (Some(status), None) = (status, error.status()) {
        error = error.with_status(status);
    }
    if let Some(request_id) = request_id {
        error = error.with_request_id(request_id);
    }
    if let Some(retry_after) = retry_after {
        error = error.with_retry_after(retry_after);
    }
    error.with_source(api)
}

/// The message of an error status: GLAIR's `reason` or the gateway's `message`, else a short
/// excerpt of the (non-JSON) body.
fn http_message(api: &OcrError, status: Option<u16>) -> String {
    let status = status.map_or_else(|| "an error status".to_owned(), |s| format!("HTTP {s}"));
    if let Some(message) = api.message() {
        return message;
    }
    match api.body_excerpt() {
        Some(body) => {
            let excerpt: String = body.chars().take(EXCERPT_CHARS).collect();
            let excerpt = excerpt.split_whitespace().collect::<Vec<_>>().join(" ");
            format!(
                "GLAIR Vision answered {status} with a body that is not its JSON error: {excerpt}"
            )
        }
        None => format!("GLAIR Vision answered {status} without an error body"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use progenitor_client::ResponseValue;
    use reqwest::StatusCode;
    use reqwest::header::{HeaderMap, HeaderValue};

    fn envelope(status: Option<&str>, reason: Option<&str>, message: Option<&str>) -> GlairError {
        let mut body = serde_json::Map::new();
        for (key, value) in [("status", status), ("reason", reason), ("message", message)] {
            if let Some(value) = value {
                body.insert(key.to_owned(), value.into());
            }
        }
        serde_json::from_value(serde_json::Value::Object(body)).unwrap()
    }

    fn response_error(status: u16, body: GlairError) -> Error {
        let mut headers = HeaderMap::new();
        headers.insert("request-id", HeaderValue::from_static("req-7"));
        headers.insert("retry-after", HeaderValue::from_static("3"));
        let value = ResponseValue::new(body, StatusCode::from_u16(status).unwrap(), headers);
        from_api_error(OcrError::from(progenitor_client::Error::ErrorResponse(
            value,
        )))
    }

    #[test]
    fn the_documented_statuses_map_to_their_kinds() {
        let cases = [
            (400, Some(NO_FILE), None, ErrorKind::InvalidInput, false),
            (
                415,
                Some(FILE_INVALID_FORMAT),
                None,
                ErrorKind::InvalidInput,
                false,
            ),
            (
                413,
                None,
                Some("Request Entity Too Large"),
                ErrorKind::InvalidInput,
                false,
            ),
            (
                401,
                None,
                Some("Unauthorized"),
                ErrorKind::Unauthenticated,
                false,
            ),
            (
                403,
                None,
                Some("Access to this API has been disallowed."),
                ErrorKind::Unauthenticated,
                false,
            ),
            (
                429,
                None,
                Some("Too Many Requests"),
                ErrorKind::RateLimited,
                true,
            ),
            (
                500,
                None,
                Some("Internal server error"),
                ErrorKind::ProviderRejected,
                true,
            ),
            (500, Some(FAILED), None, ErrorKind::ProviderRejected, false),
        ];
        for (status, code, message, kind, retryable) in cases {
            let error = response_error(status, envelope(code, Some("why"), message));
            assert_eq!(error.kind(), kind, "HTTP {status}");
            assert_eq!(error.is_retryable(), retryable, "HTTP {status}");
            assert_eq!(error.status(), Some(status));
            assert_eq!(error.code(), code);
            assert_eq!(error.provider(), Some(ProviderId::Glair));
            assert_eq!(error.request_id(), Some("req-7"));
            assert_eq!(error.retry_after(), Some(std::time::Duration::from_secs(3)));
        }
    }

    #[test]
    fn the_reason_or_gateway_message_becomes_the_message() {
        let error = response_error(
            400,
            envelope(Some(NO_FILE), Some("No file in request body"), None),
        );
        assert_eq!(error.message(), "No file in request body");
        let gateway = response_error(
            403,
            envelope(None, None, Some("Access to this API has been disallowed.")),
        );
        assert_eq!(gateway.message(), "Access to this API has been disallowed.");
    }

    #[test]
    fn requests_that_could_not_be_built_were_not_sent() {
        let api = OcrError::from(progenitor_client::Error::<GlairError>::InvalidRequest(
            "bad header".to_owned(),
        ));
        let error = from_api_error(api);
        assert_eq!(error.kind(), ErrorKind::Config);
        assert!(error.is_not_sent());
        assert!(!error.is_retryable());
    }

    /// Uploads `bytes` with the raw client (which checks nothing) to provoke GLAIR's own
    /// input errors.
    async fn upload_raw(bytes: &'static [u8]) -> Error {
        use glair_vision_client::auth::Credentials;
        use glair_vision_client::types::OcrImageForm;
        use taxdoc_client_runtime::http::HttpSettings;

        let sandbox = tax_sandbox::Sandbox::builder().start().await.unwrap();
        let glair = &sandbox.credentials().glair;
        let credentials = Credentials::new(
            glair.username.clone(),
            glair.password.clone(),
            glair.api_key.clone(),
        );
        let settings = HttpSettings::default().with_base_url(sandbox.base_url());
        let client =
            glair_vision_client::Client::from_credentials(&credentials, &settings).unwrap();
        let form = OcrImageForm::file(bytes, "upload.png", "image/png");
        let error = client.read_npwp(&form).await.unwrap_err();
        let error = from_client_error(error, &[glair.password.as_str()]).await;
        sandbox.shutdown().await;
        error
    }

    #[tokio::test]
    async fn the_services_own_input_errors_are_invalid_input() {
        let empty = upload_raw(b"").await;
        assert_eq!(empty.kind(), ErrorKind::InvalidInput);
        assert_eq!(empty.status(), Some(400));
        assert_eq!(empty.code(), Some(NO_FILE));
        assert!(empty.request_id().is_some());

        let text = upload_raw(b"plain text, not an image").await;
        assert_eq!(text.kind(), ErrorKind::InvalidInput);
        assert_eq!(text.status(), Some(415));
        assert_eq!(text.code(), Some(FILE_INVALID_FORMAT));
        assert!(!text.is_retryable());
    }
}
