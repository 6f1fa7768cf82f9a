//! Faktur Pajak, in the DJP e-Faktur layout (until 2024) and the Coretax layout (since 2025).
//!
//! Both print the same blocks, found by their labels: `Kode dan Nomor Seri Faktur Pajak`;
//! the seller under `Pengusaha Kena Pajak` and the buyer under `Pembeli Barang Kena Pajak`,
//! each with `Nama`, `Alamat` (possibly wrapped), `NPWP` and, on Coretax, `NIK`,
//! `Nomor Paspor`, `Email` and `NITKU`; the goods table ([`super::faktur_items`]); the totals
//! block; `<PLACE>, <d> <Bulan> <yyyy>` and the signer's name below it. The QR code holds the
//! DJP validation URL, whose digit segments carry the seller's NPWP and the serial number;
//! they are compared with the text.

use tax_core::id::{FakturNumber, Nik, Nitku, Npwp};
use tax_core::{Idr, ValidationReport};

use super::dates::parse_printed_date;
use super::faktur_items::{self, STYLE};
use super::fields::{FieldSink, Source, from_qr};
use super::geometry::overlap_x;
use super::layout::{Area, LabelHit, Layout, Span};
use super::numbers::{is_amount, parse_money_in};
use super::qr::{QrValue, cross_check};
use super::text::{find_label, is_placeholder, normalize};
use crate::document::{FakturPajak, FakturParty, Field};

const NUMBER: &[&str] = &["Kode dan Nomor Seri Faktur Pajak", "Kode dan Nomor Seri"];
const SELLER_HEADING: &[&str] = &["Pengusaha Kena Pajak"];
const BUYER_HEADING: &[&str] = &[
    "Pembeli Barang Kena Pajak",
    "Penerima Jasa Kena Pajak",
    "Pembeli",
];
const NAME: &[&str] = &["Nama"];
const ADDRESS: &[&str] = &["Alamat"];
const NPWP: &[&str] = &["NPWP"];
const NIK: &[&str] = &["NIK"];
const PASSPORT: &[&str] = &["Nomor Paspor", "No. Paspor", "Paspor"];
const EMAIL: &[&str] = &["Email", "E-mail"];
const NITKU: &[&str] = &["NITKU"];
/// Every label of a party block: values stop before them and wrapped lines never start
/// with them.
const PARTY_LABELS: &[&str] = &[
    "Nama",
    "Alamat",
    "NPWP",
    "NIK",
    "Nomor Paspor",
    "No. Paspor",
    "Identitas Lain",
    "Email",
    "E-mail",
    "NITKU",
];
const SIGNATURE_NOTE: &str = "ditandatanganisecaraelektronik";

/// Reads a Faktur Pajak from the text layer and the QR codes.
pub(super) fn recognize(layout: &Layout<'_>, qr_codes: &[Span]) -> (FakturPajak, ValidationReport) {
    let mut sink = FieldSink::default();
    let all = layout.all();
    let mut faktur = FakturPajak {
        number: labeled(
            layout,
            &all,
            NUMBER,
            &[],
            "number",
            &mut sink,
            FakturNumber::parse,
        ),
        ..FakturPajak::default()
    };
    let table = faktur_items::find(layout, &all);
    let parties_end = table.as_ref().map_or(layout.len(), |t| t.header);
    let (seller_area, buyer_area) = party_areas(layout, 0..parties_end);
    faktur.seller = party(layout, &seller_area, "seller", &mut sink);
    faktur.buyer = party(layout, &buyer_area, "buyer", &mut sink);
    let totals_start = match &table {
        Some(table) => {
            faktur.items = faktur_items::items(layout, table, &mut sink);
            table
                .end
                .or(table.body.last().map(|last| last + 1))
                .unwrap_or(table.header + 1)
        }
        None => parties_end,
    };
    let totals = Area::lines(totals_start..layout.len());
    totals_block(layout, &totals, &mut faktur, &mut sink);
    signature_block(layout, &totals, &mut faktur, &mut sink);
    check_qr(qr_codes, &mut faktur, &mut sink.findings);
    (faktur, sink.findings)
}

/// A labeled value in `area`, parsed.
fn labeled<T, E: std::fmt::Display>(
    layout: &Layout<'_>,
    area: &Area,
    labels: &[&str],
    stops: &[&str],
    path: &str,
    sink: &mut FieldSink,
    parser: impl FnOnce(&str) -> Result<T, E>,
) -> Field<T> {
    let value = layout
        .find(area, labels)
        .and_then(|hit| layout.value(&hit, area, stops))
        .filter(|span| !is_placeholder(&span.text));
    sink.parsed(value.as_ref(), path, Source::Labeled, parser)
}

