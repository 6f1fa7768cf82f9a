//! e-Faktur invoice totals and validation, starting from the OnlinePajak documentation example.

use rust_decimal_macros::dec;
use tax_core::id::efaktur::{
    DownPayment, DownPaymentKind, EFakturInvoice, InvoiceType, TaxPeriod, TransactionType,
};
use tax_core::id::ppn::GoodsClass;
use tax_core::id::{FakturNumber, ItemLine, Npwp};
use tax_core::{RuleConfig, Rupiah, Severity};

mod common;
use common::{combination, date, rules};

const PROVIDER_DOC_SALE: &str = r#"{
    "invoiceNumber": "my-invoice-1234",
    "invoiceDate": "2017-02-27",
    "dueDate": "2017-02-28",
    "invoiceType": "A",
    "transactionType": "5",
    "transactionDetail": 1,
    "documentType": "1",
    "counterpartyNpwp": "01.000.521.8-093.010",
    "counterpartyName": "PT Dreamland",
    "fakturNumber": "010.000-17.00000004",
    "taxPeriod": "02/2017",
    "revision": 0,
    "vatRate": "10",
    "items": [
        {"description": "Test Item 1", "quantity": "2", "unitPrice": "100000", "discount": "0"},
        {"description": "Test Item 2", "quantity": "2", "unitPrice": "200000", "discount": "0"}
    ]
}"#;

fn rp(amount: i64) -> Rupiah {
    Rupiah::from_whole(amount)
}

fn doc_sale() -> EFakturInvoice {
    serde_json::from_str(PROVIDER_DOC_SALE).unwrap()
}

#[test]
fn provider_doc_sale_totals_and_findings() {
    let invoice = doc_sale();
    let totals = invoice.totals().unwrap();
    assert_eq!(totals.gross, rp(600_000));
    assert_eq!(totals.dpp, rp(600_000));
    assert_eq!(totals.ppn, rp(60_000));
    assert_eq!(totals.grand_total, rp(660_000));
    let report = invoice.validate(&RuleConfig::default());
    assert_eq!(
        rules(&report),
        [("counterpartyNpwp", "npwp.checksum", Severity::Warning)]
    );
    let strict = RuleConfig::default().with("npwp.checksum", Some(Severity::Error));
    assert!(invoice.validate(&strict).has_errors());
}

#[test]
fn provider_doc_export_arithmetic() {
    let mut invoice = doc_sale();
    invoice.combination = combination(InvoiceType::Sales, TransactionType::Export, 10, None);
    invoice.counterparty_npwp = Npwp::parse("00.000.000.0-000.000").unwrap();
    invoice.tax_period = TaxPeriod::parse("02/2017").unwrap();
    invoice.items[1].discount = rp(50_000);
    let totals = invoice.totals().unwrap();
    assert_eq!(
        (
            totals.gross,
            totals.discount,
            totals.ppn,
            totals.grand_total
        ),
        (rp(550_000), rp(50_000), rp(55_000), rp(605_000))
    );
    let report = invoice.validate(&RuleConfig::default());
    assert!(report.contains_rule("efaktur.vat_rate.export_zero"));
    assert!(!report.has_errors(), "{report:?}");
}

#[test]
fn serde_round_trip_and_camel_case_names() {
    let invoice = doc_sale();
    let json = serde_json::to_value(&invoice).unwrap();
    for key in [
        "invoiceNumber",
        "invoiceType",
        "transactionType",
        "transactionDetail",
        "counterpartyNpwp",
        "fakturNumber",
        "taxPeriod",
        "vatRate",
        "items",
    ] {
        assert!(json.get(key).is_some(), "missing {key} in {json}");
    }
    assert_eq!(json["items"][0]["unitPrice"], "100000");
    let back: EFakturInvoice = serde_json::from_value(json).unwrap();
    assert_eq!(back, invoice);
    let schema = serde_json::to_value(schemars::schema_for!(EFakturInvoice)).unwrap();
    let properties = schema["properties"].as_object().unwrap();
    assert!(properties.contains_key("counterpartyNpwp") && properties.contains_key("invoiceType"));
}

#[test]
fn invalid_json_identifiers_are_rejected_at_deserialization() {
    let bad_faktur = PROVIDER_DOC_SALE.replace("010.000-17.00000004", "110.000-17.00000004");
    assert!(serde_json::from_str::<EFakturInvoice>(&bad_faktur).is_err());
    let bad_npwp = PROVIDER_DOC_SALE.replace("01.000.521.8-093.010", "01.000.521.8-093.01");
    assert!(serde_json::from_str::<EFakturInvoice>(&bad_npwp).is_err());
    let bad_type = PROVIDER_DOC_SALE.replace("\"invoiceType\": \"A\"", "\"invoiceType\": \"C\"");
    assert!(serde_json::from_str::<EFakturInvoice>(&bad_type).is_err());
}

