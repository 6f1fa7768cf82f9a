//! Reading an image's pixel size from its header, without decoding the image.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::sniff::InputFormat;

/// The pixel size of an image.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub struct Dimensions {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
}

impl Dimensions {
    /// The shorter side.
    pub fn min_side(self) -> u32 {
        self.width.min(self.height)
    }

    /// The longer side.
    pub fn max_side(self) -> u32 {
        self.width.max(self.height)
    }
}

/// Reads the pixel size from the header of a PNG, JPEG (first SOFn marker), BMP, GIF or TIFF
/// (first IFD) file. Returns `None` for other formats and for truncated or damaged headers;
/// never panics, whatever the bytes.
///
/// ```
/// use tax_facade::input::{read_dimensions, Dimensions, InputFormat};
///
/// let gif = b"GIF89a\x20\x03\x58\x02\x00\x00\x00";
/// assert_eq!(
///     read_dimensions(InputFormat::Gif, gif),
///     Some(Dimensions { width: 800, height: 600 })
/// );
/// ```
pub fn read_dimensions(format: InputFormat, bytes: &[u8]) -> Option<Dimensions> {
    let (width, height) = match format {
        InputFormat::Png => png(bytes)?,
        InputFormat::Jpeg => jpeg(bytes)?,
        InputFormat::Bmp => bmp(bytes)?,
        InputFormat::Gif => (u32::from(le16(bytes, 6)?), u32::from(le16(bytes, 8)?)),
        InputFormat::Tiff => tiff(bytes)?,
        InputFormat::Pdf | InputFormat::Ofd | InputFormat::Webp => return None,
    };
    Some(Dimensions { width, height })
}

fn array<const N: usize>(bytes: &[u8], at: usize) -> Option<[u8; N]> {
    bytes.get(at..at.checked_add(N)?)?.try_into().ok()
}

fn le16(bytes: &[u8], at: usize) -> Option<u16> {
    array(bytes, at).map(u16::from_le_bytes)
}

fn be16(bytes: &[u8], at: usize) -> Option<u16> {
    array(bytes, at).map(u16::from_be_bytes)
}

fn png(bytes: &[u8]) -> Option<(u32, u32)> {
    if bytes.get(12..16)? != b"IHDR" {
        return None;
    }
    Some((
        u32::from_be_bytes(array(bytes, 16)?),
        u32::from_be_bytes(array(bytes, 20)?),
    ))
}

/// Walks the marker segments until a start-of-frame (SOF0–SOF15 except DHT, JPG and DAC),
/// whose payload holds precision, height and width.
fn jpeg(bytes: &[u8]) -> Option<(u32, u32)> {
    let mut at = 2;
    loop {
        if *bytes.get(at)? != 0xFF {
            return None;
        }
        let mut marker_at = at + 1;
        while *bytes.get(marker_at)? == 0xFF {
            marker_at += 1;
        }
        let marker = *bytes.get(marker_at)?;
        at = marker_at + 1;
        match marker {
            0xD8 | 0x01 | 0xD0..=0xD7 => continue,
            0xD9 | 0xDA => return None,
            _ => {}
        }
        let length = usize::from(be16(bytes, at)?);
        if length < 2 {
            return None;
        }
        if matches!(marker, 0xC0..=0xCF) && !matches!(marker, 0xC4 | 0xC8 | 0xCC) {
            let height = be16(bytes, at + 3)?;
            let width = be16(bytes, at + 5)?;
            return Some((u32::from(width), u32::from(height)));
        }
        at = at.checked_add(length)?;
    }
}

fn bmp(bytes: &[u8]) -> Option<(u32, u32)> {
    let header_size = u32::from_le_bytes(array(bytes, 14)?);
    if header_size == 12 {
        return Some((u32::from(le16(bytes, 18)?), u32::from(le16(bytes, 20)?)));
    }
    let width = i32::from_le_bytes(array(bytes, 18)?);
    // A negative height marks a top-down bitmap.
    let height = i32::from_le_bytes(array(bytes, 22)?);
    Some((width.unsigned_abs(), height.unsigned_abs()))
}

const TIFF_IMAGE_WIDTH: u16 = 256;
const TIFF_IMAGE_LENGTH: u16 = 257;
const TIFF_SHORT: u16 = 3;
const TIFF_LONG: u16 = 4;

