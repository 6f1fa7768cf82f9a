//! Valid identifiers built from random digits and checked with tax-core: NPWP, NIK, NITKU,
//! faktur numbers, USCC, Chinese invoice codes, numbers and check codes.

use anyhow::{Context, Result, bail};
use chrono::{Datelike, NaiveDate};
use fastrand::Rng;
use tax_core::cn::{CheckCode, InvoiceCode, InvoiceNumber, InvoiceType, Uscc};
use tax_core::id::{FakturNumber, Nik, Npwp, TransactionCode};

/// Random decimal digits.
pub(crate) fn digits(rng: &mut Rng, count: usize) -> String {
    (0..count)
        .map(|_| char::from(b'0' + rng.u8(0..10)))
        .collect()
}

/// A legacy 15-digit NPWP with a valid check digit (tried against `Npwp::parse`).
pub(crate) fn npwp(rng: &mut Rng) -> Result<Npwp> {
    let head = format!("{:02}{}", rng.u8(1..100), digits(rng, 6));
    let tail = format!("{}000", digits(rng, 3));
    for check in 0..10 {
        if let Ok(npwp) = Npwp::parse(&format!("{head}{check}{tail}")) {
            return Ok(npwp);
        }
    }
    bail!("no check digit validates NPWP body {head}")
}

/// The all-zero "no NPWP" placeholder in the legacy or 16-digit form.
pub(crate) fn placeholder_npwp(sixteen: bool) -> Result<Npwp> {
    let zeros = if sixteen { 16 } else { 15 };
    Npwp::parse(&"0".repeat(zeros)).context("placeholder NPWP")
}

/// A NIK of someone born between 1960 and 2000 in a common province.
pub(crate) fn nik(rng: &mut Rng) -> Result<Nik> {
    const PROVINCES: [u8; 6] = [31, 32, 33, 35, 36, 51];
    let province = PROVINCES[rng.usize(..PROVINCES.len())];
    let female = rng.bool();
    let day = rng.u8(1..29) + if female { 40 } else { 0 };
    let text = format!(
        "{province:02}{:02}{:02}{day:02}{:02}{:02}{:04}",
        rng.u8(1..30),
        rng.u8(1..20),
        rng.u8(1..13),
        rng.u8(60..100),
        rng.u16(1..3000),
    );
    Nik::parse(&text).with_context(|| format!("generated NIK {text}"))
}

/// A legacy (16-digit) faktur number: kode transaksi, status 0, NSFP of `year`.
pub(crate) fn legacy_faktur_number(rng: &mut Rng, code: u8, year: i32) -> Result<FakturNumber> {
    let text = format!(
        "{code:02}0{:03}{:02}{:08}",
        rng.u16(0..10),
        year.rem_euclid(100),
        rng.u32(1..99_999_999)
    );
    FakturNumber::parse(&text).with_context(|| format!("generated faktur number {text}"))
}

/// A Coretax (17-digit) faktur number; returns it with its printed digits.
pub(crate) fn coretax_faktur_number(
    rng: &mut Rng,
    code: u8,
    year: i32,
) -> Result<(FakturNumber, String)> {
    let transaction = TransactionCode::from_code(code).context("transaction code")?;
    let serial = rng.u64(1..2_000_000);
    let year = u8::try_from(year.rem_euclid(100)).unwrap_or(25);
    let number = FakturNumber::coretax(transaction, 0, year, serial)?;
    Ok((number, format!("{code:02}00{year:02}{serial:011}")))
}

/// The 13-digit NSFP (or 17-digit Coretax number) as plain digits for QR URLs.
pub(crate) fn digits_only(text: &str) -> String {
    text.chars().filter(char::is_ascii_digit).collect()
}

/// A USCC (统一社会信用代码) of a company registered with industry and commerce, with valid
/// organization code and check character.
pub(crate) fn uscc(rng: &mut Rng) -> Result<Uscc> {
    const DIVISIONS: [&str; 8] = [
        "110105", "310115", "440300", "440106", "330106", "320505", "510107", "420111",
    ];
    let division = DIVISIONS[rng.usize(..DIVISIONS.len())];
    let organization_body: String = (0..8)
        .map(|_| {
            let alphabet = b"0123456789ABCDEFGHJKLMNPQRTUWXY";
            let letters = rng.u8(0..4) == 0;
            char::from(alphabet[rng.usize(..if letters { 31 } else { 10 })])
        })
        .collect();
    let organization = format!(
        "{organization_body}{}",
        organization_check(&organization_body)
    );
    let body = format!("91{division}{organization}");
    let check = Uscc::check_character(&body).context("USCC check character")?;
    Uscc::parse(&format!("{body}{check}")).context("generated USCC")
}

