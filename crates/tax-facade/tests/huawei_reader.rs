//! The Huawei reader against the sandbox: the three ways to authenticate, error kinds from
//! injected faults and from the service itself, retries, request ids, refused inputs, and
//! redacted `Debug` output.

mod huawei_support;

use std::time::Duration;

use huawei_support::*;
use serde_json::json;
use tax_core::cn::InvoiceType;
use tax_facade::config::{HuaweiAuth, Secret};
use tax_facade::document::Document;
use tax_facade::providers::huawei::HuaweiReader;
use tax_facade::{DocumentInput, DocumentKind, DocumentReader, ErrorKind, ProviderId};
use tax_sandbox::{Fault, FaultRule, Fixture, FixtureKey, Provider, Sandbox, Target};

fn invoice_type(document: &Document) -> Option<InvoiceType> {
    match document {
        Document::CnVatInvoice(invoice) => invoice.invoice_type.value,
        other => panic!("expected a Chinese VAT invoice, got {other:?}"),
    }
}

fn huawei_fault(fault: Fault) -> FaultRule {
    FaultRule::new(Target::Provider(Provider::Huawei), fault)
}

#[tokio::test]
async fn an_iam_token_reads_the_documented_sample_with_its_request_id() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    let token = issued_token(&sandbox).await;
    let reader = HuaweiReader::new(sandbox_config(
        &sandbox,
        HuaweiAuth::Token(Secret::new(token)),
        1,
    ))
    .unwrap();
    let outcome = reader.read(url_input("vat.jpg"), &options()).await.unwrap();
    assert_eq!(outcome.document.kind(), DocumentKind::CnVatInvoice);
    assert_eq!(invoice_type(&outcome.document), Some(InvoiceType::Special));
    assert_eq!(outcome.meta.provider, ProviderId::HuaweiOcr);
    assert_eq!(outcome.meta.attempts, 1);
    let request_id = outcome.meta.request_id.expect("a request id");
    assert_eq!(request_id.len(), 32, "{request_id}");
}

#[tokio::test]
async fn an_aksk_signature_is_accepted_and_a_wrong_secret_is_apig_0303() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    let reader = HuaweiReader::new(sandbox_config(&sandbox, aksk_auth(&sandbox), 1)).unwrap();
    let outcome = reader.read(url_input("vat.jpg"), &options()).await.unwrap();
    assert_eq!(invoice_type(&outcome.document), Some(InvoiceType::Special));

    let wrong = HuaweiAuth::AkSk {
        access_key: sandbox.credentials().huawei.access_key.clone(),
        secret_key: Secret::new("not-the-secret-key"),
    };
    let reader = HuaweiReader::new(sandbox_config(&sandbox, wrong, 3)).unwrap();
    let error = reader
        .read(url_input("vat.jpg"), &options())
        .await
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Unauthenticated);
    assert_eq!(error.code(), Some("APIG.0303"));
    assert_eq!(error.status(), Some(401));
    assert!(!error.is_retryable());
    assert!(error.request_id().is_some());
    assert!(!error.to_string().contains("not-the-secret-key"));
}

#[tokio::test]
async fn a_password_obtains_a_token_and_a_wrong_password_is_unauthenticated() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    let reader = HuaweiReader::new(sandbox_config(&sandbox, password_auth(&sandbox), 1)).unwrap();
    for _ in 0..2 {
        let outcome = reader.read(url_input("vat.jpg"), &options()).await.unwrap();
        assert_eq!(invoice_type(&outcome.document), Some(InvoiceType::Special));
    }

    let wrong = HuaweiAuth::Password {
        user_name: sandbox.credentials().huawei.user_name.clone(),
        password: Secret::new("wrong-password-5c1e"),
        domain_name: sandbox.credentials().huawei.domain_name.clone(),
    };
    let reader = HuaweiReader::new(sandbox_config(&sandbox, wrong, 3)).unwrap();
    let error = reader
        .read(url_input("vat.jpg"), &options())
        .await
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Unauthenticated);
    assert_eq!(error.status(), Some(401));
    let shown = format!("{error} {error:?}");
    assert!(!shown.contains("wrong-password-5c1e"), "{shown}");
}

