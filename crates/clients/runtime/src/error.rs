//! The error a provider client's caller sees: [`ApiError`].
//!
//! Every generated operation returns `progenitor_client::Error<E>`, where `E` is the provider's
//! error envelope. [`ApiError::from_progenitor`] turns it into an [`ApiError<E>`] that always
//! carries the HTTP status of an HTTP-level failure, the provider's request id, the typed
//! envelope when the body matched it, and otherwise a short redacted excerpt of the body.
//! Nothing in `Display` or `Debug` shows a secret: URLs lose their secret query parameters and
//! user info, and body excerpts are scrubbed of `api_key=…`-style pairs.

mod redact;

use std::fmt;

use bytes::Bytes;
use http::{HeaderMap, StatusCode};

pub use self::redact::{
    REDACTED_VALUE, SECRET_QUERY_PARAMETERS, is_secret_parameter, redact_response, redact_text,
    redact_transport_error, redact_url, scrub_values,
};
use crate::request_id::request_id_from_headers;

/// Most body bytes kept in [`ApiError::body_excerpt`].
pub const BODY_EXCERPT_LIMIT: usize = 512;

/// What a provider's error envelope tells the runtime about itself.
///
/// Each client crate implements this for its generated envelope type (GLAIR `{status, reason}`,
/// Huawei `{error_code, error_msg}`, ...).
pub trait ErrorEnvelope {
    /// Response header carrying the provider's request id, if the provider sends one.
    const REQUEST_ID_HEADER: Option<&'static str> = None;

    /// The provider's error code (`FILE_INVALID_FORMAT`, `APIG.0308`, ...).
    fn code(&self) -> Option<String> {
        None
    }

    /// The provider's human-readable message.
    fn message(&self) -> Option<String> {
        None
    }

    /// A request id carried in the body (DeepFinch `request_id`).
    fn body_request_id(&self) -> Option<String> {
        None
    }

    /// Whether the body says the call was throttled, whatever the HTTP status (DeepFinch
    /// `RATE_LIMIT_EXCEEDED` on 403, Huawei `APIG.0308`).
    fn is_throttled(&self) -> bool {
        false
    }
}

/// The class of an [`ApiError`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The request was not sent: an argument or credential could not be encoded.
    InvalidRequest,
    /// No connection could be made (DNS, refused, TLS handshake).
    Connect,
    /// The connect or request timeout elapsed.
    Timeout,
    /// Another transport failure while sending the request or reading the response.
    Transport,
    /// The provider answered with a non-success HTTP status.
    HttpStatus,
    /// A success status whose body did not match the documented schema.
    UnexpectedBody,
    /// Any other failure reported by the client (e.g. a response body over the size cap).
    Other,
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::InvalidRequest => "invalid request",
            Self::Connect => "connection failed",
            Self::Timeout => "timed out",
            Self::Transport => "transport error",
            Self::HttpStatus => "error status",
            Self::UnexpectedBody => "unexpected response body",
            Self::Other => "client error",
        })
    }
}

/// An error from a provider client, with everything needed to log, classify and retry it.
pub struct ApiError<E> {
    kind: ErrorKind,
    status: Option<StatusCode>,
    headers: HeaderMap,
    request_id: Option<String>,
    envelope: Option<E>,
    body_excerpt: Option<String>,
    detail: Option<String>,
    source: Option<reqwest::Error>,
}

impl<E: ErrorEnvelope> ApiError<E> {
    /// Converts a generated operation's error, reading the body of an undocumented response to
    /// keep an excerpt of it.
    pub async fn from_progenitor(error: progenitor_client::Error<E>) -> Self {
        match error {
            progenitor_client::Error::UnexpectedResponse(response) => {
                let mut converted =
                    Self::from_response_parts(response.status(), response.headers());
                converted.body_excerpt = read_excerpt(response).await;
                converted
            }
            other => Self::from(other),
        }
    }

