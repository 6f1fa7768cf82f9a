//! Commercial invoices (`tests/corpus/commercial_invoice/`).

mod model;
mod render;

use anyhow::Result;
use chrono::NaiveDate;

use super::canvas::Face;
use super::pdf;
use super::{CorpusFile, Rendered};
pub(crate) use model::{CommercialLayout, CommercialSpec};
pub(crate) use render::CommercialLook;

/// The invoices of the corpus, in a fixed order.
pub(crate) fn catalogue() -> Vec<(String, CommercialSpec, CommercialLook)> {
    let item_counts = [1, 3, 6, 2, 12, 30, 4, 9, 18, 5];
    let faces = [Face::Helvetica, Face::Times, Face::Courier, Face::Helvetica];
    let mut list = Vec::new();
    for index in 0..20usize {
        let english = index % 2 == 0;
        let date_style = u8::try_from(index / 2 % 3).unwrap_or(0);
        // Month-first dates are printed only where they cannot be read day-first.
        let month_first = english && date_style == 2;
        let day = if month_first {
            13 + (index % 4) as u32
        } else {
            1 + (index * 7 % 28) as u32
        };
        let spec = CommercialSpec {
            layout: if english {
                CommercialLayout::English
            } else {
                CommercialLayout::Indonesian
            },
            seed: 0x00C0_3300 + index as u64,
            date: NaiveDate::from_ymd_opt(
                2021 + (index % 5) as i32,
                1 + (index * 5 % 12) as u32,
                day,
            )
            .unwrap_or_default(),
            items: item_counts[index % item_counts.len()],
            usd: english && index % 6 == 4,
            discount: index % 3 == 1,
            vat: index % 4 != 3,
            words: index % 3 != 2,
            bank: index % 5 != 4,
            purchase_order: index % 2 == 0 && index % 3 != 0,
            due_days: (index % 4 != 1).then_some(if month_first { 14 } else { 30 }),
        };
        let look = CommercialLook {
            face: faces[(index / 2) % faces.len()],
            date_style,
        };
        let prefix = if english {
            "commercial-en"
        } else {
            "commercial-id"
        };
        list.push((format!("{prefix}-{index:02}"), spec, look));
    }
    list
}

/// Renders one invoice into a PDF and its truth.
pub(crate) fn render_one(spec: &CommercialSpec, look: &CommercialLook) -> Result<Rendered> {
    let invoice = model::build(spec)?;
    let pages = render::render(&invoice, look);
    let layout = match spec.layout {
        CommercialLayout::English => "commercial-en",
        CommercialLayout::Indonesian => "commercial-id",
    };
    Ok(Rendered {
        truth: invoice.truth(layout, pages.len()),
        pdf: pdf::render(&pages),
    })
}

/// All files under `commercial_invoice/`.
pub(crate) fn files() -> Result<Vec<CorpusFile>> {
    let mut files = Vec::new();
    for (name, spec, look) in catalogue() {
        files.extend(
            render_one(&spec, &look)?.into_files(&format!("commercial_invoice/{name}"), "pdf"),
        );
    }
    Ok(files)
}
