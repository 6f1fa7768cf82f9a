//! `read_npwp` against a loopback provider serving the spec's documented responses.

mod common;

use glair_vision_client::request_id;
use taxdoc_client_testkit::json::assert_same_data;
use taxdoc_client_testkit::spec::Spec;
use taxdoc_client_testkit::{MockProvider, Reply};

use common::{assert_sent_image, client, form};

const PATH: &str = "/ocr/v1/npwp";

#[tokio::test]
async fn every_documented_success_decodes_and_the_upload_is_authenticated() {
    let spec = Spec::load("glair-vision");
    let provider = MockProvider::start().await;
    let client = client(&provider.uri());
    let success = &spec.responses("read_npwp")[0];
    assert_eq!(success.status, "200");
    let names: Vec<&str> = success.examples.iter().map(|e| e.name.as_str()).collect();
    for expected in [
        "readable_npwp_snake_case",
        "non_npwp_image",
        "unknown_extra_field",
    ] {
        assert!(names.contains(&expected), "{names:?}");
    }
    for example in &success.examples {
        let reply = Reply::json(200, &example.value).header("Request-Id", "glair-ok-1");
        provider.serve("POST", PATH, reply).await;
        let response = client.read_npwp(&form()).await.unwrap();
        assert_eq!(request_id(&response), Some("glair-ok-1"));
        let body = response.into_inner();
        assert_eq!(Some(body.status.as_str()), example.value["status"].as_str());
        // `no_npwp` is read into the documented `noNpwp` field, and written back under that key.
        let mut expected = example.value.clone();
        if let Some(read) = expected["read"].as_object_mut()
            && let Some(field) = read.remove("no_npwp")
        {
            read.insert("noNpwp".to_owned(), field);
        }
        assert_same_data(&expected, &serde_json::to_value(&body).unwrap());
        if let Some(read) = &body.read {
            let number = read.npwp_number().and_then(|field| field.value);
            let served = &example.value["read"];
            let expected = served["noNpwp"]["value"]
                .as_str()
                .or(served["no_npwp"]["value"].as_str());
            assert_eq!(number.as_deref(), expected, "{}", example.name);
        }
        assert_sent_image(&provider.single_request().await, PATH);
    }
}

#[tokio::test]
async fn both_npwp_number_keys_are_read() {
    let provider = MockProvider::start().await;
    let client = client(&provider.uri());
    for key in ["noNpwp", "no_npwp"] {
        let body = format!(
            r#"{{"status":"SUCCESS","reason":"ok","read":{{"{key}":{{"confidence":98,"value":"01.234.567.8-901.000"}}}}}}"#
        );
        provider
            .serve("POST", PATH, Reply::json_text(200, &body))
            .await;
        let read = client
            .read_npwp(&form())
            .await
            .unwrap()
            .into_inner()
            .read
            .unwrap();
        let field = read.npwp_number().unwrap();
        assert_eq!(
            field.value.as_deref(),
            Some("01.234.567.8-901.000"),
            "{key}"
        );
        assert_eq!(field.confidence, Some(98.0));
    }
}

#[tokio::test]
async fn when_both_keys_arrive_the_documented_one_wins_and_the_other_is_kept() {
    let provider = MockProvider::start().await;
    let client = client(&provider.uri());
    let body = r#"{"status":"SUCCESS","read":{"noNpwp":{"value":"A"},"no_npwp":{"value":"B"}}}"#;
    provider
        .serve("POST", PATH, Reply::json_text(200, body))
        .await;
    let read = client
        .read_npwp(&form())
        .await
        .unwrap()
        .into_inner()
        .read
        .unwrap();
    assert_eq!(read.npwp_number().unwrap().value.as_deref(), Some("A"));
    assert_eq!(read.extra["no_npwp"], serde_json::json!({"value": "B"}));
}
