//! OnlinePajak's status and error-code table, and the conversion of client errors into
//! [`Error`].
//!
//! | response | kind | retryable |
//! |---|---|---|
//! | gateway `API_KEY_INVALID` (401) | `Unauthenticated` | no |
//! | gateway `API_KEY_UNAUTHORIZED` (403) | `Forbidden` | no |
//! | 400 application envelope or form errors | `InvalidInput` | no |
//! | 404 application envelope | `ProviderRejected` (a look-up treats it as "not filed") | no |
//! | 429 | `RateLimited` | yes |
//! | 500, 502, 503 (JSON or an HTML gateway page) | `ProviderRejected` | yes |
//! | 504 | `Timeout` | yes |
//! | connection refused | `Transport`, known not sent | yes |
//! | timeout | `Timeout` | yes |
//! | connection reset, truncated body | `Transport` | yes |
//! | a 2xx body that is not the documented JSON | `UnexpectedResponse` | no |

use std::sync::LazyLock;

use onlinepajak_client::InvoiceError;
use onlinepajak_client::types::OnlinePajakError;
use taxdoc_client_runtime::error::ErrorKind as ClientErrorKind;
use taxdoc_client_runtime::wire::TextOrNumber;

use crate::error::{Error, ErrorKind, StatusTable, parse_retry_after};
use crate::provider::ProviderId;

/// The gateway code of an API key that does not exist.
pub(crate) const API_KEY_INVALID: &str = "API_KEY_INVALID";
/// The gateway code of an API key that may not use the service.
pub(crate) const API_KEY_UNAUTHORIZED: &str = "API_KEY_UNAUTHORIZED";

static TABLE: LazyLock<StatusTable> = LazyLock::new(|| {
    StatusTable::new(ProviderId::OnlinePajak)
        .code(API_KEY_INVALID, ErrorKind::Unauthenticated, false)
        .code(API_KEY_UNAUTHORIZED, ErrorKind::Forbidden, false)
        .status(400, ErrorKind::InvalidInput, false)
        .status(404, ErrorKind::ProviderRejected, false)
});

/// OnlinePajak's classification table.
pub(crate) fn table() -> &'static StatusTable {
    &TABLE
}

/// Whether the error is OnlinePajak's answer that no invoice has the number looked up: a 404
/// with the application envelope (`{"code": 404, "message": "Invoice not found"}`).
pub(crate) fn is_not_found(error: &InvoiceError) -> bool {
    error.status().is_some_and(|status| status.as_u16() == 404)
        && matches!(
            error.envelope(),
            Some(OnlinePajakError::ErrorEnvelope(envelope))
                if envelope.error.is_none()
                    && envelope.code.as_ref().is_some_and(|code| is_code(code, "404"))
        )
}

fn is_code(code: &TextOrNumber, expected: &str) -> bool {
    code.as_text().trim() == expected
}

