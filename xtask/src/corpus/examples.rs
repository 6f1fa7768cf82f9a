//! The example PDFs under `examples/`, rendered with the corpus generators.

use anyhow::Result;
use chrono::NaiveDate;

use super::CorpusFile;
use super::canvas::Face;
use super::cn::{self, CnLayout, CnLook, CnSpec};
use super::commercial::{self, CommercialLayout, CommercialLook, CommercialSpec};
use super::faktur::{self, BuyerId, FakturLayout, FakturLook, FakturSpec};
use super::qr::QrStyle;

fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or_default()
}

/// The four example documents.
pub(crate) fn files() -> Result<Vec<CorpusFile>> {
    let look = FakturLook {
        face: Face::Helvetica,
        x_shift: 0.0,
        label_gap: 48.0,
        qr_style: QrStyle::Vector,
        qr_size: 72.0,
        qr_angle: 0.0,
    };
    let efaktur = FakturSpec {
        layout: FakturLayout::Efaktur,
        seed: 0x00E8_A001,
        date: date(2024, 1, 15),
        items: 3,
        buyer: BuyerId::Npwp,
        discounts: false,
        down_payment: false,
    };
    let coretax = FakturSpec {
        layout: FakturLayout::Coretax,
        seed: 0x00E8_A002,
        date: date(2025, 2, 10),
        ..efaktur
    };
    let cn_spec = CnSpec {
        layout: CnLayout::Legacy,
        special: false,
        seed: 0x00E8_A003,
        date: date(2019, 8, 15),
        items: 2,
        exempt_rows: false,
        remarks: true,
    };
    let cn_look = CnLook {
        cjk: Face::StSong,
        latin: Face::Helvetica,
        qr_style: QrStyle::Image(3),
        qr_size: 70.0,
        qr_angle: 0.0,
    };
    let commercial_spec = CommercialSpec {
        layout: CommercialLayout::English,
        seed: 0x00E8_A004,
        date: date(2024, 1, 15),
        items: 4,
        usd: false,
        discount: true,
        vat: true,
        words: true,
        bank: true,
        purchase_order: true,
        due_days: Some(30),
    };
    let commercial_look = CommercialLook {
        face: Face::Helvetica,
        date_style: 0,
    };
    let documents = [
        (
            "examples/faktur-pajak.pdf",
            faktur::render_one(&efaktur, &look)?.pdf,
        ),
        (
            "examples/faktur-pajak-coretax.pdf",
            faktur::render_one(&coretax, &look)?.pdf,
        ),
        (
            "examples/cn-e-invoice.pdf",
            cn::render_one(&cn_spec, &cn_look)?.pdf,
        ),
        (
            "examples/commercial-invoice.pdf",
            commercial::render_one(&commercial_spec, &commercial_look)?.pdf,
        ),
    ];
    Ok(documents
        .into_iter()
        .map(|(path, bytes)| CorpusFile {
            path: path.to_owned(),
            bytes,
        })
        .collect())
}
