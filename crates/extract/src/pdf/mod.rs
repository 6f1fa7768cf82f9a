//! PDF input: document loading, page geometry, and assembling pages from interpreted content.

mod annotations;
mod cmap;
mod encoding;
mod font;
mod image;
mod interpreter;
mod objects;
mod page_content;
mod standard_metrics;
mod state;

use std::panic::{AssertUnwindSafe, catch_unwind};

use lopdf::{Dictionary, Document, Object};

pub(crate) use self::image::{RasterError, decode_raster};
use interpreter::Interpreter;
use objects::{MAX_STREAM_BYTES, resolve};
pub(crate) use page_content::{FilledShape, PlacedGlyph};
use page_content::{PageContent, PlacedImage};

use crate::geometry::Matrix;
use crate::model::{
    ExtractError, ExtractOptions, Extraction, Page, QrCode, QrSource, Rect, SourceFormat,
};
use crate::{layout, qr, vector_qr};

/// How far up the page tree inherited attributes are looked for.
const MAX_TREE_DEPTH: usize = 32;
/// The page box used when a page declares none (US Letter).
const DEFAULT_PAGE_BOX: Rect = Rect {
    x0: 0.0,
    y0: 0.0,
    x1: 612.0,
    y1: 792.0,
};
/// Images covering at least this share of the page make it a scanned page.
const PAGE_IMAGE_COVERAGE: f32 = 0.5;

/// Reads a PDF. Panics inside the parser are caught and reported as [`ExtractError::Pdf`].
pub(crate) fn extract_pdf(
    bytes: &[u8],
    options: &ExtractOptions,
) -> Result<Extraction, ExtractError> {
    let doc = catch_unwind(AssertUnwindSafe(|| load(bytes))).unwrap_or_else(|_| {
        Err(ExtractError::Pdf(
            "the file structure is malformed".to_owned(),
        ))
    })?;
    let page_ids: Vec<_> = doc
        .get_pages()
        .into_values()
        .take(options.max_pages)
        .collect();
    if page_ids.is_empty() {
        return Err(ExtractError::Pdf("the document has no pages".to_owned()));
    }
    let mut pages = Vec::with_capacity(page_ids.len());
    for (index, page_id) in page_ids.into_iter().enumerate() {
        let index = u32::try_from(index).unwrap_or(u32::MAX);
        let page = catch_unwind(AssertUnwindSafe(|| {
            read_page(&doc, page_id, index, options)
        }))
        .unwrap_or_else(|_| Page {
            index,
            width: 0.0,
            height: 0.0,
            lines: Vec::new(),
            qr_codes: Vec::new(),
            has_page_image: false,
        });
        pages.push(page);
    }
    Ok(Extraction {
        format: SourceFormat::Pdf,
        pages,
    })
}

/// Parses the file, opening encrypted documents with the empty user password.
fn load(bytes: &[u8]) -> Result<Document, ExtractError> {
    let doc = Document::load_mem(bytes).map_err(|error| match error {
        lopdf::Error::InvalidPassword | lopdf::Error::Decryption(_) => ExtractError::Encrypted,
        other => ExtractError::Pdf(other.to_string()),
    })?;
    // `lopdf` tries the empty password itself; a document it could not decrypt keeps its
    // `/Encrypt` entry without an encryption state.
    if doc.trailer.get(b"Encrypt").is_ok() && !doc.was_encrypted() {
        return Err(ExtractError::Encrypted);
    }
    Ok(doc)
}

/// The page's attributes, inherited through the page tree.
fn inherited<'a>(doc: &'a Document, page: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    let mut node = page;
    for _ in 0..MAX_TREE_DEPTH {
        if let Ok(value) = node.get(key) {
            return Some(resolve(doc, value));
        }
        node = node
            .get(b"Parent")
            .ok()
            .and_then(|parent| resolve(doc, parent).as_dict().ok())?;
    }
    None
}

/// A rectangle array, normalized so `x0 <= x1` and `y0 <= y1`.
fn rect_of(doc: &Document, object: Option<&Object>) -> Option<Rect> {
    let values: Vec<f32> = object?
        .as_array()
        .ok()?
        .iter()
        .filter_map(|item| objects::number(resolve(doc, item)))
        .collect();
    let [a, b, c, d] = values[..] else {
        return None;
    };
    let rect = Rect {
        x0: a.min(c),
        y0: b.min(d),
        x1: a.max(c),
        y1: b.max(d),
    };
    (rect.width() > 0.0 && rect.height() > 0.0).then_some(rect)
}

