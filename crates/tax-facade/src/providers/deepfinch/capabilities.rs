//! What the DeepFinch reader accepts.
//!
//! DeepFinch documents no format, size or pixel limits; the request encoding names `image/*`
//! for the `file` part. The limits below are therefore conservative assumptions, chosen so
//! that a file that passes them is one the service can be expected to read:
//!
//! - formats: JPEG, PNG and BMP (images only: PDF, OFD and the rarer image formats are not
//!   documented as accepted);
//! - size: at most [`MAX_UPLOAD_BYTES`] (10 MiB);
//! - pixels: each side at least [`MIN_PIXEL_SIDE`] and at most [`MAX_PIXEL_SIDE`].
//!
//! URLs are accepted: DeepFinch downloads an `http`/`https` image itself, giving up after
//! five seconds, so a URL should point at a fast, public host.

use crate::document::DocumentKind;
use crate::input::InputFormat;
use crate::reader::Capabilities;

/// Largest upload, in bytes (an assumption: DeepFinch documents no limit).
pub const MAX_UPLOAD_BYTES: u64 = 10 * 1024 * 1024;

/// Smallest image side, in pixels (an assumption: DeepFinch documents no limit).
pub const MIN_PIXEL_SIDE: u32 = 15;

/// Largest image side, in pixels (an assumption: DeepFinch documents no limit).
pub const MAX_PIXEL_SIDE: u32 = 8192;

/// The image formats uploaded to DeepFinch.
pub const INPUT_FORMATS: [InputFormat; 3] = [InputFormat::Jpeg, InputFormat::Png, InputFormat::Bmp];

/// The capabilities of [`DeepFinchReader`](super::DeepFinchReader): Chinese VAT invoices from
/// JPEG, PNG or BMP uploads within the limits above, or from `http`/`https` URLs.
pub fn capabilities() -> Capabilities {
    Capabilities::default()
        .with_document_kinds([DocumentKind::CnVatInvoice])
        .with_input_formats(INPUT_FORMATS)
        .with_max_bytes(Some(MAX_UPLOAD_BYTES))
        .with_pixel_sides(Some(MIN_PIXEL_SIDE), Some(MAX_PIXEL_SIDE))
        .with_accepts_urls(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_only_chinese_vat_invoices_from_images_and_urls() {
        let caps = capabilities();
        assert!(caps.supports(DocumentKind::CnVatInvoice));
        assert!(!caps.supports(DocumentKind::NpwpCard));
        assert!(!caps.supports(DocumentKind::CommercialInvoice));
        assert!(caps.input_formats.contains(&InputFormat::Png));
        assert!(!caps.input_formats.contains(&InputFormat::Pdf));
        assert!(caps.accepts_urls);
        assert_eq!(caps.max_bytes, Some(MAX_UPLOAD_BYTES));
    }
}
