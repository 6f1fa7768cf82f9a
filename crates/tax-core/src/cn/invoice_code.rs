//! Legacy invoice code (发票代码): 10 or 12 digits.

use crate::cn::invoice_type::InvoiceType;
use crate::cn::text::{compact, expect_digits, expect_length};
use crate::identifier::string_identifier;
use crate::{ParseError, ParseErrorKind};

const WHAT: &str = "invoice code";

/// Four early 12-digit electronic general invoice codes that the verification platform maps
/// to type 10 by name, because they predate the type suffix.
const EARLY_ELECTRONIC_GENERAL_CODES: [&str; 4] = [
    "144031539110",
    "131001570151",
    "133011501118",
    "111001571071",
];

/// The invoice code of a pre-digital VAT invoice: 10 digits (special and older general
/// invoices) or 12 digits (electronic and roll invoices, and paper general invoices since 2018).
///
/// Fully digitalised invoices (数电票) have no code at all.
///
/// The type is derived as the STA verification platform does it:
/// * 10 digits: digit 8 — `1`/`5` special (01), `3`/`6` general (04), `2`/`7` freight (02);
/// * the four early e-invoice codes `144031539110`, `131001570151`, `133011501118` and
///   `111001571071`: electronic general (10);
/// * 12 digits starting with `0`: digits 11–12 — `04`/`05` general (04), `06`/`07` roll (11),
///   `11` electronic general (10), `12` toll (14), `13` electronic special (08),
///   `17` used vehicle (15);
/// * 12 digits not starting with `0` with digit 8 = `2`: motor vehicle (03);
/// * anything else: [`InvoiceType::Unknown`].
///
/// ```
/// use tax_core::cn::{InvoiceCode, InvoiceType};
///
/// let code = InvoiceCode::parse("3100153130").unwrap();
/// assert_eq!(code.invoice_type(), InvoiceType::Special);
/// assert_eq!(code.region_code(), "3100");
/// assert_eq!(code.year(), 2015);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct InvoiceCode(String);

impl InvoiceCode {
    /// Parses a code, accepting spaces and dashes.
    ///
    /// Errors: [`ParseErrorKind::Length`] unless 10 or 12 characters; [`ParseErrorKind::Format`]
    /// for non-digits; [`ParseErrorKind::Component`] when the year digits are `00` (the platform
    /// rejects them).
    pub fn parse(input: &str) -> Result<Self, ParseError> {
        let code = compact(WHAT, input)?;
        expect_length(WHAT, &code, &[10, 12])?;
        expect_digits(WHAT, &code, "an invoice code")?;
        let code = Self(code);
        if code.year_digits() == "00" {
            return Err(ParseError::new(
                WHAT,
                ParseErrorKind::Component,
                "the year digits are 00",
            ));
        }
        Ok(code)
    }

    /// The canonical digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// True for the 12-digit form.
    pub fn is_twelve_digit(&self) -> bool {
        self.0.len() == 12
    }

    /// The region: digits 1–4 of a 10-digit code, digits 2–5 of a 12-digit one (a province
    /// `XX00` or a separately planned city such as `4403` Shenzhen).
    pub fn region_code(&self) -> &str {
        let start = usize::from(self.is_twelve_digit());
        self.0.get(start..start + 4).unwrap_or_default()
    }

    /// The year of printing, 2000 + the two year digits (digits 5–6 or 6–7).
    pub fn year(&self) -> u16 {
        2000 + self.year_digits().parse::<u16>().unwrap_or(0)
    }

    fn year_digits(&self) -> &str {
        let start = if self.is_twelve_digit() { 5 } else { 4 };
        self.0.get(start..start + 2).unwrap_or_default()
    }

    /// The invoice type implied by the code (see the type documentation).
    pub fn invoice_type(&self) -> InvoiceType {
        let digit = |n: usize| self.0.as_bytes().get(n - 1).copied().unwrap_or(b'?');
        if !self.is_twelve_digit() {
            return match digit(8) {
                b'1' | b'5' => InvoiceType::Special,
                b'3' | b'6' => InvoiceType::General,
                b'2' | b'7' => InvoiceType::FreightSpecial,
                _ => InvoiceType::Unknown,
            };
        }
        if EARLY_ELECTRONIC_GENERAL_CODES.contains(&self.0.as_str()) {
            return InvoiceType::ElectronicGeneral;
        }
        if digit(1) == b'0' {
            return match self.0.get(10..12).unwrap_or_default() {
                "04" | "05" => InvoiceType::General,
                "06" | "07" => InvoiceType::Roll,
                "11" => InvoiceType::ElectronicGeneral,
                "12" => InvoiceType::Toll,
                "13" => InvoiceType::ElectronicSpecial,
                "17" => InvoiceType::UsedVehicle,
                _ => InvoiceType::Unknown,
            };
        }
        if digit(8) == b'2' {
            InvoiceType::MotorVehicle
        } else {
            InvoiceType::Unknown
        }
    }
}

string_identifier!(
    InvoiceCode,
    "CnInvoiceCode",
    "Chinese invoice code (发票代码): 10 or 12 digits.",
    "^([0-9]{10}|[0-9]{12})$",
    display = as_str
);
