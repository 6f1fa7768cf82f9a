//! `read_invoice` against a loopback provider serving the spec's documented responses.

mod common;

use glair_vision_client::request_id;
use taxdoc_client_runtime::wire::TextOrNumber;
use taxdoc_client_testkit::json::assert_same_data;
use taxdoc_client_testkit::spec::Spec;
use taxdoc_client_testkit::{MockProvider, Reply};

use common::{assert_sent_image, client, form};

const PATH: &str = "/ocr/v1/invoice";

#[tokio::test]
async fn both_invoice_contracts_decode_and_the_upload_is_authenticated() {
    let spec = Spec::load("glair-vision");
    let provider = MockProvider::start().await;
    let client = client(&provider.uri());
    let success = &spec.responses("read_invoice")[0];
    assert_eq!(success.status, "200");
    assert!(success.examples.len() >= 2);
    for example in &success.examples {
        let reply = Reply::json(200, &example.value).header("Request-Id", "glair-inv-1");
        provider.serve("POST", PATH, reply).await;
        let response = client.read_invoice(&form()).await.unwrap();
        assert_eq!(request_id(&response), Some("glair-inv-1"));
        let body = response.into_inner();
        assert_same_data(&example.value, &serde_json::to_value(&body).unwrap());
        assert_sent_image(&provider.single_request().await, PATH);
    }
}

#[tokio::test]
async fn numbers_sent_for_text_fields_stay_numbers_with_their_exact_text() {
    let spec = Spec::load("glair-vision");
    let sample = spec.responses("read_invoice")[0]
        .examples
        .iter()
        .find(|example| example.name == "documented_sample_old_contract")
        .unwrap()
        .value
        .clone();
    let provider = MockProvider::start().await;
    let client = client(&provider.uri());
    provider
        .serve("POST", PATH, Reply::json(200, &sample))
        .await;
    let read = client
        .read_invoice(&form())
        .await
        .unwrap()
        .into_inner()
        .read
        .unwrap();
    let customer_name = read.customer_name.unwrap().value.unwrap();
    assert!(
        matches!(customer_name, TextOrNumber::Number(_)),
        "{customer_name:?}"
    );
    assert_eq!(
        customer_name.as_text(),
        sample["read"]["customer_name"]["value"].to_string()
    );
    let number = read.invoice_number.unwrap().value.unwrap();
    assert!(matches!(number, TextOrNumber::Text(_)));
}

#[tokio::test]
async fn a_money_value_beyond_f64_precision_decodes_exactly() {
    let provider = MockProvider::start().await;
    let client = client(&provider.uri());
    let body = r#"{"status":"SUCCESS","reason":"File Successfully Read","read":{"invoice_total":{"value":1234567890123456789.25,"confidence":87.6},"vat_tax":{"value":"98765432109876543.21"}}}"#;
    provider
        .serve("POST", PATH, Reply::json_text(200, body))
        .await;
    let read = client
        .read_invoice(&form())
        .await
        .unwrap()
        .into_inner()
        .read
        .unwrap();
    let total = read.invoice_total.unwrap().value.unwrap();
    assert_eq!(total.as_text(), "1234567890123456789.25");
    assert_eq!(
        total.as_decimal().map(|d| d.to_string()).as_deref(),
        Some("1234567890123456789.25")
    );
    let vat = read.vat_tax.unwrap().value.unwrap();
    assert_eq!(
        vat.as_decimal().map(|d| d.to_string()).as_deref(),
        Some("98765432109876543.21")
    );
}
