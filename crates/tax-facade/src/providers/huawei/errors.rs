//! Huawei's HTTP statuses and error codes mapped to [`ErrorKind`], in one table.
//!
//! | code | kind | retryable | why |
//! |---|---|---|---|
//! | `APIG.0308` | `RateLimited` | yes | gateway throttling; Huawei advises a retry after 2–5 s |
//! | `ModelArts.4401` | `RateLimited` | yes | too many concurrent requests |
//! | `APIG.0201`, `ModelArts.4402` | `Timeout` | yes | the backend timed out |
//! | `ModelArts.4302`, `4403`, `4502` | `ProviderRejected` | yes | forwarding failed, backend unavailable or answered badly |
//! | `APIG.0301`, `0303`, `0307`, `ModelArts.0203`, `0212`, `4101`–`4103` | `Unauthenticated` | no | token invalid or expired, AK/SK signature mismatch |
//! | `ModelArts.4203` | `Forbidden` | no | access denied |
//! | `ModelArts.4204` | `Forbidden` | no | the service is not subscribed in this region: the credentials are valid but may not call it until it is enabled in the console, which no retry changes (it is not a used-up quota) |
//! | `AIS.0101`–`0103`, `ModelArts.4104`, `4105` | `InvalidInput` | no | bad parameters, image format or size |
//! | `AIS.0104`, `AIS.0105` | `ProviderRejected` | no | the image could not be recognised |
//! | `AIS.0118` | `ProviderRejected` | yes, later | the tax authority's interface is down; retry after about two hours |
//! | `ModelArts.4601`, `4603`, `4702`–`4706` | `InvalidInput` | no | the URL or OBS object cannot be fetched |
//! | `APIG.0101` | `Config` | no | the API does not exist here: wrong region or project id |
//!
//! Anything else falls back to the HTTP status ([`crate::error::Classification::http_default`]):
//! 401 `Unauthenticated`, 429 `RateLimited`, 5xx `ProviderRejected` retryable, 504 `Timeout`.
//! A body that is not JSON (an HTML gateway page) keeps its status and is classified by it.
//! Transport failures are `Transport` and time-outs `Timeout`, both retryable.

use std::sync::LazyLock;
use std::time::Duration;

use huawei_ocr_client::THROTTLED;
use taxdoc_client_runtime::error::{ApiError, ErrorEnvelope, ErrorKind as ClientErrorKind};

use crate::error::{Error, ErrorKind, StatusTable, parse_retry_after};
use crate::provider::ProviderId;

/// How long `AIS.0118` (tax authority interface down) suggests waiting.
const TAX_AUTHORITY_RETRY_AFTER: Duration = Duration::from_secs(2 * 60 * 60);

/// Codes that mean the credentials were refused; a password token is refreshed once on them.
pub(super) const TOKEN_REFUSED_CODES: [&str; 3] = ["APIG.0301", "APIG.0307", "ModelArts.0203"];

static TABLE: LazyLock<StatusTable> = LazyLock::new(|| {
    use ErrorKind::{
        Config, Forbidden, InvalidInput, ProviderRejected, RateLimited, Timeout, Unauthenticated,
    };
    let mut table = StatusTable::new(ProviderId::HuaweiOcr)
        .code(THROTTLED, RateLimited, true)
        .code("ModelArts.4401", RateLimited, true)
        .code("APIG.0201", Timeout, true)
        .code("ModelArts.4402", Timeout, true)
        .code("ModelArts.4204", Forbidden, false)
        .code("ModelArts.4203", Forbidden, false)
        .code("AIS.0104", ProviderRejected, false)
        .code("AIS.0105", ProviderRejected, false)
        .code("AIS.0118", ProviderRejected, true)
        .code("APIG.0101", Config, false);
    for code in ["ModelArts.4302", "ModelArts.4403", "ModelArts.4502"] {
        table = table.code(code, ProviderRejected, true);
    }
    for code in [
        "APIG.0301",
        "APIG.0303",
        "APIG.0307",
        "ModelArts.0203",
        "ModelArts.0212",
        "ModelArts.4101",
        "ModelArts.4102",
        "ModelArts.4103",
    ] {
        table = table.code(code, Unauthenticated, false);
    }
    for code in [
        "AIS.0101",
        "AIS.0102",
        "AIS.0103",
        "ModelArts.4104",
        "ModelArts.4105",
        "ModelArts.4601",
        "ModelArts.4603",
        "ModelArts.4702",
        "ModelArts.4703",
        "ModelArts.4704",
        "ModelArts.4705",
        "ModelArts.4706",
    ] {
        table = table.code(code, InvalidInput, false);
    }
    table
});

