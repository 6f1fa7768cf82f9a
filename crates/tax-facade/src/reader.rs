//! The [`DocumentReader`] trait and the values it takes and returns.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use chrono::NaiveDate;
use serde::Serialize;
use tax_core::{RuleConfig, ValidationReport};

use crate::document::{Confidence, Document, DocumentKind};
use crate::error::Error;
use crate::input::{DocumentInput, InputFormat, PreparedInput};
use crate::provider::ProviderId;

/// What a reader can do, as data (like OpenDAL's `Capability`): callers and the input checks
/// consult it instead of trying a request and interpreting the failure.
///
/// The default accepts every [`InputFormat`], reads no [`DocumentKind`], has no size or pixel
/// limits and does not accept URLs; readers narrow or widen it with the `with_*` setters.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Capabilities {
    /// The document kinds the reader understands.
    pub document_kinds: Vec<DocumentKind>,
    /// The file formats the provider accepts.
    pub input_formats: Vec<InputFormat>,
    /// The largest upload, in bytes.
    pub max_bytes: Option<u64>,
    /// The smallest allowed image side, in pixels.
    pub min_pixel_side: Option<u32>,
    /// The largest allowed image side, in pixels.
    pub max_pixel_side: Option<u32>,
    /// Whether the provider downloads documents from a URL itself.
    pub accepts_urls: bool,
}

impl Default for Capabilities {
    fn default() -> Self {
        Self {
            document_kinds: Vec::new(),
            input_formats: InputFormat::ALL.to_vec(),
            max_bytes: None,
            min_pixel_side: None,
            max_pixel_side: None,
            accepts_urls: false,
        }
    }
}

impl Capabilities {
    /// Sets the document kinds the reader understands.
    #[must_use]
    pub fn with_document_kinds(mut self, kinds: impl IntoIterator<Item = DocumentKind>) -> Self {
        self.document_kinds = kinds.into_iter().collect();
        self
    }

    /// Sets the accepted file formats.
    #[must_use]
    pub fn with_input_formats(mut self, formats: impl IntoIterator<Item = InputFormat>) -> Self {
        self.input_formats = formats.into_iter().collect();
        self
    }

    /// Sets the largest upload in bytes.
    #[must_use]
    pub fn with_max_bytes(mut self, max_bytes: Option<u64>) -> Self {
        self.max_bytes = max_bytes;
        self
    }

    /// Sets the smallest and largest allowed image side in pixels.
    #[must_use]
    pub fn with_pixel_sides(mut self, min: Option<u32>, max: Option<u32>) -> Self {
        self.min_pixel_side = min;
        self.max_pixel_side = max;
        self
    }

    /// Sets whether the provider downloads documents from URLs.
    #[must_use]
    pub fn with_accepts_urls(mut self, accepts_urls: bool) -> Self {
        self.accepts_urls = accepts_urls;
        self
    }

    /// Whether the reader understands `kind`.
    pub fn supports(&self, kind: DocumentKind) -> bool {
        self.document_kinds.contains(&kind)
    }

    /// Fails with [`ErrorKind::Unsupported`](crate::ErrorKind::Unsupported) when an expected
    /// kind is given and the reader does not understand it, so nothing is sent.
    pub fn ensure_supports(&self, expected: Option<DocumentKind>) -> Result<(), Error> {
        match expected {
            Some(kind) if !self.supports(kind) => Err(Error::new(
                crate::ErrorKind::Unsupported,
                format!("this reader cannot read a {kind}"),
            )),
            _ => Ok(()),
        }
    }

    /// Admits one read before anything is sent: checks that the expected kind is one this
    /// reader reads, then resolves the input (reading a file only after its size checks out)
    /// and checks it against these capabilities (format, size, pixels). A refusal is tagged
    /// with `provider`.
    pub async fn admit(
        &self,
        provider: ProviderId,
        input: DocumentInput,
        expected: Option<DocumentKind>,
    ) -> Result<PreparedInput, Error> {
        let tag = |error: Error| error.with_provider(provider);
        self.ensure_supports(expected).map_err(tag)?;
        input.prepare(self).await.map_err(tag)
    }
}

