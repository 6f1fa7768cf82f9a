//! Validation run on every read: pure functions from a [`Document`] to findings.
//!
//! Identifiers, dates and cross-field arithmetic are checked with `tax-core`; fields whose
//! confidence is below the threshold are reported too. Findings are data: a document with many
//! problems reports all of them, and severities can be changed or rules switched off through
//! [`ReadOptions::rules`].

mod cn_vat_invoice;
mod commercial_invoice;
mod faktur_pajak;
mod npwp_card;

use chrono::NaiveDate;
use tax_core::{RuleConfig, Severity, ValidationReport};

use crate::document::{Document, Field};
use crate::reader::ReadOptions;

/// Stable codes of the rules this crate adds to those of `tax-core`.
pub mod rules {
    /// A value the provider sent did not parse; it is kept as raw text.
    pub const UNPARSED: &str = "field.unparsed";
    /// The provider's confidence was outside `0..=1` and was clamped.
    pub const CONFIDENCE_OUT_OF_RANGE: &str = "field.confidence_out_of_range";
    /// The provider's confidence in a field is below the threshold.
    pub const LOW_CONFIDENCE: &str = "field.low_confidence";
    /// A field the document always carries is missing.
    pub const MISSING: &str = "field.missing";
    /// The document is not of the kind that was expected.
    pub const KIND_MISMATCH: &str = "document.kind";
    /// A date lies after the reference date.
    pub const DATE_IN_FUTURE: &str = "date.future";
    /// The NIK printed on an NPWP card differs from the NIK the NPWP is based on.
    pub const NPWP_NIK_MISMATCH: &str = "npwp_card.nik_mismatch";
    /// A due date lies before the invoice date.
    pub const DUE_BEFORE_ISSUE: &str = "invoice.due_before_issue";
    /// Quantity × unit price differs from the line total.
    pub const LINE_TOTAL: &str = "invoice.line_total";
    /// The line totals do not add up to the subtotal.
    pub const LINES_SUBTOTAL: &str = "invoice.lines_subtotal";
    /// Subtotal − discount + tax differs from the total.
    pub const TOTAL: &str = "invoice.total";
    /// The VAT differs from the PPN rate in force on the invoice date.
    pub const VAT_RATE: &str = "invoice.vat_rate";
    /// The amount in words does not match the amount in figures.
    pub const TOTAL_WORDS: &str = "invoice.total_words";
    /// Cross-field checks of a Chinese VAT invoice were skipped because fields are missing.
    pub const CN_INCOMPLETE: &str = "cn_vat.incomplete";
    /// The check digit of a Faktur Pajak party's NPWP does not validate (the buyer's all-zero
    /// placeholder is exempt).
    pub const FAKTUR_NPWP_CHECKSUM: &str = "faktur.npwp_checksum";
    /// The year in the Faktur Pajak number differs from the year of its date.
    pub const FAKTUR_NUMBER_YEAR: &str = "faktur.number_year";
    /// A 17-digit Coretax number dated before 2025, or a 16-digit e-Faktur number dated after
    /// 2024.
    pub const FAKTUR_NUMBER_FORMAT: &str = "faktur.number_format";
    /// Quantity × unit price (before or after the line's discount) differs from a Faktur
    /// Pajak line's total.
    pub const FAKTUR_ITEM_TOTAL: &str = "faktur.item_total";
    /// The line totals do not add up to Harga Jual / Penggantian.
    pub const FAKTUR_ITEMS_SUM: &str = "faktur.items_sum";
    /// DPP differs from Harga Jual − Potongan Harga − Uang Muka.
    pub const FAKTUR_TAX_BASE: &str = "faktur.tax_base";
    /// The PPN differs from the rate in force on the date applied to DPP (floored, within one
    /// rupiah per line).
    pub const FAKTUR_VAT: &str = "faktur.vat";
    /// The printed DPP Nilai Lain differs from 11/12 of DPP.
    pub const FAKTUR_OTHER_TAX_BASE: &str = "faktur.other_tax_base";
}

/// Validates `document` under `options`, returning every finding.
///
/// ```
/// use tax_facade::document::{Document, NpwpCard};
/// use tax_facade::{DocumentKind, ReadOptions};
///
/// let document = Document::NpwpCard(NpwpCard::default());
/// let options = ReadOptions::default().with_expected_kind(DocumentKind::CnVatInvoice);
/// let findings = tax_facade::validate::validate(&document, &options);
/// assert!(findings.contains_rule("document.kind"));
/// assert!(findings.contains_rule("field.missing"));
/// ```
pub fn validate(document: &Document, options: &ReadOptions) -> ValidationReport {
    let mut report = ValidationReport::new();
    let config = &options.rules;
    if let Some(expected) = options.expected_kind.filter(|k| *k != document.kind()) {
        report.add_configured(
            config,
            Severity::Error,
            "",
            rules::KIND_MISMATCH,
            format!(
                "expected a {expected}, but the provider returned a {}",
                document.kind()
            ),
        );
    }
    let context = Context {
        config,
        reference_date: options.reference_date,
    };
    match document {
        Document::NpwpCard(card) => npwp_card::validate(card, &context, &mut report),
        Document::CommercialInvoice(invoice) => {
            commercial_invoice::validate(invoice, &context, &mut report);
        }
        Document::CnVatInvoice(invoice) => cn_vat_invoice::validate(invoice, &context, &mut report),
        Document::FakturPajak(invoice) => faktur_pajak::validate(invoice, &context, &mut report),
    }
    for (path, field) in document.fields() {
        if let Some(confidence) = field
            .confidence()
            .filter(|c| *c < options.low_confidence_threshold)
        {
            report.add_configured(
                config,
                Severity::Info,
                path,
                rules::LOW_CONFIDENCE,
                format!(
                    "confidence {confidence} is below {}",
                    options.low_confidence_threshold
                ),
            );
        }
    }
    report
}

/// What the per-document validators share.
struct Context<'a> {
    config: &'a RuleConfig,
    reference_date: Option<NaiveDate>,
}

impl Context<'_> {
    /// Reports a required field the provider did not return.
    fn require<T>(&self, field: &Field<T>, path: &str, report: &mut ValidationReport) {
        if field.is_empty() {
            report.add_configured(
                self.config,
                Severity::Warning,
                path,
                rules::MISSING,
                "the provider returned no value",
            );
        }
    }

    /// Reports a date after the reference date.
    fn not_in_future(&self, date: &Field<NaiveDate>, path: &str, report: &mut ValidationReport) {
        if let (Some(date), Some(today)) = (date.get(), self.reference_date)
            && *date > today
        {
            report.add_configured(
                self.config,
                Severity::Warning,
                path,
                rules::DATE_IN_FUTURE,
                format!("{date} is after {today}"),
            );
        }
    }
}
