//! Filing through `OnlinePajakSubmitter` against the sandbox: reconciliation, no duplicates
//! under faults, refusal of invalid invoices, look-ups and secret hygiene.

use std::time::Duration;

use serde_json::{Value, json};
use tax_core::id::efaktur::EFakturInvoice;
use tax_facade::config::{ClientConfig, OnlinePajakConfig};
use tax_facade::providers::onlinepajak::OnlinePajakSubmitter;
use tax_facade::retry::{RetryConfig, TimeoutConfig};
use tax_facade::{ErrorKind, InvoiceSubmitter, ProviderId, SubmitOptions, filing_rules};
use tax_sandbox::{
    Fault, FaultRule, OnlinePajakCredentials, Provider, Sandbox, SandboxHandle, Target,
};

/// The documented domestic sale: 2 × 100000 + 2 × 200000 at 10%.
fn documented_example() -> Value {
    json!({
        "invoiceNumber": "my-invoice-1234",
        "invoiceDate": "2017-02-27",
        "dueDate": "2017-02-28",
        "invoiceType": "A",
        "transactionType": "5",
        "transactionDetail": 1,
        "documentType": "1",
        "counterpartyNpwp": "01.000.521.8-093.010",
        "counterpartyName": "PT Dreamland",
        "fakturNumber": "010.000-17.00000004",
        "taxPeriod": "02/2017",
        "revision": 0,
        "vatRate": "10",
        "items": [
            {"description": "Test Item 1", "quantity": "2", "unitPrice": "100000", "discount": "0"},
            {"description": "Test Item 2", "quantity": "2", "unitPrice": "200000", "discount": "0"}
        ]
    })
}

fn invoice(json: Value) -> EFakturInvoice {
    serde_json::from_value(json).unwrap()
}

fn numbered(number: &str) -> EFakturInvoice {
    let mut json = documented_example();
    json["invoiceNumber"] = json!(number);
    invoice(json)
}

fn fast_retries() -> RetryConfig {
    RetryConfig::default()
        .with_max_attempts(3)
        .with_initial_backoff(Duration::from_millis(10))
}

fn config_for(sandbox: &SandboxHandle, api_key: &str, client: ClientConfig) -> OnlinePajakConfig {
    let user_id = sandbox.credentials().onlinepajak.user_ids[0].clone();
    OnlinePajakConfig::new(api_key, user_id).with_client(client.with_base_url(sandbox.base_url()))
}

fn submitter_with(sandbox: &SandboxHandle, client: ClientConfig) -> OnlinePajakSubmitter {
    let api_key = sandbox.credentials().onlinepajak.api_key.clone();
    OnlinePajakSubmitter::new(config_for(sandbox, &api_key, client)).unwrap()
}

fn submitter(sandbox: &SandboxHandle) -> OnlinePajakSubmitter {
    submitter_with(sandbox, ClientConfig::default().with_retry(fast_retries()))
}

/// Lets the next OnlinePajak request (the look-up before the create) through unchanged and
/// applies `fault` once to the request after it (the create).
fn fault_on_create(sandbox: &SandboxHandle, fault: Fault) {
    let target = || Target::Provider(Provider::OnlinePajak);
    let pass_through = Fault::SlowBody {
        chunk_size: 1 << 20,
        chunk_delay: Duration::ZERO,
    };
    sandbox.inject(FaultRule::new(target(), pass_through).times(1));
    sandbox.inject(FaultRule::new(target(), fault).times(1));
}

fn filing_findings(outcome: &tax_facade::SubmitOutcome) -> Vec<String> {
    outcome
        .findings
        .iter()
        .filter(|finding| finding.rule.starts_with("filing."))
        .map(ToString::to_string)
        .collect()
}

