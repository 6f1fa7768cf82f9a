//! The [`InvoiceSubmitter`] trait: filing e-Faktur invoices with a provider, never twice.

use std::fmt;
use std::sync::Arc;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use tax_core::id::efaktur::EFakturInvoice;
use tax_core::{RuleConfig, Rupiah, ValidationReport};

use crate::error::Error;
use crate::provider::ProviderId;
use crate::reader::ResponseMeta;

/// Stable codes of the findings a filing adds to those of `tax-core`'s invoice validation.
pub mod rules {
    /// The provider's gross amount (tax base) differs from the one `tax-core` computed.
    pub const GROSS_MISMATCH: &str = "filing.gross_mismatch";
    /// The provider's grand total differs from the one `tax-core` computed.
    pub const GRAND_TOTAL_MISMATCH: &str = "filing.grand_total_mismatch";
    /// The provider filed the invoice in another tax period than the invoice names.
    pub const TAX_PERIOD_MISMATCH: &str = "filing.tax_period_mismatch";
    /// `tax-core` could not compute the invoice's totals, so they were not compared.
    pub const NOT_RECONCILED: &str = "filing.not_reconciled";
    /// A value in the provider's answer did not parse; it is kept as sent or left out.
    pub const UNPARSED: &str = "filing.unparsed";
}

/// How to validate and file an invoice.
///
/// ```
/// use tax_facade::SubmitOptions;
///
/// let options = SubmitOptions::default();
/// assert!(!options.file_despite_errors);
/// let forced = SubmitOptions::default().with_file_despite_errors(true);
/// assert!(forced.file_despite_errors);
/// ```
#[non_exhaustive]
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SubmitOptions {
    /// Severity overrides for the validation rules and the reconciliation findings
    /// ([`rules`]).
    pub rules: RuleConfig,
    /// Whether to file an invoice whose validation reported error-level findings (default
    /// `false`: such an invoice is refused with
    /// [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput) and nothing is sent).
    pub file_despite_errors: bool,
}

impl SubmitOptions {
    /// Sets the rule overrides.
    #[must_use]
    pub fn with_rules(mut self, rules: RuleConfig) -> Self {
        self.rules = rules;
        self
    }

    /// Sets whether invoices with error-level findings are filed anyway.
    #[must_use]
    pub fn with_file_despite_errors(mut self, file_despite_errors: bool) -> Self {
        self.file_despite_errors = file_despite_errors;
        self
    }
}

/// An invoice as the provider stored it, with the amounts the provider computed.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct FiledInvoice {
    /// The provider's id of the stored invoice.
    pub invoice_id: String,
    /// The commercial invoice number the invoice is filed (and looked up) under.
    pub invoice_number: String,
    /// The invoice date the provider stored, when it sent a valid one.
    pub invoice_date: Option<NaiveDate>,
    /// The provider's gross amount: the tax base before VAT.
    pub gross_amount: Rupiah,
    /// The provider's grand total: tax base plus VAT.
    pub grand_total: Rupiah,
    /// The tax period as the provider sent it (`MM/YYYY`).
    pub tax_period: String,
    /// The provider's revision number, when it sent one.
    pub revision: Option<i64>,
}

impl FiledInvoice {
    /// A filed invoice with the given id, number, amounts and tax period; no date or revision.
    pub fn new(
        invoice_id: impl Into<String>,
        invoice_number: impl Into<String>,
        gross_amount: Rupiah,
        grand_total: Rupiah,
        tax_period: impl Into<String>,
    ) -> Self {
        Self {
            invoice_id: invoice_id.into(),
            invoice_number: invoice_number.into(),
            invoice_date: None,
            gross_amount,
            grand_total,
            tax_period: tax_period.into(),
            revision: None,
        }
    }

    /// Sets the invoice date.
    #[must_use]
    pub fn with_invoice_date(mut self, invoice_date: NaiveDate) -> Self {
        self.invoice_date = Some(invoice_date);
        self
    }

    /// Sets the revision number.
    #[must_use]
    pub fn with_revision(mut self, revision: i64) -> Self {
        self.revision = Some(revision);
        self
    }
}

/// The result of a filing: the stored invoice, every finding, and how it was filed.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SubmitOutcome {
    /// The invoice as the provider stored it.
    pub filed: FiledInvoice,
    /// Validation findings of the invoice, then the differences between the provider's
    /// amounts and those `tax-core` computed ([`rules`]).
    pub findings: ValidationReport,
    /// Facts about the provider calls (attempts count lookups and creates together).
    pub meta: ResponseMeta,
    /// `true` when the invoice number was already filed before this call, so nothing was
    /// created; `false` when this call filed it.
    pub already_filed: bool,
}

