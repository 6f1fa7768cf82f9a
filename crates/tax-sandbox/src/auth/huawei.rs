//! Huawei Cloud: an IAM token in `X-Auth-Token`, or an AK/SK `SDK-HMAC-SHA256` signature.

use std::collections::HashMap;
use std::fmt;
use std::sync::{Mutex, PoisonError};

use axum::http::header::{AUTHORIZATION, HOST};
use axum::http::{HeaderMap, Method, Uri};
use chrono::{DateTime, Utc};
use huawei_ocr_client::signer::{self, AkSk, VerifyError};
use url::Url;

use crate::credentials::HuaweiCredentials;

/// Why a call was not authenticated, with the gateway's error code and message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Rejection {
    /// Neither `X-Auth-Token` nor a signature was sent.
    NoCredentials,
    /// The token was not issued by this sandbox.
    UnknownToken,
    /// The token has expired.
    ExpiredToken,
    /// The signature did not verify.
    BadSignature(VerifyError),
}

impl Rejection {
    /// `error_code` and `error_msg` as the API gateway sends them (HTTP 401).
    pub(crate) fn code_and_message(&self) -> (&'static str, String) {
        match self {
            Self::NoCredentials => (
                "APIG.0301",
                "Incorrect IAM authentication information: no token or signature in the request"
                    .to_owned(),
            ),
            Self::UnknownToken => (
                "APIG.0301",
                "Incorrect IAM authentication information: decrypt token fail".to_owned(),
            ),
            Self::ExpiredToken => ("APIG.0307", "The token must be updated.".to_owned()),
            Self::BadSignature(error) => (
                "APIG.0303",
                format!("Incorrect app authentication information: {error}"),
            ),
        }
    }
}

/// Tokens issued by the IAM route, with their expiry. `Debug` shows only how many there are.
#[derive(Default)]
pub(crate) struct TokenStore {
    tokens: Mutex<HashMap<String, DateTime<Utc>>>,
}

impl fmt::Debug for TokenStore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let count = self
            .tokens
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .len();
        f.debug_struct("TokenStore")
            .field("live_or_expired_tokens", &count)
            .finish()
    }
}

impl TokenStore {
    /// Remembers a token until `expires_at`, forgetting tokens that already expired.
    pub(crate) fn insert(&self, token: String, expires_at: DateTime<Utc>, now: DateTime<Utc>) {
        let mut tokens = self.tokens.lock().unwrap_or_else(PoisonError::into_inner);
        tokens.retain(|_, expiry| *expiry > now);
        tokens.insert(token, expires_at);
    }

    fn check(&self, token: &str, now: DateTime<Utc>) -> Result<(), Rejection> {
        let tokens = self.tokens.lock().unwrap_or_else(PoisonError::into_inner);
        match tokens.get(token) {
            None => Err(Rejection::UnknownToken),
            Some(expiry) if *expiry <= now => Err(Rejection::ExpiredToken),
            Some(_) => Ok(()),
        }
    }
}

/// The parts of a received request that authentication looks at.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ReceivedRequest<'a> {
    pub(crate) method: &'a Method,
    pub(crate) uri: &'a Uri,
    pub(crate) headers: &'a HeaderMap,
    pub(crate) body: &'a [u8],
}

/// Accepts a live sandbox-issued token, or a valid signature by the configured AK/SK.
pub(crate) fn authenticate(
    credentials: &HuaweiCredentials,
    tokens: &TokenStore,
    request: ReceivedRequest<'_>,
    now: DateTime<Utc>,
) -> Result<(), Rejection> {
    if let Some(token) = request.headers.get("x-auth-token") {
        let token = token.to_str().map_err(|_| Rejection::UnknownToken)?;
        return tokens.check(token, now);
    }
    if !request.headers.contains_key(AUTHORIZATION) {
        return Err(Rejection::NoCredentials);
    }
    let host = request
        .headers
        .get(HOST)
        .and_then(|value| value.to_str().ok())
        .unwrap_or("localhost");
    let path_and_query = request
        .uri
        .path_and_query()
        .map_or("/", |path_and_query| path_and_query.as_str());
    let url = Url::parse(&format!("http://{host}{path_and_query}"))
        .map_err(|_| Rejection::BadSignature(VerifyError::MalformedAuthorization))?;
    let key = AkSk::new(
        credentials.access_key.clone(),
        credentials.secret_key.as_str(),
    );
    signer::verify(
        request.method.as_str(),
        &url,
        request.headers,
        request.body,
        &key,
        now,
    )
    .map_err(Rejection::BadSignature)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeDelta;

    #[test]
    fn tokens_expire() {
        let store = TokenStore::default();
        let now = Utc::now();
        store.insert("t".to_owned(), now + TimeDelta::minutes(1), now);
        assert_eq!(store.check("t", now), Ok(()));
        assert_eq!(
            store.check("t", now + TimeDelta::minutes(2)),
            Err(Rejection::ExpiredToken)
        );
        assert_eq!(store.check("other", now), Err(Rejection::UnknownToken));
    }
}
