use huawei_ocr_client::types::VatInvoiceResult;
use proptest::prelude::*;
use rust_decimal::Decimal;
use serde_json::{Value, json};
use tax_core::cn::{InvoiceType, VatRate};

use super::map_vat_invoice;
use crate::document::{CnVatInvoice, Confidence, Point};
use crate::validate::rules;

fn result(value: Value) -> VatInvoiceResult {
    serde_json::from_value(value).unwrap()
}

fn mapped(value: Value) -> (CnVatInvoice, tax_core::ValidationReport) {
    map_vat_invoice(&result(value))
}

#[test]
fn every_documented_type_maps_and_unknown_types_are_kept_as_text() {
    let cases = [
        ("special", InvoiceType::Special),
        ("normal", InvoiceType::General),
        ("electronic", InvoiceType::ElectronicGeneral),
        ("special_electronic", InvoiceType::ElectronicSpecial),
        ("toll", InvoiceType::Toll),
        ("roll", InvoiceType::Roll),
        (
            "fully_digitalized_special_electronic",
            InvoiceType::DigitalSpecial,
        ),
        (
            "fully_digitalized_normal_electronic",
            InvoiceType::DigitalGeneral,
        ),
    ];
    for (name, expected) in cases {
        let (invoice, findings) = mapped(json!({"type": name}));
        assert_eq!(invoice.invoice_type.value, Some(expected), "{name}");
        assert!(findings.is_empty(), "{name}: {findings:?}");
    }
    let (invoice, findings) = mapped(json!({"type": "blockchain"}));
    assert_eq!(invoice.invoice_type.value, None);
    assert_eq!(invoice.invoice_type.raw.as_deref(), Some("blockchain"));
    assert!(findings.contains_rule(rules::UNPARSED));
}

#[test]
fn amounts_rates_and_dates_are_parsed_exactly() {
    let (invoice, findings) = mapped(json!({
        "issue_date": "2024年03月24日",
        "subtotal_amount": "8400.00",
        "subtotal_tax": "1428.00",
        "total": "9,828.00",
        "item_list": [{"quantity": "300", "unit_price": "28.00", "amount": "8400.00",
                        "tax_rate": "17%", "tax": "1428.00"}],
    }));
    assert!(findings.is_empty(), "{findings:?}");
    let total = invoice.total.value.unwrap();
    assert_eq!(total.amount(), Decimal::new(982_800, 2));
    assert_eq!(total.to_string(), "9828.00");
    assert_eq!(invoice.total.raw.as_deref(), Some("9,828.00"));
    let item = &invoice.items[0];
    assert_eq!(item.tax_rate.value, Some(VatRate::parse("17%").unwrap()));
    assert_eq!(item.quantity.value, Some(Decimal::from(300)));
    assert_eq!(item.unit_price.value, Some(Decimal::new(2800, 2)));
    assert_eq!(
        invoice.issue_date.value,
        chrono::NaiveDate::from_ymd_opt(2024, 3, 24)
    );
}

#[test]
fn fully_digital_invoices_have_no_code_and_use_the_sum_fields() {
    let (invoice, findings) = mapped(json!({
        "type": "fully_digitalized_special_electronic",
        "code": "",
        "number": "24312000000012345678",
        "sum_amount": "917.43",
        "sum_tax": "82.57",
        "total_in_words": "壹仟圆整",
    }));
    assert!(invoice.code.is_empty());
    assert!(invoice.number.value.unwrap().is_fully_digital());
    assert_eq!(invoice.subtotal_amount.raw.as_deref(), Some("917.43"));
    assert_eq!(invoice.subtotal_tax.raw.as_deref(), Some("82.57"));
    assert_eq!(invoice.total_in_words.value.as_deref(), Some("壹仟圆整"));
    assert!(findings.is_empty(), "{findings:?}");
}

