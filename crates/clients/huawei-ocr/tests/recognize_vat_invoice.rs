//! `recognize_vat_invoice` against a loopback provider serving the spec's documented responses.

use std::time::Duration;

use chrono::{TimeZone, Utc};
use huawei_ocr_client::auth::{Auth, Credentials, FixedClock};
use huawei_ocr_client::signer::{self, AkSk};
use huawei_ocr_client::{Client, OcrError, request_id, types};
use serde_json::json;
use taxdoc_client_runtime::error::ErrorKind;
use taxdoc_client_runtime::http::HttpSettings;
use taxdoc_client_runtime::secret::Secret;
use taxdoc_client_testkit::json::assert_same_data;
use taxdoc_client_testkit::spec::Spec;
use taxdoc_client_testkit::{MockProvider, Reply, net};

const PROJECT: &str = "0123456789abcdef0123456789abcdef";
const PATH: &str = "/v2/0123456789abcdef0123456789abcdef/ocr/vat-invoice";
const TOKEN: &str = "MIIplanted-iam-token-value";

fn token_client(base_url: &str) -> Client {
    let settings = HttpSettings::default().with_base_url(base_url);
    Client::from_credentials(
        Credentials::Token(Secret::new(TOKEN)),
        "cn-north-4",
        &settings,
    )
    .unwrap()
}

fn url_request() -> types::VatInvoiceRequest {
    types::VatInvoiceRequest {
        url: Some("https://example.com/invoice.jpg".into()),
        advanced_mode: Some(true),
        ..Default::default()
    }
}

#[tokio::test]
async fn every_documented_success_example_decodes_and_the_request_carries_the_token() {
    let spec = Spec::load("huawei-ocr");
    let provider = MockProvider::start().await;
    let client = token_client(&provider.uri());
    let success = spec
        .responses("recognize_vat_invoice")
        .into_iter()
        .find(|response| response.status == "200")
        .unwrap();
    assert!(success.examples.len() >= 2);
    for example in &success.examples {
        let reply = Reply::json(200, &example.value).header("X-Request-Id", "req-ok-1");
        provider.serve("POST", PATH, reply).await;
        let response = client
            .recognize_vat_invoice(PROJECT, None, None, &url_request())
            .await
            .unwrap_or_else(|error| panic!("{}: {error:?}", example.name));
        assert_eq!(request_id(&response), Some("req-ok-1"));
        let decoded = serde_json::to_value(response.into_inner()).unwrap();
        assert_same_data(&example.value, &decoded);

        let sent = provider.single_request().await;
        assert_eq!(sent.method, "POST");
        assert_eq!(sent.path, PATH);
        assert_eq!(sent.header("x-auth-token"), Some(TOKEN));
        assert_eq!(sent.header("content-type"), Some("application/json"));
        assert_eq!(sent.header("api-version"), None);
        assert!(sent.header("authorization").is_none());
        assert_eq!(
            sent.json(),
            json!({"url": "https://example.com/invoice.jpg", "advanced_mode": true})
        );
    }
}

#[tokio::test]
async fn every_request_example_is_sent_as_documented() {
    let spec = Spec::load("huawei-ocr");
    let provider = MockProvider::start().await;
    let client = token_client(&provider.uri());
    let reply_body = json!({"result": {"type": "normal"}});
    for example in spec.request_examples("recognize_vat_invoice") {
        provider
            .serve("POST", PATH, Reply::json(200, &reply_body))
            .await;
        let body: types::VatInvoiceRequest = serde_json::from_value(example.value.clone()).unwrap();
        let response = client
            .recognize_vat_invoice(PROJECT, Some("enterprise-1"), Some("sub-1"), &body)
            .await
            .unwrap();
        assert_eq!(
            response.into_inner().result.type_.as_deref(),
            Some("normal")
        );
        let sent = provider.single_request().await;
        assert_eq!(sent.json(), example.value, "{}", example.name);
        assert_eq!(sent.header("enterprise-project-id"), Some("enterprise-1"));
        assert_eq!(sent.header("x-project-id"), Some("sub-1"));
    }
}