#[tokio::test]
async fn a_refused_token_is_replaced_once_and_the_read_succeeds() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    let sample = json!({"result": {"type": "normal", "number": "12345678"}}).to_string();
    let expired =
        json!({"error_code": "APIG.0307", "error_msg": "The token must be updated."}).to_string();
    let ocr = ScriptedServer::start(vec![(401, expired), (200, sample)]).await;
    let config = config_for(
        &ocr.base_url,
        &sandbox.credentials().huawei.project_id,
        password_auth(&sandbox),
        1,
    )
    .with_iam_base_url(sandbox.base_url());
    let reader = HuaweiReader::new(config).unwrap();
    let outcome = reader.read(url_input("vat.jpg"), &options()).await.unwrap();
    assert_eq!(invoice_type(&outcome.document), Some(InvoiceType::General));
    assert_eq!(outcome.meta.request_id.as_deref(), Some("scripted-200"));
    let tokens: Vec<_> = ocr
        .requests()
        .iter()
        .map(|request| request.header("x-auth-token").expect("a token"))
        .collect();
    assert_eq!(tokens.len(), 2);
    assert_ne!(tokens[0], tokens[1], "the refused token was sent again");
}

/// A reader whose OCR calls go to `ocr` and whose tokens come from the sandbox's IAM.
fn password_reader_for(sandbox: &tax_sandbox::SandboxHandle, ocr: &ScriptedServer) -> HuaweiReader {
    let config = config_for(
        &ocr.base_url,
        &sandbox.credentials().huawei.project_id,
        password_auth(sandbox),
        1,
    )
    .with_iam_base_url(sandbox.base_url());
    HuaweiReader::new(config).unwrap()
}

fn sent_tokens(ocr: &ScriptedServer) -> Vec<String> {
    ocr.requests()
        .iter()
        .map(|request| request.header("x-auth-token").expect("a token"))
        .collect()
}

#[tokio::test]
async fn a_password_token_is_reused_between_reads() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    let sample = json!({"result": {"type": "toll"}}).to_string();
    let ocr = ScriptedServer::start(vec![(200, sample.clone()), (200, sample)]).await;
    let reader = password_reader_for(&sandbox, &ocr);
    for _ in 0..2 {
        let outcome = reader.read(url_input("vat.jpg"), &options()).await.unwrap();
        assert_eq!(invoice_type(&outcome.document), Some(InvoiceType::Toll));
    }
    let tokens = sent_tokens(&ocr);
    assert_eq!(tokens.len(), 2);
    assert_eq!(
        tokens[0], tokens[1],
        "a new token was obtained for each read"
    );
    assert!(tokens[0].starts_with("MIIsandbox"), "{}", tokens[0]);
}

#[tokio::test]
async fn a_token_refused_twice_is_reported_without_a_third_try() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    let expired =
        json!({"error_code": "APIG.0307", "error_msg": "The token must be updated."}).to_string();
    let sample = json!({"result": {"type": "toll"}}).to_string();
    let ocr =
        ScriptedServer::start(vec![(401, expired.clone()), (401, expired), (200, sample)]).await;
    let reader = password_reader_for(&sandbox, &ocr);
    let error = reader
        .read(url_input("vat.jpg"), &options())
        .await
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Unauthenticated);
    assert_eq!(error.code(), Some("APIG.0307"));
    assert_eq!(error.request_id(), Some("scripted-401"));
    let tokens = sent_tokens(&ocr);
    assert_eq!(tokens.len(), 2);
    assert_ne!(tokens[0], tokens[1]);
}

#[tokio::test]
async fn an_expired_token_is_refreshed_once_then_reported() {
    let mut credentials = tax_sandbox::HuaweiCredentials::default();
    credentials.token_lifetime = Duration::ZERO;
    let sandbox = Sandbox::builder()
        .huawei_credentials(credentials)
        .start()
        .await
        .unwrap();
    let reader = HuaweiReader::new(sandbox_config(&sandbox, password_auth(&sandbox), 1)).unwrap();
    let error = reader
        .read(url_input("vat.jpg"), &options())
        .await
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Unauthenticated);
    assert_eq!(error.code(), Some("APIG.0307"));
}

