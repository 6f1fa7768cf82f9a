//! A page description independent of the PDF syntax: text runs, rules, boxes, QR codes and
//! images placed in points with the origin at the top-left corner and y growing downwards.

use super::metrics::text_width;

/// A4 width in points.
pub(crate) const PAGE_WIDTH: f32 = 595.0;
/// A4 height in points.
pub(crate) const PAGE_HEIGHT: f32 = 842.0;

/// The typefaces the corpus uses; none is embedded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Face {
    /// Standard-14 Helvetica.
    Helvetica,
    /// Standard-14 Helvetica-Bold.
    HelveticaBold,
    /// Standard-14 Times-Roman.
    Times,
    /// Standard-14 Courier.
    Courier,
    /// `STSong-Light` with the predefined `UniGB-UCS2-H` CMap (no ToUnicode).
    StSong,
    /// A "SimSun" CIDFontType2 with `Identity-H`, document-local glyph ids and a ToUnicode CMap.
    SimSun,
}

impl Face {
    /// Whether the face is a CID-keyed CJK font.
    pub(crate) fn is_cjk(self) -> bool {
        matches!(self, Self::StSong | Self::SimSun)
    }
}

/// A gray raster, one byte per pixel (0 black, 255 white).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct GrayImage {
    /// Width in pixels.
    pub(crate) width: u32,
    /// Height in pixels.
    pub(crate) height: u32,
    /// Row-major pixels.
    pub(crate) pixels: Vec<u8>,
}

/// One drawing instruction.
#[derive(Debug, Clone)]
pub(crate) enum Mark {
    /// A text run; `y` is the baseline.
    Text {
        x: f32,
        y: f32,
        size: f32,
        face: Face,
        text: String,
    },
    /// A stroked line.
    Line { x1: f32, y1: f32, x2: f32, y2: f32 },
    /// A stroked rectangle.
    Frame { x: f32, y: f32, w: f32, h: f32 },
    /// Dark squares of a QR code (or any module grid) drawn as filled rectangles: `modules`
    /// is the grid side, `dark` the row-major module colours, `size` the side in points,
    /// `angle` a counter-clockwise rotation in degrees around the centre.
    Modules {
        x: f32,
        y: f32,
        size: f32,
        angle: f32,
        modules: usize,
        dark: Vec<bool>,
    },
    /// A gray image scaled into `w` × `h` points and rotated by `angle` degrees around its
    /// centre.
    Image {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        angle: f32,
        image: GrayImage,
    },
}

/// One page of marks.
#[derive(Debug, Clone, Default)]
pub(crate) struct Page {
    /// The marks in drawing order.
    pub(crate) marks: Vec<Mark>,
}

impl Page {
    /// Adds a left-aligned text run.
    pub(crate) fn text(&mut self, x: f32, y: f32, size: f32, face: Face, text: &str) {
        if text.is_empty() {
            return;
        }
        self.marks.push(Mark::Text {
            x,
            y,
            size,
            face,
            text: text.to_owned(),
        });
    }

    /// Adds a text run that ends at `right`.
    pub(crate) fn text_right(&mut self, right: f32, y: f32, size: f32, face: Face, text: &str) {
        let width = text_width(face, text, size);
        self.text(right - width, y, size, face, text);
    }

    /// Adds a text run centred on `centre`.
    pub(crate) fn text_centred(&mut self, centre: f32, y: f32, size: f32, face: Face, text: &str) {
        let width = text_width(face, text, size);
        self.text(centre - width / 2.0, y, size, face, text);
    }

    /// Adds a horizontal rule.
    pub(crate) fn rule(&mut self, x1: f32, x2: f32, y: f32) {
        self.marks.push(Mark::Line {
            x1,
            y1: y,
            x2,
            y2: y,
        });
    }

    /// Adds a stroked rectangle.
    pub(crate) fn frame(&mut self, x: f32, y: f32, w: f32, h: f32) {
        self.marks.push(Mark::Frame { x, y, w, h });
    }
}

/// Splits `text` at spaces into lines no wider than `width`; joining the lines with single
/// spaces gives back the whitespace-collapsed text.
pub(crate) fn wrap(text: &str, face: Face, size: f32, width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_owned()
        } else {
            format!("{line} {word}")
        };
        if !line.is_empty() && text_width(face, &candidate, size) > width {
            lines.push(std::mem::replace(&mut line, word.to_owned()));
        } else {
            line = candidate;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapped_lines_join_back_to_the_text() {
        let text = "JL. JEND. SUDIRMAN KAV. 52-53 NO. 1, SENAYAN, KEBAYORAN BARU, JAKARTA SELATAN";
        let lines = wrap(text, Face::Helvetica, 9.0, 200.0);
        assert!(lines.len() >= 2);
        assert_eq!(lines.join(" "), text);
        for line in &lines {
            assert!(text_width(Face::Helvetica, line, 9.0) <= 200.0);
        }
    }
}