#[tokio::test]
async fn the_documented_example_files_and_reconciles_without_a_mismatch() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    let submitter = submitter(&sandbox);
    let outcome = submitter
        .submit(&invoice(documented_example()), &SubmitOptions::default())
        .await
        .unwrap();

    assert!(!outcome.already_filed);
    assert_eq!(outcome.filed.invoice_number, "my-invoice-1234");
    assert_eq!(outcome.filed.gross_amount.to_string(), "600000");
    assert_eq!(outcome.filed.grand_total.to_string(), "660000");
    assert_eq!(outcome.filed.tax_period, "02/2017");
    assert_eq!(outcome.filed.revision, Some(0));
    assert_eq!(
        outcome.filed.invoice_date,
        chrono::NaiveDate::from_ymd_opt(2017, 2, 27)
    );
    assert!(
        filing_findings(&outcome).is_empty(),
        "{:?}",
        outcome.findings
    );
    assert!(!outcome.findings.has_errors(), "{:?}", outcome.findings);
    // tax-core's own warning about the sample NPWP travels with the outcome.
    assert!(outcome.findings.contains_rule("npwp.checksum"));
    assert_eq!(outcome.meta.provider, ProviderId::OnlinePajak);
    assert_eq!(outcome.meta.attempts, 1);

    let stored = sandbox.invoices().all();
    assert_eq!(stored.len(), 1);
    assert_eq!(outcome.filed.invoice_id, stored[0].invoice_id.to_string());
    assert_eq!(stored[0].gross_amount.to_string(), "600000");
    assert_eq!(stored[0].tax_period, "02/2017");
}

#[tokio::test]
async fn filing_the_same_invoice_twice_keeps_one_record() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    let submitter = submitter(&sandbox);
    let invoice = numbered("INV-TWICE");
    let first = submitter
        .submit(&invoice, &SubmitOptions::default())
        .await
        .unwrap();
    let second = submitter
        .submit(&invoice, &SubmitOptions::default())
        .await
        .unwrap();
    assert!(!first.already_filed);
    assert!(second.already_filed);
    assert_eq!(second.filed, first.filed);
    assert!(filing_findings(&second).is_empty());
    assert_eq!(sandbox.invoices().count("INV-TWICE"), 1);
}

#[tokio::test]
async fn a_create_with_an_unknown_outcome_is_looked_up_before_it_is_sent_again() {
    for (name, fault) in [
        ("reset after handling", Fault::ConnectionResetAfterHandling),
        ("truncated body", Fault::TruncatedBody),
        ("malformed json", Fault::MalformedJson),
    ] {
        let sandbox = Sandbox::builder().start().await.unwrap();
        let submitter = submitter(&sandbox);
        fault_on_create(&sandbox, fault);
        let outcome = submitter
            .submit(&numbered("INV-LOST"), &SubmitOptions::default())
            .await
            .unwrap_or_else(|error| panic!("{name}: {error}"));
        assert_eq!(sandbox.invoices().count("INV-LOST"), 1, "{name}");
        assert!(!outcome.already_filed, "{name}: this call filed it");
        assert_eq!(outcome.meta.attempts, 2, "{name}");
        assert_eq!(outcome.filed.grand_total.to_string(), "660000", "{name}");
        assert!(filing_findings(&outcome).is_empty(), "{name}");
    }
}

#[tokio::test]
async fn a_create_refused_by_a_server_failure_is_retried_once_after_a_look_up() {
    for (name, fault) in [
        ("500", Fault::ServerError { retry_after: None }),
        ("503", Fault::ServiceUnavailable { retry_after: None }),
        ("html 502", Fault::BadGatewayHtml),
        ("429", Fault::RateLimited { retry_after: None }),
    ] {
        let sandbox = Sandbox::builder().start().await.unwrap();
        let submitter = submitter(&sandbox);
        fault_on_create(&sandbox, fault);
        let outcome = submitter
            .submit(&numbered("INV-5XX"), &SubmitOptions::default())
            .await
            .unwrap_or_else(|error| panic!("{name}: {error}"));
        assert_eq!(sandbox.invoices().count("INV-5XX"), 1, "{name}");
        assert!(!outcome.already_filed, "{name}");
        assert_eq!(outcome.meta.attempts, 2, "{name}");
    }
}

