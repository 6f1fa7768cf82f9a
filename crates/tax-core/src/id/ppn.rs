//! PPN (Indonesian VAT) and PPnBM (luxury-goods sales tax) by tax-point date.
//!
//! | tax point | goods | PPN |
//! |---|---|---|
//! | until 2022-03-31 | all | 10% × price |
//! | 2022-04-01 – 2024-12-31 | all | 11% × price |
//! | from 2025-01-01 | non-luxury | 12% × DPP Nilai Lain (11/12 × price) |
//! | 2025-01-01 – 2025-01-31 | luxury | 12% × 11/12 × price (transition) |
//! | from 2025-02-01 | luxury | 12% × price, plus PPnBM |
//!
//! Sources: UU 42/2009, UU HPP 7/2021 Pasal 7, PMK 131/2024. Taxes are floored to whole
//! rupiah ([`RoundingRule::ID_TAX`]); DPP Nilai Lain is shown with two decimals
//! ([`RoundingRule::ID_AMOUNT`]) but the tax is computed from the exact fraction, so
//! 12% × 11/12 × 500000000 is exactly 55000000.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::calendar::{CORETAX_FROM, LUXURY_FULL_PRICE_FROM, PPN_11_PERCENT_FROM};
use crate::{RoundingRule, Rupiah};

/// Whether goods are subject to PPnBM, which changes the 2025 PPN base.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum GoodsClass {
    /// Ordinary goods and services.
    #[default]
    NonLuxury,
    /// Luxury goods subject to PPnBM.
    Luxury,
}

/// The tax base a rate applies to.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TaxBase {
    /// The price (DPP) itself.
    FullPrice,
    /// DPP Nilai Lain: `numerator / denominator × price`.
    OtherValue {
        /// Numerator of the fraction (11 in 2025).
        numerator: u32,
        /// Denominator of the fraction (12 in 2025).
        denominator: u32,
    },
}

/// A PPN rate: a statutory percentage and the base it applies to.
///
/// ```
/// use chrono::NaiveDate;
/// use rust_decimal_macros::dec;
/// use tax_core::id::ppn::{self, GoodsClass};
///
/// let rate = ppn::rate_on(NaiveDate::from_ymd_opt(2025, 3, 1).unwrap(), GoodsClass::NonLuxury);
/// assert_eq!(rate.percent(), dec!(12));
/// assert_eq!(rate.effective_percent(), dec!(11));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PpnRate {
    percent: Decimal,
    base: TaxBase,
}

impl PpnRate {
    /// `percent`% of the full price; `None` unless `0 <= percent <= 100`.
    pub fn full(percent: Decimal) -> Option<Self> {
        is_percentage(percent).then_some(Self {
            percent,
            base: TaxBase::FullPrice,
        })
    }

    /// `percent`% of `numerator/denominator` of the price (DPP Nilai Lain); `None` unless
    /// `0 <= percent <= 100` and `0 < numerator <= denominator`.
    pub fn other_value(percent: Decimal, numerator: u32, denominator: u32) -> Option<Self> {
        (is_percentage(percent) && numerator > 0 && numerator <= denominator).then_some(Self {
            percent,
            base: TaxBase::OtherValue {
                numerator,
                denominator,
            },
        })
    }

    /// The statutory percentage (10, 11 or 12).
    pub fn percent(&self) -> Decimal {
        self.percent
    }

    /// The base the percentage applies to.
    pub fn base(&self) -> TaxBase {
        self.base
    }

    /// The percentage of the price actually charged (12 × 11/12 = 11).
    pub fn effective_percent(&self) -> Decimal {
        match self.base {
            TaxBase::FullPrice => self.percent,
            TaxBase::OtherValue {
                numerator,
                denominator,
            } => self
                .percent
                .checked_mul(Decimal::from(numerator))
                .and_then(|scaled| scaled.checked_div(Decimal::from(denominator)))
                .unwrap_or(self.percent),
        }
    }

