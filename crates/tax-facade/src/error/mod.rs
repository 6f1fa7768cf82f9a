//! The one error type of the facade.
//!
//! Like OpenDAL's `Error`, [`Error`] is a struct rather than an enum: every failure carries the
//! same context (a coarse [`ErrorKind`], whether a retry may help, the provider, the HTTP status,
//! the provider's own code, the request id and a `Retry-After` hint), so callers can decide policy
//! without matching on provider-specific variants. Which status or provider code maps to which
//! kind is data in a [`StatusTable`], one per provider.
//!
//! Errors are for reads that could not happen. A document that was read but has problems is
//! returned with findings instead (see [`crate::validate`]).

mod status;

pub use status::{Classification, StatusTable, parse_retry_after};

use std::fmt;
use std::time::Duration;

use crate::provider::ProviderId;

/// A boxed underlying cause.
pub type BoxError = Box<dyn std::error::Error + Send + Sync + 'static>;

/// What went wrong, coarsely enough to decide what to do about it.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    /// The input was rejected before or by the provider: empty, wrong format, too large, too
    /// small, or a request the provider considers malformed.
    InvalidInput,
    /// The provider (or this SDK) does not support the requested document kind or input.
    Unsupported,
    /// Credentials are missing, wrong or expired.
    Unauthenticated,
    /// Credentials are valid but not allowed to perform the operation.
    Forbidden,
    /// Too many requests; retrying later helps.
    RateLimited,
    /// The account's quota or balance is used up; retrying does not help.
    QuotaExceeded,
    /// An attempt, or the whole operation, ran out of time.
    Timeout,
    /// The request could not be sent or the response could not be received.
    Transport,
    /// The provider refused or failed to process the request.
    ProviderRejected,
    /// The provider answered with something this SDK cannot interpret.
    UnexpectedResponse,
    /// The client is configured wrongly (missing endpoint, bad URL, ...).
    Config,
    /// The document has no text layer and no QR code (a scan or a photo): only an OCR
    /// provider can read it. Nothing was invented.
    NeedsOcr,
}

