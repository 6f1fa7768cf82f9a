//! Checks of a Faktur Pajak: required fields, identifiers, the number against the date, and
//! the arithmetic of the lines and the totals block with the PPN rate in force on the date.
//!
//! Amounts are compared with `tax-core`'s rules: PPN is floored to whole rupiah and compared
//! within [`ppn::within_rounding_tolerance`] (one rupiah per line, since tools differ in where
//! they round), DPP Nilai Lain is `11/12 × DPP` with two decimals. Every problem is a warning:
//! a mismatch on a document that was read is as likely a misread as a wrong document.

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use tax_core::id::ppn::{self, GoodsClass, TaxBase};
use tax_core::id::{FakturFormat, FakturNumber, TransactionCode};
use tax_core::{Rupiah, Severity, ValidationReport};

use super::{Context, rules};
use crate::document::{FakturItem, FakturPajak, FakturParty, Field};

/// The first day of Coretax numbering and of PPN 12% on DPP Nilai Lain.
const CORETAX_FROM: Option<NaiveDate> = NaiveDate::from_ymd_opt(2025, 1, 1);

/// Validates a Faktur Pajak.
pub(super) fn validate(
    invoice: &FakturPajak,
    context: &Context<'_>,
    report: &mut ValidationReport,
) {
    let checks = Checks { context, report };
    checks.run(invoice);
}

/// The validation context and the report findings go to.
struct Checks<'a, 'r> {
    context: &'a Context<'a>,
    report: &'r mut ValidationReport,
}

impl Checks<'_, '_> {
    fn run(mut self, invoice: &FakturPajak) {
        self.required(invoice);
        self.context
            .not_in_future(&invoice.date, "date", self.report);
        self.party_npwp(&invoice.seller, "seller.npwp");
        self.party_npwp(&invoice.buyer, "buyer.npwp");
        if let (Some(number), Some(date)) = (invoice.number.get(), invoice.date.get()) {
            self.number_against_date(number, *date);
        }
        for (index, item) in invoice.items.iter().enumerate() {
            self.item_total(item, index);
        }
        self.items_sum(invoice);
        self.tax_base(invoice);
        self.vat(invoice);
        self.other_tax_base(invoice);
    }

    fn warn(&mut self, path: &str, rule: &str, message: String) {
        self.report
            .add_configured(self.context.config, Severity::Warning, path, rule, message);
    }

    fn required(&mut self, invoice: &FakturPajak) {
        let report = &mut *self.report;
        let context = self.context;
        context.require(&invoice.number, "number", report);
        context.require(&invoice.seller.name, "seller.name", report);
        context.require(&invoice.seller.npwp, "seller.npwp", report);
        context.require(&invoice.buyer.name, "buyer.name", report);
        context.require(&invoice.sales_price, "sales_price", report);
        context.require(&invoice.tax_base, "tax_base", report);
        context.require(&invoice.vat, "vat", report);
        context.require(&invoice.date, "date", report);
        if invoice.items.is_empty() {
            self.warn(
                "items",
                rules::MISSING,
                "the document has no goods or services lines".to_owned(),
            );
        }
    }

    /// The NPWP's check digit; the all-zero "no NPWP" placeholder of buyers is left alone.
    fn party_npwp(&mut self, party: &FakturParty, path: &str) {
        if let Some(npwp) = party
            .npwp
            .get()
            .filter(|npwp| !npwp.is_placeholder() && !npwp.has_valid_checksum())
        {
            self.warn(
                path,
                rules::FAKTUR_NPWP_CHECKSUM,
                format!("the check digit of NPWP {npwp} does not validate"),
            );
        }
    }

