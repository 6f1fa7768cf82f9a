//! Chinese VAT e-invoices: legacy (增值税电子普通发票 / 电子专用发票, with 发票代码) and fully
//! digital (电子发票(普通发票) / 电子发票(增值税专用发票), 20-digit number, no code).
//!
//! Header values come from their labels (`发票代码`, `发票号码`, `开票日期`, `校验码`,
//! `机器编号`); the type from the title. The parties are either stacked (buyer above the
//! table, seller below the totals; legacy) or side by side (buyer left, seller right; fully
//! digital), told apart by two `名称` labels on one line. Lines of the 密码区 cipher are never
//! taken as values. The QR payload is compared with the text (see [`cn_qr::check_qr`]).

use tax_core::ValidationReport;
use tax_core::cn::{CheckCode, InvoiceCode, InvoiceNumber, InvoiceType, QrPayload, TaxpayerId};

use super::cn_items::{self, Col, SUBTOTAL, TOTAL_WORDS, yuan};
use super::cn_qr;
use super::dates::parse_printed_date;
use super::fields::{FieldSink, Source};
use super::layout::{Area, Layout, Span};
use super::table::Table;
use super::text::{find_label, is_cjk, normalize};
use crate::document::{CnVatInvoice, CnVatParty, Field};

const CODE: &[&str] = &["发票代码"];
const NUMBER: &[&str] = &["发票号码"];
const DATE: &[&str] = &["开票日期"];
const CHECK_CODE: &[&str] = &["校验码"];
const MACHINE: &[&str] = &["机器编号"];
const NAME: &[&str] = &["名称"];
const TAX_ID: &[&str] = &[
    "统一社会信用代码/纳税人识别号",
    "纳税人识别号",
    "统一社会信用代码",
];
const ADDRESS: &[&str] = &["地址、电话", "地址,电话", "地址电话", "地址"];
const BANK: &[&str] = &["开户行及账号", "开户行"];
const REMARKS: &[&str] = &["备注"];
const PAYEE: &[&str] = &["收款人"];
const REVIEWER: &[&str] = &["复核"];
const ISSUER: &[&str] = &["开票人"];
const TOTAL_FIGURES: &[&str] = &["(小写)", "小写"];
const CIPHER_AREA: &[&str] = &["密码区"];

/// Every label: values end before them.
const LABELS: &[&str] = &[
    "发票代码",
    "发票号码",
    "开票日期",
    "校验码",
    "机器编号",
    "名称",
    "统一社会信用代码/纳税人识别号",
    "纳税人识别号",
    "地址、电话",
    "开户行及账号",
    "密码区",
    "备注",
    "收款人",
    "复核",
    "开票人",
    "销售方",
    "购买方",
    "(小写)",
    "(章)",
];

/// Reads a Chinese VAT invoice from the text layer and the QR codes.
pub(super) fn recognize(
    layout: &Layout<'_>,
    qr_codes: &[Span],
) -> (CnVatInvoice, ValidationReport) {
    let mut sink = FieldSink::default();
    let all = layout.all();
    let text = |labels: &[&str], area: &Area, sink: &mut FieldSink| {
        let span = value(layout, area, labels);
        sink.text(span.as_ref(), Source::Labeled)
    };
    let mut invoice = CnVatInvoice {
        invoice_type: title(layout, &mut sink),
        code: parsed(layout, &all, CODE, "code", &mut sink, InvoiceCode::parse),
        number: parsed(
            layout,
            &all,
            NUMBER,
            "number",
            &mut sink,
            InvoiceNumber::parse,
        ),
        issue_date: parsed(
            layout,
            &all,
            DATE,
            "issue_date",
            &mut sink,
            parse_printed_date,
        ),
        check_code: check_code(layout, &mut sink),
        machine_number: text(MACHINE, &all, &mut sink),
        ..CnVatInvoice::default()
    };
    let table = cn_items::find(layout, &all);
    if let Some(table) = &table {
        invoice.items = cn_items::items(layout, table, &mut sink);
    }
    let after_table = table.as_ref().map_or(0, |t| t.header + 1);
    if let Some(hit) = layout.find(&Area::lines(after_table..layout.len()), SUBTOTAL) {
        let columns = table.as_ref().map(|t| &t.columns);
        (invoice.subtotal_amount, invoice.subtotal_tax) =
            cn_items::subtotals(layout, &hit, columns, &mut sink);
    }
    totals(layout, &mut invoice, &mut sink);
    let (buyer, seller) = party_areas(layout, table.as_ref());
    invoice.buyer = party(layout, &buyer, "buyer", &mut sink);
    invoice.seller = party(layout, &seller, "seller", &mut sink);
    invoice.remarks = remarks(layout, &mut sink);
    invoice.payee = text(PAYEE, &all, &mut sink);
    invoice.reviewer = text(REVIEWER, &all, &mut sink);
    invoice.issuer = text(ISSUER, &all, &mut sink);
    if let Some((payload, code)) = qr_codes
        .iter()
        .find_map(|code| QrPayload::parse(&code.text).ok().map(|p| (p, code)))
    {
        cn_qr::check_qr(&payload, code, &mut invoice, &mut sink.findings);
    }
    (invoice, sink.findings)
}

