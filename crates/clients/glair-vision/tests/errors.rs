//! Every documented error response of both operations, plus gateway and transport failures.

mod common;

use std::time::Duration;

use glair_vision_client::OcrError;
use serde_json::Value;
use taxdoc_client_runtime::error::ErrorKind;
use taxdoc_client_runtime::http::HttpSettings;
use taxdoc_client_testkit::spec::Spec;
use taxdoc_client_testkit::{MockProvider, Reply, net};

use common::{API_KEY, PASSWORD, client, form};

const OPERATIONS: [(&str, &str); 2] = [
    ("read_npwp", "/ocr/v1/npwp"),
    ("read_invoice", "/ocr/v1/invoice"),
];

async fn call(client: &glair_vision_client::Client, operation: &str) -> Result<Value, OcrError> {
    let result = match operation {
        "read_npwp" => client
            .read_npwp(&form())
            .await
            .map(|ok| serde_json::to_value(ok.into_inner()).unwrap()),
        _ => client
            .read_invoice(&form())
            .await
            .map(|ok| serde_json::to_value(ok.into_inner()).unwrap()),
    };
    match result {
        Ok(value) => Ok(value),
        Err(error) => Err(OcrError::from_progenitor(error).await),
    }
}

#[tokio::test]
async fn every_documented_error_response_keeps_status_request_id_and_body() {
    let spec = Spec::load("glair-vision");
    let provider = MockProvider::start().await;
    let client = client(&provider.uri());
    for (operation, path) in OPERATIONS {
        let mut statuses = Vec::new();
        for response in spec.responses(operation) {
            if response.status == "200" {
                continue;
            }
            let status: u16 = response.status.parse().unwrap();
            for example in &response.examples {
                let reply = if response.media_type == "application/json" {
                    Reply::json(status, &example.value)
                } else {
                    Reply::raw(
                        status,
                        &response.media_type,
                        example.value.as_str().unwrap(),
                    )
                }
                .header("Request-Id", "glair-err-7");
                provider.serve("POST", path, reply).await;
                let error = call(&client, operation).await.unwrap_err();
                let context = format!("{operation} {status} {}: {error:?}", example.name);
                assert_eq!(error.kind(), ErrorKind::HttpStatus, "{context}");
                assert_eq!(
                    error.status().map(|s| s.as_u16()),
                    Some(status),
                    "{context}"
                );
                assert_eq!(error.request_id(), Some("glair-err-7"), "{context}");
                if response.media_type == "application/json" {
                    let envelope = error.envelope().expect(&context);
                    assert_eq!(envelope.status.as_deref(), example.value["status"].as_str());
                    assert_eq!(envelope.reason.as_deref(), example.value["reason"].as_str());
                    assert_eq!(
                        envelope.message.as_deref(),
                        example.value["message"].as_str()
                    );
                } else {
                    assert!(error.envelope().is_none(), "{context}");
                    let excerpt = error.body_excerpt().expect(&context);
                    assert!(excerpt.contains("502 - Bad Gateway"), "{context}");
                }
                let shown = format!("{error} {error:?}");
                assert!(!shown.contains(PASSWORD) && !shown.contains(API_KEY));
                statuses.push(status);
            }
        }
        for expected in [400, 403, 415, 429, 500, 502] {
            assert!(statuses.contains(&expected), "{operation}: {statuses:?}");
        }
    }
}

#[tokio::test]
async fn an_undocumented_body_on_a_documented_status_is_kept_as_an_excerpt() {
    let provider = MockProvider::start().await;
    let client = client(&provider.uri());
    provider
        .serve(
            "POST",
            "/ocr/v1/npwp",
            Reply::json_text(400, "{\"status\": \"NO_FI"),
        )
        .await;
    let error = call(&client, "read_npwp").await.unwrap_err();
    assert_eq!(error.status().map(|s| s.as_u16()), Some(400));
    assert_eq!(error.body_excerpt(), Some("{\"status\": \"NO_FI"));
}

#[tokio::test]
async fn connection_refused_and_timeout_are_classified() {
    let refused = client(&net::refused_base_url());
    let error = call(&refused, "read_npwp").await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Connect);
    assert!(error.is_retryable());

    let (silent, server) = net::silent_server().await;
    let settings = HttpSettings::default()
        .with_base_url(silent)
        .with_request_timeout(Duration::from_millis(200));
    let credentials = glair_vision_client::auth::Credentials::new("u", PASSWORD, API_KEY);
    let slow = glair_vision_client::Client::from_credentials(&credentials, &settings).unwrap();
    let error = call(&slow, "read_invoice").await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Timeout);
    let shown = format!("{error} {error:?} {slow:?}");
    assert!(
        !shown.contains(PASSWORD) && !shown.contains(API_KEY),
        "{shown}"
    );
    server.abort();
}

#[tokio::test]
async fn credentials_that_cannot_be_headers_fail_before_sending_and_stay_hidden() {
    let provider = MockProvider::start().await;
    let credentials = glair_vision_client::auth::Credentials::new("u", "p", "planted\nkey");
    let settings = HttpSettings::default().with_base_url(provider.uri());
    let client = glair_vision_client::Client::from_credentials(&credentials, &settings).unwrap();
    let error = call(&client, "read_npwp").await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::InvalidRequest);
    assert!(!format!("{error} {error:?}").contains("planted"));
    assert!(provider.requests().await.is_empty());
}
