//! The API key travels in the URL; it must appear in no error output on any path.

mod common;

use std::time::Duration;

use taxdoc_client_runtime::error::ErrorKind;
use taxdoc_client_runtime::http::HttpSettings;
use taxdoc_client_testkit::{MockProvider, Reply, net};

use common::{API_KEY, PATH, call, client, client_with};

fn assert_no_key(context: &str, shown: &str) {
    assert!(!shown.contains(API_KEY), "{context} leaks the key: {shown}");
}

#[tokio::test]
async fn connection_refused_shows_no_key() {
    let client = client(&net::refused_base_url());
    for operation in ["create_invoice", "get_invoice"] {
        let (raw, error) = call(&client, operation).await.unwrap_err();
        assert_eq!(error.kind(), ErrorKind::Connect);
        assert!(
            raw.contains("user_id="),
            "the redacted URL is still shown: {raw}"
        );
        assert_no_key("refused", &format!("{raw} {error} {error:?} {client:?}"));
    }
}

#[tokio::test]
async fn timeout_shows_no_key() {
    let (silent, server) = net::silent_server().await;
    let client = client_with(
        HttpSettings::default()
            .with_base_url(silent)
            .with_request_timeout(Duration::from_millis(200)),
    );
    let (raw, error) = call(&client, "get_invoice").await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Timeout);
    assert_no_key("timeout", &format!("{raw} {error} {error:?}"));
    server.abort();
}

#[tokio::test]
async fn documented_and_undocumented_error_statuses_show_no_key() {
    let provider = MockProvider::start().await;
    let client = client(&provider.uri());
    let json_401 =
        r#"{"error":{"code":"API_KEY_INVALID","message":"An invalid api_key was supplied."}}"#;
    let page = "<html>502 Bad Gateway</html>";
    let replies = [
        (
            "4xx json",
            Reply::json_text(401, json_401),
            ErrorKind::HttpStatus,
        ),
        ("html 502", Reply::html(502, page), ErrorKind::HttpStatus),
        (
            "undocumented html 418",
            Reply::html(418, page),
            ErrorKind::HttpStatus,
        ),
        (
            "text 200",
            Reply::raw(200, "text/plain", page),
            ErrorKind::UnexpectedBody,
        ),
        (
            "redirect to another host (not followed)",
            Reply::raw(302, "text/plain", "").header("Location", "http://other.invalid/x"),
            ErrorKind::HttpStatus,
        ),
    ];
    for (name, reply, kind) in replies {
        provider.serve("POST", PATH, reply).await;
        let (raw, error) = call(&client, "create_invoice").await.unwrap_err();
        assert_eq!(error.kind(), kind, "{name}: {error:?}");
        assert_no_key(name, &format!("{raw} {error} {error:?}"));
        // The server did receive the key: the redaction is in the output only.
        let sent = provider.single_request().await;
        assert_eq!(sent.query_param("api_key"), Some(API_KEY), "{name}");
    }
}

#[tokio::test]
async fn a_key_echoed_in_a_response_body_is_scrubbed_from_the_error() {
    let provider = MockProvider::start().await;
    let client = client(&provider.uri());
    let echo = format!("<html>upstream failed for {PATH}?api_key={API_KEY}&user_id=1</html>");
    let replies = [
        ("html 502", Reply::html(502, &echo)),
        ("undocumented html 418", Reply::html(418, &echo)),
        ("text 200", Reply::raw(200, "text/plain", echo.clone())),
    ];
    for (name, reply) in replies {
        provider.serve("POST", PATH, reply).await;
        // The raw generated error may hold the body bytes as received; the `ApiError` a
        // caller sees keeps only a scrubbed excerpt.
        let (_, error) = call(&client, "create_invoice").await.unwrap_err();
        let excerpt = error.body_excerpt().unwrap_or_default();
        assert!(
            excerpt.contains("api_key=REDACTED&user_id=1"),
            "{name}: {excerpt}"
        );
        assert_no_key(name, &format!("{error} {error:?}"));
    }
}
