//! GLAIR Vision: `Authorization: Basic` and `x-api-key`, both required.

use axum::http::HeaderMap;
use axum::http::header::AUTHORIZATION;
use base64::Engine;
use base64::engine::general_purpose::STANDARD;

use super::secrets_match;
use crate::credentials::GlairCredentials;

/// The gateway's message when either credential is missing or wrong.
pub(crate) const ACCESS_DENIED: &str = "Access to this API has been disallowed.";

/// Whether both the Basic credentials and the API key are right.
pub(crate) fn is_authorized(credentials: &GlairCredentials, headers: &HeaderMap) -> bool {
    let api_key_ok = headers
        .get("x-api-key")
        .and_then(|value| value.to_str().ok())
        .is_some_and(|key| secrets_match(key, &credentials.api_key));
    let basic_ok = headers
        .get(AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(basic_pair)
        .is_some_and(|(user, password)| {
            // Both are compared, so a wrong user name costs as much as a wrong password.
            let user_ok = secrets_match(&user, &credentials.username);
            let password_ok = secrets_match(&password, &credentials.password);
            user_ok & password_ok
        });
    api_key_ok & basic_ok
}

/// The user name and password of a `Basic` header value.
fn basic_pair(value: &str) -> Option<(String, String)> {
    let (scheme, encoded) = value.trim().split_once(' ')?;
    if !scheme.eq_ignore_ascii_case("basic") {
        return None;
    }
    let decoded = String::from_utf8(STANDARD.decode(encoded.trim()).ok()?).ok()?;
    let (user, password) = decoded.split_once(':')?;
    Some((user.to_owned(), password.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(basic: &str, api_key: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        let value = format!("Basic {}", STANDARD.encode(basic));
        headers.insert(AUTHORIZATION, value.parse().unwrap());
        headers.insert("x-api-key", api_key.parse().unwrap());
        headers
    }

    #[test]
    fn both_credentials_are_required() {
        let credentials = GlairCredentials::default();
        let basic = format!("{}:{}", credentials.username, credentials.password);
        assert!(is_authorized(
            &credentials,
            &headers(&basic, &credentials.api_key)
        ));
        assert!(!is_authorized(&credentials, &headers(&basic, "wrong")));
        let wrong_password = format!("{}:nope", credentials.username);
        assert!(!is_authorized(
            &credentials,
            &headers(&wrong_password, &credentials.api_key)
        ));
        assert!(!is_authorized(&credentials, &HeaderMap::new()));
    }
}
