//! NIK (Nomor Induk Kependudukan), the 16-digit Indonesian resident identity number.

use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::compact::{compact_digits, digits_value};
use crate::identifier::string_identifier;
use crate::{ParseError, ParseErrorKind, RuleConfig, Severity, ValidationReport};

const WHAT: &str = "NIK";

const PROVINCES: &[u8] = &[
    11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 32, 33, 34, 35, 36, 51, 52, 53, 61, 62, 63, 64, 65,
    71, 72, 73, 74, 75, 76, 81, 82, 91, 92, 93, 94, 95, 96,
];

/// The sex encoded in a NIK's day of birth (women have 40 added to the day).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Gender {
    /// Day of birth 01–31.
    Male,
    /// Day of birth 41–71 (day + 40).
    Female,
}

/// The possible birth dates: a two-digit year may name 19YY, 20YY or both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum BirthDate {
    Single(NaiveDate),
    Either {
        nineteen: NaiveDate,
        twenty: NaiveDate,
    },
}

/// A NIK (`PP RR SS DDMMYY XXXX`): province, regency, district, birth date (day + 40 for
/// women) and a serial.
///
/// Parsing accepts spaces, dots and dashes between digits and enforces: 16 digits; a known
/// province (11–19, 21, 31–36, 51–53, 61–65, 71–76, 81–82, 91–96); day 01–31 or 41–71;
/// month 01–12; a date that exists in 19YY or 20YY. A serial of `0000` is accepted by the
/// parser and reported by [`Nik::validate`] under the configurable rule `"nik.serial_zero"`.
///
/// ```
/// use chrono::NaiveDate;
/// use tax_core::id::{Gender, Nik};
///
/// let nik = Nik::parse("3171015708450001")?;
/// assert_eq!(nik.gender(), Gender::Female);
/// assert_eq!(nik.birth_date(), NaiveDate::from_ymd_opt(1945, 8, 17).unwrap());
/// assert_eq!((nik.province_code(), nik.regency_code(), nik.district_code()), (31, 71, 1));
/// assert_eq!(nik.serial(), 1);
/// assert_eq!(nik.to_string(), "3171015708450001");
/// # Ok::<(), tax_core::ParseError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Nik {
    digits: String,
    birth: BirthDate,
}

impl Nik {
    /// Province codes a NIK may start with: the Dukcapil list including Kalimantan Utara (65)
    /// and the Papua provinces created since 2022 (91–96).
    pub const PROVINCE_CODES: &'static [u8] = PROVINCES;

    /// Rule code reported by [`Nik::validate`] when the serial is `0000`.
    pub const RULE_SERIAL_ZERO: &'static str = "nik.serial_zero";

    /// Parses a NIK, ignoring spaces, dots and dashes.
    ///
    /// Errors: [`ParseErrorKind::Empty`], [`ParseErrorKind::Format`] (non-digits),
    /// [`ParseErrorKind::Length`] (not 16 digits), [`ParseErrorKind::Component`] (province,
    /// day, month or date out of range).
    pub fn parse(input: &str) -> Result<Self, ParseError> {
        let digits = compact_digits(WHAT, input)?;
        Self::from_digits(digits)
    }

    /// Checks 16 compact digits.
    pub(crate) fn from_digits(digits: String) -> Result<Self, ParseError> {
        if digits.len() != 16 {
            return Err(ParseError::new(
                WHAT,
                ParseErrorKind::Length,
                format!("expected 16 digits, found {}", digits.len()),
            ));
        }
        let part = |range: std::ops::Range<usize>| digits.get(range).map_or(0, digits_value);
        let province = part(0..2);
        if !PROVINCES.iter().any(|&p| u64::from(p) == province) {
            return Err(component(format!("unknown province code {province:02}")));
        }
        let raw_day = part(6..8);
        let day = match raw_day {
            1..=31 => raw_day,
            41..=71 => raw_day - 40,
            _ => return Err(component(format!("day {raw_day:02} is not 01-31 or 41-71"))),
        };
        let month = part(8..10);
        if !(1..=12).contains(&month) {
            return Err(component(format!("month {month:02} is not 01-12")));
        }
        let year = part(10..12);
        let date_in = |century: u64| {
            let year = i32::try_from(century + year).ok()?;
            NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
        };
        let birth = match (date_in(1900), date_in(2000)) {
            (Some(nineteen), Some(twenty)) => BirthDate::Either { nineteen, twenty },
            (Some(date), None) | (None, Some(date)) => BirthDate::Single(date),
            (None, None) => {
                return Err(component(format!(
                    "birth date {day:02}-{month:02}-{year:02} exists in neither 19{year:02} nor 20{year:02}"
                )));
            }
        };
        Ok(Self { digits, birth })
    }

    /// The 16 digits.
    pub fn digits(&self) -> &str {
        &self.digits
    }

