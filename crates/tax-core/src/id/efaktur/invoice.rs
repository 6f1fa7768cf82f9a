//! The invoice to file, and its totals.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize};

use super::combination::{Combination, DocumentType};
use super::tax_period::TaxPeriod;
use crate::Rupiah;
use crate::id::ppn::{self, GoodsClass, PpnRate};
use crate::id::{FakturNumber, ItemLine, Npwp, items};

/// Whether an invoice is a down-payment faktur or the final faktur after down payments.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum DownPaymentKind {
    /// A faktur for a down payment (*uang muka*): the tax base is the down payment amount,
    /// the items describe the whole contract.
    DownPayment,
    /// The final faktur (*pelunasan*): the tax base is the items' total less the down
    /// payments already invoiced.
    FinalPayment,
}

/// Down-payment information of an invoice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct DownPayment {
    /// Down payment or final payment.
    pub kind: DownPaymentKind,
    /// For a down payment, the amount invoiced now; for a final payment, the sum of the down
    /// payments invoiced before. Before tax.
    pub amount: Rupiah,
}

/// An Indonesian VAT invoice to file through an e-Faktur provider.
///
/// This is the JSON input of `taxdoc file`. Field names are camelCase; the combination fields
/// (`invoiceType`, `transactionType`, `transactionDetail`, `additionalInfoId`) sit at the top
/// level. Compared with the OnlinePajak create-invoice request, `npwp` is
/// `counterpartyNpwp`, `vendor` is `counterpartyName`, `documentNumber` is `fakturNumber`,
/// `masaPajak`/`tahunPajak` are one `taxPeriod` (`MM/YYYY`), `invoiceItems` is `items` and
/// `transactionDetail` is a number. Decimal fields accept a string or a JSON number.
///
/// `counterpartyNpwp` is read even when its check digit fails, so that
/// [`EFakturInvoice::validate`] can report that as the configurable rule `npwp.checksum`.
///
/// ```
/// use tax_core::RuleConfig;
/// use tax_core::id::efaktur::EFakturInvoice;
///
/// let invoice: EFakturInvoice = serde_json::from_str(r#"{
///     "invoiceNumber": "my-invoice-1234",
///     "invoiceDate": "2017-02-27",
///     "dueDate": "2017-02-28",
///     "invoiceType": "A",
///     "transactionType": "5",
///     "transactionDetail": 1,
///     "documentType": "1",
///     "counterpartyNpwp": "01.000.521.8-093.010",
///     "counterpartyName": "PT Dreamland",
///     "fakturNumber": "010.000-17.00000004",
///     "taxPeriod": "02/2017",
///     "revision": 0,
///     "vatRate": "10",
///     "items": [
///         {"description": "Test Item 1", "quantity": "2", "unitPrice": "100000"},
///         {"description": "Test Item 2", "quantity": "2", "unitPrice": "200000"}
///     ]
/// }"#)?;
/// let totals = invoice.totals().unwrap();
/// assert_eq!(totals.gross.to_string(), "600000");
/// assert_eq!(totals.grand_total.to_string(), "660000");
/// let report = invoice.validate(&RuleConfig::default());
/// assert!(!report.has_errors());
/// assert!(report.contains_rule("npwp.checksum")); // the sample NPWP fails the Luhn check
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct EFakturInvoice {
    /// The commercial invoice number (e.g. `FP/2015/03/0000235`).
    pub invoice_number: String,
    /// Invoice date, the tax point (`YYYY-MM-DD`).
    pub invoice_date: NaiveDate,
    /// Due date (`YYYY-MM-DD`), not before the invoice date.
    pub due_date: NaiveDate,
    /// The VAT combination.
    #[serde(flatten)]
    pub combination: Combination,
    /// Tax document type, `"1"` (normal) when absent.
    #[serde(default)]
    pub document_type: DocumentType,
    /// The counterparty's NPWP: the customer for sales, the supplier for purchases. All zeros
    /// when the counterparty has none (exports, imports).
    #[serde(deserialize_with = "npwp_keeping_bad_checksum")]
    #[schemars(with = "Npwp")]
    pub counterparty_npwp: Npwp,
    /// The counterparty's name, exactly as in the provider's vendor list.
    pub counterparty_name: String,
    /// The faktur number; absent for Coretax invoices whose number is assigned on upload.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub faktur_number: Option<FakturNumber>,
    /// The tax period the invoice is reported in (`MM/YYYY`).
    pub tax_period: TaxPeriod,
    /// Revision number, 0–9 (0 = original).
    #[serde(default)]
    pub revision: u8,
    /// The PPN rate in percent as filed (10, 11, 12, or 0 for zero-rated supplies).
    pub vat_rate: Decimal,
    /// Luxury or ordinary goods; decides the 2025 tax base. Defaults to non-luxury.
    #[serde(default)]
    pub goods_class: GoodsClass,
    /// PPnBM rate in percent, for luxury goods.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ppnbm_rate: Option<Decimal>,
    /// The item lines.
    pub items: Vec<ItemLine>,
    /// Down-payment information, when the invoice is a down-payment or final faktur.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub down_payment: Option<DownPayment>,
}

