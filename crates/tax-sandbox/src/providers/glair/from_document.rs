//! GLAIR Vision invoice answers computed from a document read offline.
//!
//! The shape follows `specs/glair-vision.yaml` (`POST /ocr/v1/invoice`, newer contract): each
//! value is an object with `value`, `value_original` (the printed text), `page_index`,
//! `polygon` (`[[x, y], ...]`), `confidence` in percent and `confidence_text` as text. Totals
//! are numbers, line prices and quantities are text. A Faktur Pajak maps onto the invoice
//! fields as GLAIR reads it: vendor = seller, customer = buyer, subtotal = DPP, tax = PPN,
//! total = DPP + PPN.

use serde_json::{Map, Value};
use tax_facade::document::{CnVatInvoice, CommercialInvoice, Document, FakturPajak};

use crate::providers::reading::{Reading, amount_json, decimal_number, float_json, percent, sum};

/// The invoice answer for `document`, in the envelope of `template` (the documented sample);
/// `None` for a kind the invoice route does not read.
pub(crate) fn invoice_response(document: &Document, template: &Value) -> Option<Value> {
    let read = match document {
        Document::CommercialInvoice(invoice) => commercial(invoice),
        Document::FakturPajak(faktur) => faktur_pajak(faktur),
        Document::CnVatInvoice(invoice) => cn_vat_invoice(invoice),
        _ => return None,
    };
    let mut body = template.clone();
    let envelope = body.as_object_mut()?;
    envelope.insert("read".to_owned(), Value::Object(read.fields));
    Some(body)
}

/// The `read` object being built.
#[derive(Debug, Default)]
struct Read {
    fields: Map<String, Value>,
}

impl Read {
    /// Adds a text value.
    fn text(&mut self, key: &str, reading: Option<Reading<'_>>) {
        if let Some(reading) = reading {
            let value = Value::from(reading.text.clone());
            self.fields.insert(key.to_owned(), field(&reading, value));
        }
    }

    /// Adds an amount (a number when whole).
    fn amount(&mut self, key: &str, reading: Option<Reading<'_>>) {
        if let Some(reading) = reading {
            let value = amount_json(&reading.text);
            self.fields.insert(key.to_owned(), field(&reading, value));
        }
    }

    /// Adds a list (items, payment banks) under `key`.
    fn list(&mut self, key: &str, entries: Vec<Value>) {
        self.fields.insert(key.to_owned(), Value::Array(entries));
    }
}

/// One GLAIR field object.
fn field(reading: &Reading<'_>, value: Value) -> Value {
    let mut object = Map::new();
    object.insert("value".to_owned(), value);
    if let Some(printed) = reading.printed.filter(|printed| !printed.trim().is_empty()) {
        object.insert("value_original".to_owned(), Value::from(printed.trim()));
    }
    object.insert(
        "page_index".to_owned(),
        Value::from(reading.page().unwrap_or(0)),
    );
    let corners = reading.corners();
    if !corners.is_empty() {
        let polygon = corners
            .into_iter()
            .map(|(x, y)| Value::Array(vec![float_json(x), float_json(y)]))
            .collect();
        object.insert("polygon".to_owned(), Value::Array(polygon));
    }
    if let Some(confidence) = reading.confidence {
        let percent = percent(confidence);
        object.insert("confidence".to_owned(), decimal_number(percent));
        object.insert(
            "confidence_text".to_owned(),
            Value::from(percent.to_string()),
        );
    }
    Value::Object(object)
}

