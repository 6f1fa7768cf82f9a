//! Inputs that are not read, and the expected kind.

use super::super::test_support::simple;
use super::*;

#[test]
fn empty_extractions_need_ocr_and_unknown_text_is_unsupported() {
    let empty = simple(&[], &[]);
    assert_eq!(
        recognize(&empty, None).unwrap_err().kind(),
        ErrorKind::NeedsOcr
    );
    let letter = simple(&[&[(40.0, "Dear customer, thank you.")]], &[]);
    let error = recognize(&letter, None).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Unsupported);
    assert!(error.message().contains("Faktur Pajak"));
    let odd_qr = simple(&[], &["https://example.com/hello"]);
    assert_eq!(
        recognize(&odd_qr, None).unwrap_err().kind(),
        ErrorKind::Unsupported
    );
}

#[test]
fn an_expected_kind_picks_the_recognizer() {
    let letter = simple(&[&[(40.0, "Nomor: 12"), (200.0, "Total 5.000")]], &[]);
    let (document, _) = recognize(&letter, Some(DocumentKind::CommercialInvoice)).unwrap();
    assert_eq!(document.kind(), DocumentKind::CommercialInvoice);
    let error = recognize(&letter, Some(DocumentKind::NpwpCard)).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Unsupported);
}