    fn from_response_parts(status: StatusCode, headers: &HeaderMap) -> Self {
        let kind = if status.is_success() {
            ErrorKind::UnexpectedBody
        } else {
            ErrorKind::HttpStatus
        };
        let mut error = Self::bare(kind);
        error.status = Some(status);
        error.headers = headers.clone();
        error.request_id = E::REQUEST_ID_HEADER
            .and_then(|name| request_id_from_headers(headers, name))
            .map(str::to_owned);
        error
    }

    fn from_transport(error: reqwest::Error) -> Self {
        let kind = if error.is_timeout() {
            ErrorKind::Timeout
        } else if error.is_connect() {
            ErrorKind::Connect
        } else if error.is_builder() {
            ErrorKind::InvalidRequest
        } else {
            ErrorKind::Transport
        };
        let mut converted = Self::bare(kind);
        converted.status = error.status();
        converted.source = Some(redact_transport_error(error));
        converted
    }

    /// The provider's error code from the envelope (`NO_FILE`, `APIG.0308`, ...).
    pub fn code(&self) -> Option<String> {
        self.envelope.as_ref().and_then(ErrorEnvelope::code)
    }

    /// The provider's error message from the envelope.
    pub fn message(&self) -> Option<String> {
        self.envelope.as_ref().and_then(ErrorEnvelope::message)
    }

    /// Whether retrying the same request may succeed: timeouts, connection failures, statuses
    /// 408, 429, 502, 503 and 504, and envelopes that report throttling
    /// ([`ErrorEnvelope::is_throttled`]).
    pub fn is_retryable(&self) -> bool {
        match self.kind {
            ErrorKind::Connect | ErrorKind::Timeout => true,
            ErrorKind::HttpStatus => {
                self.status
                    .is_some_and(|status| matches!(status.as_u16(), 408 | 429 | 502 | 503 | 504))
                    || self.envelope.as_ref().is_some_and(E::is_throttled)
            }
            _ => false,
        }
    }

    /// An error detected by client code after receiving a response (e.g. a success response
    /// without a header the operation needs). The request id is read from `headers`.
    pub fn from_response(
        kind: ErrorKind,
        status: StatusCode,
        headers: &HeaderMap,
        detail: &str,
    ) -> Self {
        let mut error = Self::from_response_parts(status, headers);
        error.kind = kind;
        error.detail = Some(redact_text(detail));
        error
    }
}

impl<E> ApiError<E> {
    /// An error detected by client code before any response (e.g. an argument that cannot be
    /// sent). `detail` is scrubbed of secret parameters.
    pub fn new(kind: ErrorKind, detail: &str) -> Self {
        Self::with_detail(kind, detail)
    }

    fn bare(kind: ErrorKind) -> Self {
        Self {
            kind,
            status: None,
            headers: HeaderMap::new(),
            request_id: None,
            envelope: None,
            body_excerpt: None,
            detail: None,
            source: None,
        }
    }

    fn with_detail(kind: ErrorKind, detail: &str) -> Self {
        let mut error = Self::bare(kind);
        error.detail = Some(redact_text(detail));
        error
    }

    /// The class of the error.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The HTTP status, present for every error that received a response status.
    pub fn status(&self) -> Option<StatusCode> {
        self.status
    }

    /// The response headers (empty when no response was received).
    pub fn headers(&self) -> &HeaderMap {
        &self.headers
    }

    /// The provider's request id, from its response header or error body.
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    /// The provider's typed error envelope, when the body matched it.
    pub fn envelope(&self) -> Option<&E> {
        self.envelope.as_ref()
    }

    /// Takes the provider's typed error envelope.
    pub fn into_envelope(self) -> Option<E> {
        self.envelope
    }

    /// The first [`BODY_EXCERPT_LIMIT`] bytes of a body that did not match the envelope,
    /// decoded lossily and scrubbed of secret parameters.
    pub fn body_excerpt(&self) -> Option<&str> {
        self.body_excerpt.as_deref()
    }

