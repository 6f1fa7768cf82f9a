//! Cross-field validation of an [`EFakturInvoice`].

mod amounts;
mod parties;

use super::invoice::EFakturInvoice;
use crate::{RuleConfig, Severity, ValidationReport};

/// Collects findings for one invoice.
struct Checker<'a> {
    invoice: &'a EFakturInvoice,
    config: &'a RuleConfig,
    report: ValidationReport,
}

impl Checker<'_> {
    fn add(
        &mut self,
        default: Severity,
        path: impl Into<String>,
        rule: &str,
        message: impl Into<String>,
    ) {
        self.report
            .add_configured(self.config, default, path, rule, message);
    }
}

impl EFakturInvoice {
    /// Checks the invoice and reports every problem found; an empty report means the invoice
    /// satisfies every rule.
    ///
    /// Paths are JSON field paths such as `"items[1].discount"`. Rules inferred rather than
    /// published default to [`Severity::Warning`]; every rule can be re-graded or switched off
    /// through `config`. Rule codes:
    ///
    /// | rule | default | checks |
    /// |---|---|---|
    /// | `efaktur.invoice_number.empty` | error | invoice number given |
    /// | `efaktur.due_date.before_invoice` | error | due date not before invoice date |
    /// | `efaktur.combination.*`, `efaktur.additional_info.*`, `efaktur.transaction_code.date` | see [`super::Combination::validate`] | combination |
    /// | `npwp.checksum` | warning | counterparty NPWP check digit |
    /// | `nik.serial_zero` | warning | NIK-based counterparty NPWP serial |
    /// | `efaktur.counterparty.placeholder` | warning | domestic purchases name a supplier NPWP |
    /// | `efaktur.counterparty.name` | error | counterparty name given |
    /// | `efaktur.faktur_number.missing` | error | number given for legacy sales and all domestic purchases |
    /// | `efaktur.faktur_number.coretax_before_2025` | error | 17-digit numbers only from 2025 |
    /// | `efaktur.faktur_number.legacy_after_2024` | warning | 16-digit numbers only until 2024 |
    /// | `efaktur.faktur_number.code_mismatch` | warning | number's kode transaksi = transaction detail |
    /// | `efaktur.faktur_number.year` | warning | number's year = invoice year |
    /// | `efaktur.faktur_number.status_revision` | warning | replacement status ⇔ revision > 0 |
    /// | `efaktur.faktur_number.serial_zero` | warning | serial not zero |
    /// | `efaktur.invoice_date.range` | error | invoice year within 0000–9999 |
    /// | `efaktur.tax_period.before_invoice` | error | period not before the invoice month |
    /// | `efaktur.tax_period.sales_month` | warning | sales reported in the invoice month |
    /// | `efaktur.tax_period.credit_window` | warning | purchases credited within 3 months |
    /// | `efaktur.revision.range` | error | revision 0–9 |
    /// | `efaktur.vat_rate.range` | error | 0 ≤ rate ≤ 100 |
    /// | `efaktur.vat_rate.zero_required` | error | kode 07/08 carry 0% |
    /// | `efaktur.vat_rate.export_zero` | warning | exports are zero-rated |
    /// | `efaktur.vat_rate.nonzero_required` | error | other codes carry a rate |
    /// | `efaktur.vat_rate.statutory` | error | rate = statutory rate on the invoice date |
    /// | `efaktur.ppnbm.range`, `efaktur.ppnbm.non_luxury` | error, warning | PPnBM rate |
    /// | `efaktur.items.empty` | error | at least one line |
    /// | `efaktur.item.*` | error (description: warning) | each line |
    /// | `efaktur.down_payment.*` | error | down payment positive and within the total |
    /// | `efaktur.totals.overflow` | error | totals computable |
    pub fn validate(&self, config: &RuleConfig) -> ValidationReport {
        let mut checker = Checker {
            invoice: self,
            config,
            report: ValidationReport::new(),
        };
        checker.header();
        checker.report.extend(
            self.combination
                .validate(self.document_type, self.invoice_date, config)
                .into_findings(),
        );
        checker.counterparty();
        checker.faktur_number();
        checker.tax_period();
        checker.vat_rate();
        checker.items();
        checker.down_payment();
        if self.totals().is_none() && !checker.report.has_errors() {
            checker.add(
                Severity::Error,
                "items",
                "efaktur.totals.overflow",
                "totals overflow",
            );
        }
        checker.report
    }
}

impl Checker<'_> {
    fn header(&mut self) {
        let invoice = self.invoice;
        if invoice.invoice_number.trim().is_empty() {
            self.add(
                Severity::Error,
                "invoiceNumber",
                "efaktur.invoice_number.empty",
                "invoice number is empty",
            );
        }
        if invoice.due_date < invoice.invoice_date {
            self.add(
                Severity::Error,
                "dueDate",
                "efaktur.due_date.before_invoice",
                format!(
                    "due date {} is before invoice date {}",
                    invoice.due_date, invoice.invoice_date
                ),
            );
        }
        if invoice.revision > 9 {
            self.add(
                Severity::Error,
                "revision",
                "efaktur.revision.range",
                format!("revision {} is not a single digit", invoice.revision),
            );
        }
    }
}