/// A line-item object from `(key, reading)` pairs; prices and quantities stay text.
fn item(values: [(&str, Option<Reading<'_>>); 6]) -> Value {
    let mut object = Map::new();
    for (key, reading) in values {
        if let Some(reading) = reading {
            let value = Value::from(reading.text.clone());
            object.insert(key.to_owned(), field(&reading, value));
        }
    }
    Value::Object(object)
}

fn commercial(invoice: &CommercialInvoice) -> Read {
    let mut read = Read::default();
    read.text("invoice_number", Reading::of(&invoice.number));
    read.text("invoice_date", Reading::of(&invoice.invoice_date));
    read.text("invoice_due_date", Reading::of(&invoice.due_date));
    read.text("currency", Reading::of(&invoice.currency));
    read.text("vendor_name", Reading::of(&invoice.vendor.name));
    read.text("sender_name", Reading::of(&invoice.vendor.name));
    read.text("vendor_address", Reading::of(&invoice.vendor.address));
    read.text("vendor_tax_id", Reading::of(&invoice.vendor.tax_id));
    read.text("customer_name", Reading::of(&invoice.customer.name));
    read.text("customer_address", Reading::of(&invoice.customer.address));
    read.text("customer_tax_id", Reading::of(&invoice.customer.tax_id));
    read.amount("invoice_sub_total", Reading::of(&invoice.subtotal));
    read.amount("invoice_discount", Reading::of(&invoice.discount));
    read.amount("vat_tax", Reading::of(&invoice.vat));
    read.amount("income_tax", Reading::of(&invoice.income_tax));
    read.amount("invoice_total_tax", Reading::of(&invoice.total_tax));
    read.amount("invoice_total", Reading::of(&invoice.total));
    read.amount("down_payment", Reading::of(&invoice.down_payment));
    read.amount("voucher", Reading::of(&invoice.voucher));
    read.text(
        "purchase_order_number",
        Reading::of(&invoice.purchase_order),
    );
    let items = invoice
        .items
        .iter()
        .map(|line| {
            item([
                ("item_name", Reading::of(&line.name)),
                ("item_quantity", Reading::of(&line.quantity)),
                ("item_quantity_unit", Reading::of(&line.unit)),
                ("item_each_price", Reading::of(&line.unit_price)),
                ("item_total_price", Reading::of(&line.total)),
                ("item_product_code", Reading::of(&line.product_code)),
            ])
        })
        .collect();
    read.list("items", items);
    let banks = invoice
        .payment_banks
        .iter()
        .map(|bank| {
            let mut object = Map::new();
            for (key, reading) in [
                ("payment_bank_name", Reading::of(&bank.bank_name)),
                ("payment_account_number", Reading::of(&bank.account_number)),
                ("payment_account_name", Reading::of(&bank.account_name)),
            ] {
                if let Some(reading) = reading {
                    let value = Value::from(reading.text.clone());
                    object.insert(key.to_owned(), field(&reading, value));
                }
            }
            Value::Object(object)
        })
        .collect();
    read.list("payment_banks", banks);
    read
}

fn faktur_pajak(faktur: &FakturPajak) -> Read {
    let mut read = Read::default();
    read.text("invoice_number", Reading::of(&faktur.number));
    read.text("invoice_date", Reading::of(&faktur.date));
    read.fields.insert("currency".to_owned(), currency("IDR"));
    read.text("vendor_name", Reading::of(&faktur.seller.name));
    read.text("sender_name", Reading::of(&faktur.seller.name));
    read.text("vendor_address", Reading::of(&faktur.seller.address));
    read.text("vendor_tax_id", Reading::of(&faktur.seller.npwp));
    read.text("customer_name", Reading::of(&faktur.buyer.name));
    read.text("customer_address", Reading::of(&faktur.buyer.address));
    read.text("customer_tax_id", Reading::of(&faktur.buyer.npwp));
    let tax_base = Reading::of(&faktur.tax_base);
    let vat = Reading::of(&faktur.vat);
    let total = tax_base
        .as_ref()
        .zip(vat.as_ref())
        .and_then(|(base, vat)| sum(base, vat));
    read.amount("invoice_sub_total", tax_base);
    read.amount("invoice_discount", Reading::of(&faktur.discount));
    read.amount("down_payment", Reading::of(&faktur.down_payment));
    read.amount("vat_tax", vat.clone());
    read.amount("invoice_total_tax", vat);
    read.amount("invoice_total", total);
    let items = faktur
        .items
        .iter()
        .map(|line| {
            item([
                ("item_name", Reading::of(&line.name)),
                ("item_quantity", Reading::of(&line.quantity)),
                ("item_quantity_unit", Reading::of(&line.unit)),
                ("item_each_price", Reading::of(&line.unit_price)),
                ("item_total_price", Reading::of(&line.total)),
                ("item_product_code", Reading::of(&line.code)),
            ])
        })
        .collect();
    read.list("items", items);
    read.list("payment_banks", Vec::new());
    read
}

fn cn_vat_invoice(invoice: &CnVatInvoice) -> Read {
    let mut read = Read::default();
    read.text("invoice_number", Reading::of(&invoice.number));
    read.text("invoice_date", Reading::of(&invoice.issue_date));
    read.fields.insert("currency".to_owned(), currency("CNY"));
    read.text("vendor_name", Reading::of(&invoice.seller.name));
    read.text("sender_name", Reading::of(&invoice.seller.name));
    read.text("vendor_address", Reading::of(&invoice.seller.address_phone));
    read.text("vendor_tax_id", Reading::of(&invoice.seller.tax_id));
    read.text("customer_name", Reading::of(&invoice.buyer.name));
    read.text(
        "customer_address",
        Reading::of(&invoice.buyer.address_phone),
    );
    read.text("customer_tax_id", Reading::of(&invoice.buyer.tax_id));
    read.amount("invoice_sub_total", Reading::of(&invoice.subtotal_amount));
    read.amount("vat_tax", Reading::of(&invoice.subtotal_tax));
    read.amount("invoice_total_tax", Reading::of(&invoice.subtotal_tax));
    read.amount("invoice_total", Reading::of(&invoice.total));
    let items = invoice
        .items
        .iter()
        .map(|line| {
            item([
                ("item_name", Reading::of(&line.name)),
                ("item_quantity", Reading::of(&line.quantity)),
                ("item_quantity_unit", Reading::of(&line.unit)),
                ("item_each_price", Reading::of(&line.unit_price)),
                ("item_total_price", Reading::of(&line.amount)),
                ("item_product_code", Reading::of(&line.specification)),
            ])
        })
        .collect();
    read.list("items", items);
    read.list("payment_banks", Vec::new());
    read
}

/// The currency a document kind implies, stated with full confidence.
fn currency(code: &str) -> Value {
    let mut object = Map::new();
    object.insert("value".to_owned(), Value::from(code));
    object.insert("page_index".to_owned(), Value::from(0));
    Value::Object(object)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;
    use tax_core::Rupiah;
    use tax_facade::document::{Confidence, FakturItem, FakturParty, Field, NpwpCard};

    fn template() -> Value {
        serde_json::json!({"status": "SUCCESS", "reason": "File Successfully Read", "read": {"invoice_number": {"value": "X"}}})
    }

    fn rupiah(text: &str) -> Field<Rupiah> {
        Field::from_value(text.parse().unwrap())
            .with_confidence(Confidence::from_fraction(0.95).confidence)
    }

    #[test]
    fn a_faktur_maps_seller_buyer_dpp_ppn_and_their_sum() {
        let faktur = FakturPajak {
            number: Field::from_value("010.000-24.00000001".parse().unwrap()),
            seller: FakturParty {
                name: Field::text("PT SUMBER MAKMUR"),
                ..FakturParty::default()
            },
            buyer: FakturParty {
                name: Field::text("PT PEMBELI"),
                ..FakturParty::default()
            },
            items: vec![FakturItem {
                name: Field::text("Kopi"),
                quantity: Field::from_value(Decimal::TWO),
                total: rupiah("1500000"),
                ..FakturItem::default()
            }],
            tax_base: rupiah("1500000"),
            vat: rupiah("165000"),
            ..FakturPajak::default()
        };
        let body = invoice_response(&Document::FakturPajak(faktur), &template()).unwrap();
        let read = &body["read"];
        assert_eq!(body["status"], "SUCCESS");
        assert_eq!(read["invoice_number"]["value"], "010.000-24.00000001");
        assert_eq!(read["vendor_name"]["value"], "PT SUMBER MAKMUR");
        assert_eq!(read["customer_name"]["value"], "PT PEMBELI");
        assert_eq!(read["invoice_sub_total"]["value"], 1_500_000);
        assert_eq!(read["vat_tax"]["value"], 165_000);
        assert_eq!(read["invoice_total"]["value"], 1_665_000);
        assert_eq!(read["invoice_total"]["confidence"], 95);
        assert_eq!(read["invoice_total"]["confidence_text"], "95");
        assert_eq!(read["items"][0]["item_name"]["value"], "Kopi");
        assert_eq!(read["items"][0]["item_quantity"]["value"], "2");
        assert_eq!(read["currency"]["value"], "IDR");
    }

    #[test]
    fn a_commercial_invoice_keeps_fractional_amounts_as_text() {
        let invoice = CommercialInvoice {
            number: Field::text("INV/2024/0001"),
            total: Field::from_value(Decimal::new(10_050, 2)),
            ..CommercialInvoice::default()
        };
        let body = invoice_response(&Document::CommercialInvoice(invoice), &template()).unwrap();
        assert_eq!(body["read"]["invoice_number"]["value"], "INV/2024/0001");
        assert_eq!(body["read"]["invoice_total"]["value"], "100.50");
        assert!(body["read"].get("vendor_name").is_none());
    }

    #[test]
    fn an_npwp_card_is_not_an_invoice() {
        let card = Document::NpwpCard(NpwpCard::default());
        assert!(invoice_response(&card, &template()).is_none());
    }
}
