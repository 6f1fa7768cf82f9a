//! The OnlinePajak VAT combination: invoice type, transaction type, transaction detail and
//! additional info, and the rules that tie them together.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::additional_info::AdditionalInfo;
use crate::id::TransactionCode;
use crate::{RuleConfig, Severity, ValidationReport};

/// Sales or purchase (`invoiceType` `A` / `B`).
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub enum InvoiceType {
    /// `A`: a sale; the counterparty is the customer.
    #[serde(rename = "A")]
    Sales,
    /// `B`: a purchase; the counterparty is the supplier.
    #[serde(rename = "B")]
    Purchase,
}

/// The OnlinePajak `transactionType` (the SPT Masa PPN 1111 schedule the invoice belongs to).
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub enum TransactionType {
    /// `1` (purchase): import of goods or use of foreign services.
    #[serde(rename = "1")]
    Import,
    /// `2` (purchase): domestic purchase with creditable input VAT.
    #[serde(rename = "2")]
    DomesticPurchase,
    /// `3` (purchase): input VAT that is not creditable or has a facility.
    #[serde(rename = "3")]
    NonCreditablePurchase,
    /// `4` (sale): export.
    #[serde(rename = "4")]
    Export,
    /// `5` (sale): domestic sale with a Faktur Pajak.
    #[serde(rename = "5")]
    DomesticSale,
}

impl TransactionType {
    /// The numeric code, 1–5.
    pub fn code(self) -> u8 {
        match self {
            Self::Import => 1,
            Self::DomesticPurchase => 2,
            Self::NonCreditablePurchase => 3,
            Self::Export => 4,
            Self::DomesticSale => 5,
        }
    }

    /// The invoice type the transaction type belongs to.
    pub fn invoice_type(self) -> InvoiceType {
        match self {
            Self::Import | Self::DomesticPurchase | Self::NonCreditablePurchase => {
                InvoiceType::Purchase
            }
            Self::Export | Self::DomesticSale => InvoiceType::Sales,
        }
    }

    /// True when the transaction detail is the kode transaksi of a faktur (5, 2 and 3).
    pub fn detail_is_transaction_code(self) -> bool {
        matches!(
            self,
            Self::DomesticSale | Self::DomesticPurchase | Self::NonCreditablePurchase
        )
    }
}

/// The tax document type (`documentType`).
#[non_exhaustive]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub enum DocumentType {
    /// `1`: a normal Faktur Pajak.
    #[default]
    #[serde(rename = "1")]
    Normal,
    /// `2`: import declaration (PIB) with tax payment slip (SSP).
    #[serde(rename = "2")]
    PibAndSsp,
    /// `3`: tax payment slip (Surat Setoran Pajak).
    #[serde(rename = "3")]
    Ssp,
    /// `5`: a document treated as a Faktur Pajak (dokumen yang dipersamakan).
    #[serde(rename = "5")]
    EquivalentDocument,
    /// `8`: import declaration (Pemberitahuan Impor Barang).
    #[serde(rename = "8")]
    Pib,
}

impl DocumentType {
    /// True for the import documents (2, 3 and 8).
    pub fn is_import_document(self) -> bool {
        matches!(self, Self::PibAndSsp | Self::Ssp | Self::Pib)
    }
}

/// An OnlinePajak VAT combination such as `A-5-1` (domestic sale, kode transaksi 01).
///
/// ```
/// use chrono::NaiveDate;
/// use tax_core::RuleConfig;
/// use tax_core::id::efaktur::{Combination, DocumentType, InvoiceType, TransactionType};
///
/// let combination = Combination {
///     invoice_type: InvoiceType::Sales,
///     transaction_type: TransactionType::DomesticSale,
///     transaction_detail: 7,
///     additional_info_id: None,
/// };
/// let date = NaiveDate::from_ymd_opt(2024, 5, 1).unwrap();
/// let report = combination.validate(DocumentType::Normal, date, &RuleConfig::default());
/// assert!(report.contains_rule("efaktur.additional_info.missing"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Combination {
    /// `A` (sales) or `B` (purchase).
    pub invoice_type: InvoiceType,
    /// `1`–`3` for purchases, `4`–`5` for sales.
    pub transaction_type: TransactionType,
    /// The combination's detail number; for transaction types 5, 2 and 3 the kode transaksi
    /// (1–10) of the faktur.
    pub transaction_detail: u8,
    /// Keterangan tambahan index, required for combinations 5-7-x (1–27) and 5-8-x (1–10)
    /// and absent otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub additional_info_id: Option<u8>,
}

