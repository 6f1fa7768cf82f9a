//! Commercial invoices, English (`INVOICE`, `Invoice No`, `Bill To`) and Indonesian
//! (`FAKTUR`, `No. Invoice`, `Kepada Yth.`).
//!
//! The vendor is the block at the top left (name, address lines, `NPWP`/`Tax ID`); the
//! customer is the block under `Bill To` / `Kepada Yth.`; both are left-aligned blocks read
//! until a label or a gap. Labels are matched at the start of a chunk so that `Date` does not
//! match inside `Due Date`. The number style (`1.500.000,00` or `1,500,000.00`) is detected
//! from the document.

use super::commercial_table::{self, total_line};
use super::dates::{DayOrder, parse_printed_date_in};
use super::fields::{FieldSink, Source};
use super::geometry::is_close_below;
use super::layout::{Area, LabelHit, Layout, Span, starts_with_any};
use super::numbers::detect_style;
use super::text::{is_placeholder, normalize};
use crate::document::{CommercialInvoice, InvoiceParty, PaymentBank};
use crate::parse::NumberStyle;
use tax_core::ValidationReport;

const NUMBER: &[&str] = &[
    "Invoice Number",
    "Invoice No.",
    "Invoice No",
    "Invoice #",
    "No. Invoice",
    "Nomor Invoice",
    "No. Faktur",
    "Nomor Faktur",
    "Nomor",
];
const DUE_DATE: &[&str] = &[
    "Due Date",
    "Tanggal Jatuh Tempo",
    "Jatuh Tempo",
    "Payment Due",
];
const INVOICE_DATE: &[&str] = &[
    "Invoice Date",
    "Tanggal Invoice",
    "Tanggal Faktur",
    "Tanggal",
    "Date",
];
const PURCHASE_ORDER: &[&str] = &[
    "PO Number",
    "PO No.",
    "PO No",
    "P.O. Number",
    "Purchase Order",
    "No. PO",
    "Nomor PO",
    "PO",
];
const CURRENCY: &[&str] = &["Currency", "Mata Uang"];
const TAX_ID: &[&str] = &["NPWP", "Tax ID", "Tax Number", "VAT No"];
const CUSTOMER: &[&str] = &[
    "Bill To",
    "Billed To",
    "Invoice To",
    "Sold To",
    "Ditagihkan Kepada",
    "Kepada Yth.",
    "Kepada Yth",
    "Kepada",
    "Customer",
    "Pelanggan",
];
/// Labels only English documents print; their numeric dates are month first.
const ENGLISH: &[&str] = &[
    "Invoice Date",
    "Due Date",
    "Bill To",
    "Billed To",
    "Invoice No",
    "Invoice Number",
];
const WORDS: &[&str] = &["Amount in words", "In words", "Terbilang", "Say"];
const BANK: &[&str] = &["Bank Name", "Nama Bank", "Bank"];
const ACCOUNT_NUMBER: &[&str] = &[
    "Account Number",
    "Account No.",
    "Account No",
    "No. Rekening",
    "Nomor Rekening",
    "No. Rek",
];
const ACCOUNT_NAME: &[&str] = &["Account Name", "Atas Nama", "A/N"];
const TITLES: &[&str] = &[
    "invoice",
    "faktur",
    "tagihan",
    "notatagihan",
    "commercialinvoice",
    "taxinvoice",
    "salesinvoice",
    "fakturpenjualan",
];

/// Every label a value must stop before, and a block line must not start with.
const LABELS: &[&[&str]] = &[
    NUMBER,
    DUE_DATE,
    INVOICE_DATE,
    PURCHASE_ORDER,
    CURRENCY,
    TAX_ID,
    CUSTOMER,
    WORDS,
    BANK,
    ACCOUNT_NUMBER,
    ACCOUNT_NAME,
];

fn all_labels() -> Vec<&'static str> {
    LABELS
        .iter()
        .flat_map(|group| group.iter().copied())
        .collect()
}

/// Reads a commercial invoice from the text layer.
pub(super) fn recognize(layout: &Layout<'_>) -> (CommercialInvoice, ValidationReport) {
    let style = detect_style(
        layout
            .texts()
            .collect::<Vec<_>>()
            .iter()
            .map(String::as_str),
    );
    let mut reader = Reader {
        layout,
        stops: all_labels(),
        day_order: DayOrder::DayFirst,
    };
    if reader.find(&layout.all(), ENGLISH, &[]).is_some() {
        reader.day_order = DayOrder::MonthFirst;
    }
    let mut sink = FieldSink::default();
    let all = layout.all();
    let mut invoice = CommercialInvoice {
        number: reader.text(&all, NUMBER, &[], &mut sink),
        invoice_date: reader.date(&all, INVOICE_DATE, DUE_DATE, "invoice_date", &mut sink),
        due_date: reader.date(&all, DUE_DATE, &[], "due_date", &mut sink),
        purchase_order: reader.text(&all, PURCHASE_ORDER, &[], &mut sink),
        currency: reader.text(&all, CURRENCY, &[], &mut sink),
        ..CommercialInvoice::default()
    };
    let table = commercial_table::find(layout, &all, style);
    let after_table = match &table {
        Some(table) => {
            invoice.items = commercial_table::items(layout, table, style, &mut sink);
            table.end.unwrap_or(table.header + 1)
        }
        None => 0,
    };
    commercial_table::totals(
        layout,
        &Area::lines(after_table..layout.len()),
        style,
        &mut invoice,
        &mut sink,
    );
    let header_end = table.as_ref().map_or(layout.len(), |t| t.header);
    invoice.customer = reader.customer(header_end, &mut sink);
    invoice.vendor = reader.vendor(header_end, &mut sink);
    invoice.total_in_words = reader.words(&mut sink);
    invoice.payment_banks = reader.banks(&mut sink);
    if invoice.currency.is_empty() {
        invoice.currency = currency_marker(layout, after_table, style, &mut sink);
    }
    (invoice, sink.findings)
}