#[tokio::test]
async fn without_retries_a_lost_answer_is_still_settled_by_a_look_up() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    let submitter = submitter_with(
        &sandbox,
        ClientConfig::default().with_retry(RetryConfig::disabled()),
    );
    fault_on_create(&sandbox, Fault::ConnectionResetAfterHandling);
    let outcome = submitter
        .submit(&numbered("INV-ONCE"), &SubmitOptions::default())
        .await
        .unwrap();
    assert!(!outcome.already_filed);
    assert_eq!(sandbox.invoices().count("INV-ONCE"), 1);
}

#[tokio::test]
async fn an_unconfirmed_create_is_reported_and_submitting_again_does_not_duplicate() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    let submitter = submitter_with(
        &sandbox,
        ClientConfig::default().with_retry(RetryConfig::disabled()),
    );
    fault_on_create(&sandbox, Fault::ConnectionResetAfterHandling);
    // The look-up that would settle the outcome fails too.
    sandbox.inject(
        FaultRule::new(
            Target::Provider(Provider::OnlinePajak),
            Fault::ServerError { retry_after: None },
        )
        .times(1),
    );
    let invoice = numbered("INV-UNSURE");
    let error = submitter
        .submit(&invoice, &SubmitOptions::default())
        .await
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Transport, "{error}");
    assert!(error.message().contains("may have stored"), "{error}");
    assert_eq!(sandbox.invoices().count("INV-UNSURE"), 1);

    let again = submitter
        .submit(&invoice, &SubmitOptions::default())
        .await
        .unwrap();
    assert!(again.already_filed);
    assert_eq!(sandbox.invoices().count("INV-UNSURE"), 1);
}

#[tokio::test]
async fn without_retries_a_create_that_was_not_stored_fails_and_stores_nothing() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    let submitter = submitter_with(
        &sandbox,
        ClientConfig::default().with_retry(RetryConfig::disabled()),
    );
    fault_on_create(&sandbox, Fault::ServerError { retry_after: None });
    let error = submitter
        .submit(&numbered("INV-FAIL"), &SubmitOptions::default())
        .await
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::ProviderRejected);
    assert_eq!(error.status(), Some(500));
    assert_eq!(error.provider(), Some(ProviderId::OnlinePajak));
    assert_eq!(sandbox.invoices().count("INV-FAIL"), 0);
}

#[tokio::test]
async fn a_look_up_slower_than_the_attempt_timeout_is_retried() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    let timeouts = TimeoutConfig::default().with_per_attempt(Some(Duration::from_millis(300)));
    let submitter = submitter_with(
        &sandbox,
        ClientConfig::default()
            .with_retry(fast_retries())
            .with_timeouts(timeouts),
    );
    sandbox.inject(
        FaultRule::new(
            Target::Provider(Provider::OnlinePajak),
            Fault::Latency(Duration::from_secs(2)),
        )
        .times(1),
    );
    let outcome = submitter
        .submit(&numbered("INV-SLOW"), &SubmitOptions::default())
        .await
        .unwrap();
    assert_eq!(outcome.meta.attempts, 2);
    assert_eq!(sandbox.invoices().count("INV-SLOW"), 1);
}

#[tokio::test]
async fn an_invalid_invoice_is_refused_without_any_request() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    // Any request would fail as a transport error instead of the refusal below.
    sandbox.inject(FaultRule::new(
        Target::Provider(Provider::OnlinePajak),
        Fault::ConnectionReset,
    ));
    let submitter = submitter(&sandbox);
    let mut bad = documented_example();
    bad["invoiceNumber"] = json!("INV-BAD");
    bad["invoiceType"] = json!("B"); // B-5 is not a combination
    let error = submitter
        .submit(&invoice(bad.clone()), &SubmitOptions::default())
        .await
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::InvalidInput);
    assert!(error.is_not_sent());
    assert!(
        error.message().contains("efaktur.combination.type_pair"),
        "{error}"
    );
    assert!(sandbox.invoices().is_empty());

    // Filing despite errors is the caller's explicit choice; the findings come back.
    sandbox.clear_faults();
    let forced = submitter
        .submit(
            &invoice(bad),
            &SubmitOptions::default().with_file_despite_errors(true),
        )
        .await
        .unwrap();
    assert!(
        forced
            .findings
            .contains_rule("efaktur.combination.type_pair")
    );
    assert_eq!(sandbox.invoices().count("INV-BAD"), 1);
}

