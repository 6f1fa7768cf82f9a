//! DeepFinch's recognition result mapped onto [`CnVatInvoice`]: pure, no I/O.
//!
//! Every DeepFinch value is a text region `{txt, region}`:
//!
//! - `txt` is parsed into the field's type; text that does not parse (the five-digit year of
//!   `20227年03月24日`, a 19-character taxpayer id) is kept as raw text with a
//!   `field.unparsed` finding, never dropped;
//! - `region` is eight numbers, the x,y pairs of the four corners, which become the field's
//!   [`Location`]; the empty string `""` (the field was not found) gives no location, and any
//!   other shape gives none with a [`rules::REGION_INVALID`] finding;
//! - DeepFinch reports no confidence, so no field carries one.
//!
//! Amounts: `amount_total` (合计金额) is the subtotal; `tax_amount_total` (价税合计) is the
//! total, and when it is blank the total is read from `amount_in_figuers` (the figures beside
//! the amount in words, spelled that way on the wire); when both are present and differ, the
//! first is kept with a [`rules::TOTALS_DISAGREE`] finding. `amount_in_words` is the total in
//! words. DeepFinch does not return the tax subtotal, the invoice type, or the payee, reviewer
//! and issuer; those fields stay empty. The cipher area (`invoice_password`, an array of lines
//! or a single region) has no place in the normalized model and is not mapped.

use std::fmt;

use deepfinch_client::types::{
    AmountInfo, DetailInfo, InvoiceInfo, PartyInfo, Region, TextRegion, VatInvoiceResult,
};
use tax_core::cn::{CheckCode, InvoiceCode, InvoiceNumber, TaxpayerId, VatRate};
use tax_core::{Cny, ParseError, ValidationReport, Yuan};

use crate::document::{CnVatInvoice, CnVatItem, CnVatParty, Field, Location, Point};
use crate::parse::{parse_date, parse_money};

/// Stable codes of the findings this mapping adds.
pub mod rules {
    /// A `region` was neither eight numbers nor the empty string; the field has no location.
    pub const REGION_INVALID: &str = "deepfinch.region_invalid";
    /// `tax_amount_total` and `amount_in_figuers` are both present and differ; the first is
    /// kept as the total.
    pub const TOTALS_DISAGREE: &str = "deepfinch.totals_disagree";
}

/// Maps a DeepFinch recognition result onto a [`CnVatInvoice`], with the findings of values
/// that did not parse or regions that could not be read.
///
/// ```
/// use deepfinch_client::types::VatInvoiceResult;
/// use tax_facade::providers::deepfinch::map::map_result;
///
/// let result: VatInvoiceResult = serde_json::from_value(serde_json::json!({
///     "invoice_info": {"invoice_date": {"txt": "20227年03月24日", "region": ""}},
///     "amount_info": {"amount_in_figuers": {"txt": "120.00", "region": [0, 0, 9, 0, 9, 5, 0, 5]}}
/// }))
/// .unwrap();
/// let (invoice, findings) = map_result(&result);
/// assert_eq!(invoice.issue_date.raw.as_deref(), Some("20227年03月24日"));
/// assert!(invoice.issue_date.value.is_none());
/// assert!(findings.contains_rule("field.unparsed"));
/// assert_eq!(invoice.total.value.unwrap().to_string(), "120.00");
/// assert_eq!(invoice.total.location.unwrap().polygon.len(), 4);
/// ```
pub fn map_result(result: &VatInvoiceResult) -> (CnVatInvoice, ValidationReport) {
    let mut mapper = Mapper {
        findings: ValidationReport::new(),
    };
    let mut invoice = CnVatInvoice::default();
    if let Some(info) = &result.invoice_info {
        mapper.invoice_info(info, &mut invoice);
    }
    if let Some(buyer) = &result.buyer_info {
        invoice.buyer = mapper.party(buyer, "buyer");
    }
    if let Some(seller) = &result.seller_info {
        invoice.seller = mapper.party(seller, "seller");
    }
    invoice.items = result
        .detail_info
        .iter()
        .enumerate()
        .map(|(index, line)| mapper.item(line, &format!("items[{index}]")))
        .collect();
    if let Some(amounts) = &result.amount_info {
        mapper.amounts(amounts, &mut invoice);
    }
    (invoice, mapper.findings)
}

struct Mapper {
    findings: ValidationReport,
}

impl Mapper {
    fn invoice_info(&mut self, info: &InvoiceInfo, invoice: &mut CnVatInvoice) {
        let code = info.invoice_code.as_ref();
        invoice.code = self.parsed(code, "code", InvoiceCode::parse);
        invoice.number = self.parsed(info.invoice_numb.as_ref(), "number", InvoiceNumber::parse);
        invoice.issue_date = self.parsed(info.invoice_date.as_ref(), "issue_date", parse_date);
        invoice.check_code = self.parsed(
            info.invoice_check_code.as_ref(),
            "check_code",
            CheckCode::parse,
        );
        invoice.machine_number = self.text(info.machine_code.as_ref(), "machine_number");
    }

