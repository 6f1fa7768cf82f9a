//! Terbilang: rupiah amounts in Indonesian words, both ways.
//!
//! Output follows the classic convention: `se-` for 10, 11, 100 and for **every** thousands
//! group equal to one (`seribu`, also in `satu juta seribu`), and `satu` before millions and
//! larger scales. Input is lenient: any case, extra whitespace, an optional trailing `rupiah`,
//! the spellings `milyar`/`trilyun`, and `satu ribu`/`satu ratus`/`satu puluh` are accepted.

use rust_decimal::Decimal;

use crate::{ParseError, ParseErrorKind, Rupiah};

const WHAT: &str = "terbilang";

const DIGITS: [&str; 10] = [
    "nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan",
];

/// Scale words from the largest, with their values.
const SCALES: [(&str, u64); 6] = [
    ("kuintiliun", 1_000_000_000_000_000_000),
    ("kuadriliun", 1_000_000_000_000_000),
    ("triliun", 1_000_000_000_000),
    ("miliar", 1_000_000_000),
    ("juta", 1_000_000),
    ("ribu", 1_000),
];

/// `amount` in Indonesian words.
///
/// ```
/// use tax_core::id::terbilang::to_words;
///
/// assert_eq!(to_words(0), "nol");
/// assert_eq!(to_words(111_111), "seratus sebelas ribu seratus sebelas");
/// assert_eq!(to_words(1_001_000), "satu juta seribu");
/// ```
pub fn to_words(amount: u64) -> String {
    if amount == 0 {
        return DIGITS[0].to_owned();
    }
    let mut words: Vec<&str> = Vec::new();
    let mut rest = amount;
    for (scale_word, scale) in SCALES {
        let group = rest / scale;
        rest %= scale;
        match group {
            0 => {}
            1 if scale == 1_000 => words.push("seribu"),
            _ => {
                push_group(&mut words, group);
                words.push(scale_word);
            }
        }
    }
    push_group(&mut words, rest);
    words.join(" ")
}

/// `amount` in words followed by `rupiah`.
///
/// ```
/// use tax_core::id::terbilang::to_rupiah_words;
///
/// assert_eq!(to_rupiah_words(660_000), "enam ratus enam puluh ribu rupiah");
/// ```
pub fn to_rupiah_words(amount: u64) -> String {
    format!("{} rupiah", to_words(amount))
}

/// A whole, non-negative rupiah amount in words followed by `rupiah`; `None` for negative
/// amounts, amounts with sen, and amounts beyond `u64`.
///
/// ```
/// use tax_core::Rupiah;
/// use tax_core::id::terbilang::rupiah_to_words;
///
/// let total: Rupiah = "1200000".parse()?;
/// assert_eq!(rupiah_to_words(total).as_deref(), Some("satu juta dua ratus ribu rupiah"));
/// assert_eq!(rupiah_to_words("0.50".parse()?), None);
/// # Ok::<(), tax_core::ParseError>(())
/// ```
pub fn rupiah_to_words(amount: Rupiah) -> Option<String> {
    let value = amount.amount();
    if !value.fract().is_zero() {
        return None;
    }
    u64::try_from(value.trunc()).ok().map(to_rupiah_words)
}

/// Appends the words for `group` (0–999; 0 appends nothing).
fn push_group(words: &mut Vec<&'static str>, group: u64) {
    let digit = |d: u64| DIGITS[usize::try_from(d % 10).unwrap_or(0)];
    let hundreds = group / 100 % 10;
    let tens = group / 10 % 10;
    let units = group % 10;
    match hundreds {
        0 => {}
        1 => words.push("seratus"),
        h => words.extend([digit(h), "ratus"]),
    }
    match (tens, units) {
        (0, 0) => {}
        (0, u) => words.push(digit(u)),
        (1, 0) => words.push("sepuluh"),
        (1, 1) => words.push("sebelas"),
        (1, u) => words.extend([digit(u), "belas"]),
        (t, 0) => words.extend([digit(t), "puluh"]),
        (t, u) => words.extend([digit(t), "puluh", digit(u)]),
    }
}

/// Reads an amount written in Indonesian words.
///
/// Accepts any case, extra whitespace, an optional trailing `rupiah`, `milyar`/`trilyun`, and
/// the non-classic `satu ribu`. Errors: [`ParseErrorKind::Empty`] for no words,
/// [`ParseErrorKind::Format`] for unknown words or words in an impossible order, and
/// [`ParseErrorKind::Component`] when the amount does not fit in a `u64`.
///
/// ```
/// use tax_core::id::terbilang::parse_words;
///
/// assert_eq!(parse_words("Satu  Milyar Rupiah")?, 1_000_000_000);
/// assert_eq!(parse_words("satu juta satu ribu")?, 1_001_000);
/// assert!(parse_words("seratus seratus").is_err());
/// # Ok::<(), tax_core::ParseError>(())
/// ```
pub fn parse_words(input: &str) -> Result<u64, ParseError> {
    let lowered = input.to_lowercase();
    let mut tokens: Vec<&str> = lowered.split_whitespace().collect();
    if tokens.last() == Some(&"rupiah") {
        tokens.pop();
    }
    if tokens.is_empty() {
        return Err(ParseError::new(
            WHAT,
            ParseErrorKind::Empty,
            "no number words",
        ));
    }
    if tokens == ["nol"] {
        return Ok(0);
    }
    let mut reader = Reader {
        tokens: &tokens,
        pos: 0,
    };
    let mut total: u64 = 0;
    let mut last_scale = u64::MAX;
    while !reader.done() {
        let (group, scale) = if reader.eat("seribu") {
            (1, 1_000)
        } else {
            let group = reader.group()?;
            let scale = reader.scale().unwrap_or(1);
            (group, scale)
        };
        if scale >= last_scale {
            return Err(format_error(format!(
                "scale word out of order near word {}",
                reader.pos
            )));
        }
        last_scale = scale;
        let value = group.checked_mul(scale).and_then(|v| total.checked_add(v));
        total = value.ok_or_else(|| {
            ParseError::new(
                WHAT,
                ParseErrorKind::Component,
                "amount does not fit in 64 bits",
            )
        })?;
        if scale == 1 && !reader.done() {
            return Err(format_error(format!(
                "unexpected word {:?}",
                reader.peek().unwrap_or_default()
            )));
        }
    }
    Ok(total)
}