    /// Replaces every occurrence of the given secret values in the excerpt and detail text.
    /// Clients call this with their own credentials as a last line of defence.
    pub fn scrub(mut self, secrets: &[&str]) -> Self {
        self.body_excerpt = self.body_excerpt.map(|text| scrub_values(&text, secrets));
        self.detail = self.detail.map(|text| scrub_values(&text, secrets));
        self
    }
}

impl<E: ErrorEnvelope> From<progenitor_client::Error<E>> for ApiError<E> {
    /// Converts without reading any body: an undocumented response keeps its status, headers and
    /// request id but no excerpt (use [`ApiError::from_progenitor`] to keep one).
    fn from(error: progenitor_client::Error<E>) -> Self {
        use progenitor_client::Error as P;
        match error {
            P::InvalidRequest(message) => Self::with_detail(ErrorKind::InvalidRequest, &message),
            P::Custom(message) => Self::with_detail(ErrorKind::Other, &message),
            P::CommunicationError(error)
            | P::InvalidUpgrade(error)
            | P::ResponseBodyError(error) => Self::from_transport(error),
            P::ErrorResponse(value) => {
                let mut converted = Self::from_response_parts(value.status(), value.headers());
                let envelope = value.into_inner();
                if converted.request_id.is_none() {
                    converted.request_id = envelope.body_request_id();
                }
                converted.envelope = Some(envelope);
                converted
            }
            P::InvalidResponsePayload(bytes, error) => {
                let mut converted = Self::bare(ErrorKind::UnexpectedBody);
                converted.body_excerpt = Some(excerpt(&bytes));
                converted.detail = Some(redact_text(&error.to_string()));
                converted
            }
            P::UnexpectedResponse(response) => {
                Self::from_response_parts(response.status(), response.headers())
            }
        }
    }
}

impl<E: ErrorEnvelope> fmt::Display for ApiError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.kind)?;
        if let Some(status) = self.status {
            write!(f, ": HTTP {status}")?;
        }
        if let Some(envelope) = &self.envelope {
            if let Some(code) = envelope.code() {
                write!(f, ": {}", redact_text(&code))?;
            }
            if let Some(message) = envelope.message() {
                write!(f, ": {}", redact_text(&message))?;
            }
        }
        if let Some(detail) = &self.detail {
            write!(f, ": {detail}")?;
        }
        if let Some(source) = &self.source {
            write!(f, ": {}", redact_text(&source.to_string()))?;
        }
        if let Some(request_id) = &self.request_id {
            write!(f, " (request id {request_id})")?;
        }
        Ok(())
    }
}

impl<E: fmt::Debug> fmt::Debug for ApiError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ApiError")
            .field("kind", &self.kind)
            .field("status", &self.status)
            .field("request_id", &self.request_id)
            .field("envelope", &self.envelope)
            .field("body_excerpt", &self.body_excerpt)
            .field("detail", &self.detail)
            .field("source", &self.source)
            .finish_non_exhaustive()
    }
}

impl<E: ErrorEnvelope + fmt::Debug> std::error::Error for ApiError<E> {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source
            .as_ref()
            .map(|error| error as &(dyn std::error::Error + 'static))
    }
}

/// Lossy UTF-8 text of the first [`BODY_EXCERPT_LIMIT`] bytes, scrubbed of secret parameters.
fn excerpt(bytes: &[u8]) -> String {
    let end = bytes.len().min(BODY_EXCERPT_LIMIT);
    redact_text(&String::from_utf8_lossy(&bytes[..end]))
}

/// Reads at most [`BODY_EXCERPT_LIMIT`] bytes of a response body; `None` when it is empty or
/// unreadable.
async fn read_excerpt(mut response: reqwest::Response) -> Option<String> {
    let mut buffer: Vec<u8> = Vec::new();
    while buffer.len() < BODY_EXCERPT_LIMIT {
        match response.chunk().await {
            Ok(Some(chunk)) => buffer.extend_from_slice(&chunk),
            Ok(None) | Err(_) => break,
        }
    }
    let bytes = Bytes::from(buffer);
    (!bytes.is_empty()).then(|| excerpt(&bytes))
}

#[cfg(test)]
mod tests;
