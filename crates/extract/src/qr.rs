//! QR decoding on grayscale rasters, with fallbacks for small, large and noisy images.

use crate::gray::GrayImage;

/// Images at least this long are decoded shrunk (faster, and as reliable for printed codes).
const LARGE_SIDE: usize = 2000;
/// Images narrower than this are enlarged first so a module spans several pixels.
const SMALL_SIDE: usize = 240;

/// The largest enlarged image decoded.
const MAX_ENLARGED_PIXELS: usize = 8_000_000;

/// A decoded code and its corners in image pixels (top-left, top-right, bottom-right,
/// bottom-left in the code's own orientation).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct DecodedQr {
    pub(crate) text: String,
    pub(crate) corners: [(f32, f32); 4],
}

/// Decodes every QR code in `image`, trying variants until one finds a code.
pub(crate) fn decode(image: &GrayImage) -> Vec<DecodedQr> {
    if image.width < 21 || image.height < 21 || image.is_flat() {
        return Vec::new();
    }
    if image.width.max(image.height) >= LARGE_SIDE {
        return decode_large(image);
    }
    let side = image.width.min(image.height);
    let wanted = if side < SMALL_SIDE {
        SMALL_SIDE.div_ceil(side)
    } else {
        1
    };
    // Very elongated small images would grow beyond reason; decode them as they are.
    let enlarged_pixels = image
        .width
        .saturating_mul(image.height)
        .saturating_mul(wanted * wanted);
    let scale_up = if enlarged_pixels > MAX_ENLARGED_PIXELS {
        1
    } else {
        wanted
    };
    let margin = side / 8 + 4;
    let base = if scale_up > 1 {
        image.padded(margin).enlarged(scale_up)
    } else {
        image.padded(margin)
    };
    // Coordinates in `base` map back by removing the enlargement then the margin.
    let to_image = |factor: f32| {
        move |(x, y): (f32, f32)| {
            (
                x * factor / scale_up as f32 - margin as f32,
                y * factor / scale_up as f32 - margin as f32,
            )
        }
    };
    let found = decode_once(&base);
    if !found.is_empty() {
        return map_corners(found, to_image(1.0));
    }
    if !base.is_bilevel() {
        let found = decode_once(&base.thresholded());
        if !found.is_empty() {
            return map_corners(found, to_image(1.0));
        }
    }
    Vec::new()
}

/// Large images (scans, photos) are decoded shrunk: printed codes have modules of many
/// pixels there, and full-size decoding costs far more without finding more.
fn decode_large(image: &GrayImage) -> Vec<DecodedQr> {
    for factor in [2usize, 4] {
        let found = decode_once(&image.shrunk(factor));
        if !found.is_empty() {
            let scale = factor as f32;
            return map_corners(found, move |(x, y)| (x * scale, y * scale));
        }
    }
    Vec::new()
}

/// One attempt with `rqrr`.
fn decode_once(image: &GrayImage) -> Vec<DecodedQr> {
    let mut prepared =
        rqrr::PreparedImage::prepare_from_greyscale(image.width, image.height, |x, y| {
            image.get(x, y)
        });
    prepared
        .detect_grids()
        .into_iter()
        .filter_map(|grid| {
            let (_, text) = grid.decode().ok()?;
            let corners = grid.bounds.map(|point| (point.x as f32, point.y as f32));
            Some(DecodedQr { text, corners })
        })
        .collect()
}

/// Maps corner coordinates with `map`.
fn map_corners(found: Vec<DecodedQr>, map: impl Fn((f32, f32)) -> (f32, f32)) -> Vec<DecodedQr> {
    found
        .into_iter()
        .map(|qr| DecodedQr {
            corners: qr.corners.map(&map),
            text: qr.text,
        })
        .collect()
}
