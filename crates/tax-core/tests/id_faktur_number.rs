//! Faktur number (PER-13/PJ/2010, PER-11/PJ/2025), NSFP, kode transaksi and NITKU vectors.

use chrono::NaiveDate;
use tax_core::ParseErrorKind;
use tax_core::id::{FakturFormat, FakturNumber, FakturStatus, Nitku, Npwp, Nsfp, TransactionCode};

#[test]
fn legacy_valid_vectors() {
    for (input, display, code, status, year, serial) in [
        (
            "010.000-17.00000004",
            "010.000-17.00000004",
            1,
            FakturStatus::Normal,
            17,
            4,
        ),
        (
            "011.000-07.00000005",
            "011.000-07.00000005",
            1,
            FakturStatus::Replacement,
            7,
            5,
        ),
        (
            "010.002-15.71117182",
            "010.002-15.71117182",
            1,
            FakturStatus::Normal,
            15,
            71_117_182,
        ),
        (
            "010.018-17.73071222",
            "010.018-17.73071222",
            1,
            FakturStatus::Normal,
            17,
            73_071_222,
        ),
        (
            "0100001700000004",
            "010.000-17.00000004",
            1,
            FakturStatus::Normal,
            17,
            4,
        ),
        (
            "070.000-22.00000123",
            "070.000-22.00000123",
            7,
            FakturStatus::Normal,
            22,
            123,
        ),
    ] {
        let number = FakturNumber::parse(input).unwrap_or_else(|e| panic!("{input}: {e}"));
        assert_eq!(number.format(), FakturFormat::Legacy, "{input}");
        assert_eq!(number.to_string(), display);
        assert_eq!(number.transaction_code().code(), code, "{input}");
        assert_eq!(number.status(), status, "{input}");
        assert_eq!(number.year(), year, "{input}");
        assert_eq!(number.serial(), serial, "{input}");
    }
    let nsfp = FakturNumber::parse("010.002-15.71117182")
        .unwrap()
        .nsfp()
        .unwrap();
    assert_eq!(
        (nsfp.prefix(), nsfp.year(), nsfp.serial()),
        (2, 15, 71_117_182)
    );
}

#[test]
fn legacy_invalid_vectors() {
    for (input, kind) in [
        ("110.000-17.00000004", ParseErrorKind::Component),
        ("000.000-17.00000004", ParseErrorKind::Component),
        ("012.000-17.00000004", ParseErrorKind::Component),
        ("010.000-17.0000004", ParseErrorKind::Length),
        ("100.000-24.00000001", ParseErrorKind::Component),
        ("010.000-17.0000000A", ParseErrorKind::Format),
        ("", ParseErrorKind::Empty),
    ] {
        let err = FakturNumber::parse(input).expect_err(input);
        assert_eq!(err.kind(), kind, "{input}: {err}");
    }
    let kode_ten = FakturNumber::parse("100.000-24.00000001").unwrap_err();
    assert!(kode_ten.message().contains("Coretax"), "{kode_ten}");
}

#[test]
fn coretax_valid_vectors() {
    for (input, display, code, status, year, serial) in [
        (
            "01.00.24.000-12345678",
            "01.00.24.000-12345678",
            1,
            0,
            24,
            12_345_678,
        ),
        ("04002500000000001", "04.00.25.000-00000001", 4, 0, 25, 1),
        ("10002500000000042", "10.00.25.000-00000042", 10, 0, 25, 42),
        (
            "01.05.25.123-45678901",
            "01.05.25.123-45678901",
            1,
            5,
            25,
            12_345_678_901,
        ),
    ] {
        let number = FakturNumber::parse(input).unwrap_or_else(|e| panic!("{input}: {e}"));
        assert_eq!(number.format(), FakturFormat::Coretax, "{input}");
        assert_eq!(number.to_string(), display);
        assert_eq!(number.transaction_code().code(), code);
        assert_eq!(number.status_code(), status);
        assert_eq!(number.year(), year);
        assert_eq!(number.serial(), serial);
        assert_eq!(number.nsfp(), None);
    }
    assert_eq!(
        FakturNumber::parse("01.05.25.123-45678901")
            .unwrap()
            .status(),
        FakturStatus::Other(5)
    );
    assert_eq!(
        FakturNumber::parse("10002500000000042")
            .unwrap()
            .transaction_code(),
        TransactionCode::OtherSupplies
    );
}

