//! HTTP settings shared by every provider client, and the `reqwest::Client` built from them.
//!
//! Defaults: connect timeout [`DEFAULT_CONNECT_TIMEOUT`] (10 s), whole-request timeout
//! [`DEFAULT_REQUEST_TIMEOUT`] (60 s; OCR of a large scan is slow), idle pooled connections
//! closed after [`DEFAULT_POOL_IDLE_TIMEOUT`] (90 s), TLS through rustls, and redirects followed
//! only within the same scheme, host and port (a redirect to another host would carry the
//! credentials that the clients put into headers and query strings).

use std::time::Duration;

/// Default time allowed to open a TCP + TLS connection.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// Default time allowed for a whole request, from sending to the last body byte.
pub const DEFAULT_REQUEST_TIMEOUT: Duration = Duration::from_secs(60);
/// Default time an idle pooled connection is kept open.
pub const DEFAULT_POOL_IDLE_TIMEOUT: Duration = Duration::from_secs(90);
/// Most redirects followed for one request (all on the original origin).
pub const MAX_SAME_ORIGIN_REDIRECTS: usize = 5;

/// Transport settings for a provider client.
///
/// ```
/// use std::time::Duration;
/// use taxdoc_client_runtime::http::HttpSettings;
///
/// let settings = HttpSettings::default()
///     .with_base_url("http://127.0.0.1:8080")
///     .with_request_timeout(Duration::from_secs(30));
/// assert_eq!(settings.base_url_or("https://api.example.com"), "http://127.0.0.1:8080");
/// let client = settings.build_client("example-client", "0.1.0");
/// assert!(client.is_ok());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct HttpSettings {
    /// Base URL replacing the provider's default server (sandbox, proxy, other region).
    pub base_url: Option<String>,
    /// Time allowed to open a connection.
    pub connect_timeout: Duration,
    /// Time allowed for a whole request.
    pub request_timeout: Duration,
    /// `User-Agent` to send instead of `taxdoc/<version> (<client crate>/<version>)`.
    pub user_agent: Option<String>,
    /// How long an idle pooled connection is kept open.
    pub pool_idle_timeout: Duration,
}

impl Default for HttpSettings {
    fn default() -> Self {
        Self {
            base_url: None,
            connect_timeout: DEFAULT_CONNECT_TIMEOUT,
            request_timeout: DEFAULT_REQUEST_TIMEOUT,
            user_agent: None,
            pool_idle_timeout: DEFAULT_POOL_IDLE_TIMEOUT,
        }
    }
}

impl HttpSettings {
    /// Sets the base URL that replaces the provider's default server.
    pub fn with_base_url(mut self, base_url: impl Into<String>) -> Self {
        self.base_url = Some(base_url.into());
        self
    }

    /// Sets the connect timeout.
    pub fn with_connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// Sets the whole-request timeout.
    pub fn with_request_timeout(mut self, timeout: Duration) -> Self {
        self.request_timeout = timeout;
        self
    }

    /// Sets the `User-Agent` header value.
    pub fn with_user_agent(mut self, user_agent: impl Into<String>) -> Self {
        self.user_agent = Some(user_agent.into());
        self
    }

    /// Sets how long idle pooled connections are kept.
    pub fn with_pool_idle_timeout(mut self, timeout: Duration) -> Self {
        self.pool_idle_timeout = timeout;
        self
    }

    /// The configured base URL without a trailing `/`, or `default` when none is set.
    pub fn base_url_or<'a>(&'a self, default: &'a str) -> &'a str {
        self.base_url
            .as_deref()
            .unwrap_or(default)
            .trim_end_matches('/')
    }

    /// The `User-Agent` sent by a client crate: the configured one, or
    /// `taxdoc/<runtime version> (<client_crate>/<client_version>)`.
    pub fn user_agent_for(&self, client_crate: &str, client_version: &str) -> String {
        match &self.user_agent {
            Some(agent) => agent.clone(),
            None => format!(
                "taxdoc/{} ({client_crate}/{client_version})",
                env!("CARGO_PKG_VERSION")
            ),
        }
    }

    /// Builds the `reqwest::Client` for a client crate (rustls TLS, timeouts, user agent,
    /// same-origin redirects only).
    ///
    /// Fails only when the TLS backend cannot be initialised or the user agent is not a valid
    /// header value.
    pub fn build_client(
        &self,
        client_crate: &str,
        client_version: &str,
    ) -> Result<reqwest::Client, reqwest::Error> {
        reqwest::Client::builder()
            .tls_backend_rustls()
            .connect_timeout(self.connect_timeout)
            .timeout(self.request_timeout)
            .pool_idle_timeout(self.pool_idle_timeout)
            .user_agent(self.user_agent_for(client_crate, client_version))
            .redirect(same_origin_redirects())
            .build()
    }
}

/// A redirect policy that follows at most [`MAX_SAME_ORIGIN_REDIRECTS`] redirects, and only to
/// the same scheme, host and port; any other redirect is returned to the caller as a response.
pub fn same_origin_redirects() -> reqwest::redirect::Policy {
    reqwest::redirect::Policy::custom(|attempt| {
        let previous = attempt.previous();
        let same_origin = previous
            .first()
            .is_some_and(|first| first.origin() == attempt.url().origin());
        if previous.len() > MAX_SAME_ORIGIN_REDIRECTS || !same_origin {
            attempt.stop()
        } else {
            attempt.follow()
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_documented_values() {
        let settings = HttpSettings::default();
        assert_eq!(settings.connect_timeout, Duration::from_secs(10));
        assert_eq!(settings.request_timeout, Duration::from_secs(60));
        assert_eq!(
            settings.base_url_or("https://a.example/"),
            "https://a.example"
        );
    }

    #[test]
    fn user_agent_names_runtime_and_client_crate() {
        let agent = HttpSettings::default().user_agent_for("glair-vision-client", "9.9.9");
        assert_eq!(
            agent,
            format!(
                "taxdoc/{} (glair-vision-client/9.9.9)",
                env!("CARGO_PKG_VERSION")
            )
        );
        let custom = HttpSettings::default().with_user_agent("mine/1");
        assert_eq!(custom.user_agent_for("x", "1"), "mine/1");
    }

    #[test]
    fn invalid_user_agent_is_an_error_not_a_panic() {
        let settings = HttpSettings::default().with_user_agent("bad\nagent");
        assert!(settings.build_client("x", "1").is_err());
    }
}
