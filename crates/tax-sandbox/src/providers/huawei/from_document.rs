//! Huawei Cloud VAT invoice answers computed from a document read offline.
//!
//! The shape follows `specs/huawei-ocr.yaml` (`VatInvoiceResult`): every value is a string as
//! printed (amounts with two decimals, rates such as `"6%"`, dates `2024年03月24日`), lines in
//! `item_list`. The fields the specification marks "advanced mode" (machine number, total in
//! words, remarks, payee, reviewer, issuer, and a `confidence` object mirroring the result with
//! a fraction per field) are sent only when the request asks for `advanced_mode`.

use serde_json::{Map, Value};
use tax_core::cn::InvoiceType;
use tax_facade::document::{CnVatInvoice, CnVatItem, Document, Field};

use crate::providers::reading::{Reading, chinese_date, float_json, two_decimals};

/// How a value is written.
#[derive(Debug, Clone, Copy)]
enum Form {
    /// As read.
    Text,
    /// An amount with two decimals.
    Amount,
    /// A date in the Chinese form.
    Date,
}

/// The `result` object for `document`, or `None` when the document is not a Chinese VAT
/// invoice (the service then fails with its recognition error).
pub(crate) fn vat_invoice_result(document: &Document, advanced_mode: bool) -> Option<Value> {
    let Document::CnVatInvoice(invoice) = document else {
        return None;
    };
    let mut result = Entries::default();
    if let Some(kind) = invoice.invoice_type.get() {
        if let Some(name) = type_name(*kind) {
            result.insert_plain("type", name);
        }
        if let Some(title) = digital_title(*kind) {
            result.insert_plain("title", title);
        }
    }
    add_header(&mut result, invoice, advanced_mode);
    let items = invoice.items.iter().map(item).collect::<Vec<_>>();
    let (item_values, item_confidences): (Vec<Value>, Vec<Value>) = items
        .into_iter()
        .map(|entries| {
            (
                Value::Object(entries.values),
                Value::Object(entries.confidences),
            )
        })
        .unzip();
    result
        .values
        .insert("item_list".to_owned(), Value::Array(item_values));
    if advanced_mode {
        result
            .confidences
            .insert("item_list".to_owned(), Value::Array(item_confidences));
        let confidences = Value::Object(std::mem::take(&mut result.confidences));
        result.values.insert("confidence".to_owned(), confidences);
    }
    Some(Value::Object(result.values))
}

/// Adds the header, party and total fields; the advanced-mode ones only when asked for.
fn add_header(result: &mut Entries, invoice: &CnVatInvoice, advanced_mode: bool) {
    let advanced_fields: [(&str, &Field<String>); 6] = [
        ("machine_number", &invoice.machine_number),
        ("total_in_words", &invoice.total_in_words),
        ("remarks", &invoice.remarks),
        ("receiver", &invoice.payee),
        ("reviewer", &invoice.reviewer),
        ("issuer", &invoice.issuer),
    ];
    result.insert("code", Reading::of(&invoice.code), Form::Text);
    result.insert("check_code", Reading::of(&invoice.check_code), Form::Text);
    result.insert("number", Reading::of(&invoice.number), Form::Text);
    result.insert("issue_date", Reading::of(&invoice.issue_date), Form::Date);
    for (prefix, party) in [("buyer", &invoice.buyer), ("seller", &invoice.seller)] {
        result.insert(
            &format!("{prefix}_name"),
            Reading::of(&party.name),
            Form::Text,
        );
        result.insert(
            &format!("{prefix}_id"),
            Reading::of(&party.tax_id),
            Form::Text,
        );
        let address = Reading::of(&party.address_phone);
        result.insert(&format!("{prefix}_address"), address, Form::Text);
        result.insert(
            &format!("{prefix}_bank"),
            Reading::of(&party.bank),
            Form::Text,
        );
    }
    let subtotal = Reading::of(&invoice.subtotal_amount);
    result.insert("subtotal_amount", subtotal, Form::Amount);
    let tax = Reading::of(&invoice.subtotal_tax);
    result.insert("subtotal_tax", tax, Form::Amount);
    result.insert("total", Reading::of(&invoice.total), Form::Amount);
    if advanced_mode {
        for (key, field) in advanced_fields {
            result.insert(key, Reading::of(field), Form::Text);
        }
    }
}

/// One `item_list` entry and its confidences.
fn item(line: &CnVatItem) -> Entries {
    let mut entries = Entries::default();
    entries.insert("name", Reading::of(&line.name), Form::Text);
    let specification = Reading::of(&line.specification);
    entries.insert("specification", specification, Form::Text);
    entries.insert("unit", Reading::of(&line.unit), Form::Text);
    entries.insert("quantity", Reading::of(&line.quantity), Form::Text);
    entries.insert("unit_price", Reading::of(&line.unit_price), Form::Text);
    entries.insert("amount", Reading::of(&line.amount), Form::Amount);
    entries.insert("tax_rate", Reading::of(&line.tax_rate), Form::Text);
    entries.insert("tax", Reading::of(&line.tax), Form::Amount);
    entries
}

