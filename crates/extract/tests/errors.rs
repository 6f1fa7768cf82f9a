//! Malformed, foreign, encrypted and oversized inputs fail with typed errors and never panic.

mod support;

use lopdf::{Dictionary, dictionary};
use proptest::prelude::*;
use support::{TestPdf, png, qr_raster, resources};
use taxdoc_extract::{ExtractError, ExtractOptions, extract};

/// A small PDF with text, a form, an image, paths and a vector QR code.
fn sample_pdf(compressed: bool) -> Vec<u8> {
    let mut pdf = TestPdf::new();
    let font = pdf.standard_font("Helvetica");
    let (width, height, pixels) = qr_raster("sample", 1, 1);
    let image = pdf.stream(support::gray_image_dict(width, height), pixels, compressed);
    let form = pdf.stream(
        dictionary! {
            "Type" => "XObject", "Subtype" => "Form",
            "BBox" => vec![0.into(), 0.into(), 100.into(), 100.into()],
        },
        b"BT /F1 9 Tf 0 0 Td [(In) -300 (form)] TJ ET".to_vec(),
        compressed,
    );
    let content = format!(
        "BT /F1 12 Tf 72 700 Td (Faktur Pajak) Tj T* (Next) ' ET 0 g 100 100 50 50 re f \
         q 50 0 0 50 300 300 cm /Im1 Do Q q 1 0 0 1 50 50 cm /Fm1 Do Q {}",
        support::qr_rect_ops("sample", 400.0, 400.0, 2.0, true)
    );
    let resources = resources(&[("F1", font)], &[("Im1", image), ("Fm1", form)]);
    if compressed {
        pdf.page(&content, resources, Dictionary::new());
    } else {
        pdf.page_plain(&content, resources, Dictionary::new());
    }
    pdf.finish()
}

#[test]
fn foreign_and_empty_inputs_are_unknown_formats() {
    let options = ExtractOptions::default();
    for input in [
        &b""[..],
        b"\x00\x01\x02garbage bytes",
        b"<!DOCTYPE html><html><body>Invoice</body></html>",
        b"GIF89a....",
    ] {
        assert!(
            matches!(extract(input, &options), Err(ExtractError::UnknownFormat)),
            "{input:?}"
        );
    }
}

#[test]
fn broken_pdfs_are_pdf_errors() {
    let options = ExtractOptions::default();
    for input in [
        &b"%PDF-1.7\n"[..],
        b"%PDF-1.4\n1 0 obj << /Type /Catalog",
        b"%PDF-\xff\xfe garbage",
    ] {
        assert!(
            matches!(extract(input, &options), Err(ExtractError::Pdf(_))),
            "{input:?}"
        );
    }
    // A file cut before its page tree has no pages to read.
    let pdf = sample_pdf(true);
    let truncated = &pdf[..pdf.len() / 4];
    assert!(matches!(
        extract(truncated, &options),
        Err(ExtractError::Pdf(_))
    ));
}

#[test]
fn broken_and_oversized_images_are_typed_errors() {
    let mut options = ExtractOptions::default();
    let broken = b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR garbage";
    assert!(matches!(
        extract(broken, &options),
        Err(ExtractError::Image(_))
    ));
    let (width, height, pixels) = qr_raster("limit", 4, 4);
    options.max_image_pixels = 100;
    assert!(matches!(
        extract(&png(width, height, &pixels), &options),
        Err(ExtractError::TooLarge(_))
    ));
}

#[test]
fn encrypted_pdfs_open_only_with_the_empty_user_password() {
    let build = || {
        let mut pdf = TestPdf::new();
        let font = pdf.standard_font("Helvetica");
        pdf.page(
            "BT /F1 12 Tf 72 700 Td (Secret invoice) Tj ET",
            resources(&[("F1", font)], &[]),
            Dictionary::new(),
        );
        pdf
    };
    let options = ExtractOptions::default();
    let locked = build().finish_encrypted("user-secret", "owner-secret");
    assert!(matches!(
        extract(&locked, &options),
        Err(ExtractError::Encrypted)
    ));
    let open = build().finish_encrypted("", "owner-secret");
    let extraction = extract(&open, &options).unwrap();
    assert_eq!(extraction.pages[0].lines[0].text(), "Secret invoice");
}

#[test]
fn max_pages_keeps_the_first_pages() {
    let mut pdf = TestPdf::new();
    let font = pdf.standard_font("Helvetica");
    for page in 0..3 {
        pdf.page(
            &format!("BT /F1 12 Tf 72 700 Td (Page {page}) Tj ET"),
            resources(&[("F1", font)], &[]),
            Dictionary::new(),
        );
    }
    let mut options = ExtractOptions::default();
    options.max_pages = 2;
    let extraction = extract(&pdf.finish(), &options).unwrap();
    assert_eq!(extraction.pages.len(), 2);
    assert_eq!(extraction.pages[1].lines[0].text(), "Page 1");
}

#[test]
fn self_referencing_forms_stop_at_the_depth_limit() {
    let mut pdf = TestPdf::new();
    let font = pdf.standard_font("Helvetica");
    let form_id = pdf.doc.new_object_id();
    let mut form = lopdf::Stream::new(
        dictionary! {
            "Type" => "XObject", "Subtype" => "Form",
            "BBox" => vec![0.into(), 0.into(), 612.into(), 792.into()],
            "Resources" => resources(&[("F1", font)], &[("Self", form_id)]),
        },
        b"BT /F1 10 Tf 72 700 Td (Loop) Tj ET /Self Do /Self Do".to_vec(),
    );
    form.allows_compression = false;
    pdf.doc.objects.insert(form_id, lopdf::Object::Stream(form));
    pdf.page(
        "/Self Do",
        resources(&[], &[("Self", form_id)]),
        Dictionary::new(),
    );
    let extraction = extract(&pdf.finish(), &ExtractOptions::default()).unwrap();
    let lines = &extraction.pages[0].lines;
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0].text(), "Loop");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn mutated_and_truncated_pdfs_never_panic(
        compressed in any::<bool>(),
        cut in 0usize..4000,
        flips in proptest::collection::vec((any::<usize>(), any::<u8>()), 0..12),
    ) {
        let mut pdf = sample_pdf(compressed);
        for (position, value) in flips {
            let index = position % pdf.len();
            pdf[index] = value;
        }
        let keep = pdf.len() - cut.min(pdf.len() - 1);
        pdf.truncate(keep);
        // Any outcome but a panic is acceptable; errors are typed by construction.
        let outcome = std::panic::catch_unwind(|| extract(&pdf, &ExtractOptions::default()));
        prop_assert!(outcome.is_ok());
    }
}
