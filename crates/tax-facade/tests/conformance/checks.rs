//! Checks every reader must pass, generic over `&DynDocumentReader`.

use std::time::Duration;

use tax_facade::{DocumentInput, DocumentKind, DynDocumentReader, Error, ErrorKind, ReadOptions};
use tax_sandbox::Fault;

use super::harness::{Credentials, Harness, Setup};

/// Runs every check against a fresh sandbox for `setup`, clearing faults between checks.
pub(crate) async fn run_every_check(setup: Setup) {
    let harness = Harness::start(setup).await;
    let once = harness.reader(Credentials::Valid, 1);
    reads_every_supported_kind(&*once, &harness).await;
    maps_injected_faults_to_error_kinds(&*once, &harness).await;
    retries_a_failure_then_succeeds(&*harness.reader(Credentials::Valid, 3), &harness).await;
    refuses_unsupported_input_without_a_request(&*once, &harness).await;
    wrong_credentials_are_unauthenticated(&*harness.reader(Credentials::Wrong, 3), &harness).await;
    harness.sandbox.shutdown().await;
}

fn input(harness: &Harness, name: &str) -> DocumentInput {
    DocumentInput::from_bytes(name, harness.sample())
}

async fn read_kind(
    reader: &DynDocumentReader,
    harness: &Harness,
    kind: DocumentKind,
) -> Result<tax_facade::ReadOutcome, Error> {
    let options = ReadOptions::default().with_expected_kind(kind);
    reader.read(input(harness, "sample.png"), &options).await
}

fn first_kind(reader: &DynDocumentReader) -> DocumentKind {
    *reader.capabilities().document_kinds.first().unwrap()
}

/// Every kind the capabilities list is read into a document of that kind, with the call's
/// metadata and a request id.
pub(crate) async fn reads_every_supported_kind(reader: &DynDocumentReader, harness: &Harness) {
    assert_eq!(reader.provider(), harness.provider());
    assert!(!reader.capabilities().document_kinds.is_empty());
    for kind in reader.capabilities().document_kinds.clone() {
        let outcome = read_kind(reader, harness, kind)
            .await
            .unwrap_or_else(|err| panic!("{:?} reading a {kind}: {err}", harness.setup));
        assert_eq!(outcome.document.kind(), kind, "{:?}", harness.setup);
        assert!(!outcome.findings.contains_rule("document.kind"));
        assert_eq!(outcome.meta.provider, harness.provider());
        assert_eq!(outcome.meta.attempts, 1);
        let request_id = outcome.meta.request_id.as_deref().unwrap_or_default();
        assert!(!request_id.is_empty(), "{:?}: no request id", harness.setup);
    }
}

async fn fault_error(reader: &DynDocumentReader, harness: &Harness, fault: Fault) -> Error {
    harness.sandbox.clear_faults();
    harness.inject(fault.clone(), 1);
    let err = read_kind(reader, harness, first_kind(reader))
        .await
        .map(|outcome| outcome.document)
        .expect_err("the injected fault must fail a one-attempt read");
    assert_eq!(err.provider(), Some(harness.provider()), "{fault:?}: {err}");
    err
}

/// Rate limits, server errors, an HTML 502 page, a reset connection and malformed JSON become
/// the same error kinds for every provider, keeping the status and the request id.
pub(crate) async fn maps_injected_faults_to_error_kinds(
    reader: &DynDocumentReader,
    harness: &Harness,
) {
    let setup = harness.setup;
    let limited = fault_error(reader, harness, Fault::RateLimited { retry_after: None }).await;
    assert_eq!(
        limited.kind(),
        ErrorKind::RateLimited,
        "{setup:?}: {limited}"
    );
    assert!(limited.is_retryable());
    assert!(
        matches!(limited.status(), Some(429 | 403)),
        "{setup:?}: {limited}"
    );
    assert!(limited.request_id().is_some(), "{setup:?}: {limited}");

    let asked = Duration::from_secs(7);
    let limited = fault_error(
        reader,
        harness,
        Fault::RateLimited {
            retry_after: Some(asked),
        },
    )
    .await;
    assert_eq!(limited.retry_after(), Some(asked), "{setup:?}: {limited}");

    let failed = fault_error(reader, harness, Fault::ServerError { retry_after: None }).await;
    assert_eq!(
        failed.kind(),
        ErrorKind::ProviderRejected,
        "{setup:?}: {failed}"
    );
    assert!(failed.is_retryable());
    assert_eq!(failed.status(), Some(500));
    assert!(failed.request_id().is_some(), "{setup:?}: {failed}");

    let gateway = fault_error(reader, harness, Fault::BadGatewayHtml).await;
    assert!(
        matches!(
            gateway.kind(),
            ErrorKind::UnexpectedResponse | ErrorKind::ProviderRejected
        ),
        "{setup:?}: {gateway}"
    );
    assert_eq!(gateway.status(), Some(502));
    assert!(gateway.is_retryable(), "{setup:?}: {gateway}");

    let reset = fault_error(reader, harness, Fault::ConnectionReset).await;
    assert_eq!(reset.kind(), ErrorKind::Transport, "{setup:?}: {reset}");
    assert!(reset.is_retryable());
    assert_eq!(reset.status(), None);

    let malformed = fault_error(reader, harness, Fault::MalformedJson).await;
    assert_eq!(
        malformed.kind(),
        ErrorKind::UnexpectedResponse,
        "{setup:?}: {malformed}"
    );
    harness.sandbox.clear_faults();
}

