//! Whole-invoice validation (domain notes §8.3–§8.5): every cross-field rule, its path,
//! default severity and configurability, serde and JSON Schema.

use rust_decimal_macros::dec;
use tax_core::cn::{InvoiceType, VatInvoice, VatLineItem, VatParty, rules};
use tax_core::{RuleConfig, Severity};

mod common;
use common::{date, rate, yuan};

fn huawei_sample() -> VatInvoice {
    VatInvoice {
        invoice_type: Some(InvoiceType::Special),
        code: Some("3100171130".parse().unwrap()),
        number: "12345678".parse().unwrap(),
        issue_date: date(2017, 6, 1),
        check_code: None,
        buyer: VatParty {
            name: "购买方".into(),
            taxpayer_id: Some("91310115MA1K3BTP2B".parse().unwrap()),
        },
        seller: VatParty {
            name: "销售方".into(),
            taxpayer_id: Some("110108600037341".parse().unwrap()),
        },
        items: vec![VatLineItem {
            name: "服务费".into(),
            quantity: Some(dec!(2)),
            unit_price: Some(dec!(4200)),
            amount: yuan("8400.00"),
            rate: rate("17%"),
            tax: yuan("1428.00"),
        }],
        subtotal_amount: yuan("8400.00"),
        subtotal_tax: yuan("1428.00"),
        total: yuan("9828.00"),
        total_in_words: Some("玖仟捌佰贰拾捌圆整".into()),
    }
}

fn rules_at(report: &tax_core::ValidationReport) -> Vec<(String, String, Severity)> {
    report
        .iter()
        .map(|f| (f.path.clone(), f.rule.clone(), f.severity))
        .collect()
}

#[test]
fn a_consistent_invoice_has_no_findings() {
    let report = huawei_sample().validate(&RuleConfig::default());
    assert!(report.is_empty(), "{report:?}");
}

#[test]
fn reports_every_problem_with_its_path() {
    let mut invoice = huawei_sample();
    invoice.issue_date = date(2019, 4, 1); // 17% no longer in force
    invoice.items[0].tax = yuan("1427.90"); // 0.10 off
    invoice.items[0].quantity = Some(dec!(3)); // 3 × 4200 ≠ 8400
    invoice.items.push(VatLineItem {
        name: "折扣".into(),
        quantity: None,
        unit_price: None,
        amount: yuan("-400.00"),
        rate: rate("7%"),
        tax: yuan("-28.00"),
    });
    invoice.total = yuan("9829.00");
    invoice.total_in_words = Some("玖仟捌佰贰拾捌圆".into());
    let report = invoice.validate(&RuleConfig::default());
    let e = Severity::Error;
    let w = Severity::Warning;
    assert_eq!(
        rules_at(&report),
        [
            ("items[0].rate".into(), rules::RATE_PERIOD.into(), e),
            ("items[0].tax".into(), rules::LINE_TAX.into(), e),
            ("items[0].amount".into(), rules::LINE_AMOUNT.into(), w),
            ("items[1].rate".into(), rules::RATE_UNKNOWN.into(), w),
            ("subtotal_amount".into(), rules::SUBTOTAL_AMOUNT.into(), e),
            ("subtotal_tax".into(), rules::SUBTOTAL_TAX.into(), e),
            ("total".into(), rules::TOTAL.into(), e),
            ("total_in_words".into(), rules::TOTAL_WORDS.into(), e),
        ]
    );
}

#[test]
fn words_that_spell_a_different_amount_are_reported() {
    let mut invoice = huawei_sample();
    invoice.total_in_words = Some("捌仟肆佰圆整".into());
    let report = invoice.validate(&RuleConfig::default());
    assert_eq!(
        rules_at(&report),
        [(
            "total_in_words".into(),
            rules::TOTAL_WORDS.into(),
            Severity::Error
        )]
    );
    assert!(report.findings()[0].message.contains("8400"));
}

#[test]
fn cumulative_tax_error_is_limited_to_1_27() {
    let mut invoice = huawei_sample();
    invoice.issue_date = date(2020, 1, 1);
    invoice.items = (0..30)
        .map(|i| VatLineItem {
            name: format!("item {i}"),
            quantity: None,
            unit_price: None,
            amount: yuan("100.00"),
            rate: rate("13%"),
            tax: yuan("13.05"),
        })
        .collect();
    invoice.subtotal_amount = yuan("3000.00");
    invoice.subtotal_tax = yuan("391.50");
    invoice.total = yuan("3391.50");
    invoice.total_in_words = None;
    let report = invoice.validate(&RuleConfig::default());
    assert_eq!(
        rules_at(&report),
        [(
            "subtotal_tax".into(),
            rules::CUMULATIVE_TAX.into(),
            Severity::Error
        )]
    );
    invoice.items.truncate(25); // 25 × 0.05 = 1.25 is within the tolerance
    invoice.subtotal_amount = yuan("2500.00");
    invoice.subtotal_tax = yuan("326.25");
    invoice.total = yuan("2826.25");
    assert!(invoice.validate(&RuleConfig::default()).is_empty());
}

