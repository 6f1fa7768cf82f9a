//! What the local reader accepts: PDF, PNG and JPEG files up to [`MAX_BYTES`], holding a
//! Faktur Pajak, a Chinese VAT invoice or a commercial invoice. URLs are not downloaded.

use crate::document::DocumentKind;
use crate::input::InputFormat;
use crate::reader::Capabilities;

/// Largest file read, in bytes (50 MiB).
pub const MAX_BYTES: u64 = 50 * 1024 * 1024;

/// The formats read: PDF (text layer and QR codes) and PNG/JPEG (QR codes).
pub const INPUT_FORMATS: [InputFormat; 3] = [InputFormat::Pdf, InputFormat::Png, InputFormat::Jpeg];

/// The document kinds recognized.
pub const DOCUMENT_KINDS: [DocumentKind; 3] = [
    DocumentKind::FakturPajak,
    DocumentKind::CnVatInvoice,
    DocumentKind::CommercialInvoice,
];

/// The capabilities of [`LocalReader`](super::LocalReader).
pub fn capabilities() -> Capabilities {
    Capabilities::default()
        .with_document_kinds(DOCUMENT_KINDS)
        .with_input_formats(INPUT_FORMATS)
        .with_max_bytes(Some(MAX_BYTES))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_three_kinds_from_pdf_and_images_but_not_urls() {
        let caps = capabilities();
        assert!(caps.supports(DocumentKind::FakturPajak));
        assert!(!caps.supports(DocumentKind::NpwpCard));
        assert!(caps.input_formats.contains(&InputFormat::Pdf));
        assert!(!caps.input_formats.contains(&InputFormat::Tiff));
        assert!(!caps.accepts_urls);
        assert_eq!(caps.max_bytes, Some(MAX_BYTES));
    }
}
