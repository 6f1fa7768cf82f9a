//! Inputs without a text layer (`tests/corpus/scans/`): image-only PDFs and photos that need
//! OCR, and photos that show nothing but a Chinese invoice QR code.

use anyhow::{Context, Result};
use image::ExtendedColorType;
use image::ImageEncoder;
use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::PngEncoder;

use super::canvas::{GrayImage, Mark, PAGE_HEIGHT, PAGE_WIDTH, Page};
use super::cn::{self, CnLayout, CnSpec};
use super::qr::Matrix;
use super::truth::Truth;
use super::{CorpusFile, pdf};

/// A deterministic "photo" of a printed page: uneven gray paper with dark bars where text
/// lines would be.
fn fake_photo(width: u32, height: u32, seed: u64) -> GrayImage {
    let mut rng = fastrand::Rng::with_seed(seed);
    let (w, h) = (width as usize, height as usize);
    let mut pixels = vec![0u8; w * h];
    for y in 0..h {
        for x in 0..w {
            let shade = 205 + (x * 20 / w.max(1)) + (y * 15 / h.max(1));
            pixels[y * w + x] = u8::try_from(shade.min(250)).unwrap_or(250) - rng.u8(0..4);
        }
    }
    let mut y = h / 12;
    while y + 8 < h - h / 12 {
        let mut x = w / 10;
        let end = w - w / 10 - rng.usize(0..w / 3);
        while x < end {
            let word = rng.usize(w / 40..w / 12).min(end - x);
            for row in y..y + 6 {
                for pixel in &mut pixels[row * w + x..row * w + x + word] {
                    *pixel = 60 + rng.u8(0..30);
                }
            }
            x += word + w / 60;
        }
        y += if rng.u8(0..5) == 0 { 28 } else { 14 };
    }
    GrayImage {
        width,
        height,
        pixels,
    }
}

/// A light square canvas showing `matrix` at `scale` pixels per module, turned by `quarter_turns`.
fn qr_photo(matrix: &Matrix, scale: usize, quarter_turns: u8) -> GrayImage {
    let code = matrix.to_image(scale);
    let margin = 40usize;
    let side = code.width as usize + 2 * margin;
    let mut pixels = vec![238u8; side * side];
    let inner = code.width as usize;
    for y in 0..inner {
        for x in 0..inner {
            let (tx, ty) = match quarter_turns % 4 {
                1 => (inner - 1 - y, x),
                2 => (inner - 1 - x, inner - 1 - y),
                3 => (y, inner - 1 - x),
                _ => (x, y),
            };
            let value = code.pixels[y * inner + x];
            pixels[(ty + margin) * side + tx + margin] = if value == 0 { 20 } else { 238 };
        }
    }
    let side = u32::try_from(side).unwrap_or(u32::MAX);
    GrayImage {
        width: side,
        height: side,
        pixels,
    }
}

fn png(image: &GrayImage) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    PngEncoder::new(&mut out)
        .write_image(
            &image.pixels,
            image.width,
            image.height,
            ExtendedColorType::L8,
        )
        .context("PNG encoding")?;
    Ok(out)
}

fn jpeg(image: &GrayImage) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    JpegEncoder::new_with_quality(&mut out, 75)
        .write_image(
            &image.pixels,
            image.width,
            image.height,
            ExtendedColorType::L8,
        )
        .context("JPEG encoding")?;
    Ok(out)
}

fn pair(name: &str, extension: &str, bytes: Vec<u8>, truth: &Truth) -> [CorpusFile; 2] {
    [
        CorpusFile {
            path: format!("tests/corpus/scans/{name}.{extension}"),
            bytes,
        },
        CorpusFile {
            path: format!("tests/corpus/scans/{name}.truth.json"),
            bytes: truth.to_json(),
        },
    ]
}

/// An image-only PDF of `pages` scanned pages.
fn scanned_pdf(seed: u64, pages: usize) -> Vec<u8> {
    let pages: Vec<Page> = (0..pages)
        .map(|index| Page {
            marks: vec![Mark::Image {
                x: 0.0,
                y: 0.0,
                w: PAGE_WIDTH,
                h: PAGE_HEIGHT,
                angle: if index % 2 == 0 { 0.0 } else { 1.5 },
                image: fake_photo(360, 510, seed + index as u64),
            }],
        })
        .collect();
    pdf::render(&pages)
}

/// All files under `scans/`.
pub(crate) fn files() -> Result<Vec<CorpusFile>> {
    let mut files = Vec::new();
    for (name, seed, pages) in [
        ("scan-faktur", 0x5CA0_u64, 1),
        ("scan-invoice-2p", 0x5CA1, 2),
    ] {
        let truth = Truth::needs_ocr("scan-pdf", pages);
        files.extend(pair(name, "pdf", scanned_pdf(seed, pages), &truth));
    }
    let photo = fake_photo(480, 640, 0x9407);
    files.extend(pair(
        "photo-receipt",
        "png",
        png(&photo)?,
        &Truth::needs_ocr("photo-png", 1),
    ));
    let photo = fake_photo(600, 800, 0x9408);
    files.extend(pair(
        "photo-invoice",
        "jpg",
        jpeg(&photo)?,
        &Truth::needs_ocr("photo-jpeg", 1),
    ));

    let legacy = CnSpec {
        layout: CnLayout::Legacy,
        special: false,
        seed: 0x0051_CA00,
        date: chrono::NaiveDate::from_ymd_opt(2021, 6, 18).unwrap_or_default(),
        items: 2,
        exempt_rows: false,
        remarks: false,
    };
    let digital = CnSpec {
        layout: CnLayout::Digital,
        seed: 0x0051_CA01,
        date: chrono::NaiveDate::from_ymd_opt(2024, 5, 14).unwrap_or_default(),
        ..legacy
    };
    for (name, spec, turns) in [
        ("qr-legacy-0", legacy, 0u8),
        ("qr-legacy-90", legacy, 1),
        ("qr-digital-0", digital, 0),
    ] {
        let invoice = cn::build(&spec)?;
        let matrix = Matrix::encode(&invoice.qr_payload)?;
        let image = qr_photo(&matrix, 6, turns);
        let layout = if spec.layout == CnLayout::Legacy {
            "cn-qr-photo"
        } else {
            "cn-digital-qr-photo"
        };
        files.extend(pair(
            name,
            "png",
            png(&image)?,
            &invoice.qr_only_truth(layout),
        ));
    }
    Ok(files)
}