fn tiff(bytes: &[u8]) -> Option<(u32, u32)> {
    let big_endian = match bytes.get(0..2)? {
        b"II" => false,
        b"MM" => true,
        _ => return None,
    };
    let u16_at = |at: usize| {
        array(bytes, at).map(|b| {
            if big_endian {
                u16::from_be_bytes(b)
            } else {
                u16::from_le_bytes(b)
            }
        })
    };
    let u32_at = |at: usize| {
        array(bytes, at).map(|b| {
            if big_endian {
                u32::from_be_bytes(b)
            } else {
                u32::from_le_bytes(b)
            }
        })
    };
    let ifd = usize::try_from(u32_at(4)?).ok()?;
    let count = usize::from(u16_at(ifd)?);
    let (mut width, mut height) = (None, None);
    for index in 0..count {
        let entry = ifd.checked_add(2)?.checked_add(index.checked_mul(12)?)?;
        let tag = u16_at(entry)?;
        if tag != TIFF_IMAGE_WIDTH && tag != TIFF_IMAGE_LENGTH {
            continue;
        }
        let value_at = entry.checked_add(8)?;
        let value = match u16_at(entry.checked_add(2)?)? {
            TIFF_SHORT => u32::from(u16_at(value_at)?),
            TIFF_LONG => u32_at(value_at)?,
            _ => return None,
        };
        if tag == TIFF_IMAGE_WIDTH {
            width = Some(value);
        } else {
            height = Some(value);
        }
        if let (Some(w), Some(h)) = (width, height) {
            return Some((w, h));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dims(width: u32, height: u32) -> Option<Dimensions> {
        Some(Dimensions { width, height })
    }

    #[test]
    fn png_width_and_height_come_from_ihdr() {
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
        png.extend_from_slice(&1240u32.to_be_bytes());
        png.extend_from_slice(&1754u32.to_be_bytes());
        assert_eq!(read_dimensions(InputFormat::Png, &png), dims(1240, 1754));
        assert_eq!(read_dimensions(InputFormat::Png, &png[..22]), None);
    }

    #[test]
    fn jpeg_skips_segments_until_the_frame_header() {
        let mut jpeg = vec![0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x06, b'J', b'F', b'I', b'F'];
        jpeg.extend_from_slice(&[0xFF, 0xFF, 0xC2, 0x00, 0x0B, 0x08, 0x02, 0x58, 0x03, 0x20]);
        assert_eq!(read_dimensions(InputFormat::Jpeg, &jpeg), dims(800, 600));
        // A Huffman table (0xC4) is not a frame header.
        let dht = [
            0xFF, 0xD8, 0xFF, 0xC4, 0x00, 0x07, 0, 0x02, 0x58, 0x03, 0x20,
        ];
        assert_eq!(read_dimensions(InputFormat::Jpeg, &dht), None);
    }

    #[test]
    fn bmp_handles_both_header_kinds_and_top_down_images() {
        let mut info = b"BM\0\0\0\0\0\0\0\0\x36\0\0\0\x28\0\0\0".to_vec();
        info.extend_from_slice(&640i32.to_le_bytes());
        info.extend_from_slice(&(-480i32).to_le_bytes());
        assert_eq!(read_dimensions(InputFormat::Bmp, &info), dims(640, 480));
        let mut core = b"BM\0\0\0\0\0\0\0\0\x1a\0\0\0\x0c\0\0\0".to_vec();
        core.extend_from_slice(&[0x40, 0x01, 0xF0, 0x00]);
        assert_eq!(read_dimensions(InputFormat::Bmp, &core), dims(320, 240));
    }

    #[test]
    fn tiff_reads_the_first_ifd_in_both_byte_orders() {
        let little = [
            b'I', b'I', 42, 0, 8, 0, 0, 0, // header, IFD at 8
            2, 0, // two entries
            0, 1, 3, 0, 1, 0, 0, 0, 0x20, 0x03, 0, 0, // width SHORT 800
            1, 1, 4, 0, 1, 0, 0, 0, 0x58, 0x02, 0, 0, // height LONG 600
        ];
        assert_eq!(read_dimensions(InputFormat::Tiff, &little), dims(800, 600));
        let big = [
            b'M', b'M', 0, 42, 0, 0, 0, 8, // header, IFD at 8
            0, 2, // two entries
            1, 0, 0, 4, 0, 0, 0, 1, 0, 0, 0x03, 0x20, // width LONG 800
            1, 1, 0, 3, 0, 0, 0, 1, 0x02, 0x58, 0, 0, // height SHORT 600
        ];
        assert_eq!(read_dimensions(InputFormat::Tiff, &big), dims(800, 600));
        assert_eq!(read_dimensions(InputFormat::Tiff, &big[..20]), None);
    }
}
