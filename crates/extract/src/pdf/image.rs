//! Decoding PDF image XObjects and inline images to 8-bit gray.

use lopdf::{Dictionary, Document, Object, Stream};

use super::objects::{entry, name_entry, number_entry, resolve, stream_data};
use crate::gray::GrayImage;

/// How samples map to colour.
#[derive(Debug, Clone, PartialEq)]
enum ColorSpace {
    Gray,
    Rgb,
    Cmyk,
    /// One tint component where 1 is full ink (Separation, DeviceN with one colourant).
    Tint,
    /// A palette of `base` colours, `components` bytes per entry.
    Indexed {
        base: Box<ColorSpace>,
        palette: Vec<u8>,
    },
}

impl ColorSpace {
    /// Components per sample.
    fn components(&self) -> usize {
        match self {
            Self::Gray | Self::Tint | Self::Indexed { .. } => 1,
            Self::Rgb => 3,
            Self::Cmyk => 4,
        }
    }

    /// The gray level of one sample whose components are scaled to 0..=255.
    fn gray(&self, samples: &[u8]) -> u8 {
        match self {
            Self::Gray => samples[0],
            Self::Tint => 255 - samples[0],
            Self::Rgb => rgb_to_gray(samples[0], samples[1], samples[2]),
            Self::Cmyk => {
                let black = u32::from(samples[3]);
                let channel = |ink: u8| {
                    let value = (255 - u32::from(ink)) * (255 - black) / 255;
                    u8::try_from(value).unwrap_or(255)
                };
                rgb_to_gray(
                    channel(samples[0]),
                    channel(samples[1]),
                    channel(samples[2]),
                )
            }
            Self::Indexed { base, palette } => {
                let size = base.components();
                let start = usize::from(samples[0]) * size;
                match palette.get(start..start + size) {
                    Some(entry) => base.gray(entry),
                    None => 255,
                }
            }
        }
    }
}

/// Luma of an RGB colour.
pub(crate) fn rgb_to_gray(red: u8, green: u8, blue: u8) -> u8 {
    let value = (299 * u32::from(red) + 587 * u32::from(green) + 114 * u32::from(blue)) / 1000;
    u8::try_from(value).unwrap_or(255)
}

/// Reads a colour space object; unknown spaces read as gray.
fn color_space(doc: &Document, object: Option<&Object>, depth: usize) -> Option<ColorSpace> {
    let object = object?;
    match resolve(doc, object) {
        Object::Name(name) => Some(match name.as_slice() {
            b"DeviceRGB" | b"RGB" | b"CalRGB" => ColorSpace::Rgb,
            b"DeviceCMYK" | b"CMYK" => ColorSpace::Cmyk,
            _ => ColorSpace::Gray,
        }),
        Object::Array(items) => {
            let family = items
                .first()
                .map(|item| resolve(doc, item))
                .and_then(|item| item.as_name().ok())?;
            match family {
                b"ICCBased" => {
                    let components = items
                        .get(1)
                        .map(|item| resolve(doc, item))
                        .and_then(|item| item.as_stream().ok())
                        .and_then(|stream| number_entry(doc, &stream.dict, b"N"));
                    Some(match components {
                        Some(n) if n >= 3.5 => ColorSpace::Cmyk,
                        Some(n) if n >= 2.5 => ColorSpace::Rgb,
                        _ => ColorSpace::Gray,
                    })
                }
                b"CalRGB" | b"Lab" => Some(ColorSpace::Rgb),
                b"CalGray" => Some(ColorSpace::Gray),
                b"Separation" | b"DeviceN" => Some(ColorSpace::Tint),
                b"Indexed" | b"I" if depth < 2 => {
                    let base = color_space(doc, items.get(1), depth + 1)?;
                    let palette = match items.get(3).map(|item| resolve(doc, item)) {
                        Some(Object::String(bytes, _)) => bytes.clone(),
                        Some(Object::Stream(stream)) => stream_data(stream)?,
                        _ => return None,
                    };
                    Some(ColorSpace::Indexed {
                        base: Box::new(base),
                        palette,
                    })
                }
                _ => None,
            }
        }
        _ => None,
    }
}

