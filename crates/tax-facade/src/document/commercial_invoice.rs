//! A commercial invoice as read by a general invoice OCR.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use tax_core::id::Npwp;

use super::{Field, FieldList, named_fields};

/// A commercial invoice. Amounts are plain decimals because the currency varies; the
/// currency as printed is in [`CommercialInvoice::currency`].
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
pub struct CommercialInvoice {
    /// Invoice number.
    pub number: Field<String>,
    /// Invoice date.
    pub invoice_date: Field<NaiveDate>,
    /// Payment due date.
    pub due_date: Field<NaiveDate>,
    /// Currency as printed (`"IDR"`, `"Rp"`, `"USD"`).
    pub currency: Field<String>,
    /// The seller.
    pub vendor: InvoiceParty,
    /// The buyer.
    pub customer: InvoiceParty,
    /// Sum of the lines before discount and tax.
    pub subtotal: Field<Decimal>,
    /// Discount.
    pub discount: Field<Decimal>,
    /// VAT (PPN).
    pub vat: Field<Decimal>,
    /// Income tax (PPh) withheld.
    pub income_tax: Field<Decimal>,
    /// All taxes together, as printed.
    pub total_tax: Field<Decimal>,
    /// Amount due.
    pub total: Field<Decimal>,
    /// Amount due in words (terbilang), when printed.
    pub total_in_words: Field<String>,
    /// Down payment.
    pub down_payment: Field<Decimal>,
    /// Voucher.
    pub voucher: Field<Decimal>,
    /// Purchase order number.
    pub purchase_order: Field<String>,
    /// Goods and services lines.
    pub items: Vec<InvoiceItem>,
    /// Bank accounts to pay into.
    pub payment_banks: Vec<PaymentBank>,
}

/// A seller or buyer on a commercial invoice.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
pub struct InvoiceParty {
    /// Name.
    pub name: Field<String>,
    /// Address.
    pub address: Field<String>,
    /// Tax id as printed.
    pub tax_id: Field<String>,
    /// The tax id as an NPWP, when it is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub npwp: Option<Npwp>,
}

impl InvoiceParty {
    /// A party whose `npwp` is filled in when the tax id parses as an NPWP (check digit
    /// aside; validation reports a failing check digit).
    pub fn new(name: Field<String>, address: Field<String>, tax_id: Field<String>) -> Self {
        let npwp = tax_id
            .get()
            .and_then(|id| Npwp::parse_ignoring_checksum(id).ok());
        Self {
            name,
            address,
            tax_id,
            npwp,
        }
    }
}

/// One line of a commercial invoice.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
pub struct InvoiceItem {
    /// Description.
    pub name: Field<String>,
    /// Quantity.
    pub quantity: Field<Decimal>,
    /// Price per unit.
    pub unit_price: Field<Decimal>,
    /// Line total.
    pub total: Field<Decimal>,
    /// Product code.
    pub product_code: Field<String>,
    /// Unit of quantity.
    pub unit: Field<String>,
}

/// A bank account printed for payment.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
pub struct PaymentBank {
    /// Bank name.
    pub bank_name: Field<String>,
    /// Account number.
    pub account_number: Field<String>,
    /// Account holder.
    pub account_name: Field<String>,
}

impl CommercialInvoice {
    /// Every field with its path.
    pub fn fields(&self) -> FieldList<'_> {
        let mut list: FieldList<'_> =
            named_fields!("", self, [number, invoice_date, due_date, currency]);
        for (prefix, party) in [("vendor", &self.vendor), ("customer", &self.customer)] {
            list.extend(named_fields!(prefix, party, [name, address, tax_id]));
        }
        list.extend(named_fields!(
            "",
            self,
            [
                subtotal,
                discount,
                vat,
                income_tax,
                total_tax,
                total,
                total_in_words,
                down_payment,
                voucher,
                purchase_order
            ]
        ));
        for (index, item) in self.items.iter().enumerate() {
            let prefix = format!("items[{index}]");
            list.extend(named_fields!(
                &prefix,
                item,
                [name, quantity, unit_price, total, product_code, unit]
            ));
        }
        for (index, bank) in self.payment_banks.iter().enumerate() {
            let prefix = format!("payment_banks[{index}]");
            list.extend(named_fields!(
                &prefix,
                bank,
                [bank_name, account_number, account_name]
            ));
        }
        list
    }
}