/// The currency printed before the total (`Rp`, `IDR`, `USD`), when no `Currency` label is.
fn currency_marker(
    layout: &Layout<'_>,
    from: usize,
    style: NumberStyle,
    sink: &mut FieldSink,
) -> crate::document::Field<String> {
    let marker = layout
        .lines_in(&Area::lines(from..layout.len()))
        .filter_map(|(_, line)| total_line(&line, style))
        .find_map(|(_, span)| {
            let code: String = span
                .text
                .chars()
                .take_while(|c| c.is_alphabetic() || *c == '$')
                .collect();
            let code = code.trim_end_matches('.').to_owned();
            (!code.is_empty()).then(|| span.with_text(code))
        });
    sink.text(marker.as_ref(), Source::Layout)
}

/// Label searches over one layout.
struct Reader<'l, 'a> {
    layout: &'l Layout<'a>,
    stops: Vec<&'static str>,
    /// How numeric dates are read: month first on documents with English labels.
    day_order: DayOrder,
}

impl Reader<'_, '_> {
    /// The first of `labels` at the start of a chunk in `area`, skipping chunks that start
    /// with one of `excluded`.
    fn find(&self, area: &Area, labels: &[&str], excluded: &[&str]) -> Option<LabelHit> {
        self.layout
            .find_all(area, labels)
            .into_iter()
            .filter(|hit| hit.start == 0)
            .find(|hit| {
                self.layout
                    .chunk(hit)
                    .is_some_and(|chunk| !starts_with_any(&chunk.text, excluded))
            })
    }

    fn value(&self, area: &Area, labels: &[&str], excluded: &[&str]) -> Option<Span> {
        let hit = self.find(area, labels, excluded)?;
        self.layout
            .value(&hit, area, &self.stops)
            .filter(|span| !is_placeholder(&span.text))
    }

    fn text(
        &self,
        area: &Area,
        labels: &[&str],
        excluded: &[&str],
        sink: &mut FieldSink,
    ) -> crate::document::Field<String> {
        let span = self.value(area, labels, excluded);
        sink.text(span.as_ref(), Source::Labeled)
    }

    fn date(
        &self,
        area: &Area,
        labels: &[&str],
        excluded: &[&str],
        path: &str,
        sink: &mut FieldSink,
    ) -> crate::document::Field<chrono::NaiveDate> {
        let span = self.value(area, labels, excluded);
        sink.parsed(span.as_ref(), path, Source::Labeled, |text| {
            parse_printed_date_in(text, self.day_order)
        })
    }

    /// Whether the chunk of `hit` is a label: nothing after it but a colon and a value
    /// (`Bank: BCA`, `Bank`), not a value that starts like one (`Bank Mandiri`).
    fn is_label_chunk(&self, hit: &LabelHit) -> bool {
        self.layout.chunk(hit).is_some_and(|chunk| {
            let rest = chunk.text.get(hit.end..).unwrap_or_default().trim_start();
            rest.is_empty() || rest.starts_with([':', '：'])
        })
    }

    fn is_label(&self, text: &str) -> bool {
        starts_with_any(text, &self.stops)
    }

    /// A left-aligned block starting with `first` (the name): the lines below it aligned
    /// with it, close together, up to a label. Returns the name, the address and the line
    /// index after the block.
    fn block(&self, first: Span, first_line: usize, limit: usize) -> (Span, Option<Span>) {
        let mut address: Option<Span> = None;
        let mut previous = first.bbox;
        for (_, line) in self.layout.lines_in(&Area::lines(first_line + 1..limit)) {
            let Some(chunk) = line
                .chunks()
                .iter()
                .find(|c| aligned(c.bbox.x0, first.bbox.x0, c.font_size))
            else {
                break;
            };
            if line.page != first.page
                || !is_close_below(previous, chunk.bbox, chunk.font_size.max(1.0))
                || self.is_label(&chunk.text)
                || is_title(&chunk.text)
            {
                break;
            }
            let span = Span::of_chunk(chunk, line.page);
            match &mut address {
                Some(address) => address.extend(&span),
                None => address = Some(span),
            }
            previous = chunk.bbox;
        }
        (first, address)
    }

