//! DeepFinch VAT invoice answers computed from a document read offline.
//!
//! The shape follows `specs/deepfinch.yaml` (`VatInvoiceResult`): values grouped by area
//! (`invoice_info`, `buyer_info`, `seller_info`, `detail_info`, `amount_info`), each a
//! `{"txt", "region"}` pair with the region as eight numbers (four corners); a field that
//! was not read has an empty `txt` and an empty `region`. DeepFinch sends no confidences.
//! `amount_total` is 合计金额 (before tax), `tax_amount_total` and `amount_in_figuers` are
//! 价税合计 (with tax).

use serde_json::{Map, Value, json};
use tax_core::cn::InvoiceType;
use tax_facade::document::{CnVatParty, Document};

use crate::providers::reading::{Reading, chinese_date, float_json, two_decimals};

/// The `result` object for `document`, or `None` when the document is not a Chinese VAT
/// invoice (the service then fails with `DETECTION_FAILED`).
pub(crate) fn vat_invoice_result(document: &Document) -> Option<Value> {
    let Document::CnVatInvoice(invoice) = document else {
        return None;
    };
    let date = Reading::of(&invoice.issue_date).map(|reading| {
        let text = reading.date().map(chinese_date);
        Reading {
            text: text.unwrap_or_else(|| reading.text.clone()),
            ..reading
        }
    });
    let invoice_info = group([
        ("invoice_code", text(Reading::of(&invoice.code))),
        ("invoice_numb", text(Reading::of(&invoice.number))),
        ("invoice_date", text(date)),
        ("invoice_check_code", text(Reading::of(&invoice.check_code))),
        ("machine_code", text(Reading::of(&invoice.machine_number))),
    ]);
    let mut invoice_info = invoice_info;
    invoice_info.insert("invoice_password".to_owned(), Value::Array(Vec::new()));
    let details = invoice
        .items
        .iter()
        .map(|line| {
            Value::Object(group([
                ("detail_name", text(Reading::of(&line.name))),
                ("amount", amount(Reading::of(&line.amount))),
                ("tax_rate", text(Reading::of(&line.tax_rate))),
                ("tax_amount", amount(Reading::of(&line.tax))),
            ]))
        })
        .collect();
    let amount_info = group([
        (
            "amount_total",
            amount(Reading::of(&invoice.subtotal_amount)),
        ),
        ("tax_amount_total", amount(Reading::of(&invoice.total))),
        (
            "amount_in_words",
            text(Reading::of(&invoice.total_in_words)),
        ),
        ("amount_in_figuers", amount(Reading::of(&invoice.total))),
    ]);
    let mut result = Map::new();
    result.insert("invoice_info".to_owned(), Value::Object(invoice_info));
    result.insert("buyer_info".to_owned(), party(&invoice.buyer));
    result.insert("seller_info".to_owned(), party(&invoice.seller));
    result.insert("detail_info".to_owned(), Value::Array(details));
    result.insert("amount_info".to_owned(), Value::Object(amount_info));
    if let Some(kind) = invoice.invoice_type.get().and_then(|kind| type_name(*kind)) {
        result.insert("invoice_type".to_owned(), Value::from(kind));
    }
    Some(Value::Object(result))
}

/// A `buyer_info` or `seller_info` object.
fn party(party: &CnVatParty) -> Value {
    Value::Object(group([
        ("name", text(Reading::of(&party.name))),
        ("checkcode", text(Reading::of(&party.tax_id))),
        ("address_and_phone", text(Reading::of(&party.address_phone))),
        ("bank_info", text(Reading::of(&party.bank))),
    ]))
}

/// An object of named text regions.
fn group<const N: usize>(entries: [(&str, Value); N]) -> Map<String, Value> {
    entries
        .into_iter()
        .map(|(key, value)| (key.to_owned(), value))
        .collect()
}

