//! Resident identity card number (居民身份证号码, GB 11643).

use chrono::{Datelike, NaiveDate};

use crate::cn::text::{compact, expect_digits, expect_length};
use crate::identifier::string_identifier;
use crate::{ParseError, ParseErrorKind};

const WHAT: &str = "resident ID";

/// Weights of positions 1–17 (ISO 7064 MOD 11-2: 2^(17-i) mod 11).
const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/// Check character by `Σ mod 11`.
const CHECK_CHARS: [char; 11] = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];

/// Province-level prefixes of GB/T 2260 address codes (83 is used by residence permits of
/// Hong Kong, Macao and Taiwan residents).
pub(crate) const PROVINCES: [u8; 35] = [
    11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52,
    53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83,
];

/// An 18-character resident ID: 6-digit address code, birth date `YYYYMMDD`, 3-digit order
/// number (odd for men) and an ISO 7064 MOD 11-2 check character (`0`–`9` or `X`).
///
/// The parser checks the province part of the address code (the full county list changes
/// over time and is not embedded), that the birth date exists, and the check character.
/// Lowercase `x` is accepted; the canonical form uses `X`.
///
/// ```
/// use chrono::{Datelike, NaiveDate};
/// use tax_core::cn::{Gender, ResidentId};
///
/// let id = ResidentId::parse("44011320141005001x").unwrap();
/// assert_eq!(id.to_string(), "44011320141005001X");
/// assert_eq!(id.address_code(), "440113");
/// assert_eq!(id.birth_date(), NaiveDate::from_ymd_opt(2014, 10, 5).unwrap());
/// assert_eq!(id.gender(), Gender::Male);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ResidentId {
    text: String,
    birth_date: NaiveDate,
}

impl ResidentId {
    /// Parses a resident ID, accepting spaces, dashes and lowercase `x`.
    ///
    /// Errors: [`ParseErrorKind::Length`] unless 18 characters; [`ParseErrorKind::Format`] for
    /// non-digits (other than a final `X`); [`ParseErrorKind::Component`] for an unknown
    /// province or an impossible birth date; [`ParseErrorKind::Checksum`] for a wrong check
    /// character.
    pub fn parse(input: &str) -> Result<Self, ParseError> {
        let text = compact(WHAT, input)?;
        expect_length(WHAT, &text, &[18])?;
        let (body, check) = text.split_at(17);
        expect_digits(WHAT, body, "positions 1-17")?;
        if !(check == "X" || check.chars().all(|c| c.is_ascii_digit())) {
            return Err(ParseError::new(
                WHAT,
                ParseErrorKind::Format,
                format!("check character {check:?} must be a digit or X"),
            ));
        }
        let province: u8 = parse_number(&text[..2])?;
        if !PROVINCES.contains(&province) {
            return Err(ParseError::new(
                WHAT,
                ParseErrorKind::Component,
                format!("address code {} is not in a known province", &text[..6]),
            ));
        }
        let birth_date = NaiveDate::from_ymd_opt(
            parse_number(&text[6..10])?,
            parse_number(&text[10..12])?,
            parse_number(&text[12..14])?,
        )
        .filter(|date| date.year() >= 1800)
        .ok_or_else(|| {
            ParseError::new(
                WHAT,
                ParseErrorKind::Component,
                format!("{} is not a possible birth date", &text[6..14]),
            )
        })?;
        let expected = Self::check_character(body)
            .ok_or_else(|| ParseError::new(WHAT, ParseErrorKind::Format, "invalid body"))?;
        if !check.starts_with(expected) {
            return Err(ParseError::new(
                WHAT,
                ParseErrorKind::Checksum,
                format!("check character is {check}, expected {expected}"),
            ));
        }
        Ok(Self { text, birth_date })
    }

    /// The ISO 7064 MOD 11-2 check character for 17 digits, or `None` if `body` is not 17
    /// ASCII digits.
    ///
    /// ```
    /// assert_eq!(tax_core::cn::ResidentId::check_character("11010519491231002"), Some('X'));
    /// ```
    pub fn check_character(body: &str) -> Option<char> {
        if body.len() != 17 {
            return None;
        }
        let mut sum = 0u32;
        for (c, weight) in body.chars().zip(WEIGHTS) {
            sum += c.to_digit(10)? * weight;
        }
        CHECK_CHARS.get(usize::try_from(sum % 11).ok()?).copied()
    }

    /// The canonical 18-character form (uppercase `X`).
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Positions 1–6: the GB/T 2260 address code at registration.
    pub fn address_code(&self) -> &str {
        self.text.get(..6).unwrap_or_default()
    }

    /// Positions 7–14: the birth date.
    pub fn birth_date(&self) -> NaiveDate {
        self.birth_date
    }

    /// Position 17: odd order numbers are assigned to men, even ones to women.
    pub fn gender(&self) -> Gender {
        let order_digit = self
            .text
            .chars()
            .nth(16)
            .and_then(|c| c.to_digit(10))
            .unwrap_or(0);
        if order_digit % 2 == 1 {
            Gender::Male
        } else {
            Gender::Female
        }
    }
}

fn parse_number<T: std::str::FromStr>(digits: &str) -> Result<T, ParseError> {
    digits.parse().map_err(|_| {
        ParseError::new(
            WHAT,
            ParseErrorKind::Format,
            format!("{digits:?} is not a number"),
        )
    })
}

string_identifier!(
    ResidentId,
    "CnResidentId",
    "Chinese resident identity card number (GB 11643): 17 digits and a MOD 11-2 check character (digit or X).",
    "^[0-9]{17}[0-9X]$",
    display = as_str
);

/// The gender encoded in a resident ID's order number.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Gender {
    /// Odd order number.
    Male,
    /// Even order number.
    Female,
}