/// Whether `text` is a line of the 密码区 cipher: digits and `<>*+-/` only, long.
fn is_cipher(text: &str) -> bool {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    compact.chars().count() >= 16
        && compact
            .chars()
            .any(|c| matches!(c, '<' | '>' | '*' | '+' | '/'))
        && compact
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '<' | '>' | '*' | '+' | '-' | '/'))
}

/// The value of the first of `labels` in `area`, unless it is cipher text.
fn value(layout: &Layout<'_>, area: &Area, labels: &[&str]) -> Option<Span> {
    let hit = layout.find(area, labels)?;
    layout
        .value(&hit, area, LABELS)
        .filter(|span| !is_cipher(&span.text))
}

fn parsed<T, E: std::fmt::Display>(
    layout: &Layout<'_>,
    area: &Area,
    labels: &[&str],
    path: &str,
    sink: &mut FieldSink,
    parser: impl FnOnce(&str) -> Result<T, E>,
) -> Field<T> {
    let span = value(layout, area, labels);
    sink.parsed(span.as_ref(), path, Source::Labeled, parser)
}

/// The check code: its value, completed by the following chunks of the line while it has
/// fewer than 20 digits (groups of five may be printed apart).
fn check_code(layout: &Layout<'_>, sink: &mut FieldSink) -> Field<CheckCode> {
    let all = layout.all();
    let Some(hit) = layout.find(&all, CHECK_CODE) else {
        return Field::empty();
    };
    let Some(mut span) = layout.value(&hit, &all, LABELS) else {
        return Field::empty();
    };
    if let Some(line) = layout.line(hit.line) {
        let digits = |text: &str| text.chars().filter(char::is_ascii_digit).count();
        for chunk in line.chunks().iter().skip(hit.chunk + 1) {
            if digits(&span.text) >= 20 || chunk.bbox.x0 < span.bbox.x1 {
                continue;
            }
            if chunk
                .text
                .chars()
                .all(|c| c.is_ascii_digit() || c.is_whitespace())
            {
                span.extend(&Span::of_chunk(chunk, line.page));
            } else {
                break;
            }
        }
    }
    sink.parsed(Some(&span), "check_code", Source::Labeled, CheckCode::parse)
}

/// The invoice type named by the title (`…增值税电子普通发票`, `电子发票(普通发票)`, …).
fn type_of_title(title: &str) -> Option<InvoiceType> {
    let title = normalize(title);
    let has = |needle: &str| title.contains(needle);
    let kind = if has("电子发票(增值税专用发票)") {
        InvoiceType::DigitalSpecial
    } else if has("电子发票(普通发票)") {
        InvoiceType::DigitalGeneral
    } else if has("增值税电子专用发票") {
        InvoiceType::ElectronicSpecial
    } else if has("增值税电子普通发票") && has("通行费") {
        InvoiceType::Toll
    } else if has("增值税电子普通发票") {
        InvoiceType::ElectronicGeneral
    } else if has("增值税专用发票") {
        InvoiceType::Special
    } else if has("增值税普通发票") && has("卷") {
        InvoiceType::Roll
    } else if has("增值税普通发票") {
        InvoiceType::General
    } else {
        return None;
    };
    Some(kind)
}

/// The type from the first line whose text is an invoice title.
fn title(layout: &Layout<'_>, sink: &mut FieldSink) -> Field<InvoiceType> {
    let found = layout.lines_in(&layout.all()).find_map(|(_, line)| {
        let text = line.text();
        let kind = type_of_title(&text)?;
        let title: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        Some((
            kind,
            Span {
                text: title,
                page: line.page,
                bbox: line.line.bbox,
            },
        ))
    });
    match found {
        Some((kind, span)) => {
            let mut field = sink.text(Some(&span), Source::Labeled);
            Field {
                value: Some(kind),
                raw: field.raw.take(),
                confidence: field.confidence,
                location: field.location,
            }
        }
        None => Field::empty(),
    }
}

