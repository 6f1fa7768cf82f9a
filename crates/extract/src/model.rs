//! The values [`crate::extract`] returns.

use serde::Serialize;

/// An axis-aligned rectangle in page coordinates (origin top left, `y` down).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Rect {
    /// Left edge.
    pub x0: f32,
    /// Top edge.
    pub y0: f32,
    /// Right edge.
    pub x1: f32,
    /// Bottom edge.
    pub y1: f32,
}

/// What kind of file was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceFormat {
    /// A PDF document.
    Pdf,
    /// A raster image (PNG or JPEG).
    Image,
}

/// Where a QR code was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum QrSource {
    /// An image XObject (or inline image) inside a PDF.
    EmbeddedImage,
    /// Filled vector paths inside a PDF, rasterized for decoding.
    VectorDrawing,
    /// A raster image given as the input.
    Image,
}

/// One decoded QR code.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QrCode {
    /// The decoded payload (UTF-8; invalid sequences replaced).
    pub text: String,
    /// Where the code sits on the page.
    pub bbox: Rect,
    /// How the code was drawn.
    pub source: QrSource,
}

/// A run of text on one line with no wide gap inside: words joined by single spaces.
///
/// Text separated by a gap wider than [`ExtractOptions::column_gap_em`] times the font size
/// starts a new chunk, so table columns and `label    value` pairs come out as separate
/// chunks.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Chunk {
    /// The text, whitespace collapsed to single spaces, trimmed.
    pub text: String,
    /// The bounding box of the glyphs.
    pub bbox: Rect,
    /// The font size in points (the effective size after text and page transforms).
    pub font_size: f32,
}

/// Chunks sharing a baseline, left to right.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TextLine {
    /// The chunks, ordered by `bbox.x0`.
    pub chunks: Vec<Chunk>,
    /// The union of the chunks' boxes.
    pub bbox: Rect,
}

impl TextLine {
    /// The line's text: the chunks joined by a single space.
    pub fn text(&self) -> String {
        self.chunks
            .iter()
            .map(|chunk| chunk.text.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// One page of a document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Page {
    /// Zero-based page index.
    pub index: u32,
    /// Page width in points (pixels for images), after `/Rotate` is applied.
    pub width: f32,
    /// Page height in points (pixels for images), after `/Rotate` is applied.
    pub height: f32,
    /// The text lines, top to bottom.
    pub lines: Vec<TextLine>,
    /// The QR codes, top to bottom.
    pub qr_codes: Vec<QrCode>,
    /// Whether the page paints raster images covering most of it (a scanned page).
    pub has_page_image: bool,
}

/// Everything read from a document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Extraction {
    /// The input's format.
    pub format: SourceFormat,
    /// The pages, in order.
    pub pages: Vec<Page>,
}

impl Extraction {
    /// Whether no page has any text or QR code: a scan or photo that needs OCR.
    pub fn is_empty(&self) -> bool {
        self.pages
            .iter()
            .all(|page| page.lines.is_empty() && page.qr_codes.is_empty())
    }
}

/// Limits and tuning for [`crate::extract`].
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq)]
pub struct ExtractOptions {
    /// Pages beyond this many are not read (default 50).
    pub max_pages: usize,
    /// Whether to look for QR codes at all (default true).
    pub decode_qr: bool,
    /// A horizontal gap wider than this many font sizes splits a line into chunks
    /// (default 1.0).
    pub column_gap_em: f32,
    /// Largest image, in pixels (width × height), that is decoded (default 40 million).
    pub max_image_pixels: u64,
}

impl Default for ExtractOptions {
    fn default() -> Self {
        Self {
            max_pages: 50,
            decode_qr: true,
            column_gap_em: 1.0,
            max_image_pixels: 40_000_000,
        }
    }
}

/// Why a document could not be read.
#[non_exhaustive]
#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    /// The bytes are neither a PDF nor a supported image.
    #[error("not a PDF, PNG or JPEG file")]
    UnknownFormat,
    /// The PDF could not be parsed.
    #[error("the PDF could not be read: {0}")]
    Pdf(String),
    /// The PDF is encrypted and cannot be opened without a password.
    #[error("the PDF is encrypted")]
    Encrypted,
    /// The image could not be decoded.
    #[error("the image could not be decoded: {0}")]
    Image(String),
    /// A limit of [`ExtractOptions`] was exceeded.
    #[error("the document exceeds a limit: {0}")]
    TooLarge(String),
}
