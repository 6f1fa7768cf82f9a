//! Exact money: a decimal amount tagged with its currency at the type level.
//!
//! No amount ever passes through `f64`. Arithmetic is checked (overflow is `None`, never a
//! panic or a silent wrap), and multiplication by a factor always names a [`RoundingRule`].

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::marker::PhantomData;
use std::str::FromStr;

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::{ParseError, ParseErrorKind, RoundingRule};

mod sealed {
    pub trait Sealed {}
}

/// A currency known to this crate.
pub trait Currency:
    sealed::Sealed + fmt::Debug + Clone + Copy + Default + PartialEq + Eq + Hash + Send + Sync + 'static
{
    /// ISO 4217 code.
    const CODE: &'static str;
    /// Most decimals an amount in this currency may carry.
    const MAX_SCALE: u32;
    /// Decimals always shown by `Display` (more are shown when the amount has them).
    const DISPLAY_SCALE: u32;
}

/// Indonesian rupiah. Faktur amounts are whole rupiah, but DPP Nilai Lain and line values may
/// carry two decimals.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Idr;

impl sealed::Sealed for Idr {}
impl Currency for Idr {
    const CODE: &'static str = "IDR";
    const MAX_SCALE: u32 = 2;
    const DISPLAY_SCALE: u32 = 0;
}

/// Chinese yuan (RMB), two decimals (角 and 分).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Cny;

impl sealed::Sealed for Cny {}
impl Currency for Cny {
    const CODE: &'static str = "CNY";
    const MAX_SCALE: u32 = 2;
    const DISPLAY_SCALE: u32 = 2;
}

/// An exact amount of money in currency `C`.
///
/// ```
/// use tax_core::{Rupiah, RoundingRule};
/// use rust_decimal_macros::dec;
///
/// let price: Rupiah = "100000".parse().unwrap();
/// let line = price.checked_mul(dec!(2), RoundingRule::ID_AMOUNT).unwrap();
/// assert_eq!(line.to_string(), "200000");
/// assert!("1.234".parse::<Rupiah>().is_err()); // more than two decimals
/// ```
pub struct Money<C: Currency> {
    amount: Decimal,
    currency: PhantomData<C>,
}

/// An amount in Indonesian rupiah.
pub type Rupiah = Money<Idr>;
/// An amount in Chinese yuan.
pub type Yuan = Money<Cny>;

impl<C: Currency> Money<C> {
    /// Zero in this currency.
    pub const ZERO: Self = Self {
        amount: Decimal::ZERO,
        currency: PhantomData,
    };

    /// Checks that `amount` has at most [`Currency::MAX_SCALE`] significant decimals.
    pub fn new(amount: Decimal) -> Result<Self, ParseError> {
        let normalized = amount.normalize();
        if normalized.scale() > C::MAX_SCALE {
            return Err(ParseError::new(
                C::CODE,
                ParseErrorKind::Format,
                format!(
                    "{amount} has {} decimals; {} allows at most {}",
                    normalized.scale(),
                    C::CODE,
                    C::MAX_SCALE
                ),
            ));
        }
        Ok(Self::from_decimal_unchecked(normalized))
    }

    /// Rounds `amount` with `rule` first, so the result always fits the currency.
    pub fn rounded(amount: Decimal, rule: RoundingRule) -> Self {
        let scale = rule.scale.min(C::MAX_SCALE);
        let rounded = amount.round_dp_with_strategy(scale, rule.strategy);
        Self::from_decimal_unchecked(rounded.normalize())
    }

    /// A whole amount.
    pub fn from_whole(units: i64) -> Self {
        Self::from_decimal_unchecked(Decimal::from(units))
    }

    fn from_decimal_unchecked(amount: Decimal) -> Self {
        Self {
            amount,
            currency: PhantomData,
        }
    }

    /// The amount as a decimal.
    pub fn amount(&self) -> Decimal {
        self.amount
    }

    /// The ISO 4217 code of the currency.
    pub fn currency_code(&self) -> &'static str {
        C::CODE
    }

    /// True for amounts below zero (discount lines, returns).
    pub fn is_negative(&self) -> bool {
        self.amount.is_sign_negative() && !self.amount.is_zero()
    }

    /// True for zero.
    pub fn is_zero(&self) -> bool {
        self.amount.is_zero()
    }

    /// `self + other`, or `None` on overflow.
    pub fn checked_add(self, other: Self) -> Option<Self> {
        self.amount
            .checked_add(other.amount)
            .map(Self::from_decimal_unchecked)
    }

    /// `self - other`, or `None` on overflow.
    pub fn checked_sub(self, other: Self) -> Option<Self> {
        self.amount
            .checked_sub(other.amount)
            .map(Self::from_decimal_unchecked)
    }

    /// `self × factor` rounded with `rule`, or `None` on overflow.
    pub fn checked_mul(self, factor: Decimal, rule: RoundingRule) -> Option<Self> {
        self.amount
            .checked_mul(factor)
            .map(|product| Self::rounded(product, rule))
    }

    /// The sum of `amounts`, or `None` on overflow.
    pub fn checked_sum<I: IntoIterator<Item = Self>>(amounts: I) -> Option<Self> {
        amounts
            .into_iter()
            .try_fold(Self::ZERO, |acc, next| acc.checked_add(next))
    }

    /// The absolute difference `|self - other|`, or `None` on overflow.
    pub fn abs_diff(self, other: Self) -> Option<Self> {
        self.checked_sub(other)
            .map(|d| Self::from_decimal_unchecked(d.amount.abs()))
    }
}

