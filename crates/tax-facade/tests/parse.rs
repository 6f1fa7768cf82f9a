//! Provider text into exact values: amounts, dates and confidences.

use chrono::{Datelike, NaiveDate};
use proptest::prelude::*;
use rust_decimal::Decimal;
use tax_core::ValidationReport;
use tax_facade::document::{Confidence, Field};
use tax_facade::parse::{NumberStyle, parse_amount, parse_amount_with, parse_date};

/// Formats `value` with thousands grouped by `grouping` and decimals after `decimal`.
fn format_grouped(value: Decimal, grouping: char, decimal: char) -> String {
    let text = value.abs().to_string();
    let (integer, fraction) = match text.split_once('.') {
        Some((i, f)) => (i.to_owned(), Some(f.to_owned())),
        None => (text.clone(), None),
    };
    let digits: Vec<char> = integer.chars().collect();
    let mut grouped = String::new();
    for (index, digit) in digits.iter().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            grouped.push(grouping);
        }
        grouped.push(*digit);
    }
    let sign = if value.is_sign_negative() && !value.is_zero() {
        "-"
    } else {
        ""
    };
    match fraction {
        Some(fraction) => format!("{sign}{grouped}{decimal}{fraction}"),
        None => format!("{sign}{grouped}"),
    }
}

fn decimal() -> impl Strategy<Value = Decimal> {
    (any::<i64>(), 0u32..=4).prop_map(|(mantissa, scale)| Decimal::new(mantissa, scale))
}

proptest! {
    #[test]
    fn formatted_amounts_round_trip_exactly(value in decimal(), prefix in prop::sample::select(vec!["", "Rp ", "¥", "IDR "])) {
        let indonesian = format!("{prefix}{}", format_grouped(value, '.', ','));
        let english = format!("{prefix}{}", format_grouped(value, ',', '.'));
        let parsed_id = parse_amount_with(&indonesian, NumberStyle::DotGrouping).unwrap();
        let parsed_en = parse_amount_with(&english, NumberStyle::CommaGrouping).unwrap();
        prop_assert_eq!(parsed_id, value);
        prop_assert_eq!(parsed_id.scale(), value.scale());
        prop_assert_eq!(parsed_en, value);
        // Auto detection is unambiguous unless exactly three decimals follow a short integer.
        if value.scale() != 3 {
            prop_assert_eq!(parse_amount(&indonesian).unwrap(), value, "{}", indonesian);
            prop_assert_eq!(parse_amount(&english).unwrap(), value, "{}", english);
        }
    }

    #[test]
    fn confidence_always_lands_in_the_unit_interval(raw in any::<f64>()) {
        for normalized in [Confidence::from_fraction(raw), Confidence::from_percent(raw)] {
            let value = normalized.confidence.value();
            prop_assert!((0.0..=1.0).contains(&value));
        }
        let fraction = Confidence::from_fraction(raw);
        prop_assert_eq!(fraction.clamped, !(0.0..=1.0).contains(&raw));
        if !fraction.clamped {
            prop_assert_eq!(fraction.confidence.value(), raw);
        }
    }

    #[test]
    fn every_calendar_day_parses_in_every_provider_form(days in 0i64..80_000) {
        let date = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap() + chrono::Duration::days(days);
        let (y, m, d) = (date.year(), date.month(), date.day());
        for text in [
            format!("{y:04}-{m:02}-{d:02}"),
            format!("{y:04}年{m:02}月{d:02}日"),
            format!("{y:04}{m:02}{d:02}"),
            format!("{d:02}/{m:02}/{y:04}"),
        ] {
            prop_assert_eq!(parse_date(&text).unwrap(), date, "{}", text);
        }
    }
}

#[test]
fn the_deepfinch_five_digit_year_is_kept_as_text_with_a_finding() {
    let mut findings = ValidationReport::new();
    let field = Field::parse("20227年03月24日", "issue_date", &mut findings, parse_date);
    assert_eq!(field.value, None);
    assert_eq!(field.raw.as_deref(), Some("20227年03月24日"));
    let finding = findings.iter().next().unwrap();
    assert_eq!(finding.rule, "field.unparsed");
    assert_eq!(finding.path, "issue_date");
    assert_eq!(finding.severity, tax_core::Severity::Warning);
}

#[test]
fn an_out_of_range_confidence_is_clamped_and_reported() {
    let mut findings = ValidationReport::new();
    let confidence = Confidence::from_fraction(1.9856).reported("npwp", &mut findings);
    assert_eq!(confidence, Confidence::ONE);
    assert!(findings.contains_rule("field.confidence_out_of_range"));
}
