//! A Chinese VAT invoice (增值税发票) as a domain value, and its cross-field validation.

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::cn::check_code::CheckCode;
use crate::cn::daxie::{self, WordsMismatch};
use crate::cn::invoice_code::InvoiceCode;
use crate::cn::invoice_number::InvoiceNumber;
use crate::cn::invoice_type::InvoiceType;
use crate::cn::rules;
use crate::cn::taxpayer_id::TaxpayerId;
use crate::cn::vat::{self, INVOICE_TAX_TOLERANCE, LINE_TAX_TOLERANCE, RateValidity};
use crate::cn::vat_rate::VatRate;
use crate::{RuleConfig, Severity, ValidationReport, Yuan};

/// A buyer or seller (购买方 / 销售方).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct VatParty {
    /// Name (名称).
    pub name: String,
    /// Taxpayer ID (纳税人识别号), when printed.
    pub taxpayer_id: Option<TaxpayerId>,
}

/// One goods or services line (货物或应税劳务、服务).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct VatLineItem {
    /// Name of the goods or service (货物或应税劳务、服务名称).
    pub name: String,
    /// Quantity (数量), when printed.
    pub quantity: Option<Decimal>,
    /// Unit price before tax (单价), when printed; may carry up to about 8 decimals.
    pub unit_price: Option<Decimal>,
    /// Amount before tax (金额); negative on discount lines.
    pub amount: Yuan,
    /// Rate (税率/征收率).
    pub rate: VatRate,
    /// Tax (税额); zero for 免税 lines, whose tax column reads `***`.
    pub tax: Yuan,
}

/// A Chinese VAT invoice: the fields every type (paper, electronic, fully digitalised) shares.
///
/// Values of its fields are already checked by their parsers; [`VatInvoice::validate`] checks
/// how they relate to each other and reports every problem it finds.
///
/// ```
/// use chrono::NaiveDate;
/// use tax_core::RuleConfig;
/// use tax_core::cn::{InvoiceNumber, VatInvoice, VatLineItem, VatParty, VatRate};
///
/// let invoice = VatInvoice {
///     invoice_type: None,
///     code: Some("3100153130".parse().unwrap()),
///     number: "12345678".parse().unwrap(),
///     issue_date: NaiveDate::from_ymd_opt(2017, 6, 1).unwrap(),
///     check_code: None,
///     buyer: VatParty { name: "买方".into(), taxpayer_id: Some("91310115MA1K3BTP2B".parse().unwrap()) },
///     seller: VatParty { name: "卖方".into(), taxpayer_id: Some("91110000600037341L".parse().unwrap()) },
///     items: vec![VatLineItem {
///         name: "服务费".into(),
///         quantity: None,
///         unit_price: None,
///         amount: "8400.00".parse().unwrap(),
///         rate: VatRate::parse("17%").unwrap(),
///         tax: "1428.00".parse().unwrap(),
///     }],
///     subtotal_amount: "8400.00".parse().unwrap(),
///     subtotal_tax: "1428.00".parse().unwrap(),
///     total: "9828.00".parse().unwrap(),
///     total_in_words: Some("玖仟捌佰贰拾捌圆整".into()),
/// };
/// assert!(invoice.validate(&RuleConfig::default()).is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct VatInvoice {
    /// Invoice type (发票种类) as stated by the source, when known. Fully digitalised
    /// invoices need it to tell special (31) from general (32).
    pub invoice_type: Option<InvoiceType>,
    /// Invoice code (发票代码); absent on fully digitalised invoices.
    pub code: Option<InvoiceCode>,
    /// Invoice number (发票号码).
    pub number: InvoiceNumber,
    /// Issue date (开票日期).
    pub issue_date: NaiveDate,
    /// Check code (校验码), when printed.
    pub check_code: Option<CheckCode>,
    /// Buyer (购买方).
    pub buyer: VatParty,
    /// Seller (销售方).
    pub seller: VatParty,
    /// Goods and services lines.
    pub items: Vec<VatLineItem>,
    /// 合计金额: sum of the line amounts.
    pub subtotal_amount: Yuan,
    /// 合计税额: sum of the line taxes.
    pub subtotal_tax: Yuan,
    /// 价税合计(小写): subtotal amount plus subtotal tax.
    pub total: Yuan,
    /// 价税合计(大写), as printed.
    pub total_in_words: Option<String>,
}

