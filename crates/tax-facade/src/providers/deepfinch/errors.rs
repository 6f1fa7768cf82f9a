//! DeepFinch failures as [`Error`]s: the status table, in one place.
//!
//! DeepFinch reports errors with a `{status, reason, request_id}` body, and its `status` says
//! more than the HTTP code: throttling comes as HTTP **403** `RATE_LIMIT_EXCEEDED`, not 429. So
//! the table is keyed by the body's `status` first and falls back to the HTTP status only
//! when the body is not DeepFinch's JSON (an HTML page from a gateway, a truncated body).
//!
//! | HTTP | `status` | kind | retryable |
//! |---|---|---|---|
//! | 400 | `INVALID_ARGUMENT` | `InvalidInput` | no |
//! | 400 | `DETECTION_FAILED` | `ProviderRejected` | no |
//! | 401 | `UNAUTHORIZED` | `Unauthenticated` | no |
//! | 403 | `RATE_LIMIT_EXCEEDED` | `RateLimited` | yes |
//! | 404 | `NOT_FOUND` or not JSON | `Config` (wrong base URL or path) | no |
//! | 500 | `INTERNAL_ERROR` | `ProviderRejected` | yes |
//! | 200 | any other than `OK` | by `status` as above, else `UnexpectedResponse` | no |
//! | other | not JSON | [`Classification::http_default`](crate::error::Classification::http_default) (5xx retryable) | |
//!
//! Transport failures are `Transport` (retryable; a failed connection is also marked as not
//! sent), client-side timeouts `Timeout` (retryable), and a success body that is not the
//! documented JSON `UnexpectedResponse` (not retryable).

use deepfinch_client::OcrError;
use deepfinch_client::types::DeepfinchError;
use taxdoc_client_runtime::error::{ErrorKind as ApiErrorKind, redact_text};

use crate::error::{Error, ErrorKind, StatusTable, parse_retry_after};
use crate::provider::ProviderId;

/// `status` of a successful response.
pub const STATUS_OK: &str = "OK";

/// The DeepFinch status table (see the module documentation).
pub fn status_table() -> StatusTable {
    StatusTable::new(ProviderId::DeepFinch)
        .code("INVALID_ARGUMENT", ErrorKind::InvalidInput, false)
        .code("DETECTION_FAILED", ErrorKind::ProviderRejected, false)
        .code("UNAUTHORIZED", ErrorKind::Unauthenticated, false)
        .code(
            deepfinch_client::RATE_LIMIT_EXCEEDED,
            ErrorKind::RateLimited,
            true,
        )
        .code("NOT_FOUND", ErrorKind::Config, false)
        .status(404, ErrorKind::Config, false)
        .code("INTERNAL_ERROR", ErrorKind::ProviderRejected, true)
}

/// The error for a response whose HTTP status was 200 but whose body `status` was not `OK`.
pub fn error_in_success_body(
    status: &str,
    reason: Option<&str>,
    request_id: Option<&str>,
) -> Error {
    let error = status_table().error(Some(200), Some(status), answer(status, reason));
    match request_id {
        Some(request_id) => error.with_request_id(request_id),
        None => error,
    }
}

/// Converts a client error into a facade [`Error`] with provider, HTTP status, DeepFinch
/// `status` code, message, request id (from the body) and `Retry-After`.
///
/// `secrets` are scrubbed from any text taken from the response as a last line of defence.
pub fn from_api_error(error: OcrError, secrets: &[&str]) -> Error {
    let error = error.scrub(secrets);
    let status = error.status().map(|status| status.as_u16());
    let retry_after = error
        .headers()
        .get(reqwest::header::RETRY_AFTER)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| parse_retry_after(value, chrono::Utc::now()));
    let request_id = error.request_id().map(str::to_owned);
    let converted = match error.kind() {
        ApiErrorKind::HttpStatus => from_status(status, error.envelope(), &error),
        ApiErrorKind::Connect => transport(ErrorKind::Transport, &error).with_not_sent(),
        ApiErrorKind::Timeout => transport(ErrorKind::Timeout, &error),
        ApiErrorKind::Transport => transport(ErrorKind::Transport, &error),
        ApiErrorKind::InvalidRequest => Error::new(
            ErrorKind::Config,
            format!("the request could not be built: {error}"),
        )
        .with_not_sent(),
        _ => Error::new(
            ErrorKind::UnexpectedResponse,
            format!("DeepFinch's response could not be read: {error}"),
        ),
    };
    let mut converted = converted.with_provider(ProviderId::DeepFinch);
    if let Some(status) = status {
        converted = converted.with_status(status);
    }
    if let Some(request_id) = request_id {
        converted = converted.with_request_id(request_id);
    }
    if let Some(retry_after) = retry_after {
        converted = converted.with_retry_after(retry_after);
    }
    converted.with_source(error)
}