#[test]
fn faktur_number_must_agree_with_combination_date_and_revision() {
    let config = RuleConfig::default();
    let mut invoice = doc_sale();
    invoice.faktur_number = Some(FakturNumber::parse("030.000-16.00000004").unwrap());
    invoice.revision = 1;
    let report = invoice.validate(&config);
    for rule in [
        "efaktur.faktur_number.code_mismatch",
        "efaktur.faktur_number.year",
        "efaktur.faktur_number.status_revision",
    ] {
        assert!(report.contains_rule(rule), "{rule} missing in {report:?}");
    }
    invoice.faktur_number = Some(FakturNumber::parse("011.000-17.00000004").unwrap());
    assert!(
        !invoice
            .validate(&config)
            .contains_rule("efaktur.faktur_number.status_revision")
    );

    invoice.faktur_number = Some(FakturNumber::parse("01.00.17.000-00000004").unwrap());
    assert!(
        invoice
            .validate(&config)
            .contains_rule("efaktur.faktur_number.coretax_before_2025")
    );
    invoice.faktur_number = None;
    assert!(
        invoice
            .validate(&config)
            .contains_rule("efaktur.faktur_number.missing")
    );
}

#[test]
fn tax_period_is_checked_against_the_invoice_date() {
    let config = RuleConfig::default();
    let mut invoice = doc_sale();
    invoice.tax_period = TaxPeriod::parse("01/2017").unwrap();
    assert_eq!(
        rules(&invoice.validate(&config)).last().map(|r| r.1),
        Some("efaktur.tax_period.before_invoice")
    );
    invoice.tax_period = TaxPeriod::parse("03/2017").unwrap();
    assert!(
        invoice
            .validate(&config)
            .contains_rule("efaktur.tax_period.sales_month")
    );

    let mut purchase = doc_sale();
    purchase.combination = combination(
        InvoiceType::Purchase,
        TransactionType::DomesticPurchase,
        1,
        None,
    );
    purchase.tax_period = TaxPeriod::parse("05/2017").unwrap();
    assert!(
        !purchase
            .validate(&config)
            .contains_rule("efaktur.tax_period.credit_window")
    );
    purchase.tax_period = TaxPeriod::parse("06/2017").unwrap();
    assert!(
        purchase
            .validate(&config)
            .contains_rule("efaktur.tax_period.credit_window")
    );
    assert!(TaxPeriod::parse("13/2017").is_err());
    assert!(TaxPeriod::parse("02/17").is_err());
}

#[test]
fn vat_rate_rules() {
    let config = RuleConfig::default();
    let mut invoice = doc_sale();
    invoice.vat_rate = dec!(11);
    assert!(
        invoice
            .validate(&config)
            .contains_rule("efaktur.vat_rate.statutory")
    );
    invoice.vat_rate = dec!(0);
    assert!(
        invoice
            .validate(&config)
            .contains_rule("efaktur.vat_rate.nonzero_required")
    );
    invoice.vat_rate = dec!(120);
    assert!(
        invoice
            .validate(&config)
            .contains_rule("efaktur.vat_rate.range")
    );
    assert!(invoice.totals().is_none());

    invoice.combination = combination(
        InvoiceType::Sales,
        TransactionType::DomesticSale,
        7,
        Some(1),
    );
    invoice.faktur_number = Some(FakturNumber::parse("070.000-17.00000004").unwrap());
    invoice.vat_rate = dec!(10);
    assert!(
        invoice
            .validate(&config)
            .contains_rule("efaktur.vat_rate.zero_required")
    );
    invoice.vat_rate = dec!(0);
    let report = invoice.validate(&config);
    assert!(!report.has_errors(), "{report:?}");
    assert_eq!(invoice.totals().unwrap().ppn, Rupiah::ZERO);
}

#[test]
fn totals_in_2025_use_other_value_and_ppnbm() {
    let mut invoice = doc_sale();
    invoice.invoice_date = date(2025, 3, 3);
    invoice.due_date = date(2025, 3, 31);
    invoice.tax_period = TaxPeriod::parse("03/2025").unwrap();
    invoice.combination = combination(InvoiceType::Sales, TransactionType::DomesticSale, 4, None);
    invoice.faktur_number = Some(FakturNumber::parse("04002500000000001").unwrap());
    invoice.vat_rate = dec!(12);
    let totals = invoice.totals().unwrap();
    assert_eq!(totals.other_tax_base, Some(rp(550_000)));
    assert_eq!((totals.ppn, totals.grand_total), (rp(66_000), rp(666_000)));
    assert!(!invoice.validate(&RuleConfig::default()).has_errors());

    invoice.goods_class = GoodsClass::Luxury;
    invoice.ppnbm_rate = Some(dec!(20));
    invoice.items = vec![ItemLine::new("car", dec!(1), rp(500_000_000), Rupiah::ZERO)];
    let totals = invoice.totals().unwrap();
    assert_eq!(
        (totals.other_tax_base, totals.ppn, totals.ppnbm),
        (None, rp(60_000_000), rp(100_000_000))
    );
    assert_eq!(totals.grand_total, rp(660_000_000));
    invoice.goods_class = GoodsClass::NonLuxury;
    assert!(
        invoice
            .validate(&RuleConfig::default())
            .contains_rule("efaktur.ppnbm.non_luxury")
    );
}

