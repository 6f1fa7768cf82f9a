//! Credentials and the hook that adds them to every request.
//!
//! DeepFinch authenticates with two plain headers, `X-DF-API-ID` and `X-DF-API-SECRET`.

use progenitor_client::{ClientHooks, ClientInfo, Error, OperationInfo};
use reqwest::header::{HeaderName, HeaderValue};
use taxdoc_client_runtime::secret::Secret;

/// Header carrying the API id.
pub const API_ID_HEADER: &str = "x-df-api-id";
/// Header carrying the API secret.
pub const API_SECRET_HEADER: &str = "x-df-api-secret";

/// The client's inner state: the API id and secret. Its `Debug` shows no secret.
#[derive(Debug, Clone)]
pub struct Auth {
    api_id: String,
    api_secret: Secret,
}

impl Auth {
    /// Authentication with an API id and secret.
    pub fn new(api_id: impl Into<String>, api_secret: impl Into<Secret>) -> Self {
        Self {
            api_id: api_id.into(),
            api_secret: api_secret.into(),
        }
    }

    /// The API id.
    pub fn api_id(&self) -> &str {
        &self.api_id
    }

    fn apply(&self, request: &mut reqwest::Request) -> Result<(), String> {
        let id = HeaderValue::from_str(&self.api_id)
            .map_err(|_| "the API id contains characters not allowed in a header".to_owned())?;
        let mut secret = HeaderValue::from_str(self.api_secret.expose())
            .map_err(|_| "the API secret contains characters not allowed in a header".to_owned())?;
        secret.set_sensitive(true);
        let headers = request.headers_mut();
        // Every generated request carries the spec version; DeepFinch does not use it.
        headers.remove("api-version");
        headers.insert(HeaderName::from_static(API_ID_HEADER), id);
        headers.insert(HeaderName::from_static(API_SECRET_HEADER), secret);
        Ok(())
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
