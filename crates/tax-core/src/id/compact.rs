//! Shared input normalisation for the digit-only Indonesian identifiers.

use crate::{ParseError, ParseErrorKind};

/// True for the separators people write inside identifiers: whitespace, `.`, `-` and the
/// Unicode dashes (hyphen, non-breaking hyphen, figure dash, en and em dash, minus sign).
fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '.' | '-'
                | '\u{2010}'
                | '\u{2011}'
                | '\u{2012}'
                | '\u{2013}'
                | '\u{2014}'
                | '\u{2015}'
                | '\u{2212}'
        )
}

/// Removes separators and checks that only ASCII digits remain.
///
/// `what` names the value type in the error. The result is never empty.
pub(crate) fn compact_digits(what: &'static str, input: &str) -> Result<String, ParseError> {
    let mut digits = String::with_capacity(input.len());
    for c in input.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
        } else if !is_separator(c) {
            return Err(ParseError::new(
                what,
                ParseErrorKind::Format,
                format!(
                    "unexpected character {c:?}; only digits, spaces, dots and dashes are allowed"
                ),
            ));
        }
    }
    if digits.is_empty() {
        return Err(ParseError::new(
            what,
            ParseErrorKind::Empty,
            "no digits found",
        ));
    }
    Ok(digits)
}

/// The numeric value of a run of ASCII digits (callers pass validated digits only).
pub(crate) fn digits_value(digits: &str) -> u64 {
    digits.bytes().fold(0_u64, |acc, b| {
        acc.wrapping_mul(10)
            .wrapping_add(u64::from(b.wrapping_sub(b'0')))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_separators_and_rejects_other_characters() {
        assert_eq!(
            compact_digits("X", " 01.312-166\u{2013}0 ").unwrap(),
            "013121660"
        );
        assert_eq!(
            compact_digits("X", "01/3").unwrap_err().kind(),
            ParseErrorKind::Format
        );
        assert_eq!(
            compact_digits("X", " .- ").unwrap_err().kind(),
            ParseErrorKind::Empty
        );
        assert_eq!(
            compact_digits("X", "٣").unwrap_err().kind(),
            ParseErrorKind::Format
        );
    }

    #[test]
    fn reads_digit_values() {
        assert_eq!(digits_value("000123"), 123);
        assert_eq!(digits_value("99"), 99);
    }
}
