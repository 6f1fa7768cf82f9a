//! What `taxdoc read` prints for each document (and what `taxdoc schema document` describes).

use schemars::JsonSchema;
use serde::Serialize;
use tax_core::ValidationReport;
use tax_facade::{Document, ProviderId, ReadOutcome, ResponseMeta};

/// One document that was read: where from, the normalized document, every finding and how it
/// was read.
#[derive(Debug, Serialize, JsonSchema)]
pub(crate) struct ReadRecord {
    /// The file or URL as given on the command line.
    pub(crate) file: String,
    /// The normalized document.
    pub(crate) document: Document,
    /// Findings of mapping and validation, in that order.
    pub(crate) findings: ValidationReport,
    /// Facts about the provider call.
    pub(crate) meta: MetaRecord,
}

/// Facts about the provider call behind a read.
#[derive(Debug, Serialize, JsonSchema)]
pub(crate) struct MetaRecord {
    /// The provider that read the document.
    pub(crate) provider: ProviderId,
    /// The provider's request id, for support tickets.
    pub(crate) request_id: Option<String>,
    /// How many attempts were made.
    pub(crate) attempts: u32,
    /// Time spent, retries and waits included, in milliseconds.
    pub(crate) elapsed_ms: u64,
}

impl From<ResponseMeta> for MetaRecord {
    fn from(meta: ResponseMeta) -> Self {
        Self {
            provider: meta.provider,
            request_id: meta.request_id,
            attempts: meta.attempts,
            elapsed_ms: u64::try_from(meta.elapsed.as_millis()).unwrap_or(u64::MAX),
        }
    }
}

impl ReadRecord {
    /// The record of `outcome`, read from `file`.
    pub(crate) fn new(file: &str, outcome: ReadOutcome) -> Self {
        Self {
            file: file.to_owned(),
            document: outcome.document,
            findings: outcome.findings,
            meta: MetaRecord::from(outcome.meta),
        }
    }
}