#[tokio::test]
async fn quirky_values_decode_confidence_above_one_and_unknown_fields() {
    let spec = Spec::load("huawei-ocr");
    let provider = MockProvider::start().await;
    let client = token_client(&provider.uri());
    let examples = &spec
        .responses("recognize_vat_invoice")
        .into_iter()
        .find(|response| response.status == "200")
        .unwrap()
        .examples;
    let documented = examples
        .iter()
        .find(|example| example.name == "documented_advanced_mode")
        .unwrap();
    provider
        .serve("POST", PATH, Reply::json(200, &documented.value))
        .await;
    let result = client
        .recognize_vat_invoice(PROJECT, None, None, &url_request())
        .await
        .unwrap()
        .into_inner()
        .result;
    let confidence = serde_json::to_value(&result.confidence).unwrap();
    assert_eq!(confidence["number"], json!(1.9856));

    let mut with_unknown = documented.value.clone();
    with_unknown["result"]["brand_new_field"] = json!({"nested": [1, "two"]});
    with_unknown["top_level_extra"] = json!("kept");
    provider
        .serve("POST", PATH, Reply::json(200, &with_unknown))
        .await;
    let response = client
        .recognize_vat_invoice(PROJECT, None, None, &url_request())
        .await
        .unwrap()
        .into_inner();
    assert_eq!(response.extra["top_level_extra"], json!("kept"));
    assert_eq!(
        response.result.extra["brand_new_field"],
        json!({"nested": [1, "two"]})
    );
}

#[tokio::test]
async fn every_documented_error_decodes_into_the_typed_envelope() {
    let spec = Spec::load("huawei-ocr");
    let provider = MockProvider::start().await;
    let client = token_client(&provider.uri());
    let mut seen = Vec::new();
    for response in spec.responses("recognize_vat_invoice") {
        if response.status == "200" {
            continue;
        }
        let status: u16 = response.status.parse().unwrap();
        for example in &response.examples {
            let reply = Reply::json(status, &example.value).header("X-Request-Id", "req-err-9");
            provider.serve("POST", PATH, reply).await;
            let error = client
                .recognize_vat_invoice(PROJECT, None, None, &url_request())
                .await
                .unwrap_err();
            let error = OcrError::from_progenitor(error).await;
            assert_eq!(error.kind(), ErrorKind::HttpStatus);
            assert_eq!(error.status().map(|s| s.as_u16()), Some(status));
            assert_eq!(error.request_id(), Some("req-err-9"));
            let envelope = error.envelope().unwrap_or_else(|| panic!("{error:?}"));
            assert_eq!(
                envelope.error_code.as_deref(),
                example.value["error_code"].as_str()
            );
            assert!(
                error
                    .to_string()
                    .contains(envelope.error_code.as_deref().unwrap())
            );
            assert_eq!(
                error.is_retryable(),
                matches!(status, 429 | 503),
                "{error:?}"
            );
            seen.push(envelope.error_code.clone().unwrap_or_default());
        }
    }
    assert!(
        seen.iter().any(|code| code == huawei_ocr_client::THROTTLED),
        "{seen:?}"
    );
    assert!(seen.len() >= 6, "{seen:?}");
}

#[tokio::test]
async fn html_502_keeps_status_request_id_and_an_excerpt() {
    let provider = MockProvider::start().await;
    let client = token_client(&provider.uri());
    let page = "<html><body><h1>502 Bad Gateway</h1></body></html>";
    let reply = Reply::html(502, page).header("X-Request-Id", "gw-502");
    provider.serve("POST", PATH, reply).await;
    let error = client
        .recognize_vat_invoice(PROJECT, None, None, &url_request())
        .await
        .unwrap_err();
    let error = OcrError::from_progenitor(error).await;
    assert_eq!(error.kind(), ErrorKind::HttpStatus);
    assert_eq!(error.status().map(|s| s.as_u16()), Some(502));
    assert_eq!(error.request_id(), Some("gw-502"));
    assert!(error.envelope().is_none());
    assert_eq!(error.body_excerpt(), Some(page));
    assert!(error.is_retryable());
}