impl SubmitOutcome {
    /// An outcome from its parts.
    pub fn new(
        filed: FiledInvoice,
        findings: ValidationReport,
        meta: ResponseMeta,
        already_filed: bool,
    ) -> Self {
        Self {
            filed,
            findings,
            meta,
            already_filed,
        }
    }
}

/// Files e-Faktur invoices with one provider.
///
/// Implementations validate the invoice with `tax-core` first and refuse one with error-level
/// findings (unless [`SubmitOptions::file_despite_errors`]), so a bad invoice never costs a
/// request. Filing is not idempotent on the provider's side, so implementations look the
/// invoice number up before creating and whenever the outcome of a create is unknown; a
/// create is never sent again blindly. The provider's totals are compared with those
/// `tax-core` computed and every difference is reported as a finding.
#[async_trait::async_trait]
pub trait InvoiceSubmitter: fmt::Debug + Send + Sync {
    /// The provider behind this submitter.
    fn provider(&self) -> ProviderId;

    /// Validates, files (never twice), and reconciles the provider's totals with tax-core's.
    async fn submit(
        &self,
        invoice: &EFakturInvoice,
        options: &SubmitOptions,
    ) -> Result<SubmitOutcome, Error>;

    /// Looks an invoice up by its commercial invoice number.
    async fn find(&self, invoice_number: &str) -> Result<Option<FiledInvoice>, Error>;
}

/// A submitter chosen at run time.
pub type DynInvoiceSubmitter = dyn InvoiceSubmitter;

#[async_trait::async_trait]
impl<T: InvoiceSubmitter + ?Sized> InvoiceSubmitter for Arc<T> {
    fn provider(&self) -> ProviderId {
        (**self).provider()
    }

    async fn submit(
        &self,
        invoice: &EFakturInvoice,
        options: &SubmitOptions,
    ) -> Result<SubmitOutcome, Error> {
        (**self).submit(invoice, options).await
    }

    async fn find(&self, invoice_number: &str) -> Result<Option<FiledInvoice>, Error> {
        (**self).find(invoice_number).await
    }
}

#[async_trait::async_trait]
impl<T: InvoiceSubmitter + ?Sized> InvoiceSubmitter for Box<T> {
    fn provider(&self) -> ProviderId {
        (**self).provider()
    }

    async fn submit(
        &self,
        invoice: &EFakturInvoice,
        options: &SubmitOptions,
    ) -> Result<SubmitOutcome, Error> {
        (**self).submit(invoice, options).await
    }

    async fn find(&self, invoice_number: &str) -> Result<Option<FiledInvoice>, Error> {
        (**self).find(invoice_number).await
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    fn filed() -> FiledInvoice {
        FiledInvoice::new(
            "1389133",
            "my-invoice-1234",
            "600000".parse().unwrap(),
            "660000.50".parse().unwrap(),
            "02/2017",
        )
        .with_invoice_date(NaiveDate::from_ymd_opt(2017, 2, 27).unwrap())
        .with_revision(0)
    }

    #[test]
    fn filed_invoices_round_trip_through_json_with_exact_amounts() {
        let json = serde_json::to_value(filed()).unwrap();
        assert_eq!(json["invoice_id"], "1389133");
        assert_eq!(json["invoice_date"], "2017-02-27");
        assert_eq!(json["tax_period"], "02/2017");
        let back: FiledInvoice = serde_json::from_value(json).unwrap();
        assert_eq!(back, filed());
        assert_eq!(back.grand_total.to_string(), "660000.5");
    }

    #[test]
    fn outcomes_serialize_the_filing_facts() {
        let mut findings = ValidationReport::new();
        findings.error("grandTotal", rules::GRAND_TOTAL_MISMATCH, "differs");
        let meta = ResponseMeta::new(ProviderId::OnlinePajak, 2, Duration::from_millis(15));
        let outcome = SubmitOutcome::new(filed(), findings, meta, true);
        let json = serde_json::to_value(&outcome).unwrap();
        assert_eq!(json["already_filed"], true);
        assert_eq!(json["meta"]["provider"], "onlinepajak");
        assert_eq!(json["meta"]["attempts"], 2);
        assert_eq!(json["filed"]["invoice_number"], "my-invoice-1234");
        assert!(
            json["findings"]
                .to_string()
                .contains(rules::GRAND_TOTAL_MISMATCH)
        );
    }

    #[test]
    fn the_schema_describes_every_filed_field() {
        let schema = serde_json::to_value(schemars::schema_for!(FiledInvoice)).unwrap();
        let properties = schema["properties"].as_object().unwrap();
        for field in [
            "invoice_id",
            "invoice_number",
            "invoice_date",
            "gross_amount",
            "grand_total",
            "tax_period",
            "revision",
        ] {
            assert!(
                properties.contains_key(field),
                "{field} missing from {schema}"
            );
        }
    }
}