/// An entry under its full or abbreviated (inline image) key.
fn either<'a>(
    doc: &'a Document,
    dict: &'a Dictionary,
    full: &[u8],
    short: &[u8],
) -> Option<&'a Object> {
    entry(doc, dict, full).or_else(|| entry(doc, dict, short))
}

/// The pixel size of an image without decoding it.
pub(crate) fn image_size(doc: &Document, dict: &Dictionary) -> Option<(usize, usize)> {
    let width = either(doc, dict, b"Width", b"W").and_then(|value| value.as_i64().ok())?;
    let height = either(doc, dict, b"Height", b"H").and_then(|value| value.as_i64().ok())?;
    Some((usize::try_from(width).ok()?, usize::try_from(height).ok()?))
}

/// Decodes an image to gray; `None` for unsupported filters or malformed data.
///
/// A soft mask (`/SMask`) is applied over white, so codes drawn as opaque pixels on a
/// transparent background come out dark on white.
pub(crate) fn decode_image(doc: &Document, stream: &Stream, max_pixels: u64) -> Option<GrayImage> {
    let mut image = decode_samples(doc, stream, max_pixels)?;
    if let Some(Object::Stream(mask)) = entry(doc, &stream.dict, b"SMask")
        && let Some(alpha) = decode_samples(doc, mask, max_pixels)
    {
        apply_soft_mask(&mut image, &alpha);
    }
    Some(image)
}

/// Blends `image` over white using `alpha` (scaled to the image size when it differs).
fn apply_soft_mask(image: &mut GrayImage, alpha: &GrayImage) {
    let (width, height) = (image.width, image.height);
    for y in 0..height {
        let alpha_y = y * alpha.height / height.max(1);
        for x in 0..width {
            let alpha_x = x * alpha.width / width.max(1);
            let opacity = u32::from(alpha.get(alpha_x, alpha_y));
            let pixel = &mut image.pixels[y * width + x];
            let blended = (u32::from(*pixel) * opacity + 255 * (255 - opacity)) / 255;
            *pixel = u8::try_from(blended).unwrap_or(u8::MAX);
        }
    }
}

/// Decodes an image's own samples to gray.
fn decode_samples(doc: &Document, stream: &Stream, max_pixels: u64) -> Option<GrayImage> {
    let dict = &stream.dict;
    let (width, height) = image_size(doc, dict)?;
    let pixels = u64::try_from(width)
        .ok()?
        .checked_mul(u64::try_from(height).ok()?)?;
    if width == 0 || height == 0 || pixels > max_pixels {
        return None;
    }
    let filters = filter_names(doc, dict);
    if filters
        .last()
        .is_some_and(|name| name == b"DCTDecode" || name == b"DCT")
    {
        if filters.len() != 1 {
            return None;
        }
        return decode_jpeg(&stream.content, max_pixels);
    }
    if filters.iter().any(|name| {
        !matches!(
            name.as_slice(),
            b"FlateDecode"
                | b"Fl"
                | b"LZWDecode"
                | b"ASCII85Decode"
                | b"ASCIIHexDecode"
                | b"RunLengthDecode"
        )
    }) {
        return None;
    }
    let data = stream_data(stream)?;
    let image_mask = either(doc, dict, b"ImageMask", b"IM")
        .and_then(|value| value.as_bool().ok())
        .unwrap_or(false);
    let inverted = either(doc, dict, b"Decode", b"D")
        .and_then(|value| value.as_array().ok())
        .and_then(|values| values.first())
        .and_then(|first| first.as_float().ok())
        .is_some_and(|first| first > 0.5);
    let (space, bits) = if image_mask {
        (ColorSpace::Gray, 1)
    } else {
        let space = color_space(doc, either(doc, dict, b"ColorSpace", b"CS"), 0)
            .unwrap_or(ColorSpace::Gray);
        let bits = either(doc, dict, b"BitsPerComponent", b"BPC")
            .and_then(|value| value.as_i64().ok())
            .unwrap_or(8);
        (space, usize::try_from(bits).ok()?)
    };
    if !matches!(bits, 1 | 2 | 4 | 8 | 16) {
        return None;
    }
    let gray = unpack(&data, width, height, bits, &space)?;
    let mut image = GrayImage {
        width,
        height,
        pixels: gray,
    };
    // An image mask paints where samples are 0 (with the fill colour, assumed dark), which
    // unpacks to black already; /Decode [1 0] swaps that, and inverts gray images too.
    let invert = inverted && (image_mask || space == ColorSpace::Gray);
    if invert {
        image
            .pixels
            .iter_mut()
            .for_each(|value| *value = 255 - *value);
    }
    Some(image)
}

