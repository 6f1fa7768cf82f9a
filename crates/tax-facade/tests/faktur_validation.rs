//! Validation of Faktur Pajak documents: every rule stays silent on a consistent document and
//! fires on the document broken in its way.

use chrono::NaiveDate;
use proptest::prelude::*;
use rust_decimal::Decimal;
use tax_core::id::ppn::{self, GoodsClass};
use tax_core::id::{FakturNumber, Npwp};
use tax_core::{Rupiah, ValidationReport};
use tax_facade::ReadOptions;
use tax_facade::document::{Document, FakturItem, FakturPajak, Field};
use tax_facade::validate::{rules, validate};

fn day(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap()
}

fn rupiah(text: &str) -> Field<Rupiah> {
    Field::from_value(text.parse().unwrap())
}

fn text(value: &str) -> Field<String> {
    Field::from_value(value.to_owned())
}

fn npwp(value: &str) -> Field<Npwp> {
    Field::from_value(Npwp::parse_ignoring_checksum(value).unwrap())
}

fn item(quantity: &str, unit_price: &str, discount: &str, total: &str) -> FakturItem {
    FakturItem {
        name: text("BARANG"),
        quantity: Field::from_value(quantity.parse().unwrap()),
        unit_price: rupiah(unit_price),
        discount: rupiah(discount),
        total: rupiah(total),
        ..FakturItem::default()
    }
}

/// A consistent e-Faktur document of January 2024 (11%).
fn efaktur_2024() -> FakturPajak {
    let mut invoice = FakturPajak {
        number: Field::from_value(FakturNumber::parse("010.000-24.00000001").unwrap()),
        items: vec![
            item("2", "750000", "0", "1500000"),
            item("3", "100000.50", "1.50", "300000"),
        ],
        sales_price: rupiah("1800000"),
        discount: rupiah("100000"),
        down_payment: rupiah("200000"),
        tax_base: rupiah("1500000"),
        vat: rupiah("165000"),
        luxury_tax: rupiah("0"),
        place: text("JAKARTA SELATAN"),
        date: Field::from_value(day(2024, 1, 15)),
        signer: text("BUDI SANTOSO"),
        ..FakturPajak::default()
    };
    invoice.seller.name = text("PT SUMBER MAKMUR");
    invoice.seller.npwp = npwp("01.312.166.0-091.000");
    invoice.buyer.name = text("PT PEMBELI JAYA");
    invoice.buyer.npwp = npwp("00.000.000.0-000.000");
    invoice
}

/// A consistent Coretax document of 2025 (12% × 11/12).
fn coretax_2025() -> FakturPajak {
    let mut invoice = FakturPajak {
        number: Field::from_value(FakturNumber::parse("04002500000012345").unwrap()),
        items: vec![item("2", "750000", "0", "1500000")],
        sales_price: rupiah("1500000"),
        discount: rupiah("0"),
        down_payment: rupiah("0"),
        tax_base: rupiah("1500000"),
        other_tax_base: rupiah("1375000"),
        vat: rupiah("165000"),
        luxury_tax: rupiah("0"),
        date: Field::from_value(day(2025, 1, 15)),
        ..FakturPajak::default()
    };
    invoice.seller.name = text("PT SUMBER MAKMUR");
    invoice.seller.npwp = npwp("0013121660091000");
    invoice.buyer.name = text("CV PEMBELI");
    invoice.buyer.npwp = npwp("0000000000000000");
    invoice
}

fn findings(invoice: FakturPajak) -> ValidationReport {
    let options = ReadOptions::default().with_reference_date(day(2030, 1, 1));
    validate(&Document::FakturPajak(invoice), &options)
}

/// The paths at which `rule` fired.
fn fired(report: &ValidationReport, rule: &str) -> Vec<String> {
    report
        .iter()
        .filter(|finding| finding.rule == rule)
        .map(|finding| finding.path.clone())
        .collect()
}

#[test]
fn consistent_documents_of_both_layouts_have_no_findings() {
    for invoice in [efaktur_2024(), coretax_2025()] {
        let report = findings(invoice);
        assert!(report.is_empty(), "{report:?}");
    }
}

#[test]
fn missing_required_fields_are_reported_by_path() {
    let mut invoice = efaktur_2024();
    invoice.number = Field::empty();
    invoice.buyer.name = Field::empty();
    invoice.items.clear();
    let report = findings(invoice);
    assert_eq!(
        fired(&report, rules::MISSING),
        ["number", "buyer.name", "items"]
    );
}