#[test]
fn coretax_invalid_vectors() {
    for (input, kind) in [
        ("11002500000000001", ParseErrorKind::Component),
        ("00002500000000001", ParseErrorKind::Component),
        ("010025000000000001", ParseErrorKind::Length),
        ("0000000000000", ParseErrorKind::Length),
    ] {
        assert_eq!(
            FakturNumber::parse(input).unwrap_err().kind(),
            kind,
            "{input}"
        );
    }
}

#[test]
fn nsfp_is_its_own_type() {
    let nsfp = Nsfp::parse("000-17.00000004").unwrap();
    assert_eq!(nsfp.to_string(), "000-17.00000004");
    assert_eq!(
        Nsfp::parse("00017000000041").unwrap_err().kind(),
        ParseErrorKind::Length
    );
    let number = FakturNumber::legacy(TransactionCode::Ordinary, 0, nsfp).unwrap();
    assert_eq!(number.to_string(), "010.000-17.00000004");
    assert_eq!(number.to_replacement().to_string(), "011.000-17.00000004");
    assert!(FakturNumber::legacy(TransactionCode::OtherSupplies, 0, nsfp).is_err());
    assert!(FakturNumber::legacy(TransactionCode::Ordinary, 2, nsfp).is_err());
    assert!(FakturNumber::coretax(TransactionCode::Ordinary, 0, 25, 100_000_000_000).is_err());
}

#[test]
fn transaction_codes_and_dates() {
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    for code in TransactionCode::ALL {
        assert_eq!(TransactionCode::parse(&code.to_string()).unwrap(), code);
        assert_eq!(TransactionCode::from_code(code.code()), Some(code));
        assert!(!code.description().is_empty());
        assert!(code.is_valid_on(day(2025, 1, 1)));
    }
    assert!(!TransactionCode::OtherSupplies.is_valid_on(day(2024, 12, 31)));
    assert!(TransactionCode::Ordinary.is_valid_on(day(2010, 1, 1)));
    assert_eq!(
        TransactionCode::parse("7").unwrap(),
        TransactionCode::NotCollected
    );
    for (input, kind) in [
        ("11", ParseErrorKind::Component),
        ("00", ParseErrorKind::Component),
        ("010", ParseErrorKind::Length),
        ("A", ParseErrorKind::Format),
        (" ", ParseErrorKind::Empty),
    ] {
        assert_eq!(
            TransactionCode::parse(input).unwrap_err().kind(),
            kind,
            "{input}"
        );
    }
    assert_eq!(
        TransactionCode::NotCollected.max_additional_info(),
        Some(27)
    );
    assert_eq!(TransactionCode::Exempt.max_additional_info(), Some(10));
    assert_eq!(TransactionCode::Ordinary.max_additional_info(), None);
}

#[test]
fn nitku_vectors() {
    let head = Nitku::parse("0013121660091000000000").unwrap();
    assert!(head.is_head_office());
    assert_eq!(head.npwp(), &Npwp::parse("0013121660091000").unwrap());
    let branch = Nitku::parse("3171011708450001000002").unwrap();
    assert_eq!(branch.suffix(), "000002");
    assert!(!branch.is_head_office());
    assert!(branch.npwp().nik().is_some());
    assert_eq!(
        Nitku::for_place(&Npwp::parse("01.312.166.0-091.000").unwrap(), 7)
            .unwrap()
            .to_string(),
        "0013121660091000000007"
    );
    for (input, kind) in [
        ("001312166009100000000", ParseErrorKind::Length),
        ("013121660091000000000", ParseErrorKind::Length),
        ("0013121661091000000000", ParseErrorKind::Checksum),
        ("3171014008450001000000", ParseErrorKind::Component),
        ("0013121660091000-00000X", ParseErrorKind::Format),
    ] {
        assert_eq!(Nitku::parse(input).unwrap_err().kind(), kind, "{input}");
    }
}
