//! RMB amounts in uppercase words (domain notes §8.5): every cn2an vector in the 元 form and
//! the invoice 圆 form, the PBoC optional-零 variants, and rejected spellings.

use tax_core::cn::daxie::{self, WordsMismatch, YuanUnit};
use tax_core::{ParseErrorKind, Yuan};

mod common;
use common::yuan;

/// (amount, cn2an `an2cn(x, "rmb")` output).
const CN2AN_VECTORS: [(&str, &str); 20] = [
    ("120.00", "壹佰贰拾元整"),
    ("660000", "陆拾陆万元整"),
    ("85.86", "捌拾伍元捌角陆分"),
    ("10.70", "壹拾元柒角"),
    ("1409.50", "壹仟肆佰零玖元伍角"),
    ("6007.14", "陆仟零柒元壹角肆分"),
    ("16409.02", "壹万陆仟肆佰零玖元零贰分"),
    ("325.04", "叁佰贰拾伍元零肆分"),
    ("107000.53", "壹拾万柒仟元伍角叁分"),
    ("100010", "壹拾万零壹拾元整"),
    ("1001000", "壹佰万壹仟元整"),
    ("1000001", "壹佰万零壹元整"),
    ("100010000", "壹亿零壹万元整"),
    ("0.05", "伍分"),
    ("0.50", "伍角"),
    ("0", "零元整"),
    ("8400.00", "捌仟肆佰元整"),
    ("9828.00", "玖仟捌佰贰拾捌元整"),
    ("-120", "负壹佰贰拾元整"),
    ("600006346.85", "陆亿陆仟叁佰肆拾陆元捌角伍分"),
];

#[test]
fn formats_every_vector_in_the_cn2an_form() {
    for (amount, words) in CN2AN_VECTORS {
        assert_eq!(
            daxie::to_words_with(yuan(amount), YuanUnit::Simplified),
            words,
            "{amount}"
        );
    }
}

#[test]
fn formats_every_vector_in_the_invoice_form() {
    for (amount, words) in CN2AN_VECTORS {
        assert_eq!(
            daxie::to_words(yuan(amount)),
            words.replace('元', "圆"),
            "{amount}"
        );
        assert_eq!(
            daxie::to_words_with(yuan(amount), YuanUnit::Formal),
            daxie::to_words(yuan(amount))
        );
    }
    // The DeepFinch OCR sample.
    assert_eq!(daxie::to_words(yuan("120.00")), "壹佰贰拾圆整");
}

#[test]
fn parses_every_vector_in_both_forms() {
    for (amount, words) in CN2AN_VECTORS {
        assert_eq!(daxie::parse_words(words).unwrap(), yuan(amount), "{words}");
        let formal = words.replace('元', "圆");
        assert_eq!(
            daxie::parse_words(&formal).unwrap(),
            yuan(amount),
            "{formal}"
        );
    }
}

#[test]
fn pboc_examples_with_and_without_optional_zero() {
    for (amount, spellings) in [
        (
            "1409.50",
            &["壹仟肆佰零玖元伍角", "壹仟肆佰零玖元伍角整"][..],
        ),
        ("6007.14", &["陆仟零柒元壹角肆分"][..]),
        (
            "1680.32",
            &["壹仟陆佰捌拾元叁角贰分", "壹仟陆佰捌拾元零叁角贰分"][..],
        ),
        (
            "107000.53",
            &[
                "壹拾万柒仟元伍角叁分",
                "壹拾万零柒仟元伍角叁分",
                "壹拾万柒仟元零伍角叁分",
                "壹拾万零柒仟元零伍角叁分",
            ][..],
        ),
        ("16409.02", &["壹万陆仟肆佰零玖元零贰分"][..]),
        ("325.04", &["叁佰贰拾伍元零肆分"][..]),
        ("600006346.85", &["陆亿零陆仟叁佰肆拾陆元捌角伍分"][..]),
        (
            "10.70",
            &[
                "壹拾元柒角",
                "壹拾元零柒角",
                "壹拾圆零柒角正",
                "壹拾元柒角整",
            ][..],
        ),
        ("0.50", &["伍角", "零元伍角", "零圆伍角整"][..]),
    ] {
        for spelling in spellings {
            assert_eq!(
                daxie::parse_words(spelling).unwrap(),
                yuan(amount),
                "{spelling}"
            );
        }
    }
}