fn from_status(status: Option<u16>, envelope: Option<&DeepfinchError>, error: &OcrError) -> Error {
    let code = envelope.and_then(|envelope| envelope.status.as_deref());
    let message = match code {
        Some(code) => answer(code, envelope.and_then(|e| e.reason.as_deref())),
        None => match error.body_excerpt() {
            Some(_) => "DeepFinch answered with a body that is not its JSON error".to_owned(),
            None => "DeepFinch answered with an empty error body".to_owned(),
        },
    };
    status_table().error(status, code, message)
}

/// "DeepFinch answered CODE: reason", with any secret-looking `name=value` pair in the
/// provider's text blanked out.
fn answer(code: &str, reason: Option<&str>) -> String {
    match reason {
        Some(reason) => redact_text(&format!("DeepFinch answered {code}: {reason}")),
        None => redact_text(&format!("DeepFinch answered {code}")),
    }
}

fn transport(kind: ErrorKind, error: &OcrError) -> Error {
    Error::new(kind, format!("calling DeepFinch failed: {error}"))
}

/// Names DeepFinch as the provider of an error raised around the call (a per-attempt or total
/// timeout of the retrier), unless it already names one.
pub(super) fn with_provider(error: Error) -> Error {
    if error.provider().is_some() {
        error
    } else {
        error.with_provider(ProviderId::DeepFinch)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_body_status_decides_kind_and_retryability() {
        let table = status_table();
        let cases = [
            (400, "INVALID_ARGUMENT", ErrorKind::InvalidInput, false),
            (400, "DETECTION_FAILED", ErrorKind::ProviderRejected, false),
            (401, "UNAUTHORIZED", ErrorKind::Unauthenticated, false),
            (403, "RATE_LIMIT_EXCEEDED", ErrorKind::RateLimited, true),
            (404, "NOT_FOUND", ErrorKind::Config, false),
            (500, "INTERNAL_ERROR", ErrorKind::ProviderRejected, true),
        ];
        for (status, code, kind, retryable) in cases {
            let classified = table.classify(Some(status), Some(code));
            assert_eq!(classified.kind, kind, "{status} {code}");
            assert_eq!(classified.retryable, retryable, "{status} {code}");
        }
    }

    #[test]
    fn without_a_body_status_the_http_status_decides() {
        let table = status_table();
        assert_eq!(table.classify(Some(403), None).kind, ErrorKind::Forbidden);
        assert_eq!(table.classify(Some(404), None).kind, ErrorKind::Config);
        assert!(!table.classify(Some(403), None).retryable);
        let bad_gateway = table.classify(Some(502), None);
        assert_eq!(bad_gateway.kind, ErrorKind::ProviderRejected);
        assert!(bad_gateway.retryable);
    }

    #[test]
    fn a_non_ok_status_in_a_200_body_is_an_error_with_its_request_id() {
        let throttled = error_in_success_body("RATE_LIMIT_EXCEEDED", Some("slow"), Some("TID1"));
        assert_eq!(throttled.kind(), ErrorKind::RateLimited);
        assert!(throttled.is_retryable());
        assert_eq!(throttled.request_id(), Some("TID1"));
        assert_eq!(throttled.code(), Some("RATE_LIMIT_EXCEEDED"));
        let unknown = error_in_success_body("SOMETHING_NEW", None, None);
        assert_eq!(unknown.kind(), ErrorKind::UnexpectedResponse);
        assert!(!unknown.is_retryable());
    }
}