/// The page frame: its visible box, rotation, and the matrix from user space to
/// top-left-origin page coordinates.
fn page_frame(doc: &Document, page: &Dictionary) -> (f32, f32, Matrix) {
    let media = rect_of(doc, inherited(doc, page, b"MediaBox")).unwrap_or(DEFAULT_PAGE_BOX);
    let visible = rect_of(doc, inherited(doc, page, b"CropBox"))
        .map(|crop| Rect {
            x0: crop.x0.max(media.x0),
            y0: crop.y0.max(media.y0),
            x1: crop.x1.min(media.x1),
            y1: crop.y1.min(media.y1),
        })
        .filter(|rect| rect.width() > 0.0 && rect.height() > 0.0)
        .unwrap_or(media);
    let rotate = inherited(doc, page, b"Rotate")
        .and_then(|value| value.as_i64().ok())
        .unwrap_or(0)
        .rem_euclid(360);
    let (width, height) = (visible.width(), visible.height());
    let flip = Matrix::new(1.0, 0.0, 0.0, -1.0, -visible.x0, visible.y1);
    let (rotation, out_width, out_height) = match rotate {
        90 => (Matrix::new(0.0, 1.0, -1.0, 0.0, height, 0.0), height, width),
        180 => (
            Matrix::new(-1.0, 0.0, 0.0, -1.0, width, height),
            width,
            height,
        ),
        270 => (Matrix::new(0.0, -1.0, 1.0, 0.0, 0.0, width), height, width),
        _ => (Matrix::IDENTITY, width, height),
    };
    (out_width, out_height, flip.then(rotation))
}

/// Interprets one page and assembles its text lines, QR codes and image coverage.
fn read_page(
    doc: &Document,
    page_id: lopdf::ObjectId,
    index: u32,
    options: &ExtractOptions,
) -> Page {
    let page_dict = doc.get_dictionary(page_id).ok();
    let (width, height, matrix) = page_dict.map_or(
        (DEFAULT_PAGE_BOX.x1, DEFAULT_PAGE_BOX.y1, Matrix::IDENTITY),
        |dict| page_frame(doc, dict),
    );
    let resources = page_dict
        .and_then(|dict| inherited(doc, dict, b"Resources"))
        .and_then(|object| object.as_dict().ok());
    let data = doc
        .get_page_content_with_limit(page_id, MAX_STREAM_BYTES)
        .unwrap_or_default();
    let mut interpreter = Interpreter::new(doc, options);
    interpreter.run_page(&data, resources, matrix);
    if let Some(page) = page_dict {
        annotations::paint_appearances(doc, page, matrix, &mut interpreter);
    }
    let content = interpreter.finish();
    let lines = layout::build_lines(&content.glyphs, width, height, options.column_gap_em);
    let qr_codes = if options.decode_qr {
        page_codes(&content)
    } else {
        Vec::new()
    };
    Page {
        index,
        width,
        height,
        lines,
        qr_codes,
        has_page_image: covers_page(&content.images, width, height),
    }
}

/// QR codes from images and vector drawings, top to bottom, duplicates removed.
fn page_codes(content: &PageContent) -> Vec<QrCode> {
    let mut codes: Vec<QrCode> = Vec::new();
    for image in &content.images {
        let Some(gray) = &image.gray else {
            continue;
        };
        // Samples run top-down in image space (v from 1 to 0). When the placement keeps
        // that orientation on the page the samples are shown as stored; otherwise the page
        // shows them mirrored, and a mirrored code only decodes once flipped back.
        let matrix = image.matrix;
        let mirrored = matrix.a * matrix.d - matrix.b * matrix.c > 0.0;
        let flipped;
        let shown = if mirrored {
            flipped = gray.flipped_vertically();
            &flipped
        } else {
            gray
        };
        for decoded in qr::decode(shown) {
            let corners = decoded.corners.map(|(x, y)| {
                let row = if mirrored { gray.height as f32 - y } else { y };
                let (u, v) = (x / gray.width as f32, 1.0 - row / gray.height as f32);
                matrix.apply(u, v)
            });
            codes.push(QrCode {
                text: decoded.text,
                bbox: crate::geometry::bounds_of(&corners),
                source: QrSource::EmbeddedImage,
            });
        }
    }
    for decoded in vector_qr::find_codes(&content.shapes) {
        codes.push(QrCode {
            text: decoded.text,
            bbox: decoded.bbox,
            source: QrSource::VectorDrawing,
        });
    }
    let mut unique: Vec<QrCode> = Vec::with_capacity(codes.len());
    for code in codes {
        let duplicate = unique
            .iter()
            .any(|kept| kept.text == code.text && kept.bbox.intersection_area(&code.bbox) > 0.0);
        if !duplicate {
            unique.push(code);
        }
    }
    unique.sort_by(|a, b| {
        a.bbox
            .y0
            .total_cmp(&b.bbox.y0)
            .then(a.bbox.x0.total_cmp(&b.bbox.x0))
    });
    unique
}

/// Whether images cover most of the page.
fn covers_page(images: &[PlacedImage], width: f32, height: f32) -> bool {
    let page = Rect {
        x0: 0.0,
        y0: 0.0,
        x1: width,
        y1: height,
    };
    let page_area = width * height;
    let covered: f32 = images
        .iter()
        .map(|image| image.bounds.intersection_area(&page))
        .sum();
    page_area > 0.0 && covered >= PAGE_IMAGE_COVERAGE * page_area
}
