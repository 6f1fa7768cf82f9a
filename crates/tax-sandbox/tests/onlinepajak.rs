//! OnlinePajak: auth envelopes, create → get, duplicate counting, mandatory fields.

use rust_decimal::Decimal;
use serde_json::{Value, json};
use tax_sandbox::{Fault, FaultRule, Provider, Sandbox, SandboxHandle, Target};

fn invoices_url(sandbox: &SandboxHandle) -> String {
    format!("{}/marketplace/v1/invoices", sandbox.base_url())
}

fn auth_query(sandbox: &SandboxHandle) -> [(&'static str, String); 2] {
    let credentials = &sandbox.credentials().onlinepajak;
    [
        ("api_key", credentials.api_key.clone()),
        ("user_id", credentials.user_ids[0].clone()),
    ]
}

fn invoice(number: &str) -> Value {
    json!({
        "invoiceNumber": number,
        "invoiceItems": [
            {"description": "Item 1", "quantity": "2", "unitPrice": "100000.50", "discount": "1"},
            {"description": "Item 2", "quantity": 3, "unitPrice": 33335, "discount": "0"}
        ],
        "invoiceDate": "2024-03-05", "dueDate": "2024-04-05", "invoiceType": "A",
        "transactionType": "5", "transactionDetail": "1", "documentType": "1",
        "npwp": "01.000.521.8-093.010", "vendor": "PT Dreamland",
        "documentNumber": "010.000-24.00000004", "masaPajak": "03", "tahunPajak": "2024",
        "revision": 0, "vatRate": 11
    })
}

async fn create(sandbox: &SandboxHandle, body: &Value) -> reqwest::Response {
    reqwest::Client::new()
        .post(invoices_url(sandbox))
        .query(&auth_query(sandbox))
        .json(body)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn create_computes_amounts_and_get_reads_it_back() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    let created = create(&sandbox, &invoice("INV-001")).await;
    assert_eq!(created.status(), 200);
    let created: Value = created.json().await.unwrap();
    let stored = &created["response"]["invoice"];
    // 2 × 100000.50 − 1 + 3 × 33335 − 0 = 300005.00; 11% VAT = 33000.55, floored to 33000.
    assert_eq!(stored["grossAmount"], 300_005);
    assert_eq!(stored["grandTotal"], 333_005);
    assert_eq!(stored["taxPeriod"], "03/2024");
    assert_eq!(stored["invoiceDueDate"], "2024-04-05");

    let fetched = reqwest::Client::new()
        .get(invoices_url(&sandbox))
        .query(&auth_query(&sandbox))
        .json(&json!({"invoiceNumber": "INV-001"}))
        .send()
        .await
        .unwrap();
    assert_eq!(fetched.status(), 200);
    let fetched: Value = fetched.json().await.unwrap();
    assert_eq!(fetched["response"]["invoice"], *stored);

    let ledger = sandbox.invoices().all();
    assert_eq!(ledger.len(), 1);
    assert_eq!(ledger[0].vat_amount, Decimal::from(33_000));
}

#[tokio::test]
async fn posting_the_same_number_twice_creates_a_duplicate() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    let first: Value = create(&sandbox, &invoice("INV-DUP"))
        .await
        .json()
        .await
        .unwrap();
    let second: Value = create(&sandbox, &invoice("INV-DUP"))
        .await
        .json()
        .await
        .unwrap();
    let id = |body: &Value| body["response"]["invoice"]["invoiceId"].as_u64().unwrap();
    assert!(id(&second) > id(&first));
    assert_eq!(sandbox.invoices().count("INV-DUP"), 2);

    let mut update = invoice("INV-DUP");
    update["old_id"] = json!(id(&first));
    let updated: Value = create(&sandbox, &update).await.json().await.unwrap();
    assert_eq!(id(&updated), id(&first));
    assert_eq!(sandbox.invoices().count("INV-DUP"), 2);
}

#[tokio::test]
async fn missing_fields_unknown_invoice_and_bad_credentials_use_documented_envelopes() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    let mut incomplete = invoice("INV-002");
    incomplete.as_object_mut().unwrap().remove("vendor");
    let response = create(&sandbox, &incomplete).await;
    assert_eq!(response.status(), 400);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["code"], 400);
    let message = body["message"].as_str().unwrap();
    assert!(message.starts_with("Missing mandatory parameters ("));
    assert!(message.contains("vendor"));
    assert!(sandbox.invoices().is_empty());

    let missing = reqwest::Client::new()
        .get(invoices_url(&sandbox))
        .query(&auth_query(&sandbox))
        .json(&json!({"invoiceNumber": "never-created"}))
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status(), 404);
    let body: Value = missing.json().await.unwrap();
    assert_eq!(body["code"], 404);

    let user = sandbox.credentials().onlinepajak.user_ids[0].clone();
    let bad_key = reqwest::Client::new()
        .post(invoices_url(&sandbox))
        .query(&[("api_key", "wrong"), ("user_id", user.as_str())])
        .json(&invoice("INV-003"))
        .send()
        .await
        .unwrap();
    assert_eq!(bad_key.status(), 401);
    let body: Value = bad_key.json().await.unwrap();
    assert_eq!(body["error"]["code"], "API_KEY_INVALID");

    let key = sandbox.credentials().onlinepajak.api_key.clone();
    let bad_user = reqwest::Client::new()
        .post(invoices_url(&sandbox))
        .query(&[("api_key", key.as_str()), ("user_id", "stranger")])
        .json(&invoice("INV-003"))
        .send()
        .await
        .unwrap();
    assert_eq!(bad_user.status(), 400);
    let body: Value = bad_user.json().await.unwrap();
    assert_eq!(body["code"], 400);
    assert_eq!(sandbox.invoices().count("INV-003"), 0);
}

#[tokio::test]
async fn a_reset_after_handling_keeps_the_invoice_so_a_blind_retry_duplicates_it() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    sandbox.inject(
        FaultRule::new(
            Target::Provider(Provider::OnlinePajak),
            Fault::ConnectionResetAfterHandling,
        )
        .times(1),
    );
    let lost = reqwest::Client::new()
        .post(invoices_url(&sandbox))
        .query(&auth_query(&sandbox))
        .json(&invoice("INV-LOST"))
        .send()
        .await;
    assert!(lost.is_err(), "the client sees no response");
    assert_eq!(sandbox.invoices().count("INV-LOST"), 1);

    let retried = create(&sandbox, &invoice("INV-LOST")).await;
    assert_eq!(retried.status(), 200);
    assert_eq!(sandbox.invoices().count("INV-LOST"), 2);
}
