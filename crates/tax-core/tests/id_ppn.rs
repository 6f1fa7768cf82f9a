//! PPN and PPnBM arithmetic: worked examples for every rate period, down payments and PPh.

use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use tax_core::Rupiah;
use tax_core::id::ppn::{self, GoodsClass, PpnRate, TaxBase};
use tax_core::id::{ItemLine, items};

mod common;
use common::date;

fn rp(amount: i64) -> Rupiah {
    Rupiah::from_whole(amount)
}

fn line(quantity: Decimal, price: i64, discount: i64) -> ItemLine {
    ItemLine::new("item", quantity, rp(price), rp(discount))
}

#[test]
fn rates_by_tax_point_date() {
    let non_luxury = |d| ppn::rate_on(d, GoodsClass::NonLuxury);
    let luxury = |d| ppn::rate_on(d, GoodsClass::Luxury);
    assert_eq!(
        non_luxury(date(2017, 2, 27)),
        PpnRate::full(dec!(10)).unwrap()
    );
    assert_eq!(non_luxury(date(2022, 3, 31)).percent(), dec!(10));
    assert_eq!(
        non_luxury(date(2022, 4, 1)),
        PpnRate::full(dec!(11)).unwrap()
    );
    assert_eq!(luxury(date(2024, 12, 31)), PpnRate::full(dec!(11)).unwrap());
    let other_value = PpnRate::other_value(dec!(12), 11, 12).unwrap();
    assert_eq!(non_luxury(date(2025, 1, 1)), other_value);
    assert_eq!(non_luxury(date(2026, 6, 1)), other_value);
    assert_eq!(luxury(date(2025, 1, 31)), other_value);
    assert_eq!(luxury(date(2025, 2, 1)), PpnRate::full(dec!(12)).unwrap());
    assert_eq!(
        other_value.base(),
        TaxBase::OtherValue {
            numerator: 11,
            denominator: 12
        }
    );
    assert_eq!(other_value.effective_percent(), dec!(11));
    assert!(PpnRate::full(dec!(101)).is_none());
    assert!(PpnRate::other_value(dec!(12), 0, 12).is_none());
}

#[test]
fn provider_doc_example_2017_at_ten_percent() {
    let lines = [line(dec!(2), 100_000, 0), line(dec!(2), 200_000, 0)];
    let dpp = items::sum_amounts(&lines).unwrap();
    assert_eq!(dpp, rp(600_000));
    let result = ppn::compute(dpp, date(2017, 2, 27), GoodsClass::NonLuxury).unwrap();
    assert_eq!(result.ppn, rp(60_000));
    assert_eq!(result.other_tax_base, None);
    assert_eq!(result.total(), Some(rp(660_000)));
}

#[test]
fn export_request_lines_with_discount() {
    let lines = [line(dec!(2), 100_000, 0), line(dec!(2), 200_000, 50_000)];
    let dpp = items::sum_amounts(&lines).unwrap();
    assert_eq!(dpp, rp(550_000));
    let result = ppn::compute(dpp, date(2017, 2, 27), GoodsClass::NonLuxury).unwrap();
    assert_eq!(result.ppn, rp(55_000));
    assert_eq!(result.total(), Some(rp(605_000)));
}

#[test]
fn eleven_percent_between_2022_and_2024() {
    let result = ppn::compute(rp(600_000), date(2023, 7, 1), GoodsClass::NonLuxury).unwrap();
    assert_eq!(result.ppn, rp(66_000));
    assert_eq!(result.total(), Some(rp(666_000)));
}

#[test]
fn twelve_percent_on_other_value_in_2025() {
    let result = ppn::compute(rp(600_000), date(2025, 3, 1), GoodsClass::NonLuxury).unwrap();
    assert_eq!(result.other_tax_base, Some(rp(550_000)));
    assert_eq!(result.ppn, rp(66_000));
    assert_eq!(result.total(), Some(rp(666_000)));
}

#[test]
fn odd_amount_in_2025_uses_the_exact_fraction() {
    let result = ppn::compute(rp(1_234_567), date(2025, 3, 1), GoodsClass::NonLuxury).unwrap();
    assert_eq!(result.other_tax_base.unwrap().amount(), dec!(1131686.42));
    assert_eq!(result.ppn, rp(135_802));
    let at_eleven = ppn::compute(rp(1_234_567), date(2024, 3, 1), GoodsClass::NonLuxury).unwrap();
    assert_eq!(at_eleven.ppn, result.ppn);
}

#[test]
fn per_line_flooring_differs_from_the_total() {
    let date = date(2023, 1, 10);
    let lines = [
        line(dec!(1), 33_333, 0),
        line(dec!(1), 33_333, 0),
        line(dec!(1), 33_333, 0),
    ];
    let dpp = items::sum_amounts(&lines).unwrap();
    assert_eq!(dpp, rp(99_999));
    let on_total = ppn::compute(dpp, date, GoodsClass::NonLuxury).unwrap().ppn;
    assert_eq!(on_total, rp(10_999));
    let per_line = Rupiah::checked_sum(lines.iter().map(|l| {
        ppn::compute(l.amount().unwrap(), date, GoodsClass::NonLuxury)
            .unwrap()
            .ppn
    }))
    .unwrap();
    assert_eq!(per_line, rp(10_998));
}

