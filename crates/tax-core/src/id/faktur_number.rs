//! e-Faktur serial numbers: the legacy 16-digit number, its 13-digit NSFP, and the 17-digit
//! Coretax number.

use std::fmt;

use super::compact::{compact_digits, digits_value};
use super::transaction_code::TransactionCode;
use crate::identifier::string_identifier;
use crate::{ParseError, ParseErrorKind};

const WHAT: &str = "faktur number";
const NSFP: &str = "NSFP";

/// The 13-digit legacy NSFP (*Nomor Seri Faktur Pajak*) allocated by DJP: a 3-digit prefix
/// (formerly the branch code), the 2-digit year of issue and an 8-digit serial, written
/// `CCC-YY.NNNNNNNN`.
///
/// This is the part of a legacy [`FakturNumber`] after the transaction and status codes; it is
/// what DJP hands out (e-Nofa) and what forms such as OnlinePajak's `documentNumber` remark
/// describe. Coretax numbers have no separately allocated NSFP.
///
/// ```
/// use tax_core::id::Nsfp;
///
/// let nsfp = Nsfp::parse("000-17.00000004")?;
/// assert_eq!((nsfp.prefix(), nsfp.year(), nsfp.serial()), (0, 17, 4));
/// assert_eq!(nsfp.to_string(), "000-17.00000004");
/// # Ok::<(), tax_core::ParseError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Nsfp {
    prefix: u16,
    year: u8,
    serial: u32,
}

impl Nsfp {
    /// Parses 13 digits (spaces, dots and dashes ignored).
    pub fn parse(input: &str) -> Result<Self, ParseError> {
        let digits = compact_digits(NSFP, input)?;
        if digits.len() != 13 {
            return Err(ParseError::new(
                NSFP,
                ParseErrorKind::Length,
                format!("expected 13 digits, found {}", digits.len()),
            ));
        }
        Ok(Self::from_digits(&digits))
    }

    fn from_digits(digits: &str) -> Self {
        let part = |r: std::ops::Range<usize>| digits.get(r).map_or(0, digits_value);
        Self {
            prefix: u16::try_from(part(0..3)).unwrap_or(0),
            year: u8::try_from(part(3..5)).unwrap_or(0),
            serial: u32::try_from(part(5..13)).unwrap_or(0),
        }
    }

    /// The 3-digit prefix (the "kode cabang" of PER-13/PJ/2010).
    pub fn prefix(&self) -> u16 {
        self.prefix
    }

    /// The two-digit year of issue.
    pub fn year(&self) -> u8 {
        self.year
    }

    /// The 8-digit serial.
    pub fn serial(&self) -> u32 {
        self.serial
    }
}

impl fmt::Display for Nsfp {
    /// `CCC-YY.NNNNNNNN`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:03}-{:02}.{:08}", self.prefix, self.year, self.serial)
    }
}

string_identifier!(
    Nsfp,
    "Nsfp",
    "Legacy e-Faktur serial allocated by DJP (NSFP): 13 digits written CCC-YY.NNNNNNNN.",
    r"^[0-9]{3}-?[0-9]{2}\.?[0-9]{8}$"
);

/// Which numbering scheme a faktur number uses.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FakturFormat {
    /// 16 digits `KKS.CCC-YY.NNNNNNNN`, used until 31 December 2024.
    Legacy,
    /// 17 digits `KK.SS.YY.NNN-NNNNNNNN` (PER-11/PJ/2025 Pasal 37), from 1 January 2025.
    Coretax,
}

/// The status code of a faktur number.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FakturStatus {
    /// `0` (legacy) or `00` (Coretax).
    Normal,
    /// `1` in a legacy number: a replacement faktur (*pengganti*).
    Replacement,
    /// A Coretax status other than `00`; its meaning is not published.
    Other(u8),
}

