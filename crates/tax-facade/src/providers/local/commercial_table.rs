//! The lines table and the totals block of a commercial invoice.
//!
//! Header cells are matched whole (`Description`, `Qty`, `Unit`, `Unit Price`, `Amount`;
//! `Keterangan`, `Kuantitas`, `Satuan`, `Harga Satuan`, `Jumlah`, …). A row is a line with an
//! amount; lines without one continue the description above. Totals are `label … amount`
//! lines (`Subtotal`, `Discount`, `VAT 11%`, `PPN 11%`, `Total`, …), matched on the whole
//! label with any percentage or currency marker removed.

use rust_decimal::Decimal;

use super::fields::{FieldSink, Source};
use super::layout::{Area, Layout, Line, Span};
use super::numbers::{is_amount, parse_decimal, parse_quantity};
use super::table::{Table, find_table};
use super::text::normalize;
use crate::document::{CommercialInvoice, Field, InvoiceItem};
use crate::parse::NumberStyle;

/// The columns of the lines table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Col {
    /// Row number.
    Number,
    /// Product code.
    Code,
    /// Description.
    Description,
    /// Quantity.
    Quantity,
    /// Unit.
    Unit,
    /// Unit price.
    UnitPrice,
    /// Line amount.
    Amount,
}

/// A header cell without currency markers: `Amount (IDR)` → `amount`.
fn header_key(text: &str) -> String {
    let folded = normalize(text);
    let mut key = folded.trim_end_matches(':').to_owned();
    for marker in ["(rp)", "(idr)", "(usd)", "(rp.)", "(cny)"] {
        if let Some(stripped) = key.strip_suffix(marker) {
            key = stripped.to_owned();
        }
    }
    key
}

fn classify(text: &str) -> Option<Col> {
    let key = header_key(text);
    let col = match key.as_str() {
        "no" | "no." | "#" => Col::Number,
        "code" | "kode" | "sku" | "itemcode" | "kodebarang" | "productcode" => Col::Code,
        "description" | "keterangan" | "item" | "items" | "uraian" | "namabarang" | "deskripsi"
        | "product" | "produk" | "barang" | "itemdescription" | "namaproduk" => Col::Description,
        "qty" | "qty." | "quantity" | "kuantitas" | "banyaknya" | "jml" => Col::Quantity,
        "unit" | "satuan" | "uom" => Col::Unit,
        "unitprice" | "hargasatuan" | "price" | "harga" | "rate" | "priceperunit" => Col::UnitPrice,
        "amount" | "jumlah" | "total" | "linetotal" | "totalharga" | "subtotal" | "jumlahharga" => {
            Col::Amount
        }
        _ => return None,
    };
    Some(col)
}

/// What a totals line holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum TotalsRow {
    /// Sum of the lines.
    Subtotal,
    /// Discount.
    Discount,
    /// VAT (PPN).
    Vat,
    /// Income tax withheld (PPh).
    IncomeTax,
    /// All taxes.
    TotalTax,
    /// Down payment.
    DownPayment,
    /// Voucher.
    Voucher,
    /// Amount due.
    Total,
}

/// The kind of a totals label, after removing a trailing percentage (`11%`, `(11%)`) and
/// currency marker.
pub(super) fn total_kind(label: &str) -> Option<TotalsRow> {
    let mut key = header_key(label);
    loop {
        let before = key.clone();
        for suffix in ["rp", "idr", "usd", "rp.", "="] {
            if let Some(stripped) = key.strip_suffix(suffix) {
                key = stripped.to_owned();
            }
        }
        let without_percent = strip_percent(&key);
        key = without_percent.trim_end_matches(':').to_owned();
        if key == before {
            break;
        }
    }
    let kind = match key.as_str() {
        "subtotal" | "sub-total" | "jumlahsebelumpajak" | "dpp" => TotalsRow::Subtotal,
        "discount" | "diskon" | "potongan" | "potonganharga" => TotalsRow::Discount,
        "vat" | "ppn" | "tax" | "pajak" | "ppn(vat)" | "vat(ppn)" => TotalsRow::Vat,
        "pph" | "pph23" | "pph21" | "withholdingtax" | "incometax" => TotalsRow::IncomeTax,
        "totaltax" | "totalpajak" => TotalsRow::TotalTax,
        "downpayment" | "uangmuka" | "dp" => TotalsRow::DownPayment,
        "voucher" => TotalsRow::Voucher,
        "total" | "grandtotal" | "totaldue" | "amountdue" | "totaltagihan" | "totalbayar"
        | "totalamount" | "jumlahtotal" | "balancedue" => TotalsRow::Total,
        _ => return None,
    };
    Some(kind)
}

/// `vat11%` → `vat`, `ppn(11%)` → `ppn`.
fn strip_percent(key: &str) -> String {
    let Some(body) = key.strip_suffix('%').or_else(|| key.strip_suffix("%)")) else {
        return key.to_owned();
    };
    let trimmed = body.trim_end_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ',');
    trimmed.strip_suffix('(').unwrap_or(trimmed).to_owned()
}

