//! 大写 words → amount.

use std::fmt;

use rust_decimal::Decimal;

use super::format::{Piece, spell, to_words};
use crate::{ParseError, ParseErrorKind, Yuan};

const WHAT: &str = "RMB amount in words";

/// More characters than the words of the largest representable amount.
const MAX_CHARS: usize = 128;

/// Parses an uppercase RMB amount such as `"壹仟肆佰零玖圆伍角"`.
///
/// Accepted: 元 or 圆 (and traditional 圓), 整 or 正, the traditional digits and units 貳 陸
/// 億 萬, a leading `人民币`, a leading 负 for negative amounts, every optional 零 of the PBoC
/// rules, and an optional 整 after 角. More than 128 characters fail with
/// [`ParseErrorKind::Length`]; anything else, including a non-canonical arrangement
/// that happens to denote a number (such as `"拾拾元整"`), fails with
/// [`ParseErrorKind::Format`].
///
/// ```
/// use tax_core::cn::daxie::parse_words;
///
/// let amount = parse_words("壹仟陆佰捌拾元零叁角贰分").unwrap();
/// assert_eq!(amount.to_string(), "1680.32");
/// assert_eq!(parse_words("壹仟陆佰捌拾圆叁角贰分").unwrap(), amount);
/// assert!(parse_words("壹仟陆佰捌拾圆叁角贰分整").is_err()); // never 整 after 分
/// ```
pub fn parse_words(input: &str) -> Result<Yuan, ParseError> {
    let text = normalize(input);
    if text.is_empty() {
        return Err(ParseError::new(
            WHAT,
            ParseErrorKind::Empty,
            "no characters",
        ));
    }
    let length = text.chars().count();
    if length > MAX_CHARS {
        return Err(ParseError::new(
            WHAT,
            ParseErrorKind::Length,
            format!("{length} characters; no amount needs more than {MAX_CHARS}"),
        ));
    }
    let (negative, unsigned) = match text.strip_prefix('负') {
        Some(rest) => (true, rest),
        None => (false, text.as_str()),
    };
    let (integer_text, fraction_text) = unsigned.split_once('元').unwrap_or(("", unsigned));
    let integer = parse_integer(integer_text)?;
    let (jiao, fen) = parse_fraction(fraction_text)?;
    let magnitude = Decimal::try_from_i128_with_scale(integer, 0)
        .ok()
        .and_then(|whole| whole.checked_add(Decimal::new(jiao * 10 + fen, 2)))
        .ok_or_else(too_large)?;
    let amount = Yuan::new(if negative { -magnitude } else { magnitude })?;
    if !matches_spelling(&text, &spell(amount)) {
        return Err(format_error(format!(
            "{input:?} is not a valid spelling of {amount}; expected e.g. {}",
            to_words(amount)
        )));
    }
    Ok(amount)
}

/// Why amount words do not agree with an amount in figures.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WordsMismatch {
    /// The words are not a valid amount.
    Unparseable(ParseError),
    /// The words denote a different amount.
    Different {
        /// The amount the words denote.
        in_words: Yuan,
        /// The amount in figures.
        in_figures: Yuan,
    },
}

impl fmt::Display for WordsMismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Unparseable(err) => write!(f, "{err}"),
            Self::Different {
                in_words,
                in_figures,
            } => {
                write!(
                    f,
                    "the words say {in_words} but the figures say {in_figures}"
                )
            }
        }
    }
}

impl std::error::Error for WordsMismatch {}

/// Checks that `words` spell `amount` (价税合计 大写 against 小写).
///
/// ```
/// use tax_core::cn::daxie::{check_words_against_amount, WordsMismatch};
///
/// let total = "9828.00".parse().unwrap();
/// assert!(check_words_against_amount("玖仟捌佰贰拾捌圆整", total).is_ok());
/// assert!(matches!(
///     check_words_against_amount("玖仟捌佰贰拾玖圆整", total),
///     Err(WordsMismatch::Different { .. })
/// ));
/// ```
pub fn check_words_against_amount(words: &str, amount: Yuan) -> Result<(), WordsMismatch> {
    let in_words = parse_words(words).map_err(WordsMismatch::Unparseable)?;
    if in_words == amount {
        Ok(())
    } else {
        Err(WordsMismatch::Different {
            in_words,
            in_figures: amount,
        })
    }
}

fn format_error(message: impl Into<String>) -> ParseError {
    ParseError::new(WHAT, ParseErrorKind::Format, message)
}

/// Removes whitespace and a `人民币` prefix and maps every accepted variant to the form
/// [`spell`] produces (元, 整, simplified characters).
fn normalize(input: &str) -> String {
    let trimmed: String = input.chars().filter(|c| !c.is_whitespace()).collect();
    let without_prefix = trimmed.strip_prefix("人民币").unwrap_or(&trimmed);
    without_prefix
        .chars()
        .map(|c| match c {
            '圆' | '圓' => '元',
            '正' => '整',
            '貳' => '贰',
            '陸' => '陆',
            '億' => '亿',
            '萬' => '万',
            other => other,
        })
        .collect()
}