/// The seller's and the buyer's blocks: under their headings when printed, else split at the
/// second `Nama` label.
fn party_areas(layout: &Layout<'_>, lines: std::ops::Range<usize>) -> (Area, Area) {
    let area = Area::lines(lines.clone());
    let seller = layout.find_line_starting(&area, SELLER_HEADING);
    let buyer_search = Area::lines(seller.map_or(lines.start, |s| s + 1)..lines.end);
    let buyer = layout.find_line_starting(&buyer_search, BUYER_HEADING);
    match (seller, buyer) {
        (Some(seller), Some(buyer)) => (
            Area::lines(seller + 1..buyer),
            Area::lines(buyer + 1..lines.end),
        ),
        _ => {
            let names = layout.find_all(&area, NAME);
            let split = names.get(1).map_or(lines.end, |hit| hit.line);
            (
                Area::lines(lines.start..split),
                Area::lines(split..lines.end),
            )
        }
    }
}

fn starts_with_any(text: &str, labels: &[&str]) -> bool {
    labels
        .iter()
        .any(|label| find_label(text, label).is_some_and(|(start, _)| start == 0))
}

/// One party block.
fn party(layout: &Layout<'_>, area: &Area, prefix: &str, sink: &mut FieldSink) -> FakturParty {
    let path = |name: &str| format!("{prefix}.{name}");
    let is_label =
        |text: &str| starts_with_any(text, PARTY_LABELS) || starts_with_any(text, BUYER_HEADING);
    let text_field = |labels: &[&str], sink: &mut FieldSink, wrapped: bool| {
        let hit: Option<LabelHit> = layout.find(area, labels);
        let span = hit.and_then(|hit| {
            if wrapped {
                layout.wrapped_value(&hit, area, PARTY_LABELS, &is_label)
            } else {
                layout.value(&hit, area, PARTY_LABELS)
            }
        });
        let span = span.filter(|s| !is_placeholder(&s.text));
        sink.text(span.as_ref(), Source::Labeled)
    };
    FakturParty {
        name: text_field(NAME, sink, true),
        address: text_field(ADDRESS, sink, true),
        npwp: labeled(
            layout,
            area,
            NPWP,
            PARTY_LABELS,
            &path("npwp"),
            sink,
            Npwp::parse_ignoring_checksum,
        ),
        nik: labeled(
            layout,
            area,
            NIK,
            PARTY_LABELS,
            &path("nik"),
            sink,
            Nik::parse,
        ),
        nitku: labeled(
            layout,
            area,
            NITKU,
            PARTY_LABELS,
            &path("nitku"),
            sink,
            Nitku::parse,
        ),
        passport: text_field(PASSPORT, sink, false),
        email: text_field(EMAIL, sink, false),
    }
}

/// The amount printed on the line of `hit`: the last chunk after the label that is an
/// amount, or the last word of the label's own chunk.
fn amount_on_line(layout: &Layout<'_>, hit: &LabelHit) -> Option<Span> {
    let line = layout.line(hit.line)?;
    let after = line
        .chunks()
        .iter()
        .skip(hit.chunk + 1)
        .rev()
        .map(|chunk| (chunk, after_equals(&chunk.text)))
        .find(|(_, text)| is_amount(text, STYLE));
    if let Some((chunk, amount)) = after {
        return Some(Span::of_chunk(chunk, line.page).with_text(amount));
    }
    let chunk = layout.chunk(hit)?;
    let rest = chunk.text.get(hit.end..)?;
    let last = rest.split_whitespace().last()?;
    let amount = after_equals(last);
    is_amount(amount, STYLE).then(|| Span::of_chunk(chunk, line.page).with_text(amount))
}

fn after_equals(text: &str) -> &str {
    text.rsplit_once('=')
        .map_or(text, |(_, amount)| amount)
        .trim()
}

/// The totals block.
fn totals_block(layout: &Layout<'_>, area: &Area, faktur: &mut FakturPajak, sink: &mut FieldSink) {
    let amount = |labels: &[&str], path: &str, sink: &mut FieldSink| {
        let span = layout
            .find(area, labels)
            .and_then(|hit| amount_on_line(layout, &hit));
        sink.parsed(span.as_ref(), path, Source::Labeled, |t| {
            parse_money_in::<Idr>(t, STYLE)
        })
    };
    faktur.sales_price = amount(&["Harga Jual"], "sales_price", sink);
    faktur.discount = amount(
        &["Dikurangi Potongan Harga", "Potongan Harga"],
        "discount",
        sink,
    );
    faktur.down_payment = amount(&["Dikurangi Uang Muka"], "down_payment", sink);
    faktur.tax_base = amount(&["Dasar Pengenaan Pajak"], "tax_base", sink);
    faktur.other_tax_base = amount(&["DPP Nilai Lain"], "other_tax_base", sink);
    faktur.vat = amount(&["Total PPN", "Jumlah PPN", "PPN"], "vat", sink);
    faktur.luxury_tax = amount(
        &["Total PPnBM", "Jumlah PPnBM", "PPnBM"],
        "luxury_tax",
        sink,
    );
}

