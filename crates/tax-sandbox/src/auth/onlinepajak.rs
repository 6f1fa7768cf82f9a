//! OnlinePajak: the `api_key` query parameter, and a `user_id` the sandbox knows.

use url::form_urlencoded;

use super::secrets_match;
use crate::credentials::OnlinePajakCredentials;

/// Why a request was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Refusal {
    /// `api_key` missing or wrong (gateway `API_KEY_INVALID`).
    InvalidApiKey,
    /// `user_id` missing or unknown (application error).
    UnknownUser,
}

/// Checks the query string and returns the caller's `user_id`.
pub(crate) fn authorize(
    credentials: &OnlinePajakCredentials,
    query: Option<&str>,
) -> Result<String, Refusal> {
    let pairs: Vec<(String, String)> = form_urlencoded::parse(query.unwrap_or("").as_bytes())
        .into_owned()
        .collect();
    let value = |name: &str| {
        pairs
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    };
    if !value("api_key").is_some_and(|key| secrets_match(key, &credentials.api_key)) {
        return Err(Refusal::InvalidApiKey);
    }
    value("user_id")
        .filter(|user| credentials.user_ids.iter().any(|known| known == user))
        .map(str::to_owned)
        .ok_or(Refusal::UnknownUser)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_is_checked_before_user() {
        let credentials = OnlinePajakCredentials::default();
        let user = &credentials.user_ids[0];
        let good = format!("api_key={}&user_id={user}", credentials.api_key);
        assert_eq!(authorize(&credentials, Some(&good)), Ok(user.clone()));
        let bad_user = format!("api_key={}&user_id=nobody", credentials.api_key);
        assert_eq!(
            authorize(&credentials, Some(&bad_user)),
            Err(Refusal::UnknownUser)
        );
        let bad_key = format!("api_key=wrong&user_id={user}");
        assert_eq!(
            authorize(&credentials, Some(&bad_key)),
            Err(Refusal::InvalidApiKey)
        );
        assert_eq!(authorize(&credentials, None), Err(Refusal::InvalidApiKey));
    }
}