    /// The number's year against the date's, and the numbering scheme against the date.
    fn number_against_date(&mut self, number: &FakturNumber, date: NaiveDate) {
        let date_year = date.year().rem_euclid(100);
        if i32::from(number.year()) != date_year {
            self.warn(
                "number",
                rules::FAKTUR_NUMBER_YEAR,
                format!(
                    "number {number} is from year {:02}, but the faktur is dated {date}",
                    number.year()
                ),
            );
        }
        let coretax_era = CORETAX_FROM.is_some_and(|start| date >= start);
        let message = match (number.format(), coretax_era) {
            (FakturFormat::Coretax, false) => Some(format!(
                "number {number} is a 17-digit Coretax number, but the faktur is dated {date}, before Coretax numbering began on 2025-01-01"
            )),
            (FakturFormat::Legacy, true) => Some(format!(
                "number {number} is a 16-digit e-Faktur number, but the faktur is dated {date}, when Coretax numbers (17 digits) are issued"
            )),
            _ => None,
        };
        if let Some(message) = message {
            self.warn("number", rules::FAKTUR_NUMBER_FORMAT, message);
        }
    }

    /// `quantity × unit price = total`, when quantity, unit price and total are printed. The
    /// printed layouts show the line's Harga Jual before its Potongan Harga (the discounts are
    /// subtracted in the totals block), while some exports net the discount into the line, so
    /// `quantity × unit price − discount` is accepted too.
    fn item_total(&mut self, item: &FakturItem, index: usize) {
        let (Some(quantity), Some(price), Some(total)) =
            (item.quantity.get(), item.unit_price.get(), item.total.get())
        else {
            return;
        };
        let Some(gross) = quantity.checked_mul(price.amount()) else {
            return;
        };
        let discount = amount_or_zero(&item.discount);
        let printed = total.amount();
        let tolerance = half_unit_of_last_digit(printed);
        let matches = |expected: Decimal| (expected - printed).abs() <= tolerance;
        if matches(gross) || gross.checked_sub(discount).is_some_and(matches) {
            return;
        }
        self.warn(
            &format!("items[{index}].total"),
            rules::FAKTUR_ITEM_TOTAL,
            format!(
                "{quantity} × {price} = {gross} (less the line discount {discount}: {}), but the line total is {total}",
                gross - discount
            ),
        );
    }

    /// The line totals add up to Harga Jual / Penggantian.
    fn items_sum(&mut self, invoice: &FakturPajak) {
        let Some(sales_price) = invoice.sales_price.get() else {
            return;
        };
        let totals: Option<Vec<Rupiah>> = invoice
            .items
            .iter()
            .map(|item| item.total.get().copied())
            .collect();
        let Some(sum) = totals
            .filter(|totals| !totals.is_empty())
            .and_then(Rupiah::checked_sum)
        else {
            return;
        };
        if sum.amount() != sales_price.amount() {
            self.warn(
                "sales_price",
                rules::FAKTUR_ITEMS_SUM,
                format!(
                    "the {} line totals add up to {sum}, but Harga Jual is {sales_price}",
                    invoice.items.len()
                ),
            );
        }
    }

    /// DPP = Harga Jual − Potongan Harga − Uang Muka.
    fn tax_base(&mut self, invoice: &FakturPajak) {
        let (Some(sales_price), Some(tax_base)) =
            (invoice.sales_price.get(), invoice.tax_base.get())
        else {
            return;
        };
        let discount = amount_or_zero(&invoice.discount);
        let down_payment = amount_or_zero(&invoice.down_payment);
        let expected = sales_price
            .amount()
            .checked_sub(discount)
            .and_then(|net| net.checked_sub(down_payment));
        if let Some(expected) = expected.filter(|e| *e != tax_base.amount()) {
            self.warn(
                "tax_base",
                rules::FAKTUR_TAX_BASE,
                format!(
                    "Harga Jual {sales_price} − Potongan Harga {discount} − Uang Muka {down_payment} = {expected}, but DPP is {tax_base}"
                ),
            );
        }
    }