#[test]
fn down_payment_and_final_payment_totals() {
    let mut invoice = doc_sale();
    invoice.invoice_date = date(2023, 5, 1);
    invoice.due_date = date(2023, 5, 1);
    invoice.tax_period = TaxPeriod::parse("05/2023").unwrap();
    invoice.faktur_number = Some(FakturNumber::parse("010.000-23.00000009").unwrap());
    invoice.vat_rate = dec!(11);
    invoice.items = vec![ItemLine::new(
        "contract",
        dec!(1),
        rp(300_000_000),
        Rupiah::ZERO,
    )];
    invoice.down_payment = Some(DownPayment {
        kind: DownPaymentKind::DownPayment,
        amount: rp(100_000_000),
    });
    let first = invoice.totals().unwrap();
    assert_eq!((first.dpp, first.ppn), (rp(100_000_000), rp(11_000_000)));
    assert!(!invoice.validate(&RuleConfig::default()).has_errors());
    invoice.down_payment = Some(DownPayment {
        kind: DownPaymentKind::FinalPayment,
        amount: rp(100_000_000),
    });
    let last = invoice.totals().unwrap();
    assert_eq!(
        (last.dpp, last.ppn, last.grand_total),
        (rp(200_000_000), rp(22_000_000), rp(222_000_000))
    );
    invoice.down_payment = Some(DownPayment {
        kind: DownPaymentKind::DownPayment,
        amount: rp(300_000_001),
    });
    assert!(
        invoice
            .validate(&RuleConfig::default())
            .contains_rule("efaktur.down_payment.exceeds_total")
    );
    invoice.down_payment = Some(DownPayment {
        kind: DownPaymentKind::DownPayment,
        amount: Rupiah::ZERO,
    });
    assert!(
        invoice
            .validate(&RuleConfig::default())
            .contains_rule("efaktur.down_payment.not_positive")
    );
}

#[test]
fn reports_every_problem_with_field_paths() {
    let mut invoice = doc_sale();
    invoice.invoice_number = " ".to_owned();
    invoice.due_date = date(2017, 2, 1);
    invoice.counterparty_name = String::new();
    invoice.revision = 12;
    invoice.items[0].quantity = dec!(0);
    invoice.items[1].discount = rp(400_001);
    invoice
        .items
        .push(ItemLine::new("", dec!(1), rp(-5), rp(-1)));
    let report = invoice.validate(&RuleConfig::default());
    let found = rules(&report);
    for expected in [
        ("invoiceNumber", "efaktur.invoice_number.empty"),
        ("dueDate", "efaktur.due_date.before_invoice"),
        ("revision", "efaktur.revision.range"),
        ("counterpartyName", "efaktur.counterparty.name"),
        ("items[0].quantity", "efaktur.item.quantity"),
        ("items[1].discount", "efaktur.item.discount_exceeds"),
        ("items[2].description", "efaktur.item.description"),
        ("items[2].unitPrice", "efaktur.item.unit_price"),
        ("items[2].discount", "efaktur.item.discount_negative"),
    ] {
        assert!(
            found.iter().any(|(p, r, _)| (*p, *r) == expected),
            "{expected:?} not in {found:?}"
        );
    }
    invoice.items.clear();
    assert!(
        invoice
            .validate(&RuleConfig::default())
            .contains_rule("efaktur.items.empty")
    );
}

#[test]
fn nik_based_counterparty_reports_nik_rules_and_placeholder_purchases_warn() {
    let mut invoice = doc_sale();
    invoice.counterparty_npwp = Npwp::parse("3171011708450000").unwrap();
    let report = invoice.validate(&RuleConfig::default());
    assert_eq!(
        rules(&report),
        [("counterpartyNpwp", "nik.serial_zero", Severity::Warning)]
    );

    invoice.combination = combination(
        InvoiceType::Purchase,
        TransactionType::DomesticPurchase,
        1,
        None,
    );
    invoice.counterparty_npwp = Npwp::parse("0000000000000000").unwrap();
    assert!(
        invoice
            .validate(&RuleConfig::default())
            .contains_rule("efaktur.counterparty.placeholder")
    );
}

#[test]
fn numbers_are_accepted_for_decimal_fields() {
    let json = PROVIDER_DOC_SALE
        .replace("\"vatRate\": \"10\"", "\"vatRate\": 10")
        .replace("\"quantity\": \"2\"", "\"quantity\": 2");
    let invoice: EFakturInvoice = serde_json::from_str(&json).unwrap();
    assert_eq!(invoice.vat_rate, dec!(10));
    assert_eq!(invoice.totals().unwrap().grand_total, rp(660_000));
}

#[test]
fn tax_periods_outside_four_digit_years_are_reported_not_panicked() {
    assert_eq!(TaxPeriod::of_date(date(10_000, 1, 1)), None);
    assert_eq!(TaxPeriod::of_date(date(-1, 1, 1)), None);
    let mut invoice = doc_sale();
    invoice.invoice_date = date(10_000, 1, 1);
    invoice.due_date = invoice.invoice_date;
    let report = invoice.validate(&RuleConfig::default());
    assert!(
        report.contains_rule("efaktur.invoice_date.range"),
        "{report:?}"
    );
}