#[test]
fn a_wrong_check_digit_is_reported_for_seller_and_a_real_buyer() {
    let mut invoice = efaktur_2024();
    invoice.seller.npwp = npwp("01.000.521.8-093.010");
    let report = findings(invoice.clone());
    assert_eq!(fired(&report, rules::FAKTUR_NPWP_CHECKSUM), ["seller.npwp"]);

    invoice.seller.npwp = npwp("01.312.166.0-091.000");
    invoice.buyer.npwp = npwp("02.115.615.2-056.000");
    let report = findings(invoice);
    assert_eq!(fired(&report, rules::FAKTUR_NPWP_CHECKSUM), ["buyer.npwp"]);
}

#[test]
fn a_number_from_another_year_is_a_warning() {
    let mut invoice = efaktur_2024();
    invoice.number = Field::from_value(FakturNumber::parse("010.000-23.00000001").unwrap());
    let report = findings(invoice);
    assert_eq!(fired(&report, rules::FAKTUR_NUMBER_YEAR), ["number"]);
    assert!(!report.has_errors());
}

#[test]
fn numbering_schemes_outside_their_period_are_warnings() {
    let mut early_coretax = efaktur_2024();
    early_coretax.number = Field::from_value(FakturNumber::parse("01002400000000001").unwrap());
    let report = findings(early_coretax);
    assert_eq!(fired(&report, rules::FAKTUR_NUMBER_FORMAT), ["number"]);
    assert!(fired(&report, rules::FAKTUR_NUMBER_YEAR).is_empty());

    let mut late_legacy = coretax_2025();
    late_legacy.number = Field::from_value(FakturNumber::parse("040.000-25.00000001").unwrap());
    let report = findings(late_legacy);
    assert_eq!(fired(&report, rules::FAKTUR_NUMBER_FORMAT), ["number"]);
}

#[test]
fn a_line_whose_arithmetic_is_off_is_reported_at_its_total() {
    let mut invoice = efaktur_2024();
    invoice.items[1].discount = rupiah("0");
    let report = findings(invoice);
    assert_eq!(fired(&report, rules::FAKTUR_ITEM_TOTAL), ["items[1].total"]);
}

#[test]
fn a_line_total_before_its_discount_is_accepted() {
    let mut invoice = efaktur_2024();
    // Harga Jual of the line before its Potongan Harga, as the printed layouts show it.
    invoice.items[1].total = rupiah("300001.50");
    invoice.sales_price = rupiah("1800001.50");
    invoice.discount = rupiah("100001.50");
    assert!(findings(invoice.clone()).is_empty());
    invoice.items[1].total = rupiah("300003");
    invoice.sales_price = rupiah("1800003");
    invoice.discount = rupiah("100003");
    assert_eq!(
        fired(&findings(invoice), rules::FAKTUR_ITEM_TOTAL),
        ["items[1].total"]
    );
}

#[test]
fn line_totals_that_do_not_add_up_to_the_sales_price_are_reported() {
    let mut invoice = efaktur_2024();
    invoice.items.pop();
    let report = findings(invoice);
    assert_eq!(fired(&report, rules::FAKTUR_ITEMS_SUM), ["sales_price"]);
}

#[test]
fn a_tax_base_ignoring_the_down_payment_is_reported() {
    let mut invoice = efaktur_2024();
    invoice.tax_base = rupiah("1700000");
    invoice.vat = rupiah("187000");
    let report = findings(invoice);
    assert_eq!(fired(&report, rules::FAKTUR_TAX_BASE), ["tax_base"]);
    assert!(fired(&report, rules::FAKTUR_VAT).is_empty(), "{report:?}");
}

#[test]
fn vat_at_the_rate_of_another_period_is_reported() {
    // 10% was the rate until March 2022.
    let mut invoice = efaktur_2024();
    invoice.vat = rupiah("150000");
    assert_eq!(fired(&findings(invoice), rules::FAKTUR_VAT), ["vat"]);

    // 12% of the full DPP instead of 12% of DPP Nilai Lain.
    let mut invoice = coretax_2025();
    invoice.vat = rupiah("180000");
    assert_eq!(fired(&findings(invoice), rules::FAKTUR_VAT), ["vat"]);

    // 10% is right in 2021.
    let mut invoice = efaktur_2024();
    invoice.number = Field::from_value(FakturNumber::parse("010.000-21.00000001").unwrap());
    invoice.date = Field::from_value(day(2021, 6, 1));
    invoice.vat = rupiah("150000");
    assert!(findings(invoice).is_empty());
}