#[test]
fn confidences_follow_the_result_shape_and_are_clamped_with_a_finding() {
    let (invoice, findings) = mapped(json!({
        "number": "12345678",
        "buyer_name": "甲公司",
        "seller_id": "91310000MA1FL8TQ3E",
        "item_list": [{"name": "纸", "amount": "1.00"}, {"name": "笔"}],
        "print_number": "",
        "confidence": {
            "number": 1.9856,
            "buyer_name": 0.75,
            "seller_id": 0.5,
            "print_number": 0.0,
            "item_list": [{"name": 0.25, "amount": -0.5}, {"name": 0.9}]
        }
    }));
    assert_eq!(invoice.number.confidence, Some(Confidence::ONE));
    assert_eq!(
        invoice.buyer.name.confidence.map(Confidence::value),
        Some(0.75)
    );
    assert_eq!(
        invoice.seller.tax_id.confidence.map(Confidence::value),
        Some(0.5)
    );
    assert_eq!(
        invoice.items[0].name.confidence.map(Confidence::value),
        Some(0.25)
    );
    assert_eq!(invoice.items[0].amount.confidence, Some(Confidence::ZERO));
    assert_eq!(
        invoice.items[1].name.confidence.map(Confidence::value),
        Some(0.9)
    );
    let clamped: Vec<_> = findings
        .iter()
        .filter(|finding| finding.rule == rules::CONFIDENCE_OUT_OF_RANGE)
        .map(|finding| finding.path.as_str())
        .collect();
    assert_eq!(clamped, ["number", "items[0].amount"]);
}

#[test]
fn sales_lists_fill_the_invoice_from_their_belong_fields() {
    let (invoice, _) = mapped(json!({
        "sales_mark": true,
        "belong_vat_code": "3100194130",
        "belong_number": "12345678",
        "belong_buyer_name": "甲公司",
        "belong_subtotal_amount": "1000.00",
        "belong_item_list": [{"name": "打印纸", "amount": "1000.00", "tax_rate": "13%"}],
    }));
    assert_eq!(invoice.code.raw.as_deref(), Some("3100194130"));
    assert_eq!(invoice.number.raw.as_deref(), Some("12345678"));
    assert_eq!(invoice.buyer.name.value.as_deref(), Some("甲公司"));
    assert_eq!(invoice.subtotal_amount.raw.as_deref(), Some("1000.00"));
    assert_eq!(invoice.items.len(), 1);
    assert_eq!(invoice.items[0].name.value.as_deref(), Some("打印纸"));
}

#[test]
fn text_locations_become_polygons() {
    let (invoice, _) = mapped(json!({
        "number": "12345678",
        "total": "1.00",
        "text_location": {
            "number": [[1, 2], [3, 2], [3, 4], [1, 4]],
            "total": [{"x": 5, "y": 6}, {"x": 7, "y": 6}],
        }
    }));
    let polygon = invoice.number.location.unwrap().polygon;
    assert_eq!(polygon.len(), 4);
    assert_eq!(polygon[2], Point { x: 3.0, y: 4.0 });
    assert_eq!(
        invoice.total.location.unwrap().polygon[1],
        Point { x: 7.0, y: 6.0 }
    );
}

proptest! {
    #[test]
    fn any_two_decimal_amount_maps_to_the_same_exact_yuan(fen in 0_i64..10_000_000_000) {
        let text = Decimal::new(fen, 2).to_string();
        let (invoice, findings) = mapped(json!({"total": text, "item_list": [{"tax": text}]}));
        prop_assert!(findings.is_empty());
        prop_assert_eq!(invoice.total.value.unwrap().amount(), Decimal::new(fen, 2));
        prop_assert_eq!(invoice.items[0].tax.raw.as_deref(), Some(text.as_str()));
    }

    #[test]
    fn confidences_always_end_up_within_zero_and_one(score in -10.0_f64..10.0) {
        let (invoice, findings) = mapped(json!({"remarks": "x", "confidence": {"remarks": score}}));
        let confidence = invoice.remarks.confidence.unwrap().value();
        prop_assert!((0.0..=1.0).contains(&confidence));
        let in_range = (0.0..=1.0).contains(&score);
        prop_assert_eq!(findings.contains_rule(rules::CONFIDENCE_OUT_OF_RANGE), !in_range);
        if in_range {
            prop_assert_eq!(confidence, score);
        }
    }

    #[test]
    fn unparseable_text_is_kept_never_dropped(text in "[A-Za-z ]{1,20}") {
        prop_assume!(!text.trim().is_empty());
        let (invoice, findings) = mapped(json!({"total": text, "issue_date": text}));
        prop_assert_eq!(invoice.total.raw.as_deref(), Some(text.as_str()));
        prop_assert_eq!(invoice.issue_date.raw.as_deref(), Some(text.as_str()));
        prop_assert!(findings.contains_rule(rules::UNPARSED));
    }
}