fn npwp_keeping_bad_checksum<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Npwp, D::Error> {
    let text = std::borrow::Cow::<'de, str>::deserialize(deserializer)?;
    Npwp::parse_ignoring_checksum(&text).map_err(serde::de::Error::custom)
}

/// The computed amounts of an [`EFakturInvoice`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct EFakturTotals {
    /// Σ line amounts (after line discounts); OnlinePajak `grossAmount`.
    pub gross: Rupiah,
    /// Σ line discounts.
    pub discount: Rupiah,
    /// The tax base of this faktur (DPP): the gross amount, the down payment, or the gross
    /// amount less earlier down payments.
    pub dpp: Rupiah,
    /// DPP Nilai Lain (two decimals), when the rate uses one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other_tax_base: Option<Rupiah>,
    /// PPN, floored to whole rupiah.
    pub ppn: Rupiah,
    /// PPnBM, floored to whole rupiah.
    pub ppnbm: Rupiah,
    /// DPP + PPN + PPnBM; OnlinePajak `grandTotal`.
    pub grand_total: Rupiah,
}

impl EFakturInvoice {
    /// The rate the totals use: the statutory rate for the invoice date when `vatRate`
    /// equals its percentage (so 12 in 2025 applies to DPP Nilai Lain), otherwise `vatRate`
    /// on the full price. `None` when `vatRate` is not between 0 and 100.
    pub fn applied_rate(&self) -> Option<PpnRate> {
        let statutory = ppn::rate_on(self.invoice_date, self.goods_class);
        if statutory.percent() == self.vat_rate {
            Some(statutory)
        } else {
            PpnRate::full(self.vat_rate)
        }
    }

    /// The tax base before PPN: see [`EFakturTotals::dpp`]. `None` on overflow.
    fn dpp(&self, gross: Rupiah) -> Option<Rupiah> {
        match self.down_payment {
            None => Some(gross),
            Some(DownPayment {
                kind: DownPaymentKind::DownPayment,
                amount,
            }) => Some(amount),
            Some(DownPayment {
                kind: DownPaymentKind::FinalPayment,
                amount,
            }) => gross.checked_sub(amount),
        }
    }

    /// Computes gross amount, DPP, PPN, PPnBM and grand total.
    ///
    /// PPN is computed on the faktur total and floored once (the binding figure); summing
    /// floored line taxes can differ by up to one rupiah per line. `None` on arithmetic
    /// overflow or when a rate is not between 0 and 100.
    pub fn totals(&self) -> Option<EFakturTotals> {
        let gross = items::sum_amounts(&self.items)?;
        let discount = items::sum_discounts(&self.items)?;
        let dpp = self.dpp(gross)?;
        let mut breakdown = ppn::compute_with_rate(dpp, self.applied_rate()?)?;
        if let Some(rate) = self.ppnbm_rate {
            if !(Decimal::ZERO..=Decimal::ONE_HUNDRED).contains(&rate) {
                return None;
            }
            breakdown = breakdown.with_ppnbm(rate)?;
        }
        Some(EFakturTotals {
            gross,
            discount,
            dpp,
            other_tax_base: breakdown.other_tax_base,
            ppn: breakdown.ppn,
            ppnbm: breakdown.ppnbm,
            grand_total: breakdown.total()?,
        })
    }
}
