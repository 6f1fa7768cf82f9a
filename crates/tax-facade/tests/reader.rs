//! A provider-shaped reader built from the crate's pieces, used through the trait object.

use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};

use async_trait::async_trait;
use tax_core::ValidationReport;
use tax_core::id::Npwp;
use tax_facade::document::{Confidence, Field, NpwpCard};
use tax_facade::error::StatusTable;
use tax_facade::input::{InputFormat, PreparedInput};
use tax_facade::retry::{Retrier, RetryConfig, TimeoutConfig};
use tax_facade::{
    Capabilities, DocumentInput, DocumentKind, DocumentReader, DynDocumentReader, Error, ErrorKind,
    ProviderId, ReadOptions, ReadOutcome, ResponseMeta,
};

/// Answers every read with the same NPWP card "response"; the first `failures` calls fail
/// with HTTP 503, as a flaky provider would.
#[derive(Debug)]
struct ScriptedReader {
    capabilities: Capabilities,
    failures: u32,
    sent: AtomicU32,
}

impl ScriptedReader {
    fn new(failures: u32) -> Self {
        Self {
            capabilities: Capabilities::default()
                .with_document_kinds([DocumentKind::NpwpCard])
                .with_input_formats([InputFormat::Png])
                .with_max_bytes(Some(4096)),
            failures,
            sent: AtomicU32::new(0),
        }
    }

    /// Maps the provider's raw strings, collecting mapping findings.
    fn map(npwp: &str, confidence_percent: f64, findings: &mut ValidationReport) -> NpwpCard {
        let confidence = Confidence::from_percent(confidence_percent).reported("npwp", findings);
        NpwpCard {
            npwp: Field::parse(npwp, "npwp", findings, Npwp::parse_ignoring_checksum)
                .with_confidence(confidence),
            name: Field::text("SITI"),
            ..NpwpCard::default()
        }
    }
}

#[async_trait]
impl DocumentReader for ScriptedReader {
    fn provider(&self) -> ProviderId {
        ProviderId::Local
    }

    fn capabilities(&self) -> &Capabilities {
        &self.capabilities
    }

    async fn read(
        &self,
        input: DocumentInput,
        options: &ReadOptions,
    ) -> Result<ReadOutcome, Error> {
        let PreparedInput::Upload(_upload) = input.prepare(&self.capabilities).await? else {
            return Err(Error::new(ErrorKind::Unsupported, "uploads only"));
        };
        let table = StatusTable::new(ProviderId::Local);
        let outcome = Retrier::new(RetryConfig::default(), TimeoutConfig::default())
            .with_seed(9)
            .run(|_| async {
                let call = self.sent.fetch_add(1, Ordering::SeqCst);
                if call < self.failures {
                    Err(table.error(Some(503), None, "try again"))
                } else {
                    Ok("01.000.521.8-093.010")
                }
            })
            .await;
        let raw_npwp = outcome.result?;
        let mut findings = ValidationReport::new();
        let card = Self::map(raw_npwp, 198.56, &mut findings);
        let meta = ResponseMeta::new(ProviderId::Local, outcome.attempts, outcome.elapsed)
            .with_request_id("req-1");
        Ok(ReadOutcome::validated(card.into(), findings, options, meta))
    }
}

fn png() -> Vec<u8> {
    let mut bytes = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
    bytes.extend_from_slice(&640u32.to_be_bytes());
    bytes.extend_from_slice(&400u32.to_be_bytes());
    bytes
}

#[tokio::test(start_paused = true)]
async fn a_read_through_the_trait_object_returns_document_findings_and_meta() {
    let reader: Box<DynDocumentReader> = Box::new(ScriptedReader::new(1));
    assert!(reader.capabilities().supports(DocumentKind::NpwpCard));
    let outcome = reader
        .read(
            DocumentInput::from_bytes("card.png", png()),
            &ReadOptions::default(),
        )
        .await
        .unwrap();
    assert_eq!(outcome.document.kind(), DocumentKind::NpwpCard);
    assert_eq!(outcome.meta.attempts, 2);
    assert_eq!(outcome.meta.request_id.as_deref(), Some("req-1"));
    let rules: Vec<&str> = outcome.findings.iter().map(|f| f.rule.as_str()).collect();
    // Mapping findings come first, then validation.
    assert_eq!(rules, ["field.confidence_out_of_range", "npwp.checksum"]);
    let json = serde_json::to_value(&outcome).unwrap();
    assert_eq!(json["document"]["kind"], "npwp_card");
    assert_eq!(json["meta"]["provider"], "local");
    assert_eq!(json["meta"]["attempts"], 2);
    assert_eq!(json["findings"][1]["rule"], "npwp.checksum");
}

#[tokio::test(start_paused = true)]
async fn a_wrong_file_is_refused_before_anything_is_sent() {
    let reader = Arc::new(ScriptedReader::new(0));
    let shared: Arc<DynDocumentReader> = reader.clone();
    let err = shared
        .read(
            DocumentInput::from_bytes("card.png", b"not an image".to_vec()),
            &ReadOptions::default(),
        )
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert_eq!(reader.sent.load(Ordering::SeqCst), 0);
}

#[tokio::test(start_paused = true)]
async fn a_provider_that_keeps_failing_reports_the_classified_error() {
    let reader = ScriptedReader::new(u32::MAX);
    let err = reader
        .read(
            DocumentInput::from_bytes("card.png", png()),
            &ReadOptions::default(),
        )
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::ProviderRejected);
    assert_eq!(err.status(), Some(503));
    assert_eq!(reader.sent.load(Ordering::SeqCst), 3);
}