    /// The DPP Nilai Lain of `price` (two decimals), or `None` for a full-price rate or on
    /// overflow.
    pub fn other_tax_base(&self, price: Rupiah) -> Option<Rupiah> {
        match self.base {
            TaxBase::FullPrice => None,
            TaxBase::OtherValue {
                numerator,
                denominator,
            } => {
                let exact = price
                    .amount()
                    .checked_mul(Decimal::from(numerator))?
                    .checked_div(Decimal::from(denominator))?;
                Some(Rupiah::rounded(exact, RoundingRule::ID_AMOUNT))
            }
        }
    }

    /// The PPN on `price`, floored to whole rupiah; `None` on overflow.
    pub fn tax_on(&self, price: Rupiah) -> Option<Rupiah> {
        let scaled = price.amount().checked_mul(self.percent)?;
        let exact = match self.base {
            TaxBase::FullPrice => scaled.checked_div(Decimal::ONE_HUNDRED)?,
            TaxBase::OtherValue {
                numerator,
                denominator,
            } => {
                let denominator = Decimal::from(denominator).checked_mul(Decimal::ONE_HUNDRED)?;
                scaled
                    .checked_mul(Decimal::from(numerator))?
                    .checked_div(denominator)?
            }
        };
        Some(Rupiah::rounded(exact, RoundingRule::ID_TAX))
    }
}

/// The PPN rate for a tax point on `date` and goods of class `class`.
///
/// ```
/// use chrono::NaiveDate;
/// use rust_decimal_macros::dec;
/// use tax_core::id::ppn::{self, GoodsClass, TaxBase};
///
/// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// assert_eq!(ppn::rate_on(day(2022, 3, 31), GoodsClass::NonLuxury).percent(), dec!(10));
/// assert_eq!(ppn::rate_on(day(2022, 4, 1), GoodsClass::NonLuxury).percent(), dec!(11));
/// assert_eq!(ppn::rate_on(day(2025, 2, 1), GoodsClass::Luxury).base(), TaxBase::FullPrice);
/// ```
pub fn rate_on(date: NaiveDate, class: GoodsClass) -> PpnRate {
    let twelve_on_other_value = PpnRate {
        percent: Decimal::from(12),
        base: TaxBase::OtherValue {
            numerator: 11,
            denominator: 12,
        },
    };
    let full = |percent: u32| PpnRate {
        percent: Decimal::from(percent),
        base: TaxBase::FullPrice,
    };
    if date < PPN_11_PERCENT_FROM {
        full(10)
    } else if date < CORETAX_FROM {
        full(11)
    } else if class == GoodsClass::Luxury && date >= LUXURY_FULL_PRICE_FROM {
        full(12)
    } else {
        twelve_on_other_value
    }
}

fn is_percentage(percent: Decimal) -> bool {
    percent >= Decimal::ZERO && percent <= Decimal::ONE_HUNDRED
}

/// PPN (and PPnBM) computed for one tax base.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PpnBreakdown {
    /// The price the tax is computed on (DPP / harga jual).
    pub price: Rupiah,
    /// DPP Nilai Lain, two decimals, when the rate uses one.
    pub other_tax_base: Option<Rupiah>,
    /// The rate applied.
    pub rate: PpnRate,
    /// PPN, floored to whole rupiah.
    pub ppn: Rupiah,
    /// PPnBM, floored to whole rupiah (zero when none applies).
    pub ppnbm: Rupiah,
}

impl PpnBreakdown {
    /// `price + PPN + PPnBM`; `None` on overflow.
    pub fn total(&self) -> Option<Rupiah> {
        self.price.checked_add(self.ppn)?.checked_add(self.ppnbm)
    }

    /// Adds PPnBM at `percent`% of the price, floored; `None` on overflow.
    #[must_use]
    pub fn with_ppnbm(self, percent: Decimal) -> Option<Self> {
        Some(Self {
            ppnbm: ppnbm(self.price, percent)?,
            ..self
        })
    }
}

