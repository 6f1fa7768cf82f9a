//! Printed forms of amounts and dates in the corpus layouts.

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

/// Indonesian month names.
pub(crate) const BULAN: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];

/// English three-letter month names.
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Groups the integer digits of `amount` and writes `decimals` decimals, with the given
/// thousands and decimal separators.
fn grouped(amount: Decimal, decimals: u32, thousands: char, point: char) -> String {
    let rounded = amount.round_dp(decimals);
    let text = format!(
        "{:.*}",
        usize::try_from(decimals).unwrap_or(2),
        rounded.abs()
    );
    let (whole, fraction) = text.split_once('.').unwrap_or((text.as_str(), ""));
    let mut out = String::new();
    for (index, digit) in whole.chars().enumerate() {
        if index > 0 && (whole.len() - index) % 3 == 0 {
            out.push(thousands);
        }
        out.push(digit);
    }
    if !fraction.is_empty() {
        out.push(point);
        out.push_str(fraction);
    }
    if rounded.is_sign_negative() && !rounded.is_zero() {
        out.insert(0, '-');
    }
    out
}

/// `1.500.000,00`.
pub(crate) fn id_amount(amount: Decimal) -> String {
    grouped(amount, 2, '.', ',')
}

/// `1,500,000.00`.
pub(crate) fn en_amount(amount: Decimal) -> String {
    grouped(amount, 2, ',', '.')
}

/// A quantity with two decimals in Indonesian style (`2,00`) or as a plain integer when whole
/// and `compact` is set (`2`).
pub(crate) fn id_quantity(quantity: Decimal, compact: bool) -> String {
    if compact && quantity.fract().is_zero() {
        grouped(quantity, 0, '.', ',')
    } else {
        grouped(quantity, 2, '.', ',')
    }
}

/// A quantity as printed on Chinese invoices (`3`, `1.5`).
pub(crate) fn plain_decimal(value: Decimal) -> String {
    value.normalize().to_string()
}

/// `15 Januari 2024`.
pub(crate) fn id_long_date(date: NaiveDate) -> String {
    let month = BULAN[date.month0() as usize];
    format!("{} {month} {}", date.day(), date.year())
}

/// `15 Jan 2024`.
pub(crate) fn en_short_date(date: NaiveDate) -> String {
    let month = MONTHS[date.month0() as usize];
    format!("{:02} {month} {}", date.day(), date.year())
}

/// `2019年08月15日`.
pub(crate) fn cn_date(date: NaiveDate) -> String {
    format!("{}年{:02}月{:02}日", date.year(), date.month(), date.day())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_grouped_in_both_styles() {
        let amount = Decimal::new(150_000_050, 2);
        assert_eq!(id_amount(amount), "1.500.000,50");
        assert_eq!(en_amount(amount), "1,500,000.50");
        assert_eq!(id_amount(Decimal::ZERO), "0,00");
        assert_eq!(id_quantity(Decimal::from(2), false), "2,00");
        assert_eq!(id_quantity(Decimal::new(25, 1), true), "2,50");
    }

    #[test]
    fn dates_use_local_month_names() {
        let date = NaiveDate::from_ymd_opt(2024, 1, 5).unwrap();
        assert_eq!(id_long_date(date), "5 Januari 2024");
        assert_eq!(en_short_date(date), "05 Jan 2024");
        assert_eq!(cn_date(date), "2024年01月05日");
    }
}
