//! Mapping tests: names, exact decimals, refusals and the documented request example.

use super::*;

fn sample_invoice() -> EFakturInvoice {
    serde_json::from_value(serde_json::json!({
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
            {"description": "Test Item 1", "quantity": "2", "unitPrice": "100000"},
            {"description": "Test Item 2", "quantity": "2.5", "unitPrice": "200000.25", "discount": "0.5"}
        ]
    }))
    .unwrap()
}

#[test]
fn the_request_uses_onlinepajak_names_and_exact_decimals() {
    let request = create_request(&sample_invoice()).unwrap();
    let json = serde_json::to_value(&request).unwrap();
    assert_eq!(json["npwp"], "01.000.521.8-093.010");
    assert_eq!(json["vendor"], "PT Dreamland");
    assert_eq!(json["documentNumber"], "010.000-17.00000004");
    assert_eq!(json["masaPajak"], "02");
    assert_eq!(json["tahunPajak"], "2017");
    assert_eq!(json["transactionDetail"], "1");
    assert_eq!(json["transactionType"], "5");
    assert_eq!(json["invoiceType"], "A");
    assert_eq!(json["documentType"], "1");
    assert_eq!(json["invoiceDate"], "2017-02-27");
    assert_eq!(json["dueDate"], "2017-02-28");
    assert_eq!(json["revision"], 0);
    assert_eq!(json["additionalInfoID"], "");
    let text = serde_json::to_string(&request).unwrap();
    assert!(text.contains(r#""vatRate":10"#), "{text}");
    assert!(
        text.contains(r#""quantity":2.5,"unitPrice":200000.25,"discount":0.5"#)
            || text.contains(r#""discount":0.5,"quantity":2.5,"#),
        "{text}"
    );
    let second = &request.invoice_items[1];
    assert_eq!(second.description, "Test Item 2");
    assert_eq!(second.quantity.as_text(), "2.5");
    assert_eq!(second.unit_price.as_text(), "200000.25");
    assert_eq!(
        second.discount.as_ref().map(WireDecimal::as_text),
        Some("0.5")
    );
    assert_eq!(second.wto.as_deref(), Some(""));
}

#[test]
fn invoices_the_api_cannot_carry_are_refused_before_sending() {
    let mut no_number = sample_invoice();
    no_number.faktur_number = None;
    let error = create_request(&no_number).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::InvalidInput);
    assert!(error.is_not_sent());

    let mut luxury = sample_invoice();
    luxury.ppnbm_rate = Some(rust_decimal::Decimal::from(20));
    assert_eq!(
        create_request(&luxury).unwrap_err().kind(),
        ErrorKind::Unsupported
    );
}

#[test]
fn the_additional_info_id_is_sent_when_present() {
    let mut invoice = sample_invoice();
    invoice.combination.transaction_detail = 7;
    invoice.combination.additional_info_id = Some(3);
    let request = create_request(&invoice).unwrap();
    assert_eq!(request.additional_info_id.as_deref(), Some("3"));
    assert_eq!(request.transaction_detail, "7");
}

fn wire_invoice(json: serde_json::Value) -> Invoice {
    let envelope: onlinepajak_client::types::InvoiceResponse =
        serde_json::from_value(serde_json::json!({"code": 200, "response": {"invoice": json}}))
            .unwrap();
    envelope.response.invoice.unwrap()
}

#[test]
fn a_stored_invoice_maps_exactly() {
    let invoice = wire_invoice(serde_json::json!({
        "invoiceId": 1389133, "invoiceDate": "2017-02-27", "invoiceDueDate": "2017-02-28",
        "grossAmount": 600000, "grandTotal": "660000.50", "revision": 0, "taxPeriod": "02/2017"
    }));
    let mut findings = ValidationReport::new();
    let filed = filed_invoice(&invoice, "my-invoice-1234", &mut findings).unwrap();
    assert!(findings.is_empty(), "{findings:?}");
    assert_eq!(filed.invoice_id, "1389133");
    assert_eq!(filed.invoice_number, "my-invoice-1234");
    assert_eq!(filed.gross_amount.to_string(), "600000");
    assert_eq!(filed.grand_total.to_string(), "660000.5");
    assert_eq!(filed.tax_period, "02/2017");
    assert_eq!(filed.revision, Some(0));
    assert_eq!(filed.invoice_date, NaiveDate::from_ymd_opt(2017, 2, 27));
}

#[test]
fn odd_values_become_findings_and_missing_ones_none() {
    let invoice = wire_invoice(serde_json::json!({
        "invoiceId": 7, "invoiceDate": "2017-031", "grossAmount": "10.004",
        "grandTotal": 11, "taxPeriod": "02/2017"
    }));
    let mut findings = ValidationReport::new();
    let filed = filed_invoice(&invoice, "n", &mut findings).unwrap();
    assert_eq!(filed.invoice_date, None);
    assert_eq!(filed.gross_amount.to_string(), "10");
    let paths: Vec<_> = findings.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(paths, ["grossAmount", "invoiceDate"]);
    assert!(findings.iter().all(|f| f.rule == rules::UNPARSED));

    let incomplete = wire_invoice(serde_json::json!({"invoiceId": 7, "grossAmount": 1}));
    assert!(filed_invoice(&incomplete, "n", &mut ValidationReport::new()).is_none());
}

/// The documented `domestic_sale` request example of `specs/onlinepajak.yaml`, as JSON.
fn documented_domestic_sale() -> serde_json::Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../specs/onlinepajak.yaml");
    let spec: serde_yaml::Value =
        serde_yaml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let example = &spec["paths"]["/marketplace/v1/invoices"]["post"]["requestBody"]["content"]["application/json"]
        ["examples"]["domestic_sale"]["value"];
    serde_json::to_value(example).unwrap()
}

/// Equal as decimals when both sides are numeric (the documentation sends `"2"` where the
/// request sends `2`), otherwise equal as JSON.
fn same_wire_value(sent: &serde_json::Value, documented: &serde_json::Value) -> bool {
    use serde_json::Value;
    let decimal = |value: &Value| match value {
        Value::Number(number) => number.to_string().parse::<rust_decimal::Decimal>().ok(),
        Value::String(text) => text.parse::<rust_decimal::Decimal>().ok(),
        _ => None,
    };
    match (sent, documented) {
        (Value::Array(sent), Value::Array(documented)) => {
            sent.len() == documented.len()
                && sent
                    .iter()
                    .zip(documented)
                    .all(|(s, d)| same_wire_value(s, d))
        }
        (Value::Object(sent), Value::Object(documented)) => sent.iter().all(|(key, value)| {
            documented
                .get(key)
                .is_some_and(|d| same_wire_value(value, d))
        }),
        (Value::Number(_), _) => decimal(sent).is_some() && decimal(sent) == decimal(documented),
        _ => sent == documented,
    }
}

#[test]
fn the_documented_example_invoice_becomes_the_documented_request() {
    let mut invoice = sample_invoice();
    invoice.items = vec![
        ItemLine::new(
            "Test Item 1",
            2.into(),
            Rupiah::from_whole(100_000),
            Rupiah::ZERO,
        ),
        ItemLine::new(
            "Test Item 2",
            2.into(),
            Rupiah::from_whole(200_000),
            Rupiah::ZERO,
        ),
    ];
    let sent = serde_json::to_value(create_request(&invoice).unwrap()).unwrap();
    let documented = documented_domestic_sale();
    assert!(
        same_wire_value(&sent, &documented),
        "sent {sent:#}\ndocumented {documented:#}"
    );
    // Only optional fields the domain model does not carry are left out.
    let mut left_out: Vec<&str> = documented
        .as_object()
        .unwrap()
        .keys()
        .filter(|key| sent.get(key.as_str()).is_none())
        .map(String::as_str)
        .collect();
    left_out.sort_unstable();
    assert_eq!(
        left_out,
        [
            "additionalDocument",
            "additionalInformation",
            "paymentDate",
            "serialNumber",
            "sspDate",
            "vendorAddress",
            "vendorCity",
            "vendorCountry",
            "vendorPostCode"
        ]
    );
}

proptest::proptest! {
    /// Whatever the amounts, the JSON sent carries exactly the decimals of the invoice.
    #[test]
    fn amounts_reach_the_wire_exactly(
        quantity_units in 1i64..1_000_000,
        quantity_scale in 0u32..4,
        price_cents in 0i64..1_000_000_000_000_000,
        discount_cents in 0i64..1_000_000,
    ) {
        let quantity = rust_decimal::Decimal::new(quantity_units, quantity_scale);
        let unit_price = Rupiah::new(rust_decimal::Decimal::new(price_cents, 2)).unwrap();
        let discount = Rupiah::new(rust_decimal::Decimal::new(discount_cents, 2)).unwrap();
        let mut invoice = sample_invoice();
        invoice.items = vec![ItemLine::new("Line", quantity, unit_price, discount)];
        let text = serde_json::to_string(&create_request(&invoice).unwrap()).unwrap();
        let decoded: CreateInvoiceRequest = serde_json::from_str(&text).unwrap();
        let line = &decoded.invoice_items[0];
        proptest::prop_assert_eq!(line.quantity.value(), quantity);
        proptest::prop_assert_eq!(line.unit_price.value(), unit_price.amount());
        proptest::prop_assert_eq!(
            line.discount.as_ref().map(WireDecimal::value),
            Some(discount.amount())
        );
    }
}