/// Credentials the provider refuses are `Unauthenticated` and never retried.
pub(crate) async fn wrong_credentials_are_unauthenticated(
    reader: &DynDocumentReader,
    harness: &Harness,
) {
    harness.sandbox.clear_faults();
    let err = read_kind(reader, harness, first_kind(reader))
        .await
        .map(|outcome| outcome.document)
        .expect_err("wrong credentials must fail");
    assert_eq!(
        err.kind(),
        ErrorKind::Unauthenticated,
        "{:?}: {err}",
        harness.setup
    );
    assert!(!err.is_retryable());
    assert_eq!(err.provider(), Some(harness.provider()));
}

/// One injected server error costs one retry: the read succeeds on the second attempt.
pub(crate) async fn retries_a_failure_then_succeeds(reader: &DynDocumentReader, harness: &Harness) {
    harness.sandbox.clear_faults();
    harness.inject(Fault::ServerError { retry_after: None }, 1);
    let outcome = read_kind(reader, harness, first_kind(reader))
        .await
        .unwrap_or_else(|err| panic!("{:?}: {err}", harness.setup));
    assert_eq!(outcome.meta.attempts, 2, "{:?}", harness.setup);
    assert!(outcome.meta.request_id.is_some());
}

/// A text file, and a URL for a reader that does not download, are refused before any
/// request: with every request failing, the error is still about the input.
pub(crate) async fn refuses_unsupported_input_without_a_request(
    reader: &DynDocumentReader,
    harness: &Harness,
) {
    harness.sandbox.clear_faults();
    harness.break_document_route();
    let options = ReadOptions::default().with_expected_kind(first_kind(reader));
    let text = DocumentInput::from_bytes("notes.txt", &b"NPWP 01.000.521.8-093.010\n"[..]);
    let err = reader
        .read(text, &options)
        .await
        .map(|o| o.document)
        .unwrap_err();
    assert!(
        matches!(err.kind(), ErrorKind::InvalidInput | ErrorKind::Unsupported),
        "{:?}: {err}",
        harness.setup
    );
    assert_eq!(err.status(), None, "{:?}: {err}", harness.setup);

    if !reader.capabilities().accepts_urls {
        let url = url::Url::parse("https://example.com/card.png").unwrap();
        let err = reader
            .read(DocumentInput::from_url(url), &options)
            .await
            .map(|o| o.document)
            .unwrap_err();
        assert_eq!(
            err.kind(),
            ErrorKind::Unsupported,
            "{:?}: {err}",
            harness.setup
        );
        assert_eq!(err.status(), None);
    }

    let unsupported = [
        DocumentKind::NpwpCard,
        DocumentKind::CommercialInvoice,
        DocumentKind::CnVatInvoice,
    ]
    .into_iter()
    .find(|kind| !reader.capabilities().supports(*kind));
    if let Some(kind) = unsupported {
        let err = read_kind(reader, harness, kind)
            .await
            .map(|o| o.document)
            .unwrap_err();
        assert_eq!(
            err.kind(),
            ErrorKind::Unsupported,
            "{:?}: {err}",
            harness.setup
        );
        assert_eq!(err.status(), None);
    }
    harness.sandbox.clear_faults();
}
