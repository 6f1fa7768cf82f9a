//! Status and provider-code tables: which HTTP status or provider error code means which
//! [`ErrorKind`], and whether a retry may help.

use std::time::Duration;

use chrono::{DateTime, Utc};

use super::{Error, ErrorKind};
use crate::provider::ProviderId;

/// How a failed response is classified.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Classification {
    /// The kind of error.
    pub kind: ErrorKind,
    /// Whether sending the request again may succeed.
    pub retryable: bool,
}

impl Classification {
    /// A classification of `kind` with an explicit retry decision.
    pub const fn new(kind: ErrorKind, retryable: bool) -> Self {
        Self { kind, retryable }
    }

    /// The generic HTTP meaning of `status`, used when a provider's table says nothing more
    /// specific:
    ///
    /// | status | kind | retryable |
    /// |---|---|---|
    /// | 401 | `Unauthenticated` | no |
    /// | 403 | `Forbidden` | no |
    /// | 408, 504 | `Timeout` | yes |
    /// | 413, 414, 415, 422, other 4xx | `InvalidInput` | no |
    /// | 404, 405, 501 | `Unsupported` | no |
    /// | 429 | `RateLimited` | yes |
    /// | other 5xx | `ProviderRejected` | yes |
    /// | anything else | `UnexpectedResponse` | no |
    pub const fn http_default(status: u16) -> Self {
        match status {
            401 => Self::new(ErrorKind::Unauthenticated, false),
            403 => Self::new(ErrorKind::Forbidden, false),
            408 | 504 => Self::new(ErrorKind::Timeout, true),
            429 => Self::new(ErrorKind::RateLimited, true),
            404 | 405 | 501 => Self::new(ErrorKind::Unsupported, false),
            400..=499 => Self::new(ErrorKind::InvalidInput, false),
            500..=599 => Self::new(ErrorKind::ProviderRejected, true),
            _ => Self::new(ErrorKind::UnexpectedResponse, false),
        }
    }
}

#[derive(Debug, Clone)]
struct Rule {
    status: Option<u16>,
    code: Option<&'static str>,
    classification: Classification,
}

/// One provider's mapping of HTTP status and provider error code to [`Classification`].
///
/// Rules are looked up from the most to the least specific: a rule naming both the status and
/// the code, then one naming only the code, then one naming only the status, and finally
/// [`Classification::http_default`].
///
/// ```
/// use tax_facade::error::{Classification, ErrorKind, StatusTable};
/// use tax_facade::ProviderId;
///
/// let table = StatusTable::new(ProviderId::HuaweiOcr)
///     .code("ModelArts.4204", ErrorKind::QuotaExceeded, false)
///     .status_and_code(400, "AIS.0105", ErrorKind::Unsupported, false);
/// assert_eq!(table.classify(Some(403), Some("ModelArts.4204")).kind, ErrorKind::QuotaExceeded);
/// assert_eq!(table.classify(Some(400), Some("AIS.0105")).kind, ErrorKind::Unsupported);
/// assert_eq!(table.classify(Some(429), None), Classification::new(ErrorKind::RateLimited, true));
/// ```
#[derive(Debug, Clone)]
pub struct StatusTable {
    provider: ProviderId,
    rules: Vec<Rule>,
}

impl StatusTable {
    /// An empty table for `provider`: every lookup falls back to the HTTP defaults.
    pub fn new(provider: ProviderId) -> Self {
        Self {
            provider,
            rules: Vec::new(),
        }
    }

    /// Maps `status` (whatever the code) to `kind`.
    #[must_use]
    pub fn status(self, status: u16, kind: ErrorKind, retryable: bool) -> Self {
        self.rule(Some(status), None, kind, retryable)
    }

    /// Maps the provider error `code` (whatever the status) to `kind`.
    #[must_use]
    pub fn code(self, code: &'static str, kind: ErrorKind, retryable: bool) -> Self {
        self.rule(None, Some(code), kind, retryable)
    }

    /// Maps the combination of `status` and `code` to `kind`.
    #[must_use]
    pub fn status_and_code(
        self,
        status: u16,
        code: &'static str,
        kind: ErrorKind,
        retryable: bool,
    ) -> Self {
        self.rule(Some(status), Some(code), kind, retryable)
    }

    fn rule(
        mut self,
        status: Option<u16>,
        code: Option<&'static str>,
        kind: ErrorKind,
        retryable: bool,
    ) -> Self {
        self.rules.push(Rule {
            status,
            code,
            classification: Classification::new(kind, retryable),
        });
        self
    }

    /// The provider this table belongs to.
    pub fn provider(&self) -> ProviderId {
        self.provider
    }

    /// Classifies a failed response.
    ///
    /// Without a status (the provider reported an error inside a 2xx body) and without a
    /// matching code rule, the result is [`ErrorKind::ProviderRejected`], not retryable.
    pub fn classify(&self, status: Option<u16>, code: Option<&str>) -> Classification {
        let find = |want_status: bool, want_code: bool| {
            self.rules.iter().find(|rule| {
                rule.status.is_some() == want_status
                    && rule.code.is_some() == want_code
                    && (!want_status || rule.status == status)
                    && (!want_code || (code.is_some() && rule.code == code))
            })
        };
        find(true, true)
            .or_else(|| find(false, true))
            .or_else(|| find(true, false))
            .map(|rule| rule.classification)
            .unwrap_or_else(|| match status {
                Some(status) => Classification::http_default(status),
                None => Classification::new(ErrorKind::ProviderRejected, false),
            })
    }