/// A text region of a reading as read; an unread field has an empty text and region.
fn text(reading: Option<Reading<'_>>) -> Value {
    match reading {
        Some(reading) => region(&reading.text, &reading),
        None => json!({"region": "", "txt": ""}),
    }
}

/// A text region of an amount, with two decimals.
fn amount(reading: Option<Reading<'_>>) -> Value {
    match reading {
        Some(reading) => region(&two_decimals(&reading.text), &reading),
        None => json!({"region": "", "txt": ""}),
    }
}

/// `{"region": [x1, y1, ..., x4, y4], "txt": ...}`; the region is empty when unknown.
fn region(txt: &str, reading: &Reading<'_>) -> Value {
    let corners = reading.corners();
    let region = if corners.is_empty() {
        Value::from("")
    } else {
        corners
            .into_iter()
            .flat_map(|(x, y)| [float_json(x), float_json(y)])
            .collect()
    };
    json!({"region": region, "txt": txt})
}

/// DeepFinch's name of an invoice type: `special` for special invoices, `normal` otherwise.
fn type_name(kind: InvoiceType) -> Option<&'static str> {
    match kind {
        InvoiceType::Special | InvoiceType::ElectronicSpecial | InvoiceType::DigitalSpecial => {
            Some("special")
        }
        InvoiceType::General
        | InvoiceType::ElectronicGeneral
        | InvoiceType::DigitalGeneral
        | InvoiceType::Roll
        | InvoiceType::Toll => Some("normal"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tax_facade::document::{CnVatInvoice, CnVatItem, FakturPajak, Field, Location, Point};

    #[test]
    fn a_vat_invoice_is_grouped_by_area_with_regions() {
        let corner = |x: f64, y: f64| Point { x, y };
        let location = Location {
            page: Some(0),
            polygon: vec![
                corner(1.0, 2.0),
                corner(3.0, 2.0),
                corner(3.0, 4.0),
                corner(1.0, 4.0),
            ],
        };
        let invoice = CnVatInvoice {
            invoice_type: Field::from_value(InvoiceType::DigitalSpecial),
            number: Field::from_value("24312000000136634917".parse().unwrap())
                .with_location(location),
            issue_date: Field::from_value(chrono::NaiveDate::from_ymd_opt(2024, 5, 14).unwrap()),
            buyer: CnVatParty {
                name: Field::text("深圳市示例科技有限公司"),
                ..CnVatParty::default()
            },
            items: vec![CnVatItem {
                tax: Field::from_value("5.66".parse().unwrap()),
                ..CnVatItem::default()
            }],
            subtotal_amount: Field::from_value("94.34".parse().unwrap()),
            total: Field::from_value("100".parse().unwrap()),
            ..CnVatInvoice::default()
        };
        let result = vat_invoice_result(&Document::CnVatInvoice(invoice)).unwrap();
        let number = &result["invoice_info"]["invoice_numb"];
        assert_eq!(number["txt"], "24312000000136634917");
        assert_eq!(number["region"].as_array().map(Vec::len), Some(8));
        assert_eq!(
            result["invoice_info"]["invoice_code"],
            json!({"region": "", "txt": ""})
        );
        assert_eq!(
            result["invoice_info"]["invoice_date"]["txt"],
            "2024年05月14日"
        );
        assert_eq!(
            result["buyer_info"]["name"]["txt"],
            "深圳市示例科技有限公司"
        );
        assert_eq!(result["detail_info"][0]["tax_amount"]["txt"], "5.66");
        assert_eq!(result["amount_info"]["amount_total"]["txt"], "94.34");
        assert_eq!(result["amount_info"]["tax_amount_total"]["txt"], "100.00");
        assert_eq!(result["invoice_type"], "special");
    }

    #[test]
    fn a_faktur_is_not_detected() {
        let faktur = Document::FakturPajak(FakturPajak::default());
        assert!(vat_invoice_result(&faktur).is_none());
    }
}
