//! The `local` reader: born-digital documents read offline, with no credentials, network,
//! system library or model.
//!
//! [`LocalReader`] takes a PDF (its text layer with positions, and QR codes drawn as images
//! or vector paths) or a PNG/JPEG image (its QR code) through [`taxdoc_extract`] and
//! recognizes:
//!
//! - Indonesian Faktur Pajak, in the DJP e-Faktur layout (until 2024) and the Coretax layout
//!   (since 2025);
//! - Chinese VAT e-invoices, legacy (with 发票代码) and fully digital (数电票);
//! - commercial invoices in English and Indonesian.
//!
//! Values are found by their printed labels and relative positions, not by coordinates, so
//! spacing, fonts and page sizes may differ. A value decoded from a QR code has confidence
//! 0.99 (as has a text value the QR code confirms), a labeled text value 0.95, a value placed
//! by layout alone (table columns) 0.85. When a QR code disagrees with the text the text is
//! kept with confidence 0.5 and a [`QR_MISMATCH`] warning. An input with no text layer and no
//! QR code (a scan or a photo) fails with [`ErrorKind::NeedsOcr`]: nothing is invented.
//!
//! ```no_run
//! use tax_facade::providers::local::LocalReader;
//! use tax_facade::ReadOptions;
//!
//! let bytes = std::fs::read("faktur.pdf").unwrap();
//! let outcome = LocalReader::new().read_bytes(&bytes, &ReadOptions::default())?;
//! for (path, field) in outcome.document.fields() {
//!     if let Some(value) = field.value_text() {
//!         println!("{path}: {value}");
//!     }
//! }
//! # Ok::<(), tax_facade::Error>(())
//! ```

pub mod capabilities;
mod classify;
mod cn_invoice;
mod cn_items;
mod cn_qr;
mod commercial;
mod commercial_table;
mod dates;
mod faktur;
mod faktur_items;
mod fields;
mod geometry;
mod layout;
mod numbers;
mod qr;
mod table;
#[cfg(test)]
mod test_support;
mod text;

use std::time::Instant;

use async_trait::async_trait;
use tax_core::ValidationReport;
use taxdoc_extract::{ExtractError, ExtractOptions, Extraction};

use crate::document::{Document, DocumentKind};
use crate::error::{Error, ErrorKind};
use crate::input::{DocumentInput, PreparedInput};
use crate::provider::ProviderId;
use crate::reader::{Capabilities, DocumentReader, ReadOptions, ReadOutcome, ResponseMeta};

/// Rule code of the warning added when a value decoded from a QR code differs from the value
/// printed in the text (the Faktur Pajak validation URL's NPWP or serial number, or a Chinese
/// invoice QR payload's type, code, number, date, check code or amount). The text value is
/// kept, with confidence 0.5; the message names both values.
pub const QR_MISMATCH: &str = "local.qr_mismatch";

/// Reads born-digital Faktur Pajak, Chinese VAT e-invoices and commercial invoices offline.
///
/// Needs no configuration; cheap to clone. Reading runs on a blocking thread so the async
/// runtime is never stalled; [`LocalReader::read_bytes`] is the synchronous core.
///
/// ```
/// use tax_facade::providers::local::LocalReader;
/// use tax_facade::{DocumentKind, DocumentReader, ErrorKind, ProviderId, ReadOptions};
///
/// let reader = LocalReader::new();
/// assert_eq!(reader.provider(), ProviderId::Local);
/// assert!(reader.capabilities().supports(DocumentKind::FakturPajak));
/// let error = reader.read_bytes(b"<html></html>", &ReadOptions::default()).unwrap_err();
/// assert_eq!(error.kind(), ErrorKind::InvalidInput);
/// ```
#[derive(Debug, Clone)]
pub struct LocalReader {
    options: ExtractOptions,
    capabilities: Capabilities,
}

impl Default for LocalReader {
    fn default() -> Self {
        Self::new()
    }
}

impl LocalReader {
    /// A reader with the default extraction limits.
    pub fn new() -> Self {
        Self::with_options(ExtractOptions::default())
    }

    /// A reader with the given extraction limits and tuning.
    pub fn with_options(options: ExtractOptions) -> Self {
        Self {
            options,
            capabilities: capabilities::capabilities(),
        }
    }

