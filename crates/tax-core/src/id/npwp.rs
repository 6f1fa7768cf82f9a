//! NPWP (Nomor Pokok Wajib Pajak), the Indonesian taxpayer number.

use std::fmt;

use super::compact::compact_digits;
use super::luhn;
use super::nik::Nik;
use crate::identifier::string_identifier;
use crate::{ParseError, ParseErrorKind};

const WHAT: &str = "NPWP";

/// Which of the NPWP forms a number is written in.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NpwpKind {
    /// The legacy 15 digits `ST.sss.sss.C-KKK.BBB` (type, serial, check digit, tax office,
    /// branch), used until the 2024 switch.
    Legacy15,
    /// A 16-digit NPWP for entities, government and non-resident individuals: `0` followed by
    /// the legacy 15 digits.
    Sixteen,
    /// A 16-digit NPWP that is the holder's NIK (resident individuals since PMK 112/2022).
    NikBased,
}

/// A validated NPWP in one of its three forms (see [`NpwpKind`]).
///
/// Parsing strips spaces, dots, dashes and Unicode dashes, then dispatches on the length:
///
/// - 15 digits: Luhn over digits 1–9 ([`ParseErrorKind::Checksum`] when it fails);
/// - 16 digits starting with `0`: the same Luhn check on the embedded legacy number;
/// - 16 digits not starting with `0`: validated as a [`Nik`];
/// - anything else: [`ParseErrorKind::Length`].
///
/// No type prefix or tax-office whitelist is applied: newly issued numbers keep adding
/// prefixes. The all-zero "no NPWP" placeholder parses; check [`Npwp::is_placeholder`].
///
/// Equality compares the written form, so a legacy number and its 16-digit form differ;
/// compare [`Npwp::to_sixteen`] results to match them.
///
/// ```
/// use tax_core::id::{Npwp, NpwpKind};
/// use tax_core::ParseErrorKind;
///
/// let npwp = Npwp::parse("013121660091000")?;
/// assert_eq!(npwp.to_string(), "01.312.166.0-091.000");
/// assert_eq!(npwp.kind(), NpwpKind::Legacy15);
/// assert_eq!(npwp.to_sixteen().to_string(), "0013121660091000");
///
/// let bad = Npwp::parse("01.000.521.8-093.010").unwrap_err();
/// assert_eq!(bad.kind(), ParseErrorKind::Checksum);
/// # Ok::<(), tax_core::ParseError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Npwp {
    digits: String,
    kind: NpwpKind,
    checksum_valid: bool,
}

impl Npwp {
    /// Rule code under which validators report an NPWP whose check digit fails, for callers
    /// that accept such numbers through [`Npwp::parse_ignoring_checksum`].
    pub const RULE_CHECKSUM: &'static str = "npwp.checksum";

    /// Parses an NPWP in any of its forms; see the type documentation for the rules.
    pub fn parse(input: &str) -> Result<Self, ParseError> {
        Self::parse_with(input, true)
    }

    /// Parses like [`Npwp::parse`], but keeps a number whose only problem is its check digit.
    ///
    /// The Luhn rule is de facto, not published, and real documents (including the
    /// OnlinePajak API documentation's own example) carry numbers that fail it. Callers that
    /// treat a checksum failure as a warning use this and then report
    /// [`Npwp::has_valid_checksum`]. Every other error (length, characters, NIK components)
    /// is still returned.
    ///
    /// ```
    /// use tax_core::id::Npwp;
    ///
    /// let npwp = Npwp::parse_ignoring_checksum("01.000.521.8-093.010")?;
    /// assert!(!npwp.has_valid_checksum());
    /// assert!(Npwp::parse_ignoring_checksum("01.000.521.8-093.01").is_err());
    /// # Ok::<(), tax_core::ParseError>(())
    /// ```
    pub fn parse_ignoring_checksum(input: &str) -> Result<Self, ParseError> {
        Self::parse_with(input, false)
    }

    fn parse_with(input: &str, require_checksum: bool) -> Result<Self, ParseError> {
        let digits = compact_digits(WHAT, input)?;
        let kind = match (digits.len(), digits.starts_with('0')) {
            (15, _) => NpwpKind::Legacy15,
            (16, true) => NpwpKind::Sixteen,
            (16, false) => {
                Nik::from_digits(digits.clone()).map_err(|e| {
                    ParseError::new(
                        WHAT,
                        e.kind(),
                        format!("16-digit NPWP is not a valid NIK: {}", e.message()),
                    )
                })?;
                return Ok(Self {
                    digits,
                    kind: NpwpKind::NikBased,
                    checksum_valid: true,
                });
            }
            (len, _) => {
                return Err(ParseError::new(
                    WHAT,
                    ParseErrorKind::Length,
                    format!("expected 15 or 16 digits, found {len}"),
                ));
            }
        };
        let covered = legacy_digits(&digits, kind).get(..9).unwrap_or_default();
        let checksum_valid = luhn::is_valid(covered);
        if require_checksum && !checksum_valid {
            let body = covered.get(..8).unwrap_or_default();
            let expected =
                luhn::check_digit(body).map_or_else(String::new, |d| format!(", expected {d}"));
            return Err(ParseError::new(
                WHAT,
                ParseErrorKind::Checksum,
                format!("check digit (9th digit of the legacy number) does not validate{expected}"),
            ));
        }
        Ok(Self {
            digits,
            kind,
            checksum_valid,
        })
    }

