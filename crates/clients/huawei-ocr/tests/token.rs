//! `create_token` and the `obtain_token` convenience on a loopback IAM.

use chrono::{TimeZone, Utc};
use huawei_ocr_client::{Client, PasswordLogin, TokenError};
use serde_json::json;
use taxdoc_client_runtime::error::ErrorKind;
use taxdoc_client_runtime::http::HttpSettings;
use taxdoc_client_runtime::secret::Secret;
use taxdoc_client_testkit::json::assert_same_data;
use taxdoc_client_testkit::spec::Spec;
use taxdoc_client_testkit::{MockProvider, Reply};

const PATH: &str = "/v3/auth/tokens";
const PASSWORD: &str = "planted-password-42";

fn login() -> PasswordLogin {
    PasswordLogin {
        domain: "example-account".into(),
        user: "ocr-user".into(),
        password: Secret::new(PASSWORD),
        project: "cn-north-4".into(),
    }
}

fn iam(provider: &MockProvider) -> Client {
    Client::iam(
        "cn-north-4",
        &HttpSettings::default().with_base_url(provider.uri()),
    )
    .unwrap()
}

#[tokio::test]
async fn issued_token_comes_from_the_subject_token_header_with_expiry() {
    let spec = Spec::load("huawei-ocr");
    let issued = &spec.responses("create_token")[0];
    assert_eq!(issued.status, "201");
    let example = &issued.examples[0];
    let provider = MockProvider::start().await;
    let reply = Reply::json(201, &example.value)
        .header("X-Subject-Token", "MIIissued-token")
        .header("X-Request-Id", "iam-1");
    provider.serve("POST", PATH, reply).await;

    let token = iam(&provider).obtain_token(&login()).await.unwrap();
    assert_eq!(token.token.expose(), "MIIissued-token");
    assert_eq!(
        token.expires_at,
        Some(Utc.with_ymd_and_hms(2024, 1, 2, 0, 0, 0).unwrap())
    );
    assert_eq!(token.request_id.as_deref(), Some("iam-1"));
    assert_same_data(
        &example.value,
        &serde_json::to_value(&token.details).unwrap(),
    );
    assert!(!format!("{token:?}").contains("MIIissued-token"));

    let sent = provider.single_request().await;
    assert_eq!(sent.method, "POST");
    assert!(sent.header("x-auth-token").is_none());
    assert!(sent.header("authorization").is_none());
    let expected = spec.request_examples("create_token")[0].value.clone();
    let mut body = sent.json();
    assert_eq!(
        body["auth"]["identity"]["password"]["user"]["password"],
        PASSWORD
    );
    body["auth"]["identity"]["password"]["user"]["password"] =
        expected["auth"]["identity"]["password"]["user"]["password"].clone();
    assert_eq!(body, expected);
}

#[tokio::test]
async fn a_token_response_without_the_header_is_an_unexpected_body() {
    let provider = MockProvider::start().await;
    provider
        .serve("POST", PATH, Reply::json(201, &json!({"token": {}})))
        .await;
    let error = iam(&provider).obtain_token(&login()).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::UnexpectedBody);
    assert_eq!(error.status().map(|s| s.as_u16()), Some(201));
}

#[tokio::test]
async fn every_documented_iam_error_decodes_and_hides_the_password() {
    let spec = Spec::load("huawei-ocr");
    let provider = MockProvider::start().await;
    let client = iam(&provider);
    let mut checked = 0;
    for response in spec.responses("create_token") {
        if response.status == "201" {
            continue;
        }
        let status: u16 = response.status.parse().unwrap();
        for example in &response.examples {
            provider
                .serve("POST", PATH, Reply::json(status, &example.value))
                .await;
            let error: TokenError = client.obtain_token(&login()).await.unwrap_err();
            assert_eq!(error.status().map(|s| s.as_u16()), Some(status));
            assert!(error.envelope().is_some(), "{error:?}");
            let code = example.value["error_code"]
                .as_str()
                .map(str::to_owned)
                .or_else(|| Some(example.value["error"]["code"].to_string()));
            assert_eq!(error.code(), code);
            assert_eq!(
                error.is_retryable(),
                matches!(status, 429 | 503),
                "{error:?}"
            );
            assert!(!format!("{error} {error:?}").contains(PASSWORD));
            checked += 1;
        }
    }
    assert!(checked >= 7);
}

#[tokio::test]
async fn an_html_gateway_page_keeps_its_status_and_excerpt() {
    let provider = MockProvider::start().await;
    let page = "<html><h1>502 Bad Gateway</h1></html>";
    provider.serve("POST", PATH, Reply::html(502, page)).await;
    let error = iam(&provider).obtain_token(&login()).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::HttpStatus);
    assert_eq!(error.status().map(|s| s.as_u16()), Some(502));
    assert_eq!(error.body_excerpt(), Some(page));
    assert!(error.envelope().is_none());
}

#[test]
fn a_token_request_sends_the_password_but_never_shows_it() {
    use huawei_ocr_client::types::{NamedReference, PasswordUser};
    use taxdoc_client_runtime::wire::WireSecret;

    let user = PasswordUser {
        domain: NamedReference {
            id: None,
            name: Some("domain".to_owned()),
        },
        name: "user".to_owned(),
        password: WireSecret::new("planted-iam-password-5c1e"),
    };
    let shown = format!("{user:?} {user:#?}");
    assert!(!shown.contains("planted-iam-password-5c1e"), "{shown}");
    let sent = serde_json::to_value(&user).unwrap();
    assert_eq!(sent["password"], "planted-iam-password-5c1e");
}