#[tokio::test]
async fn a_provider_total_that_differs_from_tax_core_is_an_error_finding() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    let submitter = submitter(&sandbox);
    // In 2025 the 12% rate applies to DPP Nilai Lain (11/12 of the price): tax-core computes
    // 1200000 + 132000, while the sandbox applies 12% to the full price (144000).
    let mut json = documented_example();
    json["invoiceNumber"] = json!("INV-2025");
    json["invoiceDate"] = json!("2025-03-05");
    json["dueDate"] = json!("2025-04-05");
    json["taxPeriod"] = json!("03/2025");
    json["fakturNumber"] = json!("010.000-25.00000004");
    json["vatRate"] = json!("12");
    json["items"] = json!([{"description": "Unit", "quantity": "1", "unitPrice": "1200000"}]);
    let outcome = submitter
        .submit(&invoice(json), &SubmitOptions::default())
        .await
        .unwrap();
    assert_eq!(outcome.filed.grand_total.to_string(), "1344000");
    let mismatch = outcome
        .findings
        .iter()
        .find(|finding| finding.rule == filing_rules::GRAND_TOTAL_MISMATCH)
        .unwrap_or_else(|| panic!("no mismatch in {:?}", outcome.findings));
    assert_eq!(mismatch.severity, tax_core::Severity::Error);
    assert!(mismatch.message.contains("1332000"), "{mismatch}");
    assert!(!outcome.findings.contains_rule(filing_rules::GROSS_MISMATCH));
    assert!(
        !outcome
            .findings
            .contains_rule(filing_rules::TAX_PERIOD_MISMATCH)
    );
}

#[tokio::test]
async fn a_create_refused_by_onlinepajak_fails_with_its_message() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    let submitter = submitter(&sandbox);
    let mut json = documented_example();
    json["invoiceNumber"] = json!("INV-NO-VENDOR");
    json["counterpartyName"] = json!("");
    let error = submitter
        .submit(
            &invoice(json),
            &SubmitOptions::default().with_file_despite_errors(true),
        )
        .await
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::InvalidInput);
    assert!(!error.is_retryable());
    assert_eq!(error.status(), Some(400));
    assert_eq!(error.code(), Some("400"));
    assert!(
        error.message().contains("Missing mandatory parameters"),
        "{error}"
    );
    assert!(sandbox.invoices().is_empty());
}

#[tokio::test]
async fn look_up_failures_keep_kind_status_and_retry_after() {
    let cases = [
        (
            "html 502",
            Fault::BadGatewayHtml,
            ErrorKind::ProviderRejected,
            502,
        ),
        (
            "429",
            Fault::RateLimited {
                retry_after: Some(Duration::from_secs(3)),
            },
            ErrorKind::RateLimited,
            429,
        ),
        (
            "500",
            Fault::ServerError { retry_after: None },
            ErrorKind::ProviderRejected,
            500,
        ),
    ];
    for (name, fault, kind, status) in cases {
        let sandbox = Sandbox::builder().start().await.unwrap();
        let submitter = submitter_with(
            &sandbox,
            ClientConfig::default().with_retry(RetryConfig::disabled()),
        );
        sandbox.inject(FaultRule::new(Target::Provider(Provider::OnlinePajak), fault).times(1));
        let error = submitter.find("INV-ANY").await.unwrap_err();
        assert_eq!(error.kind(), kind, "{name}: {error}");
        assert_eq!(error.status(), Some(status), "{name}");
        assert!(error.is_retryable(), "{name}");
        assert_eq!(error.provider(), Some(ProviderId::OnlinePajak), "{name}");
        if status == 429 {
            assert_eq!(error.retry_after(), Some(Duration::from_secs(3)), "{name}");
        }
        // The fault fired once; the next look-up answers normally.
        assert_eq!(submitter.find("INV-ANY").await.unwrap(), None, "{name}");
    }
}