    /// The digits without separators (15 or 16).
    pub fn digits(&self) -> &str {
        &self.digits
    }

    /// Which form the number is written in.
    pub fn kind(&self) -> NpwpKind {
        self.kind
    }

    /// True for the all-zero "no NPWP" placeholder (15 or 16 zeros), which forms use for
    /// counterparties without an NPWP (exports, imports, buyers identified otherwise).
    pub fn is_placeholder(&self) -> bool {
        self.digits.bytes().all(|b| b == b'0')
    }

    /// False only for values built by [`Npwp::parse_ignoring_checksum`] whose check digit is
    /// wrong; NIK-based numbers have no check digit and always return true.
    pub fn has_valid_checksum(&self) -> bool {
        self.checksum_valid
    }

    /// The 16-digit form: legacy numbers get a leading `0`, 16-digit numbers are unchanged.
    pub fn to_sixteen(&self) -> Npwp {
        match self.kind {
            NpwpKind::Legacy15 => Self {
                digits: format!("0{}", self.digits),
                kind: NpwpKind::Sixteen,
                checksum_valid: self.checksum_valid,
            },
            NpwpKind::Sixteen | NpwpKind::NikBased => self.clone(),
        }
    }

    /// The legacy 15 digits, for legacy and `0`-prefixed 16-digit numbers; `None` when the
    /// NPWP is a NIK.
    pub fn legacy_digits(&self) -> Option<&str> {
        match self.kind {
            NpwpKind::Legacy15 | NpwpKind::Sixteen => Some(legacy_digits(&self.digits, self.kind)),
            NpwpKind::NikBased => None,
        }
    }

    /// The tax office (KPP) code, digits 10–12 of the legacy number.
    pub fn tax_office_code(&self) -> Option<&str> {
        self.legacy_digits().and_then(|d| d.get(9..12))
    }

    /// The legacy branch/status code, digits 13–15: `000` for a head office or single
    /// taxpayer, `001`… for branches. Since 2024 branches are identified by a NITKU instead.
    pub fn branch_code(&self) -> Option<&str> {
        self.legacy_digits().and_then(|d| d.get(12..15))
    }

    /// The NIK, when this NPWP is NIK-based.
    pub fn nik(&self) -> Option<Nik> {
        match self.kind {
            NpwpKind::NikBased => Nik::from_digits(self.digits.clone()).ok(),
            NpwpKind::Legacy15 | NpwpKind::Sixteen => None,
        }
    }
}

fn legacy_digits(digits: &str, kind: NpwpKind) -> &str {
    match kind {
        NpwpKind::Sixteen => digits.get(1..).unwrap_or_default(),
        NpwpKind::Legacy15 | NpwpKind::NikBased => digits,
    }
}

impl From<Nik> for Npwp {
    /// A resident individual's NIK is their NPWP.
    fn from(nik: Nik) -> Self {
        Self {
            digits: nik.digits().to_owned(),
            kind: NpwpKind::NikBased,
            checksum_valid: true,
        }
    }
}

impl fmt::Display for Npwp {
    /// Legacy numbers as `XX.XXX.XXX.X-XXX.XXX`; 16-digit numbers as plain digits.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.kind, self.digits.as_str()) {
            (NpwpKind::Legacy15, d) if d.len() == 15 => write!(
                f,
                "{}.{}.{}.{}-{}.{}",
                &d[0..2],
                &d[2..5],
                &d[5..8],
                &d[8..9],
                &d[9..12],
                &d[12..15]
            ),
            (_, d) => f.write_str(d),
        }
    }
}

string_identifier!(
    Npwp,
    "Npwp",
    "Indonesian taxpayer number (NPWP): legacy 15 digits written XX.XXX.XXX.X-XXX.XXX, or 16 plain digits (0 + legacy number, or a NIK). Spaces, dots and dashes are accepted on input.",
    r"^([0-9]{2}\.[0-9]{3}\.[0-9]{3}\.[0-9]-[0-9]{3}\.[0-9]{3}|[0-9]{15}|[0-9]{16})$"
);
