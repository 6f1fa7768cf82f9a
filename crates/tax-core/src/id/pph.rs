//! Income tax withheld by the payer (PPh), which appears next to PPN on invoices as
//! "income tax" but is never part of the faktur's PPN.
//!
//! The payer withholds PPh from the amount before VAT and pays the rest:
//! `net = DPP + PPN + PPnBM − PPh withheld`. Amounts are floored to whole rupiah
//! (SE-22/PJ.24/1990).

use rust_decimal::Decimal;

use crate::{RoundingRule, Rupiah};

/// A PPh 23 withholding category (UU PPh Pasal 23).
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pph23Kind {
    /// Rent (other than land and buildings) and services: 2% of the gross amount.
    RentAndServices,
    /// Dividends, interest, royalties and prizes: 15%.
    DividendsInterestRoyaltiesPrizes,
}

impl Pph23Kind {
    /// The rate in percent; 100% higher when the recipient has no NPWP (4% / 30%).
    ///
    /// ```
    /// use rust_decimal_macros::dec;
    /// use tax_core::id::pph::Pph23Kind;
    ///
    /// assert_eq!(Pph23Kind::RentAndServices.rate_percent(true), dec!(2));
    /// assert_eq!(Pph23Kind::RentAndServices.rate_percent(false), dec!(4));
    /// assert_eq!(Pph23Kind::DividendsInterestRoyaltiesPrizes.rate_percent(false), dec!(30));
    /// ```
    pub fn rate_percent(self, recipient_has_npwp: bool) -> Decimal {
        let base = match self {
            Self::RentAndServices => Decimal::TWO,
            Self::DividendsInterestRoyaltiesPrizes => Decimal::from(15),
        };
        if recipient_has_npwp {
            base
        } else {
            base * Decimal::TWO
        }
    }
}

/// PPh at `percent`% of `base` (the amount before VAT), floored; `None` on overflow.
pub fn withholding_at(base: Rupiah, percent: Decimal) -> Option<Rupiah> {
    let exact = base
        .amount()
        .checked_mul(percent)?
        .checked_div(Decimal::ONE_HUNDRED)?;
    Some(Rupiah::rounded(exact, RoundingRule::ID_TAX))
}

/// PPh 23 withheld on `base`; `None` on overflow.
///
/// ```
/// use tax_core::Rupiah;
/// use tax_core::id::pph::{self, Pph23Kind};
///
/// let base = Rupiah::from_whole(10_000_000);
/// assert_eq!(pph::pph23(base, Pph23Kind::RentAndServices, true), Some(Rupiah::from_whole(200_000)));
/// ```
pub fn pph23(base: Rupiah, kind: Pph23Kind, recipient_has_npwp: bool) -> Option<Rupiah> {
    withholding_at(base, kind.rate_percent(recipient_has_npwp))
}

/// What the payer actually pays: the invoice's grand total (DPP + PPN + PPnBM) less the PPh
/// withheld; `None` on overflow.
pub fn net_payment(grand_total: Rupiah, withheld: Rupiah) -> Option<Rupiah> {
    grand_total.checked_sub(withheld)
}