    /// Builds the [`Error`] for a failed response, classified by this table.
    pub fn error(
        &self,
        status: Option<u16>,
        code: Option<&str>,
        message: impl Into<String>,
    ) -> Error {
        let Classification { kind, retryable } = self.classify(status, code);
        let mut error = Error::new(kind, message)
            .with_provider(self.provider)
            .with_retryable(retryable);
        if let Some(status) = status {
            error = error.with_status(status);
        }
        if let Some(code) = code {
            error = error.with_code(code);
        }
        error
    }
}

/// Parses a `Retry-After` header value: either delay-seconds (`"120"`) or an HTTP-date
/// (`"Wed, 21 Oct 2015 07:28:00 GMT"`), which is measured from `now`. A date in the past
/// means "retry now" (zero); anything else unparseable is `None`.
///
/// ```
/// use std::time::Duration;
/// use chrono::{TimeZone, Utc};
/// use tax_facade::error::parse_retry_after;
///
/// let now = Utc.with_ymd_and_hms(2015, 10, 21, 7, 27, 0).unwrap();
/// assert_eq!(parse_retry_after("5", now), Some(Duration::from_secs(5)));
/// assert_eq!(parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now), Some(Duration::from_secs(60)));
/// assert_eq!(parse_retry_after("soon", now), None);
/// ```
pub fn parse_retry_after(value: &str, now: DateTime<Utc>) -> Option<Duration> {
    let value = value.trim();
    if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        return value.parse::<u64>().ok().map(Duration::from_secs);
    }
    let at = DateTime::parse_from_rfc2822(value)
        .ok()?
        .with_timezone(&Utc);
    Some((at - now).to_std().unwrap_or(Duration::ZERO))
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    #[test]
    fn http_defaults_follow_the_documented_table() {
        let cases = [
            (401, ErrorKind::Unauthenticated, false),
            (403, ErrorKind::Forbidden, false),
            (408, ErrorKind::Timeout, true),
            (413, ErrorKind::InvalidInput, false),
            (400, ErrorKind::InvalidInput, false),
            (429, ErrorKind::RateLimited, true),
            (500, ErrorKind::ProviderRejected, true),
            (503, ErrorKind::ProviderRejected, true),
            (504, ErrorKind::Timeout, true),
            (404, ErrorKind::Unsupported, false),
            (302, ErrorKind::UnexpectedResponse, false),
        ];
        for (status, kind, retryable) in cases {
            assert_eq!(
                Classification::http_default(status),
                Classification::new(kind, retryable),
                "status {status}"
            );
        }
    }

    #[test]
    fn more_specific_rules_win() {
        let table = StatusTable::new(ProviderId::Glair)
            .status(400, ErrorKind::Unsupported, false)
            .code("E1", ErrorKind::QuotaExceeded, false)
            .status_and_code(400, "E1", ErrorKind::RateLimited, true);
        assert_eq!(
            table.classify(Some(400), Some("E1")).kind,
            ErrorKind::RateLimited
        );
        assert_eq!(
            table.classify(Some(500), Some("E1")).kind,
            ErrorKind::QuotaExceeded
        );
        assert_eq!(
            table.classify(Some(400), Some("E2")).kind,
            ErrorKind::Unsupported
        );
        assert_eq!(table.classify(Some(400), None).kind, ErrorKind::Unsupported);
        assert_eq!(
            table.classify(Some(401), None).kind,
            ErrorKind::Unauthenticated
        );
        assert_eq!(table.classify(None, None).kind, ErrorKind::ProviderRejected);
    }

    #[test]
    fn table_errors_carry_status_code_and_provider() {
        let table = StatusTable::new(ProviderId::DeepFinch);
        let err = table.error(Some(502), Some("upstream"), "bad gateway");
        assert_eq!(err.kind(), ErrorKind::ProviderRejected);
        assert!(err.is_retryable());
        assert_eq!(err.status(), Some(502));
        assert_eq!(err.code(), Some("upstream"));
        assert_eq!(err.provider(), Some(ProviderId::DeepFinch));
    }

    #[test]
    fn retry_after_dates_in_the_past_mean_now() {
        let now = Utc.with_ymd_and_hms(2024, 1, 1, 0, 0, 0).unwrap();
        assert_eq!(
            parse_retry_after(
                "Mon, 01 Jan 2024 00:00:00 GMT",
                now + chrono::Duration::hours(1)
            ),
            Some(Duration::ZERO)
        );
        assert_eq!(parse_retry_after(" 0 ", now), Some(Duration::ZERO));
        assert_eq!(parse_retry_after("", now), None);
        assert_eq!(parse_retry_after("-5", now), None);
    }
}
