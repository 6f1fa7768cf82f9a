//! VAT arithmetic for Chinese invoice lines: line tax, tolerances and amount checks.
//!
//! Per line, `税额 = round_half_up(金额 × 税率, 2)` ([`RoundingRule::CN_TAX`]). When prices
//! are entered including tax the printed tax may differ by a few fen; invoicing systems accept
//! up to [`LINE_TAX_TOLERANCE`] per line and [`INVOICE_TAX_TOLERANCE`] accumulated over an
//! invoice.
//!
//! ```
//! use rust_decimal_macros::dec;
//! use tax_core::Yuan;
//! use tax_core::cn::{vat, VatRate};
//!
//! let rate = VatRate::parse("13%").unwrap();
//! let amount: Yuan = "123.45".parse().unwrap();
//! assert_eq!(vat::line_tax(amount, rate).to_string(), "16.05");
//!
//! // Tax-inclusive 100.00 at 13%: amount 88.50, tax 11.50, within tolerance.
//! let tax: Yuan = "11.50".parse().unwrap();
//! assert!(vat::line_tax_within_tolerance("88.50".parse().unwrap(), rate, tax));
//! ```

use rust_decimal::Decimal;

use crate::cn::vat_rate::VatRate;
use crate::{RoundingRule, Yuan};

pub use crate::cn::vat_rate::RateValidity;

/// Largest accepted `|金额 × 税率 − 税额|` on one line: 0.06 yuan.
pub const LINE_TAX_TOLERANCE: Decimal = Decimal::from_parts(6, 0, 0, false, 2);

/// Largest accepted accumulated `|Σ金额 × 税率 − Σ税额|` on one invoice: 1.27 yuan.
pub const INVOICE_TAX_TOLERANCE: Decimal = Decimal::from_parts(127, 0, 0, false, 2);

/// The tax of one line: `round_half_up(amount × rate, 2)`.
///
/// Because a rate is never above 100%, the product never exceeds the amount and the
/// computation cannot overflow.
pub fn line_tax(amount: Yuan, rate: VatRate) -> Yuan {
    Yuan::rounded(exact_tax(amount, rate), RoundingRule::CN_TAX)
}

/// The unrounded `amount × rate`.
pub fn exact_tax(amount: Yuan, rate: VatRate) -> Decimal {
    amount
        .amount()
        .checked_mul(rate.fraction())
        .unwrap_or(Decimal::ZERO)
}

/// `|amount × rate − tax|`, the difference the line tolerance applies to.
pub fn line_tax_difference(amount: Yuan, rate: VatRate, tax: Yuan) -> Decimal {
    exact_tax(amount, rate)
        .checked_sub(tax.amount())
        .map_or(Decimal::MAX, |difference| difference.abs())
}

/// True when `tax` is within [`LINE_TAX_TOLERANCE`] of `amount × rate`.
pub fn line_tax_within_tolerance(amount: Yuan, rate: VatRate, tax: Yuan) -> bool {
    line_tax_difference(amount, rate, tax) <= LINE_TAX_TOLERANCE
}

/// The accumulated difference `|Σ(amount × rate) − Σ tax|` over `(amount, rate, tax)` lines,
/// or `None` if a sum overflows.
pub fn cumulative_tax_difference<I>(lines: I) -> Option<Decimal>
where
    I: IntoIterator<Item = (Yuan, VatRate, Yuan)>,
{
    let mut difference = Decimal::ZERO;
    for (amount, rate, tax) in lines {
        difference = difference
            .checked_add(exact_tax(amount, rate))?
            .checked_sub(tax.amount())?;
    }
    Some(difference.abs())
}

/// `round_half_up(quantity × unit_price, 2)` ([`RoundingRule::CN_AMOUNT`]), or `None` on
/// overflow.
///
/// ```
/// use rust_decimal_macros::dec;
/// use tax_core::cn::vat;
///
/// assert_eq!(vat::line_amount(dec!(3), dec!(33.333333)).unwrap().to_string(), "100.00");
/// ```
pub fn line_amount(quantity: Decimal, unit_price: Decimal) -> Option<Yuan> {
    quantity
        .checked_mul(unit_price)
        .map(|product| Yuan::rounded(product, RoundingRule::CN_AMOUNT))
}

/// True when `amount` equals `round_half_up(quantity × unit_price, 2)`.
pub fn line_amount_matches(quantity: Decimal, unit_price: Decimal, amount: Yuan) -> bool {
    line_amount(quantity, unit_price) == Some(amount)
}
