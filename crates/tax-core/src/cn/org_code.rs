//! GB 11714 organization code (组织机构代码): eight base-36 characters and a check character.

use crate::cn::text::{compact, expect_length};
use crate::identifier::string_identifier;
use crate::{ParseError, ParseErrorKind};

const WHAT: &str = "organization code";
const WEIGHTS: [u32; 8] = [3, 7, 9, 10, 5, 8, 4, 2];

/// A GB 11714 organization code such as `60003734-1`, stored without the dash.
///
/// It is the 9-character block inside a USCC (positions 9–17) and the last nine characters of
/// a pre-2015 15-character taxpayer ID. The check character is `c = 11 − Σ vᵢ·wᵢ mod 11` over
/// base-36 values with weights `3 7 9 10 5 8 4 2`, where 10 is written `X` and 11 is `0`.
///
/// ```
/// use tax_core::cn::OrganizationCode;
///
/// let code = OrganizationCode::parse("60003734-1").unwrap();
/// assert_eq!(code.as_str(), "600037341");
/// assert!(OrganizationCode::parse("600037342").is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct OrganizationCode(String);

impl OrganizationCode {
    /// Parses a code, accepting a dash before the check character, spaces and lowercase.
    pub fn parse(input: &str) -> Result<Self, ParseError> {
        let code = compact(WHAT, input)?;
        expect_length(WHAT, &code, &[9])?;
        let (body, check) = code.split_at(8);
        if let Some(bad) = body.chars().find(|c| !c.is_ascii_alphanumeric()) {
            return Err(ParseError::new(
                WHAT,
                ParseErrorKind::Format,
                format!("{bad:?} is not a digit or letter"),
            ));
        }
        if !check.chars().all(|c| c.is_ascii_digit() || c == 'X') {
            return Err(ParseError::new(
                WHAT,
                ParseErrorKind::Format,
                format!("check character {check:?} must be a digit or X"),
            ));
        }
        let expected = Self::check_character(body).ok_or_else(|| {
            ParseError::new(
                WHAT,
                ParseErrorKind::Format,
                "body must be 8 digits or letters",
            )
        })?;
        if !check.starts_with(expected) {
            return Err(ParseError::new(
                WHAT,
                ParseErrorKind::Checksum,
                format!("check character is {check}, expected {expected}"),
            ));
        }
        Ok(Self(code))
    }

    /// The GB 11714 check character for an 8-character body of digits and uppercase letters,
    /// or `None` when the body is not such a string.
    ///
    /// ```
    /// assert_eq!(tax_core::cn::OrganizationCode::check_character("60003734"), Some('1'));
    /// ```
    pub fn check_character(body: &str) -> Option<char> {
        if body.len() != 8 {
            return None;
        }
        let mut sum = 0u32;
        for (c, weight) in body.chars().zip(WEIGHTS) {
            if !(c.is_ascii_digit() || c.is_ascii_uppercase()) {
                return None;
            }
            sum += c.to_digit(36)? * weight;
        }
        Some(match 11 - sum % 11 {
            10 => 'X',
            11 => '0',
            digit => char::from_digit(digit, 10)?,
        })
    }

    /// True when the last character of a 9-character code is its GB 11714 check character.
    pub(crate) fn is_valid(code: &str) -> bool {
        code.len() == 9
            && code
                .get(..8)
                .and_then(Self::check_character)
                .is_some_and(|c| code.ends_with(c))
    }

    /// The canonical 9-character form, without the dash.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

string_identifier!(
    OrganizationCode,
    "OrganizationCode",
    "GB 11714 organization code: eight digits or uppercase letters and a check character (digit or X).",
    "^[0-9A-Z]{8}[0-9X]$",
    display = as_str
);