impl VatInvoice {
    /// The invoice type: the stated one when known, otherwise the one implied by the code
    /// ([`InvoiceType::Unknown`] for a fully digitalised invoice without a stated type).
    pub fn effective_type(&self) -> InvoiceType {
        self.invoice_type.unwrap_or_else(|| {
            self.code
                .as_ref()
                .map_or(InvoiceType::Unknown, InvoiceCode::invoice_type)
        })
    }

    /// Checks every cross-field rule (see [`rules`]) and reports all problems, with paths
    /// such as `"items[0].tax"`. Severities can be changed or rules switched off in `config`.
    pub fn validate(&self, config: &RuleConfig) -> ValidationReport {
        let mut report = ValidationReport::new();
        self.check_identity(config, &mut report);
        for (party, path) in [(&self.buyer, "buyer"), (&self.seller, "seller")] {
            if let Some(uscc) = party.taxpayer_id.as_ref().and_then(TaxpayerId::as_uscc) {
                report.extend_prefixed(&format!("{path}.taxpayer_id"), uscc.validate(config));
            }
        }
        if self.items.is_empty() {
            report.add_configured(
                config,
                Severity::Error,
                "items",
                rules::NO_ITEMS,
                "the invoice has no lines",
            );
        }
        for (index, item) in self.items.iter().enumerate() {
            self.check_item(config, &format!("items[{index}]"), item, &mut report);
        }
        self.check_totals(config, &mut report);
        report
    }

    fn check_identity(&self, config: &RuleConfig, report: &mut ValidationReport) {
        match (&self.code, self.number.is_fully_digital()) {
            (Some(code), true) => report.add_configured(
                config,
                Severity::Error,
                "code",
                rules::CODE_NUMBER,
                format!("a fully digitalised invoice (20-digit number) has no invoice code, found {code}"),
            ),
            (None, false) => report.add_configured(
                config,
                Severity::Error,
                "code",
                rules::CODE_NUMBER,
                "an invoice with an 8-digit number must have an invoice code",
            ),
            _ => {}
        }
        self.check_stated_type(config, report);
        let issue_year = u16::try_from(self.issue_date.year()).unwrap_or(0);
        let stated_year = match &self.code {
            Some(code) => Some(("code", code.year())),
            None => self.number.digital_year().map(|year| ("number", year)),
        };
        if let Some((path, year)) = stated_year.filter(|(_, year)| *year > issue_year) {
            report.add_configured(
                config,
                Severity::Warning,
                path,
                rules::NUMBER_YEAR,
                format!("year {year} is after the issue date {}", self.issue_date),
            );
        }
        if self.effective_type().is_verified_by_check_code() && self.check_code.is_none() {
            report.add_configured(
                config,
                Severity::Warning,
                "check_code",
                rules::CHECK_CODE_MISSING,
                format!("a {} carries a check code", self.effective_type().name_zh()),
            );
        }
    }

    fn check_stated_type(&self, config: &RuleConfig, report: &mut ValidationReport) {
        let Some(stated) = self.invoice_type.filter(|t| InvoiceType::NAMED.contains(t)) else {
            return;
        };
        if stated.is_fully_digital() != self.number.is_fully_digital() {
            report.add_configured(
                config,
                Severity::Error,
                "invoice_type",
                rules::CODE_NUMBER,
                format!(
                    "type {stated} ({}) does not fit the {}-digit number",
                    stated.name_zh(),
                    self.number.as_str().len()
                ),
            );
        }
        let implied = self
            .code
            .as_ref()
            .map_or(InvoiceType::Unknown, InvoiceCode::invoice_type);
        if implied != InvoiceType::Unknown && implied != stated {
            report.add_configured(
                config,
                Severity::Warning,
                "invoice_type",
                rules::TYPE_MISMATCH,
                format!(
                    "the code implies {implied} ({}), but the type is {stated} ({})",
                    implied.name_zh(),
                    stated.name_zh()
                ),
            );
        }
    }

