//! `POST /ocr/v1/invoice` → [`CommercialInvoice`], for both field contracts.

use chrono::NaiveDate;
use glair_vision_client::types::{
    InvoiceField, InvoiceItem as WireItem, InvoiceRead, PaymentBank as WireBank,
};
use rust_decimal::Decimal;
use tax_core::{ParseError, ValidationReport};
use taxdoc_client_runtime::wire::TextOrNumber;

use super::location::{location, with_percent_confidence};
use crate::document::{CommercialInvoice, Field, InvoiceItem, InvoiceParty, PaymentBank};
use crate::parse::{parse_amount, parse_date};

/// Maps GLAIR's invoice reading onto a [`CommercialInvoice`].
///
/// Both contracts map to the same document; where both keys are present the documented
/// (newer) one wins:
///
/// | document | documented key | older key |
/// |---|---|---|
/// | `subtotal` | `invoice_sub_total` | `sub_total_amount` |
/// | `purchase_order` | `purchase_order_number` | `purchase_order` |
/// | `due_date` | — | `invoice_due_date` |
/// | `items[].unit_price` | `item_each_price` | `item_unit_price` |
/// | `items[].total` | `item_total_price` | `item_price` |
/// | `items[].unit` | `item_quantity_unit` | `item_unit` |
///
/// Values documented as text may arrive as numbers (`"customer_name": 250000`) and the other
/// way round; text fields keep the number as written, amounts read JSON numbers exactly and
/// parse text with [`parse_amount`]. Keys the normalized model has no place for (shipping and
/// remittance addresses, payment terms, sender name, unknown keys) are listed in a
/// [`glair.unmapped`](super::rules::UNMAPPED) info finding.
pub(crate) fn commercial_invoice(
    read: &InvoiceRead,
    findings: &mut ValidationReport,
) -> CommercialInvoice {
    super::report_unmapped(unmapped_keys(read), findings);
    let mut map = Mapper { findings };
    CommercialInvoice {
        number: map.text(read.invoice_number.as_ref(), "number"),
        invoice_date: map.date(read.invoice_date.as_ref(), "invoice_date"),
        due_date: map.date(read.invoice_due_date.as_ref(), "due_date"),
        currency: map.text(read.currency.as_ref(), "currency"),
        vendor: InvoiceParty::new(
            map.text(read.vendor_name.as_ref(), "vendor.name"),
            map.text(read.vendor_address.as_ref(), "vendor.address"),
            map.text(read.vendor_tax_id.as_ref(), "vendor.tax_id"),
        ),
        customer: InvoiceParty::new(
            map.text(read.customer_name.as_ref(), "customer.name"),
            map.text(read.customer_address.as_ref(), "customer.address"),
            map.text(read.customer_tax_id.as_ref(), "customer.tax_id"),
        ),
        subtotal: map.amount(
            read.invoice_sub_total
                .as_ref()
                .or(read.sub_total_amount.as_ref()),
            "subtotal",
        ),
        discount: map.amount(read.invoice_discount.as_ref(), "discount"),
        vat: map.amount(read.vat_tax.as_ref(), "vat"),
        income_tax: map.amount(read.income_tax.as_ref(), "income_tax"),
        total_tax: map.amount(read.invoice_total_tax.as_ref(), "total_tax"),
        total: map.amount(read.invoice_total.as_ref(), "total"),
        total_in_words: Field::empty(),
        down_payment: map.amount(read.down_payment.as_ref(), "down_payment"),
        voucher: map.amount(read.voucher.as_ref(), "voucher"),
        purchase_order: map.text(
            read.purchase_order_number
                .as_ref()
                .or(read.purchase_order.as_ref()),
            "purchase_order",
        ),
        items: read
            .items
            .iter()
            .enumerate()
            .map(|(index, item)| map.item(item, &format!("items[{index}]")))
            .collect(),
        payment_banks: read
            .payment_banks
            .iter()
            .enumerate()
            .map(|(index, bank)| map.bank(bank, &format!("payment_banks[{index}]")))
            .collect(),
    }
}

/// The keys of `read` that [`commercial_invoice`] does not map, with their paths.
fn unmapped_keys(read: &InvoiceRead) -> Vec<String> {
    let known_without_place = [
        ("payment_term", &read.payment_term),
        ("remittance_address", &read.remittance_address),
        (
            "remittance_address_recipient",
            &read.remittance_address_recipient,
        ),
        ("sender_name", &read.sender_name),
        ("shipping_address", &read.shipping_address),
        (
            "shipping_address_recipient",
            &read.shipping_address_recipient,
        ),
    ];
    let mut keys: Vec<String> = known_without_place
        .into_iter()
        .filter(|(_, field)| field.is_some())
        .map(|(key, _)| key.to_owned())
        .collect();
    keys.extend(read.extra.keys().cloned());
    for (index, item) in read.items.iter().enumerate() {
        keys.extend(item.extra.keys().map(|key| format!("items[{index}].{key}")));
    }
    for (index, bank) in read.payment_banks.iter().enumerate() {
        keys.extend(
            bank.extra
                .keys()
                .map(|key| format!("payment_banks[{index}].{key}")),
        );
    }
    keys
}

