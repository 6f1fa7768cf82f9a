//! NITKU (Nomor Identitas Tempat Kegiatan Usaha), the 22-digit place-of-business number.

use std::fmt;

use super::compact::compact_digits;
use super::npwp::Npwp;
use crate::identifier::string_identifier;
use crate::{ParseError, ParseErrorKind};

const WHAT: &str = "NITKU";

/// A NITKU: the 16-digit NPWP (or NIK) of the taxpayer followed by a 6-digit place-of-business
/// suffix, `000000` for the head office and `000001`, `000002`… for other places.
///
/// The suffix is assigned by the system and is not related to the legacy NPWP branch code.
///
/// ```
/// use tax_core::id::{Npwp, Nitku};
///
/// let nitku = Nitku::parse("0013121660091000 000001")?;
/// assert_eq!(nitku.npwp().to_string(), "0013121660091000");
/// assert_eq!(nitku.suffix(), "000001");
/// assert!(!nitku.is_head_office());
///
/// let head = Nitku::head_office(&Npwp::parse("01.312.166.0-091.000")?);
/// assert_eq!(head.to_string(), "0013121660091000000000");
/// # Ok::<(), tax_core::ParseError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Nitku {
    npwp: Npwp,
    suffix: String,
}

impl Nitku {
    /// Parses 22 digits (spaces, dots and dashes ignored). The first 16 must be a valid
    /// 16-digit NPWP or NIK, with the same error kinds as [`Npwp::parse`].
    pub fn parse(input: &str) -> Result<Self, ParseError> {
        let digits = compact_digits(WHAT, input)?;
        if digits.len() != 22 {
            return Err(ParseError::new(
                WHAT,
                ParseErrorKind::Length,
                format!("expected 22 digits, found {}", digits.len()),
            ));
        }
        let (npwp_digits, suffix) = digits.split_at(16);
        let npwp = Npwp::parse(npwp_digits).map_err(|e| {
            ParseError::new(WHAT, e.kind(), format!("first 16 digits: {}", e.message()))
        })?;
        Ok(Self {
            npwp,
            suffix: suffix.to_owned(),
        })
    }

    /// The NITKU of the head office of `npwp` (suffix `000000`); legacy numbers are converted
    /// to their 16-digit form.
    pub fn head_office(npwp: &Npwp) -> Self {
        Self {
            npwp: npwp.to_sixteen(),
            suffix: "000000".to_owned(),
        }
    }

    /// The NITKU of place number `place` (0 = head office) of `npwp`; fails with
    /// [`ParseErrorKind::Component`] when `place` has more than six digits.
    pub fn for_place(npwp: &Npwp, place: u32) -> Result<Self, ParseError> {
        if place > 999_999 {
            return Err(ParseError::new(
                WHAT,
                ParseErrorKind::Component,
                format!("place number {place} does not fit in six digits"),
            ));
        }
        Ok(Self {
            npwp: npwp.to_sixteen(),
            suffix: format!("{place:06}"),
        })
    }

    /// The taxpayer's 16-digit NPWP (or NIK-based NPWP).
    pub fn npwp(&self) -> &Npwp {
        &self.npwp
    }

    /// The six-digit place-of-business suffix.
    pub fn suffix(&self) -> &str {
        &self.suffix
    }

    /// True when the suffix is `000000`.
    pub fn is_head_office(&self) -> bool {
        self.suffix == "000000"
    }
}

impl fmt::Display for Nitku {
    /// 22 plain digits.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.npwp.digits(), self.suffix)
    }
}

string_identifier!(
    Nitku,
    "Nitku",
    "Indonesian place-of-business number (NITKU): 22 digits, a 16-digit NPWP followed by a 6-digit suffix (000000 = head office).",
    r"^[0-9]{22}$"
);
