//! Printed amounts and quantities: `1.500.000,00`, `1,500,000.00`, `Rp 750.000`, `¥94.34`.

use rust_decimal::Decimal;
use tax_core::{Currency, Money, ParseError, ParseErrorKind};

use crate::parse::{NumberStyle, parse_amount_with};

/// Parses an amount in `style`, falling back to automatic detection when the text does not
/// fit the style (a document mixing conventions).
pub(super) fn parse_decimal(text: &str, style: NumberStyle) -> Result<Decimal, ParseError> {
    let text = text.trim().trim_end_matches(['=', ':']);
    parse_amount_with(text, style).or_else(|_| parse_amount_with(text, NumberStyle::Auto))
}

/// Parses money of currency `C` printed in `style`.
pub(super) fn parse_money_in<C: Currency>(
    text: &str,
    style: NumberStyle,
) -> Result<Money<C>, ParseError> {
    Money::new(parse_decimal(text, style)?)
}

/// Whether `text` is a printed amount: digits with separators, optionally with a currency
/// marker, and at least one digit.
pub(super) fn is_amount(text: &str, style: NumberStyle) -> bool {
    text.chars().any(|c| c.is_ascii_digit()) && parse_decimal(text, style).is_ok()
}

/// The number style a document uses, from the amounts it prints: `1.500.000,00` means dots
/// group thousands, `1,500,000.00` means commas do; otherwise the style is decided per
/// amount.
pub(super) fn detect_style<'t>(texts: impl IntoIterator<Item = &'t str>) -> NumberStyle {
    let (mut dot_grouping, mut comma_grouping) = (0_usize, 0_usize);
    for text in texts {
        for token in text.split_whitespace() {
            match decimal_separator(token) {
                Some(',') => dot_grouping += 1,
                Some('.') => comma_grouping += 1,
                _ => {}
            }
        }
    }
    match dot_grouping.cmp(&comma_grouping) {
        std::cmp::Ordering::Greater => NumberStyle::DotGrouping,
        std::cmp::Ordering::Less => NumberStyle::CommaGrouping,
        std::cmp::Ordering::Equal => NumberStyle::Auto,
    }
}

/// The decimal separator of a token that shows one unambiguously: both separators present
/// (the last is decimal), or a separator followed by exactly two digits at the end.
fn decimal_separator(token: &str) -> Option<char> {
    let token = token.trim_end_matches([',', '.', ';', ')']);
    let digits_and_separators = token
        .trim_start_matches(|c: char| !c.is_ascii_digit())
        .chars()
        .all(|c| c.is_ascii_digit() || c == '.' || c == ',');
    if !digits_and_separators || !token.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let last = token.rfind(['.', ','])?;
    let separator = token.get(last..)?.chars().next()?;
    let other = if separator == '.' { ',' } else { '.' };
    let tail = token.get(last + 1..)?;
    if token.contains(other) || (tail.len() == 2 && tail.chars().all(|c| c.is_ascii_digit())) {
        Some(separator)
    } else {
        None
    }
}

/// Parses a quantity such as `2`, `2,00` or `1.5` in `style`; never negative.
pub(super) fn parse_quantity(text: &str, style: NumberStyle) -> Result<Decimal, ParseError> {
    let value = parse_decimal(text, style)?;
    if value.is_sign_negative() && !value.is_zero() {
        return Err(ParseError::new(
            "quantity",
            ParseErrorKind::Component,
            format!("{text:?} is negative"),
        ));
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    #[test]
    fn amounts_follow_the_document_style() {
        assert_eq!(
            parse_decimal("1.500", NumberStyle::DotGrouping).unwrap(),
            d("1500")
        );
        assert_eq!(
            parse_decimal("1.500", NumberStyle::CommaGrouping).unwrap(),
            d("1.500")
        );
        assert_eq!(
            parse_decimal("Rp 1.500.000,00", NumberStyle::DotGrouping).unwrap(),
            d("1500000.00")
        );
        assert_eq!(
            parse_decimal("IDR 1,500,000.00", NumberStyle::DotGrouping).unwrap(),
            d("1500000.00")
        );
        assert!(!is_amount("Rp", NumberStyle::Auto));
        assert!(is_amount("¥94.34", NumberStyle::CommaGrouping));
    }

    #[test]
    fn style_is_detected_from_unambiguous_amounts() {
        let dot = ["Subtotal Rp 1.500.000,00", "PPN 165.000,00"];
        assert_eq!(detect_style(dot), NumberStyle::DotGrouping);
        let comma = ["Subtotal 1,500,000.00", "VAT 11% 165,000.00"];
        assert_eq!(detect_style(comma), NumberStyle::CommaGrouping);
        assert_eq!(detect_style(["Qty 2"]), NumberStyle::Auto);
    }

    #[test]
    fn quantities_are_not_negative() {
        assert_eq!(
            parse_quantity("2,00", NumberStyle::DotGrouping).unwrap(),
            d("2.00")
        );
        assert!(parse_quantity("-1", NumberStyle::Auto).is_err());
    }
}