#[test]
fn accepts_zheng_traditional_characters_renminbi_prefix_and_spaces() {
    assert_eq!(daxie::parse_words("壹佰贰拾圆正").unwrap(), yuan("120"));
    assert_eq!(
        daxie::parse_words("人民币 壹佰贰拾圆整").unwrap(),
        yuan("120")
    );
    assert_eq!(daxie::parse_words("貳萬陸仟圓整").unwrap(), yuan("26000"));
    assert_eq!(daxie::parse_words("壹億圓整").unwrap(), yuan("100000000"));
}

#[test]
fn rejects_spellings_the_rules_do_not_allow() {
    for bad in [
        "壹佰贰拾",               // no 元 and no 整
        "壹佰贰拾元",             // 整 is required after 元 without 角/分
        "壹佰贰拾元伍角叁分整",   // never 整 after 分
        "壹万陆仟肆佰零玖元贰分", // 零 is required when 角 = 0 and 分 ≠ 0
        "壹拾万壹拾元整",         // 零 is required before a section below 1000
        "壹仟肆佰玖元伍角",       // the inner 零 is required
        "拾元整",                 // 10-19 are written 壹拾
        "壹佰零零贰元整",         // one 零 per run of zeros
        "壹佰贰拾元整整",
        "壹贰元整",
        "壹佰贰拾美元整",
        "负零元整",
        "壹角伍",
        "零零元整",
    ] {
        let err = daxie::parse_words(bad).expect_err(bad);
        assert_eq!(err.kind(), ParseErrorKind::Format, "{bad}");
    }
    assert_eq!(
        daxie::parse_words("  ").unwrap_err().kind(),
        ParseErrorKind::Empty
    );
}

#[test]
fn large_amounts_use_wan_and_yi_sections() {
    let trillion = yuan("1000000000000");
    assert_eq!(daxie::to_words(trillion), "壹万亿圆整");
    assert_eq!(daxie::parse_words("壹万亿圆整").unwrap(), trillion);
    let mixed = yuan("123456789012.34");
    let words = daxie::to_words(mixed);
    assert_eq!(
        words,
        "壹仟贰佰叁拾肆亿伍仟陆佰柒拾捌万玖仟零壹拾贰圆叁角肆分"
    );
    assert_eq!(daxie::parse_words(&words).unwrap(), mixed);
}

#[test]
fn amounts_beyond_a_trillion_nest_wan_and_yi() {
    for amount in [
        "10000000000000000",
        "10000000100000000",
        "123456789012345678901234.56",
        "79228162514264337593543950335",
        "-79228162514264337593543950335",
    ] {
        let amount = yuan(amount);
        let words = daxie::to_words(amount);
        assert_eq!(daxie::parse_words(&words), Ok(amount), "{words}");
    }
    assert_eq!(
        daxie::to_words(yuan("10000000100000000")),
        "壹亿亿零壹亿圆整"
    );
    let too_long = "壹".repeat(200);
    assert_eq!(
        daxie::parse_words(&too_long).unwrap_err().kind(),
        ParseErrorKind::Length
    );
}

#[test]
fn checks_words_against_figures() {
    let total = yuan("9828.00");
    assert_eq!(
        daxie::check_words_against_amount("玖仟捌佰贰拾捌圆整", total),
        Ok(())
    );
    assert_eq!(
        daxie::check_words_against_amount("捌仟肆佰圆整", total),
        Err(WordsMismatch::Different {
            in_words: yuan("8400"),
            in_figures: total,
        })
    );
    let garbled = daxie::check_words_against_amount("玖仟捌佰贰拾捌", total).unwrap_err();
    assert!(
        matches!(garbled, WordsMismatch::Unparseable(ref e) if e.kind() == ParseErrorKind::Format)
    );
}

#[test]
fn round_trips_every_zero_pattern_up_to_a_trillion() {
    // Each of the 14 digit positions (12 integer digits, 角, 分) is either 0 or 7, which covers
    // every arrangement of zeros the 零 rules distinguish.
    for mask in 0u32..(1 << 14) {
        let fen = (0..14).fold(0i64, |acc, bit| {
            acc * 10 + if mask & (1 << bit) != 0 { 7 } else { 0 }
        });
        let amount = Yuan::new(rust_decimal::Decimal::new(fen, 2)).unwrap();
        let words = daxie::to_words(amount);
        assert_eq!(daxie::parse_words(&words), Ok(amount), "{words}");
        let simplified = daxie::to_words_with(amount, YuanUnit::Simplified);
        assert_eq!(daxie::parse_words(&simplified), Ok(amount), "{simplified}");
    }
}