/// Maps fields, collecting findings.
struct Mapper<'a> {
    findings: &'a mut ValidationReport,
}

impl Mapper<'_> {
    fn item(&mut self, item: &WireItem, prefix: &str) -> InvoiceItem {
        let path = |name: &str| format!("{prefix}.{name}");
        InvoiceItem {
            name: self.text(item.item_name.as_ref(), &path("name")),
            quantity: self.amount(item.item_quantity.as_ref(), &path("quantity")),
            unit_price: self.amount(
                item.item_each_price
                    .as_ref()
                    .or(item.item_unit_price.as_ref()),
                &path("unit_price"),
            ),
            total: self.amount(
                item.item_total_price.as_ref().or(item.item_price.as_ref()),
                &path("total"),
            ),
            product_code: self.text(item.item_product_code.as_ref(), &path("product_code")),
            unit: self.text(
                item.item_quantity_unit.as_ref().or(item.item_unit.as_ref()),
                &path("unit"),
            ),
        }
    }

    fn bank(&mut self, bank: &WireBank, prefix: &str) -> PaymentBank {
        let path = |name: &str| format!("{prefix}.{name}");
        PaymentBank {
            bank_name: self.text(bank.payment_bank_name.as_ref(), &path("bank_name")),
            account_number: self.text(
                bank.payment_account_number.as_ref(),
                &path("account_number"),
            ),
            account_name: self.text(bank.payment_account_name.as_ref(), &path("account_name")),
        }
    }

    /// A text field; a number is kept as written.
    fn text(&mut self, wire: Option<&InvoiceField>, path: &str) -> Field<String> {
        self.field(wire, path, |value, _| {
            value.map_or_else(Field::empty, |value| Field::text(value.as_text()))
        })
    }

    /// A date, from text in any form [`parse_date`] reads.
    fn date(&mut self, wire: Option<&InvoiceField>, path: &str) -> Field<NaiveDate> {
        self.parsed(wire, path, |value| parse_date(value.as_text()))
    }

    /// An amount: a JSON number exactly as written, or text parsed with [`parse_amount`].
    fn amount(&mut self, wire: Option<&InvoiceField>, path: &str) -> Field<Decimal> {
        self.parsed(wire, path, |value| match (value, value.as_decimal()) {
            (TextOrNumber::Number(_), Some(exact)) => Ok(exact),
            _ => parse_amount(value.as_text()),
        })
    }

    /// A field parsed from the value's text; text that does not parse is kept with a
    /// `field.unparsed` finding at `path`.
    fn parsed<T>(
        &mut self,
        wire: Option<&InvoiceField>,
        path: &str,
        parser: impl FnOnce(&TextOrNumber) -> Result<T, ParseError>,
    ) -> Field<T> {
        self.field(wire, path, |value, findings| match value {
            Some(value) => Field::parse(value.as_text(), path, findings, |_| parser(value)),
            None => Field::empty(),
        })
    }

    /// Builds a field from the wire value and attaches its confidence and location.
    fn field<T>(
        &mut self,
        wire: Option<&InvoiceField>,
        path: &str,
        build: impl FnOnce(Option<&TextOrNumber>, &mut ValidationReport) -> Field<T>,
    ) -> Field<T> {
        let Some(wire) = wire else {
            return Field::empty();
        };
        let field = build(wire.value.as_ref(), self.findings);
        if field.is_empty() {
            return field;
        }
        let field = with_percent_confidence(
            field,
            wire.confidence,
            wire.confidence_text.as_ref(),
            path,
            self.findings,
        );
        match location(wire.page_index, &wire.polygon) {
            Some(location) => field.with_location(location),
            None => field,
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use serde_json::{Value, json};

    use super::*;
    use crate::validate::rules;

    fn field(value: Value) -> Value {
        json!({"value": value, "page_index": 0, "polygon": [[1, 2], [3, 2], [3, 4], [1, 4]], "confidence": 90, "confidence_text": "90"})
    }

    fn map(read: Value) -> (CommercialInvoice, ValidationReport) {
        let read: InvoiceRead = serde_json::from_value(read).unwrap();
        let mut findings = ValidationReport::new();
        let invoice = commercial_invoice(&read, &mut findings);
        (invoice, findings)
    }

    #[test]
    fn old_and_new_contract_keys_give_the_same_invoice() {
        let (new, _) = map(json!({
            "invoice_sub_total": field(json!(100000)),
            "purchase_order_number": field(json!("PO-1")),
            "items": [{
                "item_each_price": field(json!(50000)),
                "item_total_price": field(json!(100000)),
                "item_quantity_unit": field(json!("piece")),
            }],
        }));
        let (old, _) = map(json!({
            "sub_total_amount": field(json!(100000)),
            "purchase_order": field(json!("PO-1")),
            "items": [{
                "item_unit_price": field(json!(50000)),
                "item_price": field(json!(100000)),
                "item_unit": field(json!("piece")),
            }],
        }));
        assert_eq!(new, old);
        assert_eq!(new.subtotal.get(), Some(&Decimal::from(100_000)));
        assert_eq!(new.purchase_order.get().map(String::as_str), Some("PO-1"));
        assert_eq!(new.items[0].unit.get().map(String::as_str), Some("piece"));
    }

    #[test]
    fn the_documented_key_wins_over_the_older_one() {
        let (invoice, _) = map(json!({
            "invoice_sub_total": field(json!(200)),
            "sub_total_amount": field(json!(100)),
        }));
        assert_eq!(invoice.subtotal.get(), Some(&Decimal::from(200)));
    }

    #[test]
    fn numbers_and_strings_are_accepted_wherever_they_arrive() {
        let (invoice, findings) = map(json!({
            "customer_name": field(json!(250000)),
            "invoice_total": field(json!("Rp 1.100.000")),
            "vat_tax": field(json!(1.5)),
            "payment_banks": [{"payment_account_number": field(json!(20018312))}],
        }));
        assert_eq!(
            invoice.customer.name.get().map(String::as_str),
            Some("250000")
        );
        assert_eq!(invoice.total.get(), Some(&Decimal::from(1_100_000)));
        assert_eq!(invoice.total.raw.as_deref(), Some("Rp 1.100.000"));
        assert_eq!(invoice.vat.get(), Some(&"1.5".parse::<Decimal>().unwrap()));
        assert_eq!(
            invoice.payment_banks[0]
                .account_number
                .get()
                .map(String::as_str),
            Some("20018312")
        );
        assert!(findings.is_empty());
    }

    #[test]
    fn fields_without_a_place_are_listed_in_one_info_finding() {
        let (_, findings) = map(json!({
            "shipping_address": field(json!("Jl. A")),
            "invoice_notes": field(json!("thanks")),
            "items": [{"item_discount": field(json!(5))}],
        }));
        let messages: Vec<&str> = findings
            .iter()
            .filter(|finding| finding.rule == super::super::rules::UNMAPPED)
            .map(|finding| finding.message.as_str())
            .collect();
        assert_eq!(
            messages,
            [
                "not part of the normalized document: shipping_address, invoice_notes, items[0].item_discount"
            ]
        );
    }

    #[test]
    fn confidence_and_location_are_attached() {
        let (invoice, _) = map(json!({"invoice_number": field(json!("INV-1"))}));
        assert_eq!(invoice.number.confidence.map(|c| c.value()), Some(0.9));
        let location = invoice.number.location.unwrap();
        assert_eq!(location.page, Some(0));
        assert_eq!(location.polygon.len(), 4);
        assert_eq!((location.polygon[2].x, location.polygon[2].y), (3.0, 4.0));
    }

    #[test]
    fn values_that_do_not_parse_are_kept_with_a_finding_at_their_path() {
        let (invoice, findings) = map(json!({
            "invoice_date": field(json!("31/02/2024")),
            "items": [{"item_quantity": field(json!("two"))}],
        }));
        assert_eq!(invoice.invoice_date.value, None);
        assert_eq!(invoice.invoice_date.raw.as_deref(), Some("31/02/2024"));
        assert_eq!(invoice.items[0].quantity.raw.as_deref(), Some("two"));
        let paths: Vec<&str> = findings
            .iter()
            .filter(|finding| finding.rule == rules::UNPARSED)
            .map(|finding| finding.path.as_str())
            .collect();
        assert_eq!(paths, ["invoice_date", "items[0].quantity"]);
    }

    proptest! {
        #[test]
        fn any_amount_text_is_kept_and_never_panics(text in "\\PC{0,24}") {
            let (invoice, _) = map(json!({"invoice_total": field(Value::from(text.clone()))}));
            if text.trim().is_empty() {
                prop_assert!(invoice.total.is_empty());
            } else {
                prop_assert_eq!(invoice.total.raw.as_deref(), Some(text.as_str()));
            }
        }
    }
}
