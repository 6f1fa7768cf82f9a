//! The goods and services table of a Chinese VAT invoice, and its 合计 line.
//!
//! Header `货物或应税劳务、服务名称 | 规格型号 | 单位 | 数量 | 单价 | 金额 | 税率 | 税额` (legacy)
//! or `项目名称 | … | 税率/征收率 | 税额` (fully digital). A row is a line with an amount; lines
//! without one continue the name of the row above. The table ends at `合计`.

use tax_core::cn::VatRate;
use tax_core::{Cny, Yuan};

use super::fields::{FieldSink, Source};
use super::layout::{Area, LabelHit, Layout, Line, Span};
use super::numbers::{is_amount, parse_decimal, parse_money_in, parse_quantity};
use super::table::{Columns, Table, find_table};
use super::text::{after_colon, find_label, normalize};
use crate::document::{CnVatItem, Field};
use crate::parse::NumberStyle;

/// Chinese invoices group thousands with commas: `1,234.56`.
pub(super) const STYLE: NumberStyle = NumberStyle::CommaGrouping;

/// The label of the totals line.
pub(super) const SUBTOTAL: &[&str] = &["合计"];

/// The label of the total with tax.
pub(super) const TOTAL_WORDS: &[&str] = &["价税合计(大写)", "价税合计"];

/// The columns of the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Col {
    /// 货物或应税劳务、服务名称 / 项目名称.
    Name,
    /// 规格型号.
    Specification,
    /// 单位.
    Unit,
    /// 数量.
    Quantity,
    /// 单价.
    UnitPrice,
    /// 金额.
    Amount,
    /// 税率 / 税率/征收率.
    Rate,
    /// 税额.
    Tax,
}

fn classify(text: &str) -> Option<Col> {
    let text = normalize(text);
    let has = |needle: &str| text.contains(needle);
    if has("规格") {
        Some(Col::Specification)
    } else if has("名称") || has("货物或应税劳务") {
        Some(Col::Name)
    } else if has("单位") {
        Some(Col::Unit)
    } else if has("数量") {
        Some(Col::Quantity)
    } else if has("单价") {
        Some(Col::UnitPrice)
    } else if has("税率") || has("征收率") {
        Some(Col::Rate)
    } else if has("税额") {
        Some(Col::Tax)
    } else if has("金额") {
        Some(Col::Amount)
    } else {
        None
    }
}

fn starts_with(text: &str, labels: &[&str]) -> bool {
    labels
        .iter()
        .any(|label| find_label(text, label).is_some_and(|(start, _)| start == 0))
}

/// Finds the table in `area`.
pub(super) fn find(layout: &Layout<'_>, area: &Area) -> Option<Table<Col>> {
    find_table(layout, area, 4, &classify, &|line: &Line<'_>| {
        line.chunks()
            .iter()
            .any(|c| starts_with(&c.text, SUBTOTAL) || starts_with(&c.text, TOTAL_WORDS))
    })
}

/// Whether a cell holds no value: blank or the `***` printed for exempt lines.
fn is_void(text: &str) -> bool {
    text.trim().is_empty() || text.trim().chars().all(|c| c == '*')
}

/// The items of `table`.
pub(super) fn items(
    layout: &Layout<'_>,
    table: &Table<Col>,
    sink: &mut FieldSink,
) -> Vec<CnVatItem> {
    let rows = table.rows(layout, Col::Name, |cells| {
        cells
            .iter()
            .any(|(col, span)| *col == Col::Amount && is_amount(&span.text, STYLE))
    });
    rows.iter()
        .enumerate()
        .map(|(index, row)| item(row, &format!("items[{index}]"), sink))
        .collect()
}

fn item(row: &[(Col, Span)], path: &str, sink: &mut FieldSink) -> CnVatItem {
    let cell = |col: Col| -> Option<Span> {
        let mut found: Option<Span> = None;
        for (_, span) in row.iter().filter(|(c, _)| *c == col) {
            match &mut found {
                Some(found) => found.extend(span),
                None => found = Some(span.clone()),
            }
        }
        found.filter(|span| !is_void(&span.text))
    };
    let at = |name: &str| format!("{path}.{name}");
    CnVatItem {
        name: sink.text(cell(Col::Name).as_ref(), Source::Layout),
        specification: sink.text(cell(Col::Specification).as_ref(), Source::Layout),
        unit: sink.text(cell(Col::Unit).as_ref(), Source::Layout),
        quantity: sink.parsed(
            cell(Col::Quantity).as_ref(),
            &at("quantity"),
            Source::Layout,
            |t| parse_quantity(t, STYLE),
        ),
        unit_price: sink.parsed(
            cell(Col::UnitPrice).as_ref(),
            &at("unit_price"),
            Source::Layout,
            |t| parse_decimal(t, STYLE),
        ),
        amount: sink.parsed(
            cell(Col::Amount).as_ref(),
            &at("amount"),
            Source::Layout,
            yuan,
        ),
        tax_rate: sink.parsed(
            cell(Col::Rate).as_ref(),
            &at("tax_rate"),
            Source::Layout,
            VatRate::parse,
        ),
        tax: sink.parsed(cell(Col::Tax).as_ref(), &at("tax"), Source::Layout, yuan),
    }
}

/// Parses a yuan amount (`¥94.34`, `94.34`, `-5.00`).
pub(super) fn yuan(text: &str) -> Result<Yuan, tax_core::ParseError> {
    parse_money_in::<Cny>(text, STYLE)
}

/// The 合计 line: (amount, tax), assigned to the columns when the table is known, else in
/// printed order.
pub(super) fn subtotals(
    layout: &Layout<'_>,
    hit: &LabelHit,
    columns: Option<&Columns<Col>>,
    sink: &mut FieldSink,
) -> (Field<Yuan>, Field<Yuan>) {
    let Some(line) = layout.line(hit.line) else {
        return (Field::empty(), Field::empty());
    };
    // (amount, whether its column is known from its own chunk)
    let mut amounts: Vec<(Span, bool)> = Vec::new();
    if let Some(chunk) = layout.chunk(hit) {
        let rest = after_colon(chunk.text.get(hit.end..).unwrap_or_default());
        amounts.extend(
            rest.split_whitespace()
                .filter(|word| is_amount(word, STYLE))
                .map(|word| (Span::of_chunk(chunk, line.page).with_text(word), false)),
        );
    }
    amounts.extend(
        line.chunks()
            .iter()
            .skip(hit.chunk + 1)
            .filter(|c| is_amount(&c.text, STYLE))
            .map(|c| (Span::of_chunk(c, line.page), true)),
    );
    let (mut amount, mut tax) = (None, None);
    for (position, (span, own_chunk)) in amounts.into_iter().enumerate() {
        let column = columns
            .filter(|_| own_chunk)
            .and_then(|columns| columns.assign(span.bbox));
        match column {
            Some(Col::Tax) => tax = tax.or(Some(span)),
            Some(Col::Amount) => amount = amount.or(Some(span)),
            _ if position == 0 => amount = amount.or(Some(span)),
            _ => tax = tax.or(Some(span)),
        }
    }
    (
        sink.parsed(amount.as_ref(), "subtotal_amount", Source::Labeled, yuan),
        sink.parsed(tax.as_ref(), "subtotal_tax", Source::Labeled, yuan),
    )
}