impl<C: Currency> Clone for Money<C> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<C: Currency> Copy for Money<C> {}

impl<C: Currency> PartialEq for Money<C> {
    fn eq(&self, other: &Self) -> bool {
        self.amount == other.amount
    }
}
impl<C: Currency> Eq for Money<C> {}

impl<C: Currency> PartialOrd for Money<C> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl<C: Currency> Ord for Money<C> {
    fn cmp(&self, other: &Self) -> Ordering {
        self.amount.cmp(&other.amount)
    }
}

impl<C: Currency> Hash for Money<C> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.amount.normalize().hash(state);
    }
}

impl<C: Currency> Default for Money<C> {
    fn default() -> Self {
        Self::ZERO
    }
}

impl<C: Currency> fmt::Debug for Money<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", C::CODE, self)
    }
}

impl<C: Currency> fmt::Display for Money<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut shown = self.amount.normalize();
        if shown.scale() < C::DISPLAY_SCALE {
            shown.rescale(C::DISPLAY_SCALE);
        }
        fmt::Display::fmt(&shown, f)
    }
}

impl<C: Currency> FromStr for Money<C> {
    type Err = ParseError;

    /// Parses a plain decimal (`"600000"`, `"120.00"`, `"-3.5"`); no grouping separators.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let trimmed = s.trim();
        if trimmed.is_empty() {
            return Err(ParseError::new(
                C::CODE,
                ParseErrorKind::Empty,
                "empty amount",
            ));
        }
        let valid_chars = trimmed
            .char_indices()
            .all(|(i, c)| c.is_ascii_digit() || c == '.' || (i == 0 && (c == '-' || c == '+')));
        if !valid_chars {
            return Err(ParseError::new(
                C::CODE,
                ParseErrorKind::Format,
                format!("{trimmed:?} is not a plain decimal amount"),
            ));
        }
        let amount = Decimal::from_str_exact(trimmed).map_err(|e| {
            ParseError::new(C::CODE, ParseErrorKind::Format, format!("{trimmed:?}: {e}"))
        })?;
        Self::new(amount)
    }
}

impl<C: Currency> Serialize for Money<C> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de, C: Currency> Deserialize<'de> for Money<C> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = std::borrow::Cow::<'de, str>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

impl<C: Currency> JsonSchema for Money<C> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        format!("Money{}", C::CODE).into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": format!("An exact amount in {} as a decimal string, at most {} decimals.", C::CODE, C::MAX_SCALE),
            "pattern": r"^[+-]?[0-9]+(\.[0-9]+)?$",
        })
    }
}

#[cfg(test)]
mod tests {
    use rust_decimal_macros::dec;

    use super::*;

    #[test]
    fn rejects_excess_precision_but_accepts_trailing_zeros() {
        assert!("1.001".parse::<Yuan>().is_err());
        assert_eq!("1.100".parse::<Yuan>().unwrap().amount(), dec!(1.1));
        assert_eq!("120".parse::<Yuan>().unwrap().to_string(), "120.00");
        assert_eq!("600000.00".parse::<Rupiah>().unwrap().to_string(), "600000");
    }

    #[test]
    fn rejects_grouping_and_garbage() {
        for bad in ["1,000", "1 000", "Rp 1000", "", "1e3", "--1"] {
            assert!(bad.parse::<Rupiah>().is_err(), "{bad:?} should be rejected");
        }
    }

    #[test]
    fn overflow_is_none_not_a_panic() {
        let max = Rupiah::new(Decimal::MAX).unwrap();
        assert_eq!(max.checked_add(Rupiah::from_whole(1)), None);
        assert_eq!(max.checked_mul(dec!(2), RoundingRule::ID_AMOUNT), None);
    }

    #[test]
    fn serde_is_a_string() {
        let amount: Yuan = serde_json::from_str("\"8400.00\"").unwrap();
        assert_eq!(serde_json::to_string(&amount).unwrap(), "\"8400.00\"");
    }
}
