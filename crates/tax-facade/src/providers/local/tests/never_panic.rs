//! Arbitrary extractions never panic the recognizers.

use proptest::prelude::*;
use taxdoc_extract::{Chunk, Page, Rect, TextLine};

use super::super::test_support::simple;
use super::cn::LEGACY_QR;
use super::faktur::EFAKTUR_URL;
use super::*;

const WORDS: &[&str] = &[
    "Faktur Pajak",
    "Kode dan Nomor Seri",
    "Nama",
    ":",
    "NPWP",
    "发票",
    "发票号码",
    "名称",
    "合计",
    "价税合计(大写)",
    "(小写)",
    "No.",
    "Harga Jual",
    "Rp 1.000,00 x",
    "INVOICE",
    "Total",
    "Bill To",
    "金额",
    "税额",
    "单价",
    "数量",
    "Description",
    "Amount",
    "Qty",
    "1",
    "1.500.000,00",
    "¥",
    "备注",
    "Potongan Harga =",
    "15 Januari 2024",
    ",",
    "x",
    "名  称",
    "Bank",
    "Account No",
    "密码区",
    "***",
    "免税",
    "Unit Price",
    "Kepada Yth.",
];

#[allow(clippy::float_arithmetic)] // page coordinates
fn chunk() -> impl Strategy<Value = Chunk> {
    (
        prop::collection::vec(prop::sample::select(WORDS), 1..4),
        "[ -~一-龥]{0,6}",
        0.0_f32..600.0,
        0.0_f32..800.0,
        0.0_f32..80.0,
    )
        .prop_map(|(words, noise, x, y, width)| Chunk {
            text: format!("{}{noise}", words.join(" ")),
            bbox: Rect {
                x0: x,
                y0: y,
                x1: x.max(x + width),
                y1: y.max(y + 10.0),
            },
            font_size: 10.0,
        })
}

fn extraction() -> impl Strategy<Value = Extraction> {
    let line = prop::collection::vec(chunk(), 0..6).prop_map(|chunks| {
        let bbox = chunks
            .iter()
            .map(|c| c.bbox)
            .reduce(geometry::union)
            .unwrap_or_default();
        TextLine { chunks, bbox }
    });
    let qr = prop::sample::select(vec![
        String::new(),
        LEGACY_QR.to_owned(),
        EFAKTUR_URL.to_owned(),
        "01,32,,24312000000136634917,1060.00,20240514,,1DD6".to_owned(),
        "http://x.pajak.go.id/1/2".to_owned(),
    ]);
    (prop::collection::vec(line, 0..30), qr).prop_map(|(lines, qr)| {
        let codes: Vec<&str> = if qr.is_empty() {
            Vec::new()
        } else {
            vec![qr.as_str()]
        };
        let mut extraction = simple(&[], &codes);
        extraction.pages.push(Page {
            index: 1,
            width: 595.0,
            height: 842.0,
            lines,
            qr_codes: Vec::new(),
            has_page_image: false,
        });
        extraction
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn recognizers_never_panic(extraction in extraction()) {
        for kind in [None, Some(DocumentKind::FakturPajak), Some(DocumentKind::CnVatInvoice), Some(DocumentKind::CommercialInvoice)] {
            let _ = recognize(&extraction, kind);
        }
    }
}