/// The `/Filter` names in decoding order.
fn filter_names(doc: &Document, dict: &Dictionary) -> Vec<Vec<u8>> {
    match either(doc, dict, b"Filter", b"F") {
        Some(Object::Name(name)) => vec![name.clone()],
        Some(Object::Array(items)) => items
            .iter()
            .filter_map(|item| resolve(doc, item).as_name().ok().map(<[u8]>::to_vec))
            .collect(),
        _ => Vec::new(),
    }
}

/// Unpacks packed samples (rows padded to whole bytes) into gray pixels.
fn unpack(
    data: &[u8],
    width: usize,
    height: usize,
    bits: usize,
    space: &ColorSpace,
) -> Option<Vec<u8>> {
    let components = space.components();
    let row_bytes = (width.checked_mul(components)?.checked_mul(bits)?).div_ceil(8);
    if data.len() < row_bytes.checked_mul(height)? {
        return None;
    }
    let indexed = matches!(space, ColorSpace::Indexed { .. });
    let max_value = (1u32 << bits.min(16)) - 1;
    let mut pixels = Vec::with_capacity(width * height);
    let mut sample = [0u8; 4];
    for y in 0..height {
        let row = &data[y * row_bytes..(y + 1) * row_bytes];
        for x in 0..width {
            for (component, slot) in sample.iter_mut().enumerate().take(components) {
                let index = x * components + component;
                let raw = match bits {
                    8 => u32::from(row[index]),
                    16 => u32::from(row[index * 2]) << 8 | u32::from(row[index * 2 + 1]),
                    _ => {
                        let bit = index * bits;
                        let byte = row[bit / 8];
                        let shift = 8 - bits - bit % 8;
                        (u32::from(byte) >> shift) & max_value
                    }
                };
                *slot = if indexed {
                    u8::try_from(raw).unwrap_or(u8::MAX)
                } else {
                    u8::try_from(raw * 255 / max_value).unwrap_or(u8::MAX)
                };
            }
            pixels.push(space.gray(&sample[..components]));
        }
    }
    Some(pixels)
}

/// Decodes a JPEG to gray.
pub(crate) fn decode_jpeg(data: &[u8], max_pixels: u64) -> Option<GrayImage> {
    decode_raster(data, image::ImageFormat::Jpeg, max_pixels).ok()
}

/// Why a raster could not be decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum RasterError {
    /// The image has more pixels than allowed.
    TooLarge(String),
    /// The data is not a valid image.
    Invalid(String),
}

/// Decodes a PNG or JPEG to gray, within a pixel budget.
pub(crate) fn decode_raster(
    data: &[u8],
    format: image::ImageFormat,
    max_pixels: u64,
) -> Result<GrayImage, RasterError> {
    let invalid = |error: image::ImageError| RasterError::Invalid(error.to_string());
    let mut limits = image::Limits::default();
    limits.max_alloc = Some(max_pixels.saturating_mul(8).max(1 << 20));
    let mut reader = image::ImageReader::with_format(std::io::Cursor::new(data), format);
    reader.limits(limits.clone());
    let (width, height) = reader.into_dimensions().map_err(invalid)?;
    if u64::from(width) * u64::from(height) > max_pixels {
        return Err(RasterError::TooLarge(format!(
            "the image has {width}×{height} pixels"
        )));
    }
    let mut reader = image::ImageReader::with_format(std::io::Cursor::new(data), format);
    reader.limits(limits);
    let luma = reader.decode().map_err(invalid)?.to_luma8();
    let (width, height) = luma.dimensions();
    let to_usize = |value: u32| {
        usize::try_from(value).map_err(|error| RasterError::Invalid(error.to_string()))
    };
    Ok(GrayImage {
        width: to_usize(width)?,
        height: to_usize(height)?,
        pixels: luma.into_raw(),
    })
}

/// Whether a name entry marks an image XObject.
pub(crate) fn is_image(doc: &Document, dict: &Dictionary) -> bool {
    name_entry(doc, dict, b"Subtype") == Some(b"Image")
}
