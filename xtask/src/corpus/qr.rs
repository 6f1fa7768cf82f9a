//! QR code matrices (from the `qrcode` crate) and their placement as vector modules or as a
//! gray image.

use anyhow::{Context, Result};
use qrcode::{Color, EcLevel, QrCode};

use super::canvas::{GrayImage, Mark};

/// Modules of quiet zone around a code drawn on a page.
const QUIET_ZONE: usize = 4;

/// A QR code as a square grid including its quiet zone.
#[derive(Debug, Clone)]
pub(crate) struct Matrix {
    /// Modules per side.
    pub(crate) side: usize,
    /// Row-major cells, true for dark.
    pub(crate) dark: Vec<bool>,
}

impl Matrix {
    /// Encodes `payload` with error correction level M.
    pub(crate) fn encode(payload: &str) -> Result<Self> {
        let code = QrCode::with_error_correction_level(payload.as_bytes(), EcLevel::M)
            .with_context(|| format!("QR encoding of {payload:?}"))?;
        let width = code.width();
        let colors = code.to_colors();
        let side = width + 2 * QUIET_ZONE;
        let mut dark = vec![false; side * side];
        for (index, color) in colors.iter().enumerate() {
            let row = index / width + QUIET_ZONE;
            let column = index % width + QUIET_ZONE;
            dark[row * side + column] = *color == Color::Dark;
        }
        Ok(Self { side, dark })
    }

    /// A gray raster with `scale` pixels per module.
    pub(crate) fn to_image(&self, scale: usize) -> GrayImage {
        let pixels_per_side = self.side * scale;
        let mut pixels = Vec::with_capacity(pixels_per_side * pixels_per_side);
        for y in 0..pixels_per_side {
            for x in 0..pixels_per_side {
                let dark = self.dark[(y / scale) * self.side + x / scale];
                pixels.push(if dark { 0 } else { 255 });
            }
        }
        let side = u32::try_from(pixels_per_side).unwrap_or(u32::MAX);
        GrayImage {
            width: side,
            height: side,
            pixels,
        }
    }
}

/// How a QR code is drawn on a page.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum QrStyle {
    /// Filled rectangles in the content stream.
    Vector,
    /// An embedded Flate image with this many pixels per module.
    Image(usize),
}

/// The mark that draws `matrix` as a `size`-point square at (`x`, `y`), rotated by `angle`.
pub(crate) fn mark(matrix: &Matrix, style: QrStyle, x: f32, y: f32, size: f32, angle: f32) -> Mark {
    match style {
        QrStyle::Vector => Mark::Modules {
            x,
            y,
            size,
            angle,
            modules: matrix.side,
            dark: matrix.dark.clone(),
        },
        QrStyle::Image(scale) => Mark::Image {
            x,
            y,
            w: size,
            h: size,
            angle,
            image: matrix.to_image(scale),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matrix_has_a_quiet_zone_and_finder_patterns() {
        let matrix =
            Matrix::encode("01,10,044031900111,12345678,94.34,20190815,12345678901234567890,1A2B")
                .unwrap();
        assert!(matrix.dark[..matrix.side * QUIET_ZONE].iter().all(|d| !d));
        // The top-left finder pattern starts right after the quiet zone.
        assert!(matrix.dark[QUIET_ZONE * matrix.side + QUIET_ZONE]);
        let image = matrix.to_image(3);
        assert_eq!(image.width as usize, matrix.side * 3);
        assert_eq!(image.pixels.len(), (matrix.side * 3).pow(2));
    }
}