#[test]
fn vat_is_allowed_one_rupiah_per_line_of_rounding() {
    let mut invoice = efaktur_2024();
    invoice.vat = rupiah("164998");
    assert!(fired(&findings(invoice.clone()), rules::FAKTUR_VAT).is_empty());
    invoice.vat = rupiah("164997");
    assert_eq!(fired(&findings(invoice), rules::FAKTUR_VAT), ["vat"]);
}

#[test]
fn exempt_supplies_are_not_held_to_the_rate() {
    let mut invoice = efaktur_2024();
    invoice.number = Field::from_value(FakturNumber::parse("080.000-24.00000001").unwrap());
    invoice.vat = rupiah("0");
    assert!(findings(invoice).is_empty());
}

#[test]
fn a_printed_other_tax_base_must_be_eleven_twelfths_of_the_tax_base() {
    let mut invoice = coretax_2025();
    invoice.other_tax_base = rupiah("1500000");
    let report = findings(invoice);
    assert_eq!(
        fired(&report, rules::FAKTUR_OTHER_TAX_BASE),
        ["other_tax_base"]
    );
    assert!(fired(&report, rules::FAKTUR_VAT).is_empty());
}

#[test]
fn a_date_after_the_reference_date_is_reported() {
    let mut invoice = coretax_2025();
    invoice.date = Field::from_value(day(2025, 12, 1));
    let options = ReadOptions::default().with_reference_date(day(2025, 6, 1));
    let report = validate(&Document::FakturPajak(invoice), &options);
    assert_eq!(fired(&report, rules::DATE_IN_FUTURE), ["date"]);
}

/// One generated line: quantity, unit price in sen, discount in sen.
fn arb_line() -> impl Strategy<Value = (u32, i64, i64)> {
    (1..=500_u32, 100..=1_000_000_000_i64).prop_flat_map(|(quantity, price_sen)| {
        let gross = i64::from(quantity) * price_sen;
        (Just(quantity), Just(price_sen), 0..=gross / 5)
    })
}

fn sen(amount: i64) -> Rupiah {
    Rupiah::new(Decimal::new(amount, 2)).unwrap()
}

/// A document whose amounts are computed from random lines with the rules in force on a random
/// date between 2020 and 2026.
fn arb_consistent_faktur() -> impl Strategy<Value = FakturPajak> {
    (
        prop::collection::vec(arb_line(), 1..6),
        0..=2556_u64,
        0..=20_i64,
        0..=20_i64,
    )
        .prop_map(|(lines, offset, discount_percent, down_payment_percent)| {
            let date = day(2020, 1, 1) + chrono::Days::new(offset);
            let mut invoice = efaktur_2024();
            invoice.date = Field::from_value(date);
            invoice.items = lines
                .iter()
                .map(|(quantity, price_sen, discount_sen)| FakturItem {
                    quantity: Field::from_value(Decimal::from(*quantity)),
                    unit_price: Field::from_value(sen(*price_sen)),
                    discount: Field::from_value(sen(*discount_sen)),
                    total: Field::from_value(sen(i64::from(*quantity) * price_sen - discount_sen)),
                    ..FakturItem::default()
                })
                .collect();
            let sales_sen: i64 = lines
                .iter()
                .map(|(quantity, price, discount)| i64::from(*quantity) * price - discount)
                .sum();
            let discount_sen = sales_sen * discount_percent / 100;
            let down_payment_sen = sales_sen * down_payment_percent / 100;
            let tax_base = sen(sales_sen - discount_sen - down_payment_sen);
            let breakdown = ppn::compute(tax_base, date, GoodsClass::NonLuxury).unwrap();
            invoice.sales_price = Field::from_value(sen(sales_sen));
            invoice.discount = Field::from_value(sen(discount_sen));
            invoice.down_payment = Field::from_value(sen(down_payment_sen));
            invoice.tax_base = Field::from_value(tax_base);
            invoice.vat = Field::from_value(breakdown.ppn);
            invoice.other_tax_base = breakdown
                .other_tax_base
                .map_or_else(Field::empty, Field::from_value);
            let year = date.format("%y");
            let number = if breakdown.other_tax_base.is_some() {
                format!("0400{year}00000000001")
            } else {
                format!("010.000-{year}.00000001")
            };
            invoice.number = Field::from_value(FakturNumber::parse(&number).unwrap());
            invoice
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn consistent_random_amounts_produce_no_findings(invoice in arb_consistent_faktur()) {
        let report = findings(invoice);
        prop_assert!(report.is_empty(), "{:?}", report);
    }
}