    /// Reads a document from its bytes: extraction, recognition and validation, without a
    /// runtime.
    ///
    /// Fails with [`ErrorKind::InvalidInput`] for bytes that are not a readable PDF, PNG or
    /// JPEG (or exceed a limit), [`ErrorKind::NeedsOcr`] for a scan or photo without a text
    /// layer or QR code, and [`ErrorKind::Unsupported`] when no known document is recognized
    /// or `options.expected_kind` is a kind this reader does not read.
    pub fn read_bytes(&self, bytes: &[u8], options: &ReadOptions) -> Result<ReadOutcome, Error> {
        let started = Instant::now();
        let tag = |error: Error| error.with_provider(ProviderId::Local);
        self.capabilities
            .ensure_supports(options.expected_kind)
            .map_err(tag)?;
        self.check_size(bytes.len()).map_err(tag)?;
        let extraction = taxdoc_extract::extract(bytes, &self.options)
            .map_err(|error| tag(extract_error(&error)))?;
        let (document, findings) = recognize(&extraction, options.expected_kind).map_err(tag)?;
        let meta = ResponseMeta::new(ProviderId::Local, 1, started.elapsed());
        Ok(ReadOutcome::validated(document, findings, options, meta))
    }

    fn check_size(&self, len: usize) -> Result<(), Error> {
        let len = u64::try_from(len).unwrap_or(u64::MAX);
        if len == 0 {
            return Err(Error::new(ErrorKind::InvalidInput, "the file is empty"));
        }
        match self.capabilities.max_bytes {
            Some(max) if len > max => Err(Error::new(
                ErrorKind::InvalidInput,
                format!("the file is {len} bytes; the local reader reads at most {max} bytes"),
            )),
            _ => Ok(()),
        }
    }
}

/// The error for a document that could not be extracted.
fn extract_error(error: &ExtractError) -> Error {
    Error::new(ErrorKind::InvalidInput, error.to_string())
}

/// The document in `extraction`, of `expected` kind when given, else of the kind recognized.
fn recognize(
    extraction: &Extraction,
    expected: Option<DocumentKind>,
) -> Result<(Document, ValidationReport), Error> {
    if extraction.is_empty() {
        return Err(Error::new(
            ErrorKind::NeedsOcr,
            "no text layer and no QR code: this looks like a scan or photo; read it with an OCR \
             provider (glair, huawei-ocr, deepfinch)",
        ));
    }
    let layout = layout::Layout::new(extraction);
    let qr_codes = qr::qr_spans(extraction);
    let evidence = classify::Evidence::new(
        layout.texts(),
        qr_codes.iter().map(|code| code.text.clone()),
    );
    let kind = expected.or_else(|| classify::classify(&evidence));
    match kind {
        Some(DocumentKind::FakturPajak) => {
            let (faktur, findings) = faktur::recognize(&layout, &qr_codes);
            Ok((Document::FakturPajak(faktur), findings))
        }
        Some(DocumentKind::CnVatInvoice) => {
            let (invoice, findings) = cn_invoice::recognize(&layout, &qr_codes);
            Ok((Document::CnVatInvoice(invoice), findings))
        }
        Some(DocumentKind::CommercialInvoice) => {
            let (invoice, findings) = commercial::recognize(&layout);
            Ok((Document::CommercialInvoice(invoice), findings))
        }
        Some(other) => Err(Error::new(
            ErrorKind::Unsupported,
            format!("the local reader cannot read a {other}"),
        )),
        None if layout.len() == 0 => Err(Error::new(
            ErrorKind::Unsupported,
            "the document has no text layer and its QR code holds neither a Chinese invoice \
             payload nor a DJP validation URL",
        )),
        None => Err(Error::new(
            ErrorKind::Unsupported,
            "no known document was recognized: looked for a Faktur Pajak (`Faktur Pajak` with \
             `Kode dan Nomor Seri`), a Chinese VAT invoice (`发票` with `发票号码` or `开票日期`) \
             and a commercial invoice (`INVOICE`, `FAKTUR`, `Tagihan` with a total)",
        )),
    }
}

#[async_trait]
impl DocumentReader for LocalReader {
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
        let prepared = self
            .capabilities
            .admit(ProviderId::Local, input, options.expected_kind)
            .await?;
        let PreparedInput::Upload(upload) = prepared else {
            return Err(Error::new(
                ErrorKind::Unsupported,
                "the local reader reads files and bytes, not URLs",
            )
            .with_provider(ProviderId::Local));
        };
        let bytes = upload.bytes().clone();
        let reader = self.clone();
        let options = options.clone();
        tokio::task::spawn_blocking(move || reader.read_bytes(&bytes, &options))
            .await
            .map_err(|error| {
                Error::new(
                    ErrorKind::UnexpectedResponse,
                    format!("the local reader stopped before finishing: {error}"),
                )
                .with_provider(ProviderId::Local)
            })?
    }
}

#[cfg(test)]
mod tests;