/// The Huawei status and code table.
pub fn status_table() -> &'static StatusTable {
    &TABLE
}

/// Converts a client error (OCR or IAM) into the facade's [`Error`], classified by the
/// table, with the status, code, message, request id and `Retry-After` kept.
pub(super) fn from_client_error<E>(error: ApiError<E>, context: &str) -> Error
where
    E: ErrorEnvelope + std::fmt::Debug + Send + Sync + 'static,
{
    let status = error.status().map(|status| status.as_u16());
    let code = error.code();
    let request_id = error.request_id().map(str::to_owned);
    let retry_after = error
        .headers()
        .get(reqwest::header::RETRY_AFTER)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| parse_retry_after(value, chrono::Utc::now()))
        .or_else(|| (code.as_deref() == Some("AIS.0118")).then_some(TAX_AUTHORITY_RETRY_AFTER));
    let mut converted = match error.kind() {
        ClientErrorKind::HttpStatus => {
            let message = match (error.message(), error.body_excerpt()) {
                (Some(message), _) => format!("{context}: {message}"),
                (None, Some(_)) => format!(
                    "{context}: the provider answered HTTP {} with a body that is not its JSON error envelope",
                    status.unwrap_or_default()
                ),
                (None, None) => format!("{context}: the provider answered without an error body"),
            };
            status_table().error(status, code.as_deref(), message)
        }
        ClientErrorKind::Connect => Error::new(
            ErrorKind::Transport,
            format!("{context}: could not connect to the provider"),
        )
        .with_not_sent(),
        ClientErrorKind::Timeout => Error::new(
            ErrorKind::Timeout,
            format!("{context}: the provider did not answer in time"),
        ),
        ClientErrorKind::Transport => Error::new(
            ErrorKind::Transport,
            format!("{context}: the connection failed before a complete response arrived"),
        ),
        ClientErrorKind::InvalidRequest => Error::new(
            ErrorKind::Config,
            format!(
                "{context}: the request could not be built (check the credentials and project id)"
            ),
        )
        .with_not_sent(),
        _ => Error::new(
            ErrorKind::UnexpectedResponse,
            format!("{context}: the provider's response could not be read as documented"),
        ),
    };
    if converted.status().is_none()
        && let Some(status) = status
    {
        converted = converted.with_status(status);
    }
    converted = converted.with_provider(ProviderId::HuaweiOcr);
    if let Some(request_id) = request_id {
        converted = converted.with_request_id(request_id);
    }
    if let Some(retry_after) = retry_after {
        converted = converted.with_retry_after(retry_after);
    }
    converted.with_source(error)
}

