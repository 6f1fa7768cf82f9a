//! Validation on every read: every problem of a document is reported, with facade paths.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use tax_core::cn::{InvoiceCode, InvoiceNumber, TaxpayerId, VatRate};
use tax_core::id::{Nik, Npwp};
use tax_core::{RuleConfig, Severity, ValidationReport};
use tax_facade::document::{
    CnVatInvoice, CnVatItem, CommercialInvoice, Confidence, Document, Field, InvoiceItem,
    InvoiceParty, NpwpCard,
};
use tax_facade::parse::{parse_amount, parse_date, parse_money};
use tax_facade::validate::validate;
use tax_facade::{DocumentKind, ReadOptions};

fn options() -> ReadOptions {
    ReadOptions::default().with_reference_date(NaiveDate::from_ymd_opt(2024, 6, 1).unwrap())
}

fn rules_at(report: &ValidationReport) -> Vec<(String, String)> {
    report
        .iter()
        .map(|f| (f.path.clone(), f.rule.clone()))
        .collect()
}

fn parsed<T, E: std::fmt::Display>(
    raw: &str,
    parser: impl FnOnce(&str) -> Result<T, E>,
) -> Field<T> {
    let mut findings = ValidationReport::new();
    let field = Field::parse(raw, "test", &mut findings, parser);
    assert!(findings.is_empty(), "{raw} should parse: {findings:?}");
    field
}

fn card(npwp: &str, nik: &str) -> NpwpCard {
    NpwpCard {
        npwp: parsed(npwp, Npwp::parse_ignoring_checksum),
        nik: parsed(nik, Nik::parse),
        name: Field::text("SITI AMINAH"),
        address: Field::text("JL. MERDEKA 1"),
    }
}

#[test]
fn a_consistent_npwp_card_has_no_findings() {
    let report = validate(
        &card("3171015708450001", "3171015708450001").into(),
        &options(),
    );
    assert!(report.is_empty(), "{report:?}");
}

#[test]
fn a_nik_that_differs_from_the_nik_based_npwp_is_an_error() {
    let report = validate(
        &card("3171015708450001", "3578106512990003").into(),
        &options(),
    );
    let finding = report
        .iter()
        .find(|f| f.rule == "npwp_card.nik_mismatch")
        .unwrap();
    assert_eq!(finding.path, "nik");
    assert_eq!(finding.severity, Severity::Error);
}

#[test]
fn checksum_low_confidence_and_kind_problems_are_all_reported() {
    let mut card = card("01.000.521.8-093.010", "3171015708450001");
    card.name = Field::text("BUDI").with_confidence(Confidence::from_percent(20.0).confidence);
    let options = options().with_expected_kind(DocumentKind::CommercialInvoice);
    let report = validate(&card.into(), &options);
    let found = rules_at(&report);
    for expected in [
        ("", "document.kind"),
        ("npwp", "npwp.checksum"),
        ("name", "field.low_confidence"),
    ] {
        assert!(
            found.contains(&(expected.0.to_owned(), expected.1.to_owned())),
            "{expected:?} missing from {found:?}"
        );
    }
    let relaxed = options.with_rules(RuleConfig::default().with("npwp.checksum", None));
    let report = validate(&card_with_bad_checksum(), &relaxed);
    assert!(!report.contains_rule("npwp.checksum"));
}

fn card_with_bad_checksum() -> Document {
    card("01.000.521.8-093.010", "3171015708450001").into()
}

fn amount(text: &str) -> Field<Decimal> {
    parsed(text, parse_amount)
}

fn item(quantity: &str, price: &str, total: &str) -> InvoiceItem {
    InvoiceItem {
        name: Field::text("Jasa konsultasi"),
        quantity: amount(quantity),
        unit_price: amount(price),
        total: amount(total),
        ..InvoiceItem::default()
    }
}

fn rupiah_invoice() -> CommercialInvoice {
    CommercialInvoice {
        number: Field::text("INV/2024/001"),
        invoice_date: parsed("2024-03-21", parse_date),
        due_date: parsed("2024-04-20", parse_date),
        currency: Field::text("IDR"),
        vendor: InvoiceParty::new(
            Field::text("PT MAJU"),
            Field::empty(),
            Field::text("01.312.166.0-091.000"),
        ),
        subtotal: amount("Rp 1.000.000"),
        vat: amount("Rp 110.000"),
        total: amount("Rp 1.110.000"),
        total_in_words: Field::text("satu juta seratus sepuluh ribu rupiah"),
        items: vec![
            item("2", "250.000", "500.000"),
            item("1", "500.000", "500.000"),
        ],
        ..CommercialInvoice::default()
    }
}

#[test]
fn a_consistent_rupiah_invoice_has_no_findings() {
    let invoice = rupiah_invoice();
    assert!(invoice.vendor.npwp.is_some());
    let report = validate(&invoice.into(), &options());
    assert!(report.is_empty(), "{report:?}");
}

