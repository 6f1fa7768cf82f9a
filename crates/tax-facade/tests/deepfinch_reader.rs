//! DeepFinchReader against the sandbox: file and URL reads, the documented samples served as
//! fixtures, refused inputs, configuration errors and redaction.

mod deepfinch_support;

use deepfinch_support::{deepfinch, examples, invoice_png, options, png, reader, snapshot};
use tax_facade::config::{ClientConfig, DeepFinchConfig};
use tax_facade::providers::deepfinch::DeepFinchReader;
use tax_facade::{DocumentInput, DocumentKind, DocumentReader, ErrorKind, ProviderId, ReadOptions};
use tax_sandbox::{Fault, Fixture, FixtureKey, Provider, Sandbox};

#[tokio::test]
async fn an_uploaded_file_is_read_validated_and_carries_the_body_request_id() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    let outcome = reader(&sandbox)
        .read(invoice_png(), &options())
        .await
        .unwrap();
    assert_eq!(outcome.document.kind(), DocumentKind::CnVatInvoice);
    assert_eq!(
        serde_json::to_value(&outcome.document).unwrap(),
        snapshot("documented_sample")["document"]
    );
    let request_id = outcome.meta.request_id.as_deref().unwrap();
    assert!(request_id.starts_with("TID"), "{request_id}");
    assert_ne!(
        request_id, "TID5ad591e2169544079a2e66f5822933e0",
        "the sandbox issues fresh ids"
    );
    assert_eq!(outcome.meta.provider, ProviderId::DeepFinch);
    assert_eq!(outcome.meta.attempts, 1);
    // Mapping findings come first, then validation's.
    let rules: Vec<&str> = outcome.findings.iter().map(|f| f.rule.as_str()).collect();
    assert_eq!(rules.first(), Some(&"field.unparsed"));
    assert_eq!(rules.last(), Some(&"cn_vat.incomplete"), "{rules:?}");
}

#[tokio::test]
async fn a_file_on_disk_is_uploaded() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    let path = std::env::temp_dir().join(format!("deepfinch-reader-{}.png", std::process::id()));
    std::fs::write(&path, png(1200, 800, b"on disk")).unwrap();
    let outcome = reader(&sandbox)
        .read(DocumentInput::from_path(&path), &options())
        .await;
    std::fs::remove_file(&path).unwrap();
    let outcome = outcome.unwrap();
    assert_eq!(
        serde_json::to_value(&outcome.document).unwrap(),
        snapshot("documented_sample")["document"]
    );
}

#[tokio::test]
async fn a_url_is_passed_for_deepfinch_to_download() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    let (_, body) = examples()
        .into_iter()
        .find(|(name, _)| name == "with_detail_lines_and_object_password")
        .unwrap();
    sandbox.add_fixture(Fixture::new(
        Provider::DeepFinch,
        FixtureKey::file_name("vat-2024-0324.jpg"),
        body,
    ));
    let url = url::Url::parse("https://example.com/invoices/vat-2024-0324.jpg").unwrap();
    let outcome = reader(&sandbox)
        .read(DocumentInput::from_url(url), &options())
        .await
        .unwrap();
    assert_eq!(
        serde_json::to_value(&outcome.document).unwrap(),
        snapshot("with_detail_lines_and_object_password")["document"]
    );
    assert_eq!(
        outcome.meta.request_id.as_deref(),
        Some("TID0f6c2b8e5a1d4c7b9e3f2a1d0c9b8a7e")
    );
}

#[tokio::test]
async fn every_documented_sample_served_by_upload_maps_to_its_snapshot() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    let reader = reader(&sandbox);
    for (name, body) in examples() {
        let bytes = png(1000, 700, name.as_bytes());
        sandbox.add_fixture(Fixture::new(
            Provider::DeepFinch,
            FixtureKey::sha256_of(&bytes),
            body.clone(),
        ));
        let outcome = reader
            .read(DocumentInput::from_bytes("invoice.png", bytes), &options())
            .await
            .unwrap();
        let expected = snapshot(&name);
        assert_eq!(
            serde_json::to_value(&outcome.document).unwrap(),
            expected["document"],
            "{name}"
        );
        assert_eq!(
            outcome.meta.request_id.as_deref(),
            body["request_id"].as_str(),
            "{name}"
        );
        for finding in expected["findings"].as_array().unwrap() {
            assert!(
                outcome
                    .findings
                    .iter()
                    .any(|f| f.rule == finding["rule"] && f.path == finding["path"]),
                "{name}: {finding} missing"
            );
        }
    }
}

#[tokio::test]
async fn refused_inputs_send_no_request() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    // The next DeepFinch request fails; a refused input must leave this fault unused.
    sandbox.inject(deepfinch(Fault::ServerError { retry_after: None }));
    let reader = reader(&sandbox);
    let refused = [
        (
            DocumentInput::from_bytes("scan.pdf", b"%PDF-1.7\n...".to_vec()),
            options(),
            ErrorKind::Unsupported,
        ),
        (
            DocumentInput::from_bytes("tiny.png", png(10, 10, b"x")),
            options(),
            ErrorKind::InvalidInput,
        ),
        (
            DocumentInput::from_bytes("letter.txt", b"Dear customer".to_vec()),
            options(),
            ErrorKind::InvalidInput,
        ),
        (
            DocumentInput::from_url(url::Url::parse("ftp://example.com/a.png").unwrap()),
            options(),
            ErrorKind::InvalidInput,
        ),
        (
            invoice_png(),
            ReadOptions::default().with_expected_kind(DocumentKind::NpwpCard),
            ErrorKind::Unsupported,
        ),
    ];
    for (input, options, kind) in refused {
        let shown = format!("{input:?}");
        let err = reader.read(input, &options).await.unwrap_err();
        assert_eq!(err.kind(), kind, "{shown}: {err}");
        assert_eq!(err.status(), None, "{shown}");
    }
    let err = reader.read(invoice_png(), &options()).await.unwrap_err();
    assert_eq!(
        err.status(),
        Some(500),
        "the injected fault was still pending"
    );
}

#[tokio::test]
async fn a_wrong_base_url_is_a_configuration_error() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    let credentials = &sandbox.credentials().deepfinch;
    let with_base = |base_url: String| {
        DeepFinchConfig::new(credentials.api_id.clone(), credentials.api_secret.clone())
            .with_client(ClientConfig::default().with_base_url(base_url))
    };
    let refused = DeepFinchReader::new(with_base("ftp://example.com".to_owned())).unwrap_err();
    assert_eq!(refused.kind(), ErrorKind::Config);
    let unparsable = DeepFinchReader::new(with_base("not a url".to_owned())).unwrap_err();
    assert_eq!(unparsable.kind(), ErrorKind::Config);

    let wrong_path = DeepFinchReader::new(with_base(format!("{}/v9", sandbox.base_url()))).unwrap();
    let err = wrong_path
        .read(invoice_png(), &options())
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Config, "{err}");
    assert_eq!(err.status(), Some(404));
    assert!(!err.is_retryable());
}

#[tokio::test]
async fn debug_output_shows_no_secret() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    let reader = reader(&sandbox);
    let shown = format!("{reader:?} {reader:#?}");
    assert!(
        !shown.contains(&sandbox.credentials().deepfinch.api_secret),
        "{shown}"
    );
    assert!(shown.contains(&sandbox.credentials().deepfinch.api_id));
    assert!(shown.contains("<redacted>"));
}
