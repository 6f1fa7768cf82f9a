//! Property tests for the Chinese types, built on the strategies in `tax_core::testing::cn`.

use proptest::prelude::*;
use tax_core::cn::daxie::{self, YuanUnit};
use tax_core::cn::{
    CheckCode, InvoiceCode, InvoiceNumber, QrPayload, ResidentId, TaxpayerId, Uscc, VatRate, vat,
};
use tax_core::testing::cn::{
    USCC_ALPHABET, arb_check_code, arb_invoice_code, arb_invoice_number, arb_malformed_resident_id,
    arb_malformed_uscc, arb_resident_id, arb_uscc, arb_vat_invoice, arb_words_variant, arb_yuan,
    arb_yuan_between,
};
use tax_core::{RuleConfig, Yuan};

/// Every printable ASCII character (including the separators space and `-`) a single
/// substitution could put in an identifier, plus a few look-alikes people type.
fn substitutes() -> impl Iterator<Item = char> {
    (0x20u8..0x7f).map(char::from).chain(['Ｌ', '０', 'Ⅰ'])
}

/// True when `text` matches the `pattern` of `T`'s JSON schema.
fn matches_schema<T: schemars::JsonSchema>(text: &str) -> bool {
    let schema = serde_json::to_value(schemars::schema_for!(T)).unwrap();
    let pattern = schema["pattern"].as_str().unwrap();
    regress::Regex::new(pattern).unwrap().find(text).is_some()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn identifiers_display_then_parse_is_identity(
        uscc in arb_uscc(),
        rid in arb_resident_id(),
        code in arb_invoice_code(),
        number in arb_invoice_number(),
        check in arb_check_code(),
    ) {
        prop_assert_eq!(Uscc::parse(&uscc.to_string())?, uscc.clone());
        prop_assert_eq!(Uscc::parse(&uscc.to_string().to_lowercase())?, uscc.clone());
        prop_assert_eq!(TaxpayerId::parse(uscc.as_str())?, TaxpayerId::Uscc(uscc));
        prop_assert_eq!(ResidentId::parse(&rid.to_string())?, rid.clone());
        prop_assert_eq!(ResidentId::parse(&rid.to_string().to_lowercase())?, rid);
        prop_assert_eq!(InvoiceCode::parse(&code.to_string())?, code);
        prop_assert_eq!(InvoiceNumber::parse(&number.to_string())?, number);
        prop_assert_eq!(CheckCode::parse(&check.to_string())?, check);
    }

    #[test]
    fn qr_payload_display_then_parse_is_identity(
        code in arb_invoice_code(),
        legacy_number in "[1-9][0-9]{7}",
        digital_number in "[0-9]{20}",
        digital in any::<bool>(),
        amount in arb_yuan_between(0, 10_000_000_000),
        check in proptest::option::of(arb_check_code()),
        trailing in proptest::option::of("[0-9A-F]{4}"),
    ) {
        let text = if digital {
            format!("01,32,,{digital_number},{amount},20240514,,{}", trailing.clone().unwrap_or_default())
        } else {
            let check = check.map(|c| c.to_string()).unwrap_or_default();
            format!("01,04,{code},{legacy_number},{amount},20170601,{check},{}", trailing.clone().unwrap_or_default())
        };
        let qr = QrPayload::parse(&text)?;
        prop_assert_eq!(qr.to_string(), text.clone());
        prop_assert!(matches_schema::<QrPayload>(&text));
        prop_assert_eq!(QrPayload::parse(&qr.to_string())?, qr.clone());
        prop_assert_eq!(qr.trailing, trailing);
        prop_assert_eq!(qr.amount, amount);
    }

    #[test]
    fn canonical_forms_match_their_json_schema_patterns(
        uscc in arb_uscc(),
        rid in arb_resident_id(),
        code in arb_invoice_code(),
        number in arb_invoice_number(),
        check in arb_check_code(),
        rate_index in any::<proptest::sample::Index>(),
    ) {
        let rates = VatRate::rates_valid_on(chrono::NaiveDate::from_ymd_opt(2018, 1, 1).unwrap());
        let rate = rates[rate_index.index(rates.len())];
        prop_assert!(matches_schema::<Uscc>(&uscc.to_string()));
        prop_assert!(matches_schema::<TaxpayerId>(&uscc.to_string()));
        prop_assert!(matches_schema::<ResidentId>(&rid.to_string()));
        prop_assert!(matches_schema::<InvoiceCode>(&code.to_string()));
        prop_assert!(matches_schema::<InvoiceNumber>(&number.to_string()));
        prop_assert!(matches_schema::<CheckCode>(&check.to_string()));
        prop_assert!(matches_schema::<VatRate>(&rate.to_string()), "{}", rate);
    }

    #[test]
    fn generated_check_characters_validate(uscc in arb_uscc(), rid in arb_resident_id()) {
        prop_assert_eq!(Uscc::check_character(&uscc.as_str()[..17]), uscc.as_str().chars().last());
        prop_assert!(uscc.has_valid_organization_code());
        prop_assert_eq!(ResidentId::check_character(&rid.as_str()[..17]), rid.as_str().chars().last());
    }

    #[test]
    fn every_single_character_change_of_a_uscc_is_detected(uscc in arb_uscc()) {
        let original: Vec<char> = uscc.as_str().chars().collect();
        for position in 0..original.len() {
            for substitute in substitutes().filter(|c| *c != original[position]) {
                let mut changed = original.clone();
                changed[position] = substitute;
                let text: String = changed.into_iter().collect();
                if text.to_uppercase() == uscc.as_str() {
                    continue; // a lowercase form of the same code
                }
                prop_assert!(Uscc::parse(&text).is_err(), "{} accepted", text);
            }
        }
    }

    #[test]
    fn every_single_character_change_of_a_resident_id_is_detected(rid in arb_resident_id()) {
        let original: Vec<char> = rid.as_str().chars().collect();
        for position in 0..original.len() {
            for substitute in substitutes().filter(|c| *c != original[position]) {
                let mut changed = original.clone();
                changed[position] = substitute;
                let text: String = changed.into_iter().collect();
                if text.to_uppercase() == rid.as_str() {
                    continue;
                }
                prop_assert!(ResidentId::parse(&text).is_err(), "{} accepted", text);
            }
        }
    }

    #[test]
    fn malformed_strategies_never_parse(uscc in arb_malformed_uscc(), rid in arb_malformed_resident_id()) {
        prop_assert!(Uscc::parse(&uscc).is_err());
        prop_assert!(ResidentId::parse(&rid).is_err());
    }

    #[test]
    fn uscc_alphabet_substitutions_fail_the_checksum(uscc in arb_uscc(), position in 8usize..17) {
        // Inside the organization code every alphabet symbol is allowed, so only the MOD 31
        // check can catch the change.
        let original: Vec<char> = uscc.as_str().chars().collect();
        for substitute in USCC_ALPHABET.chars().filter(|c| *c != original[position]) {
            let mut changed = original.clone();
            changed[position] = substitute;
            let text: String = changed.into_iter().collect();
            prop_assert_eq!(Uscc::parse(&text).unwrap_err().kind(), tax_core::ParseErrorKind::Checksum);
        }
    }

    #[test]
    fn generated_invoices_validate_cleanly_and_round_trip(invoice in arb_vat_invoice()) {
        let report = invoice.validate(&RuleConfig::default());
        prop_assert!(report.is_empty(), "{:?}", report);
        let lines: Vec<_> = invoice.items.iter().map(|i| (i.amount, i.rate, i.tax)).collect();
        let line_taxes = Yuan::checked_sum(lines.iter().map(|(a, r, _)| vat::line_tax(*a, *r)));
        prop_assert_eq!(line_taxes, Some(invoice.subtotal_tax));
        prop_assert!(vat::cumulative_tax_difference(lines).unwrap() <= vat::INVOICE_TAX_TOLERANCE);
        let json = serde_json::to_string(&invoice).unwrap();
        prop_assert_eq!(serde_json::from_str::<tax_core::cn::VatInvoice>(&json).unwrap(), invoice);
    }

    #[test]
    fn no_parser_panics_on_arbitrary_strings(text in "\\PC{0,40}") {
        let _ = Uscc::parse(&text);
        let _ = TaxpayerId::parse(&text);
        let _ = ResidentId::parse(&text);
        let _ = InvoiceCode::parse(&text);
        let _ = InvoiceNumber::parse(&text);
        let _ = CheckCode::parse(&text);
        let _ = QrPayload::parse(&text);
        let _ = VatRate::parse(&text);
        let _ = daxie::parse_words(&text);
    }

    #[test]
    fn no_parser_panics_on_near_miss_strings(
        text in "[0-9A-Za-z零壹贰叁肆伍陆柒捌玖拾佰仟万亿元圆角分整负, .%-]{0,40}",
    ) {
        let _ = Uscc::parse(&text);
        let _ = TaxpayerId::parse(&text);
        let _ = ResidentId::parse(&text);
        let _ = QrPayload::parse(&text);
        let _ = VatRate::parse(&text);
        if let Ok(amount) = daxie::parse_words(&text) {
            // Whatever parses is a valid spelling, so it re-parses from canonical words.
            prop_assert_eq!(daxie::parse_words(&daxie::to_words(amount))?, amount);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn words_round_trip_for_every_amount_up_to_a_trillion(amount in arb_yuan()) {
        let formal = daxie::to_words(amount);
        prop_assert_eq!(daxie::parse_words(&formal)?, amount);
        let simplified = daxie::to_words_with(amount, YuanUnit::Simplified);
        prop_assert_eq!(simplified.replace('元', "圆"), formal.clone());
        prop_assert_eq!(daxie::parse_words(&simplified)?, amount);
        prop_assert!(daxie::check_words_against_amount(&formal, amount).is_ok());
    }

    #[test]
    fn optional_zero_and_zheng_variants_parse_to_the_same_amount((amount, words) in arb_words_variant()) {
        prop_assert_eq!(daxie::parse_words(&words)?, amount, "{}", words);
    }

    #[test]
    fn line_tax_is_the_half_up_rounding_of_amount_times_rate(amount in arb_yuan(), percent in 0u32..=17) {
        let rate = VatRate::from_percent(percent.into())?;
        let tax = vat::line_tax(amount, rate);
        prop_assert!(vat::line_tax_difference(amount, rate, tax) <= rust_decimal::Decimal::new(5, 3));
        prop_assert!(vat::line_tax_within_tolerance(amount, rate, tax));
    }
}
