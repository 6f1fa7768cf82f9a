//! Approximate glyph advances (in 1/1000 em) of the standard fonts, used both for the
//! `/Widths` arrays written into the PDF and for the layout (right-aligned amounts, wrapping).

use super::canvas::Face;

/// Helvetica advances for the printable ASCII range 32..=126.
const HELVETICA: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // ' '../
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0..?
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @..O
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P.._
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // `..o
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, // p..~
];

/// Helvetica-Bold advances for 32..=126.
const HELVETICA_BOLD: [u16; 95] = [
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, //
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, //
    975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778, //
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556, //
    333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, //
    611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584, //
];

/// Times-Roman advances for 32..=126.
const TIMES: [u16; 95] = [
    250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278, //
    500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444, //
    921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, //
    556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500, //
    333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, //
    500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541, //
];

/// The advance of a WinAnsi code in a standard font.
pub(crate) fn latin_advance(face: Face, code: u8) -> u16 {
    let table = match face {
        Face::Courier => return 600,
        Face::HelveticaBold => &HELVETICA_BOLD,
        Face::Times => &TIMES,
        Face::Helvetica | Face::StSong | Face::SimSun => &HELVETICA,
    };
    match code {
        32..=126 => table[usize::from(code - 32)],
        _ => 556,
    }
}

/// The advance of a character in a CID font: half width for ASCII, full width otherwise.
pub(crate) fn cjk_advance(c: char) -> u16 {
    if c.is_ascii() { 500 } else { 1000 }
}

/// The WinAnsi code of a character; characters outside the encoding become `?`.
pub(crate) fn win_ansi(c: char) -> u8 {
    match c {
        ' '..='~' => u8::try_from(u32::from(c)).unwrap_or(b'?'),
        '¥' => 0xA5,
        '©' => 0xA9,
        'é' => 0xE9,
        _ => b'?',
    }
}

/// The width of `text` in points at `size`.
pub(crate) fn text_width(face: Face, text: &str, size: f32) -> f32 {
    let units: f32 = text
        .chars()
        .map(|c| {
            f32::from(if face.is_cjk() {
                cjk_advance(c)
            } else {
                latin_advance(face, win_ansi(c))
            })
        })
        .sum();
    units * size / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn courier_is_monospaced_and_cjk_is_full_width() {
        assert!((text_width(Face::Courier, "iiii", 10.0) - 24.0).abs() < 1e-4);
        assert!((text_width(Face::StSong, "发票a", 10.0) - 25.0).abs() < 1e-4);
        assert!(text_width(Face::Helvetica, "W", 10.0) > text_width(Face::Helvetica, "i", 10.0));
    }
}