impl Combination {
    /// The kode transaksi named by the detail, for the transaction types whose detail is one.
    pub fn transaction_code(&self) -> Option<TransactionCode> {
        if self.transaction_type.detail_is_transaction_code() {
            TransactionCode::from_code(self.transaction_detail)
        } else {
            None
        }
    }

    /// The additional-info entry, when the combination carries a valid one.
    pub fn additional_info(&self) -> Option<AdditionalInfo> {
        AdditionalInfo::new(self.transaction_code()?, self.additional_info_id?)
    }

    /// True when the faktur must show zero PPN: export, or kode transaksi 07/08.
    pub fn is_zero_rated(&self) -> bool {
        self.transaction_type == TransactionType::Export
            || self
                .transaction_code()
                .is_some_and(TransactionCode::requires_additional_info)
    }

    /// Checks the combination for an invoice of `document_type` dated `date`.
    ///
    /// Rules (paths are the JSON field names):
    /// - `efaktur.combination.type_pair` (error): only `A` with 4/5 and `B` with 1/2/3;
    /// - `efaktur.combination.detail` (warning, inferred mapping): for 5, 2 and 3 the detail
    ///   is a kode transaksi 1–10;
    /// - `efaktur.transaction_code.date` (error): kode 10 before 2025-01-01;
    /// - `efaktur.additional_info.missing` / `.unexpected` / `.range` (error): additional info
    ///   is required exactly for 5-7 and 5-8, within 1–27 and 1–10;
    /// - `efaktur.combination.document_type` (warning, inferred): import documents (2, 3, 8)
    ///   belong to imports (B-1) and imports use them.
    pub fn validate(
        &self,
        document_type: DocumentType,
        date: NaiveDate,
        config: &RuleConfig,
    ) -> ValidationReport {
        let mut report = ValidationReport::new();
        if self.transaction_type.invoice_type() != self.invoice_type {
            report.add_configured(
                config,
                Severity::Error,
                "transactionType",
                "efaktur.combination.type_pair",
                format!(
                    "transaction type {} does not belong to invoice type {}",
                    self.transaction_type.code(),
                    invoice_letter(self.invoice_type)
                ),
            );
        }
        let code = self.transaction_code();
        if self.transaction_type.detail_is_transaction_code() {
            match code {
                None => report.add_configured(
                    config,
                    Severity::Warning,
                    "transactionDetail",
                    "efaktur.combination.detail",
                    format!(
                        "detail {} is not a kode transaksi 1-10",
                        self.transaction_detail
                    ),
                ),
                Some(code) if !code.is_valid_on(date) => report.add_configured(
                    config,
                    Severity::Error,
                    "transactionDetail",
                    "efaktur.transaction_code.date",
                    format!("kode transaksi {code} is not valid on {date}"),
                ),
                Some(_) => {}
            }
        }
        self.check_additional_info(code, config, &mut report);
        let is_import = self.transaction_type == TransactionType::Import;
        if document_type.is_import_document() != is_import
            && document_type != DocumentType::EquivalentDocument
        {
            report.add_configured(
                config,
                Severity::Warning,
                "documentType",
                "efaktur.combination.document_type",
                if is_import {
                    "imports are documented by PIB and/or SSP (document type 2, 3 or 8)"
                } else {
                    "document types 2, 3 and 8 are import documents"
                },
            );
        }
        report
    }

    fn check_additional_info(
        &self,
        code: Option<TransactionCode>,
        config: &RuleConfig,
        report: &mut ValidationReport,
    ) {
        let needs_info = self.transaction_type == TransactionType::DomesticSale
            && code.is_some_and(TransactionCode::requires_additional_info);
        match (needs_info, self.additional_info_id) {
            (true, None) => report.add_configured(
                config,
                Severity::Error,
                "additionalInfoId",
                "efaktur.additional_info.missing",
                "combinations 5-7 and 5-8 need an additional-info id",
            ),
            (false, Some(id)) => report.add_configured(
                config,
                Severity::Error,
                "additionalInfoId",
                "efaktur.additional_info.unexpected",
                format!("additional-info id {id} is only used with combinations 5-7 and 5-8"),
            ),
            (true, Some(id)) if self.additional_info().is_none() => {
                let max = code
                    .and_then(TransactionCode::max_additional_info)
                    .unwrap_or(0);
                report.add_configured(
                    config,
                    Severity::Error,
                    "additionalInfoId",
                    "efaktur.additional_info.range",
                    format!("additional-info id {id} is not 1-{max}"),
                );
            }
            _ => {}
        }
    }
}

fn invoice_letter(invoice_type: InvoiceType) -> &'static str {
    match invoice_type {
        InvoiceType::Sales => "A",
        InvoiceType::Purchase => "B",
    }
}