/// A totals line: its kind and the amount (the last amount on the line).
pub(super) fn total_line(line: &Line<'_>, style: NumberStyle) -> Option<(TotalsRow, Span)> {
    let chunks = line.chunks();
    let (position, amount) = chunks
        .iter()
        .enumerate()
        .rev()
        .find(|(_, c)| is_amount(&c.text, style))?;
    let label: String = chunks[..position]
        .iter()
        .map(|c| c.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    if let Some(kind) = total_kind(&label).filter(|_| !label.is_empty()) {
        return Some((kind, Span::of_chunk(amount, line.page)));
    }
    // Label and amount in one chunk: `Total Rp 1.665.000`.
    let words: Vec<&str> = amount.text.split_whitespace().collect();
    (1..words.len()).rev().find_map(|split| {
        let value = words[split..].join(" ");
        let kind = total_kind(&format!("{label} {}", words[..split].join(" ")))?;
        is_amount(&value, style).then(|| (kind, Span::of_chunk(amount, line.page).with_text(value)))
    })
}

/// Finds the lines table in `area`.
pub(super) fn find(layout: &Layout<'_>, area: &Area, style: NumberStyle) -> Option<Table<Col>> {
    find_table(layout, area, 3, &classify, &|line: &Line<'_>| {
        total_line(line, style).is_some()
    })
}

/// The items of `table`.
pub(super) fn items(
    layout: &Layout<'_>,
    table: &Table<Col>,
    style: NumberStyle,
    sink: &mut FieldSink,
) -> Vec<InvoiceItem> {
    let rows = table.rows(layout, Col::Description, |cells| {
        let has = |wanted: Col, test: &dyn Fn(&str) -> bool| {
            cells
                .iter()
                .any(|(col, span)| *col == wanted && test(&span.text))
        };
        // A row prints its amount; a row whose amount cannot be read still prints a
        // description and a quantity, and is a row, not a continuation.
        has(Col::Amount, &|t| is_amount(t, style))
            || (has(Col::Description, &|t| !t.trim().is_empty())
                && has(Col::Quantity, &|t| parse_quantity(t, style).is_ok()))
    });
    rows.iter()
        .enumerate()
        .map(|(index, row)| item(row, &format!("items[{index}]"), style, sink))
        .collect()
}

fn item(row: &[(Col, Span)], path: &str, style: NumberStyle, sink: &mut FieldSink) -> InvoiceItem {
    let cell = |col: Col| -> Option<Span> {
        let mut found: Option<Span> = None;
        for (_, span) in row.iter().filter(|(c, _)| *c == col) {
            match &mut found {
                Some(found) => found.extend(span),
                None => found = Some(span.clone()),
            }
        }
        found
    };
    let at = |name: &str| format!("{path}.{name}");
    let decimal = |text: &str| parse_decimal(text, style);
    let mut quantity = cell(Col::Quantity);
    let mut unit = cell(Col::Unit);
    // `2 pcs` in the quantity column when no unit column is printed.
    if unit.is_none()
        && let Some(span) = &quantity
        && let Some((number, rest)) = span.text.split_once(' ')
        && parse_quantity(number, style).is_ok()
    {
        unit = Some(span.with_text(rest.trim()));
        quantity = Some(span.with_text(number));
    }
    InvoiceItem {
        name: sink.text(cell(Col::Description).as_ref(), Source::Layout),
        quantity: sink.parsed(quantity.as_ref(), &at("quantity"), Source::Layout, |t| {
            parse_quantity(t, style)
        }),
        unit_price: sink.parsed(
            cell(Col::UnitPrice).as_ref(),
            &at("unit_price"),
            Source::Layout,
            decimal,
        ),
        total: sink.parsed(
            cell(Col::Amount).as_ref(),
            &at("total"),
            Source::Layout,
            decimal,
        ),
        product_code: sink.text(cell(Col::Code).as_ref(), Source::Layout),
        unit: sink.text(unit.as_ref(), Source::Layout),
    }
}

/// The totals block: every `label … amount` line in `area`, the first of each kind kept.
pub(super) fn totals(
    layout: &Layout<'_>,
    area: &Area,
    style: NumberStyle,
    invoice: &mut CommercialInvoice,
    sink: &mut FieldSink,
) {
    for (_, line) in layout.lines_in(area) {
        let Some((kind, span)) = total_line(&line, style) else {
            continue;
        };
        let (field, path): (&mut Field<Decimal>, &str) = match kind {
            TotalsRow::Subtotal => (&mut invoice.subtotal, "subtotal"),
            TotalsRow::Discount => (&mut invoice.discount, "discount"),
            TotalsRow::Vat => (&mut invoice.vat, "vat"),
            TotalsRow::IncomeTax => (&mut invoice.income_tax, "income_tax"),
            TotalsRow::TotalTax => (&mut invoice.total_tax, "total_tax"),
            TotalsRow::DownPayment => (&mut invoice.down_payment, "down_payment"),
            TotalsRow::Voucher => (&mut invoice.voucher, "voucher"),
            TotalsRow::Total => (&mut invoice.total, "total"),
        };
        if field.is_empty() {
            *field = sink.parsed(Some(&span), path, Source::Labeled, |t| {
                parse_decimal(t, style)
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn totals_labels_ignore_rates_and_currency() {
        assert_eq!(total_kind("VAT 11%"), Some(TotalsRow::Vat));
        assert_eq!(total_kind("PPN (11%)"), Some(TotalsRow::Vat));
        assert_eq!(total_kind("Total (IDR):"), Some(TotalsRow::Total));
        assert_eq!(total_kind("Sub Total"), Some(TotalsRow::Subtotal));
        assert_eq!(total_kind("Grand Total Rp"), Some(TotalsRow::Total));
        assert_eq!(total_kind("Description"), None);
    }

    #[test]
    fn header_cells_are_matched_whole() {
        assert_eq!(classify("Unit Price"), Some(Col::UnitPrice));
        assert_eq!(classify("Unit"), Some(Col::Unit));
        assert_eq!(classify("Amount (IDR)"), Some(Col::Amount));
        assert_eq!(classify("Harga Satuan"), Some(Col::UnitPrice));
        assert_eq!(classify("Unit Price Amount"), None);
    }
}
