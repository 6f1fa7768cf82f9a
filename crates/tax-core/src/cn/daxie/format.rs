//! Amount → 大写 words.

use crate::Yuan;

const DIGITS: [&str; 10] = ["零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"];
const SECTION_UNITS: [&str; 4] = ["仟", "佰", "拾", ""];

/// The character written for the yuan unit.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum YuanUnit {
    /// 圆, the form printed on VAT invoices.
    #[default]
    Formal,
    /// 元, the simplified form (as `cn2an` writes it).
    Simplified,
}

/// One piece of a spelled amount: text that must appear, or text the rules allow to be
/// left out (an optional 零 or 整).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Piece {
    Required(&'static str),
    Optional(&'static str),
}

/// Writes `amount` in uppercase words with 圆, as on VAT invoices.
///
/// ```
/// use tax_core::cn::daxie::to_words;
///
/// assert_eq!(to_words("120".parse().unwrap()), "壹佰贰拾圆整");
/// assert_eq!(to_words("16409.02".parse().unwrap()), "壹万陆仟肆佰零玖圆零贰分");
/// assert_eq!(to_words("-120".parse().unwrap()), "负壹佰贰拾圆整");
/// ```
pub fn to_words(amount: Yuan) -> String {
    to_words_with(amount, YuanUnit::Formal)
}

/// Writes `amount` in uppercase words with the chosen yuan character.
///
/// ```
/// use tax_core::cn::daxie::{to_words_with, YuanUnit};
///
/// assert_eq!(to_words_with("0".parse().unwrap(), YuanUnit::Simplified), "零元整");
/// ```
pub fn to_words_with(amount: Yuan, unit: YuanUnit) -> String {
    let unit_text = match unit {
        YuanUnit::Formal => "圆",
        YuanUnit::Simplified => "元",
    };
    spell(amount)
        .into_iter()
        .filter_map(|piece| match piece {
            Piece::Required("元") => Some(unit_text),
            Piece::Required(text) => Some(text),
            Piece::Optional(_) => None,
        })
        .collect()
}

/// Spells `amount` (with 元) as required and optional pieces.
pub(crate) fn spell(amount: Yuan) -> Vec<Piece> {
    let mut pieces = Vec::new();
    if amount.is_negative() {
        pieces.push(Piece::Required("负"));
    }
    let text = amount.amount().abs().normalize().to_string();
    let (integer, fraction) = text.split_once('.').unwrap_or((text.as_str(), ""));
    let integer = integer.trim_start_matches('0');
    let mut fraction_digits = fraction
        .bytes()
        .map(|b| usize::from(b.saturating_sub(b'0') % 10));
    let jiao = fraction_digits.next().unwrap_or(0);
    let fen = fraction_digits.next().unwrap_or(0);

    if integer.is_empty() {
        if jiao == 0 && fen == 0 {
            pieces.extend([
                Piece::Required("零"),
                Piece::Required("元"),
                Piece::Required("整"),
            ]);
            return pieces;
        }
        pieces.push(Piece::Optional("零元"));
    } else {
        spell_integer(integer, &mut pieces);
        pieces.push(Piece::Required("元"));
    }
    let units_digit_is_zero = integer.ends_with('0');
    match (jiao, fen) {
        (0, 0) => pieces.push(Piece::Required("整")),
        (0, fen) => {
            if !integer.is_empty() {
                pieces.push(Piece::Required("零"));
            }
            pieces.extend([Piece::Required(DIGITS[fen]), Piece::Required("分")]);
        }
        (jiao, fen) => {
            if units_digit_is_zero {
                pieces.push(Piece::Optional("零"));
            }
            pieces.extend([Piece::Required(DIGITS[jiao]), Piece::Required("角")]);
            if fen == 0 {
                pieces.push(Piece::Optional("整"));
            } else {
                pieces.extend([Piece::Required(DIGITS[fen]), Piece::Required("分")]);
            }
        }
    }
    pieces
}

/// Spells a positive integer given as decimal digits without leading zeros.
fn spell_integer(digits: &str, pieces: &mut Vec<Piece>) {
    let values: Vec<usize> = digits
        .bytes()
        .map(|b| usize::from(b.saturating_sub(b'0') % 10))
        .collect();
    let padding = (4 - values.len() % 4) % 4;
    let padded: Vec<usize> = std::iter::repeat_n(0, padding).chain(values).collect();
    let sections: Vec<&[usize]> = padded.chunks(4).collect();
    let count = sections.len();
    for (position, section) in sections.iter().enumerate() {
        let index_from_right = count - 1 - position;
        let value = section.iter().fold(0, |acc, d| acc * 10 + d);
        if value != 0 {
            if position > 0 {
                let previous_digit_is_zero = sections[position - 1].last() == Some(&0);
                if value < 1000 {
                    pieces.push(Piece::Required("零"));
                } else if previous_digit_is_zero {
                    pieces.push(Piece::Optional("零"));
                }
            }
            spell_section(section, pieces);
            if !index_from_right.is_multiple_of(2) {
                pieces.push(Piece::Required("万"));
            }
        }
        // A 亿 group is the 万 section before this one and this section; it ends with one 亿
        // per group below it, written once if any of its two sections is non-zero.
        let ends_yi_group = index_from_right > 0 && index_from_right.is_multiple_of(2);
        let group_is_nonzero =
            value != 0 || (position > 0 && sections[position - 1].iter().any(|d| *d != 0));
        if ends_yi_group && group_is_nonzero {
            for _ in 0..index_from_right / 2 {
                pieces.push(Piece::Required("亿"));
            }
        }
    }
}

/// Spells one four-digit section: leading zeros skipped, an inner run of zeros as one 零,
/// trailing zeros not written.
fn spell_section(section: &[usize], pieces: &mut Vec<Piece>) {
    let mut pending_zero = false;
    let mut started = false;
    for (digit, unit) in section.iter().zip(SECTION_UNITS) {
        if *digit == 0 {
            pending_zero = started;
            continue;
        }
        if pending_zero {
            pieces.push(Piece::Required("零"));
            pending_zero = false;
        }
        started = true;
        pieces.push(Piece::Required(DIGITS[*digit]));
        if !unit.is_empty() {
            pieces.push(Piece::Required(unit));
        }
    }
}
