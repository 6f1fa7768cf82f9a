//! Both operations against a loopback provider serving the spec's documented responses.

mod common;

use onlinepajak_client::types::OnlinePajakError;
use serde_json::{Value, json};
use taxdoc_client_runtime::error::{ErrorEnvelope, ErrorKind};
use taxdoc_client_testkit::json::assert_same_data;
use taxdoc_client_testkit::spec::Spec;
use taxdoc_client_testkit::{MockProvider, Reply};

use common::{API_KEY, PATH, USER_ID, call, client};

const OPERATIONS: [(&str, &str); 2] = [("create_invoice", "POST"), ("get_invoice", "GET")];

#[tokio::test]
async fn every_documented_success_decodes_and_the_request_is_authenticated() {
    let spec = Spec::load("onlinepajak");
    let provider = MockProvider::start().await;
    let client = client(&provider.uri());
    for (operation, method) in OPERATIONS {
        let success = &spec.responses(operation)[0];
        assert_eq!(success.status, "200");
        for example in &success.examples {
            provider
                .serve(method, PATH, Reply::json(200, &example.value))
                .await;
            let decoded = call(&client, operation).await.unwrap();
            assert_same_data(&example.value, &decoded);

            let sent = provider.single_request().await;
            assert_eq!(sent.method, method);
            assert_eq!(sent.path, PATH);
            assert_eq!(
                sent.query,
                vec![
                    ("user_id".to_owned(), USER_ID.to_owned()),
                    ("api_key".to_owned(), API_KEY.to_owned())
                ]
            );
            assert_eq!(sent.header("content-type"), Some("application/json"));
            assert_eq!(sent.header("api-version"), None);
            if operation == "get_invoice" {
                assert_eq!(sent.json(), json!({"invoiceNumber": "FP/2015/03/0000235"}));
            }
        }
    }
}

#[tokio::test]
async fn every_create_request_example_is_sent_byte_exact() {
    let spec = Spec::load("onlinepajak");
    let provider = MockProvider::start().await;
    let client = client(&provider.uri());
    let reply = Reply::json(200, &spec.responses("create_invoice")[0].examples[0].value);
    let examples = spec.request_examples("create_invoice");
    assert!(examples.len() >= 4);
    for example in examples {
        provider.serve("POST", PATH, reply.clone()).await;
        let body: onlinepajak_client::types::CreateInvoiceRequest =
            serde_json::from_value(example.value.clone()).unwrap();
        client.create_invoice(USER_ID, &body).await.unwrap();
        let sent = provider.single_request().await;
        // Documented `null`s are omitted on the wire; every other value is sent as written.
        assert_same_data(&example.value, &sent.json());
    }
}

/// Serves every documented error example of both operations whose body satisfies `select`,
/// and checks status, typed envelope, code and message. Returns how many were checked.
async fn check_documented_errors(select: fn(&Value) -> bool) -> usize {
    let spec = Spec::load("onlinepajak");
    let provider = MockProvider::start().await;
    let client = client(&provider.uri());
    let mut checked = 0;
    for (operation, method) in OPERATIONS {
        for response in spec.responses(operation) {
            if response.status == "200" {
                continue;
            }
            let status: u16 = response.status.parse().unwrap();
            for example in response.examples.iter().filter(|e| select(&e.value)) {
                provider
                    .serve(method, PATH, Reply::json(status, &example.value))
                    .await;
                let (_, error) = call(&client, operation).await.unwrap_err();
                let context = format!("{operation} {status} {}: {error:?}", example.name);
                assert_eq!(error.kind(), ErrorKind::HttpStatus, "{context}");
                assert_eq!(
                    error.status().map(|s| s.as_u16()),
                    Some(status),
                    "{context}"
                );
                let envelope = error.envelope().expect(&context);
                assert_same_data(&example.value, &serde_json::to_value(envelope).unwrap());
                let body = &example.value;
                let expected_code = body["error"]["code"]
                    .as_str()
                    .map(str::to_owned)
                    .or_else(|| body.get("code").map(|code| code.to_string()));
                match envelope {
                    OnlinePajakError::ErrorEnvelope(_) => {
                        assert_eq!(envelope.code(), expected_code, "{context}");
                        let message = body["error"]["message"]
                            .as_str()
                            .or(body["message"].as_str());
                        assert_eq!(envelope.message().as_deref(), message, "{context}");
                    }
                    OnlinePajakError::FormErrors(errors) => {
                        assert_eq!(errors.len(), body.as_array().unwrap().len(), "{context}");
                        assert!(envelope.message().is_some(), "{context}");
                    }
                }
                checked += 1;
            }
        }
    }
    checked
}

fn has_numeric_code(body: &Value) -> bool {
    body.get("code").is_some_and(Value::is_number)
}

#[tokio::test]
async fn gateway_rate_limit_and_form_errors_decode_into_the_typed_envelope() {
    let checked = check_documented_errors(|body| !has_numeric_code(body)).await;
    // 401 and 403 gateway bodies, 429 and 502 message-only bodies, the 400 form-error array.
    assert!(checked >= 10, "{checked}");
}

#[tokio::test]
async fn application_errors_with_a_numeric_code_decode_into_the_typed_envelope() {
    let checked = check_documented_errors(has_numeric_code).await;
    assert!(checked >= 10, "{checked}");
}

#[tokio::test]
async fn money_beyond_f64_precision_decodes_exactly() {
    let provider = MockProvider::start().await;
    let client = client(&provider.uri());
    let body = r#"{"code":200,"message":"ok","response":{"invoice":{"invoiceId":1,"grossAmount":123456789012345678.91,"grandTotal":"137037035803703703.59"}}}"#;
    provider
        .serve("GET", PATH, Reply::json_text(200, body))
        .await;
    let invoice = client
        .get_invoice(USER_ID, &common::get_request())
        .await
        .unwrap()
        .into_inner()
        .response
        .invoice
        .unwrap();
    let gross = invoice.gross_amount.unwrap();
    assert_eq!(gross.value().to_string(), "123456789012345678.91");
    assert!(!gross.was_string());
    let grand = invoice.grand_total.unwrap();
    assert_eq!(grand.value().to_string(), "137037035803703703.59");
    assert!(grand.was_string());
}

#[tokio::test]
async fn unknown_fields_and_html_gateway_pages_are_handled_for_both_operations() {
    let provider = MockProvider::start().await;
    let client = client(&provider.uri());
    for (operation, method) in OPERATIONS {
        let body = json!({
            "code": 200,
            "message": "ok",
            "response": {"invoice": {"invoiceId": 7, "eFakturStatus": "APPROVED"}, "links": []},
            "meta": {"version": 2}
        });
        provider.serve(method, PATH, Reply::json(200, &body)).await;
        let decoded = call(&client, operation).await.unwrap();
        assert_same_data(&body, &decoded);

        let page = "<html><body>502 Bad Gateway</body></html>";
        provider.serve(method, PATH, Reply::html(502, page)).await;
        let (_, error) = call(&client, operation).await.unwrap_err();
        assert_eq!(error.kind(), ErrorKind::HttpStatus, "{operation}");
        assert_eq!(error.status().map(|s| s.as_u16()), Some(502), "{operation}");
        assert_eq!(error.body_excerpt(), Some(page), "{operation}");
        assert!(error.envelope().is_none(), "{operation}");
    }
}
