//! DeepFinchReader errors against the sandbox: injected faults, wrong credentials, error
//! statuses inside success bodies, timeouts and retries.

mod deepfinch_support;

use std::time::Duration;

use deepfinch_support::{config, deepfinch, invoice_png, options, png, reader};
use tax_facade::config::{ClientConfig, DeepFinchConfig};
use tax_facade::providers::deepfinch::DeepFinchReader;
use tax_facade::retry::{RetryConfig, TimeoutConfig};
use tax_facade::{DocumentInput, DocumentReader, ErrorKind, ProviderId};
use tax_sandbox::{Fault, Fixture, FixtureKey, Provider, Sandbox};

#[tokio::test]
async fn throttling_is_a_retryable_rate_limit_despite_the_403() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    sandbox.inject(deepfinch(Fault::RateLimited {
        retry_after: Some(Duration::from_secs(2)),
    }));
    let err = reader(&sandbox)
        .read(invoice_png(), &options())
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::RateLimited);
    assert!(err.is_retryable());
    assert_eq!(err.status(), Some(403));
    assert_eq!(err.code(), Some("RATE_LIMIT_EXCEEDED"));
    assert_eq!(err.provider(), Some(ProviderId::DeepFinch));
    assert_eq!(err.retry_after(), Some(Duration::from_secs(2)));
    assert!(err.request_id().unwrap().starts_with("TID"));
}

#[tokio::test]
async fn server_errors_are_retryable_with_status_code_and_request_id() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    sandbox.inject(deepfinch(Fault::ServerError { retry_after: None }));
    let err = reader(&sandbox)
        .read(invoice_png(), &options())
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::ProviderRejected);
    assert!(err.is_retryable());
    assert_eq!(err.status(), Some(500));
    assert_eq!(err.code(), Some("INTERNAL_ERROR"));
    assert!(err.request_id().unwrap().starts_with("TID"));
}

#[tokio::test]
async fn an_html_bad_gateway_keeps_its_status_and_is_retryable() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    sandbox.inject(deepfinch(Fault::BadGatewayHtml));
    let err = reader(&sandbox)
        .read(invoice_png(), &options())
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::ProviderRejected);
    assert!(err.is_retryable());
    assert_eq!(err.status(), Some(502));
    assert_eq!(err.code(), None);
    assert_eq!(err.request_id(), None);
}

#[tokio::test]
async fn a_malformed_success_body_is_an_unexpected_response() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    sandbox.inject(deepfinch(Fault::MalformedJson));
    let err = reader(&sandbox)
        .read(invoice_png(), &options())
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::UnexpectedResponse);
    assert!(!err.is_retryable());
    assert_eq!(err.provider(), Some(ProviderId::DeepFinch));
}

#[tokio::test]
async fn truncated_bodies_and_resets_are_retryable_transport_errors() {
    for fault in [Fault::TruncatedBody, Fault::ConnectionReset] {
        let sandbox = Sandbox::builder().start().await.unwrap();
        sandbox.inject(deepfinch(fault.clone()));
        let err = reader(&sandbox)
            .read(invoice_png(), &options())
            .await
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Transport, "{fault:?}: {err}");
        assert!(err.is_retryable(), "{fault:?}");
        assert_eq!(err.provider(), Some(ProviderId::DeepFinch));
    }
}

#[tokio::test]
async fn wrong_credentials_are_unauthenticated_and_not_retried() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    let config = DeepFinchConfig::new(
        sandbox.credentials().deepfinch.api_id.clone(),
        "wrong-secret-71f3",
    )
    .with_client(
        ClientConfig::default()
            .with_base_url(sandbox.base_url())
            .with_retry(RetryConfig::default().with_initial_backoff(Duration::from_millis(1))),
    );
    let err = DeepFinchReader::new(config)
        .unwrap()
        .read(invoice_png(), &options())
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Unauthenticated);
    assert!(!err.is_retryable());
    assert_eq!(err.status(), Some(401));
    assert_eq!(err.code(), Some("UNAUTHORIZED"));
    assert!(err.request_id().unwrap().starts_with("TID"));
    assert!(!format!("{err} {err:?}").contains("wrong-secret-71f3"));
}

#[tokio::test]
async fn retryable_failures_are_retried_until_the_read_succeeds() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    sandbox.inject(deepfinch(Fault::RateLimited { retry_after: None }));
    sandbox.inject(deepfinch(Fault::ServerError { retry_after: None }));
    let retry = RetryConfig::default()
        .with_max_attempts(3)
        .with_initial_backoff(Duration::from_millis(5));
    let outcome = DeepFinchReader::new(config(&sandbox, retry))
        .unwrap()
        .read(invoice_png(), &options())
        .await
        .unwrap();
    assert_eq!(outcome.meta.attempts, 3);
    assert!(outcome.meta.request_id.unwrap().starts_with("TID"));
}

#[tokio::test]
async fn an_error_status_inside_a_200_body_is_classified_by_that_status() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    let cases = [
        (
            "detected.png",
            "DETECTION_FAILED",
            ErrorKind::ProviderRejected,
            false,
        ),
        (
            "throttled.png",
            "RATE_LIMIT_EXCEEDED",
            ErrorKind::RateLimited,
            true,
        ),
    ];
    for (file_name, status, kind, retryable) in cases {
        sandbox.add_fixture(Fixture::new(
            Provider::DeepFinch,
            FixtureKey::file_name(file_name),
            serde_json::json!({"status": status, "reason": "r", "request_id": "TID-in-body"}),
        ));
        let input = DocumentInput::from_bytes(file_name, png(900, 600, file_name.as_bytes()));
        let err = reader(&sandbox).read(input, &options()).await.unwrap_err();
        assert_eq!(err.kind(), kind, "{status}");
        assert_eq!(err.is_retryable(), retryable, "{status}");
        assert_eq!(err.code(), Some(status));
        assert_eq!(err.request_id(), Some("TID-in-body"));
    }
}

#[tokio::test]
async fn an_ok_without_a_result_is_an_unexpected_response() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    sandbox.add_fixture(Fixture::new(
        Provider::DeepFinch,
        FixtureKey::file_name("empty.png"),
        serde_json::json!({"status": "OK", "request_id": "TID-empty"}),
    ));
    let input = DocumentInput::from_bytes("empty.png", png(900, 600, b"empty"));
    let err = reader(&sandbox).read(input, &options()).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::UnexpectedResponse);
    assert_eq!(err.request_id(), Some("TID-empty"));
}

#[tokio::test]
async fn a_slow_attempt_times_out_as_a_retryable_timeout() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    sandbox.inject(deepfinch(Fault::Latency(Duration::from_secs(5))));
    let credentials = &sandbox.credentials().deepfinch;
    let config = DeepFinchConfig::new(credentials.api_id.clone(), credentials.api_secret.clone())
        .with_client(
            ClientConfig::default()
                .with_base_url(sandbox.base_url())
                .with_retry(RetryConfig::disabled())
                .with_timeouts(
                    TimeoutConfig::default().with_per_attempt(Some(Duration::from_millis(200))),
                ),
        );
    let err = DeepFinchReader::new(config)
        .unwrap()
        .read(invoice_png(), &options())
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Timeout);
    assert!(err.is_retryable());
    assert_eq!(err.provider(), Some(ProviderId::DeepFinch));
}
