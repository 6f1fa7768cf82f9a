//! Credentials and the hooks that add them to every request.
//!
//! Huawei Cloud accepts either an IAM token (`X-Auth-Token`) or an AK/SK signature
//! (`Authorization: SDK-HMAC-SHA256 ...`, see [`crate::signer`]). The IAM token call itself is
//! sent without credentials.

use std::fmt;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use progenitor_client::{ClientHooks, ClientInfo, Error, OperationInfo};
use reqwest::header::{HeaderName, HeaderValue};
use taxdoc_client_runtime::secret::Secret;

use crate::signer::{AkSk, sign_request};

/// Header carrying an IAM token.
pub const AUTH_TOKEN_HEADER: &str = "x-auth-token";
/// Header naming the project of an AK/SK request.
pub const PROJECT_ID_HEADER: &str = "x-project-id";

/// How requests are authenticated.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum Credentials {
    /// An IAM token sent as `X-Auth-Token` (see [`crate::Client::obtain_token`]).
    Token(Secret),
    /// An access key pair; every request is signed with `SDK-HMAC-SHA256`.
    AkSk(AkSk),
    /// No credentials (the IAM token call).
    Anonymous,
}

/// The source of the signing time. Tests inject a fixed clock.
pub trait Clock: Send + Sync + fmt::Debug {
    /// The current UTC time.
    fn now(&self) -> DateTime<Utc>;
}

/// The system clock.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// A clock that always returns the same time.
#[derive(Debug, Clone, Copy)]
pub struct FixedClock(pub DateTime<Utc>);

impl Clock for FixedClock {
    fn now(&self) -> DateTime<Utc> {
        self.0
    }
}

/// The client's inner state: credentials, optional project id header, and the signing clock.
/// Its `Debug` never shows a token or secret key.
#[derive(Debug, Clone)]
pub struct Auth {
    credentials: Credentials,
    project_id: Option<String>,
    clock: Arc<dyn Clock>,
}

impl Auth {
    /// Authentication with the given credentials and the system clock.
    pub fn new(credentials: Credentials) -> Self {
        Self {
            credentials,
            project_id: None,
            clock: Arc::new(SystemClock),
        }
    }

    /// Sends `X-Project-Id: <project_id>` on every request that does not set it already (the
    /// header AK/SK requests to a sub-project need).
    pub fn with_project_id(mut self, project_id: impl Into<String>) -> Self {
        self.project_id = Some(project_id.into());
        self
    }

    /// Uses `clock` for `X-Sdk-Date`.
    pub fn with_clock(mut self, clock: impl Clock + 'static) -> Self {
        self.clock = Arc::new(clock);
        self
    }

    /// The credentials.
    pub fn credentials(&self) -> &Credentials {
        &self.credentials
    }

    fn apply(&self, request: &mut reqwest::Request) -> Result<(), String> {
        let headers = request.headers_mut();
        // Every generated request carries the spec version; Huawei does not use it.
        headers.remove("api-version");
        if let Some(project_id) = &self.project_id {
            let name = HeaderName::from_static(PROJECT_ID_HEADER);
            if !headers.contains_key(&name) {
                let value = HeaderValue::from_str(project_id)
                    .map_err(|_| "the project id is not a valid header value".to_owned())?;
                headers.insert(name, value);
            }
        }
        match &self.credentials {
            Credentials::Token(token) => {
                let mut value = HeaderValue::from_str(token.expose())
                    .map_err(|_| "the IAM token is not a valid header value".to_owned())?;
                value.set_sensitive(true);
                headers.insert(HeaderName::from_static(AUTH_TOKEN_HEADER), value);
                Ok(())
            }
            Credentials::AkSk(credentials) => {
                sign_request(request, credentials, self.clock.now()).map_err(|e| e.to_string())
            }
            Credentials::Anonymous => Ok(()),
        }
    }
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
