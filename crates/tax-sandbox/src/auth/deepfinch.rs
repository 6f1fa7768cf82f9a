//! DeepFinch: `X-DF-API-ID` and `X-DF-API-SECRET` in plain text.

use axum::http::HeaderMap;

use super::secrets_match;
use crate::credentials::DeepFinchCredentials;

/// The `reason` sent with a 401 `UNAUTHORIZED`.
pub(crate) const UNAUTHORIZED_REASON: &str = "invalid api_id or api_secret";

/// Whether both headers carry the configured values.
pub(crate) fn is_authorized(credentials: &DeepFinchCredentials, headers: &HeaderMap) -> bool {
    let header = |name: &str| headers.get(name).and_then(|value| value.to_str().ok());
    let id_ok = header("x-df-api-id").is_some_and(|id| secrets_match(id, &credentials.api_id));
    let secret_ok = header("x-df-api-secret")
        .is_some_and(|secret| secrets_match(secret, &credentials.api_secret));
    id_ok & secret_ok
}
