//! Blanking secrets out of URLs and text before they reach an error message.

use reqwest::ResponseBuilderExt;
use url::Url;

/// The value written in place of a secret query parameter.
pub const REDACTED_VALUE: &str = "REDACTED";

/// Query parameter names (compared case-insensitively) whose values are secrets.
pub const SECRET_QUERY_PARAMETERS: &[&str] = &[
    "api_key",
    "apikey",
    "api-key",
    "x-api-key",
    "key",
    "token",
    "access_token",
    "auth_token",
    "password",
    "secret",
    "client_secret",
    "signature",
    "sig",
];

/// Whether a query parameter name is one of [`SECRET_QUERY_PARAMETERS`].
pub fn is_secret_parameter(name: &str) -> bool {
    SECRET_QUERY_PARAMETERS
        .iter()
        .any(|secret| secret.eq_ignore_ascii_case(name))
}

/// Returns `url` with the value of every secret query parameter replaced by
/// [`REDACTED_VALUE`], and any user name or password removed.
///
/// ```
/// use taxdoc_client_runtime::error::redact_url;
///
/// let url = url::Url::parse("https://h.example/v1?user_id=7&api_key=k3y").unwrap();
/// assert_eq!(redact_url(&url).as_str(), "https://h.example/v1?user_id=7&api_key=REDACTED");
/// ```
pub fn redact_url(url: &Url) -> Url {
    let mut redacted = url.clone();
    let has_secret = url
        .query_pairs()
        .any(|(name, _)| is_secret_parameter(&name));
    if has_secret {
        let pairs: Vec<(String, String)> = url
            .query_pairs()
            .map(|(name, value)| {
                let value = if is_secret_parameter(&name) {
                    REDACTED_VALUE.to_owned()
                } else {
                    value.into_owned()
                };
                (name.into_owned(), value)
            })
            .collect();
        redacted.query_pairs_mut().clear().extend_pairs(pairs);
    }
    if !redacted.username().is_empty() || redacted.password().is_some() {
        // Both calls fail only for URLs that cannot carry credentials, which have none.
        let _ = redacted.set_username("");
        let _ = redacted.set_password(None);
    }
    redacted
}

/// Returns `text` with the value of every `name=value` pair whose name is a secret query
/// parameter replaced by [`REDACTED_VALUE`]; for URLs quoted inside response bodies and
/// error messages.
pub fn redact_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(eq) = rest.find('=') {
        let (before, after) = rest.split_at(eq);
        let name_start = before
            .rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
            .map_or(0, |i| {
                i + before[i..].chars().next().map_or(1, char::len_utf8)
            });
        let name = &before[name_start..];
        out.push_str(before);
        out.push('=');
        let value = &after[1..];
        if is_secret_parameter(name) {
            let end = value
                .find(|c: char| c.is_whitespace() || "&\"'<>;,)]}".contains(c))
                .unwrap_or(value.len());
            if end > 0 {
                out.push_str(REDACTED_VALUE);
            }
            rest = &value[end..];
        } else {
            rest = value;
        }
    }
    out.push_str(rest);
    out
}

/// Returns `text` with every occurrence of each non-empty `secret` replaced by
/// [`REDACTED_VALUE`].
pub fn scrub_values(text: &str, secrets: &[&str]) -> String {
    secrets
        .iter()
        .filter(|secret| !secret.is_empty())
        .fold(text.to_owned(), |acc, secret| {
            acc.replace(secret, REDACTED_VALUE)
        })
}

/// Returns the transport error with the secret query parameters of its URL blanked.
pub fn redact_transport_error(error: reqwest::Error) -> reqwest::Error {
    match error.url().map(redact_url) {
        Some(url) => error.with_url(url),
        None => error,
    }
}

/// Returns the response with the secret query parameters of its URL blanked; status, headers
/// and the (unread) body stream are kept.
pub fn redact_response(response: reqwest::Response) -> reqwest::Response {
    let url = redact_url(response.url());
    if &url == response.url() {
        return response;
    }
    let (mut parts, body) = http::Response::<reqwest::Body>::from(response).into_parts();
    // `reqwest` reads a response's URL from a private extension that only its builder
    // extension can set; without it the URL becomes a fixed placeholder, which is also safe.
    if let Ok(carrier) = http::Response::builder().url(url).body(()) {
        parts.extensions.extend(carrier.into_parts().0.extensions);
    }
    reqwest::Response::from(http::Response::from_parts(parts, body))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_secrets_and_userinfo_are_blanked_and_other_parameters_kept() {
        let url =
            Url::parse("http://u:p@h.example/a?API_KEY=one&user_id=2&token=three&x=a%20b").unwrap();
        let redacted = redact_url(&url);
        let text = redacted.as_str();
        assert!(!text.contains("one") && !text.contains("three") && !text.contains("u:p"));
        assert!(text.contains("user_id=2"), "{text}");
        assert!(text.contains("API_KEY=REDACTED"), "{text}");
        let clean = Url::parse("http://h.example/a?user_id=2").unwrap();
        assert_eq!(redact_url(&clean), clean);
    }

    #[test]
    fn text_redaction_finds_parameters_in_html_and_messages() {
        let text = "<a href=\"/v1?user_id=3&api_key=planted-123\">x</a> token=abc; monkey=banana";
        let redacted = redact_text(text);
        assert!(
            !redacted.contains("planted-123") && !redacted.contains("abc;"),
            "{redacted}"
        );
        assert!(redacted.contains("monkey=banana"), "{redacted}");
        assert!(redacted.contains("user_id=3"), "{redacted}");
        assert_eq!(redact_text("no pairs here = ok"), "no pairs here = ok");
        assert_eq!(redact_text("ünï=1 key=v"), "ünï=1 key=REDACTED");
    }

    #[test]
    fn exact_values_are_scrubbed() {
        assert_eq!(
            scrub_values("a k1 b k1", &["k1", ""]),
            "a REDACTED b REDACTED"
        );
    }

    #[tokio::test]
    async fn response_url_is_redacted_and_body_kept() {
        let url = Url::parse("http://h.example/v1?api_key=planted-9&user_id=1").unwrap();
        let raw = http::Response::builder()
            .status(503)
            .header("x-a", "b")
            .url(url)
            .body("down")
            .unwrap();
        let response = redact_response(reqwest::Response::from(raw));
        assert_eq!(response.status(), 503);
        assert_eq!(response.headers()["x-a"], "b");
        assert_eq!(
            response.url().as_str(),
            "http://h.example/v1?api_key=REDACTED&user_id=1"
        );
        assert!(!format!("{response:?}").contains("planted-9"));
        assert_eq!(response.text().await.unwrap(), "down");
    }
}