    /// PPN = the rate in force on the date × DPP, floored; not checked for codes whose PPN is
    /// not the ordinary rate (05 specified amount, 07 not collected, 08 exempt).
    fn vat(&mut self, invoice: &FakturPajak) {
        let (Some(date), Some(tax_base), Some(vat)) = (
            invoice.date.get(),
            invoice.tax_base.get(),
            invoice.vat.get(),
        ) else {
            return;
        };
        let code = invoice.number.get().map(FakturNumber::transaction_code);
        if matches!(
            code,
            Some(
                TransactionCode::SpecifiedAmount
                    | TransactionCode::NotCollected
                    | TransactionCode::Exempt
            )
        ) {
            return;
        }
        let rate = ppn::rate_on(*date, goods_class(invoice));
        // Before 2025, code 04 charges the full rate on a printed DPP Nilai Lain.
        let base = match (rate.base(), code, invoice.other_tax_base.get()) {
            (TaxBase::FullPrice, Some(TransactionCode::OtherTaxBase), Some(other)) => *other,
            _ => *tax_base,
        };
        let Some(expected) = rate.tax_on(base) else {
            return;
        };
        if !ppn::within_rounding_tolerance(expected, *vat, invoice.items.len()) {
            let base_text = match fraction_text(rate.base()) {
                Some(fraction) => format!(
                    "{}% of DPP Nilai Lain ({fraction} of {base})",
                    rate.percent()
                ),
                None => format!("{}% of {base}", rate.percent()),
            };
            self.warn(
                "vat",
                rules::FAKTUR_VAT,
                format!("PPN on {date} is {base_text} = {expected}, but the PPN is {vat}"),
            );
        }
    }

    /// A printed DPP Nilai Lain is 11/12 of DPP when the rate in force uses one (since 2025;
    /// without a date, the current rule is assumed).
    fn other_tax_base(&mut self, invoice: &FakturPajak) {
        let (Some(other), Some(tax_base)) = (invoice.other_tax_base.get(), invoice.tax_base.get())
        else {
            return;
        };
        let date = invoice.date.get().copied().or(CORETAX_FROM);
        let Some(rate) = date.map(|date| ppn::rate_on(date, goods_class(invoice))) else {
            return;
        };
        let Some(expected) = rate.other_tax_base(*tax_base) else {
            return;
        };
        if !ppn::within_rounding_tolerance(expected, *other, 1) {
            self.warn(
                "other_tax_base",
                rules::FAKTUR_OTHER_TAX_BASE,
                format!(
                    "DPP Nilai Lain is {} of DPP {tax_base} = {expected}, but {other} is printed",
                    fraction_text(rate.base()).unwrap_or_default()
                ),
            );
        }
    }
}

/// Luxury goods when PPnBM is charged, which changes the 2025 PPN base.
fn goods_class(invoice: &FakturPajak) -> GoodsClass {
    if invoice.luxury_tax.get().is_some_and(|tax| !tax.is_zero()) {
        GoodsClass::Luxury
    } else {
        GoodsClass::NonLuxury
    }
}

/// `11/12` for a DPP Nilai Lain base; `None` for the full price.
fn fraction_text(base: TaxBase) -> Option<String> {
    match base {
        TaxBase::OtherValue {
            numerator,
            denominator,
        } => Some(format!("{numerator}/{denominator}")),
        _ => None,
    }
}

fn amount_or_zero(field: &Field<Rupiah>) -> Decimal {
    field.get().map_or(Decimal::ZERO, Rupiah::amount)
}

/// Half a unit of the last printed digit of `printed`: the largest difference rounding can
/// explain.
fn half_unit_of_last_digit(printed: Decimal) -> Decimal {
    Decimal::new(5, printed.scale().saturating_add(1))
}

#[cfg(test)]
mod tests {
    use tax_core::id::Npwp;

    use super::*;
    use crate::ReadOptions;
    use crate::document::Document;

    #[test]
    fn a_bad_seller_check_digit_is_reported_but_the_placeholder_buyer_is_not() {
        let mut invoice = FakturPajak::default();
        let bad_check_digit = Npwp::parse_ignoring_checksum("01.000.521.8-093.010").unwrap();
        invoice.seller.npwp = Field::from_value(bad_check_digit);
        invoice.buyer.npwp = Field::from_value(Npwp::parse("00.000.000.0-000.000").unwrap());
        let report =
            super::super::validate(&Document::FakturPajak(invoice), &ReadOptions::default());
        let paths: Vec<&str> = report
            .iter()
            .filter(|f| f.rule == rules::FAKTUR_NPWP_CHECKSUM)
            .map(|f| f.path.as_str())
            .collect();
        assert_eq!(paths, ["seller.npwp"]);
    }
}