#[test]
fn luxury_goods_from_february_2025_with_ppnbm() {
    let result = ppn::compute(rp(500_000_000), date(2025, 2, 1), GoodsClass::Luxury)
        .unwrap()
        .with_ppnbm(dec!(20))
        .unwrap();
    assert_eq!(result.other_tax_base, None);
    assert_eq!(result.ppn, rp(60_000_000));
    assert_eq!(result.ppnbm, rp(100_000_000));
    assert_eq!(result.total(), Some(rp(660_000_000)));
}

#[test]
fn luxury_goods_in_the_january_2025_transition() {
    let result = ppn::compute(rp(500_000_000), date(2025, 1, 15), GoodsClass::Luxury).unwrap();
    assert_eq!(result.ppn, rp(55_000_000));
}

#[test]
fn down_payment_and_final_payment_at_eleven_percent() {
    let date = date(2023, 5, 1);
    let contract = rp(300_000_000);
    let down = rp(100_000_000);
    let first = ppn::down_payment(down, date, GoodsClass::NonLuxury).unwrap();
    assert_eq!((first.price, first.ppn), (rp(100_000_000), rp(11_000_000)));
    let last = ppn::final_payment(contract, down, date, GoodsClass::NonLuxury).unwrap();
    assert_eq!((last.price, last.ppn), (rp(200_000_000), rp(22_000_000)));
}

#[test]
fn coretax_odoo_sample() {
    let lines = [line(dec!(1), 100_000, 0)];
    let result = ppn::compute(
        items::sum_amounts(&lines).unwrap(),
        date(2025, 1, 20),
        GoodsClass::NonLuxury,
    )
    .unwrap();
    assert_eq!(result.price, rp(100_000));
    assert_eq!(result.other_tax_base.unwrap().amount(), dec!(91666.67));
    assert_eq!(result.ppn, rp(11_000));
}

#[test]
fn ppn_is_floored_never_rounded_up() {
    let result = ppn::compute(rp(99), date(2023, 1, 1), GoodsClass::NonLuxury).unwrap();
    assert_eq!(result.ppn, rp(10)); // 10.89
    assert_eq!(ppn::ppnbm(rp(99), dec!(20)), Some(rp(19))); // 19.8
}

#[test]
fn item_line_amounts() {
    assert_eq!(line(dec!(4), 50_000, 30_000).amount(), Some(rp(170_000)));
    assert_eq!(line(dec!(4), 50_000, 30_000).gross(), Some(rp(200_000)));
    let fractional = ItemLine::new("kg", dec!(1.5), "3333.33".parse().unwrap(), Rupiah::ZERO);
    assert_eq!(fractional.amount().unwrap().amount(), dec!(5000.00)); // 4999.995 half-up
    let huge = ItemLine::new("x", Decimal::MAX, rp(2), Rupiah::ZERO);
    assert_eq!(huge.amount(), None);
    assert_eq!(items::sum_amounts(&[huge]), None);
    assert_eq!(
        items::sum_discounts(&[line(dec!(1), 5, 2), line(dec!(1), 5, 3)]),
        Some(rp(5))
    );
}

#[test]
fn overflow_is_none_not_a_panic() {
    let max = Rupiah::new(Decimal::MAX).unwrap();
    assert!(ppn::compute(max, date(2025, 3, 1), GoodsClass::NonLuxury).is_none());
    assert!(ppn::ppnbm(max, dec!(50)).is_none());
}

#[test]
fn income_tax_withholding_example() {
    use tax_core::id::pph::{self, Pph23Kind};
    let dpp = rp(10_000_000);
    let vat = ppn::compute(dpp, date(2023, 1, 1), GoodsClass::NonLuxury).unwrap();
    assert_eq!(vat.ppn, rp(1_100_000));
    let withheld = pph::pph23(dpp, Pph23Kind::RentAndServices, true).unwrap();
    assert_eq!(withheld, rp(200_000));
    assert_eq!(
        pph::pph23(dpp, Pph23Kind::RentAndServices, false),
        Some(rp(400_000))
    );
    assert_eq!(
        pph::pph23(dpp, Pph23Kind::DividendsInterestRoyaltiesPrizes, true),
        Some(rp(1_500_000))
    );
    assert_eq!(
        pph::net_payment(vat.total().unwrap(), withheld),
        Some(rp(10_900_000))
    );
    assert_eq!(pph::withholding_at(rp(333), dec!(2)), Some(rp(6))); // 6.66 floored
}

#[test]
fn line_tax_sums_are_tolerated_within_one_rupiah_per_line() {
    assert!(ppn::within_rounding_tolerance(rp(10_999), rp(10_998), 3));
    assert!(ppn::within_rounding_tolerance(rp(10_999), rp(11_000), 1));
    assert!(!ppn::within_rounding_tolerance(rp(10_999), rp(11_001), 1));
    assert!(ppn::within_rounding_tolerance(rp(5), rp(4), 0));
}