/// How to read and validate a document.
///
/// ```
/// use tax_facade::{DocumentKind, ReadOptions};
///
/// let options = ReadOptions::default().with_expected_kind(DocumentKind::NpwpCard);
/// assert_eq!(options.expected_kind, Some(DocumentKind::NpwpCard));
/// assert_eq!(options.low_confidence_threshold.value(), 0.5);
/// ```
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq)]
pub struct ReadOptions {
    /// The kind of document expected; readers that serve several kinds use it to pick the
    /// provider operation, and validation reports a document of another kind.
    pub expected_kind: Option<DocumentKind>,
    /// Severity overrides for validation rules.
    pub rules: RuleConfig,
    /// Fields whose confidence is below this are reported as `field.low_confidence`
    /// (default 0.5).
    pub low_confidence_threshold: Confidence,
    /// The date that date rules compare against ("not in the future"); today (UTC) when
    /// unset.
    pub reference_date: Option<NaiveDate>,
}

impl Default for ReadOptions {
    fn default() -> Self {
        Self {
            expected_kind: None,
            rules: RuleConfig::default(),
            low_confidence_threshold: Confidence::HALF,
            reference_date: None,
        }
    }
}

impl ReadOptions {
    /// Sets the expected document kind.
    #[must_use]
    pub fn with_expected_kind(mut self, kind: DocumentKind) -> Self {
        self.expected_kind = Some(kind);
        self
    }

    /// Sets the validation rule overrides.
    #[must_use]
    pub fn with_rules(mut self, rules: RuleConfig) -> Self {
        self.rules = rules;
        self
    }

    /// Sets the low-confidence threshold.
    #[must_use]
    pub fn with_low_confidence_threshold(mut self, threshold: Confidence) -> Self {
        self.low_confidence_threshold = threshold;
        self
    }

    /// Sets the reference date for date rules.
    #[must_use]
    pub fn with_reference_date(mut self, date: NaiveDate) -> Self {
        self.reference_date = Some(date);
        self
    }
}

/// Facts about the provider call behind a read.
///
/// Serialized with `elapsed` as whole milliseconds (`elapsed_ms`).
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ResponseMeta {
    /// The provider that read the document.
    pub provider: ProviderId,
    /// The provider's request id, for support tickets.
    pub request_id: Option<String>,
    /// How many attempts were made.
    pub attempts: u32,
    /// Time spent, retries and waits included.
    #[serde(rename = "elapsed_ms", serialize_with = "serialize_millis")]
    pub elapsed: Duration,
}

fn serialize_millis<S: serde::Serializer>(
    elapsed: &Duration,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.serialize_u64(u64::try_from(elapsed.as_millis()).unwrap_or(u64::MAX))
}

impl ResponseMeta {
    /// Metadata of a call to `provider`.
    pub fn new(provider: ProviderId, attempts: u32, elapsed: Duration) -> Self {
        Self {
            provider,
            request_id: None,
            attempts,
            elapsed,
        }
    }

    /// Sets the request id.
    #[must_use]
    pub fn with_request_id(mut self, request_id: impl Into<String>) -> Self {
        self.request_id = Some(request_id.into());
        self
    }
}

/// A document that was read, everything found wrong with it, and how it was read.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReadOutcome {
    /// The normalized document.
    pub document: Document,
    /// Findings of mapping (values that did not parse, confidences out of range) and of
    /// validation, in that order.
    pub findings: ValidationReport,
    /// Facts about the provider call.
    pub meta: ResponseMeta,
}