#[tokio::test]
async fn aksk_requests_are_signed_and_verify_with_the_same_algorithm() {
    let provider = MockProvider::start().await;
    let signed_at = Utc.with_ymd_and_hms(2024, 1, 1, 0, 0, 0).unwrap();
    let credentials = AkSk::new("AKPLANTED", "SKplanted-secret-key-000");
    let auth = Auth::new(Credentials::AkSk(credentials.clone()))
        .with_project_id(PROJECT)
        .with_clock(FixedClock(signed_at));
    let settings = HttpSettings::default().with_base_url(provider.uri());
    let client = Client::from_auth(auth, "https://unused.invalid", &settings).unwrap();
    let debug = format!("{client:?}");
    assert!(!debug.contains("SKplanted-secret-key-000"), "{debug}");

    provider
        .serve("POST", PATH, Reply::json(200, &json!({"result": {}})))
        .await;
    client
        .recognize_vat_invoice(PROJECT, None, None, &url_request())
        .await
        .unwrap();
    let sent = provider.single_request().await;
    assert_eq!(sent.header("x-project-id"), Some(PROJECT));
    assert_eq!(sent.header("x-sdk-date"), Some("20240101T000000Z"));
    assert!(sent.header("x-auth-token").is_none());
    let authorization = sent.header("authorization").unwrap();
    let parsed = signer::parse_authorization(authorization).unwrap();
    assert_eq!(parsed.access_key, "AKPLANTED");
    assert!(parsed.signed_headers.contains(&"host"));
    assert!(parsed.signed_headers.contains(&"x-project-id"));

    let mut headers = reqwest::header::HeaderMap::new();
    for (name, value) in &sent.headers {
        headers.append(
            reqwest::header::HeaderName::from_bytes(name.as_bytes()).unwrap(),
            value.parse().unwrap(),
        );
    }
    let url = reqwest::Url::parse(&format!("{}{PATH}", provider.uri())).unwrap();
    let verdict = signer::verify("POST", &url, &headers, &sent.body, &credentials, signed_at);
    assert_eq!(verdict, Ok(()));
    let tampered = signer::verify("POST", &url, &headers, b"{}", &credentials, signed_at);
    assert_eq!(tampered, Err(signer::VerifyError::SignatureMismatch));
}

#[tokio::test]
async fn transport_failures_are_classified_and_show_no_token() {
    let client = token_client(&net::refused_base_url());
    let error = client
        .recognize_vat_invoice(PROJECT, None, None, &url_request())
        .await
        .unwrap_err();
    let error = OcrError::from_progenitor(error).await;
    assert_eq!(error.kind(), ErrorKind::Connect);
    assert!(error.status().is_none());

    let (silent, server) = net::silent_server().await;
    let settings = HttpSettings::default()
        .with_base_url(silent)
        .with_request_timeout(Duration::from_millis(200));
    let client = Client::from_credentials(
        Credentials::Token(Secret::new(TOKEN)),
        "cn-north-4",
        &settings,
    )
    .unwrap();
    let error = client
        .recognize_vat_invoice(PROJECT, None, None, &url_request())
        .await
        .unwrap_err();
    let error = OcrError::from_progenitor(error).await;
    assert_eq!(error.kind(), ErrorKind::Timeout);
    let shown = format!("{error} {error:?} {client:?}");
    assert!(!shown.contains(TOKEN), "{shown}");
    server.abort();
}

#[test]
fn default_endpoints_follow_the_spec_servers() {
    let spec = Spec::load("huawei-ocr");
    assert_eq!(
        spec.server_url().replace("{region}", "cn-north-4"),
        huawei_ocr_client::ocr_endpoint(huawei_ocr_client::DEFAULT_REGION)
    );
    assert_eq!(
        huawei_ocr_client::iam_endpoint("ap-southeast-1"),
        "https://iam.ap-southeast-1.myhuaweicloud.com"
    );
}

#[tokio::test]
async fn a_token_that_cannot_be_a_header_is_an_invalid_request_that_hides_it() {
    let provider = MockProvider::start().await;
    let settings = HttpSettings::default().with_base_url(provider.uri());
    let bad = "planted\ntoken";
    let client = Client::from_credentials(
        Credentials::Token(Secret::new(bad)),
        "cn-north-4",
        &settings,
    )
    .unwrap();
    let error = client
        .recognize_vat_invoice(PROJECT, None, None, &url_request())
        .await
        .unwrap_err();
    let error = OcrError::from_progenitor(error).await;
    assert_eq!(error.kind(), ErrorKind::InvalidRequest);
    assert!(!format!("{error} {error:?}").contains("planted"));
    assert!(provider.requests().await.is_empty());
}
