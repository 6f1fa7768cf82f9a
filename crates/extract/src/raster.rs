//! Raster inputs (PNG, JPEG): one page, no text, the QR codes found in the pixels.

use crate::geometry::bounds_of;
use crate::model::{
    ExtractError, ExtractOptions, Extraction, Page, QrCode, QrSource, SourceFormat,
};
use crate::pdf::{RasterError, decode_raster};
use crate::qr;

/// Reads a PNG or JPEG.
pub(crate) fn extract_image(
    bytes: &[u8],
    format: image::ImageFormat,
    options: &ExtractOptions,
) -> Result<Extraction, ExtractError> {
    let gray =
        decode_raster(bytes, format, options.max_image_pixels).map_err(|error| match error {
            RasterError::TooLarge(message) => ExtractError::TooLarge(message),
            RasterError::Invalid(message) => ExtractError::Image(message),
        })?;
    let qr_codes = if options.decode_qr {
        qr::decode(&gray)
            .into_iter()
            .map(|decoded| QrCode {
                text: decoded.text,
                bbox: bounds_of(&decoded.corners),
                source: QrSource::Image,
            })
            .collect()
    } else {
        Vec::new()
    };
    Ok(Extraction {
        format: SourceFormat::Image,
        pages: vec![Page {
            index: 0,
            width: gray.width as f32,
            height: gray.height as f32,
            lines: Vec::new(),
            qr_codes,
            has_page_image: true,
        }],
    })
}
