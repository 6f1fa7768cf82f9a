//! VAT rates (税率/征收率) as printed on Chinese invoices, and which ones apply on a date.

use std::fmt;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::{ParseError, ParseErrorKind};

const WHAT: &str = "VAT rate";

/// The rate column of an invoice line: a percentage between 0% and 100%, 免税 or 不征税.
///
/// Only the checked constructors build a rate, so a rate never exceeds 100% and the tax of
/// a line never exceeds its amount.
///
/// ```
/// use rust_decimal_macros::dec;
/// use tax_core::cn::VatRate;
///
/// let rate = VatRate::parse("13%").unwrap();
/// assert_eq!(rate.fraction(), dec!(0.13));
/// assert_eq!(VatRate::parse("0.015").unwrap().to_string(), "1.5%");
/// assert_eq!(VatRate::parse("免税").unwrap(), VatRate::EXEMPT);
/// assert_eq!(VatRate::EXEMPT.fraction(), dec!(0));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct VatRate(Kind);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Kind {
    /// A fraction between 0 and 1, normalized (`0.13` for 13%).
    Fraction(Decimal),
    Exempt,
    NotTaxable,
}

/// One historic or current rate and the dates it may appear on (inclusive bounds).
struct RatePeriod {
    percent: Decimal,
    from: Option<(i32, u32, u32)>,
    until: Option<(i32, u32, u32)>,
}

const fn period(
    percent: Decimal,
    from: Option<(i32, u32, u32)>,
    until: Option<(i32, u32, u32)>,
) -> RatePeriod {
    RatePeriod {
        percent,
        from,
        until,
    }
}

/// General rates changed on 2018-05-01 (财税〔2018〕32号) and 2019-04-01 (公告2019年第39号).
/// The other rates are not limited by date here.
const RATE_PERIODS: [RatePeriod; 13] = [
    period(
        Decimal::from_parts(17, 0, 0, false, 0),
        None,
        Some((2018, 4, 30)),
    ),
    period(
        Decimal::from_parts(11, 0, 0, false, 0),
        None,
        Some((2018, 4, 30)),
    ),
    period(
        Decimal::from_parts(16, 0, 0, false, 0),
        Some((2018, 5, 1)),
        Some((2019, 3, 31)),
    ),
    period(
        Decimal::from_parts(10, 0, 0, false, 0),
        Some((2018, 5, 1)),
        Some((2019, 3, 31)),
    ),
    period(
        Decimal::from_parts(13, 0, 0, false, 0),
        Some((2019, 4, 1)),
        None,
    ),
    period(
        Decimal::from_parts(9, 0, 0, false, 0),
        Some((2019, 4, 1)),
        None,
    ),
    period(Decimal::from_parts(6, 0, 0, false, 0), None, None),
    period(Decimal::from_parts(5, 0, 0, false, 0), None, None),
    period(Decimal::from_parts(3, 0, 0, false, 0), None, None),
    period(Decimal::from_parts(1, 0, 0, false, 0), None, None),
    period(Decimal::from_parts(15, 0, 0, false, 1), None, None),
    period(Decimal::from_parts(5, 0, 0, false, 1), None, None),
    period(Decimal::ZERO, None, None),
];

/// How a rate relates to an invoice date.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RateValidity {
    /// The rate may appear on an invoice of that date.
    Valid,
    /// The rate exists but not on that date (for example 17% after 2018-04-30).
    OutsidePeriod,
    /// The rate is not one this crate knows (not 13, 9, 6, 5, 3, 1, 1.5, 0.5 or 0%, a
    /// historic 17, 16, 11 or 10%, 免税 or 不征税).
    Unknown,
}

impl VatRate {
    /// 免税: tax-exempt; the tax column shows `***` and the tax is zero.
    pub const EXEMPT: Self = Self(Kind::Exempt);

    /// 不征税: outside the scope of VAT; the tax is zero.
    pub const NOT_TAXABLE: Self = Self(Kind::NotTaxable);

    /// A rate from a percentage (`13` for 13%). Fails unless `0 ≤ percent ≤ 100`.
    pub fn from_percent(percent: Decimal) -> Result<Self, ParseError> {
        if (percent.is_sign_negative() && !percent.is_zero()) || percent > Decimal::ONE_HUNDRED {
            return Err(ParseError::new(
                WHAT,
                ParseErrorKind::Component,
                format!("{percent}% is not between 0% and 100%"),
            ));
        }
        Ok(Self(Kind::Fraction(
            (percent / Decimal::ONE_HUNDRED).normalize(),
        )))
    }

