//! `GlairReader` against the sandbox: both operations, errors, retries, refused inputs and
//! secrets.

use std::time::Duration;

use serde_json::json;
use tax_facade::config::{ClientConfig, GlairConfig};
use tax_facade::providers::glair::GlairReader;
use tax_facade::retry::{RetryConfig, TimeoutConfig};
use tax_facade::{
    Document, DocumentInput, DocumentKind, DocumentReader, ErrorKind, ProviderId, ReadOptions,
};
use tax_sandbox::{
    Fault, FaultRule, Fixture, FixtureKey, Provider, Sandbox, SandboxHandle, Target,
};

fn png(tag: &str) -> Vec<u8> {
    let mut bytes = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
    bytes.extend_from_slice(&800u32.to_be_bytes());
    bytes.extend_from_slice(&600u32.to_be_bytes());
    bytes.extend_from_slice(&[8, 2, 0, 0, 0]);
    bytes.extend_from_slice(tag.as_bytes());
    bytes
}

fn config(sandbox: &SandboxHandle, password: &str, retry: RetryConfig) -> GlairConfig {
    let credentials = &sandbox.credentials().glair;
    GlairConfig::new(
        credentials.username.clone(),
        password,
        credentials.api_key.clone(),
    )
    .with_client(
        ClientConfig::default()
            .with_base_url(sandbox.base_url())
            .with_retry(retry),
    )
}

/// Fast retries: three attempts, 1 ms apart at most.
fn quick_retries() -> RetryConfig {
    RetryConfig::default()
        .with_max_attempts(3)
        .with_initial_backoff(Duration::from_millis(1))
        .with_max_backoff(Duration::from_millis(1))
}

fn reader(sandbox: &SandboxHandle, retry: RetryConfig) -> GlairReader {
    let password = sandbox.credentials().glair.password.clone();
    GlairReader::new(config(sandbox, &password, retry)).unwrap()
}

fn npwp() -> ReadOptions {
    ReadOptions::default().with_expected_kind(DocumentKind::NpwpCard)
}

fn invoice() -> ReadOptions {
    ReadOptions::default().with_expected_kind(DocumentKind::CommercialInvoice)
}

fn glair_faults(fault: Fault) -> FaultRule {
    FaultRule::new(Target::Provider(Provider::Glair), fault)
}

#[tokio::test]
async fn reads_an_npwp_card_and_an_invoice() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    let reader = reader(&sandbox, quick_retries());

    let card = reader
        .read(DocumentInput::from_bytes("npwp.png", png("card")), &npwp())
        .await
        .unwrap();
    let Document::NpwpCard(card) = &card.document else {
        panic!("not a card: {:?}", card.document);
    };
    assert_eq!(
        card.npwp.get().map(ToString::to_string).as_deref(),
        Some("70.943.997.0-437.000")
    );
    assert_eq!(card.name.get().map(String::as_str), Some("BERSATU"));

    let outcome = reader
        .read(
            DocumentInput::from_bytes("invoice.png", png("invoice")),
            &invoice(),
        )
        .await
        .unwrap();
    assert_eq!(outcome.meta.provider, ProviderId::Glair);
    assert_eq!(outcome.meta.attempts, 1);
    let Document::CommercialInvoice(read) = &outcome.document else {
        panic!("not an invoice: {:?}", outcome.document);
    };
    assert!(read.number.get().is_some());
    assert!(!read.items.is_empty());
    sandbox.shutdown().await;
}

#[tokio::test]
async fn the_request_id_header_is_propagated_on_success_and_on_failure() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    let reader = reader(&sandbox, RetryConfig::disabled());
    let first = reader
        .read(DocumentInput::from_bytes("a.png", png("a")), &npwp())
        .await
        .unwrap();
    let second = reader
        .read(DocumentInput::from_bytes("b.png", png("b")), &npwp())
        .await
        .unwrap();
    let (first, second) = (
        first.meta.request_id.unwrap(),
        second.meta.request_id.unwrap(),
    );
    assert!(!first.is_empty());
    assert_ne!(first, second, "each call has its own request id");

    sandbox.inject(glair_faults(Fault::ServerError { retry_after: None }).times(1));
    let error = reader
        .read(DocumentInput::from_bytes("c.png", png("c")), &npwp())
        .await
        .unwrap_err();
    assert!(
        error.request_id().is_some_and(|id| !id.is_empty()),
        "{error:?}"
    );
    sandbox.shutdown().await;
}