#[tokio::test]
async fn injected_faults_map_to_their_kinds_with_status_and_request_id() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    let reader = HuaweiReader::new(sandbox_config(&sandbox, aksk_auth(&sandbox), 1)).unwrap();
    let cases = [
        (
            Fault::RateLimited {
                retry_after: Some(Duration::from_secs(3)),
            },
            ErrorKind::RateLimited,
            true,
            Some(429),
            Some("APIG.0308"),
        ),
        (
            Fault::ServerError { retry_after: None },
            ErrorKind::ProviderRejected,
            true,
            Some(500),
            Some("ModelArts.4505"),
        ),
        (
            Fault::ServiceUnavailable { retry_after: None },
            ErrorKind::ProviderRejected,
            true,
            Some(503),
            Some("ModelArts.4403"),
        ),
        (
            Fault::BadGatewayHtml,
            ErrorKind::ProviderRejected,
            true,
            Some(502),
            None,
        ),
        (
            Fault::MalformedJson,
            ErrorKind::UnexpectedResponse,
            false,
            None,
            None,
        ),
        (
            Fault::ConnectionReset,
            ErrorKind::Transport,
            true,
            None,
            None,
        ),
    ];
    for (fault, kind, retryable, status, code) in cases {
        sandbox.inject(huawei_fault(fault.clone()).times(1));
        let error = reader
            .read(url_input("vat.jpg"), &options())
            .await
            .unwrap_err();
        assert_eq!(error.kind(), kind, "{fault:?}: {error}");
        assert_eq!(error.is_retryable(), retryable, "{fault:?}");
        assert_eq!(error.status(), status, "{fault:?}");
        assert_eq!(error.code(), code, "{fault:?}");
        assert_eq!(error.provider(), Some(ProviderId::HuaweiOcr));
        if status.is_some_and(|status| status != 502) {
            assert!(error.request_id().is_some(), "{fault:?}");
        }
        if let Fault::RateLimited { .. } = fault {
            assert_eq!(error.retry_after(), Some(Duration::from_secs(3)));
        }
    }
    let outcome = reader.read(url_input("vat.jpg"), &options()).await.unwrap();
    assert_eq!(outcome.meta.attempts, 1, "faults left behind");
}

#[tokio::test]
async fn a_throttled_read_is_retried_and_then_succeeds() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    sandbox.inject(huawei_fault(Fault::RateLimited { retry_after: None }).times(1));
    sandbox.inject(huawei_fault(Fault::BadGatewayHtml).times(1));
    let reader = HuaweiReader::new(sandbox_config(&sandbox, aksk_auth(&sandbox), 3)).unwrap();
    let outcome = reader.read(url_input("vat.jpg"), &options()).await.unwrap();
    assert_eq!(outcome.meta.attempts, 3);
    assert!(outcome.meta.request_id.is_some());
}

#[tokio::test]
async fn the_services_own_errors_are_classified() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    let unknown_project = config_for(
        &sandbox.base_url(),
        "ffffffffffffffffffffffffffffffff",
        aksk_auth(&sandbox),
        3,
    );
    let reader = HuaweiReader::new(unknown_project).unwrap();
    let error = reader
        .read(url_input("vat.jpg"), &options())
        .await
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Config);
    assert_eq!(error.code(), Some("APIG.0101"));
    assert_eq!(error.status(), Some(404));

    let invalid = json!({"error_code": "AIS.0101", "error_msg": "The input parameter is invalid."});
    let not_subscribed =
        json!({"error_code": "ModelArts.4204", "error_msg": "The API is not subscribed."});
    let server = ScriptedServer::start(vec![
        (400, invalid.to_string()),
        (403, not_subscribed.to_string()),
    ])
    .await;
    let token = HuaweiAuth::Token(Secret::new("MIItoken"));
    let reader = HuaweiReader::new(config_for(&server.base_url, "p", token, 3)).unwrap();
    let error = reader
        .read(url_input("vat.jpg"), &options())
        .await
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::InvalidInput);
    assert_eq!(error.code(), Some("AIS.0101"));
    assert!(error.message().contains("The input parameter is invalid."));
    assert_eq!(error.request_id(), Some("scripted-400"));
    let error = reader
        .read(url_input("vat.jpg"), &options())
        .await
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Forbidden);
    assert!(!error.is_retryable());
    assert_eq!(server.requests().len(), 2, "a permanent error was retried");
}

