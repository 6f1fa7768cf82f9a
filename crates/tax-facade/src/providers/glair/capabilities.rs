//! What GLAIR Vision accepts: document kinds, file formats and sizes.

use crate::document::DocumentKind;
use crate::input::InputFormat;
use crate::reader::Capabilities;

/// The largest upload sent to GLAIR Vision: 10 MiB.
///
/// The provider documentation states no limit; 10 MiB is an assumption that keeps scans and
/// multi-page PDFs well within what OCR services usually take, and a larger file is refused
/// locally instead of being uploaded. GLAIR answers an upload it finds too large with HTTP 413,
/// which maps to [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput) as well.
pub const MAX_UPLOAD_BYTES: u64 = 10 * 1024 * 1024;

/// The file formats the provider documentation lists (`.png`, `.jpg`, `.jpeg`, `.pdf`,
/// `.tiff`).
pub const INPUT_FORMATS: [InputFormat; 4] = [
    InputFormat::Png,
    InputFormat::Jpeg,
    InputFormat::Pdf,
    InputFormat::Tiff,
];

/// The document kinds GLAIR Vision reads, one operation each.
pub const DOCUMENT_KINDS: [DocumentKind; 2] =
    [DocumentKind::NpwpCard, DocumentKind::CommercialInvoice];

/// GLAIR Vision's capabilities: NPWP cards and commercial invoices, uploaded as PNG, JPEG,
/// PDF or TIFF of at most [`MAX_UPLOAD_BYTES`]. No pixel limits are documented, and GLAIR
/// does not download documents from URLs.
pub fn capabilities() -> Capabilities {
    Capabilities::default()
        .with_document_kinds(DOCUMENT_KINDS)
        .with_input_formats(INPUT_FORMATS)
        .with_max_bytes(Some(MAX_UPLOAD_BYTES))
        .with_pixel_sides(None, None)
        .with_accepts_urls(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_documented_formats_and_kinds_are_accepted() {
        let caps = capabilities();
        assert!(caps.supports(DocumentKind::NpwpCard));
        assert!(caps.supports(DocumentKind::CommercialInvoice));
        assert!(!caps.supports(DocumentKind::CnVatInvoice));
        assert!(!caps.input_formats.contains(&InputFormat::Ofd));
        assert!(!caps.input_formats.contains(&InputFormat::Bmp));
        assert!(!caps.accepts_urls);
        assert_eq!(caps.max_bytes, Some(10_485_760));
    }
}