#[test]
fn an_invoice_with_many_problems_reports_each_of_them() {
    let mut invoice = rupiah_invoice();
    invoice.invoice_date = parsed("2024-12-01", parse_date);
    invoice.due_date = parsed("2024-11-01", parse_date);
    invoice.items[0] = item("3", "250.000", "500.000");
    invoice.total = amount("1.200.000");
    invoice.vat = amount("100.000");
    let report = validate(&invoice.into(), &options());
    let found = rules_at(&report);
    for expected in [
        ("invoice_date", "date.future"),
        ("due_date", "invoice.due_before_issue"),
        ("items[0].total", "invoice.line_total"),
        ("total", "invoice.total"),
        ("vat", "invoice.vat_rate"),
        ("total_in_words", "invoice.total_words"),
    ] {
        assert!(
            found.contains(&(expected.0.to_owned(), expected.1.to_owned())),
            "{expected:?} missing from {found:?}"
        );
    }
    assert!(!report.has_errors(), "inferred invoice rules are warnings");
}

fn yuan(text: &str) -> Field<tax_core::Yuan> {
    parsed(text, parse_money)
}

fn cn_invoice() -> CnVatInvoice {
    let mut invoice = CnVatInvoice {
        code: parsed("3100153130", InvoiceCode::parse),
        number: parsed("12345678", InvoiceNumber::parse),
        issue_date: parsed("2017年06月01日", parse_date),
        items: vec![CnVatItem {
            name: Field::text("服务费"),
            amount: yuan("8,400.00"),
            tax_rate: parsed("17%", VatRate::parse),
            tax: yuan("¥1,428.00"),
            ..CnVatItem::default()
        }],
        subtotal_amount: yuan("8400.00"),
        subtotal_tax: yuan("1428.00"),
        total: yuan("9828.00"),
        total_in_words: Field::text("玖仟捌佰贰拾捌圆整"),
        ..CnVatInvoice::default()
    };
    invoice.buyer.name = Field::text("买方");
    invoice.buyer.tax_id = parsed("91310115MA1K3BTP2B", TaxpayerId::parse);
    invoice.seller.name = Field::text("卖方");
    invoice.seller.tax_id = parsed("91110000600037341L", TaxpayerId::parse);
    invoice
}

#[test]
fn a_consistent_cn_vat_invoice_has_no_findings() {
    let report = validate(&cn_invoice().into(), &options());
    assert!(report.is_empty(), "{report:?}");
}

#[test]
fn cn_vat_findings_use_facade_paths() {
    let mut invoice = cn_invoice();
    invoice.items[0].tax_rate = parsed("13%", VatRate::parse);
    invoice.total_in_words = Field::text("玖仟捌佰贰拾玖圆整");
    let report = validate(&invoice.into(), &options());
    let found = rules_at(&report);
    assert!(
        found
            .iter()
            .any(|(path, rule)| path == "items[0].tax_rate" && rule == "vat.rate_period"),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .any(|(path, rule)| path == "items[0].tax" && rule == "vat.line_tax"),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .any(|(path, rule)| path == "total_in_words" && rule == "vat.total_words"),
        "{found:?}"
    );
}

#[test]
fn an_unparsed_date_skips_the_domain_checks_but_keeps_the_total_checks() {
    let mut mapping = ValidationReport::new();
    let mut invoice = cn_invoice();
    invoice.issue_date = Field::parse("20227年03月24日", "issue_date", &mut mapping, parse_date);
    invoice.total = yuan("9900.00");
    assert!(mapping.contains_rule("field.unparsed"));
    let report = validate(&invoice.into(), &options());
    let incomplete = report
        .iter()
        .find(|f| f.rule == "cn_vat.incomplete")
        .unwrap();
    assert!(incomplete.message.contains("issue_date"));
    assert!(
        report
            .iter()
            .any(|f| f.path == "total" && f.rule == "vat.total")
    );
    assert!(
        report
            .iter()
            .any(|f| f.path == "total_in_words" && f.rule == "vat.total_words")
    );
}

#[test]
fn an_unreadable_taxpayer_id_does_not_block_the_domain_checks() {
    let mut mapping = ValidationReport::new();
    let mut invoice = cn_invoice();
    invoice.buyer.tax_id =
        Field::parse("9131011?", "buyer.tax_id", &mut mapping, TaxpayerId::parse);
    invoice.subtotal_tax = yuan("1400.00");
    assert!(mapping.contains_rule("field.unparsed"));
    let report = validate(&invoice.into(), &options());
    assert!(!report.contains_rule("cn_vat.incomplete"), "{report:?}");
    assert!(
        report
            .iter()
            .any(|f| f.path == "subtotal_tax" && f.rule == "vat.subtotal_tax")
    );
}