#[tokio::test]
async fn one_rate_limit_is_retried_and_the_second_attempt_succeeds() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    let reader = reader(&sandbox, quick_retries());
    sandbox.inject(glair_faults(Fault::RateLimited { retry_after: None }).times(1));
    let outcome = reader
        .read(DocumentInput::from_bytes("a.png", png("retry")), &npwp())
        .await
        .unwrap();
    assert_eq!(outcome.meta.attempts, 2);
    assert!(outcome.meta.request_id.is_some());
    sandbox.shutdown().await;
}

#[tokio::test]
async fn failed_calls_map_to_their_error_kinds() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    let reader = reader(&sandbox, RetryConfig::disabled());
    let cases = [
        (
            Fault::RateLimited {
                retry_after: Some(Duration::from_secs(2)),
            },
            429,
            ErrorKind::RateLimited,
        ),
        (
            Fault::ServerError { retry_after: None },
            500,
            ErrorKind::ProviderRejected,
        ),
        (Fault::BadGatewayHtml, 502, ErrorKind::ProviderRejected),
    ];
    for (fault, status, kind) in cases {
        sandbox.inject(glair_faults(fault.clone()).times(1));
        let error = reader
            .read(DocumentInput::from_bytes("a.png", png("fault")), &npwp())
            .await
            .unwrap_err();
        assert_eq!(error.kind(), kind, "{fault:?}: {error}");
        assert_eq!(error.status(), Some(status), "{fault:?}");
        assert!(error.is_retryable(), "{fault:?}");
        assert_eq!(error.provider(), Some(ProviderId::Glair));
    }

    sandbox.inject(
        glair_faults(Fault::RateLimited {
            retry_after: Some(Duration::from_secs(2)),
        })
        .times(1),
    );
    let throttled = reader
        .read(DocumentInput::from_bytes("a.png", png("fault")), &npwp())
        .await
        .unwrap_err();
    assert_eq!(throttled.retry_after(), Some(Duration::from_secs(2)));

    sandbox.inject(glair_faults(Fault::BadGatewayHtml).times(1));
    let html = reader
        .read(DocumentInput::from_bytes("a.png", png("fault")), &npwp())
        .await
        .unwrap_err();
    assert!(html.message().contains("not its JSON error"), "{html}");

    sandbox.inject(glair_faults(Fault::MalformedJson).times(1));
    let malformed = reader
        .read(DocumentInput::from_bytes("a.png", png("fault")), &npwp())
        .await
        .unwrap_err();
    assert_eq!(
        malformed.kind(),
        ErrorKind::UnexpectedResponse,
        "{malformed}"
    );
    assert!(!malformed.is_retryable());

    sandbox.inject(glair_faults(Fault::ConnectionReset).times(1));
    let reset = reader
        .read(DocumentInput::from_bytes("a.png", png("fault")), &npwp())
        .await
        .unwrap_err();
    assert_eq!(reset.kind(), ErrorKind::Transport, "{reset}");
    assert!(reset.is_retryable());
    sandbox.shutdown().await;
}

#[tokio::test]
async fn failure_statuses_in_a_200_body_are_errors_with_the_request_id() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    let reader = reader(&sandbox, quick_retries());
    let cases = [
        ("FAILED", ErrorKind::ProviderRejected),
        ("FILE_INVALID_FORMAT", ErrorKind::InvalidInput),
        ("NO_FILE", ErrorKind::InvalidInput),
    ];
    for (status, kind) in cases {
        let upload = png(status);
        sandbox.add_fixture(Fixture::new(
            Provider::Glair,
            FixtureKey::sha256_of(&upload),
            json!({"status": status, "reason": "Failed to read the file"}),
        ));
        let error = reader
            .read(DocumentInput::from_bytes("a.png", upload), &npwp())
            .await
            .unwrap_err();
        assert_eq!(error.kind(), kind, "{status}");
        assert!(!error.is_retryable());
        assert_eq!(error.code(), Some(status));
        assert_eq!(error.status(), Some(200));
        assert_eq!(error.message(), "Failed to read the file");
        assert!(error.request_id().is_some());
    }
    sandbox.shutdown().await;
}

#[tokio::test]
async fn an_attempt_that_outlives_its_timeout_is_a_retryable_timeout() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    let password = sandbox.credentials().glair.password.clone();
    let mut config = config(&sandbox, &password, RetryConfig::disabled());
    config.client.timeouts =
        TimeoutConfig::default().with_per_attempt(Some(Duration::from_millis(100)));
    let reader = GlairReader::new(config).unwrap();
    sandbox.inject(glair_faults(Fault::Latency(Duration::from_secs(2))).times(1));
    let error = reader
        .read(DocumentInput::from_bytes("a.png", png("slow")), &npwp())
        .await
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Timeout, "{error}");
    assert!(error.is_retryable());
    assert_eq!(error.provider(), Some(ProviderId::Glair));
    sandbox.shutdown().await;
}

