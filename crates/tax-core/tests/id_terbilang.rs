//! Terbilang vectors (classic convention, num2words where it agrees) and round trips.

use proptest::prelude::*;
use tax_core::id::terbilang::{
    check_words_against_amount, parse_words, rupiah_to_words, to_rupiah_words, to_words,
};
use tax_core::{ParseErrorKind, Rupiah};

#[test]
fn note_vectors_in_currency_mode() {
    for (amount, words) in [
        (600_000, "enam ratus ribu rupiah"),
        (660_000, "enam ratus enam puluh ribu rupiah"),
        (605_000, "enam ratus lima ribu rupiah"),
        (1_200_000, "satu juta dua ratus ribu rupiah"),
        (11_000, "sebelas ribu rupiah"),
        (111_111, "seratus sebelas ribu seratus sebelas rupiah"),
        (2_000_000_000, "dua miliar rupiah"),
        (1_000, "seribu rupiah"),
        (1_001_000, "satu juta seribu rupiah"),
    ] {
        assert_eq!(to_rupiah_words(amount), words, "{amount}");
        assert_eq!(parse_words(words).unwrap(), amount, "{words}");
    }
    assert_eq!(to_words(0), "nol");
    assert_eq!(parse_words("nol").unwrap(), 0);
}

#[test]
fn classic_convention_details() {
    assert_eq!(to_words(10), "sepuluh");
    assert_eq!(to_words(11), "sebelas");
    assert_eq!(to_words(19), "sembilan belas");
    assert_eq!(to_words(100), "seratus");
    assert_eq!(to_words(1_200), "seribu dua ratus");
    assert_eq!(to_words(1_000_000), "satu juta");
    assert_eq!(to_words(1_000_000_000), "satu miliar");
    assert_eq!(to_words(1_000_000_000_000), "satu triliun");
    assert_eq!(to_words(1_001_001_000), "satu miliar satu juta seribu");
    assert_eq!(to_words(21_305), "dua puluh satu ribu tiga ratus lima");
}

#[test]
fn lenient_input_spellings() {
    for (words, amount) in [
        ("Enam Ratus Enam Puluh Ribu Rupiah", 660_000),
        ("  satu   milyar  ", 1_000_000_000),
        ("dua trilyun", 2_000_000_000_000),
        ("satu juta satu ribu rupiah", 1_001_000),
        ("SERIBU", 1_000),
        ("satu ratus", 100),
    ] {
        assert_eq!(parse_words(words).unwrap(), amount, "{words}");
    }
}

#[test]
fn parse_errors_have_precise_kinds() {
    assert_eq!(parse_words("").unwrap_err().kind(), ParseErrorKind::Empty);
    assert_eq!(
        parse_words("rupiah").unwrap_err().kind(),
        ParseErrorKind::Empty
    );
    assert_eq!(
        parse_words("enam ratus dolar").unwrap_err().kind(),
        ParseErrorKind::Format
    );
    assert_eq!(
        parse_words("juta satu").unwrap_err().kind(),
        ParseErrorKind::Format
    );
}

#[test]
fn words_are_checked_against_amounts() {
    let total: Rupiah = "1001000".parse().unwrap();
    assert!(check_words_against_amount("satu juta seribu rupiah", total).unwrap());
    assert!(check_words_against_amount("satu juta satu ribu rupiah", total).unwrap());
    assert!(!check_words_against_amount("satu juta rupiah", total).unwrap());
    let with_cents: Rupiah = "1001000.50".parse().unwrap();
    assert!(!check_words_against_amount("satu juta seribu rupiah", with_cents).unwrap());
    assert!(check_words_against_amount("satu juta seribu dolar", total).is_err());
}

proptest! {
    #[test]
    fn round_trips_every_amount_up_to_a_trillion(amount in 0..=1_000_000_000_000_u64) {
        prop_assert_eq!(parse_words(&to_words(amount))?, amount);
        prop_assert_eq!(parse_words(&to_rupiah_words(amount))?, amount);
    }

    #[test]
    fn round_trips_any_u64(amount in any::<u64>()) {
        prop_assert_eq!(parse_words(&to_words(amount))?, amount);
    }

    #[test]
    fn thousands_group_of_one_is_always_seribu(millions in 1..=999_999_u64, rest in 0..=999_u64) {
        let words = to_words(millions * 1_000_000 + 1_000 + rest);
        prop_assert!(words.contains("seribu"), "{}", words);
        prop_assert!(!words.contains("satu ribu"), "{}", words);
    }

    #[test]
    fn parser_never_panics(text in "\\PC{0,60}") {
        let _ = parse_words(&text);
    }

    #[test]
    fn parser_never_panics_on_number_words(
        words in prop::collection::vec(
            prop::sample::select(vec![
                "satu", "dua", "sembilan", "se", "puluh", "belas", "ratus", "ribu", "juta",
                "miliar", "triliun", "kuintiliun", "sepuluh", "sebelas", "seratus", "seribu",
                "nol", "rupiah",
            ]),
            0..12,
        )
    ) {
        let text = words.join(" ");
        if let Ok(value) = parse_words(&text) {
            prop_assert_eq!(parse_words(&to_words(value))?, value);
        }
    }
}

/// Every group value 0–999 in every scale position up to a trillion, alone and combined with
/// ones in the other groups, round-trips.
#[test]
fn round_trips_every_group_in_every_position() {
    let scales = [1_u64, 1_000, 1_000_000, 1_000_000_000, 1_000_000_000_000];
    for group in 0..=999_u64 {
        for (position, scale) in scales.iter().enumerate() {
            if position == 4 && group > 1 {
                continue; // keep within 10^12
            }
            let alone = group * scale;
            let with_ones: u64 = scales[..4]
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != position)
                .map(|(_, s)| *s)
                .sum();
            for amount in [alone, alone + with_ones.min(1_000_000_000_000 - alone)] {
                assert_eq!(parse_words(&to_words(amount)).unwrap(), amount, "{amount}");
            }
        }
    }
}

#[test]
fn rupiah_amounts_in_words() {
    let amount = |text: &str| text.parse::<Rupiah>().unwrap();
    assert_eq!(
        rupiah_to_words(amount("660000")).as_deref(),
        Some("enam ratus enam puluh ribu rupiah")
    );
    assert_eq!(
        rupiah_to_words(amount("660000.00")).as_deref(),
        Some("enam ratus enam puluh ribu rupiah")
    );
    assert_eq!(rupiah_to_words(amount("0")).as_deref(), Some("nol rupiah"));
    assert_eq!(rupiah_to_words(amount("10.5")), None);
    assert_eq!(rupiah_to_words(amount("-1")), None);
    assert_eq!(rupiah_to_words(amount("18446744073709551616")), None);
}
