//! The goods and services table of a Faktur Pajak.
//!
//! Both layouts print a row number, (Coretax) a goods code, the name, and the line's
//! `Harga Jual` amount; under the name come the sub-lines `Rp 750.000,00 x 2 Unit`
//! (unit price, quantity, unit), `Potongan Harga = Rp 0,00` (discount) and
//! `PPnBM (0,00%) = Rp 0,00`. A name may wrap onto several lines before the sub-lines; a row
//! may continue on the next page below a repeated header.

use super::fields::{FieldSink, Source};
use super::layout::{Area, Layout, Line, Span};
use super::numbers::{is_amount, parse_money_in, parse_quantity};
use super::table::{Table, continues_row, find_table};
use super::text::{find_label, normalize};
use crate::document::FakturItem;
use crate::parse::NumberStyle;

/// Faktur amounts group thousands with dots: `1.500.000,00`.
pub(super) const STYLE: NumberStyle = NumberStyle::DotGrouping;

/// The labels that end the table: the first line of the totals block.
pub(super) const TOTALS_START: &[&str] = &[
    "Harga Jual",
    "Dikurangi Potongan Harga",
    "Dikurangi Uang Muka",
    "Dasar Pengenaan Pajak",
];

/// The columns of the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Col {
    /// `No.`
    Number,
    /// `Kode Barang/Jasa` (Coretax).
    Code,
    /// `Nama Barang Kena Pajak / Jasa Kena Pajak`, with the sub-lines.
    Name,
    /// `Harga Jual / Penggantian / Uang Muka / Termin (Rp)`.
    Amount,
}

fn classify(text: &str) -> Option<Col> {
    let text = normalize(text);
    if text.contains("kodebarang") {
        Some(Col::Code)
    } else if text.contains("namabarang") {
        Some(Col::Name)
    } else if text.contains("hargajual") {
        Some(Col::Amount)
    } else if text == "no." || text == "no" {
        Some(Col::Number)
    } else {
        None
    }
}

fn starts_with_label(text: &str, labels: &[&str]) -> bool {
    labels
        .iter()
        .any(|label| find_label(text, label).is_some_and(|(start, _)| start == 0))
}

/// Finds the table in `area`.
pub(super) fn find(layout: &Layout<'_>, area: &Area) -> Option<Table<Col>> {
    find_table(layout, area, 2, &classify, &|line: &Line<'_>| {
        line.chunks()
            .first()
            .is_some_and(|first| starts_with_label(&first.text, TOTALS_START))
            && line
                .chunks()
                .iter()
                .filter(|c| classify(&c.text).is_some())
                .count()
                < 2
    })
}

/// What a row collects before it becomes a [`FakturItem`].
#[derive(Debug, Default)]
struct Row {
    code: Option<Span>,
    name: Option<Span>,
    amount: Option<Span>,
    price_line: Option<Span>,
    discount: Option<Span>,
    sub_lines_started: bool,
}

/// The items of `table`.
pub(super) fn items(
    layout: &Layout<'_>,
    table: &Table<Col>,
    sink: &mut FieldSink,
) -> Vec<FakturItem> {
    let has_number_column = table.columns.get(Col::Number).is_some();
    let mut rows: Vec<Row> = Vec::new();
    let mut last_line = None;
    for &index in &table.body {
        let Some(line) = layout.line(index) else {
            continue;
        };
        let cells = table.columns.cells(&line);
        let cell = |col: Col| -> Option<Span> {
            let mut span: Option<Span> = None;
            for (_, piece) in cells.iter().filter(|(key, _)| *key == col) {
                match &mut span {
                    Some(span) => span.extend(piece),
                    None => span = Some(piece.clone()),
                }
            }
            span
        };
        let number = cell(Col::Number).filter(|s| {
            s.text
                .trim_end_matches('.')
                .chars()
                .all(|c| c.is_ascii_digit())
        });
        let amount = cell(Col::Amount).filter(|s| is_amount(&s.text, STYLE));
        // A row starts at its number, or at an amount when the row above already has one
        // (a row number printed into the name cell, or no number column at all).
        let previous_has_amount = rows.last().is_none_or(|row| row.amount.is_some());
        let starts_row =
            (has_number_column && number.is_some()) || (amount.is_some() && previous_has_amount);
        if starts_row {
            rows.push(Row::default());
        } else if !continues_row(layout, last_line, index) {
            continue;
        }
        last_line = Some(index);
        let Some(row) = rows.last_mut() else {
            continue;
        };
        if row.amount.is_none() {
            row.amount = amount;
        }
        if row.code.is_none() {
            row.code = cell(Col::Code);
        }
        if let Some(name) = cell(Col::Name) {
            absorb_name_line(row, name);
        }
    }
    rows.iter()
        .enumerate()
        .map(|(index, row)| item(row, &format!("items[{index}]"), sink))
        .collect()
}

