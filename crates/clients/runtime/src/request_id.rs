//! Reading a provider's request id from response headers.
//!
//! Providers name the header differently (GLAIR [`GLAIR_REQUEST_ID`], Huawei
//! [`HUAWEI_REQUEST_ID`]); header names are matched case-insensitively. DeepFinch carries its
//! request id in the JSON body instead, which its client reads from the decoded value.
//!
//! ```
//! use http::HeaderMap;
//! use taxdoc_client_runtime::request_id::{HasResponseHeaders, GLAIR_REQUEST_ID};
//!
//! let mut headers = HeaderMap::new();
//! headers.insert("request-id", "req-123".parse().unwrap());
//! assert_eq!(headers.request_id(GLAIR_REQUEST_ID), Some("req-123"));
//! ```

use http::HeaderMap;

/// GLAIR Vision's request id response header.
pub const GLAIR_REQUEST_ID: &str = "Request-Id";
/// Huawei Cloud's request id response header.
pub const HUAWEI_REQUEST_ID: &str = "X-Request-Id";

/// Reads the value of header `name` (case-insensitive) when it is visible ASCII and not empty.
pub fn request_id_from_headers<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get(name)
        .and_then(|value| value.to_str().ok())
        .map(str::trim)
        .filter(|value| !value.is_empty())
}

/// Something that may carry the headers of an HTTP response: a successful
/// [`progenitor_client::ResponseValue`], a [`progenitor_client::Error`], a `reqwest::Response`,
/// or a bare [`HeaderMap`].
pub trait HasResponseHeaders {
    /// The response headers, when a response was received.
    fn response_headers(&self) -> Option<&HeaderMap>;

    /// The request id in header `name` (case-insensitive), when present.
    fn request_id(&self, name: &str) -> Option<&str> {
        self.response_headers()
            .and_then(|headers| request_id_from_headers(headers, name))
    }
}

impl HasResponseHeaders for HeaderMap {
    fn response_headers(&self) -> Option<&HeaderMap> {
        Some(self)
    }
}

impl HasResponseHeaders for reqwest::Response {
    fn response_headers(&self) -> Option<&HeaderMap> {
        Some(self.headers())
    }
}

impl<T> HasResponseHeaders for progenitor_client::ResponseValue<T> {
    fn response_headers(&self) -> Option<&HeaderMap> {
        Some(self.headers())
    }
}

impl<E> HasResponseHeaders for progenitor_client::Error<E> {
    fn response_headers(&self) -> Option<&HeaderMap> {
        match self {
            progenitor_client::Error::ErrorResponse(value) => Some(value.headers()),
            progenitor_client::Error::UnexpectedResponse(response) => Some(response.headers()),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_lookup_ignores_case_and_empty_values() {
        let mut headers = HeaderMap::new();
        headers.insert("x-request-id", "abc".parse().unwrap());
        headers.insert("request-id", " ".parse().unwrap());
        assert_eq!(headers.request_id(HUAWEI_REQUEST_ID), Some("abc"));
        assert_eq!(headers.request_id("X-REQUEST-ID"), Some("abc"));
        assert_eq!(headers.request_id(GLAIR_REQUEST_ID), None);
    }

    #[test]
    fn errors_without_a_response_have_no_request_id() {
        let error: progenitor_client::Error<()> =
            progenitor_client::Error::InvalidRequest("bad".into());
        assert!(error.response_headers().is_none());
        assert_eq!(error.request_id(HUAWEI_REQUEST_ID), None);
    }

    #[test]
    fn response_value_exposes_its_headers() {
        let mut headers = HeaderMap::new();
        headers.insert("Request-Id", "r-1".parse().unwrap());
        let value = progenitor_client::ResponseValue::new((), reqwest::StatusCode::OK, headers);
        assert_eq!(value.request_id("request-id"), Some("r-1"));
    }
}
