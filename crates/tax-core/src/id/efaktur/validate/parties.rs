//! Checks of the parties, the faktur number and the tax period.

use chrono::Datelike;

use super::Checker;
use crate::Severity;
use crate::id::calendar::CORETAX_FROM;
use crate::id::efaktur::TaxPeriod;
use crate::id::efaktur::combination::{InvoiceType, TransactionType};
use crate::id::{FakturFormat, FakturStatus, Npwp};

/// Months after the invoice month in which a purchase's input VAT may still be credited
/// (UU PPN Pasal 9(9)).
const CREDIT_WINDOW_MONTHS: i32 = 3;

impl Checker<'_> {
    pub(super) fn counterparty(&mut self) {
        let invoice = self.invoice;
        let npwp = &invoice.counterparty_npwp;
        if !npwp.has_valid_checksum() {
            self.add(
                Severity::Warning,
                "counterpartyNpwp",
                Npwp::RULE_CHECKSUM,
                format!("NPWP {npwp} does not pass the Luhn check"),
            );
        }
        if let Some(nik) = npwp.nik() {
            self.report
                .extend_prefixed("counterpartyNpwp", nik.validate(self.config));
        }
        let domestic_purchase = matches!(
            invoice.combination.transaction_type,
            TransactionType::DomesticPurchase | TransactionType::NonCreditablePurchase
        );
        if domestic_purchase && npwp.is_placeholder() {
            self.add(
                Severity::Warning,
                "counterpartyNpwp",
                "efaktur.counterparty.placeholder",
                "a domestic purchase names the supplier's NPWP, not the placeholder",
            );
        }
        if invoice.counterparty_name.trim().is_empty() {
            self.add(
                Severity::Error,
                "counterpartyName",
                "efaktur.counterparty.name",
                "counterparty name is empty",
            );
        }
    }

    pub(super) fn faktur_number(&mut self) {
        let invoice = self.invoice;
        let combination = &invoice.combination;
        let date = invoice.invoice_date;
        let Some(number) = invoice.faktur_number else {
            let required = match combination.transaction_type {
                TransactionType::DomesticSale => date < CORETAX_FROM,
                TransactionType::DomesticPurchase | TransactionType::NonCreditablePurchase => true,
                _ => false,
            };
            if required {
                self.add(
                    Severity::Error,
                    "fakturNumber",
                    "efaktur.faktur_number.missing",
                    "faktur number is required",
                );
            }
            return;
        };
        match number.format() {
            FakturFormat::Coretax if date < CORETAX_FROM => self.add(
                Severity::Error,
                "fakturNumber",
                "efaktur.faktur_number.coretax_before_2025",
                format!("17-digit Coretax number on an invoice dated {date}"),
            ),
            FakturFormat::Legacy if date >= CORETAX_FROM => self.add(
                Severity::Warning,
                "fakturNumber",
                "efaktur.faktur_number.legacy_after_2024",
                format!("16-digit legacy number on an invoice dated {date}"),
            ),
            _ => {}
        }
        if let Some(code) = combination.transaction_code()
            && code != number.transaction_code()
        {
            self.add(
                Severity::Warning,
                "fakturNumber",
                "efaktur.faktur_number.code_mismatch",
                format!(
                    "faktur number has kode transaksi {}, the combination says {code}",
                    number.transaction_code()
                ),
            );
        }
        let year = u8::try_from(date.year().rem_euclid(100)).unwrap_or(0);
        if number.year() != year {
            self.add(
                Severity::Warning,
                "fakturNumber",
                "efaktur.faktur_number.year",
                format!(
                    "faktur number year {:02} differs from invoice year {}",
                    number.year(),
                    date.year()
                ),
            );
        }
        let replacement = number.status() == FakturStatus::Replacement;
        if number.format() == FakturFormat::Legacy && replacement != (invoice.revision > 0) {
            self.add(
                Severity::Warning,
                "fakturNumber",
                "efaktur.faktur_number.status_revision",
                format!(
                    "status {} does not match revision {} (a replacement faktur has status 1 and a revision above 0)",
                    number.status_code(),
                    invoice.revision
                ),
            );
        }
        if number.serial() == 0 {
            self.add(
                Severity::Warning,
                "fakturNumber",
                "efaktur.faktur_number.serial_zero",
                "faktur serial is zero",
            );
        }
    }

    pub(super) fn tax_period(&mut self) {
        let invoice = self.invoice;
        let Some(invoice_period) = TaxPeriod::of_date(invoice.invoice_date) else {
            self.add(
                Severity::Error,
                "invoiceDate",
                "efaktur.invoice_date.range",
                format!(
                    "invoice date {} is outside years 0000-9999",
                    invoice.invoice_date
                ),
            );
            return;
        };
        let months = invoice.tax_period.months_since(invoice_period);
        if months < 0 {
            self.add(
                Severity::Error,
                "taxPeriod",
                "efaktur.tax_period.before_invoice",
                format!(
                    "tax period {} is before the invoice date {}",
                    invoice.tax_period, invoice.invoice_date
                ),
            );
            return;
        }
        match invoice.combination.invoice_type {
            InvoiceType::Sales if months != 0 => self.add(
                Severity::Warning,
                "taxPeriod",
                "efaktur.tax_period.sales_month",
                format!("a sale dated {} is reported in its own month, not {}", invoice.invoice_date, invoice.tax_period),
            ),
            InvoiceType::Purchase if months > CREDIT_WINDOW_MONTHS => self.add(
                Severity::Warning,
                "taxPeriod",
                "efaktur.tax_period.credit_window",
                format!("input VAT is credited at most {CREDIT_WINDOW_MONTHS} months after the invoice month"),
            ),
            _ => {}
        }
    }
}
