//! The providers' documented examples, held against tax-core's domain rules.
//!
//! The specs reproduce what the providers send, slips included; tax-core says what the tax rules
//! require. These tests pin down where the two agree (the arithmetic of a documented invoice)
//! and where the documented data is known not to follow the rules (sample identifiers that fail
//! their check digits), so that a change on either side is noticed.

use rust_decimal::Decimal;
use tax_core::cn::{self, VatRate, daxie};
use tax_core::id::{ItemLine, Npwp, ppn};
use tax_core::{ParseErrorKind, Rupiah, Yuan};
use tax_tests::{Spec, text};

const OP_INVOICES: [&str; 2] = ["paths", "/marketplace/v1/invoices"];

fn op_request(method: &str) -> Vec<&str> {
    let mut path = OP_INVOICES.to_vec();
    path.extend([method, "requestBody", "content", "application/json"]);
    path
}

fn op_response(method: &str) -> Vec<&str> {
    let mut path = OP_INVOICES.to_vec();
    path.extend([method, "responses", "200", "content", "application/json"]);
    path
}

fn decimal(value: &serde_json::Value) -> Decimal {
    match value {
        serde_json::Value::String(s) => s.parse().unwrap(),
        serde_json::Value::Number(n) => n.to_string().parse().unwrap(),
        other => panic!("not a number: {other}"),
    }
}

/// Σ (quantity × unitPrice − discount) over an OnlinePajak request's items, with tax-core.
fn gross_amount(request: &serde_json::Value) -> Rupiah {
    let lines = request["invoiceItems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| {
            let unit_price = Rupiah::new(decimal(&item["unitPrice"])).unwrap();
            let discount = item
                .get("discount")
                .map_or(Rupiah::ZERO, |d| Rupiah::new(decimal(d)).unwrap());
            ItemLine::new("", decimal(&item["quantity"]), unit_price, discount)
                .amount()
                .unwrap()
        });
    Rupiah::checked_sum(lines).unwrap()
}

#[test]
fn onlinepajak_documented_invoice_totals_follow_from_its_items() {
    let spec = Spec::load("onlinepajak");
    let request = spec.example(&op_request("post"), "domestic_sale");
    let created = &spec.example(&op_response("post"), "created")["response"]["invoice"];

    let gross = gross_amount(request);
    assert_eq!(gross.amount(), decimal(&created["grossAmount"]));

    let rate = ppn::PpnRate::full(decimal(&request["vatRate"])).unwrap();
    let vat = rate.tax_on(gross).unwrap();
    assert_eq!(
        gross.checked_add(vat).unwrap().amount(),
        decimal(&created["grandTotal"])
    );

    let period = format!(
        "{}/{}",
        text(request, "/masaPajak"),
        text(request, "/tahunPajak")
    );
    assert_eq!(period, text(created, "/taxPeriod"));
}

#[test]
fn onlinepajak_export_example_applies_the_line_discount() {
    let spec = Spec::load("onlinepajak");
    let request = spec.example(&op_request("post"), "export_sale");
    // 2 × 100000 + (2 × 200000 − 50000): the discount is the total for the line.
    assert_eq!(gross_amount(request), Rupiah::from_whole(550_000));
}

#[test]
fn onlinepajak_documented_npwps_fail_their_check_digit() {
    let spec = Spec::load("onlinepajak");
    for example in ["domestic_sale", "update_draft_with_old_id"] {
        let npwp = text(spec.example(&op_request("post"), example), "/npwp");
        let err = Npwp::parse(npwp).unwrap_err();
        assert_eq!(err.kind(), ParseErrorKind::Checksum, "{example}: {npwp}");
        // Lenient callers still get the number, which is why a checksum failure is its own kind.
        assert!(Npwp::parse_ignoring_checksum(npwp).is_ok());
    }
    let foreign = text(spec.example(&op_request("post"), "export_sale"), "/npwp");
    assert!(Npwp::parse(foreign).unwrap().is_placeholder());
}

#[test]
fn glair_npwp_sample_is_a_valid_npwp_in_both_key_spellings() {
    let spec = Spec::load("glair-vision");
    let location = [
        "paths",
        "/ocr/v1/npwp",
        "post",
        "responses",
        "200",
        "content",
        "application/json",
    ];
    let camel = spec.example(&location, "readable_npwp");
    let snake = spec.example(&location, "readable_npwp_snake_case");
    let from_camel = Npwp::parse(text(camel, "/read/noNpwp/value")).unwrap();
    let from_snake = Npwp::parse(text(snake, "/read/no_npwp/value")).unwrap();
    assert_eq!(from_camel, from_snake);
    assert_eq!(from_camel.to_string(), "70.943.997.0-437.000");
}