#[tokio::test]
async fn find_returns_a_filed_invoice_by_number_and_none_otherwise() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    let submitter = submitter(&sandbox);
    assert_eq!(submitter.find("INV-FIND").await.unwrap(), None);
    let outcome = submitter
        .submit(&numbered("INV-FIND"), &SubmitOptions::default())
        .await
        .unwrap();
    let found = submitter.find("INV-FIND").await.unwrap().unwrap();
    assert_eq!(found, outcome.filed);
    assert_eq!(found.gross_amount.to_string(), "600000");
    assert_eq!(submitter.find("INV-OTHER").await.unwrap(), None);
}

#[tokio::test]
async fn a_wrong_api_key_is_unauthenticated_and_never_shown() {
    const PLANTED: &str = "opk-planted-key-5b2e71c9";
    let mut credentials = OnlinePajakCredentials::default();
    credentials.api_key = "the-only-accepted-key".to_owned();
    let sandbox = Sandbox::builder()
        .onlinepajak_credentials(credentials)
        .start()
        .await
        .unwrap();
    let config = config_for(&sandbox, PLANTED, ClientConfig::default());
    let submitter = OnlinePajakSubmitter::new(config).unwrap();
    assert!(!format!("{submitter:?} {submitter:#?}").contains(PLANTED));

    let error = submitter
        .submit(&numbered("INV-KEY"), &SubmitOptions::default())
        .await
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Unauthenticated);
    assert!(!error.is_retryable());
    assert_eq!(error.status(), Some(401));
    assert_eq!(error.code(), Some("API_KEY_INVALID"));
    let mut shown = format!("{error} {error:?} {error:#?}");
    let mut source = std::error::Error::source(&error);
    while let Some(cause) = source {
        shown.push_str(&format!(" {cause} {cause:?}"));
        source = cause.source();
    }
    assert!(!shown.contains(PLANTED), "the key leaked: {shown}");

    let error = submitter.find("INV-KEY").await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Unauthenticated);
    assert!(!format!("{error} {error:?}").contains(PLANTED));
    assert!(sandbox.invoices().is_empty());
}

#[tokio::test]
async fn an_unreachable_server_never_shows_the_key() {
    const PLANTED: &str = "opk-planted-key-0d93aa41";
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let base_url = format!("http://{}", listener.local_addr().unwrap());
    drop(listener);
    let config = OnlinePajakConfig::new(PLANTED, "user").with_client(
        ClientConfig::default()
            .with_base_url(base_url)
            .with_retry(RetryConfig::disabled()),
    );
    let submitter = OnlinePajakSubmitter::new(config).unwrap();
    let error = submitter.find("INV-X").await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Transport);
    let mut shown = format!("{error} {error:?}");
    let mut source = std::error::Error::source(&error);
    while let Some(cause) = source {
        shown.push_str(&format!(" {cause} {cause:?}"));
        source = cause.source();
    }
    assert!(!shown.contains(PLANTED), "the key leaked: {shown}");
}

#[test]
fn configurations_without_credentials_are_refused() {
    let empty_key = OnlinePajakSubmitter::new(OnlinePajakConfig::new("", "user")).unwrap_err();
    assert_eq!(empty_key.kind(), ErrorKind::Config);
    let empty_user = OnlinePajakSubmitter::new(OnlinePajakConfig::new("key", " ")).unwrap_err();
    assert_eq!(empty_user.kind(), ErrorKind::Config);
    let bad_url = OnlinePajakSubmitter::new(
        OnlinePajakConfig::new("key", "user")
            .with_client(ClientConfig::default().with_base_url("not a url")),
    )
    .unwrap_err();
    assert_eq!(bad_url.kind(), ErrorKind::Config);
}