#[tokio::test]
async fn uploads_are_sent_as_base64_and_matched_by_content() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    let image = png(640, 480);
    let body = json!({"result": {"type": "roll", "number": "87654321", "total": "1,234.50"}});
    sandbox.add_fixture(Fixture::new(
        Provider::Huawei,
        FixtureKey::sha256_of(&image),
        body,
    ));
    let reader = HuaweiReader::new(sandbox_config(&sandbox, aksk_auth(&sandbox), 1)).unwrap();
    let outcome = reader
        .read(DocumentInput::from_bytes("scan.png", image), &options())
        .await
        .unwrap();
    let Document::CnVatInvoice(invoice) = outcome.document else {
        panic!("not a VAT invoice");
    };
    assert_eq!(invoice.invoice_type.value, Some(InvoiceType::Roll));
    assert_eq!(
        invoice
            .total
            .value
            .map(|total| total.to_string())
            .as_deref(),
        Some("1234.50")
    );
}

#[tokio::test]
async fn refused_inputs_send_no_request() {
    let server = ScriptedServer::start(vec![(500, "{}".to_owned())]).await;
    let token = HuaweiAuth::Token(Secret::new("MIItoken"));
    let reader = HuaweiReader::new(config_for(&server.base_url, "p", token, 1)).unwrap();
    let mut oversized = png(1000, 1000);
    oversized.resize(7 * 1024 * 1024 + 1, 0);
    let gif = b"GIF89a\x40\x01\xf0\x00".to_vec();
    let cases = [
        (
            DocumentInput::from_bytes("tiny.png", png(99, 400)),
            ErrorKind::InvalidInput,
        ),
        (
            DocumentInput::from_bytes("huge.png", png(9000, 400)),
            ErrorKind::InvalidInput,
        ),
        (
            DocumentInput::from_bytes("big.png", oversized),
            ErrorKind::InvalidInput,
        ),
        (
            DocumentInput::from_bytes("scan.gif", gif),
            ErrorKind::Unsupported,
        ),
        (
            DocumentInput::from_bytes("note.txt", b"hello".to_vec()),
            ErrorKind::InvalidInput,
        ),
    ];
    for (input, kind) in cases {
        let name = format!("{input:?}");
        let error = reader.read(input, &options()).await.unwrap_err();
        assert_eq!(error.kind(), kind, "{name}: {error}");
        assert_eq!(error.provider(), Some(ProviderId::HuaweiOcr));
    }
    let npwp = options().with_expected_kind(DocumentKind::NpwpCard);
    let error = reader.read(url_input("a.jpg"), &npwp).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Unsupported);
    assert!(server.requests().is_empty(), "a refused input was sent");
}

#[tokio::test]
async fn debug_output_never_shows_a_secret() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    let secrets = ["MIItoken-7f3a", "secret-key-91bd", "password-4e2c"];
    let auths = [
        HuaweiAuth::Token(Secret::new(secrets[0])),
        HuaweiAuth::AkSk {
            access_key: "AK-visible".to_owned(),
            secret_key: Secret::new(secrets[1]),
        },
        HuaweiAuth::Password {
            user_name: "ocr-user".to_owned(),
            password: Secret::new(secrets[2]),
            domain_name: "example-account".to_owned(),
        },
    ];
    for auth in auths {
        let reader = HuaweiReader::new(sandbox_config(&sandbox, auth, 1)).unwrap();
        let shown = format!("{reader:?} {reader:#?}");
        for secret in secrets {
            assert!(!shown.contains(secret), "{secret} leaked: {shown}");
        }
        assert!(shown.contains("cn-north-4"), "{shown}");
    }
}

#[tokio::test]
async fn an_empty_project_id_is_a_configuration_error() {
    let config = tax_facade::config::HuaweiConfig::new(
        "cn-north-4",
        " ",
        HuaweiAuth::Token(Secret::new("t")),
    );
    let error = HuaweiReader::new(config).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Config);
}
