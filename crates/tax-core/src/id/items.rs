//! Invoice item lines and their sums.

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{RoundingRule, Rupiah};

/// One line of an Indonesian invoice.
///
/// `discount` is the total discount for the line, not per unit (OnlinePajak and e-Faktur
/// `DISKON`): 4 × 50000 − 30000 = 170000.
///
/// ```
/// use rust_decimal_macros::dec;
/// use tax_core::Rupiah;
/// use tax_core::id::ItemLine;
///
/// let line = ItemLine::new("Paper", dec!(4), Rupiah::from_whole(50_000), Rupiah::from_whole(30_000));
/// assert_eq!(line.amount(), Some(Rupiah::from_whole(170_000)));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ItemLine {
    /// What was supplied.
    #[serde(default)]
    pub description: String,
    /// Number of units; may have decimals (e.g. kilograms).
    pub quantity: Decimal,
    /// Price of one unit, before discount and tax.
    pub unit_price: Rupiah,
    /// Total discount for the line (not per unit); zero when absent.
    #[serde(default)]
    pub discount: Rupiah,
}

impl ItemLine {
    /// A line with the given description, quantity, unit price and total discount.
    pub fn new(
        description: impl Into<String>,
        quantity: Decimal,
        unit_price: Rupiah,
        discount: Rupiah,
    ) -> Self {
        Self {
            description: description.into(),
            quantity,
            unit_price,
            discount,
        }
    }

    /// `quantity × unit_price` (the e-Faktur `HARGA_TOTAL`), rounded to two decimals
    /// ([`RoundingRule::ID_AMOUNT`]); `None` on overflow.
    pub fn gross(&self) -> Option<Rupiah> {
        self.unit_price
            .checked_mul(self.quantity, RoundingRule::ID_AMOUNT)
    }

    /// `quantity × unit_price − discount`, the line's contribution to the tax base; `None` on
    /// overflow.
    pub fn amount(&self) -> Option<Rupiah> {
        self.gross()?.checked_sub(self.discount)
    }
}

/// The sum of the line amounts (OnlinePajak `grossAmount`); `None` on overflow.
///
/// ```
/// use rust_decimal_macros::dec;
/// use tax_core::Rupiah;
/// use tax_core::id::{ItemLine, items};
///
/// let lines = [
///     ItemLine::new("Item 1", dec!(2), Rupiah::from_whole(100_000), Rupiah::ZERO),
///     ItemLine::new("Item 2", dec!(2), Rupiah::from_whole(200_000), Rupiah::ZERO),
/// ];
/// assert_eq!(items::sum_amounts(&lines), Some(Rupiah::from_whole(600_000)));
/// ```
pub fn sum_amounts(lines: &[ItemLine]) -> Option<Rupiah> {
    lines
        .iter()
        .try_fold(Rupiah::ZERO, |sum, line| sum.checked_add(line.amount()?))
}

/// The sum of the line discounts; `None` on overflow.
pub fn sum_discounts(lines: &[ItemLine]) -> Option<Rupiah> {
    Rupiah::checked_sum(lines.iter().map(|line| line.discount))
}
