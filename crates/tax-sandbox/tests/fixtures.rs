//! Fixtures: a registered body replaces the sample for the matching upload only.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use reqwest::multipart::{Form, Part};
use serde_json::{Value, json};
use tax_sandbox::{Fixture, FixtureKey, Provider, Sandbox};

const REGISTERED: &[u8] = b"\xff\xd8\xff\xe0registered-npwp";
const OTHER: &[u8] = b"\xff\xd8\xff\xe0some-other-npwp";

#[tokio::test]
async fn glair_upload_matching_a_registered_hash_gets_the_fixture() {
    let fixture_body = json!({"status": "SUCCESS", "reason": "fixture", "read": {}});
    let sandbox = Sandbox::builder()
        .fixture(Fixture::new(
            Provider::Glair,
            FixtureKey::sha256_of(REGISTERED),
            fixture_body.clone(),
        ))
        .start()
        .await
        .unwrap();
    let credentials = sandbox.credentials().glair.clone();
    let read = |bytes: &'static [u8]| {
        reqwest::Client::new()
            .post(format!("{}/ocr/v1/npwp", sandbox.base_url()))
            .basic_auth(&credentials.username, Some(&credentials.password))
            .header("x-api-key", &credentials.api_key)
            .multipart(Form::new().part("image", Part::bytes(bytes).file_name("n.jpg")))
            .send()
    };
    let matched: Value = read(REGISTERED).await.unwrap().json().await.unwrap();
    assert_eq!(matched, fixture_body);
    let unmatched: Value = read(OTHER).await.unwrap().json().await.unwrap();
    assert_eq!(unmatched["reason"], "File Successfully Read");
}

#[tokio::test]
async fn huawei_fixtures_match_the_decoded_image_and_deepfinch_the_url_file_name() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    sandbox.add_fixture(Fixture::new(
        Provider::Huawei,
        FixtureKey::sha256_of(REGISTERED),
        json!({"result": {"type": "normal", "number": "fixture"}}),
    ));
    sandbox.add_fixture(Fixture::new(
        Provider::DeepFinch,
        FixtureKey::file_name("registered.jpg"),
        json!({"status": "OK", "request_id": "TIDfixture", "result": {}}),
    ));
    let client = reqwest::Client::new();
    let huawei = &sandbox.credentials().huawei;
    let token_response = client
        .post(format!("{}/v3/auth/tokens", sandbox.base_url()))
        .json(
            &json!({"auth": {"identity": {"methods": ["password"], "password": {"user": {
            "name": huawei.user_name, "password": huawei.password,
            "domain": {"name": huawei.domain_name}}}}}}),
        )
        .send()
        .await
        .unwrap();
    let token = token_response.headers()["x-subject-token"].clone();
    let recognised: Value = client
        .post(format!(
            "{}/v2/{}/ocr/vat-invoice",
            sandbox.base_url(),
            huawei.project_id
        ))
        .header("X-Auth-Token", token)
        .json(&json!({"image": STANDARD.encode(REGISTERED)}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(recognised["result"]["number"], "fixture");

    let deepfinch = &sandbox.credentials().deepfinch;
    let recognise = |url: &'static str| {
        client
            .post(format!("{}/ocr/value_add_tax_invoice", sandbox.base_url()))
            .header("X-DF-API-ID", &deepfinch.api_id)
            .header("X-DF-API-SECRET", &deepfinch.api_secret)
            .multipart(Form::new().text("url", url))
            .send()
    };
    let matched: Value = recognise("https://example.com/scans/registered.jpg?v=2")
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(matched["request_id"], "TIDfixture");
    let unmatched: Value = recognise("https://example.com/scans/other.jpg")
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_ne!(unmatched["request_id"], "TIDfixture");
    assert!(unmatched["result"]["invoice_info"].is_object());
}