#[tokio::test]
async fn refused_inputs_and_kinds_send_no_request() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    let reader = reader(&sandbox, RetryConfig::disabled());
    // Fires on the first request that reaches GLAIR; it must still be armed at the end.
    sandbox.inject(glair_faults(Fault::ServerError { retry_after: None }).times(1));

    let mut too_large = png("large");
    too_large.resize(10 * 1024 * 1024 + 1, 0);
    let url = url::Url::parse("https://example.com/npwp.png").unwrap();
    let refused = [
        (
            DocumentInput::from_bytes("notes.png", b"just some text".to_vec()),
            npwp(),
            ErrorKind::InvalidInput,
        ),
        (
            DocumentInput::from_bytes("empty.png", Vec::new()),
            npwp(),
            ErrorKind::InvalidInput,
        ),
        (
            DocumentInput::from_bytes("large.png", too_large),
            invoice(),
            ErrorKind::InvalidInput,
        ),
        (
            DocumentInput::from_bytes(
                "scan.bmp",
                b"BM\x3a\0\0\0\0\0\0\0\x36\0\0\0\x28\0\0\0\x10\0\0\0\x10\0\0\0".to_vec(),
            ),
            npwp(),
            ErrorKind::Unsupported,
        ),
        (DocumentInput::from_url(url), npwp(), ErrorKind::Unsupported),
        (
            DocumentInput::from_bytes("a.png", png("kind")),
            ReadOptions::default().with_expected_kind(DocumentKind::CnVatInvoice),
            ErrorKind::Unsupported,
        ),
        (
            DocumentInput::from_bytes("a.png", png("none")),
            ReadOptions::default(),
            ErrorKind::InvalidInput,
        ),
    ];
    for (input, options, kind) in refused {
        let shown = format!("{input:?}");
        let error = reader.read(input, &options).await.unwrap_err();
        assert_eq!(error.kind(), kind, "{shown}: {error}");
        assert_eq!(error.status(), None, "{shown} reached the provider");
    }

    let armed = reader
        .read(DocumentInput::from_bytes("a.png", png("armed")), &npwp())
        .await
        .unwrap_err();
    assert_eq!(
        armed.status(),
        Some(500),
        "the fault rule was consumed by a refused input"
    );
    sandbox.shutdown().await;
}

#[tokio::test]
async fn wrong_credentials_are_refused_without_leaking_them() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    let reader =
        GlairReader::new(config(&sandbox, "hunter2-wrong-password", quick_retries())).unwrap();
    let outcome = reader
        .read(DocumentInput::from_bytes("a.png", png("auth")), &npwp())
        .await;
    let error = outcome.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Unauthenticated, "{error}");
    assert_eq!(error.status(), Some(403));
    assert!(!error.is_retryable());
    let api_key = &sandbox.credentials().glair.api_key;
    for shown in [
        format!("{error}"),
        format!("{error:?}"),
        format!("{reader:?}"),
    ] {
        assert!(!shown.contains("hunter2-wrong-password"), "{shown}");
        assert!(!shown.contains(api_key.as_str()), "{shown}");
    }
    sandbox.shutdown().await;
}

#[test]
fn debug_output_shows_no_secret() {
    let reader = GlairReader::new(GlairConfig::new("glair-user", "pw-5f1c9", "key-0b7e2")).unwrap();
    let shown = format!("{reader:?} {reader:#?}");
    assert!(!shown.contains("pw-5f1c9"), "{shown}");
    assert!(!shown.contains("key-0b7e2"), "{shown}");
    assert!(shown.contains("glair-user"));
    assert!(shown.contains("https://api.vision.glair.ai"));
}

#[test]
fn base_urls_that_are_not_http_urls_are_config_errors_that_do_not_quote_them() {
    for base_url in ["not a url", "ftp://user:s3cr3t@example.com/"] {
        let config = GlairConfig::new("u", "p", "k")
            .with_client(ClientConfig::default().with_base_url(base_url));
        let error = GlairReader::new(config).unwrap_err();
        assert_eq!(error.kind(), ErrorKind::Config, "{base_url}");
        assert!(!error.to_string().contains("s3cr3t"), "{error}");
    }
    let config = GlairConfig::new("u", "p", "k")
        .with_client(ClientConfig::default().with_base_url("http://127.0.0.1:9/"));
    let reader = GlairReader::new(config).unwrap();
    assert_eq!(reader.base_url(), "http://127.0.0.1:9");
}