    fn party(&mut self, party: &PartyInfo, prefix: &str) -> CnVatParty {
        let path = |name: &str| format!("{prefix}.{name}");
        CnVatParty {
            name: self.text(party.name.as_ref(), &path("name")),
            tax_id: self.parsed(party.checkcode.as_ref(), &path("tax_id"), TaxpayerId::parse),
            address_phone: self.text(party.address_and_phone.as_ref(), &path("address_phone")),
            bank: self.text(party.bank_info.as_ref(), &path("bank")),
        }
    }

    fn item(&mut self, line: &DetailInfo, prefix: &str) -> CnVatItem {
        let path = |name: &str| format!("{prefix}.{name}");
        CnVatItem {
            name: self.text(line.detail_name.as_ref(), &path("name")),
            amount: self.parsed(line.amount.as_ref(), &path("amount"), parse_yuan),
            tax_rate: self.parsed(line.tax_rate.as_ref(), &path("tax_rate"), VatRate::parse),
            tax: self.parsed(line.tax_amount.as_ref(), &path("tax"), parse_yuan),
            ..CnVatItem::default()
        }
    }

    fn amounts(&mut self, amounts: &AmountInfo, invoice: &mut CnVatInvoice) {
        invoice.subtotal_amount =
            self.parsed(amounts.amount_total.as_ref(), "subtotal_amount", parse_yuan);
        invoice.total_in_words = self.text(amounts.amount_in_words.as_ref(), "total_in_words");
        let declared = amounts.tax_amount_total.as_ref().filter(|r| has_text(r));
        let figures = amounts.amount_in_figuers.as_ref().filter(|r| has_text(r));
        invoice.total = match (declared, figures) {
            (Some(declared), figures) => {
                let total = self.parsed(Some(declared), "total", parse_yuan);
                let other = figures.and_then(|f| f.txt.as_deref()).map(parse_yuan);
                if let (Some(kept), Some(Ok(other))) = (&total.value, other)
                    && *kept != other
                {
                    self.findings.warning(
                        "total",
                        rules::TOTALS_DISAGREE,
                        format!(
                            "价税合计 reads {kept} but the amount in figures reads {other}; \
                             the first is kept"
                        ),
                    );
                }
                total
            }
            (None, figures) => self.parsed(figures, "total", parse_yuan),
        };
    }

    /// A text field with its location.
    fn text(&mut self, region: Option<&TextRegion>, path: &str) -> Field<String> {
        let text = region.and_then(|r| r.txt.clone()).unwrap_or_default();
        let field = Field::text(text);
        self.located(field, region, path)
    }

    /// A parsed field with its location; text that does not parse is kept with a finding.
    fn parsed<T, E: fmt::Display>(
        &mut self,
        region: Option<&TextRegion>,
        path: &str,
        parser: impl FnOnce(&str) -> Result<T, E>,
    ) -> Field<T> {
        let text = region.and_then(|r| r.txt.clone());
        let field = Field::parse_opt(text, path, &mut self.findings, parser);
        self.located(field, region, path)
    }

    /// Adds the location of a field that has text.
    fn located<T>(&mut self, field: Field<T>, region: Option<&TextRegion>, path: &str) -> Field<T> {
        if field.is_empty() {
            return field;
        }
        match region
            .and_then(|r| r.region.as_ref())
            .and_then(|region| self.location(region, path))
        {
            Some(location) => field.with_location(location),
            None => field,
        }
    }

    /// Four corners from eight numbers; nothing for `""` or `[]`, nothing with a finding for
    /// any other shape.
    fn location(&mut self, region: &Region, path: &str) -> Option<Location> {
        match region {
            Region::Array(numbers) if numbers.len() == 8 => Some(Location {
                page: None,
                polygon: numbers
                    .chunks_exact(2)
                    .map(|pair| Point {
                        x: pair[0],
                        y: pair[1],
                    })
                    .collect(),
            }),
            Region::Array(numbers) if numbers.is_empty() => None,
            Region::String(text) if text.trim().is_empty() => None,
            Region::Array(numbers) => {
                self.region_finding(path, format!("{} numbers instead of 8", numbers.len()));
                None
            }
            Region::String(text) => {
                self.region_finding(path, format!("the text {text:?} instead of 8 numbers"));
                None
            }
        }
    }

    fn region_finding(&mut self, path: &str, what: String) {
        self.findings.warning(
            path,
            rules::REGION_INVALID,
            format!("the region was {what}; the field has no location"),
        );
    }
}

fn has_text(region: &TextRegion) -> bool {
    region.txt.as_deref().is_some_and(|t| !t.trim().is_empty())
}

fn parse_yuan(text: &str) -> Result<Yuan, ParseError> {
    parse_money::<Cny>(text)
}
