//! `recognize_vat_invoice` against a loopback provider serving the spec's documented responses.

use std::time::Duration;

use deepfinch_client::types::{InvoicePassword, Region, VatInvoiceForm};
use deepfinch_client::{Client, OcrError};
use serde_json::json;
use taxdoc_client_runtime::error::ErrorKind;
use taxdoc_client_runtime::http::HttpSettings;
use taxdoc_client_testkit::json::assert_same_data;
use taxdoc_client_testkit::spec::Spec;
use taxdoc_client_testkit::{MockProvider, RecordedRequest, Reply, net};

const PATH: &str = "/ocr/value_add_tax_invoice";
const API_ID: &str = "df-api-id-1";
const API_SECRET: &str = "planted-df-secret-5521";
const IMAGE: &[u8] = b"\x89PNG fake invoice";

fn client(base_url: &str) -> Client {
    let settings = HttpSettings::default().with_base_url(base_url);
    Client::from_credentials(API_ID, API_SECRET, &settings).unwrap()
}

fn upload() -> VatInvoiceForm {
    VatInvoiceForm::file(IMAGE, "vat.png", "image/png")
}

fn assert_authenticated(sent: &RecordedRequest) {
    assert_eq!(sent.method, "POST");
    assert_eq!(sent.path, PATH);
    assert_eq!(sent.header("x-df-api-id"), Some(API_ID));
    assert_eq!(sent.header("x-df-api-secret"), Some(API_SECRET));
    assert_eq!(sent.header("api-version"), None);
}

#[tokio::test]
async fn every_documented_success_decodes_with_its_body_request_id() {
    let spec = Spec::load("deepfinch");
    let provider = MockProvider::start().await;
    let client = client(&provider.uri());
    let success = &spec.responses("recognize_vat_invoice")[0];
    assert_eq!(success.status, "200");
    for example in &success.examples {
        provider
            .serve("POST", PATH, Reply::json(200, &example.value))
            .await;
        let body = client
            .recognize_vat_invoice(&upload())
            .await
            .unwrap()
            .into_inner();
        assert_eq!(
            body.request_id.as_deref(),
            example.value["request_id"].as_str()
        );
        assert_eq!(body.status, "OK");
        assert_same_data(&example.value, &serde_json::to_value(&body).unwrap());

        let sent = provider.single_request().await;
        assert_authenticated(&sent);
        let parts = sent.multipart();
        assert_eq!(parts.len(), 1);
        assert_eq!(parts[0].name, "file");
        assert_eq!(parts[0].file_name.as_deref(), Some("vat.png"));
        assert_eq!(parts[0].content_type.as_deref(), Some("image/png"));
        assert_eq!(parts[0].data, IMAGE);
    }
}

#[tokio::test]
async fn the_url_variant_sends_one_text_field() {
    let spec = Spec::load("deepfinch");
    let by_url = spec
        .request_examples("recognize_vat_invoice")
        .into_iter()
        .find(|example| example.name == "by_url")
        .unwrap();
    let url = by_url.value["url"].as_str().unwrap();
    let provider = MockProvider::start().await;
    let client = client(&provider.uri());
    let reply = Reply::json(200, &json!({"status": "OK", "request_id": "TID1"}));
    provider.serve("POST", PATH, reply).await;
    client
        .recognize_vat_invoice(&VatInvoiceForm::url(url))
        .await
        .unwrap();
    let sent = provider.single_request().await;
    assert_authenticated(&sent);
    let parts = sent.multipart();
    assert_eq!(parts.len(), 1);
    assert_eq!(parts[0].name, "url");
    assert!(parts[0].file_name.is_none());
    assert_eq!(parts[0].text(), url);
}

