//! The in-memory OnlinePajak invoice store and its VAT arithmetic.

use std::str::FromStr;
use std::sync::{Arc, Mutex, PoisonError};

use rust_decimal::Decimal;
use serde_json::{Map, Value};
use tax_core::Rupiah;
use tax_core::id::ppn::PpnRate;

/// Fields the create call requires (the server's own list, as its error message states it).
pub(crate) const MANDATORY_FIELDS: [&str; 14] = [
    "invoiceNumber",
    "invoiceDate",
    "dueDate",
    "invoiceType",
    "transactionType",
    "transactionDetail",
    "documentType",
    "npwp",
    "vendor",
    "documentNumber",
    "masaPajak",
    "tahunPajak",
    "invoiceItems",
    "vatRate",
];

/// The first invoice id handed out (the documented sample's id).
const FIRST_INVOICE_ID: u64 = 1_389_133;

/// One stored invoice, with the amounts the sandbox computed.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct StoredInvoice {
    /// Server-assigned id, increasing from 1389133.
    pub invoice_id: u64,
    /// The OnlinePajak user the invoice belongs to.
    pub user_id: String,
    /// The commercial invoice number (`invoiceNumber`).
    pub invoice_number: String,
    /// `invoiceDate` as sent.
    pub invoice_date: String,
    /// `dueDate` as sent.
    pub due_date: String,
    /// Σ(quantity × unitPrice − discount).
    pub gross_amount: Decimal,
    /// VAT at `vatRate` percent of the gross amount, floored to whole rupiah
    /// ([`PpnRate::tax_on`]).
    pub vat_amount: Decimal,
    /// Gross amount plus VAT.
    pub grand_total: Decimal,
    /// `revision` as sent (0 when absent).
    pub revision: i64,
    /// `MM/YYYY` from `masaPajak` and `tahunPajak`.
    pub tax_period: String,
    fields: Map<String, Value>,
}

/// Why an invoice could not be created.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum CreateError {
    /// A mandatory field is absent, null or empty.
    MissingMandatory,
    /// A field has a value that cannot be used; the name of the field.
    Invalid(&'static str),
    /// `old_id` names no invoice of this user.
    UnknownOldId,
}

/// All invoices, in creation order.
#[derive(Debug)]
pub(crate) struct InvoiceStore {
    inner: Mutex<Inner>,
}

#[derive(Debug)]
struct Inner {
    next_id: u64,
    invoices: Vec<StoredInvoice>,
}

impl Default for InvoiceStore {
    fn default() -> Self {
        Self {
            inner: Mutex::new(Inner {
                next_id: FIRST_INVOICE_ID,
                invoices: Vec::new(),
            }),
        }
    }
}

impl InvoiceStore {
    /// Creates an invoice, or updates the one named by `old_id`. Without `old_id` a second
    /// invoice with the same number is a new record, as on the real service.
    pub(crate) fn create(
        &self,
        user_id: &str,
        request: Map<String, Value>,
    ) -> Result<StoredInvoice, CreateError> {
        let mut inner = self.inner.lock().unwrap_or_else(PoisonError::into_inner);
        let old_id = match request.get("old_id") {
            None | Some(Value::Null) => None,
            Some(value) => Some(
                scalar_text(value)
                    .and_then(|text| text.parse::<u64>().ok())
                    .ok_or(CreateError::Invalid("old_id"))?,
            ),
        };
        let Some(old_id) = old_id else {
            let mut invoice = compute(user_id, request)?;
            invoice.invoice_id = inner.next_id;
            inner.next_id += 1;
            inner.invoices.push(invoice.clone());
            return Ok(invoice);
        };
        let existing = inner
            .invoices
            .iter_mut()
            .find(|invoice| invoice.invoice_id == old_id && invoice.user_id == user_id)
            .ok_or(CreateError::UnknownOldId)?;
        let mut merged = existing.fields.clone();
        merged.extend(request);
        let mut updated = compute(user_id, merged)?;
        updated.invoice_id = old_id;
        *existing = updated.clone();
        Ok(updated)
    }

    /// The most recent invoice of `user_id` with this number.
    pub(crate) fn find(&self, user_id: &str, invoice_number: &str) -> Option<StoredInvoice> {
        let inner = self.inner.lock().unwrap_or_else(PoisonError::into_inner);
        inner
            .invoices
            .iter()
            .rev()
            .find(|invoice| invoice.user_id == user_id && invoice.invoice_number == invoice_number)
            .cloned()
    }

