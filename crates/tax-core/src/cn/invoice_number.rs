//! Invoice number (发票号码): 8 digits, or 20 digits on fully digitalised invoices.

use crate::cn::text::{compact, expect_digits, expect_length};
use crate::identifier::string_identifier;
use crate::{ParseError, ParseErrorKind};

const WHAT: &str = "invoice number";

/// An invoice number: 8 digits (never `00000000`) on invoices with an invoice code, or 20
/// digits on fully digitalised invoices (数电票), which have no code.
///
/// A 20-digit number reads: digits 1–2 year, 3–4 province code, 5 issuing channel, 6–20
/// sequence.
///
/// ```
/// use tax_core::cn::InvoiceNumber;
///
/// let number = InvoiceNumber::parse("24312000000136634917").unwrap();
/// assert!(number.is_fully_digital());
/// assert_eq!(number.digital_year(), Some(2024));
/// assert_eq!(number.digital_province_code(), Some("31"));
/// assert!(InvoiceNumber::parse("00000000").is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct InvoiceNumber(String);

impl InvoiceNumber {
    /// Parses a number, accepting spaces and dashes.
    ///
    /// Errors: [`ParseErrorKind::Length`] unless 8 or 20 characters; [`ParseErrorKind::Format`]
    /// for non-digits; [`ParseErrorKind::Component`] for `00000000`.
    pub fn parse(input: &str) -> Result<Self, ParseError> {
        let number = compact(WHAT, input)?;
        expect_length(WHAT, &number, &[8, 20])?;
        expect_digits(WHAT, &number, "an invoice number")?;
        if number == "00000000" {
            return Err(ParseError::new(
                WHAT,
                ParseErrorKind::Component,
                "00000000 is never issued",
            ));
        }
        Ok(Self(number))
    }

    /// The canonical digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// True for the 20-digit number of a fully digitalised invoice (数电票).
    pub fn is_fully_digital(&self) -> bool {
        self.0.len() == 20
    }

    /// For a 20-digit number, the year of issue (2000 + digits 1–2).
    pub fn digital_year(&self) -> Option<u16> {
        if !self.is_fully_digital() {
            return None;
        }
        self.0.get(..2)?.parse::<u16>().ok().map(|yy| 2000 + yy)
    }

    /// For a 20-digit number, the province code (digits 3–4, e.g. `31` Shanghai).
    pub fn digital_province_code(&self) -> Option<&str> {
        self.is_fully_digital().then(|| self.0.get(2..4)).flatten()
    }

    /// For a 20-digit number, the issuing channel (digit 5).
    pub fn digital_issuing_channel(&self) -> Option<char> {
        self.is_fully_digital()
            .then(|| self.0.chars().nth(4))
            .flatten()
    }
}

string_identifier!(
    InvoiceNumber,
    "CnInvoiceNumber",
    "Chinese invoice number (发票号码): 8 digits, or 20 digits for fully digitalised invoices.",
    "^([0-9]{8}|[0-9]{20})$",
    display = as_str
);