    fn part(&self, range: std::ops::Range<usize>) -> u64 {
        self.digits.get(range).map_or(0, digits_value)
    }

    fn two_digits(&self, start: usize) -> u8 {
        u8::try_from(self.part(start..start + 2)).unwrap_or(0)
    }

    /// The province code (`PP`, digits 1–2), e.g. 31 for DKI Jakarta.
    pub fn province_code(&self) -> u8 {
        self.two_digits(0)
    }

    /// The regency or city code within the province (`RR`, digits 3–4).
    pub fn regency_code(&self) -> u8 {
        self.two_digits(2)
    }

    /// The district (*kecamatan*) code within the regency (`SS`, digits 5–6).
    pub fn district_code(&self) -> u8 {
        self.two_digits(4)
    }

    /// The serial number (`XXXX`, digits 13–16).
    pub fn serial(&self) -> u16 {
        u16::try_from(self.part(12..16)).unwrap_or(0)
    }

    /// The holder's sex: 40 is added to the day of birth for women.
    pub fn gender(&self) -> Gender {
        if self.part(6..8) > 40 {
            Gender::Female
        } else {
            Gender::Male
        }
    }

    /// The birth date, resolving the two-digit year against today's date (UTC).
    ///
    /// A NIK only stores `YY`; when both 19YY and 20YY give a real date, the most recent one
    /// that is not in the future is chosen, so `05` means 2005 but `45` means 1945. Use
    /// [`Nik::birth_date_as_of`] for a reproducible answer and [`Nik::birth_date_candidates`]
    /// to see both readings.
    pub fn birth_date(&self) -> NaiveDate {
        self.birth_date_as_of(chrono::Utc::now().date_naive())
    }

    /// The birth date as seen on `reference`: the most recent of the 19YY and 20YY readings
    /// that is not after `reference`, or the 19YY reading when both are after it.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use tax_core::id::Nik;
    ///
    /// let nik = Nik::parse("3578106512990003")?; // 25 Dec, year 99
    /// let on = |y| NaiveDate::from_ymd_opt(y, 1, 1).unwrap();
    /// assert_eq!(nik.birth_date_as_of(on(2026)).to_string(), "1999-12-25");
    /// assert_eq!(nik.birth_date_as_of(on(2101)).to_string(), "2099-12-25");
    /// # Ok::<(), tax_core::ParseError>(())
    /// ```
    pub fn birth_date_as_of(&self, reference: NaiveDate) -> NaiveDate {
        match self.birth {
            BirthDate::Single(date) => date,
            BirthDate::Either { twenty, .. } if twenty <= reference => twenty,
            BirthDate::Either { nineteen, .. } => nineteen,
        }
    }

    /// Every real date the birth-date digits can stand for, 19YY first.
    pub fn birth_date_candidates(&self) -> Vec<NaiveDate> {
        match self.birth {
            BirthDate::Single(date) => vec![date],
            BirthDate::Either { nineteen, twenty } => vec![nineteen, twenty],
        }
    }

    /// The two-digit birth year as written (`YY`).
    pub fn birth_year_digits(&self) -> u8 {
        u8::try_from(
            self.birth_date_candidates()
                .first()
                .map_or(0, |d| d.year() % 100),
        )
        .unwrap_or(0)
    }

    /// Checks the inferred rules that the parser leaves to configuration.
    ///
    /// Reports `"nik.serial_zero"` (default [`Severity::Warning`]) when the serial is `0000`;
    /// paths are relative to the NIK (empty).
    ///
    /// ```
    /// use tax_core::{RuleConfig, Severity};
    /// use tax_core::id::Nik;
    ///
    /// let nik = Nik::parse("3171011708450000")?;
    /// assert!(nik.validate(&RuleConfig::default()).contains_rule("nik.serial_zero"));
    /// let strict = RuleConfig::default().with("nik.serial_zero", Some(Severity::Error));
    /// assert!(nik.validate(&strict).has_errors());
    /// # Ok::<(), tax_core::ParseError>(())
    /// ```
    pub fn validate(&self, config: &RuleConfig) -> ValidationReport {
        let mut report = ValidationReport::new();
        if self.serial() == 0 {
            report.add_configured(
                config,
                Severity::Warning,
                "",
                Self::RULE_SERIAL_ZERO,
                "NIK serial is 0000; issued numbers start at 0001",
            );
        }
        report
    }
}

fn component(message: String) -> ParseError {
    ParseError::new(WHAT, ParseErrorKind::Component, message)
}

impl fmt::Display for Nik {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.digits)
    }
}

string_identifier!(
    Nik,
    "Nik",
    "Indonesian resident identity number (NIK): 16 digits PPRRSSDDMMYYXXXX. Spaces, dots and dashes are accepted on input.",
    r"^[0-9]{16}$"
);
