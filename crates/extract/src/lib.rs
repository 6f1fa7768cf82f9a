//! Reads born-digital documents without OCR.
//!
//! [`extract`] takes the bytes of a PDF or an image (PNG, JPEG) and returns, per page, the
//! text layer as positioned lines of chunks and every QR code found, whether drawn as an
//! embedded image, as vector paths, or present in a raster image. Nothing here knows about
//! tax documents; `tax-facade`'s `local` reader turns an [`Extraction`] into documents.
//!
//! Coordinates are PDF points (1/72 inch) with the origin at the **top left** of the page and
//! `y` growing downwards, so reading order is ascending `y`, then ascending `x`. Images are
//! measured in pixels the same way.
//!
//! Everything is pure Rust: no system library, no model download. Malformed input never
//! panics; it yields an [`ExtractError`].
//!
//! # What is read
//!
//! - **Text**: page content streams, form XObjects and annotation appearances are
//!   interpreted; glyphs are positioned from the fonts' widths and decoded to Unicode
//!   through `/ToUnicode`, the standard single-byte encodings with `/Differences`, and the
//!   `Identity-H`, `UniGB-UCS2-H` and `UniGB-UTF16-H` CMaps. Glyphs on one baseline form a
//!   [`TextLine`] (whatever text object drew them); a gap wider than
//!   [`ExtractOptions::column_gap_em`] font sizes starts a new [`Chunk`], a smaller one
//!   wider than a fifth of an em becomes a space. Invisible text (OCR layers) is kept, text
//!   outside the page is dropped, and rotated text forms lines of its own.
//! - **QR codes** ([`QrSource`]): image XObjects and inline images (Flate, DCT or raw;
//!   gray, RGB, CMYK, indexed, ICC-based; 1 to 16 bits; image masks and soft masks), codes
//!   drawn as filled vector paths at any rotation, and raster inputs.
//! - **Scans**: [`Page::has_page_image`] tells that images cover most of a page;
//!   [`Extraction::is_empty`] that nothing readable was found (OCR would be needed).
//!
//! # Example
//!
//! ```
//! use taxdoc_extract::{ExtractOptions, SourceFormat, extract};
//!
//! // A tiny one-page PDF showing "Invoice No: 42" in Helvetica.
//! let content = "BT /F1 12 Tf 72 700 Td (Invoice No: 42) Tj ET";
//! let objects = [
//!     "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
//!     "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
//!     "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] \
//!        /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>"
//!         .to_owned(),
//!     "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
//!         .to_owned(),
//!     format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len()),
//! ];
//! let mut pdf = b"%PDF-1.4\n".to_vec();
//! let mut offsets = Vec::new();
//! for (number, body) in objects.iter().enumerate() {
//!     offsets.push(pdf.len());
//!     pdf.extend(format!("{} 0 obj\n{body}\nendobj\n", number + 1).bytes());
//! }
//! let xref = pdf.len();
//! pdf.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).bytes());
//! for offset in offsets {
//!     pdf.extend(format!("{offset:010} 00000 n \n").bytes());
//! }
//! pdf.extend(
//!     format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1)
//!         .bytes(),
//! );
//!
//! let extraction = extract(&pdf, &ExtractOptions::default())?;
//! assert_eq!(extraction.format, SourceFormat::Pdf);
//! let line = &extraction.pages[0].lines[0];
//! assert_eq!(line.text(), "Invoice No: 42");
//! // The baseline sits 92 points below the top of the 792-point page.
//! assert!((line.bbox.y1 - 92.0).abs() < 4.0);
//! # Ok::<(), taxdoc_extract::ExtractError>(())
//! ```

// Coordinates, sizes and pixel scales are geometry, never money: floating point is the
// right tool throughout this crate.
#![allow(clippy::float_arithmetic)]

mod geometry;
mod gray;
mod layout;
mod model;
mod pdf;
mod qr;
mod raster;
mod vector_qr;

pub use model::{
    Chunk, ExtractError, ExtractOptions, Extraction, Page, QrCode, QrSource, Rect, SourceFormat,
    TextLine,
};

/// How far into the file the `%PDF-` header may start (some producers prepend junk).
const PDF_HEADER_WINDOW: usize = 1024;

/// Reads a PDF, PNG or JPEG (recognized by its leading bytes) into pages of positioned text
/// lines and QR codes.
///
/// # Errors
///
/// - [`ExtractError::UnknownFormat`] for anything that is not a PDF, PNG or JPEG (HTML,
///   empty input, ...);
/// - [`ExtractError::Pdf`] for a PDF that cannot be parsed (truncated, corrupt);
/// - [`ExtractError::Encrypted`] for a PDF that does not open with the empty password;
/// - [`ExtractError::Image`] for an undecodable image;
/// - [`ExtractError::TooLarge`] for an image above [`ExtractOptions::max_image_pixels`].
pub fn extract(bytes: &[u8], options: &ExtractOptions) -> Result<Extraction, ExtractError> {
    if is_pdf(bytes) {
        pdf::extract_pdf(bytes, options)
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        raster::extract_image(bytes, image::ImageFormat::Png, options)
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        raster::extract_image(bytes, image::ImageFormat::Jpeg, options)
    } else {
        Err(ExtractError::UnknownFormat)
    }
}

/// Whether the bytes carry a `%PDF-` header near the start.
fn is_pdf(bytes: &[u8]) -> bool {
    let window = &bytes[..bytes.len().min(PDF_HEADER_WINDOW)];
    window.windows(5).any(|candidate| candidate == b"%PDF-")
}