impl ErrorKind {
    /// The stable, machine-readable name (`"rate_limited"`, `"timeout"`, ...).
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::InvalidInput => "invalid_input",
            Self::Unsupported => "unsupported",
            Self::Unauthenticated => "unauthenticated",
            Self::Forbidden => "forbidden",
            Self::RateLimited => "rate_limited",
            Self::QuotaExceeded => "quota_exceeded",
            Self::Timeout => "timeout",
            Self::Transport => "transport",
            Self::ProviderRejected => "provider_rejected",
            Self::UnexpectedResponse => "unexpected_response",
            Self::Config => "config",
            Self::NeedsOcr => "needs_ocr",
        }
    }

    /// Whether an error of this kind is retryable when nothing more specific is known:
    /// rate limits, timeouts and transport failures are; everything else is not.
    pub const fn is_retryable_by_default(self) -> bool {
        matches!(self, Self::RateLimited | Self::Timeout | Self::Transport)
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A read or filing that could not happen.
///
/// Build one with [`Error::new`] and the `with_*` methods; provider modules usually start from
/// [`StatusTable::error`] so that the status-to-kind mapping lives in one place.
///
/// ```
/// use tax_facade::error::{Error, ErrorKind};
/// use tax_facade::ProviderId;
///
/// let err = Error::new(ErrorKind::RateLimited, "slow down")
///     .with_provider(ProviderId::Glair)
///     .with_status(429)
///     .with_request_id("req-42");
/// assert!(err.is_retryable());
/// assert_eq!(
///     err.to_string(),
///     "rate_limited (provider glair, HTTP 429, request id req-42): slow down"
/// );
/// ```
#[derive(Debug)]
pub struct Error {
    kind: ErrorKind,
    retryable: bool,
    not_sent: bool,
    provider: Option<ProviderId>,
    status: Option<u16>,
    code: Option<String>,
    message: String,
    request_id: Option<String>,
    retry_after: Option<Duration>,
    source: Option<BoxError>,
}

impl Error {
    /// An error of `kind`, retryable when the kind is by default
    /// ([`ErrorKind::is_retryable_by_default`]).
    ///
    /// The message must not contain secrets; it is shown in `Display`.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Self {
            kind,
            retryable: kind.is_retryable_by_default(),
            not_sent: false,
            provider: None,
            status: None,
            code: None,
            message: message.into(),
            request_id: None,
            retry_after: None,
            source: None,
        }
    }

    /// Overrides whether a retry may help.
    #[must_use]
    pub fn with_retryable(mut self, retryable: bool) -> Self {
        self.retryable = retryable;
        self
    }

    /// Records that the request never left this process (for example the connection could
    /// not be opened), so even a non-idempotent operation may safely be sent again.
    #[must_use]
    pub fn with_not_sent(mut self) -> Self {
        self.not_sent = true;
        self
    }

    /// Sets the provider that failed.
    #[must_use]
    pub fn with_provider(mut self, provider: ProviderId) -> Self {
        self.provider = Some(provider);
        self
    }

    /// Sets the HTTP status of the response.
    #[must_use]
    pub fn with_status(mut self, status: u16) -> Self {
        self.status = Some(status);
        self
    }

    /// Sets the provider's own error code.
    #[must_use]
    pub fn with_code(mut self, code: impl Into<String>) -> Self {
        self.code = Some(code.into());
        self
    }

    /// Sets the provider's request id.
    #[must_use]
    pub fn with_request_id(mut self, request_id: impl Into<String>) -> Self {
        self.request_id = Some(request_id.into());
        self
    }

    /// Sets how long the provider asked to wait before retrying.
    #[must_use]
    pub fn with_retry_after(mut self, retry_after: Duration) -> Self {
        self.retry_after = Some(retry_after);
        self
    }

    /// Sets the underlying cause. It must not render secrets in its `Display` or `Debug`.
    #[must_use]
    pub fn with_source(mut self, source: impl Into<BoxError>) -> Self {
        self.source = Some(source.into());
        self
    }

    /// What went wrong.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// Whether sending the same request again may succeed.
    pub fn is_retryable(&self) -> bool {
        self.retryable
    }

    /// Whether the request is known never to have been sent.
    pub fn is_not_sent(&self) -> bool {
        self.not_sent
    }

    /// The provider that failed, when known.
    pub fn provider(&self) -> Option<ProviderId> {
        self.provider
    }

    /// The HTTP status, when a response arrived.
    pub fn status(&self) -> Option<u16> {
        self.status
    }

    /// The provider's own error code, when it sent one.
    pub fn code(&self) -> Option<&str> {
        self.code.as_deref()
    }

    /// The human-readable explanation.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The provider's request id, for support tickets.
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    /// How long the provider asked to wait before retrying.
    pub fn retry_after(&self) -> Option<Duration> {
        self.retry_after
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.kind)?;
        let mut context = Vec::new();
        if let Some(provider) = self.provider {
            context.push(format!("provider {provider}"));
        }
        if let Some(status) = self.status {
            context.push(format!("HTTP {status}"));
        }
        if let Some(code) = &self.code {
            context.push(format!("code {code}"));
        }
        if let Some(request_id) = &self.request_id {
            context.push(format!("request id {request_id}"));
        }
        if !context.is_empty() {
            write!(f, " ({})", context.join(", "))?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source
            .as_deref()
            .map(|source| source as &(dyn std::error::Error + 'static))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_lists_only_the_context_that_is_known() {
        let bare = Error::new(ErrorKind::Config, "no endpoint");
        assert_eq!(bare.to_string(), "config: no endpoint");
        let full = Error::new(ErrorKind::ProviderRejected, "bad image")
            .with_provider(ProviderId::HuaweiOcr)
            .with_status(400)
            .with_code("AIS.0103")
            .with_request_id("abc");
        assert_eq!(
            full.to_string(),
            "provider_rejected (provider huawei-ocr, HTTP 400, code AIS.0103, request id abc): bad image"
        );
    }

    #[test]
    fn retryability_defaults_from_the_kind_and_can_be_overridden() {
        assert!(Error::new(ErrorKind::Timeout, "t").is_retryable());
        assert!(!Error::new(ErrorKind::QuotaExceeded, "q").is_retryable());
        assert!(
            Error::new(ErrorKind::ProviderRejected, "5xx")
                .with_retryable(true)
                .is_retryable()
        );
    }

    #[test]
    fn source_is_exposed_through_std_error() {
        let io = std::io::Error::other("connection reset");
        let err = Error::new(ErrorKind::Transport, "send failed").with_source(io);
        let source = std::error::Error::source(&err).map(ToString::to_string);
        assert_eq!(source.as_deref(), Some("connection reset"));
    }
}
