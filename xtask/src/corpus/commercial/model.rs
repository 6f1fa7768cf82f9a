//! The data of one synthetic commercial invoice and its ground truth.

use anyhow::Result;
use chrono::NaiveDate;
use fastrand::Rng;
use rust_decimal::Decimal;
use tax_core::id::terbilang;

use super::super::data::{self, ID_GOODS};
use super::super::ids;
use super::super::truth::Truth;

/// English or Indonesian labels and number style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CommercialLayout {
    /// `1,234.56`, English labels.
    English,
    /// `1.234,56`, Indonesian labels and months.
    Indonesian,
}

/// The knobs of one generated invoice.
#[derive(Debug, Clone, Copy)]
pub(crate) struct CommercialSpec {
    pub(crate) layout: CommercialLayout,
    pub(crate) seed: u64,
    pub(crate) date: NaiveDate,
    pub(crate) items: usize,
    pub(crate) usd: bool,
    pub(crate) discount: bool,
    pub(crate) vat: bool,
    pub(crate) words: bool,
    pub(crate) bank: bool,
    pub(crate) purchase_order: bool,
    /// Days from the invoice date to the due date, when one is printed.
    pub(crate) due_days: Option<u64>,
}

/// A party as printed.
#[derive(Debug, Clone)]
pub(crate) struct CommercialParty {
    pub(crate) name: String,
    pub(crate) address_lines: Vec<String>,
    pub(crate) tax_id: Option<String>,
}

/// One line of the table.
#[derive(Debug, Clone)]
pub(crate) struct CommercialItem {
    pub(crate) name: String,
    pub(crate) quantity: Decimal,
    pub(crate) unit: String,
    pub(crate) unit_price: Decimal,
    pub(crate) total: Decimal,
}

/// A payment account.
#[derive(Debug, Clone)]
pub(crate) struct Bank {
    pub(crate) name: String,
    pub(crate) account_number: String,
    pub(crate) account_name: String,
}

/// A complete invoice.
#[derive(Debug, Clone)]
pub(crate) struct CommercialInvoice {
    pub(crate) layout: CommercialLayout,
    pub(crate) number: String,
    pub(crate) invoice_date: NaiveDate,
    pub(crate) due_date: Option<NaiveDate>,
    pub(crate) currency: &'static str,
    pub(crate) vendor: CommercialParty,
    pub(crate) customer: CommercialParty,
    pub(crate) purchase_order: Option<String>,
    pub(crate) items: Vec<CommercialItem>,
    pub(crate) subtotal: Decimal,
    pub(crate) discount: Option<Decimal>,
    pub(crate) vat: Option<Decimal>,
    pub(crate) vat_percent: u32,
    pub(crate) total: Decimal,
    pub(crate) total_in_words: Option<String>,
    pub(crate) bank: Option<Bank>,
}

const BANKS: [&str; 5] = ["BCA", "Mandiri", "BNI", "BRI", "CIMB Niaga"];

