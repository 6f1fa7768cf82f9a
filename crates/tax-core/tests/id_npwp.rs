//! NPWP vectors (python-stdnum `id.npwp`, OnlinePajak and other public samples).

use tax_core::ParseErrorKind;
use tax_core::id::{Npwp, NpwpKind};

#[test]
fn valid_vectors_parse_to_their_compact_digits() {
    for (input, digits, kind) in [
        (
            "01.312.166.0-091.000",
            "013121660091000",
            NpwpKind::Legacy15,
        ),
        ("016090524017000", "016090524017000", NpwpKind::Legacy15),
        (
            "01.300.066.6-091.000",
            "013000666091000",
            NpwpKind::Legacy15,
        ),
        (
            "70.943.997.0-437.000",
            "709439970437000",
            NpwpKind::Legacy15,
        ),
        (
            "03.133.868.4-012.000",
            "031338684012000",
            NpwpKind::Legacy15,
        ),
        (
            "02.183.241.5-000.000",
            "021832415000000",
            NpwpKind::Legacy15,
        ),
        (
            "09.254.294.3-407.000",
            "092542943407000",
            NpwpKind::Legacy15,
        ),
        ("017048299643001", "017048299643001", NpwpKind::Legacy15),
        (
            "00.000.000.0-000.000",
            "000000000000000",
            NpwpKind::Legacy15,
        ),
        ("0013121660091000", "0013121660091000", NpwpKind::Sixteen),
        (
            "083.132.665.7-201.000",
            "0831326657201000",
            NpwpKind::Sixteen,
        ),
        ("3171011708450001", "3171011708450001", NpwpKind::NikBased),
        (
            "01 312 166 0 091 000",
            "013121660091000",
            NpwpKind::Legacy15,
        ),
    ] {
        let npwp = Npwp::parse(input).unwrap_or_else(|e| panic!("{input}: {e}"));
        assert_eq!(npwp.digits(), digits, "{input}");
        assert_eq!(npwp.kind(), kind, "{input}");
        assert!(npwp.has_valid_checksum(), "{input}");
    }
}

#[test]
fn invalid_vectors_report_the_expected_kind() {
    for (input, kind) in [
        ("01.000.521.8-093.010", ParseErrorKind::Checksum),
        ("02.115.615.2-056.000", ParseErrorKind::Checksum),
        ("99.999.999.9-999.999", ParseErrorKind::Checksum),
        ("01.312.166.1-091.000", ParseErrorKind::Checksum),
        ("01.451.869.7-054.000", ParseErrorKind::Checksum),
        ("01.312.166.0-091.0000", ParseErrorKind::Checksum),
        ("0013121661091000", ParseErrorKind::Checksum),
        ("01.312.166.0-091.00", ParseErrorKind::Length),
        ("01.312.166.O-091.000", ParseErrorKind::Format),
        ("01.312.166.0/091.000", ParseErrorKind::Format),
        ("FF3456789012345", ParseErrorKind::Format),
        ("1013121660091000", ParseErrorKind::Component),
        ("3171014008450001", ParseErrorKind::Component),
        ("", ParseErrorKind::Empty),
        (" .-. ", ParseErrorKind::Empty),
    ] {
        let err = Npwp::parse(input).expect_err(input);
        assert_eq!(err.kind(), kind, "{input}: {err}");
        assert_eq!(err.what(), "NPWP");
    }
}

#[test]
fn checksum_errors_name_the_expected_digit() {
    let err = Npwp::parse("01.000.521.8-093.010").unwrap_err();
    assert!(err.message().contains("expected 3"), "{err}");
}

#[test]
fn ignoring_the_checksum_keeps_only_check_digit_failures() {
    let lenient = Npwp::parse_ignoring_checksum("02.115.615.2-056.000").unwrap();
    assert!(!lenient.has_valid_checksum());
    assert_eq!(lenient.to_string(), "02.115.615.2-056.000");
    assert!(Npwp::parse_ignoring_checksum("0013121661091000").is_ok());
    for (input, kind) in [
        ("01.312.166.0-091.00", ParseErrorKind::Length),
        ("01.312.166.O-091.000", ParseErrorKind::Format),
        ("3171014008450001", ParseErrorKind::Component),
    ] {
        assert_eq!(
            Npwp::parse_ignoring_checksum(input).unwrap_err().kind(),
            kind,
            "{input}"
        );
    }
    assert!(
        Npwp::parse_ignoring_checksum("01.312.166.0-091.000")
            .unwrap()
            .has_valid_checksum()
    );
}

#[test]
fn display_uses_the_canonical_form_of_each_kind() {
    assert_eq!(
        Npwp::parse("013121660091000").unwrap().to_string(),
        "01.312.166.0-091.000"
    );
    assert_eq!(
        Npwp::parse("0831.3266.5720-1000").unwrap().to_string(),
        "0831326657201000"
    );
    assert_eq!(
        Npwp::parse("3171 0117 0845 0001").unwrap().to_string(),
        "3171011708450001"
    );
}

#[test]
fn unicode_dashes_and_surrounding_whitespace_are_separators() {
    let npwp = Npwp::parse("\t01.312.166.0\u{2013}091.000\n").unwrap();
    assert_eq!(npwp.digits(), "013121660091000");
}

#[test]
fn placeholder_and_sixteen_digit_forms() {
    let zeros = Npwp::parse("00.000.000.0-000.000").unwrap();
    assert!(zeros.is_placeholder());
    assert!(zeros.to_sixteen().is_placeholder());
    assert_eq!(zeros.to_sixteen().digits(), "0000000000000000");
    assert!(!Npwp::parse("013121660091000").unwrap().is_placeholder());

    let legacy = Npwp::parse("083.132.665.7-201.000").unwrap();
    assert_eq!(legacy.kind(), NpwpKind::Sixteen);
    let fifteen = Npwp::parse("83.132.665.7-201.000").unwrap();
    assert_ne!(fifteen, legacy);
    assert_eq!(fifteen.to_sixteen(), legacy);
    assert_eq!(legacy.to_sixteen(), legacy);
}

#[test]
fn legacy_components_and_nik_route() {
    let branch = Npwp::parse("017048299643001").unwrap();
    assert_eq!(branch.tax_office_code(), Some("643"));
    assert_eq!(branch.branch_code(), Some("001"));
    assert_eq!(branch.to_sixteen().branch_code(), Some("001"));
    assert!(branch.nik().is_none());

    let person = Npwp::parse("3171011708450001").unwrap();
    assert_eq!(person.nik().unwrap().to_string(), "3171011708450001");
    assert_eq!(person.legacy_digits(), None);
    assert_eq!(person.to_sixteen(), person);
}

#[test]
fn serde_round_trips_through_the_checked_parser() {
    let npwp: Npwp = serde_json::from_str("\"01 312 166 0 091 000\"").unwrap();
    assert_eq!(
        serde_json::to_string(&npwp).unwrap(),
        "\"01.312.166.0-091.000\""
    );
    let err = serde_json::from_str::<Npwp>("\"01.000.521.8-093.010\"").unwrap_err();
    assert!(err.to_string().contains("checksum"), "{err}");
    assert!(serde_json::from_str::<Npwp>("15").is_err());
}

#[test]
fn json_schema_is_a_documented_string() {
    let schema = serde_json::to_value(schemars::schema_for!(Npwp)).unwrap();
    assert_eq!(schema["type"], "string");
    assert!(schema["description"].as_str().unwrap().contains("NPWP"));
    assert!(schema["pattern"].as_str().unwrap().starts_with('^'));
}
