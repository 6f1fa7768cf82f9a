//! DeepFinch mapping: every documented 200 sample of `specs/deepfinch.yaml` against its
//! committed snapshot, the quirks of the samples, and properties of the text parsing.
//!
//! Snapshots live in `tests/snapshots/deepfinch/<example>.json`; set
//! `TAXDOC_UPDATE_SNAPSHOTS=1` to rewrite them after a deliberate change, then review the diff.

mod deepfinch_support;

use deepfinch_client::types::{VatInvoiceResponse, VatInvoiceResult};
use deepfinch_support::{examples, snapshot_path};
use proptest::prelude::*;
use serde_json::{Value, json};
use tax_facade::providers::deepfinch::map::{map_result, rules};

/// The snapshot of a mapped response: request id, document and mapping findings.
fn mapped(body: &Value) -> Value {
    let response: VatInvoiceResponse = serde_json::from_value(body.clone()).unwrap();
    let (invoice, findings) = map_result(response.result.as_ref().unwrap());
    json!({
        "request_id": response.request_id,
        "document": tax_facade::Document::CnVatInvoice(invoice),
        "findings": findings,
    })
}

fn result(body: Value) -> VatInvoiceResult {
    serde_json::from_value(body).unwrap()
}

#[test]
fn every_documented_sample_maps_to_its_committed_snapshot() {
    let samples = examples();
    assert_eq!(samples.len(), 3, "the spec documents three 200 samples");
    let update = std::env::var_os("TAXDOC_UPDATE_SNAPSHOTS").is_some();
    for (name, body) in samples {
        let actual = mapped(&body);
        let path = snapshot_path(&name);
        if update {
            let text = serde_json::to_string_pretty(&actual).unwrap() + "\n";
            std::fs::write(&path, text).unwrap();
            continue;
        }
        let expected: Value = serde_json::from_str(
            &std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())),
        )
        .unwrap();
        assert_eq!(actual, expected, "{name} differs from {}", path.display());
    }
}

#[test]
fn the_documented_sample_keeps_misread_values_as_text_with_findings() {
    let (_, body) = examples()
        .into_iter()
        .find(|(name, _)| name == "documented_sample")
        .unwrap();
    let response: VatInvoiceResponse = serde_json::from_value(body).unwrap();
    let (invoice, findings) = map_result(response.result.as_ref().unwrap());

    assert_eq!(invoice.issue_date.value, None);
    assert_eq!(invoice.issue_date.raw.as_deref(), Some("20227年03月24日"));
    assert_eq!(invoice.seller.tax_id.value, None);
    assert_eq!(
        invoice.seller.tax_id.raw.as_deref(),
        Some("91230107XXXXXXXXX08")
    );
    let unparsed: Vec<&str> = findings
        .iter()
        .filter(|f| f.rule == "field.unparsed")
        .map(|f| f.path.as_str())
        .collect();
    assert!(unparsed.contains(&"issue_date"), "{unparsed:?}");
    assert!(unparsed.contains(&"seller.tax_id"), "{unparsed:?}");

    // 价税合计 is blank, so the total comes from the amount in figures.
    assert_eq!(invoice.total.value.unwrap().to_string(), "120.00");
    assert_eq!(invoice.subtotal_amount.value.unwrap().to_string(), "120.00");
    assert_eq!(
        invoice.total_in_words.value.as_deref(),
        Some("壹佰贰拾圆整")
    );

    // A found value has its four corners; a field returned as {"txt": "", "region": ""} is empty.
    let corners = invoice.machine_number.location.clone().unwrap().polygon;
    assert_eq!(corners.len(), 4);
    assert_eq!(
        (corners[0].x, corners[0].y),
        (93.4659358480329, 57.57284704001107)
    );
    assert!(invoice.buyer.name.is_empty() && invoice.buyer.name.location.is_none());
    assert!(invoice.items.is_empty());

    // DeepFinch reports no confidence.
    let document = serde_json::to_string(&tax_facade::Document::CnVatInvoice(invoice)).unwrap();
    assert!(!document.contains("confidence"));
}

