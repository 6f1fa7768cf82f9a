//! Named rounding rules. Every rounding in this crate goes through one of these, so that the
//! rule and its legal source are visible at the call site; `Decimal::round_dp` (which silently
//! rounds half to even) is never used on money.

use rust_decimal::{Decimal, RoundingStrategy};

/// A rounding rule: a scale (number of decimals kept) and a strategy, with a name for messages.
///
/// ```
/// use rust_decimal_macros::dec;
/// use tax_core::RoundingRule;
///
/// assert_eq!(RoundingRule::ID_TAX.apply(dec!(10999.89)), dec!(10999));
/// assert_eq!(RoundingRule::CN_TAX.apply(dec!(16.0485)), dec!(16.05));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RoundingRule {
    /// Short name used in findings and docs.
    pub name: &'static str,
    /// Decimals kept.
    pub scale: u32,
    /// How the dropped digits are resolved.
    pub strategy: RoundingStrategy,
}

impl RoundingRule {
    /// Indonesian PPN and PPnBM: whole rupiah, rounded down.
    ///
    /// Source: PER-25/PJ/2014 (SPT Masa PPN: "dibulatkan ke bawah") and SE-22/PJ.24/1990.
    pub const ID_TAX: Self = Self {
        name: "id-tax-floor",
        scale: 0,
        strategy: RoundingStrategy::ToNegativeInfinity,
    };

    /// Indonesian amounts that are not taxes (DPP Nilai Lain, line amounts): two decimals,
    /// half away from zero, as Coretax XML carries them (e.g. `OtherTaxBase 91666.67`).
    pub const ID_AMOUNT: Self = Self {
        name: "id-amount-half-up-2dp",
        scale: 2,
        strategy: RoundingStrategy::MidpointAwayFromZero,
    };

    /// Chinese VAT per line: 税额 = round_half_up(金额 × 税率, 2).
    pub const CN_TAX: Self = Self {
        name: "cn-tax-half-up-2dp",
        scale: 2,
        strategy: RoundingStrategy::MidpointAwayFromZero,
    };

    /// Chinese line amounts: 金额 = round_half_up(数量 × 单价, 2).
    pub const CN_AMOUNT: Self = Self {
        name: "cn-amount-half-up-2dp",
        scale: 2,
        strategy: RoundingStrategy::MidpointAwayFromZero,
    };

    /// Rounds `value` under this rule.
    pub fn apply(&self, value: Decimal) -> Decimal {
        value.round_dp_with_strategy(self.scale, self.strategy)
    }
}
