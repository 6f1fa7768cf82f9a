//! DeepFinch route: sample with correct auth, 401 UNAUTHORIZED otherwise, INVALID_ARGUMENT.

use reqwest::multipart::{Form, Part};
use serde_json::Value;
use tax_sandbox::{Sandbox, SandboxHandle};

fn authorized(sandbox: &SandboxHandle) -> reqwest::RequestBuilder {
    let credentials = &sandbox.credentials().deepfinch;
    reqwest::Client::new()
        .post(format!("{}/ocr/value_add_tax_invoice", sandbox.base_url()))
        .header("X-DF-API-ID", &credentials.api_id)
        .header("X-DF-API-SECRET", &credentials.api_secret)
}

fn file_form() -> Form {
    Form::new().part(
        "file",
        Part::bytes(b"\x89PNG\r\n\x1a\nvat".to_vec()).file_name("vat.png"),
    )
}

#[tokio::test]
async fn file_and_url_uploads_answer_the_documented_sample_with_fresh_request_ids() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    let by_file: Value = authorized(&sandbox)
        .multipart(file_form())
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(by_file["status"], "OK");
    assert_eq!(
        by_file["result"]["invoice_info"]["invoice_date"]["txt"],
        "20227年03月24日"
    );
    let by_url: Value = authorized(&sandbox)
        .multipart(Form::new().text("url", "https://example.com/vat.jpg"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(by_url["status"], "OK");
    let (first, second) = (
        by_file["request_id"].as_str().unwrap(),
        by_url["request_id"].as_str().unwrap(),
    );
    assert!(first.starts_with("TID") && second.starts_with("TID"));
    assert_ne!(first, second);
}

#[tokio::test]
async fn wrong_secret_is_unauthorized_in_deepfinch_shape() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    let response = reqwest::Client::new()
        .post(format!("{}/ocr/value_add_tax_invoice", sandbox.base_url()))
        .header("X-DF-API-ID", &sandbox.credentials().deepfinch.api_id)
        .header("X-DF-API-SECRET", "wrong")
        .multipart(file_form())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 401);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["status"], "UNAUTHORIZED");
    assert!(body["reason"].is_string());
    assert!(body["request_id"].as_str().unwrap().starts_with("TID"));
}

#[tokio::test]
async fn neither_file_nor_url_is_invalid_argument() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    let response = authorized(&sandbox)
        .multipart(Form::new().text("other", "x"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 400);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["status"], "INVALID_ARGUMENT");
    assert_eq!(body["reason"], "must specify 'file'");
}