impl ReadOutcome {
    /// Validates `document` under `options` and appends the findings to those collected while
    /// mapping the provider's response.
    pub fn validated(
        document: Document,
        mut mapping_findings: ValidationReport,
        options: &ReadOptions,
        meta: ResponseMeta,
    ) -> Self {
        let mut options = options.clone();
        if options.reference_date.is_none() {
            options.reference_date = Some(chrono::Utc::now().date_naive());
        }
        mapping_findings.extend(crate::validate::validate(&document, &options));
        Self {
            document,
            findings: mapping_findings,
            meta,
        }
    }
}

/// Reads tax documents through one provider and returns them normalized and validated.
///
/// The trait is object-safe (like object_store's `ObjectStore`), so applications can hold a
/// [`DynDocumentReader`] chosen at run time; what a reader can do is data in its
/// [`Capabilities`], not a set of methods.
///
/// Implementations prepare the input with [`DocumentInput::prepare`] (so a wrong file never
/// reaches the provider), call the provider with retries ([`crate::retry::Retrier`]), map the
/// response onto [`Document`] keeping every value that does not parse as raw text with a
/// finding, and build the result with [`ReadOutcome::validated`].
#[async_trait::async_trait]
pub trait DocumentReader: fmt::Debug + Send + Sync {
    /// The provider behind this reader.
    fn provider(&self) -> ProviderId;

    /// What this reader can read and accept.
    fn capabilities(&self) -> &Capabilities;

    /// Reads `input` into a normalized, validated document.
    ///
    /// Errors are for reads that could not happen (bad input, auth, quota, network); problems
    /// with the document itself come back as findings in the outcome.
    async fn read(&self, input: DocumentInput, options: &ReadOptions)
    -> Result<ReadOutcome, Error>;
}

/// A reader chosen at run time.
pub type DynDocumentReader = dyn DocumentReader;

#[async_trait::async_trait]
impl<T: DocumentReader + ?Sized> DocumentReader for Arc<T> {
    fn provider(&self) -> ProviderId {
        (**self).provider()
    }

    fn capabilities(&self) -> &Capabilities {
        (**self).capabilities()
    }

    async fn read(
        &self,
        input: DocumentInput,
        options: &ReadOptions,
    ) -> Result<ReadOutcome, Error> {
        (**self).read(input, options).await
    }
}

#[async_trait::async_trait]
impl<T: DocumentReader + ?Sized> DocumentReader for Box<T> {
    fn provider(&self) -> ProviderId {
        (**self).provider()
    }

    fn capabilities(&self) -> &Capabilities {
        (**self).capabilities()
    }

    async fn read(
        &self,
        input: DocumentInput,
        options: &ReadOptions,
    ) -> Result<ReadOutcome, Error> {
        (**self).read(input, options).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;

    #[test]
    fn unsupported_kinds_are_refused_before_sending() {
        let caps = Capabilities::default().with_document_kinds([DocumentKind::NpwpCard]);
        assert!(caps.ensure_supports(None).is_ok());
        assert!(caps.ensure_supports(Some(DocumentKind::NpwpCard)).is_ok());
        let err = caps
            .ensure_supports(Some(DocumentKind::CnVatInvoice))
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Unsupported);
        assert!(err.message().contains("cn_vat_invoice"));
    }

    #[test]
    fn validated_outcomes_keep_mapping_findings_first() {
        let mut mapping = ValidationReport::new();
        mapping.warning("npwp", "field.unparsed", "kept as text");
        let options = ReadOptions::default().with_expected_kind(DocumentKind::CnVatInvoice);
        let outcome = ReadOutcome::validated(
            Document::NpwpCard(crate::document::NpwpCard::default()),
            mapping,
            &options,
            ResponseMeta::new(ProviderId::Local, 1, Duration::ZERO),
        );
        let rules: Vec<_> = outcome.findings.iter().map(|f| f.rule.as_str()).collect();
        assert_eq!(rules.first(), Some(&"field.unparsed"));
        assert!(rules.contains(&"document.kind"));
    }
}