/// Applies `rate` to `price`; `None` on overflow.
pub fn compute_with_rate(price: Rupiah, rate: PpnRate) -> Option<PpnBreakdown> {
    Some(PpnBreakdown {
        price,
        other_tax_base: rate.other_tax_base(price),
        rate,
        ppn: rate.tax_on(price)?,
        ppnbm: Rupiah::ZERO,
    })
}

/// PPN on `price` for a tax point on `date`; `None` on overflow.
///
/// ```
/// use chrono::NaiveDate;
/// use tax_core::Rupiah;
/// use tax_core::id::ppn::{self, GoodsClass};
///
/// let date = NaiveDate::from_ymd_opt(2025, 6, 1).unwrap();
/// let result = ppn::compute(Rupiah::from_whole(600_000), date, GoodsClass::NonLuxury).unwrap();
/// assert_eq!(result.other_tax_base, Some(Rupiah::from_whole(550_000)));
/// assert_eq!(result.ppn, Rupiah::from_whole(66_000));
/// ```
pub fn compute(price: Rupiah, date: NaiveDate, class: GoodsClass) -> Option<PpnBreakdown> {
    compute_with_rate(price, rate_on(date, class))
}

/// PPnBM: `percent`% of `price`, floored to whole rupiah; `None` on overflow.
pub fn ppnbm(price: Rupiah, percent: Decimal) -> Option<Rupiah> {
    let exact = price
        .amount()
        .checked_mul(percent)?
        .checked_div(Decimal::ONE_HUNDRED)?;
    Some(Rupiah::rounded(exact, RoundingRule::ID_TAX))
}

/// The faktur for a down payment (*uang muka*): its tax base is the down payment itself.
pub fn down_payment(amount: Rupiah, date: NaiveDate, class: GoodsClass) -> Option<PpnBreakdown> {
    compute(amount, date, class)
}

/// The final-payment faktur (*pelunasan*): the contract value less the down payments already
/// invoiced; `None` on overflow.
///
/// ```
/// use chrono::NaiveDate;
/// use tax_core::Rupiah;
/// use tax_core::id::ppn::{self, GoodsClass};
///
/// let date = NaiveDate::from_ymd_opt(2023, 5, 1).unwrap();
/// let contract = Rupiah::from_whole(300_000_000);
/// let paid = Rupiah::from_whole(100_000_000);
/// let last = ppn::final_payment(contract, paid, date, GoodsClass::NonLuxury).unwrap();
/// assert_eq!(last.price, Rupiah::from_whole(200_000_000));
/// assert_eq!(last.ppn, Rupiah::from_whole(22_000_000));
/// ```
pub fn final_payment(
    contract: Rupiah,
    down_payments: Rupiah,
    date: NaiveDate,
    class: GoodsClass,
) -> Option<PpnBreakdown> {
    compute(contract.checked_sub(down_payments)?, date, class)
}

/// True when `actual` is within the tolerance a validator of third-party data should allow
/// against `expected`: one rupiah per amount that was rounded (`rounded_amounts`, at least
/// one). Tools differ in rounding (floor per line, floor on the total, half-up), so a sum of
/// line taxes may differ from the tax on the total by up to one rupiah per line.
///
/// ```
/// use tax_core::Rupiah;
/// use tax_core::id::ppn;
///
/// let on_total = Rupiah::from_whole(10_999);
/// let sum_of_lines = Rupiah::from_whole(10_998);
/// assert!(ppn::within_rounding_tolerance(on_total, sum_of_lines, 3));
/// assert!(!ppn::within_rounding_tolerance(on_total, Rupiah::from_whole(10_995), 3));
/// ```
pub fn within_rounding_tolerance(expected: Rupiah, actual: Rupiah, rounded_amounts: usize) -> bool {
    let allowed = Decimal::from(rounded_amounts.max(1));
    expected
        .abs_diff(actual)
        .is_some_and(|difference| difference.amount() <= allowed)
}