const HUAWEI_OK: [&str; 7] = [
    "paths",
    "/v2/{project_id}/ocr/vat-invoice",
    "post",
    "responses",
    "200",
    "content",
    "application/json",
];

#[test]
fn huawei_documented_line_tax_is_the_half_up_rule_at_the_historic_rate() {
    let spec = Spec::load("huawei-ocr");
    let item = &spec.example(&HUAWEI_OK, "documented_advanced_mode")["result"]["item_list"][0];
    let amount: Yuan = text(item, "/amount").parse().unwrap();
    let rate = VatRate::parse(text(item, "/tax_rate")).unwrap();
    let tax: Yuan = text(item, "/tax").parse().unwrap();
    assert_eq!(cn::vat::line_tax(amount, rate), tax);
    let quantity: Decimal = text(item, "/quantity").parse().unwrap();
    let unit_price: Decimal = text(item, "/unit_price").parse().unwrap();
    assert_eq!(quantity * unit_price, amount.amount());
}

#[test]
fn huawei_documented_taxpayer_ids_are_placeholders_that_fail_validation() {
    let spec = Spec::load("huawei-ocr");
    let result = &spec.example(&HUAWEI_OK, "documented_advanced_mode")["result"];
    let buyer = cn::TaxpayerId::parse(text(result, "/buyer_id")).unwrap_err();
    assert_eq!(buyer.kind(), ParseErrorKind::Checksum);
    let seller = cn::TaxpayerId::parse(text(result, "/seller_id")).unwrap_err();
    assert_eq!(seller.kind(), ParseErrorKind::Length);
}

#[test]
fn huawei_fully_digital_sample_adds_up_and_spells_its_total() {
    let spec = Spec::load("huawei-ocr");
    let result = &spec.example(&HUAWEI_OK, "fully_digitalized_with_unknown_field")["result"];
    let number = cn::InvoiceNumber::parse(text(result, "/number")).unwrap();
    assert!(number.is_fully_digital());
    let subtotal: Yuan = text(result, "/subtotal_amount").parse().unwrap();
    let tax: Yuan = text(result, "/subtotal_tax").parse().unwrap();
    let total: Yuan = text(result, "/total").parse().unwrap();
    assert_eq!(subtotal.checked_add(tax), Some(total));
    assert!(daxie::check_words_against_amount(text(result, "/total_in_words"), total).is_ok());
    let item = &result["item_list"][0];
    let rate = VatRate::parse(text(item, "/tax_rate")).unwrap();
    let line_tax = text(item, "/tax").parse().unwrap();
    assert!(cn::vat::line_tax_within_tolerance(subtotal, rate, line_tax));
}

const DEEPFINCH_OK: [&str; 7] = [
    "paths",
    "/ocr/value_add_tax_invoice",
    "post",
    "responses",
    "200",
    "content",
    "application/json",
];

#[test]
fn deepfinch_amount_in_words_matches_the_figures() {
    let spec = Spec::load("deepfinch");
    for example in ["documented_sample", "with_detail_lines_and_object_password"] {
        let amounts = &spec.example(&DEEPFINCH_OK, example)["result"]["amount_info"];
        let figures: Yuan = text(amounts, "/amount_in_figuers/txt").parse().unwrap();
        let words = text(amounts, "/amount_in_words/txt");
        assert_eq!(daxie::parse_words(words).unwrap(), figures, "{example}");
    }
}

#[test]
fn deepfinch_detail_line_tax_follows_the_rate() {
    let spec = Spec::load("deepfinch");
    let result = &spec.example(&DEEPFINCH_OK, "with_detail_lines_and_object_password")["result"];
    let line = &result["detail_info"][0];
    let amount: Yuan = text(line, "/amount/txt").parse().unwrap();
    let rate = VatRate::parse(text(line, "/tax_rate/txt")).unwrap();
    let tax: Yuan = text(line, "/tax_amount/txt").parse().unwrap();
    assert_eq!(cn::vat::line_tax(amount, rate), tax);
    let total: Yuan = text(result, "/amount_info/tax_amount_total/txt")
        .parse()
        .unwrap();
    assert_eq!(amount.checked_add(tax), Some(total));
}
