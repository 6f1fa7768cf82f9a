//! Credentials and the hook that adds them to every request.
//!
//! GLAIR Vision requires both `Authorization: Basic base64(username:password)` and
//! `x-api-key: <api key>` on every request.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use progenitor_client::{ClientHooks, ClientInfo, Error, OperationInfo};
use reqwest::header::{AUTHORIZATION, HeaderName, HeaderValue};
use taxdoc_client_runtime::secret::Secret;

/// Header carrying the API key.
pub const API_KEY_HEADER: &str = "x-api-key";

/// GLAIR Vision credentials: HTTP Basic user and password, and the API key.
#[derive(Debug, Clone)]
pub struct Credentials {
    /// The Basic auth user name.
    pub username: String,
    /// The Basic auth password.
    pub password: Secret,
    /// The API key sent as `x-api-key`.
    pub api_key: Secret,
}

impl Credentials {
    /// Creates the credentials.
    pub fn new(
        username: impl Into<String>,
        password: impl Into<Secret>,
        api_key: impl Into<Secret>,
    ) -> Self {
        Self {
            username: username.into(),
            password: password.into(),
            api_key: api_key.into(),
        }
    }
}

/// The client's inner state: the prepared header values. Its `Debug` shows no secret.
#[derive(Debug, Clone)]
pub struct Auth {
    basic: Secret,
    api_key: Secret,
}

impl Auth {
    /// Prepares the headers for `credentials`.
    pub fn new(credentials: &Credentials) -> Self {
        let pair = format!("{}:{}", credentials.username, credentials.password.expose());
        Self {
            basic: Secret::new(format!("Basic {}", STANDARD.encode(pair))),
            api_key: credentials.api_key.clone(),
        }
    }

    fn apply(&self, request: &mut reqwest::Request) -> Result<(), String> {
        let headers = request.headers_mut();
        // Every generated request carries the spec version; GLAIR does not use it.
        headers.remove("api-version");
        headers.insert(
            AUTHORIZATION,
            sensitive(&self.basic, "the Basic credentials")?,
        );
        headers.insert(
            HeaderName::from_static(API_KEY_HEADER),
            sensitive(&self.api_key, "the API key")?,
        );
        Ok(())
    }
}

fn sensitive(secret: &Secret, what: &str) -> Result<HeaderValue, String> {
    let mut value = HeaderValue::from_str(secret.expose())
        .map_err(|_| format!("{what} contain characters not allowed in a header"))?;
    value.set_sensitive(true);
    Ok(value)
}

impl ClientHooks<Auth> for crate::Client {
    async fn pre<E>(
        &self,
        request: &mut reqwest::Request,
        _info: &OperationInfo,
    ) -> Result<(), Error<E>> {
        self.inner().apply(request).map_err(Error::InvalidRequest)
    }
}