/// An e-Faktur number in the legacy or the Coretax format.
///
/// - Legacy, 16 digits: kode transaksi 01–09, status `0` (normal) or `1` (replacement), then
///   the 13-digit [`Nsfp`]. Code 10 is rejected ([`ParseErrorKind::Component`]) because it
///   only exists in Coretax.
/// - Coretax, 17 digits: kode transaksi 01–10, a 2-digit status (`00` = normal, other values
///   accepted), the 2-digit year and an 11-digit serial.
///
/// Other lengths, including the bare 13-digit NSFP (see [`Nsfp`]), are
/// [`ParseErrorKind::Length`] errors.
///
/// ```
/// use tax_core::id::{FakturFormat, FakturNumber, FakturStatus, TransactionCode};
///
/// let legacy = FakturNumber::parse("0100001700000004")?;
/// assert_eq!(legacy.to_string(), "010.000-17.00000004");
/// assert_eq!(legacy.transaction_code(), TransactionCode::Ordinary);
/// assert_eq!((legacy.status(), legacy.year(), legacy.serial()), (FakturStatus::Normal, 17, 4));
///
/// let coretax = FakturNumber::parse("10002500000000042")?;
/// assert_eq!(coretax.format(), FakturFormat::Coretax);
/// assert_eq!(coretax.to_string(), "10.00.25.000-00000042");
/// # Ok::<(), tax_core::ParseError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FakturNumber {
    format: FakturFormat,
    code: TransactionCode,
    status_code: u8,
    /// Legacy NSFP prefix; 0 for Coretax numbers.
    prefix: u16,
    year: u8,
    serial: u64,
}

impl FakturNumber {
    /// Parses a legacy (16-digit) or Coretax (17-digit) number; spaces, dots and dashes are
    /// ignored.
    pub fn parse(input: &str) -> Result<Self, ParseError> {
        let digits = compact_digits(WHAT, input)?;
        let part = |r: std::ops::Range<usize>| digits.get(r).map_or(0, digits_value);
        let code_number = u8::try_from(part(0..2)).unwrap_or(0);
        match digits.len() {
            16 => {
                let code = legacy_code(code_number)?;
                let nsfp = Nsfp::from_digits(digits.get(3..).unwrap_or_default());
                let status = u8::try_from(part(2..3)).unwrap_or(u8::MAX);
                Self::legacy(code, status, nsfp)
            }
            17 => {
                let code = TransactionCode::from_code(code_number).ok_or_else(|| {
                    component(format!("kode transaksi {code_number:02} is not 01-10"))
                })?;
                let status = u8::try_from(part(2..4)).unwrap_or(0);
                let year = u8::try_from(part(4..6)).unwrap_or(0);
                Self::coretax(code, status, year, part(6..17))
            }
            13 => Err(ParseError::new(
                WHAT,
                ParseErrorKind::Length,
                "13 digits is a bare NSFP without kode transaksi and status; expected 16 or 17 digits",
            )),
            len => Err(ParseError::new(
                WHAT,
                ParseErrorKind::Length,
                format!("expected 16 (legacy) or 17 (Coretax) digits, found {len}"),
            )),
        }
    }

    /// Builds a legacy number from its parts; `status` must be 0 (normal) or 1 (replacement)
    /// and `code` 01–09.
    pub fn legacy(code: TransactionCode, status: u8, nsfp: Nsfp) -> Result<Self, ParseError> {
        legacy_code(code.code())?;
        if status > 1 {
            return Err(component(format!(
                "legacy status {status} is not 0 (normal) or 1 (replacement)"
            )));
        }
        Ok(Self {
            format: FakturFormat::Legacy,
            code,
            status_code: status,
            prefix: nsfp.prefix,
            year: nsfp.year,
            serial: u64::from(nsfp.serial),
        })
    }

