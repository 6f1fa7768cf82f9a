//! Huawei Cloud OCR: IAM token flow, AK/SK signatures, documented errors.

use std::time::Duration;

use chrono::{TimeDelta, Utc};
use huawei_ocr_client::signer::{AkSk, sign_request};
use serde_json::{Value, json};
use tax_sandbox::{HuaweiCredentials, Sandbox, SandboxHandle};

fn ocr_url(sandbox: &SandboxHandle) -> String {
    format!(
        "{}/v2/{}/ocr/vat-invoice",
        sandbox.base_url(),
        sandbox.credentials().huawei.project_id
    )
}

fn token_request(user: &str, password: &str, domain: &str) -> Value {
    json!({"auth": {
        "identity": {"methods": ["password"], "password": {"user": {
            "name": user, "password": password, "domain": {"name": domain}
        }}},
        "scope": {"project": {"name": "cn-north-4"}}
    }})
}

async fn issue_token(sandbox: &SandboxHandle) -> String {
    let credentials = &sandbox.credentials().huawei;
    let response = reqwest::Client::new()
        .post(format!("{}/v3/auth/tokens", sandbox.base_url()))
        .json(&token_request(
            &credentials.user_name,
            &credentials.password,
            &credentials.domain_name,
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 201);
    let token = response.headers()["x-subject-token"]
        .to_str()
        .unwrap()
        .to_owned();
    let body: Value = response.json().await.unwrap();
    assert_eq!(
        body["token"]["user"]["name"],
        credentials.user_name.as_str()
    );
    let lifetime = &sandbox.credentials().huawei.token_lifetime;
    let (issued, expires) = (
        body["token"]["issued_at"].as_str().unwrap(),
        body["token"]["expires_at"].as_str().unwrap(),
    );
    // RFC 3339 UTC timestamps with a fixed format compare like the times they denote.
    assert_eq!(
        expires > issued,
        !lifetime.is_zero(),
        "{issued} .. {expires}"
    );
    token
}

#[tokio::test]
async fn token_from_iam_unlocks_the_ocr_route() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    let token = issue_token(&sandbox).await;
    let response = reqwest::Client::new()
        .post(ocr_url(&sandbox))
        .header("X-Auth-Token", &token)
        .json(&json!({"url": "https://example.com/vat.jpg", "advanced_mode": true}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert!(!response.headers()["x-request-id"].is_empty());
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["result"]["type"], "special");
}

#[tokio::test]
async fn wrong_password_and_unknown_token_are_rejected() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    let client = reqwest::Client::new();
    let credentials = &sandbox.credentials().huawei;
    let refused = client
        .post(format!("{}/v3/auth/tokens", sandbox.base_url()))
        .json(&token_request(
            &credentials.user_name,
            "wrong",
            &credentials.domain_name,
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 401);
    assert!(refused.headers().get("x-subject-token").is_none());
    let body: Value = refused.json().await.unwrap();
    assert_eq!(body["error"]["code"], 401);

    for headers in [vec![("X-Auth-Token", "not-issued-here")], vec![]] {
        let mut request = client
            .post(ocr_url(&sandbox))
            .json(&json!({"url": "https://e.x/a.jpg"}));
        for (name, value) in headers {
            request = request.header(name, value);
        }
        let response = request.send().await.unwrap();
        assert_eq!(response.status(), 401);
        let body: Value = response.json().await.unwrap();
        assert_eq!(body["error_code"], "APIG.0301");
        assert!(body["error_msg"].is_string());
    }
}

#[tokio::test]
async fn aksk_signed_call_is_accepted_and_a_tampered_one_is_not() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    let credentials = &sandbox.credentials().huawei;
    let key = AkSk::new(
        credentials.access_key.clone(),
        credentials.secret_key.as_str(),
    );
    let client = reqwest::Client::new();
    let body = br#"{"url":"https://example.com/invoice.jpg","advanced_mode":true}"#.to_vec();
    let build = |body: Vec<u8>| {
        client
            .post(ocr_url(&sandbox))
            .header("Content-Type", "application/json;charset=UTF-8")
            .body(body)
            .build()
            .unwrap()
    };

    let mut signed = build(body.clone());
    sign_request(&mut signed, &key, Utc::now()).unwrap();
    let accepted = client.execute(signed).await.unwrap();
    assert_eq!(accepted.status(), 200);

    let mut tampered_body = build(body.clone());
    sign_request(&mut tampered_body, &key, Utc::now()).unwrap();
    *tampered_body.body_mut() = Some(br#"{"url":"https://example.com/other.jpg"}"#.to_vec().into());
    let rejected = client.execute(tampered_body).await.unwrap();
    assert_eq!(rejected.status(), 401);
    let error: Value = rejected.json().await.unwrap();
    assert_eq!(error["error_code"], "APIG.0303");

    let wrong_key = AkSk::new(credentials.access_key.clone(), "not-the-secret");
    let mut wrongly_signed = build(body);
    sign_request(&mut wrongly_signed, &wrong_key, Utc::now()).unwrap();
    let rejected = client.execute(wrongly_signed).await.unwrap();
    assert_eq!(rejected.status(), 401);
    let error: Value = rejected.json().await.unwrap();
    assert_eq!(error["error_code"], "APIG.0303");
}

#[tokio::test]
async fn image_and_url_together_or_neither_is_ais_0101() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    let token = issue_token(&sandbox).await;
    for body in [
        json!({"image": "aGVsbG8=", "url": "https://example.com/a.jpg"}),
        json!({"advanced_mode": true}),
    ] {
        let response = reqwest::Client::new()
            .post(ocr_url(&sandbox))
            .header("X-Auth-Token", &token)
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 400);
        let error: Value = response.json().await.unwrap();
        assert_eq!(error["error_code"], "AIS.0101");
    }
}

