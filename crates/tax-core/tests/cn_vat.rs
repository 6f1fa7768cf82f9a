//! VAT rates and line arithmetic (domain notes §8.3–§8.4).

use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use tax_core::ParseErrorKind;
use tax_core::cn::VatRate;
use tax_core::cn::vat::{self, RateValidity};

mod common;
use common::{date, rate, yuan};

#[test]
fn parses_rate_columns() {
    for (text, fraction) in [
        ("13%", dec!(0.13)),
        ("17%", dec!(0.17)),
        ("1.5%", dec!(0.015)),
        ("0.5%", dec!(0.005)),
        ("0%", dec!(0)),
        (" 9 % ", dec!(0.09)),
        ("6％", dec!(0.06)),
        ("0.13", dec!(0.13)),
        ("13", dec!(0.13)),
        ("0", dec!(0)),
    ] {
        assert_eq!(rate(text).fraction(), fraction, "{text}");
        assert_eq!(rate(text).percent(), Some(fraction * dec!(100)), "{text}");
    }
    assert_eq!(rate("免税"), VatRate::EXEMPT);
    assert!(rate("免税").is_exempt() && rate("免税").percent().is_none());
    assert!(rate("不征税").is_not_taxable() && !rate("不征税").is_exempt());
    assert_eq!(rate("不征税"), VatRate::NOT_TAXABLE);
    assert_eq!(rate("1.5%").to_string(), "1.5%");
    assert_eq!(rate("0.13").to_string(), "13%");
    assert_eq!(rate("免税").to_string(), "免税");
    assert_eq!(
        VatRate::parse("").unwrap_err().kind(),
        ParseErrorKind::Empty
    );
    assert_eq!(
        VatRate::parse("abc").unwrap_err().kind(),
        ParseErrorKind::Format
    );
    assert_eq!(
        VatRate::parse("-3%").unwrap_err().kind(),
        ParseErrorKind::Format
    );
    assert_eq!(
        VatRate::parse("101%").unwrap_err().kind(),
        ParseErrorKind::Component
    );
    assert_eq!(serde_json::to_value(rate("13%")).unwrap(), "13%");
    assert_eq!(
        serde_json::from_str::<VatRate>("\"免税\"").unwrap(),
        VatRate::EXEMPT
    );
}

#[test]
fn general_rates_change_on_their_effective_dates() {
    let cases = [
        ("17%", date(2018, 4, 30), RateValidity::Valid),
        ("17%", date(2018, 5, 1), RateValidity::OutsidePeriod),
        ("11%", date(2018, 4, 30), RateValidity::Valid),
        ("11%", date(2018, 5, 1), RateValidity::OutsidePeriod),
        ("16%", date(2018, 4, 30), RateValidity::OutsidePeriod),
        ("16%", date(2018, 5, 1), RateValidity::Valid),
        ("16%", date(2019, 3, 31), RateValidity::Valid),
        ("16%", date(2019, 4, 1), RateValidity::OutsidePeriod),
        ("10%", date(2019, 3, 31), RateValidity::Valid),
        ("13%", date(2019, 3, 31), RateValidity::OutsidePeriod),
        ("13%", date(2019, 4, 1), RateValidity::Valid),
        ("9%", date(2019, 4, 1), RateValidity::Valid),
        ("9%", date(2019, 3, 31), RateValidity::OutsidePeriod),
        ("6%", date(2016, 1, 1), RateValidity::Valid),
        ("5%", date(2024, 1, 1), RateValidity::Valid),
        ("3%", date(2024, 1, 1), RateValidity::Valid),
        ("1%", date(2024, 1, 1), RateValidity::Valid),
        ("1.5%", date(2024, 1, 1), RateValidity::Valid),
        ("0.5%", date(2024, 1, 1), RateValidity::Valid),
        ("0%", date(2024, 1, 1), RateValidity::Valid),
        ("免税", date(2024, 1, 1), RateValidity::Valid),
        ("不征税", date(2024, 1, 1), RateValidity::Valid),
        ("7%", date(2024, 1, 1), RateValidity::Unknown),
    ];
    for (text, on, expected) in cases {
        assert_eq!(rate(text).validity_on(on), expected, "{text} on {on}");
    }
    let current = VatRate::rates_valid_on(date(2024, 1, 1));
    assert!(current.contains(&rate("13%")) && current.contains(&rate("9%")));
    assert!(!current.contains(&rate("17%")) && !current.contains(&rate("16%")));
}

#[test]
fn line_tax_vectors() {
    for (amount, rate_text, tax) in [
        ("8400.00", "17%", "1428.00"),
        ("123.45", "13%", "16.05"),
        ("99.99", "6%", "6.00"),
        ("0.05", "13%", "0.01"),
        ("1000.00", "9%", "90.00"),
        ("333.33", "3%", "10.00"),
        ("1234.56", "1%", "12.35"),
        ("-100.00", "13%", "-13.00"),
        ("-0.05", "13%", "-0.01"),
        ("500.00", "免税", "0"),
    ] {
        assert_eq!(
            vat::line_tax(yuan(amount), rate(rate_text)),
            yuan(tax),
            "{amount} @ {rate_text}"
        );
    }
}

#[test]
fn tax_inclusive_pricing_stays_within_the_line_tolerance() {
    let (amount, tax, r) = (yuan("88.50"), yuan("11.50"), rate("13%"));
    assert_eq!(vat::line_tax(amount, r), yuan("11.51"));
    assert_eq!(vat::line_tax_difference(amount, r, tax), dec!(0.005));
    assert!(vat::line_tax_within_tolerance(amount, r, tax));
    assert!(vat::line_tax_within_tolerance(
        yuan("100"),
        r,
        yuan("13.06")
    ));
    assert!(!vat::line_tax_within_tolerance(
        yuan("100"),
        r,
        yuan("13.07")
    ));
    assert_eq!(vat::LINE_TAX_TOLERANCE, dec!(0.06));
    assert_eq!(vat::INVOICE_TAX_TOLERANCE, dec!(1.27));
    let lines = [
        (yuan("100"), r, yuan("13.05")),
        (yuan("200"), r, yuan("26.05")),
    ];
    assert_eq!(vat::cumulative_tax_difference(lines), Some(dec!(0.10)));
}

#[test]
fn line_amount_is_quantity_times_price_half_up() {
    assert_eq!(
        vat::line_amount(dec!(3), dec!(33.333333)),
        Some(yuan("100.00"))
    );
    assert_eq!(vat::line_amount(dec!(1), dec!(0.005)), Some(yuan("0.01")));
    assert!(vat::line_amount_matches(
        dec!(2.5),
        dec!(4.12345678),
        yuan("10.31")
    ));
    assert!(!vat::line_amount_matches(
        dec!(2.5),
        dec!(4.12345678),
        yuan("10.30")
    ));
    assert_eq!(vat::line_amount(Decimal::MAX, dec!(2)), None);
}