#[tokio::test]
async fn empty_regions_and_both_password_shapes_decode() {
    let provider = MockProvider::start().await;
    let client = client(&provider.uri());
    let body = json!({
        "status": "OK",
        "request_id": "TID5ad591e2169544079a2e66f5822933e0",
        "result": {
            "invoice_info": {
                "invoice_code": {"region": "", "txt": ""},
                "invoice_numb": {"region": [1, 2, 3, 4, 5, 6, 7, 8.5], "txt": "01234567"},
                "invoice_password": [{"region": "", "txt": "03*<>"}]
            },
            "brand_new_section": {"kept": true}
        }
    });
    provider.serve("POST", PATH, Reply::json(200, &body)).await;
    let decoded = client
        .recognize_vat_invoice(&upload())
        .await
        .unwrap()
        .into_inner();
    let result = decoded.result.unwrap();
    let info = result.invoice_info.as_ref().unwrap();
    assert_eq!(
        info.invoice_code.as_ref().unwrap().region,
        Some(Region::String(String::new()))
    );
    assert_eq!(
        info.invoice_numb.as_ref().unwrap().region,
        Some(Region::Array(vec![1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.5]))
    );
    assert!(
        matches!(info.invoice_password, Some(InvoicePassword::Array(ref lines)) if lines.len() == 1)
    );
    assert_eq!(result.extra["brand_new_section"], json!({"kept": true}));

    let mut single = body.clone();
    single["result"]["invoice_info"]["invoice_password"] = json!({"region": "", "txt": "x"});
    provider
        .serve("POST", PATH, Reply::json(200, &single))
        .await;
    let decoded = client
        .recognize_vat_invoice(&upload())
        .await
        .unwrap()
        .into_inner();
    let info = decoded.result.unwrap().invoice_info.unwrap();
    assert!(matches!(
        info.invoice_password,
        Some(InvoicePassword::TextRegion(_))
    ));
}

#[tokio::test]
async fn every_documented_error_decodes_with_status_envelope_and_request_id() {
    let spec = Spec::load("deepfinch");
    let provider = MockProvider::start().await;
    let client = client(&provider.uri());
    let mut codes = Vec::new();
    for response in spec.responses("recognize_vat_invoice") {
        if response.status == "200" {
            continue;
        }
        let status: u16 = response.status.parse().unwrap();
        for example in &response.examples {
            provider
                .serve("POST", PATH, Reply::json(status, &example.value))
                .await;
            let error = client.recognize_vat_invoice(&upload()).await.unwrap_err();
            let error = OcrError::from_progenitor(error).await;
            let context = format!("{status} {}: {error:?}", example.name);
            assert_eq!(error.kind(), ErrorKind::HttpStatus, "{context}");
            assert_eq!(
                error.status().map(|s| s.as_u16()),
                Some(status),
                "{context}"
            );
            let envelope = error.envelope().expect(&context);
            assert_eq!(envelope.status.as_deref(), example.value["status"].as_str());
            assert_eq!(
                error.request_id(),
                example.value["request_id"].as_str(),
                "{context}"
            );
            assert_eq!(envelope.is_rate_limited(), status == 403, "{context}");
            assert_eq!(error.is_retryable(), status == 403, "{context}");
            assert!(!format!("{error} {error:?}").contains(API_SECRET));
            codes.push(envelope.status.clone().unwrap_or_default());
        }
    }
    for expected in [
        "INVALID_ARGUMENT",
        "DETECTION_FAILED",
        "UNAUTHORIZED",
        "RATE_LIMIT_EXCEEDED",
        "NOT_FOUND",
        "INTERNAL_ERROR",
    ] {
        assert!(codes.iter().any(|code| code == expected), "{codes:?}");
    }
}

#[tokio::test]
async fn html_502_and_transport_failures_are_classified() {
    let provider = MockProvider::start().await;
    let client = client(&provider.uri());
    provider
        .serve(
            "POST",
            PATH,
            Reply::html(502, "<html>502 Bad Gateway</html>"),
        )
        .await;
    let error = client.recognize_vat_invoice(&upload()).await.unwrap_err();
    let error = OcrError::from_progenitor(error).await;
    assert_eq!(error.status().map(|s| s.as_u16()), Some(502));
    assert_eq!(error.body_excerpt(), Some("<html>502 Bad Gateway</html>"));
    assert!(error.is_retryable());

    let error = self::client(&net::refused_base_url())
        .recognize_vat_invoice(&upload())
        .await
        .unwrap_err();
    assert_eq!(
        OcrError::from_progenitor(error).await.kind(),
        ErrorKind::Connect
    );

    let (silent, server) = net::silent_server().await;
    let settings = HttpSettings::default()
        .with_base_url(silent)
        .with_request_timeout(Duration::from_millis(200));
    let slow = Client::from_credentials(API_ID, API_SECRET, &settings).unwrap();
    let error = slow.recognize_vat_invoice(&upload()).await.unwrap_err();
    let error = OcrError::from_progenitor(error).await;
    assert_eq!(error.kind(), ErrorKind::Timeout);
    let shown = format!("{error} {error:?} {slow:?}");
    assert!(!shown.contains(API_SECRET), "{shown}");
    server.abort();
}
