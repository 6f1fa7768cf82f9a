//! Hand-built extractions for the recognizers' tests.

use taxdoc_extract::{Chunk, Extraction, Page, QrCode, QrSource, Rect, SourceFormat, TextLine};

/// A chunk at `x`, on a line at `y`, 10 points high, 5 points per character.
#[allow(clippy::float_arithmetic, clippy::cast_precision_loss)]
pub(super) fn chunk(x: f32, y: f32, text: &str) -> Chunk {
    Chunk {
        text: text.to_owned(),
        bbox: Rect {
            x0: x,
            y0: y,
            x1: x + 5.0 * text.chars().count() as f32,
            y1: y + 10.0,
        },
        font_size: 10.0,
    }
}

/// A page from `(y, [(x, text)])` rows, 14 points apart when `y` is taken from the row
/// number.
pub(super) fn page(index: u32, rows: &[(f32, &[(f32, &str)])], qr: &[&str]) -> Page {
    let lines = rows
        .iter()
        .map(|(y, chunks)| {
            let chunks: Vec<Chunk> = chunks.iter().map(|(x, t)| chunk(*x, *y, t)).collect();
            let bbox = chunks
                .iter()
                .map(|c| c.bbox)
                .reduce(super::geometry::union)
                .unwrap_or_default();
            TextLine { chunks, bbox }
        })
        .collect();
    let qr_codes = qr
        .iter()
        .map(|text| QrCode {
            text: (*text).to_owned(),
            bbox: Rect {
                x0: 500.0,
                y0: 20.0,
                x1: 560.0,
                y1: 80.0,
            },
            source: QrSource::EmbeddedImage,
        })
        .collect();
    Page {
        index,
        width: 595.0,
        height: 842.0,
        lines,
        qr_codes,
        has_page_image: false,
    }
}

/// A PDF extraction of `pages`.
pub(super) fn pdf(pages: Vec<Page>) -> Extraction {
    Extraction {
        format: SourceFormat::Pdf,
        pages,
    }
}

/// A one-page PDF whose lines are given as rows of `(x, text)`, 14 points apart.
#[allow(clippy::float_arithmetic, clippy::cast_precision_loss)]
pub(super) fn simple(rows: &[&[(f32, &str)]], qr: &[&str]) -> Extraction {
    let rows: Vec<(f32, &[(f32, &str)])> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| (40.0 + 14.0 * i as f32, *r))
        .collect();
    pdf(vec![page(0, &rows, qr)])
}