    /// The tax id printed in the block that starts at line `start` and is aligned at `x`.
    fn block_tax_id(&self, start: usize, limit: usize, x: f32) -> Option<Span> {
        let area = Area::lines(start..limit);
        self.layout
            .find_all(&area, TAX_ID)
            .into_iter()
            .filter(|hit| hit.start == 0)
            .find(|hit| {
                self.layout
                    .chunk(hit)
                    .is_some_and(|c| aligned(c.bbox.x0, x, c.font_size))
            })
            .and_then(|hit| self.layout.value(&hit, &area, &self.stops))
            .filter(|span| !is_placeholder(&span.text))
    }

    fn party(&self, name: Span, line: usize, limit: usize, sink: &mut FieldSink) -> InvoiceParty {
        let x = name.bbox.x0;
        let (name, address) = self.block(name, line, limit);
        let tax_id = self.block_tax_id(line, limit, x);
        InvoiceParty::new(
            sink.text(Some(&name), Source::Layout),
            sink.text(address.as_ref(), Source::Layout),
            sink.text(tax_id.as_ref(), Source::Labeled),
        )
    }

    /// The customer: the block under (or right of) `Bill To` / `Kepada Yth.`.
    fn customer(&self, limit: usize, sink: &mut FieldSink) -> InvoiceParty {
        let all = self.layout.all();
        let Some(hit) = self.find(&all, CUSTOMER, &[]) else {
            return InvoiceParty::default();
        };
        let first = match self.layout.value(&hit, &all, &self.stops) {
            Some(span) => Some((span, hit.line)),
            None => self.layout.chunk(&hit).and_then(|label| {
                let below = Area::lines(hit.line + 1..limit);
                self.layout
                    .lines_in(&below)
                    .next()
                    .and_then(|(index, line)| {
                        line.chunks()
                            .iter()
                            .find(|c| aligned(c.bbox.x0, label.bbox.x0, c.font_size))
                            .map(|c| (Span::of_chunk(c, line.page), index))
                    })
            }),
        };
        match first {
            Some((name, line)) => self.party(name, line, limit, sink),
            None => InvoiceParty::default(),
        }
    }

    /// The vendor: the first block of the page that is neither a title nor a label.
    fn vendor(&self, limit: usize, sink: &mut FieldSink) -> InvoiceParty {
        let area = Area::lines(0..limit);
        let customer_line = self
            .find(&self.layout.all(), CUSTOMER, &[])
            .map(|hit| hit.line);
        let first = self.layout.lines_in(&area).find_map(|(index, line)| {
            if customer_line.is_some_and(|c| index >= c) {
                return None;
            }
            line.chunks()
                .iter()
                .find(|c| {
                    !is_title(&c.text)
                        && !self.is_label(&c.text)
                        && c.text.chars().any(char::is_alphabetic)
                })
                .map(|c| (Span::of_chunk(c, line.page), index))
        });
        match first {
            Some((name, line)) => {
                let end = customer_line.unwrap_or(limit).min(limit);
                self.party(name, line, end, sink)
            }
            None => InvoiceParty::default(),
        }
    }

    /// The amount in words, with the lines it wraps onto.
    fn words(&self, sink: &mut FieldSink) -> crate::document::Field<String> {
        let all = self.layout.all();
        let span = self.find(&all, WORDS, &[]).and_then(|hit| {
            self.layout
                .wrapped_value(&hit, &all, &self.stops, &|text| self.is_label(text))
        });
        sink.text(span.as_ref(), Source::Labeled)
    }

    /// Each `Bank` label starts an account; the account number and name after it belong to it.
    fn banks(&self, sink: &mut FieldSink) -> Vec<PaymentBank> {
        let all = self.layout.all();
        let banks: Vec<LabelHit> = self
            .layout
            .find_all(&all, BANK)
            .into_iter()
            .filter(|hit| hit.start == 0 && self.is_label_chunk(hit))
            .collect();
        banks
            .iter()
            .enumerate()
            .map(|(index, hit)| {
                let end = banks
                    .get(index + 1)
                    .map_or(self.layout.len(), |next| next.line);
                let area = Area::lines(hit.line..end);
                PaymentBank {
                    bank_name: sink.text(
                        self.layout.value(hit, &all, &self.stops).as_ref(),
                        Source::Labeled,
                    ),
                    account_number: self.text(&area, ACCOUNT_NUMBER, &[], sink),
                    account_name: self.text(&area, ACCOUNT_NAME, &[], sink),
                }
            })
            .filter(|bank| !bank.bank_name.is_empty() || !bank.account_number.is_empty())
            .collect()
    }
}

/// Whether the text is a document title (`INVOICE`, `FAKTUR`, `Tax Invoice`, …).
fn is_title(text: &str) -> bool {
    TITLES.contains(&normalize(text).as_str())
}

/// Whether a left edge `x` lines up with a block's left edge `block_x`.
#[allow(clippy::float_arithmetic)] // page coordinates, not amounts
fn aligned(x: f32, block_x: f32, font_size: f32) -> bool {
    (x - block_x).abs() <= font_size.max(1.0) * 1.5
}