    fn snapshot(&self) -> Vec<StoredInvoice> {
        self.inner
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .invoices
            .clone()
    }
}

/// A live, read-only view of the sandbox's OnlinePajak invoices.
#[derive(Debug, Clone)]
pub struct InvoiceLedger {
    store: Arc<InvoiceStore>,
}

impl InvoiceLedger {
    pub(crate) fn new(store: Arc<InvoiceStore>) -> Self {
        Self { store }
    }

    /// Every invoice, in creation order (duplicates included).
    pub fn all(&self) -> Vec<StoredInvoice> {
        self.store.snapshot()
    }

    /// How many records exist with this commercial invoice number, across users.
    pub fn count(&self, invoice_number: &str) -> usize {
        self.store
            .snapshot()
            .iter()
            .filter(|invoice| invoice.invoice_number == invoice_number)
            .count()
    }

    /// How many invoices exist in total.
    pub fn len(&self) -> usize {
        self.store.snapshot().len()
    }

    /// Whether no invoice was created yet.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Checks the mandatory fields and computes the amounts of a create request.
fn compute(user_id: &str, fields: Map<String, Value>) -> Result<StoredInvoice, CreateError> {
    if MANDATORY_FIELDS
        .iter()
        .any(|name| is_blank(fields.get(*name)))
    {
        return Err(CreateError::MissingMandatory);
    }
    let text = |name: &'static str| {
        fields
            .get(name)
            .and_then(scalar_text)
            .ok_or(CreateError::Invalid(name))
    };
    let items = fields
        .get("invoiceItems")
        .and_then(Value::as_array)
        .ok_or(CreateError::Invalid("invoiceItems"))?;
    let mut gross_amount = Decimal::ZERO;
    for item in items {
        gross_amount = gross_amount
            .checked_add(line_amount(item)?)
            .ok_or(CreateError::Invalid("invoiceItems"))?;
    }
    let vat_rate = fields
        .get("vatRate")
        .and_then(decimal)
        .and_then(PpnRate::full)
        .ok_or(CreateError::Invalid("vatRate"))?;
    let vat_amount = Rupiah::new(gross_amount)
        .ok()
        .and_then(|gross| vat_rate.tax_on(gross))
        .ok_or(CreateError::Invalid("invoiceItems"))?
        .amount();
    let grand_total = gross_amount
        .checked_add(vat_amount)
        .ok_or(CreateError::Invalid("invoiceItems"))?;
    let month = text("masaPajak")?
        .parse::<u8>()
        .ok()
        .filter(|month| (1..=12).contains(month))
        .ok_or(CreateError::Invalid("masaPajak"))?;
    let year = text("tahunPajak")?
        .parse::<u16>()
        .map_err(|_| CreateError::Invalid("tahunPajak"))?;
    let revision = match fields.get("revision") {
        None | Some(Value::Null) => 0,
        Some(value) => scalar_text(value)
            .and_then(|text| text.parse::<i64>().ok())
            .ok_or(CreateError::Invalid("revision"))?,
    };
    Ok(StoredInvoice {
        invoice_id: 0,
        user_id: user_id.to_owned(),
        invoice_number: text("invoiceNumber")?,
        invoice_date: text("invoiceDate")?,
        due_date: text("dueDate")?,
        gross_amount,
        vat_amount,
        grand_total,
        revision,
        tax_period: format!("{month:02}/{year:04}"),
        fields,
    })
}

/// quantity × unitPrice − discount of one item.
fn line_amount(item: &Value) -> Result<Decimal, CreateError> {
    let field = |name: &'static str, required: bool| match item.get(name) {
        None | Some(Value::Null) if !required => Ok(Decimal::ZERO),
        Some(Value::String(text)) if !required && text.trim().is_empty() => Ok(Decimal::ZERO),
        value => value.and_then(decimal).ok_or(CreateError::Invalid(name)),
    };
    field("quantity", true)?
        .checked_mul(field("unitPrice", true)?)
        .and_then(|amount| amount.checked_sub(field("discount", false).ok()?))
        .ok_or(CreateError::Invalid("invoiceItems"))
}