/// Builds the invoice described by `spec`.
pub(crate) fn build(spec: &CommercialSpec) -> Result<CommercialInvoice> {
    let mut rng = Rng::with_seed(spec.seed);
    let vendor_name = data::id_company(&mut rng);
    let vendor = CommercialParty {
        address_lines: data::id_address_lines(&mut rng),
        tax_id: Some(ids::npwp(&mut rng)?.to_string()),
        name: vendor_name.clone(),
    };
    let mut customer_name = data::id_company(&mut rng);
    while customer_name == vendor_name {
        customer_name = data::id_company(&mut rng);
    }
    let customer = CommercialParty {
        name: customer_name,
        address_lines: data::id_address_lines(&mut rng),
        tax_id: rng
            .bool()
            .then(|| ids::npwp(&mut rng))
            .transpose()?
            .map(|n| n.to_string()),
    };
    let mut items = Vec::new();
    for _ in 0..spec.items {
        let (name, unit, low, high) = ID_GOODS[rng.usize(..ID_GOODS.len())];
        let unit_price = if spec.usd {
            Decimal::new(i64::from(rng.u32(low / 160..high / 150 + 200)), 2)
        } else {
            Decimal::from(rng.u32(low / 500..=high / 500) * 500)
        };
        let quantity = Decimal::from(rng.u32(1..20));
        items.push(CommercialItem {
            name: name.to_owned(),
            quantity,
            unit: unit.to_owned(),
            unit_price,
            total: unit_price * quantity,
        });
    }
    let subtotal: Decimal = items.iter().map(|i| i.total).sum();
    let discount = spec
        .discount
        .then(|| (subtotal * Decimal::new(5, 2)).round_dp(if spec.usd { 2 } else { 0 }));
    let taxable = subtotal - discount.unwrap_or_default();
    let vat_percent = if spec.date < NaiveDate::from_ymd_opt(2022, 4, 1).unwrap_or_default() {
        10
    } else {
        11
    };
    let vat = spec.vat.then(|| {
        (taxable * Decimal::from(vat_percent) / Decimal::ONE_HUNDRED).round_dp(if spec.usd {
            2
        } else {
            0
        })
    });
    let total = taxable + vat.unwrap_or_default();
    let words = (spec.words && !spec.usd)
        .then(|| {
            u64::try_from(total.trunc().mantissa())
                .ok()
                .map(terbilang::to_rupiah_words)
        })
        .flatten();
    let year = chrono::Datelike::year(&spec.date);
    let number = match spec.layout {
        CommercialLayout::English => format!("INV/{year}/{:04}", rng.u16(1..3000)),
        CommercialLayout::Indonesian => format!(
            "{:03}/INV/{}/{year}",
            rng.u16(1..999),
            [
                "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"
            ][chrono::Datelike::month0(&spec.date) as usize]
        ),
    };
    let bank = spec.bank.then(|| Bank {
        name: data::pick(&mut rng, &BANKS).to_owned(),
        account_number: ids::digits(&mut rng, 10),
        account_name: vendor_name.clone(),
    });
    Ok(CommercialInvoice {
        layout: spec.layout,
        number,
        invoice_date: spec.date,
        due_date: spec
            .due_days
            .map(|days| spec.date + chrono::Days::new(days)),
        currency: if spec.usd { "USD" } else { "IDR" },
        vendor,
        customer,
        purchase_order: spec
            .purchase_order
            .then(|| format!("PO-{}", ids::digits(&mut rng, 6))),
        items,
        subtotal,
        discount,
        vat,
        vat_percent,
        total,
        total_in_words: words,
        bank,
    })
}

impl CommercialInvoice {
    /// The ground truth of this invoice printed on `pages` pages.
    pub(crate) fn truth(&self, layout_name: &str, pages: usize) -> Truth {
        let mut truth = Truth::document("commercial_invoice", layout_name, pages, true);
        truth.text("number", &self.number);
        truth.value("invoice_date", &self.invoice_date);
        if let Some(due) = &self.due_date {
            truth.value("due_date", due);
        }
        truth.text("currency", self.currency);
        for (prefix, party) in [("vendor", &self.vendor), ("customer", &self.customer)] {
            truth.text(format!("{prefix}.name"), &party.name);
            truth.text(format!("{prefix}.address"), &party.address_lines.join(" "));
            if let Some(tax_id) = &party.tax_id {
                truth.text(format!("{prefix}.tax_id"), tax_id);
            }
        }
        truth.value("subtotal", &self.subtotal);
        if let Some(discount) = &self.discount {
            truth.value("discount", discount);
        }
        if let Some(vat) = &self.vat {
            truth.value("vat", vat);
        }
        truth.value("total", &self.total);
        if let Some(words) = &self.total_in_words {
            truth.text("total_in_words", words);
        }
        if let Some(po) = &self.purchase_order {
            truth.text("purchase_order", po);
        }
        for (index, item) in self.items.iter().enumerate() {
            let prefix = format!("items[{index}]");
            truth.text(format!("{prefix}.name"), &item.name);
            truth.value(format!("{prefix}.quantity"), &item.quantity);
            truth.value(format!("{prefix}.unit_price"), &item.unit_price);
            truth.value(format!("{prefix}.total"), &item.total);
            truth.text(format!("{prefix}.unit"), &item.unit);
        }
        if let Some(bank) = &self.bank {
            truth.text("payment_banks[0].bank_name", &bank.name);
            truth.text("payment_banks[0].account_number", &bank.account_number);
            truth.text("payment_banks[0].account_name", &bank.account_name);
        }
        truth
    }
}
