//! The dates at which Indonesian VAT rules changed, as constants.

use chrono::NaiveDate;

/// `NaiveDate` for a literal date, evaluated at compile time (every literal below is valid,
/// so the `MIN` arm is never taken).
const fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(date) => date,
        None => NaiveDate::MIN,
    }
}

/// PPN rises from 10% to 11% (UU HPP 7/2021 Pasal 7).
pub(crate) const PPN_11_PERCENT_FROM: NaiveDate = date(2022, 4, 1);

/// PPN 12% on DPP Nilai Lain (PMK 131/2024), 17-digit Coretax faktur numbers and kode
/// transaksi 10 (PER-11/PJ/2025).
pub(crate) const CORETAX_FROM: NaiveDate = date(2025, 1, 1);

/// Luxury goods pay 12% of the full price (PMK 131/2024 Pasal 2).
pub(crate) const LUXURY_FULL_PRICE_FROM: NaiveDate = date(2025, 2, 1);