/// 价税合计: the amount in words (without the ⊗ mark) and the amount in figures (小写).
fn totals(layout: &Layout<'_>, invoice: &mut CnVatInvoice, sink: &mut FieldSink) {
    let all = layout.all();
    if let Some(hit) = layout.find(&all, TOTAL_WORDS) {
        let words = layout.value(&hit, &all, TOTAL_FIGURES).map(|span| {
            let text = span
                .text
                .trim_start_matches(|c: char| !is_cjk(c))
                .trim()
                .to_owned();
            span.with_text(text)
        });
        invoice.total_in_words = sink.text(words.as_ref(), Source::Labeled);
    }
    let figures = value(layout, &all, TOTAL_FIGURES);
    invoice.total = sink.parsed(figures.as_ref(), "total", Source::Labeled, yuan);
}

/// The buyer's and the seller's areas.
fn party_areas(layout: &Layout<'_>, table: Option<&Table<Col>>) -> (Area, Area) {
    let all = layout.all();
    let names = layout.find_all(&all, NAME);
    let header = table.map_or(layout.len(), |t| t.header);
    let side_by_side = names
        .iter()
        .zip(names.iter().skip(1))
        .find(|(a, b)| a.line == b.line && b.line < header);
    if let Some((_, right)) = side_by_side {
        let split = layout.chunk(right).map_or(f32::INFINITY, |c| c.bbox.x0);
        let lines = Area::lines(0..header);
        return (lines.clone().left_of(split), lines.right_of(split));
    }
    let mut buyer = Area::lines(0..header);
    if let Some(cipher) = layout
        .find(&buyer, CIPHER_AREA)
        .and_then(|hit| layout.chunk(&hit))
    {
        buyer = buyer.left_of(cipher.bbox.x0);
    }
    let seller_start = table
        .and_then(|t| t.end)
        .or_else(|| names.get(1).map(|hit| hit.line))
        .unwrap_or(layout.len());
    (buyer, Area::lines(seller_start..layout.len()))
}

fn party(layout: &Layout<'_>, area: &Area, prefix: &str, sink: &mut FieldSink) -> CnVatParty {
    let text = |labels: &[&str], sink: &mut FieldSink| {
        let span = value(layout, area, labels);
        sink.text(span.as_ref(), Source::Labeled)
    };
    CnVatParty {
        name: text(NAME, sink),
        tax_id: parsed(
            layout,
            area,
            TAX_ID,
            &format!("{prefix}.tax_id"),
            sink,
            TaxpayerId::parse,
        ),
        address_phone: text(ADDRESS, sink),
        bank: text(BANK, sink),
    }
}

/// 备注: the text right of the label, with the lines below it up to the signature line; or,
/// for a label printed vertically (`备` above `注`), the text right of it on its lines.
fn remarks(layout: &Layout<'_>, sink: &mut FieldSink) -> Field<String> {
    let all = layout.all();
    let Some(hit) = layout.find(&all, REMARKS) else {
        return vertical_remarks(layout, sink);
    };
    let is_label = |text: &str| {
        LABELS
            .iter()
            .any(|label| find_label(text, label).is_some_and(|(start, _)| start == 0))
    };
    let area = match layout.chunk(&hit) {
        Some(label) => all.right_of(label.bbox.x0),
        None => all,
    };
    let span = layout.wrapped_value(&hit, &area, LABELS, &is_label);
    sink.text(span.as_ref(), Source::Labeled)
}

fn vertical_remarks(layout: &Layout<'_>, sink: &mut FieldSink) -> Field<String> {
    let Some((lines, label)) = layout.find_vertical(&layout.all(), "备注") else {
        return Field::empty();
    };
    let right = Area::lines(lines).right_of(label.x1);
    let mut span: Option<Span> = None;
    for (_, line) in layout.lines_in(&right) {
        for chunk in line.chunks().iter().filter(|c| right.holds(c)) {
            let piece = Span::of_chunk(chunk, line.page);
            match &mut span {
                Some(span) => span.extend(&piece),
                None => span = Some(piece),
            }
        }
    }
    sink.text(span.as_ref(), Source::Labeled)
}