/// Values and their confidences, under the same keys.
#[derive(Debug, Default)]
struct Entries {
    values: Map<String, Value>,
    confidences: Map<String, Value>,
}

impl Entries {
    /// Adds a reading written in `form`, with its confidence.
    fn insert(&mut self, key: &str, reading: Option<Reading<'_>>, form: Form) {
        let Some(reading) = reading else {
            return;
        };
        let text = match form {
            Form::Text => reading.text.clone(),
            Form::Amount => two_decimals(&reading.text),
            Form::Date => reading
                .date()
                .map_or_else(|| reading.text.clone(), chinese_date),
        };
        self.values.insert(key.to_owned(), Value::from(text));
        if let Some(confidence) = reading.confidence {
            self.confidences
                .insert(key.to_owned(), float_json(confidence.value()));
        }
    }

    /// Adds a value the document implies, with no confidence of its own.
    fn insert_plain(&mut self, key: &str, value: &str) {
        self.values.insert(key.to_owned(), Value::from(value));
    }
}

/// Huawei's name of an invoice type (`special`, `fully_digitalized_normal_electronic`, ...).
fn type_name(kind: InvoiceType) -> Option<&'static str> {
    Some(match kind {
        InvoiceType::Special => "special",
        InvoiceType::General => "normal",
        InvoiceType::ElectronicGeneral => "electronic",
        InvoiceType::ElectronicSpecial => "special_electronic",
        InvoiceType::Toll => "toll",
        InvoiceType::Roll => "roll",
        InvoiceType::DigitalSpecial => "fully_digitalized_special_electronic",
        InvoiceType::DigitalGeneral => "fully_digitalized_normal_electronic",
        _ => return None,
    })
}

/// The printed title of a fully digitalised invoice.
fn digital_title(kind: InvoiceType) -> Option<&'static str> {
    match kind {
        InvoiceType::DigitalSpecial => Some("电子发票(增值税专用发票)"),
        InvoiceType::DigitalGeneral => Some("电子发票(普通发票)"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tax_facade::document::{CnVatParty, CommercialInvoice, Confidence};

    fn invoice() -> CnVatInvoice {
        let sure = Confidence::from_fraction(0.99).confidence;
        CnVatInvoice {
            invoice_type: Field::from_value(InvoiceType::ElectronicGeneral),
            code: Field::from_value("011001900111".parse().unwrap()).with_confidence(sure),
            number: Field::from_value("12345678".parse().unwrap()).with_confidence(sure),
            issue_date: Field::from_value(chrono::NaiveDate::from_ymd_opt(2019, 8, 15).unwrap()),
            seller: CnVatParty {
                name: Field::text("上海示例贸易有限公司"),
                ..CnVatParty::default()
            },
            items: vec![CnVatItem {
                name: Field::text("*餐饮服务*餐费"),
                amount: Field::from_value("94.34".parse().unwrap()),
                tax_rate: Field::from_value("6%".parse().unwrap()),
                ..CnVatItem::default()
            }],
            total: Field::from_value("100".parse().unwrap()),
            issuer: Field::text("王五"),
            ..CnVatInvoice::default()
        }
    }

    #[test]
    fn a_vat_invoice_is_written_as_printed_strings() {
        let document = Document::CnVatInvoice(invoice());
        let result = vat_invoice_result(&document, false).unwrap();
        assert_eq!(result["type"], "electronic");
        assert_eq!(result["code"], "011001900111");
        assert_eq!(result["number"], "12345678");
        assert_eq!(result["issue_date"], "2019年08月15日");
        assert_eq!(result["seller_name"], "上海示例贸易有限公司");
        assert_eq!(result["total"], "100.00");
        assert_eq!(result["item_list"][0]["amount"], "94.34");
        assert_eq!(result["item_list"][0]["tax_rate"], "6%");
        assert!(result.get("confidence").is_none());
        assert!(result.get("issuer").is_none());
        assert!(result.get("buyer_name").is_none());
    }

    #[test]
    fn advanced_mode_adds_confidences_for_read_values() {
        let document = Document::CnVatInvoice(invoice());
        let result = vat_invoice_result(&document, true).unwrap();
        assert_eq!(result["confidence"]["number"], float_json(0.99));
        assert_eq!(result["issuer"], "王五");
        assert!(result["confidence"].get("seller_name").is_none());
        assert!(result["confidence"]["item_list"].is_array());
    }

    #[test]
    fn other_kinds_are_not_vat_invoices() {
        let document = Document::CommercialInvoice(CommercialInvoice::default());
        assert!(vat_invoice_result(&document, true).is_none());
    }
}