    fn check_item(
        &self,
        config: &RuleConfig,
        path: &str,
        item: &VatLineItem,
        report: &mut ValidationReport,
    ) {
        match item.rate.validity_on(self.issue_date) {
            RateValidity::Valid => {}
            RateValidity::OutsidePeriod => report.add_configured(
                config,
                Severity::Error,
                format!("{path}.rate"),
                rules::RATE_PERIOD,
                format!("{} is not in force on {}", item.rate, self.issue_date),
            ),
            RateValidity::Unknown => report.add_configured(
                config,
                Severity::Warning,
                format!("{path}.rate"),
                rules::RATE_UNKNOWN,
                format!("{} is not a known VAT rate", item.rate),
            ),
        }
        let difference = vat::line_tax_difference(item.amount, item.rate, item.tax);
        if difference > LINE_TAX_TOLERANCE {
            report.add_configured(
                config,
                Severity::Error,
                format!("{path}.tax"),
                rules::LINE_TAX,
                format!(
                    "{} × {} = {}, but the tax is {} (difference {difference} > {LINE_TAX_TOLERANCE})",
                    item.amount,
                    item.rate,
                    vat::line_tax(item.amount, item.rate),
                    item.tax
                ),
            );
        }
        if let (Some(quantity), Some(price)) = (item.quantity, item.unit_price)
            && !vat::line_amount_matches(quantity, price, item.amount)
        {
            let expected = vat::line_amount(quantity, price)
                .map_or_else(|| "an overflow".to_owned(), |amount| amount.to_string());
            report.add_configured(
                config,
                Severity::Warning,
                format!("{path}.amount"),
                rules::LINE_AMOUNT,
                format!(
                    "{quantity} × {price} = {expected}, but the amount is {}",
                    item.amount
                ),
            );
        }
    }

    fn check_totals(&self, config: &RuleConfig, report: &mut ValidationReport) {
        let amounts = Yuan::checked_sum(self.items.iter().map(|i| i.amount));
        let taxes = Yuan::checked_sum(self.items.iter().map(|i| i.tax));
        let cumulative =
            vat::cumulative_tax_difference(self.items.iter().map(|i| (i.amount, i.rate, i.tax)));
        let total = self.subtotal_amount.checked_add(self.subtotal_tax);
        let (Some(amounts), Some(taxes), Some(cumulative), Some(total)) =
            (amounts, taxes, cumulative, total)
        else {
            report.add_configured(
                config,
                Severity::Error,
                "",
                rules::OVERFLOW,
                "a sum of amounts overflows",
            );
            return;
        };
        let mut mismatch = |path: &str, rule: &str, stated: Yuan, expected: Yuan, what: &str| {
            if stated != expected {
                report.add_configured(
                    config,
                    Severity::Error,
                    path,
                    rule,
                    format!("{what} is {expected}, but {stated} is stated"),
                );
            }
        };
        mismatch(
            "subtotal_amount",
            rules::SUBTOTAL_AMOUNT,
            self.subtotal_amount,
            amounts,
            "the sum of the line amounts",
        );
        mismatch(
            "subtotal_tax",
            rules::SUBTOTAL_TAX,
            self.subtotal_tax,
            taxes,
            "the sum of the line taxes",
        );
        mismatch(
            "total",
            rules::TOTAL,
            self.total,
            total,
            "subtotal amount + subtotal tax",
        );
        if cumulative > INVOICE_TAX_TOLERANCE {
            report.add_configured(
                config,
                Severity::Error,
                "subtotal_tax",
                rules::CUMULATIVE_TAX,
                format!("the line taxes differ from amount × rate by {cumulative} in total (> {INVOICE_TAX_TOLERANCE})"),
            );
        }
        if let Some(words) = &self.total_in_words
            && let Err(problem) = daxie::check_words_against_amount(words, self.total)
        {
            let message = match problem {
                WordsMismatch::Different { .. } => problem.to_string(),
                _ => format!(
                    "{problem}; {} is written {}",
                    self.total,
                    daxie::to_words(self.total)
                ),
            };
            report.add_configured(
                config,
                Severity::Error,
                "total_in_words",
                rules::TOTAL_WORDS,
                message,
            );
        }
    }
}