/// Converts a client error into an [`Error`] with provider, status, code, message and
/// `Retry-After`. `secrets` are scrubbed from any text the error carries, as a last line of
/// defence behind the client's own redaction.
pub(crate) fn convert(error: InvoiceError, secrets: &[&str]) -> Error {
    let error = error.scrub(secrets);
    let status = error.status().map(|status| status.as_u16());
    let retry_after = error
        .headers()
        .get(reqwest::header::RETRY_AFTER)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| parse_retry_after(value, chrono::Utc::now()));
    let converted = match error.kind() {
        ClientErrorKind::HttpStatus => {
            let code = error.code();
            let message = error
                .message()
                .or_else(|| error.body_excerpt().map(str::to_owned))
                .unwrap_or_else(|| "OnlinePajak answered with an error status".to_owned());
            table().error(status, code.as_deref(), message)
        }
        ClientErrorKind::Connect => {
            Error::new(ErrorKind::Transport, "could not connect to OnlinePajak").with_not_sent()
        }
        ClientErrorKind::InvalidRequest => Error::new(
            ErrorKind::Config,
            "the request to OnlinePajak could not be built",
        )
        .with_not_sent(),
        ClientErrorKind::Timeout => {
            Error::new(ErrorKind::Timeout, "the request to OnlinePajak timed out")
        }
        ClientErrorKind::Transport => Error::new(
            ErrorKind::Transport,
            "the connection to OnlinePajak failed before a complete response arrived",
        ),
        ClientErrorKind::UnexpectedBody => Error::new(
            ErrorKind::UnexpectedResponse,
            "OnlinePajak answered with a body that is not the documented JSON",
        ),
        _ => Error::new(
            ErrorKind::UnexpectedResponse,
            "the OnlinePajak client failed",
        ),
    };
    let mut converted = converted.with_provider(ProviderId::OnlinePajak);
    if let Some(status) = status {
        converted = converted.with_status(status);
    }
    if let Some(request_id) = error.request_id() {
        converted = converted.with_request_id(request_id);
    }
    if let Some(retry_after) = retry_after {
        converted = converted.with_retry_after(retry_after);
    }
    converted.with_source(error)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gateway_codes_win_over_the_status() {
        let invalid = table().classify(Some(401), Some(API_KEY_INVALID));
        assert_eq!(invalid.kind, ErrorKind::Unauthenticated);
        let unauthorized = table().classify(Some(403), Some(API_KEY_UNAUTHORIZED));
        assert_eq!(unauthorized.kind, ErrorKind::Forbidden);
        // A gateway code under an unexpected status still names the credential problem.
        let odd = table().classify(Some(400), Some(API_KEY_INVALID));
        assert_eq!(odd.kind, ErrorKind::Unauthenticated);
        assert!(!odd.retryable);
    }

    #[test]
    fn application_errors_and_server_failures_follow_the_table() {
        let cases = [
            (400, Some("400"), ErrorKind::InvalidInput, false),
            (404, Some("404"), ErrorKind::ProviderRejected, false),
            (429, None, ErrorKind::RateLimited, true),
            (500, Some("500"), ErrorKind::ProviderRejected, true),
            (502, None, ErrorKind::ProviderRejected, true),
            (503, Some("503"), ErrorKind::ProviderRejected, true),
            (504, None, ErrorKind::Timeout, true),
        ];
        for (status, code, kind, retryable) in cases {
            let classification = table().classify(Some(status), code);
            assert_eq!(classification.kind, kind, "{status}");
            assert_eq!(classification.retryable, retryable, "{status}");
        }
    }

    #[test]
    fn client_side_failures_keep_their_meaning() {
        let refused = convert(InvoiceError::new(ClientErrorKind::Connect, "refused"), &[]);
        assert_eq!(refused.kind(), ErrorKind::Transport);
        assert!(refused.is_retryable() && refused.is_not_sent());
        let timeout = convert(InvoiceError::new(ClientErrorKind::Timeout, "slow"), &[]);
        assert_eq!(timeout.kind(), ErrorKind::Timeout);
        assert!(timeout.is_retryable() && !timeout.is_not_sent());
        let garbled = convert(InvoiceError::new(ClientErrorKind::UnexpectedBody, "x"), &[]);
        assert_eq!(garbled.kind(), ErrorKind::UnexpectedResponse);
        assert!(!garbled.is_retryable());
        assert_eq!(garbled.provider(), Some(ProviderId::OnlinePajak));
    }

    /// The client error for an error response with this status, JSON body and headers.
    fn response_error(
        status: u16,
        body: serde_json::Value,
        headers: &[(&'static str, &str)],
    ) -> InvoiceError {
        let envelope: OnlinePajakError = serde_json::from_value(body).unwrap();
        let mut map = reqwest::header::HeaderMap::new();
        for (name, value) in headers {
            map.insert(*name, value.parse().unwrap());
        }
        let status = reqwest::StatusCode::from_u16(status).unwrap();
        let value = progenitor_client::ResponseValue::new(envelope, status, map);
        InvoiceError::from(progenitor_client::Error::ErrorResponse(value))
    }

    #[test]
    fn only_the_application_not_found_envelope_means_not_filed() {
        use serde_json::json;
        let not_found = json!({"code": 404, "message": "Invoice not found"});
        assert!(is_not_found(&response_error(404, not_found.clone(), &[])));
        assert!(!is_not_found(&response_error(400, not_found, &[])));
        // A 404 from something other than the invoice service is an error, not "not filed".
        let gateway = json!({"message": "Not Found"});
        assert!(!is_not_found(&response_error(404, gateway, &[])));
        let key = json!({"error": {"code": "API_KEY_INVALID", "message": "invalid"}});
        assert!(!is_not_found(&response_error(404, key, &[])));
    }

    #[test]
    fn converted_responses_keep_status_code_message_and_retry_after() {
        use serde_json::json;
        let body = json!({"error": {"code": API_KEY_INVALID, "message": "An invalid api_key"}});
        let error = convert(response_error(401, body, &[]), &[]);
        assert_eq!(error.kind(), ErrorKind::Unauthenticated);
        assert_eq!(error.status(), Some(401));
        assert_eq!(error.code(), Some(API_KEY_INVALID));
        assert_eq!(error.message(), "An invalid api_key");

        let body = json!({"message": "API rate limit exceeded"});
        let error = convert(response_error(429, body, &[("retry-after", "7")]), &[]);
        assert_eq!(error.kind(), ErrorKind::RateLimited);
        assert!(error.is_retryable());
        assert_eq!(error.retry_after(), Some(std::time::Duration::from_secs(7)));

        let body = json!([{"field": "npwp", "message": "This value is not valid."}]);
        let error = convert(response_error(400, body, &[]), &[]);
        assert_eq!(error.kind(), ErrorKind::InvalidInput);
        assert!(error.message().contains("not valid"));
    }

    #[test]
    fn planted_secrets_are_scrubbed_from_the_source() {
        let key = "opk-unit-3c1d9e";
        let error = InvoiceError::new(
            ClientErrorKind::Other,
            &format!("failed while sending {key}"),
        );
        let converted = convert(error, &[key]);
        let shown = format!("{converted} {converted:?}");
        assert!(!shown.contains(key), "{shown}");
    }
}
