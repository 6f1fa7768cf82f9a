//! GLAIR Vision routes: samples with correct auth, gateway 403 otherwise, documented 400/415.

use reqwest::multipart::{Form, Part};
use serde_json::Value;
use tax_sandbox::{Sandbox, SandboxHandle};

const JPEG: &[u8] = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01sandbox-npwp";

fn image_form(bytes: &[u8]) -> Form {
    Form::new().part(
        "image",
        Part::bytes(bytes.to_vec())
            .file_name("npwp.jpg")
            .mime_str("image/jpeg")
            .unwrap(),
    )
}

fn authorized(sandbox: &SandboxHandle, path: &str) -> reqwest::RequestBuilder {
    let credentials = &sandbox.credentials().glair;
    reqwest::Client::new()
        .post(format!("{}{path}", sandbox.base_url()))
        .basic_auth(&credentials.username, Some(&credentials.password))
        .header("x-api-key", &credentials.api_key)
}

#[tokio::test]
async fn npwp_and_invoice_answer_their_documented_samples() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    let npwp = authorized(&sandbox, "/ocr/v1/npwp")
        .multipart(image_form(JPEG))
        .send()
        .await
        .unwrap();
    assert_eq!(npwp.status(), 200);
    assert!(!npwp.headers()["request-id"].is_empty());
    let body: Value = npwp.json().await.unwrap();
    assert_eq!(body["status"], "SUCCESS");
    assert_eq!(body["read"]["noNpwp"]["value"], "70.943.997.0-437.000");

    let invoice = authorized(&sandbox, "/ocr/v1/invoice")
        .header("x-request-id", "caller-chosen-id")
        .multipart(image_form(b"%PDF-1.7 invoice"))
        .send()
        .await
        .unwrap();
    assert_eq!(invoice.status(), 200);
    assert_eq!(invoice.headers()["request-id"], "caller-chosen-id");
    let body: Value = invoice.json().await.unwrap();
    assert_eq!(
        body["read"]["invoice_number"]["value"],
        "INV2023/23/01/1234"
    );
}

#[tokio::test]
async fn wrong_or_missing_credentials_get_the_gateway_403() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    let credentials = sandbox.credentials().glair.clone();
    let url = format!("{}/ocr/v1/npwp", sandbox.base_url());
    let client = reqwest::Client::new();
    let attempts = [
        client
            .post(&url)
            .basic_auth(&credentials.username, Some(&credentials.password))
            .header("x-api-key", "wrong-key"),
        client
            .post(&url)
            .basic_auth(&credentials.username, Some("wrong-password"))
            .header("x-api-key", &credentials.api_key),
        client.post(&url).header("x-api-key", &credentials.api_key),
        client.post(&url),
    ];
    for attempt in attempts {
        let response = attempt.multipart(image_form(JPEG)).send().await.unwrap();
        assert_eq!(response.status(), 403);
        let body: Value = response.json().await.unwrap();
        assert_eq!(body["message"], "Access to this API has been disallowed.");
        assert!(body.get("status").is_none());
    }
}

#[tokio::test]
async fn missing_image_is_no_file_and_non_image_is_invalid_format() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    let no_file = authorized(&sandbox, "/ocr/v1/npwp")
        .multipart(Form::new().text("other", "x"))
        .send()
        .await
        .unwrap();
    assert_eq!(no_file.status(), 400);
    let body: Value = no_file.json().await.unwrap();
    assert_eq!(body["status"], "NO_FILE");
    assert_eq!(body["reason"], "No file in request body");

    let text = authorized(&sandbox, "/ocr/v1/invoice")
        .multipart(image_form(b"plain text, not an image"))
        .send()
        .await
        .unwrap();
    assert_eq!(text.status(), 415);
    let body: Value = text.json().await.unwrap();
    assert_eq!(body["status"], "FILE_INVALID_FORMAT");
}