/// A decimal sent as a JSON number or string.
fn decimal(value: &Value) -> Option<Decimal> {
    let text = scalar_text(value)?;
    Decimal::from_str(text.trim())
        .or_else(|_| Decimal::from_scientific(text.trim()))
        .ok()
}

/// The text of a string or number.
fn scalar_text(value: &Value) -> Option<String> {
    match value {
        Value::String(text) => Some(text.clone()),
        Value::Number(number) => Some(number.to_string()),
        _ => None,
    }
}

fn is_blank(value: Option<&Value>) -> bool {
    match value {
        None | Some(Value::Null) => true,
        Some(Value::String(text)) => text.trim().is_empty(),
        Some(Value::Array(items)) => items.is_empty(),
        Some(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn request(number: &str, items: Value, vat_rate: Value) -> Map<String, Value> {
        let value = json!({
            "invoiceNumber": number, "invoiceItems": items, "invoiceDate": "2024-03-05",
            "dueDate": "2024-04-05", "invoiceType": "A", "transactionType": "5",
            "transactionDetail": "1", "documentType": "1", "npwp": "01.000.521.8-093.010",
            "vendor": "PT Dreamland", "documentNumber": "010.000-24.00000004",
            "masaPajak": "3", "tahunPajak": 2024, "vatRate": vat_rate
        });
        match value {
            Value::Object(map) => map,
            _ => unreachable!("object literal"),
        }
    }

    #[test]
    fn amounts_are_exact_and_vat_is_floored() {
        let store = InvoiceStore::default();
        let items = json!([
            {"quantity": "3", "unitPrice": "33333.33", "discount": "0.99"},
            {"quantity": 2, "unitPrice": 1000, "discount": ""}
        ]);
        let invoice = store
            .create("u", request("A-1", items, json!("11")))
            .unwrap();
        let gross = Decimal::from_str("101999.00").unwrap();
        assert_eq!(invoice.gross_amount, gross);
        // 11% of 101999 is 11219.89, floored to 11219.
        assert_eq!(invoice.vat_amount, Decimal::from(11_219));
        assert_eq!(invoice.grand_total, Decimal::from(113_218));
        assert_eq!(invoice.tax_period, "03/2024");
        assert_eq!(invoice.invoice_id, FIRST_INVOICE_ID);
    }

    #[test]
    fn same_number_twice_is_a_duplicate_unless_old_id_is_sent() {
        let store = InvoiceStore::default();
        let items = json!([{"quantity": "1", "unitPrice": "100"}]);
        let first = store
            .create("u", request("A-2", items.clone(), json!(10)))
            .unwrap();
        let second = store
            .create("u", request("A-2", items.clone(), json!(10)))
            .unwrap();
        assert_eq!(second.invoice_id, first.invoice_id + 1);
        let mut update = Map::new();
        update.insert("old_id".to_owned(), json!(first.invoice_id));
        update.insert("vatRate".to_owned(), json!(12));
        let updated = store.create("u", update).unwrap();
        assert_eq!(updated.invoice_id, first.invoice_id);
        assert_eq!(updated.vat_amount, Decimal::from(12));
        assert_eq!(store.snapshot().len(), 2);
    }

    #[test]
    fn missing_and_invalid_fields_are_rejected() {
        let store = InvoiceStore::default();
        let mut missing = request(
            "A-3",
            json!([{"quantity": "1", "unitPrice": "1"}]),
            json!(10),
        );
        missing.remove("vendor");
        assert_eq!(
            store.create("u", missing),
            Err(CreateError::MissingMandatory)
        );
        let invalid = request(
            "A-3",
            json!([{"quantity": "x", "unitPrice": "1"}]),
            json!(10),
        );
        assert_eq!(
            store.create("u", invalid),
            Err(CreateError::Invalid("quantity"))
        );
        let sub_cent = request(
            "A-3",
            json!([{"quantity": "0.333", "unitPrice": "1.5"}]),
            json!(10),
        );
        assert_eq!(
            store.create("u", sub_cent),
            Err(CreateError::Invalid("invoiceItems"))
        );
        let mut unknown = Map::new();
        unknown.insert("old_id".to_owned(), json!(1));
        assert_eq!(store.create("u", unknown), Err(CreateError::UnknownOldId));
    }
}
