//! NIK vectors (python-stdnum `id.nik`, plus the provinces and day ranges this crate adds).

use tax_core::id::{Gender, Nik};
use tax_core::{ParseErrorKind, RuleConfig, Severity};

mod common;
use common::date;

#[test]
fn valid_vectors_decode_gender_and_birth_date() {
    let reference = date(2026, 11, 21);
    for (input, gender, birth) in [
        ("3171011708450001", Gender::Male, date(1945, 8, 17)),
        ("3171015708450001", Gender::Female, date(1945, 8, 17)),
        ("3273012902000001", Gender::Male, date(2000, 2, 29)),
        ("3578106512990003", Gender::Female, date(1999, 12, 25)),
        ("1101010101010001", Gender::Male, date(2001, 1, 1)),
        ("6501011708450001", Gender::Male, date(1945, 8, 17)),
    ] {
        let nik = Nik::parse(input).unwrap_or_else(|e| panic!("{input}: {e}"));
        assert_eq!(nik.gender(), gender, "{input}");
        assert_eq!(nik.birth_date_as_of(reference), birth, "{input}");
        assert_eq!(nik.to_string(), input);
    }
}

#[test]
fn invalid_vectors_report_the_expected_kind() {
    for (input, kind) in [
        ("9971011708450001", ParseErrorKind::Component),
        ("3171013208450001", ParseErrorKind::Component),
        ("3171014008450001", ParseErrorKind::Component),
        ("3171011713450001", ParseErrorKind::Component),
        ("3171012902010001", ParseErrorKind::Component),
        ("3171018108450001", ParseErrorKind::Component),
        ("3171010008450001", ParseErrorKind::Component),
        ("3171011700450001", ParseErrorKind::Component),
        ("317101170845000", ParseErrorKind::Length),
        ("31710117084500A1", ParseErrorKind::Format),
        ("", ParseErrorKind::Empty),
    ] {
        let err = Nik::parse(input).expect_err(input);
        assert_eq!(err.kind(), kind, "{input}: {err}");
    }
}

#[test]
fn components_are_exposed() {
    let nik = Nik::parse("35.78.10-651299-0003").unwrap();
    assert_eq!(nik.province_code(), 35);
    assert_eq!(nik.regency_code(), 78);
    assert_eq!(nik.district_code(), 10);
    assert_eq!(nik.serial(), 3);
    assert_eq!(nik.birth_year_digits(), 99);
}

#[test]
fn ambiguous_centuries_are_resolved_against_the_reference_date() {
    let nik = Nik::parse("3171011708100001").unwrap(); // 17 Aug, year 10
    assert_eq!(
        nik.birth_date_candidates(),
        vec![date(1910, 8, 17), date(2010, 8, 17)]
    );
    assert_eq!(nik.birth_date_as_of(date(2026, 1, 1)), date(2010, 8, 17));
    assert_eq!(nik.birth_date_as_of(date(2010, 8, 16)), date(1910, 8, 17));
    // Only 2000 is a leap year among 1900/2000, so 29 Feb 00 is unambiguous.
    let leap = Nik::parse("3273012902000001").unwrap();
    assert_eq!(leap.birth_date_candidates(), vec![date(2000, 2, 29)]);
    assert_eq!(leap.birth_date(), date(2000, 2, 29));
}

#[test]
fn serial_zero_is_a_configurable_finding_not_a_parse_error() {
    let nik = Nik::parse("3171011708450000").unwrap();
    let report = nik.validate(&RuleConfig::default());
    assert_eq!(report.len(), 1);
    assert_eq!(report.findings()[0].severity, Severity::Warning);
    assert_eq!(report.findings()[0].rule, "nik.serial_zero");
    let off = RuleConfig::default().with("nik.serial_zero", None);
    assert!(nik.validate(&off).is_empty());
    let strict = RuleConfig::default().with(Nik::RULE_SERIAL_ZERO, Some(Severity::Error));
    assert!(nik.validate(&strict).has_errors());
    assert!(
        Nik::parse("3171011708450001")
            .unwrap()
            .validate(&RuleConfig::default())
            .is_empty()
    );
}

#[test]
fn province_list_includes_new_provinces() {
    for province in [65, 91, 92, 93, 94, 95, 96] {
        let input = format!("{province}01011708450001");
        assert!(Nik::parse(&input).is_ok(), "{input}");
    }
    for province in [10, 20, 37, 54, 66, 77, 83, 90, 97] {
        let input = format!("{province}01011708450001");
        assert_eq!(
            Nik::parse(&input).unwrap_err().kind(),
            ParseErrorKind::Component,
            "{input}"
        );
    }
}

#[test]
fn serde_goes_through_the_parser() {
    let nik: Nik = serde_json::from_str("\"3171011708450001\"").unwrap();
    assert_eq!(serde_json::to_string(&nik).unwrap(), "\"3171011708450001\"");
    assert!(serde_json::from_str::<Nik>("\"3171018108450001\"").is_err());
}