fn digit_value<T: TryFrom<usize>>(c: char) -> Option<T> {
    "零壹贰叁肆伍陆柒捌玖"
        .chars()
        .position(|d| d == c)
        .and_then(|p| T::try_from(p).ok())
}

/// Reads the value of the integer part leniently (the exact spelling is checked afterwards).
///
/// The number is split at its longest run of 亿 (`A 亿…亿 B` = `A × 10^(8·run) + B`), then at
/// 万, then read as a four-digit section, so `壹万亿` and `壹亿亿零壹亿` both read correctly.
fn parse_integer(text: &str) -> Result<i128, ParseError> {
    let chars: Vec<char> = text.chars().filter(|c| *c != '零').collect();
    parse_yi_groups(&chars)
}

fn parse_yi_groups(chars: &[char]) -> Result<i128, ParseError> {
    let mut longest: Option<(usize, usize)> = None;
    let mut index = 0;
    while index < chars.len() {
        let run = chars[index..].iter().take_while(|c| **c == '亿').count();
        if run > longest.map_or(0, |(_, len)| len) {
            longest = Some((index, run));
        }
        index += run.max(1);
    }
    let Some((start, run)) = longest else {
        return parse_wan_groups(chars);
    };
    let high = parse_yi_groups(&chars[..start])?;
    let low = parse_yi_groups(&chars[start + run..])?;
    u32::try_from(run * 8)
        .ok()
        .and_then(|exponent| 10i128.checked_pow(exponent))
        .and_then(|scale| high.checked_mul(scale))
        .and_then(|value| value.checked_add(low))
        .ok_or_else(too_large)
}

fn parse_wan_groups(chars: &[char]) -> Result<i128, ParseError> {
    let Some(split) = chars.iter().position(|c| *c == '万') else {
        return parse_section(chars);
    };
    let high = parse_section(&chars[..split])?;
    let low = parse_wan_groups(&chars[split + 1..])?;
    high.checked_mul(10_000)
        .and_then(|value| value.checked_add(low))
        .ok_or_else(too_large)
}

/// Reads digits with 拾 佰 仟 (each unit needs a digit before it).
fn parse_section(chars: &[char]) -> Result<i128, ParseError> {
    let mut value: i128 = 0;
    let mut digit: Option<i128> = None;
    for c in chars {
        let unit = match c {
            '拾' => Some(10),
            '佰' => Some(100),
            '仟' => Some(1000),
            _ => None,
        };
        match unit {
            Some(unit) => {
                let d = digit
                    .take()
                    .ok_or_else(|| format_error(format!("{c} without a digit before it")))?;
                value = value.checked_add(d * unit).ok_or_else(too_large)?;
            }
            None => {
                let d = digit_value(*c).ok_or_else(|| format_error(format!("unexpected {c:?}")))?;
                if digit.replace(d).is_some() {
                    return Err(format_error("two digits without a unit between them"));
                }
            }
        }
    }
    value.checked_add(digit.unwrap_or(0)).ok_or_else(too_large)
}

fn too_large() -> ParseError {
    format_error("amount too large")
}

/// Reads 角 and 分 leniently (the exact spelling is checked afterwards).
fn parse_fraction(text: &str) -> Result<(i64, i64), ParseError> {
    let mut jiao = 0;
    let mut fen = 0;
    let mut digit: Option<i64> = None;
    for c in text.chars() {
        match c {
            '零' | '整' => {}
            '角' => {
                jiao = digit
                    .take()
                    .ok_or_else(|| format_error("角 without a digit"))?
            }
            '分' => {
                fen = digit
                    .take()
                    .ok_or_else(|| format_error("分 without a digit"))?
            }
            _ => {
                let value =
                    digit_value(c).ok_or_else(|| format_error(format!("unexpected {c:?}")))?;
                if digit.replace(value).is_some() {
                    return Err(format_error("two digits without 角 or 分"));
                }
            }
        }
    }
    if digit.is_some() {
        return Err(format_error("a digit without 角 or 分 after it"));
    }
    Ok((jiao, fen))
}

/// True when `text` is the concatenation of the required pieces, with each optional piece
/// present or absent. Optional pieces are never followed by a piece starting with the same
/// text, so matching them greedily is exact.
fn matches_spelling(text: &str, pieces: &[Piece]) -> bool {
    let mut rest = text;
    for piece in pieces {
        match piece {
            Piece::Required(required) => match rest.strip_prefix(required) {
                Some(after) => rest = after,
                None => return false,
            },
            Piece::Optional(optional) => rest = rest.strip_prefix(optional).unwrap_or(rest),
        }
    }
    rest.is_empty()
}