#[tokio::test]
async fn expired_tokens_and_stale_signatures_are_rejected() {
    let mut credentials = HuaweiCredentials::default();
    credentials.token_lifetime = Duration::ZERO;
    let sandbox = Sandbox::builder()
        .huawei_credentials(credentials)
        .start()
        .await
        .unwrap();
    let token = issue_token(&sandbox).await;
    let client = reqwest::Client::new();
    let expired = client
        .post(ocr_url(&sandbox))
        .header("X-Auth-Token", &token)
        .json(&json!({"url": "https://example.com/vat.jpg"}))
        .send()
        .await
        .unwrap();
    assert_eq!(expired.status(), 401);
    let error: Value = expired.json().await.unwrap();
    assert_eq!(error["error_code"], "APIG.0307");

    let credentials = &sandbox.credentials().huawei;
    let key = AkSk::new(
        credentials.access_key.clone(),
        credentials.secret_key.as_str(),
    );
    let mut stale = client
        .post(ocr_url(&sandbox))
        .header("Content-Type", "application/json")
        .body(r#"{"url":"https://example.com/vat.jpg"}"#)
        .build()
        .unwrap();
    sign_request(&mut stale, &key, Utc::now() - TimeDelta::minutes(20)).unwrap();
    let rejected = client.execute(stale).await.unwrap();
    assert_eq!(rejected.status(), 401);
    let error: Value = rejected.json().await.unwrap();
    assert_eq!(error["error_code"], "APIG.0303");
}

#[tokio::test]
async fn an_unknown_project_is_apig_0101() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    let token = issue_token(&sandbox).await;
    let response = reqwest::Client::new()
        .post(format!(
            "{}/v2/ffffffffffffffffffffffffffffffff/ocr/vat-invoice",
            sandbox.base_url()
        ))
        .header("X-Auth-Token", &token)
        .json(&json!({"url": "https://example.com/vat.jpg"}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 404);
    let error: Value = response.json().await.unwrap();
    assert_eq!(error["error_code"], "APIG.0101");
}