    /// Parses the rate column: `"13%"`, `"1.5%"`, `"0%"`, a fraction below 1 such as `"0.13"`,
    /// a bare percentage of at least 1 such as `"13"`, `"免税"` or `"不征税"`.
    ///
    /// Full-width `％` is accepted.
    pub fn parse(input: &str) -> Result<Self, ParseError> {
        let text = input.trim();
        match text {
            "" => {
                return Err(ParseError::new(
                    WHAT,
                    ParseErrorKind::Empty,
                    "no characters",
                ));
            }
            "免税" => return Ok(Self::EXEMPT),
            "不征税" => return Ok(Self::NOT_TAXABLE),
            _ => {}
        }
        let (number, is_percent) = match text.strip_suffix('%').or_else(|| text.strip_suffix('％'))
        {
            Some(number) => (number.trim(), true),
            None => (text, false),
        };
        if number.is_empty() || !number.chars().all(|c| c.is_ascii_digit() || c == '.') {
            return Err(ParseError::new(
                WHAT,
                ParseErrorKind::Format,
                format!("{text:?} is not a percentage, a fraction, 免税 or 不征税"),
            ));
        }
        let value = Decimal::from_str_exact(number)
            .map_err(|e| ParseError::new(WHAT, ParseErrorKind::Format, format!("{text:?}: {e}")))?;
        if is_percent || value >= Decimal::ONE {
            Self::from_percent(value)
        } else {
            Self::from_percent(value * Decimal::ONE_HUNDRED)
        }
    }

    /// The multiplier applied to the pre-tax amount (`0.13`); zero for 免税 and 不征税.
    pub fn fraction(self) -> Decimal {
        match self.0 {
            Kind::Fraction(fraction) => fraction,
            Kind::Exempt | Kind::NotTaxable => Decimal::ZERO,
        }
    }

    /// The rate as a percentage (`13`), or `None` for 免税 and 不征税.
    pub fn percent(self) -> Option<Decimal> {
        match self.0 {
            Kind::Fraction(fraction) => Some((fraction * Decimal::ONE_HUNDRED).normalize()),
            Kind::Exempt | Kind::NotTaxable => None,
        }
    }

    /// True for 免税.
    pub fn is_exempt(self) -> bool {
        self.0 == Kind::Exempt
    }

    /// True for 不征税.
    pub fn is_not_taxable(self) -> bool {
        self.0 == Kind::NotTaxable
    }

    /// Whether the rate may appear on an invoice issued on `date`.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use tax_core::cn::{vat::RateValidity, VatRate};
    ///
    /// let date = NaiveDate::from_ymd_opt(2018, 4, 30).unwrap();
    /// assert_eq!(VatRate::parse("17%").unwrap().validity_on(date), RateValidity::Valid);
    /// let later = NaiveDate::from_ymd_opt(2019, 4, 1).unwrap();
    /// assert_eq!(VatRate::parse("17%").unwrap().validity_on(later), RateValidity::OutsidePeriod);
    /// assert_eq!(VatRate::parse("7%").unwrap().validity_on(later), RateValidity::Unknown);
    /// ```
    pub fn validity_on(self, date: NaiveDate) -> RateValidity {
        let Some(percent) = self.percent() else {
            return RateValidity::Valid;
        };
        match RATE_PERIODS.iter().find(|p| p.percent == percent) {
            None => RateValidity::Unknown,
            Some(p) if within(date, p.from, p.until) => RateValidity::Valid,
            Some(_) => RateValidity::OutsidePeriod,
        }
    }

    /// Every percentage rate valid on `date`, plus 免税 and 不征税.
    pub fn rates_valid_on(date: NaiveDate) -> Vec<Self> {
        RATE_PERIODS
            .iter()
            .filter(|p| within(date, p.from, p.until))
            .map(|p| {
                Self(Kind::Fraction(
                    (p.percent / Decimal::ONE_HUNDRED).normalize(),
                ))
            })
            .chain([Self::EXEMPT, Self::NOT_TAXABLE])
            .collect()
    }
}

fn within(date: NaiveDate, from: Option<(i32, u32, u32)>, until: Option<(i32, u32, u32)>) -> bool {
    let to_date = |(y, m, d): (i32, u32, u32)| NaiveDate::from_ymd_opt(y, m, d);
    let after_start = from.and_then(to_date).is_none_or(|start| date >= start);
    let before_end = until.and_then(to_date).is_none_or(|end| date <= end);
    after_start && before_end
}

impl fmt::Display for VatRate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Kind::Fraction(_) => write!(f, "{}%", self.percent().unwrap_or_default()),
            Kind::Exempt => f.write_str("免税"),
            Kind::NotTaxable => f.write_str("不征税"),
        }
    }
}

impl std::str::FromStr for VatRate {
    type Err = ParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl Serialize for VatRate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for VatRate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = std::borrow::Cow::<'de, str>::deserialize(deserializer)?;
        Self::parse(&text).map_err(serde::de::Error::custom)
    }
}

impl JsonSchema for VatRate {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "CnVatRate".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "Chinese VAT rate as printed: a percentage such as \"13%\" or \"1.5%\", \"免税\" (exempt) or \"不征税\" (not taxable).",
            "pattern": "^([0-9]+(\\.[0-9]+)?%|免税|不征税)$",
        })
    }
}
