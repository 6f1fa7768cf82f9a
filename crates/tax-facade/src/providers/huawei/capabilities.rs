//! What Huawei Cloud OCR accepts for a VAT invoice: formats, sizes and pixel sizes.

use crate::document::DocumentKind;
use crate::input::InputFormat;
use crate::reader::Capabilities;

/// The largest original file: the service takes at most 10 MB of base64 and advises keeping
/// the original at or below 7 MB; 7 MiB encodes to 9 786 712 base64 characters.
pub const MAX_ORIGINAL_BYTES: u64 = 7 * 1024 * 1024;

/// The largest base64 `image` the service accepts (10 MB).
pub const MAX_ENCODED_BYTES: u64 = 10_000_000;

/// The shortest image side the service reads, in pixels.
pub const MIN_PIXEL_SIDE: u32 = 100;

/// The longest image side the service reads, in pixels.
pub const MAX_PIXEL_SIDE: u32 = 8192;

/// The formats the VAT invoice operation reads. The documentation lists the image formats;
/// the service also reads PDF and OFD documents.
pub const INPUT_FORMATS: [InputFormat; 6] = [
    InputFormat::Jpeg,
    InputFormat::Png,
    InputFormat::Bmp,
    InputFormat::Tiff,
    InputFormat::Pdf,
    InputFormat::Ofd,
];

/// The capabilities of the Huawei VAT invoice reader: Chinese VAT invoices only, the formats
/// in [`INPUT_FORMATS`], originals up to [`MAX_ORIGINAL_BYTES`], image sides between
/// [`MIN_PIXEL_SIDE`] and [`MAX_PIXEL_SIDE`], and URLs (the service downloads them itself).
pub fn capabilities() -> Capabilities {
    Capabilities::default()
        .with_document_kinds([DocumentKind::CnVatInvoice])
        .with_input_formats(INPUT_FORMATS)
        .with_max_bytes(Some(MAX_ORIGINAL_BYTES))
        .with_pixel_sides(Some(MIN_PIXEL_SIDE), Some(MAX_PIXEL_SIDE))
        .with_accepts_urls(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_largest_original_still_fits_the_encoded_limit() {
        let encoded = MAX_ORIGINAL_BYTES.div_ceil(3) * 4;
        assert!(encoded <= MAX_ENCODED_BYTES, "{encoded}");
    }

    #[test]
    fn only_vat_invoices_and_documented_formats_are_accepted() {
        let caps = capabilities();
        assert!(caps.supports(DocumentKind::CnVatInvoice));
        assert!(!caps.supports(DocumentKind::NpwpCard));
        assert!(!caps.input_formats.contains(&InputFormat::Gif));
        assert!(!caps.input_formats.contains(&InputFormat::Webp));
        assert!(caps.accepts_urls);
    }
}
