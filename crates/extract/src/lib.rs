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

mod model;

pub use model::{
    Chunk, ExtractError, ExtractOptions, Extraction, Page, QrCode, QrSource, Rect, SourceFormat,
    TextLine,
};