/// Sorts one line of the name column into the name or one of the sub-lines.
fn absorb_name_line(row: &mut Row, text: Span) {
    let folded = normalize(&text.text);
    if folded.starts_with("rp") && price_parts(&text.text).is_some() {
        row.price_line = Some(text);
        row.sub_lines_started = true;
    } else if folded.starts_with("potonganharga") {
        row.discount = Some(text);
        row.sub_lines_started = true;
    } else if folded.starts_with("ppnbm") {
        row.sub_lines_started = true;
    } else if !row.sub_lines_started {
        match &mut row.name {
            Some(name) => name.extend(&text),
            None => row.name = Some(text),
        }
    }
}

/// `Rp 750.000,00 x 2 Unit` → (`750.000,00`, `2`, `Unit`).
fn price_parts(text: &str) -> Option<(String, String, String)> {
    let body = text.trim();
    let body = body
        .get(2..)
        .filter(|_| body.get(..2).is_some_and(|p| p.eq_ignore_ascii_case("rp")))?;
    let body = body.trim_start_matches('.').trim();
    let (price, rest) = body
        .split_once(" x ")
        .or_else(|| body.split_once(" X "))
        .or_else(|| body.split_once('×'))?;
    let mut words = rest.split_whitespace();
    let quantity = words.next()?.to_owned();
    let unit = words.collect::<Vec<_>>().join(" ");
    is_amount(price, STYLE).then(|| (price.trim().to_owned(), quantity, unit))
}

/// The amount after `=` in `Potongan Harga = Rp 0,00`.
fn after_equals(text: &str) -> &str {
    text.rsplit_once('=')
        .map_or(text, |(_, amount)| amount)
        .trim()
}

fn item(row: &Row, path: &str, sink: &mut FieldSink) -> FakturItem {
    let at = |name: &str| format!("{path}.{name}");
    let rupiah = |text: &str| parse_money_in::<tax_core::Idr>(text, STYLE);
    let mut item = FakturItem {
        code: sink.text(row.code.as_ref(), Source::Layout),
        name: sink.text(row.name.as_ref(), Source::Layout),
        total: sink.parsed(row.amount.as_ref(), &at("total"), Source::Layout, rupiah),
        ..FakturItem::default()
    };
    if let Some(line) = &row.price_line
        && let Some((price, quantity, unit)) = price_parts(&line.text)
    {
        item.unit_price = sink.parsed(
            Some(&line.with_text(price)),
            &at("unit_price"),
            Source::Layout,
            rupiah,
        );
        item.quantity = sink.parsed(
            Some(&line.with_text(quantity)),
            &at("quantity"),
            Source::Layout,
            |q| parse_quantity(q, STYLE),
        );
        item.unit = sink.text(Some(&line.with_text(unit)), Source::Layout);
    }
    if let Some(line) = &row.discount {
        let amount = line.with_text(after_equals(&line.text));
        item.discount = sink.parsed(Some(&amount), &at("discount"), Source::Layout, rupiah);
    }
    item
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn price_lines_split_into_price_quantity_and_unit() {
        assert_eq!(
            price_parts("Rp 750.000,00 x 2,00 Kilogram"),
            Some((
                "750.000,00".to_owned(),
                "2,00".to_owned(),
                "Kilogram".to_owned()
            ))
        );
        assert_eq!(
            price_parts("Rp 1.000 x 3"),
            Some(("1.000".to_owned(), "3".to_owned(), String::new()))
        );
        assert_eq!(price_parts("Rpx"), None);
        assert_eq!(after_equals("Potongan Harga = Rp 0,00"), "Rp 0,00");
    }
}