#[test]
fn code_and_number_must_fit_together() {
    let mut digital = huawei_sample();
    digital.number = "24312000000136634917".parse().unwrap();
    digital.issue_date = date(2017, 6, 1);
    let report = digital.validate(&RuleConfig::default());
    assert!(report.contains_rule(rules::CODE_NUMBER), "{report:?}");

    digital.code = None;
    digital.invoice_type = Some(InvoiceType::DigitalSpecial);
    digital.issue_date = date(2024, 5, 14);
    digital.items[0].rate = rate("13%");
    digital.items[0].tax = yuan("1092.00");
    digital.subtotal_tax = yuan("1092.00");
    digital.total = yuan("9492.00");
    digital.total_in_words = Some("玖仟肆佰玖拾贰圆整".into());
    assert!(digital.validate(&RuleConfig::default()).is_empty());

    let mut missing_code = huawei_sample();
    missing_code.code = None;
    let report = missing_code.validate(&RuleConfig::default());
    assert_eq!(
        rules_at(&report),
        [("code".into(), rules::CODE_NUMBER.into(), Severity::Error)]
    );
}

#[test]
fn inferred_identity_rules_are_configurable_warnings() {
    let mut invoice = huawei_sample();
    invoice.invoice_type = None;
    invoice.code = Some("031001811104".parse().unwrap()); // 2018 general invoice issued in 2017
    let report = invoice.validate(&RuleConfig::default());
    assert_eq!(
        rules_at(&report),
        [
            ("code".into(), rules::NUMBER_YEAR.into(), Severity::Warning),
            (
                "check_code".into(),
                rules::CHECK_CODE_MISSING.into(),
                Severity::Warning
            ),
        ]
    );
    let quiet = RuleConfig::default()
        .with(rules::NUMBER_YEAR, None)
        .with(rules::CHECK_CODE_MISSING, None);
    assert!(invoice.validate(&quiet).is_empty());
    let strict = RuleConfig::default().with(rules::CHECK_CODE_MISSING, Some(Severity::Error));
    assert!(invoice.validate(&strict).has_errors());
}

#[test]
fn party_uscc_org_code_warning_carries_the_party_path() {
    let mut invoice = huawei_sample();
    let body = "91110000600037342";
    let uscc = format!(
        "{body}{}",
        tax_core::cn::Uscc::check_character(body).unwrap()
    );
    invoice.buyer.taxpayer_id = Some(uscc.parse().unwrap());
    let report = invoice.validate(&RuleConfig::default());
    assert_eq!(
        rules_at(&report),
        [(
            "buyer.taxpayer_id".into(),
            rules::USCC_ORG_CODE.into(),
            Severity::Warning
        )]
    );
}

#[test]
fn an_invoice_without_lines_is_an_error() {
    let mut invoice = huawei_sample();
    invoice.items.clear();
    let report = invoice.validate(&RuleConfig::default());
    assert!(report.contains_rule(rules::NO_ITEMS));
}

#[test]
fn invoice_serde_round_trip_and_schema() {
    let invoice = huawei_sample();
    let json = serde_json::to_value(&invoice).unwrap();
    assert_eq!(json["code"], "3100171130");
    assert_eq!(json["items"][0]["rate"], "17%");
    assert_eq!(json["items"][0]["amount"], "8400.00");
    assert_eq!(json["seller"]["taxpayer_id"], "110108600037341");
    let back: VatInvoice = serde_json::from_value(json.clone()).unwrap();
    assert_eq!(back, invoice);
    let mut broken = json;
    broken["buyer"]["taxpayer_id"] = "91110000600037341N".into();
    assert!(serde_json::from_value::<VatInvoice>(broken).is_err());
    let schema = serde_json::to_value(schemars::schema_for!(VatInvoice)).unwrap();
    assert!(schema["properties"]["items"].is_object());
    assert!(
        schema["required"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r == "number")
    );
}

#[test]
fn stated_type_must_fit_the_code_and_number() {
    let mut invoice = huawei_sample();
    invoice.invoice_type = Some(InvoiceType::General); // the code says 01 special
    let report = invoice.validate(&RuleConfig::default());
    assert_eq!(
        rules_at(&report),
        [
            (
                "invoice_type".into(),
                rules::TYPE_MISMATCH.into(),
                Severity::Warning
            ),
            (
                "check_code".into(),
                rules::CHECK_CODE_MISSING.into(),
                Severity::Warning
            ),
        ]
    );
    invoice.invoice_type = Some(InvoiceType::DigitalSpecial); // but an 8-digit number
    let report = invoice.validate(&RuleConfig::default());
    assert_eq!(
        rules_at(&report),
        [
            (
                "invoice_type".into(),
                rules::CODE_NUMBER.into(),
                Severity::Error
            ),
            (
                "invoice_type".into(),
                rules::TYPE_MISMATCH.into(),
                Severity::Warning
            ),
        ]
    );
    invoice.invoice_type = Some(InvoiceType::Other(51)); // not named: nothing to compare
    assert!(invoice.validate(&RuleConfig::default()).is_empty());
}