/// `<PLACE>, <d> <Bulan> <yyyy>` and the signer's name on a following line below it.
fn signature_block(
    layout: &Layout<'_>,
    area: &Area,
    faktur: &mut FakturPajak,
    sink: &mut FieldSink,
) {
    let found = layout.lines_in(area).find_map(|(index, line)| {
        let text = line.text();
        let (place, date) = text.rsplit_once(',')?;
        let date = parse_printed_date(date).ok()?;
        let place = place.trim();
        (!place.is_empty() && place.chars().any(char::is_alphabetic))
            .then(|| (index, line, place.to_owned(), date))
    });
    let Some((index, line, place, date)) = found else {
        return;
    };
    let span = Span {
        text: place.clone(),
        page: line.page,
        bbox: line.line.bbox,
    };
    faktur.place = sink.text(Some(&span), Source::Labeled);
    faktur.date = Field::from_value(date)
        .with_confidence(Source::Labeled.confidence())
        .with_location(super::fields::location(&span));
    faktur.date.raw = Some(
        line.text()
            .rsplit_once(',')
            .map_or_else(String::new, |(_, d)| d.trim().to_owned()),
    );
    let signer = layout
        .lines_in(&Area::lines(index + 1..(index + 8).min(layout.len())))
        .take_while(|(_, next)| next.page == line.page)
        .flat_map(|(_, next)| {
            next.chunks()
                .iter()
                .filter(|c| overlap_x(c.bbox, line.line.bbox) > 0.0)
                .map(move |c| Span::of_chunk(c, next.page))
                .collect::<Vec<_>>()
        })
        .find(|span| {
            let folded = normalize(&span.text);
            !folded.is_empty()
                && !folded.starts_with(SIGNATURE_NOTE)
                && span.text.chars().any(char::is_alphabetic)
        });
    faktur.signer = sink.text(signer.as_ref(), Source::Layout);
}

/// The digit segments of a validation URL's path: (seller NPWP, serial number).
fn url_digits(url: &str) -> (Option<&str>, Option<&str>) {
    let path = url.split_once("://").map_or(url, |(_, rest)| rest);
    let digits: Vec<&str> = path
        .split(['/', '?', '&', '='])
        .filter(|s| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit()))
        .collect();
    let npwp = digits.iter().copied().find(|s| matches!(s.len(), 15 | 16));
    let number = digits.iter().copied().find(|s| matches!(s.len(), 13 | 17));
    (npwp, number)
}

/// Validation URL from the QR code, and the cross-check of the seller's NPWP and the number.
fn check_qr(qr_codes: &[Span], faktur: &mut FakturPajak, findings: &mut ValidationReport) {
    let Some(code) = qr_codes.iter().find(|c| {
        let text = c.text.trim().to_ascii_lowercase();
        (text.starts_with("http://") || text.starts_with("https://"))
            && url_digits(&c.text).0.is_some()
    }) else {
        return;
    };
    let url = code.text.trim().to_owned();
    faktur.validation_url = from_qr(url.clone(), url.clone(), code);
    let (npwp, number) = url_digits(&url);
    let qr_npwp = npwp.and_then(|digits| Npwp::parse_ignoring_checksum(digits).ok());
    cross_check(
        &mut faktur.seller.npwp,
        qr_npwp.map(|value| QrValue { value, code }),
        "seller.npwp",
        findings,
        |text, qr| text.digits() == qr.digits(),
    );
    let Some(number) = number else {
        return;
    };
    match faktur.number.value {
        Some(text) => {
            let digits: String = text
                .to_string()
                .chars()
                .filter(char::is_ascii_digit)
                .collect();
            cross_check_number(&mut faktur.number, &digits, number, findings);
        }
        None if faktur.number.raw.is_none() => {
            if let Ok(parsed) = FakturNumber::parse(number) {
                faktur.number = from_qr(parsed, number.to_owned(), code);
            }
        }
        None => {}
    }
}

/// Compares the number's digits with the URL's: equal (Coretax) or ending with them
/// (e-Faktur's 13-digit NSFP inside the 16-digit number).
fn cross_check_number(
    field: &mut Field<FakturNumber>,
    digits: &str,
    qr: &str,
    findings: &mut ValidationReport,
) {
    let agrees = if qr.len() == 13 {
        digits.ends_with(qr)
    } else {
        digits == qr
    };
    if agrees {
        field.confidence = Some(Source::Qr.confidence());
    } else {
        field.confidence = Some(Source::Disputed.confidence());
        findings.warning(
            "number",
            super::QR_MISMATCH,
            format!(
                "the text reads {digits} but the QR code's URL carries {}; the text is kept",
                qr
            ),
        );
    }
}
