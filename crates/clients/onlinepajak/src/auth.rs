//! The API key and the hooks that add it to, and keep it out of, everything.
//!
//! OnlinePajak authenticates with an `api_key` query parameter, so the key is part of every
//! request URL. The `pre` hook appends it; the `exec` hook blanks it from the URL of every
//! transport error and every response, so no error a caller can print shows it.

use progenitor_client::{ClientHooks, ClientInfo, Error, OperationInfo};
use taxdoc_client_runtime::error::{redact_response, redact_transport_error};
use taxdoc_client_runtime::secret::Secret;

/// Query parameter carrying the API key.
pub const API_KEY_PARAMETER: &str = "api_key";

/// The client's inner state: the API key. Its `Debug` shows no secret.
#[derive(Debug, Clone)]
pub struct Auth {
    api_key: Secret,
}

impl Auth {
    /// Authentication with `api_key`.
    pub fn new(api_key: impl Into<Secret>) -> Self {
        Self {
            api_key: api_key.into(),
        }
    }
}

impl ClientHooks<Auth> for crate::Client {
    async fn pre<E>(
        &self,
        request: &mut reqwest::Request,
        _info: &OperationInfo,
    ) -> Result<(), Error<E>> {
        // Every generated request carries the spec version; OnlinePajak does not use it.
        request.headers_mut().remove("api-version");
        request
            .url_mut()
            .query_pairs_mut()
            .append_pair(API_KEY_PARAMETER, self.inner().api_key.expose());
        Ok(())
    }

    async fn exec(
        &self,
        request: reqwest::Request,
        _info: &OperationInfo,
    ) -> reqwest::Result<reqwest::Response> {
        self.client()
            .execute(request)
            .await
            .map(redact_response)
            .map_err(redact_transport_error)
    }
}
