//! Property tests over the `id` types, using the strategies of `tax_core::testing::id`.

use proptest::prelude::*;
use tax_core::id::efaktur::{EFakturInvoice, TaxPeriod};
use tax_core::id::{FakturNumber, ItemLine, Nik, Nitku, Npwp, Nsfp, TransactionCode, items, luhn};
use tax_core::testing::id::*;
use tax_core::{ParseErrorKind, RuleConfig, Rupiah};

proptest! {
    #[test]
    fn npwp_parse_display_is_identity(npwp in arb_npwp()) {
        prop_assert_eq!(Npwp::parse(&npwp.to_string())?, npwp.clone());
        prop_assert_eq!(npwp.to_string().parse::<Npwp>()?, npwp.clone());
        prop_assert_eq!(Npwp::parse(npwp.digits())?, npwp.clone());
        let json = serde_json::to_string(&npwp).unwrap();
        prop_assert_eq!(serde_json::from_str::<Npwp>(&json).unwrap(), npwp);
    }

    #[test]
    fn sixteen_digit_form_keeps_the_number(npwp in arb_npwp()) {
        let sixteen = npwp.to_sixteen();
        prop_assert_eq!(sixteen.digits().len(), 16);
        prop_assert!(sixteen.digits().ends_with(npwp.digits()));
        prop_assert_eq!(Npwp::parse(sixteen.digits())?, sixteen);
    }

    #[test]
    fn generated_check_digits_validate(digits in arb_legacy_npwp_digits()) {
        prop_assert!(luhn::is_valid(&digits[..9]));
        prop_assert!(Npwp::parse(&digits)?.has_valid_checksum());
    }

    #[test]
    fn every_single_digit_change_in_the_luhn_covered_digits_is_detected(
        digits in arb_legacy_npwp_digits(),
        position in 0..9_usize,
        delta in 1..=9_u8,
        sixteen in any::<bool>(),
    ) {
        let mut bytes = digits.into_bytes();
        bytes[position] = b'0' + (bytes[position] - b'0' + delta) % 10;
        let changed = String::from_utf8(bytes).unwrap();
        let input = if sixteen { format!("0{changed}") } else { changed };
        prop_assert_eq!(Npwp::parse(&input).unwrap_err().kind(), ParseErrorKind::Checksum);
        prop_assert!(!Npwp::parse_ignoring_checksum(&input)?.has_valid_checksum());
    }

    #[test]
    fn malformed_npwps_are_rejected(text in arb_npwp_malformed()) {
        prop_assert!(Npwp::parse(&text).is_err(), "{} parsed", text);
    }

    #[test]
    fn nik_parse_display_is_identity(nik in arb_nik()) {
        prop_assert_eq!(Nik::parse(&nik.to_string())?, nik.clone());
        let birth = nik.birth_date_candidates();
        prop_assert!(!birth.is_empty() && birth.len() <= 2);
        prop_assert!(birth.contains(&nik.birth_date()));
    }

    #[test]
    fn malformed_niks_are_rejected_also_as_npwp(text in arb_nik_malformed()) {
        prop_assert!(Nik::parse(&text).is_err(), "{} parsed", text);
        if text.len() == 16 && !text.starts_with('0') {
            prop_assert_eq!(Npwp::parse(&text).unwrap_err().kind(), ParseErrorKind::Component);
        }
    }

    #[test]
    fn nitku_parse_display_is_identity(nitku in arb_nitku()) {
        prop_assert_eq!(Nitku::parse(&nitku.to_string())?, nitku.clone());
        prop_assert_eq!(nitku.to_string().len(), 22);
        prop_assert_eq!(nitku.is_head_office(), nitku.suffix() == "000000");
    }

    #[test]
    fn faktur_number_parse_display_is_identity(number in arb_faktur_number()) {
        prop_assert_eq!(FakturNumber::parse(&number.to_string())?, number);
        let compact: String = number.to_string().chars().filter(char::is_ascii_digit).collect();
        prop_assert_eq!(FakturNumber::parse(&compact)?, number);
        if let Some(nsfp) = number.nsfp() {
            prop_assert_eq!(Nsfp::parse(&nsfp.to_string())?, nsfp);
        }
    }

    #[test]
    fn malformed_faktur_numbers_are_rejected(text in arb_faktur_number_malformed()) {
        prop_assert!(FakturNumber::parse(&text).is_err(), "{} parsed", text);
    }

    #[test]
    fn transaction_code_and_tax_period_round_trip(code in arb_transaction_code(), month in 1..=12_u8, year in 0..=9999_u16) {
        prop_assert_eq!(TransactionCode::parse(&code.to_string())?, code);
        let period = TaxPeriod::new(month, year)?;
        prop_assert_eq!(TaxPeriod::parse(&period.to_string())?, period);
    }

    #[test]
    fn no_parser_panics_on_arbitrary_text(text in any::<String>()) {
        let _ = Npwp::parse(&text);
        let _ = Npwp::parse_ignoring_checksum(&text);
        let _ = Nik::parse(&text);
        let _ = Nitku::parse(&text);
        let _ = FakturNumber::parse(&text);
        let _ = Nsfp::parse(&text);
        let _ = TransactionCode::parse(&text);
        let _ = TaxPeriod::parse(&text);
        let _ = tax_core::id::terbilang::parse_words(&text);
    }

    #[test]
    fn no_parser_panics_on_digit_heavy_text(text in "[0-9 .\\-/]{0,30}") {
        for result in [
            Npwp::parse(&text).map(|_| ()),
            Nik::parse(&text).map(|_| ()),
            Nitku::parse(&text).map(|_| ()),
            FakturNumber::parse(&text).map(|_| ()),
            Nsfp::parse(&text).map(|_| ()),
        ] {
            if let Err(err) = result {
                prop_assert!(!err.message().is_empty());
            }
        }
    }

    #[test]
    fn line_amount_is_gross_less_discount(line in arb_item_line()) {
        let amount = line.amount().unwrap();
        prop_assert_eq!(amount.checked_add(line.discount), line.gross());
        prop_assert!(!amount.is_negative());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn totals_equal_the_sum_of_their_lines(invoice in arb_efaktur_invoice()) {
        let totals = invoice.totals().unwrap();
        let sum = Rupiah::checked_sum(invoice.items.iter().map(|l| l.amount().unwrap())).unwrap();
        prop_assert_eq!(totals.gross, sum);
        prop_assert_eq!(Some(totals.gross), items::sum_amounts(&invoice.items));
        prop_assert_eq!(totals.dpp, totals.gross);
        prop_assert_eq!(
            totals.grand_total,
            totals.dpp.checked_add(totals.ppn).unwrap().checked_add(totals.ppnbm).unwrap()
        );
        prop_assert!(totals.ppn <= totals.dpp);
        prop_assert_eq!(totals.ppn.amount().fract(), rust_decimal::Decimal::ZERO);
    }

    #[test]
    fn generated_invoices_have_no_errors(invoice in arb_efaktur_invoice()) {
        let report = invoice.validate(&RuleConfig::default());
        prop_assert!(!report.has_errors(), "{:?}", report);
    }

    #[test]
    fn invoices_round_trip_through_json(invoice in arb_efaktur_invoice()) {
        let json = serde_json::to_string(&invoice).unwrap();
        let back: EFakturInvoice = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(back, invoice);
    }

    #[test]
    fn validation_is_deterministic_and_never_panics_on_broken_lines(
        mut invoice in arb_efaktur_invoice(),
        extra in prop::collection::vec(arb_item_line(), 0..3),
        negative in any::<bool>(),
    ) {
        invoice.items.extend(extra);
        if negative {
            invoice.items.push(ItemLine::new("", rust_decimal::Decimal::NEGATIVE_ONE, Rupiah::from_whole(-1), Rupiah::ZERO));
        }
        let config = RuleConfig::default();
        prop_assert_eq!(invoice.validate(&config), invoice.validate(&config));
    }
}

/// Serialises `value` to JSON and reads it back through the checked parser.
fn json_round_trip<T>(value: &T) -> T
where
    T: serde::Serialize + serde::de::DeserializeOwned,
{
    serde_json::from_str(&serde_json::to_string(value).unwrap()).unwrap()
}

proptest! {
    #[test]
    fn every_identifier_round_trips_through_json(
        nik in arb_nik(),
        nitku in arb_nitku(),
        number in arb_faktur_number(),
        nsfp in arb_nsfp(),
        code in arb_transaction_code(),
    ) {
        prop_assert_eq!(json_round_trip(&nik), nik);
        prop_assert_eq!(json_round_trip(&nitku), nitku);
        prop_assert_eq!(json_round_trip(&number), number);
        prop_assert_eq!(json_round_trip(&nsfp), nsfp);
        prop_assert_eq!(json_round_trip(&code), code);
    }

    #[test]
    fn twelve_percent_on_other_value_equals_eleven_percent_of_the_price(whole in 0..=10_000_000_000_000_i64) {
        use rust_decimal::Decimal;
        use tax_core::RoundingRule;
        use tax_core::id::ppn::{self, GoodsClass};
        let price = Rupiah::from_whole(whole);
        let date = chrono::NaiveDate::from_ymd_opt(2025, 6, 1).unwrap();
        let result = ppn::compute(price, date, GoodsClass::NonLuxury).unwrap();
        let eleven_percent = RoundingRule::ID_TAX.apply(Decimal::from(whole) * Decimal::new(11, 2));
        prop_assert_eq!(result.ppn.amount(), eleven_percent);
        prop_assert!(result.ppn <= price);
    }

    #[test]
    fn ppn_never_decreases_when_the_price_grows(whole in 0..=1_000_000_000_000_i64, more in 0..=1_000_000_i64, day in 0..=4000_u64) {
        use tax_core::id::ppn::{self, GoodsClass};
        let date = chrono::NaiveDate::from_ymd_opt(2017, 1, 1).unwrap() + chrono::Days::new(day);
        for class in [GoodsClass::NonLuxury, GoodsClass::Luxury] {
            let low = ppn::compute(Rupiah::from_whole(whole), date, class).unwrap().ppn;
            let high = ppn::compute(Rupiah::from_whole(whole + more), date, class).unwrap().ppn;
            prop_assert!(low <= high);
        }
    }
}
