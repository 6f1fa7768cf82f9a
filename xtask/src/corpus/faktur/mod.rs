//! Faktur Pajak documents (`tests/corpus/faktur_pajak/`).

mod model;
mod render;

use anyhow::Result;
use chrono::NaiveDate;

use super::canvas::Face;
use super::pdf;
use super::qr::QrStyle;
use super::{CorpusFile, Rendered};
pub(crate) use model::{BuyerId, Faktur, FakturLayout, FakturSpec};
pub(crate) use render::FakturLook;

/// The faktur documents of the corpus, in a fixed order.
pub(crate) fn catalogue() -> Vec<(String, FakturSpec, FakturLook)> {
    let faces = [Face::Helvetica, Face::Times, Face::Courier];
    let buyers = [
        BuyerId::Npwp,
        BuyerId::Npwp,
        BuyerId::Nik,
        BuyerId::Passport,
    ];
    let angles = [0.0, 0.0, 90.0, 0.0, 180.0, 0.0, 270.0, 20.0];
    let item_counts = [1, 3, 5, 2, 8, 14, 25, 40, 1, 6, 18, 4, 33, 2, 11, 7];
    let mut list = Vec::new();
    for index in 0..32usize {
        let coretax = index % 2 == 1;
        let layout = if coretax {
            FakturLayout::Coretax
        } else {
            FakturLayout::Efaktur
        };
        let date = if coretax {
            day(2025, 1 + (index % 12) as u32, 1 + (index * 7 % 28) as u32)
        } else if index % 8 == 6 {
            day(2021, 3 + (index % 9) as u32, 10 + (index % 18) as u32)
        } else {
            day(
                2022 + (index % 3) as i32,
                4 + (index % 9) as u32,
                1 + (index * 5 % 28) as u32,
            )
        };
        let spec = FakturSpec {
            layout,
            seed: 0x00FA_C700 + index as u64,
            date,
            items: item_counts[(index / 2) % item_counts.len()],
            buyer: buyers[index % buyers.len()],
            discounts: index % 3 == 0,
            down_payment: index % 5 == 2,
        };
        let qr_style = match index % 3 {
            0 => QrStyle::Vector,
            1 => QrStyle::Image(2),
            _ => QrStyle::Image(4),
        };
        let look = FakturLook {
            face: faces[(index / 2) % faces.len()],
            x_shift: (index % 4) as f32 * 4.0 - 6.0,
            label_gap: 42.0 + (index % 3) as f32 * 12.0,
            qr_style,
            qr_size: 64.0 + (index % 4) as f32 * 14.0,
            qr_angle: angles[index % angles.len()],
        };
        let prefix = if coretax { "coretax" } else { "efaktur" };
        list.push((format!("{prefix}-{index:02}"), spec, look));
    }
    list
}

fn day(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or_default()
}

/// The layout name recorded in the truth file.
fn layout_name(faktur: &Faktur) -> String {
    match faktur.layout {
        FakturLayout::Efaktur => format!("efaktur-{}", chrono::Datelike::year(&faktur.date)),
        FakturLayout::Coretax => "coretax".to_owned(),
    }
}

/// Renders one faktur into a PDF and its truth.
pub(crate) fn render_one(spec: &FakturSpec, look: &FakturLook) -> Result<Rendered> {
    let faktur = model::build(spec)?;
    let pages = render::render(&faktur, look)?;
    let truth = faktur.truth(&layout_name(&faktur), pages.len());
    Ok(Rendered {
        pdf: pdf::render(&pages),
        truth,
    })
}

/// All faktur files under `faktur_pajak/`.
pub(crate) fn files() -> Result<Vec<CorpusFile>> {
    let mut files = Vec::new();
    for (name, spec, look) in catalogue() {
        let rendered = render_one(&spec, &look)?;
        files.extend(rendered.into_files(&format!("faktur_pajak/{name}"), "pdf"));
    }
    Ok(files)
}