#[test]
fn detail_lines_map_with_their_rates_and_the_password_object_is_accepted() {
    let (_, body) = examples()
        .into_iter()
        .find(|(name, _)| name == "with_detail_lines_and_object_password")
        .unwrap();
    let response: VatInvoiceResponse = serde_json::from_value(body).unwrap();
    let (invoice, _) = map_result(response.result.as_ref().unwrap());
    assert_eq!(invoice.code.value.unwrap().to_string(), "3100194130");
    assert_eq!(invoice.number.value.unwrap().to_string(), "12345678");
    assert_eq!(invoice.issue_date.value.unwrap().to_string(), "2024-03-24");
    let line = &invoice.items[0];
    assert_eq!(line.name.value.as_deref(), Some("*办公用品*打印纸"));
    assert_eq!(line.amount.value.unwrap().to_string(), "1000.00");
    assert_eq!(line.tax.value.unwrap().to_string(), "130.00");
    assert_eq!(line.tax_rate.raw.as_deref(), Some("13%"));
    assert!(line.tax_rate.value.is_some());
    assert_eq!(invoice.total.value.unwrap().to_string(), "1130.00");
}

#[test]
fn regions_of_the_wrong_shape_give_no_location_and_a_finding() {
    let (invoice, findings) = map_result(&result(json!({
        "invoice_info": {
            "machine_code": {"txt": "499099774366", "region": [1.0, 2.0, 3.0, 4.0, 5.0, 6.0]},
            "invoice_numb": {"txt": "12345678", "region": "n/a"},
            "invoice_code": {"txt": "3100194130", "region": []}
        }
    })));
    assert_eq!(
        invoice.machine_number.value.as_deref(),
        Some("499099774366")
    );
    assert!(invoice.machine_number.location.is_none());
    assert!(invoice.number.location.is_none());
    assert!(invoice.code.location.is_none());
    let paths: Vec<&str> = findings
        .iter()
        .filter(|f| f.rule == rules::REGION_INVALID)
        .map(|f| f.path.as_str())
        .collect();
    assert_eq!(paths, ["number", "machine_number"]);
}

#[test]
fn disagreeing_totals_keep_the_total_including_tax_with_a_finding() {
    let (invoice, findings) = map_result(&result(json!({
        "amount_info": {
            "tax_amount_total": {"txt": "1130.00", "region": ""},
            "amount_in_figuers": {"txt": "1310.00", "region": ""}
        }
    })));
    assert_eq!(invoice.total.value.unwrap().to_string(), "1130.00");
    assert!(findings.contains_rule(rules::TOTALS_DISAGREE));

    let (_, agreeing) = map_result(&result(json!({
        "amount_info": {
            "tax_amount_total": {"txt": "1,130.00", "region": ""},
            "amount_in_figuers": {"txt": "¥1130.00", "region": ""}
        }
    })));
    assert!(agreeing.is_empty(), "{agreeing:?}");
}

#[test]
fn both_shapes_of_the_cipher_area_are_accepted() {
    for password in [
        json!([{"txt": "03+92<662", "region": ""}, {"txt": "J-475>216", "region": ""}]),
        json!({"txt": "03+92<662J-475>216", "region": ""}),
        json!([]),
    ] {
        let (invoice, findings) = map_result(&result(json!({
            "invoice_info": {
                "invoice_password": password,
                "invoice_numb": {"txt": "12345678", "region": ""}
            }
        })));
        assert!(invoice.number.value.is_some());
        assert!(findings.is_empty());
    }
}

proptest! {
    #[test]
    fn amount_text_is_either_parsed_or_kept_with_a_finding(text in "\\PC{0,12}") {
        let (invoice, findings) = map_result(&result(json!({
            "amount_info": {"amount_total": {"txt": text.clone(), "region": ""}}
        })));
        let field = invoice.subtotal_amount;
        if text.trim().is_empty() {
            prop_assert!(field.is_empty());
        } else {
            prop_assert_eq!(field.raw.as_deref(), Some(text.as_str()));
            prop_assert_eq!(field.value.is_none(), findings.contains_rule("field.unparsed"));
        }
    }

    #[test]
    fn eight_numbers_always_give_four_corners_in_order(
        integers in proptest::collection::vec(-100_000i32..100_000, 8)
    ) {
        let numbers: Vec<f64> = integers.into_iter().map(f64::from).collect();
        let (invoice, findings) = map_result(&result(json!({
            "buyer_info": {"name": {"txt": "买方", "region": numbers.clone()}}
        })));
        let polygon = invoice.buyer.name.location.unwrap().polygon;
        prop_assert!(findings.is_empty());
        let flat: Vec<f64> = polygon.iter().flat_map(|p| [p.x, p.y]).collect();
        prop_assert_eq!(flat, numbers);
    }
}