/// Compares an amount in words with a numeric amount.
///
/// Returns `Ok(true)` when the words name exactly `amount`, `Ok(false)` when they name another
/// amount (or `amount` is negative or has decimals), and the parse error when the words are
/// not a number.
///
/// ```
/// use tax_core::Rupiah;
/// use tax_core::id::terbilang::check_words_against_amount;
///
/// let total: Rupiah = "660000".parse()?;
/// assert!(check_words_against_amount("enam ratus enam puluh ribu rupiah", total)?);
/// assert!(!check_words_against_amount("enam ratus ribu rupiah", total)?);
/// # Ok::<(), tax_core::ParseError>(())
/// ```
pub fn check_words_against_amount(words: &str, amount: Rupiah) -> Result<bool, ParseError> {
    let parsed = parse_words(words)?;
    Ok(Decimal::from(parsed) == amount.amount())
}

fn format_error(message: String) -> ParseError {
    ParseError::new(WHAT, ParseErrorKind::Format, message)
}

struct Reader<'a> {
    tokens: &'a [&'a str],
    pos: usize,
}

impl Reader<'_> {
    fn done(&self) -> bool {
        self.pos >= self.tokens.len()
    }

    fn peek(&self) -> Option<&str> {
        self.tokens.get(self.pos).copied()
    }

    fn peek_at(&self, offset: usize) -> Option<&str> {
        self.tokens.get(self.pos + offset).copied()
    }

    fn eat(&mut self, word: &str) -> bool {
        let matched = self.peek() == Some(word);
        if matched {
            self.pos += 1;
        }
        matched
    }

    /// A digit word 1–9 followed by `unit`, consumed together.
    fn digit_before(&mut self, unit: &str) -> Option<u64> {
        let digit = digit_value(self.peek()?)?;
        if self.peek_at(1) == Some(unit) {
            self.pos += 2;
            Some(digit)
        } else {
            None
        }
    }

    /// A group 1–999; at least one word must be consumed.
    fn group(&mut self) -> Result<u64, ParseError> {
        let start = self.pos;
        let mut value = 0;
        if self.eat("seratus") {
            value += 100;
        } else if let Some(d) = self.digit_before("ratus") {
            value += d * 100;
        }
        if self.eat("sepuluh") {
            value += 10;
        } else if self.eat("sebelas") {
            value += 11;
        } else if let Some(d) = self.digit_before("belas") {
            value += 10 + d;
        } else {
            if let Some(d) = self.digit_before("puluh") {
                value += d * 10;
            }
            if let Some(d) = self.peek().and_then(digit_value) {
                value += d;
                self.pos += 1;
            }
        }
        if self.pos == start || value == 0 {
            return Err(format_error(format!(
                "expected a number word, found {:?}",
                self.peek().unwrap_or_default()
            )));
        }
        Ok(value)
    }

    fn scale(&mut self) -> Option<u64> {
        let value = scale_value(self.peek()?)?;
        self.pos += 1;
        Some(value)
    }
}

fn digit_value(word: &str) -> Option<u64> {
    DIGITS
        .iter()
        .position(|d| *d == word)
        .filter(|&d| d > 0)
        .and_then(|d| u64::try_from(d).ok())
}

fn scale_value(word: &str) -> Option<u64> {
    let canonical = match word {
        "milyar" | "milyard" | "miliard" => "miliar",
        "trilyun" => "triliun",
        other => other,
    };
    SCALES
        .iter()
        .find(|(w, _)| *w == canonical)
        .map(|(_, v)| *v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_words_in_impossible_orders() {
        for bad in [
            "ribu",
            "seribu seribu",
            "satu juta dua miliar",
            "dua puluh sebelas",
            "sepuluh satu",
            "nol nol",
            "satu nol",
            "rupiah",
            "lima rupiah rupiah",
            "dua ribu juta",
        ] {
            assert!(parse_words(bad).is_err(), "{bad:?} should be rejected");
        }
    }

    #[test]
    fn overflow_is_a_component_error() {
        let err = parse_words("seratus kuintiliun").unwrap_err();
        assert_eq!(err.kind(), ParseErrorKind::Component);
        assert_eq!(parse_words(&to_words(u64::MAX)).unwrap(), u64::MAX);
    }
}