    /// Builds a Coretax number from its parts; `status` and `year` must be below 100 and
    /// `serial` must fit in 11 digits.
    pub fn coretax(
        code: TransactionCode,
        status: u8,
        year: u8,
        serial: u64,
    ) -> Result<Self, ParseError> {
        if status > 99 || year > 99 {
            return Err(component(format!(
                "status {status} and year {year} must be two digits"
            )));
        }
        if serial > 99_999_999_999 {
            return Err(component(format!(
                "serial {serial} does not fit in 11 digits"
            )));
        }
        Ok(Self {
            format: FakturFormat::Coretax,
            code,
            status_code: status,
            prefix: 0,
            year,
            serial,
        })
    }

    /// The numbering scheme.
    pub fn format(&self) -> FakturFormat {
        self.format
    }

    /// The kode transaksi (first two digits).
    pub fn transaction_code(&self) -> TransactionCode {
        self.code
    }

    /// The status as written: one digit in legacy numbers, two in Coretax numbers.
    pub fn status_code(&self) -> u8 {
        self.status_code
    }

    /// The meaning of the status code.
    pub fn status(&self) -> FakturStatus {
        match (self.format, self.status_code) {
            (_, 0) => FakturStatus::Normal,
            (FakturFormat::Legacy, 1) => FakturStatus::Replacement,
            (_, other) => FakturStatus::Other(other),
        }
    }

    /// The two-digit year of the NSFP.
    pub fn year(&self) -> u8 {
        self.year
    }

    /// The serial: 8 digits in legacy numbers, 11 in Coretax numbers.
    pub fn serial(&self) -> u64 {
        self.serial
    }

    /// The 13-digit NSFP of a legacy number.
    pub fn nsfp(&self) -> Option<Nsfp> {
        match self.format {
            FakturFormat::Legacy => Some(Nsfp {
                prefix: self.prefix,
                year: self.year,
                serial: u32::try_from(self.serial).unwrap_or(0),
            }),
            FakturFormat::Coretax => None,
        }
    }

    /// The number of the replacement faktur for a legacy number: the same NSFP and code with
    /// status `1`. Coretax numbers are returned unchanged, since their replacement numbers are
    /// assigned by the system.
    pub fn to_replacement(&self) -> Self {
        match self.format {
            FakturFormat::Legacy => Self {
                status_code: 1,
                ..*self
            },
            FakturFormat::Coretax => *self,
        }
    }
}

fn legacy_code(code: u8) -> Result<TransactionCode, ParseError> {
    match TransactionCode::from_code(code) {
        Some(TransactionCode::OtherSupplies) => Err(component(
            "kode transaksi 10 only exists in the 17-digit Coretax format".to_owned(),
        )),
        Some(code) => Ok(code),
        None => Err(component(format!("kode transaksi {code:02} is not 01-09"))),
    }
}

fn component(message: String) -> ParseError {
    ParseError::new(WHAT, ParseErrorKind::Component, message)
}

impl fmt::Display for FakturNumber {
    /// Legacy `KKS.CCC-YY.NNNNNNNN`; Coretax `KK.SS.YY.NNN-NNNNNNNN`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let code = self.code.code();
        match self.format {
            FakturFormat::Legacy => write!(
                f,
                "{code:02}{}.{:03}-{:02}.{:08}",
                self.status_code, self.prefix, self.year, self.serial
            ),
            FakturFormat::Coretax => write!(
                f,
                "{code:02}.{:02}.{:02}.{:03}-{:08}",
                self.status_code,
                self.year,
                self.serial / 100_000_000,
                self.serial % 100_000_000
            ),
        }
    }
}

string_identifier!(
    FakturNumber,
    "FakturNumber",
    "e-Faktur number: legacy 16 digits written KKS.CCC-YY.NNNNNNNN (until 2024) or Coretax 17 digits written KK.SS.YY.NNN-NNNNNNNN (from 2025). Spaces, dots and dashes are accepted on input.",
    r"^([0-9]{3}\.[0-9]{3}-[0-9]{2}\.[0-9]{8}|[0-9]{2}\.[0-9]{2}\.[0-9]{2}\.[0-9]{3}-[0-9]{8}|[0-9]{16,17})$"
);
