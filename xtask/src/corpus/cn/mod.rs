//! Chinese VAT e-invoices (`tests/corpus/cn_vat_invoice/`).

mod model;
mod render;

use anyhow::Result;
use chrono::NaiveDate;

use super::canvas::Face;
use super::pdf;
use super::qr::QrStyle;
use super::{CorpusFile, Rendered};
pub(crate) use model::{CnInvoice, CnLayout, CnSpec, build};
pub(crate) use render::CnLook;

/// The invoices of the corpus, in a fixed order.
pub(crate) fn catalogue() -> Vec<(String, CnSpec, CnLook)> {
    let angles = [0.0, 0.0, 90.0, 0.0, 270.0, 180.0, 0.0, 20.0];
    let item_counts = [1, 2, 4, 3, 7, 12, 1, 5, 9, 2, 6, 10];
    let mut list = Vec::new();
    for index in 0..24usize {
        let digital = index % 2 == 1;
        let date = if digital {
            NaiveDate::from_ymd_opt(
                2023 + (index % 3) as i32,
                1 + (index % 12) as u32,
                1 + (index * 3 % 28) as u32,
            )
        } else {
            NaiveDate::from_ymd_opt(
                2019 + (index % 4) as i32,
                4 + (index % 9) as u32,
                1 + (index * 5 % 28) as u32,
            )
        }
        .unwrap_or_default();
        let spec = CnSpec {
            layout: if digital {
                CnLayout::Digital
            } else {
                CnLayout::Legacy
            },
            special: index % 4 >= 2,
            seed: 0x00C1_1A00 + index as u64,
            date,
            items: item_counts[(index / 2) % item_counts.len()],
            exempt_rows: index % 5 == 3,
            remarks: index % 3 != 0,
        };
        let look = CnLook {
            cjk: if (index / 2) % 2 == 0 {
                Face::StSong
            } else {
                Face::SimSun
            },
            latin: if index % 3 == 2 {
                Face::Courier
            } else {
                Face::Helvetica
            },
            qr_style: match index % 3 {
                0 => QrStyle::Image(3),
                1 => QrStyle::Vector,
                _ => QrStyle::Image(2),
            },
            qr_size: 60.0 + (index % 4) as f32 * 10.0,
            qr_angle: angles[index % angles.len()],
        };
        let prefix = if digital { "digital" } else { "legacy" };
        list.push((format!("{prefix}-{index:02}"), spec, look));
    }
    list
}

fn layout_name(invoice: &CnInvoice) -> &'static str {
    match invoice.layout {
        CnLayout::Legacy => "cn-legacy",
        CnLayout::Digital => "cn-digital",
    }
}

/// Renders one invoice into a PDF and its truth.
pub(crate) fn render_one(spec: &CnSpec, look: &CnLook) -> Result<Rendered> {
    let invoice = model::build(spec)?;
    let pages = render::render(&invoice, look)?;
    Ok(Rendered {
        truth: invoice.truth(layout_name(&invoice), pages.len()),
        pdf: pdf::render(&pages),
    })
}

/// All files under `cn_vat_invoice/`.
pub(crate) fn files() -> Result<Vec<CorpusFile>> {
    let mut files = Vec::new();
    for (name, spec, look) in catalogue() {
        files
            .extend(render_one(&spec, &look)?.into_files(&format!("cn_vat_invoice/{name}"), "pdf"));
    }
    Ok(files)
}