/// The GB 11714 check character of an 8-character organization code body.
fn organization_check(body: &str) -> char {
    const WEIGHTS: [u32; 8] = [3, 7, 9, 10, 5, 8, 4, 2];
    let sum: u32 = body
        .chars()
        .zip(WEIGHTS)
        .map(|(c, weight)| c.to_digit(36).unwrap_or(0) * weight)
        .sum();
    match 11 - sum % 11 {
        10 => 'X',
        11 => '0',
        value => char::from_digit(value, 10).unwrap_or('0'),
    }
}

/// A 12-digit code of an electronic invoice (`0` region year batch type).
pub(crate) fn invoice_code(rng: &mut Rng, date: NaiveDate, special: bool) -> Result<InvoiceCode> {
    const REGIONS: [&str; 6] = ["1100", "3100", "4403", "4401", "3301", "5101"];
    let region = REGIONS[rng.usize(..REGIONS.len())];
    let kind = if special { "13" } else { "11" };
    let text = format!(
        "0{region}{:02}{:03}{kind}",
        date.year().rem_euclid(100),
        rng.u16(0..1000)
    );
    let code = InvoiceCode::parse(&text).with_context(|| format!("generated code {text}"))?;
    let expected = if special {
        InvoiceType::ElectronicSpecial
    } else {
        InvoiceType::ElectronicGeneral
    };
    if code.invoice_type() != expected {
        bail!("code {text} does not denote {expected}");
    }
    Ok(code)
}

/// An 8-digit legacy invoice number.
pub(crate) fn legacy_invoice_number(rng: &mut Rng) -> Result<InvoiceNumber> {
    InvoiceNumber::parse(&format!("{:08}", rng.u32(1..99_999_999))).context("invoice number")
}

/// A 20-digit fully digital invoice number issued in `date`'s year.
pub(crate) fn digital_invoice_number(rng: &mut Rng, date: NaiveDate) -> Result<InvoiceNumber> {
    let text = format!(
        "{:02}{}{}",
        date.year().rem_euclid(100),
        ["11", "31", "44", "33", "32"][rng.usize(..5)],
        digits(rng, 16)
    );
    InvoiceNumber::parse(&text).context("digital invoice number")
}

/// A 20-digit check code.
pub(crate) fn check_code(rng: &mut Rng) -> Result<CheckCode> {
    CheckCode::parse(&digits(rng, 20)).context("check code")
}

/// Upper-case hex digits.
pub(crate) fn hex(rng: &mut Rng, count: usize) -> String {
    (0..count)
        .map(|_| char::from(b"0123456789ABCDEF"[rng.usize(..16)]))
        .collect()
}

/// Lower-case hex digits.
pub(crate) fn hex_lower(rng: &mut Rng, count: usize) -> String {
    hex(rng, count).to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_identifiers_are_valid() {
        let mut rng = Rng::with_seed(7);
        let date = NaiveDate::from_ymd_opt(2020, 3, 4).unwrap();
        for _ in 0..50 {
            assert!(npwp(&mut rng).unwrap().has_valid_checksum());
            nik(&mut rng).unwrap();
            let id = uscc(&mut rng).unwrap();
            assert!(id.has_valid_organization_code(), "{}", id.as_str());
            let special = rng.bool();
            invoice_code(&mut rng, date, special).unwrap();
            digital_invoice_number(&mut rng, date).unwrap();
            check_code(&mut rng).unwrap();
            legacy_faktur_number(&mut rng, 1, 2024).unwrap();
            let (number, printed) = coretax_faktur_number(&mut rng, 4, 2025).unwrap();
            assert_eq!(FakturNumber::parse(&printed).unwrap(), number);
        }
        assert!(placeholder_npwp(false).unwrap().is_placeholder());
        assert!(placeholder_npwp(true).unwrap().is_placeholder());
    }
}
