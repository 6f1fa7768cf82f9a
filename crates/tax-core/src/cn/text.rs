//! Shared text handling for the Chinese identifier parsers: separator stripping and length and
//! digit checks.

use crate::{ParseError, ParseErrorKind};

/// Removes the separators people type or print inside identifiers (ASCII and ideographic
/// spaces, tabs, `-`) and uppercases ASCII letters. Fails with [`ParseErrorKind::Empty`] when
/// nothing is left, and with [`ParseErrorKind::Format`] on any other non-ASCII character, so
/// that callers may index the result by byte.
pub(crate) fn compact(what: &'static str, input: &str) -> Result<String, ParseError> {
    let compacted: String = input
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '\t' | '\u{3000}' | '\u{a0}'))
        .map(|c| c.to_ascii_uppercase())
        .collect();
    if compacted.is_empty() {
        return Err(ParseError::new(
            what,
            ParseErrorKind::Empty,
            "no characters",
        ));
    }
    if let Some(bad) = compacted.chars().find(|c| !c.is_ascii_graphic()) {
        return Err(ParseError::new(
            what,
            ParseErrorKind::Format,
            format!("{bad:?} is not allowed"),
        ));
    }
    Ok(compacted)
}

/// Fails with [`ParseErrorKind::Length`] unless `value` has one of the `allowed` lengths
/// (counted in characters).
pub(crate) fn expect_length(
    what: &'static str,
    value: &str,
    allowed: &[usize],
) -> Result<(), ParseError> {
    let found = value.chars().count();
    if allowed.contains(&found) {
        return Ok(());
    }
    let expected = allowed
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(" or ");
    Err(ParseError::new(
        what,
        ParseErrorKind::Length,
        format!("expected {expected} characters, found {found}"),
    ))
}

/// Fails with [`ParseErrorKind::Format`] unless every character of `value` is an ASCII digit.
pub(crate) fn expect_digits(
    what: &'static str,
    value: &str,
    field: &str,
) -> Result<(), ParseError> {
    match value.chars().find(|c| !c.is_ascii_digit()) {
        None => Ok(()),
        Some(bad) => Err(ParseError::new(
            what,
            ParseErrorKind::Format,
            format!("{field} must be digits, found {bad:?}"),
        )),
    }
}
