//! Check code (校验码) printed on general and electronic invoices.

use crate::ParseError;
use crate::cn::text::{compact, expect_digits, expect_length};
use crate::identifier::string_identifier;

const WHAT: &str = "check code";

/// A 20-digit check code (校验码), often printed in groups of five or four digits.
///
/// The verification platform checks general-family invoices (`04`, `10`, `11`, `14`) with
/// its last six digits.
///
/// ```
/// use tax_core::cn::CheckCode;
///
/// let code = CheckCode::parse("85342 96568 11163 80258").unwrap();
/// assert_eq!(code.as_str(), "85342965681116380258");
/// assert_eq!(code.last_six(), "380258");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CheckCode(String);

impl CheckCode {
    /// Parses a check code, accepting grouping spaces and dashes.
    pub fn parse(input: &str) -> Result<Self, ParseError> {
        let code = compact(WHAT, input)?;
        expect_length(WHAT, &code, &[20])?;
        expect_digits(WHAT, &code, "a check code")?;
        Ok(Self(code))
    }

    /// The canonical 20 digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The last six digits, used by the verification platform.
    pub fn last_six(&self) -> &str {
        self.0.get(14..).unwrap_or_default()
    }
}

string_identifier!(
    CheckCode,
    "CnCheckCode",
    "Chinese invoice check code (校验码): 20 digits.",
    "^[0-9]{20}$",
    display = as_str
);