/// Whether `error` says an IAM token was refused, so a fresh token may help.
pub(super) fn is_token_refused(error: &Error) -> bool {
    error.kind() == ErrorKind::Unauthenticated
        && error
            .code()
            .is_some_and(|code| TOKEN_REFUSED_CODES.contains(&code))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Classification;

    #[test]
    fn the_documented_codes_are_classified_as_the_table_says() {
        let cases = [
            (429, "APIG.0308", ErrorKind::RateLimited, true),
            (504, "APIG.0201", ErrorKind::Timeout, true),
            (503, "ModelArts.4401", ErrorKind::RateLimited, true),
            (500, "ModelArts.4402", ErrorKind::Timeout, true),
            (503, "ModelArts.4403", ErrorKind::ProviderRejected, true),
            (500, "ModelArts.4302", ErrorKind::ProviderRejected, true),
            (500, "ModelArts.4502", ErrorKind::ProviderRejected, true),
            (401, "APIG.0301", ErrorKind::Unauthenticated, false),
            (401, "APIG.0303", ErrorKind::Unauthenticated, false),
            (401, "APIG.0307", ErrorKind::Unauthenticated, false),
            (401, "ModelArts.0203", ErrorKind::Unauthenticated, false),
            (401, "ModelArts.4101", ErrorKind::Unauthenticated, false),
            (401, "ModelArts.4102", ErrorKind::Unauthenticated, false),
            (401, "ModelArts.4103", ErrorKind::Unauthenticated, false),
            (403, "ModelArts.4204", ErrorKind::Forbidden, false),
            (400, "AIS.0101", ErrorKind::InvalidInput, false),
            (400, "AIS.0102", ErrorKind::InvalidInput, false),
            (400, "AIS.0103", ErrorKind::InvalidInput, false),
            (400, "AIS.0104", ErrorKind::ProviderRejected, false),
            (400, "AIS.0105", ErrorKind::ProviderRejected, false),
            (400, "AIS.0118", ErrorKind::ProviderRejected, true),
            (404, "APIG.0101", ErrorKind::Config, false),
        ];
        for (status, code, kind, retryable) in cases {
            assert_eq!(
                status_table().classify(Some(status), Some(code)),
                Classification::new(kind, retryable),
                "{status} {code}"
            );
        }
    }

    #[test]
    fn unknown_codes_fall_back_to_the_status() {
        let table = status_table();
        assert_eq!(
            table.classify(Some(500), Some("ModelArts.4505")),
            Classification::new(ErrorKind::ProviderRejected, true)
        );
        assert_eq!(
            table.classify(Some(502), None),
            Classification::new(ErrorKind::ProviderRejected, true)
        );
        assert_eq!(
            table.classify(Some(401), None).kind,
            ErrorKind::Unauthenticated
        );
        assert_eq!(table.classify(Some(429), None).kind, ErrorKind::RateLimited);
    }

    fn error_response(status: u16, body: serde_json::Value, retry_after: Option<&str>) -> Error {
        let mut headers = reqwest::header::HeaderMap::new();
        headers.insert("x-request-id", "req-7".parse().unwrap());
        if let Some(retry_after) = retry_after {
            headers.insert(reqwest::header::RETRY_AFTER, retry_after.parse().unwrap());
        }
        let envelope: huawei_ocr_client::types::HuaweiError = serde_json::from_value(body).unwrap();
        let status = reqwest::StatusCode::from_u16(status).unwrap();
        let error = progenitor_client::Error::ErrorResponse(progenitor_client::ResponseValue::new(
            envelope, status, headers,
        ));
        from_client_error(huawei_ocr_client::OcrError::from(error), "reading")
    }

    #[test]
    fn client_errors_keep_status_code_message_request_id_and_retry_after() {
        let throttled = error_response(
            429,
            serde_json::json!({"error_code": "APIG.0308", "error_msg": "over ratelimit"}),
            Some("4"),
        );
        assert_eq!(throttled.kind(), ErrorKind::RateLimited);
        assert_eq!(throttled.status(), Some(429));
        assert_eq!(throttled.code(), Some("APIG.0308"));
        assert_eq!(throttled.request_id(), Some("req-7"));
        assert_eq!(throttled.retry_after(), Some(Duration::from_secs(4)));
        assert_eq!(throttled.message(), "reading: over ratelimit");
        assert_eq!(throttled.provider(), Some(ProviderId::HuaweiOcr));

        let tax_authority_down = error_response(
            500,
            serde_json::json!({"error_code": "AIS.0118", "error_msg": "interface error"}),
            None,
        );
        assert!(tax_authority_down.is_retryable());
        assert_eq!(
            tax_authority_down.retry_after(),
            Some(TAX_AUTHORITY_RETRY_AFTER)
        );
    }

    #[test]
    fn only_token_codes_trigger_a_token_refresh() {
        let refused = status_table().error(Some(401), Some("APIG.0307"), "expired");
        assert!(is_token_refused(&refused));
        let bad_signature = status_table().error(Some(401), Some("APIG.0303"), "signature");
        assert!(!is_token_refused(&bad_signature));
        let throttled = status_table().error(Some(429), Some("APIG.0308"), "slow");
        assert!(!is_token_refused(&throttled));
    }
}
