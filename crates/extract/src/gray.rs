//! 8-bit grayscale rasters and the few transforms QR decoding needs.

/// An 8-bit grayscale image, row-major, 0 = black, 255 = white.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct GrayImage {
    pub(crate) width: usize,
    pub(crate) height: usize,
    pub(crate) pixels: Vec<u8>,
}

impl GrayImage {
    /// A white image.
    pub(crate) fn white(width: usize, height: usize) -> Self {
        Self {
            width,
            height,
            pixels: vec![255; width.saturating_mul(height)],
        }
    }

    /// The pixel at (`x`, `y`), white outside the image.
    pub(crate) fn get(&self, x: usize, y: usize) -> u8 {
        if x < self.width && y < self.height {
            self.pixels.get(y * self.width + x).copied().unwrap_or(255)
        } else {
            255
        }
    }

    /// The image surrounded by a white margin of `margin` pixels.
    pub(crate) fn padded(&self, margin: usize) -> Self {
        let width = self.width + 2 * margin;
        let height = self.height + 2 * margin;
        let mut out = Self::white(width, height);
        for y in 0..self.height {
            let source = &self.pixels[y * self.width..(y + 1) * self.width];
            let start = (y + margin) * width + margin;
            out.pixels[start..start + self.width].copy_from_slice(source);
        }
        out
    }

    /// The image enlarged by an integer factor (nearest neighbour).
    pub(crate) fn enlarged(&self, factor: usize) -> Self {
        let factor = factor.max(1);
        let width = self.width * factor;
        let height = self.height * factor;
        let mut pixels = Vec::with_capacity(width * height);
        for y in 0..height {
            let row = y / factor * self.width;
            pixels.extend((0..width).map(|x| self.pixels[row + x / factor]));
        }
        Self {
            width,
            height,
            pixels,
        }
    }

    /// The image shrunk by an integer factor (box average).
    pub(crate) fn shrunk(&self, factor: usize) -> Self {
        let factor = factor.max(1);
        let width = (self.width / factor).max(1);
        let height = (self.height / factor).max(1);
        let mut pixels = Vec::with_capacity(width * height);
        for y in 0..height {
            for x in 0..width {
                let mut sum = 0u32;
                let mut count = 0u32;
                for dy in 0..factor {
                    for dx in 0..factor {
                        let (sx, sy) = (x * factor + dx, y * factor + dy);
                        if sx < self.width && sy < self.height {
                            sum += u32::from(self.pixels[sy * self.width + sx]);
                            count += 1;
                        }
                    }
                }
                pixels.push(u8::try_from(sum / count.max(1)).unwrap_or(255));
            }
        }
        Self {
            width,
            height,
            pixels,
        }
    }

    /// The image upside down.
    pub(crate) fn flipped_vertically(&self) -> Self {
        let pixels = self
            .pixels
            .chunks(self.width.max(1))
            .rev()
            .flatten()
            .copied()
            .collect();
        Self {
            width: self.width,
            height: self.height,
            pixels,
        }
    }

    /// Black and white at the mean of the darkest and lightest pixel.
    pub(crate) fn thresholded(&self) -> Self {
        let darkest = self.pixels.iter().copied().min().unwrap_or(0);
        let lightest = self.pixels.iter().copied().max().unwrap_or(255);
        let middle = (u16::from(darkest) + u16::from(lightest)) / 2;
        let pixels = self
            .pixels
            .iter()
            .map(|&value| if u16::from(value) <= middle { 0 } else { 255 })
            .collect();
        Self {
            width: self.width,
            height: self.height,
            pixels,
        }
    }

    /// Whether every pixel is pure black or pure white (thresholding changes nothing).
    pub(crate) fn is_bilevel(&self) -> bool {
        self.pixels.iter().all(|&value| value == 0 || value == 255)
    }

    /// Whether every pixel has nearly the same value (nothing to decode).
    pub(crate) fn is_flat(&self) -> bool {
        let darkest = self.pixels.iter().copied().min().unwrap_or(0);
        let lightest = self.pixels.iter().copied().max().unwrap_or(0);
        lightest.saturating_sub(darkest) < 48
    }
}
