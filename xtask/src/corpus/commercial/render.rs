//! The printed pages of a commercial invoice in English and Indonesian styles.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::super::canvas::{Face, PAGE_WIDTH, Page, wrap};
use super::super::flow::Flow;
use super::super::format::{en_amount, en_short_date, id_amount, id_long_date};
use super::model::{CommercialInvoice, CommercialLayout};

/// Visual variations.
#[derive(Debug, Clone, Copy)]
pub(crate) struct CommercialLook {
    /// Body font.
    pub(crate) face: Face,
    /// How dates are written in the English layout: 0 `15 Jan 2024`, 1 `2024-01-15`,
    /// 2 `01/15/2024`.
    pub(crate) date_style: u8,
}

const LINE: f32 = 13.0;
const LEFT: f32 = 45.0;
const RIGHT: f32 = PAGE_WIDTH - 45.0;

struct Labels {
    title: &'static str,
    number: &'static str,
    date: &'static str,
    due: &'static str,
    po: &'static str,
    bill_to: &'static str,
    columns: [&'static str; 5],
    subtotal: &'static str,
    discount: &'static str,
    vat: &'static str,
    total: &'static str,
    words: &'static str,
    bank: &'static str,
    account_number: &'static str,
    account_name: &'static str,
    currency: &'static str,
}

const ENGLISH: Labels = Labels {
    title: "INVOICE",
    number: "Invoice No:",
    date: "Invoice Date:",
    due: "Due Date:",
    po: "PO Number:",
    bill_to: "Bill To:",
    columns: ["Description", "Qty", "Unit", "Unit Price", "Amount"],
    subtotal: "Subtotal",
    discount: "Discount",
    vat: "VAT",
    total: "Total",
    words: "Amount in words:",
    bank: "Bank:",
    account_number: "Account No:",
    account_name: "Account Name:",
    currency: "Currency:",
};

const INDONESIAN: Labels = Labels {
    title: "FAKTUR",
    number: "No. Invoice:",
    date: "Tanggal:",
    due: "Jatuh Tempo:",
    po: "No. PO:",
    bill_to: "Kepada Yth.",
    columns: [
        "Keterangan",
        "Kuantitas",
        "Satuan",
        "Harga Satuan",
        "Jumlah",
    ],
    subtotal: "Subtotal",
    discount: "Diskon",
    vat: "PPN",
    total: "Total",
    words: "Terbilang:",
    bank: "Bank:",
    account_number: "No. Rekening:",
    account_name: "Atas Nama:",
    currency: "Mata Uang:",
};

/// Renders the invoice into pages.
pub(crate) fn render(invoice: &CommercialInvoice, look: &CommercialLook) -> Vec<Page> {
    let english = invoice.layout == CommercialLayout::English;
    let labels = if english { &ENGLISH } else { &INDONESIAN };
    let bold = if look.face == Face::Helvetica {
        Face::HelveticaBold
    } else {
        look.face
    };
    let face = look.face;
    let size = if face == Face::Courier { 8.0 } else { 9.0 };
    let amount = |value: Decimal| {
        if english {
            en_amount(value)
        } else {
            id_amount(value)
        }
    };
    let date = |value: NaiveDate| match (english, look.date_style) {
        (false, _) => id_long_date(value),
        (true, 1) => value.format("%Y-%m-%d").to_string(),
        (true, 2) => value.format("%m/%d/%Y").to_string(),
        (true, _) => en_short_date(value),
    };
    let mut flow = Flow::new(60.0, 790.0);
    let page = flow.page();
    page.text(LEFT, 60.0, 13.0, bold, &invoice.vendor.name);
    let mut y = 60.0 + LINE;
    for line in &invoice.vendor.address_lines {
        page.text(LEFT, y, size, face, line);
        y += LINE;
    }
    if let Some(tax_id) = &invoice.vendor.tax_id {
        page.text(LEFT, y, size, face, &format!("NPWP: {tax_id}"));
    }
    page.text_right(RIGHT, 64.0, 20.0, bold, labels.title);
    let mut meta = vec![
        (labels.number, invoice.number.clone()),
        (labels.date, date(invoice.invoice_date)),
    ];
    if let Some(due) = invoice.due_date {
        meta.push((labels.due, date(due)));
    }
    if let Some(po) = &invoice.purchase_order {
        meta.push((labels.po, po.clone()));
    }
    meta.push((labels.currency, invoice.currency.to_owned()));
    for (index, (label, value)) in meta.iter().enumerate() {
        let row_y = 90.0 + LINE * index as f32;
        page.text(360.0, row_y, size, face, label);
        page.text(440.0, row_y, size, face, value);
    }
    let mut y = 100.0 + LINE * meta.len().max(4) as f32;
    page.text(LEFT, y, size, bold, labels.bill_to);
    y += LINE;
    page.text(LEFT, y, size, face, &invoice.customer.name);
    y += LINE;
    for line in &invoice.customer.address_lines {
        page.text(LEFT, y, size, face, line);
        y += LINE;
    }
    if let Some(tax_id) = &invoice.customer.tax_id {
        page.text(LEFT, y, size, face, &format!("NPWP: {tax_id}"));
        y += LINE;
    }
    flow.y = y + LINE;

    let columns = [LEFT, 295.0, 328.0, 445.0, RIGHT];
    let header = |flow: &mut Flow| {
        let y = flow.y;
        let page = flow.page();
        page.rule(LEFT, RIGHT, y - LINE + 2.0);
        page.text(columns[0], y, size, bold, labels.columns[0]);
        page.text_right(columns[1] + 20.0, y, size, bold, labels.columns[1]);
        page.text(columns[2], y, size, bold, labels.columns[2]);
        page.text_right(columns[3], y, size, bold, labels.columns[3]);
        page.text_right(columns[4], y, size, bold, labels.columns[4]);
        page.rule(LEFT, RIGHT, y + 4.0);
        flow.advance(LINE + 4.0);
    };
    header(&mut flow);
    for item in &invoice.items {
        let lines = wrap(&item.name, face, size, 230.0);
        let height = LINE * lines.len() as f32 + 2.0;
        if !flow.fits(height) {
            flow.break_page();
            header(&mut flow);
        }
        let y = flow.y;
        let page = flow.page();
        for (index, line) in lines.iter().enumerate() {
            page.text(columns[0], y + LINE * index as f32, size, face, line);
        }
        page.text_right(columns[1] + 20.0, y, size, face, &item.quantity.to_string());
        page.text(columns[2], y, size, face, &item.unit);
        page.text_right(columns[3], y, size, face, &amount(item.unit_price));
        page.text_right(columns[4], y, size, face, &amount(item.total));
        flow.advance(height);
    }
    let mut totals = vec![(labels.subtotal.to_owned(), invoice.subtotal)];
    if let Some(discount) = invoice.discount {
        totals.push((labels.discount.to_owned(), discount));
    }
    if let Some(vat) = invoice.vat {
        totals.push((format!("{} {}%", labels.vat, invoice.vat_percent), vat));
    }
    totals.push((labels.total.to_owned(), invoice.total));
    if !flow.fits(LINE * (totals.len() + 8) as f32) {
        flow.break_page();
    }
    let y = flow.y;
    flow.page().rule(LEFT, RIGHT, y - LINE + 4.0);
    for (label, value) in &totals {
        let y = flow.y;
        let page = flow.page();
        let is_total = label == labels.total;
        page.text(360.0, y, size, if is_total { bold } else { face }, label);
        let printed = if is_total {
            format!("{} {}", invoice.currency, amount(*value))
        } else {
            amount(*value)
        };
        page.text_right(RIGHT, y, size, if is_total { bold } else { face }, &printed);
        flow.advance(LINE);
    }
    flow.advance(LINE);
    if let Some(words) = &invoice.total_in_words {
        let y = flow.y;
        flow.page()
            .text(LEFT, y, size, face, &format!("{} {words}", labels.words));
        flow.advance(LINE * 2.0);
    }
    if let Some(bank) = &invoice.bank {
        for (label, value) in [
            (labels.bank, &bank.name),
            (labels.account_number, &bank.account_number),
            (labels.account_name, &bank.account_name),
        ] {
            let y = flow.y;
            let page = flow.page();
            page.text(LEFT, y, size, face, label);
            page.text(LEFT + 75.0, y, size, face, value);
            flow.advance(LINE);
        }
    }
    flow.pages
}
