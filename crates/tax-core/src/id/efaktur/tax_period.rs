//! Masa/tahun pajak: the monthly VAT tax period.

use std::fmt;

use chrono::{Datelike, NaiveDate};

use crate::id::compact::digits_value;
use crate::identifier::string_identifier;
use crate::{ParseError, ParseErrorKind};

const WHAT: &str = "tax period";

/// A monthly tax period (*masa pajak* and *tahun pajak*), written `MM/YYYY` as OnlinePajak
/// returns it.
///
/// ```
/// use chrono::NaiveDate;
/// use tax_core::id::efaktur::TaxPeriod;
///
/// let period = TaxPeriod::parse("02/2017")?;
/// assert_eq!((period.month(), period.year()), (2, 2017));
/// assert_eq!(Some(period), TaxPeriod::of_date(NaiveDate::from_ymd_opt(2017, 2, 27).unwrap()));
/// assert_eq!(period.to_string(), "02/2017");
/// # Ok::<(), tax_core::ParseError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TaxPeriod {
    year: u16,
    month: u8,
}

impl TaxPeriod {
    /// The period `month` (1–12) of `year` (0–9999).
    pub fn new(month: u8, year: u16) -> Result<Self, ParseError> {
        if !(1..=12).contains(&month) {
            return Err(ParseError::new(
                WHAT,
                ParseErrorKind::Component,
                format!("month {month} is not 1-12"),
            ));
        }
        if year > 9999 {
            return Err(ParseError::new(
                WHAT,
                ParseErrorKind::Component,
                format!("year {year} is not four digits"),
            ));
        }
        Ok(Self { year, month })
    }

    /// Parses `MM/YYYY` (also `M/YYYY` and `MM-YYYY`).
    pub fn parse(input: &str) -> Result<Self, ParseError> {
        let text = input.trim();
        if text.is_empty() {
            return Err(ParseError::new(
                WHAT,
                ParseErrorKind::Empty,
                "empty tax period",
            ));
        }
        let (month, year) = text
            .split_once(['/', '-'])
            .ok_or_else(|| ParseError::new(WHAT, ParseErrorKind::Format, "expected MM/YYYY"))?;
        let numeric = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if !numeric(month) || !numeric(year) {
            return Err(ParseError::new(
                WHAT,
                ParseErrorKind::Format,
                "expected MM/YYYY",
            ));
        }
        if month.len() > 2 || year.len() != 4 {
            return Err(ParseError::new(
                WHAT,
                ParseErrorKind::Length,
                "expected MM/YYYY",
            ));
        }
        let month = u8::try_from(digits_value(month)).unwrap_or(0);
        let year = u16::try_from(digits_value(year)).unwrap_or(0);
        Self::new(month, year)
    }

    /// The period containing `date`; `None` for dates outside the years 0–9999.
    pub fn of_date(date: NaiveDate) -> Option<Self> {
        let year = u16::try_from(date.year()).ok()?;
        let month = u8::try_from(date.month()).ok()?;
        Self::new(month, year).ok()
    }

    /// The month, 1–12.
    pub fn month(&self) -> u8 {
        self.month
    }

    /// The four-digit year.
    pub fn year(&self) -> u16 {
        self.year
    }

    /// Whole months from `earlier` to `self` (negative when `self` is before `earlier`).
    pub fn months_since(&self, earlier: TaxPeriod) -> i32 {
        let index = |p: TaxPeriod| i32::from(p.year) * 12 + i32::from(p.month);
        index(*self) - index(earlier)
    }
}

impl fmt::Display for TaxPeriod {
    /// `MM/YYYY`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}/{:04}", self.month, self.year)
    }
}

string_identifier!(
    TaxPeriod,
    "TaxPeriod",
    "Monthly tax period (masa/tahun pajak) written MM/YYYY.",
    r"^[0-9]{1,2}[/-][0-9]{4}$"
);
