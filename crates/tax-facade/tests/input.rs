//! Input checks: nothing that would be refused by a provider is ever uploaded.

use std::path::PathBuf;

use proptest::prelude::*;
use tax_facade::input::{
    Dimensions, InputFormat, PreparedInput, check_upload, read_dimensions, sniff_format,
};
use tax_facade::{Capabilities, DocumentInput, ErrorKind};

fn png(width: u32, height: u32) -> Vec<u8> {
    let mut bytes = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
    bytes.extend_from_slice(&width.to_be_bytes());
    bytes.extend_from_slice(&height.to_be_bytes());
    bytes.extend_from_slice(&[8, 2, 0, 0, 0]);
    bytes
}

fn ocr_caps() -> Capabilities {
    Capabilities::default()
        .with_input_formats([InputFormat::Jpeg, InputFormat::Png, InputFormat::Pdf])
        .with_max_bytes(Some(1024))
        .with_pixel_sides(Some(15), Some(4096))
}

fn scratch(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("tax-facade-input-{name}"))
}

#[test]
fn an_acceptable_image_passes_with_its_format_and_size() {
    let upload = check_upload("card.png", png(800, 500), &ocr_caps()).unwrap();
    assert_eq!(upload.format(), InputFormat::Png);
    assert_eq!(
        upload.dimensions(),
        Some(Dimensions {
            width: 800,
            height: 500
        })
    );
    assert_eq!(upload.file_name(), "card.png");
}

#[test]
fn a_text_file_renamed_jpg_is_refused_by_name() {
    let err = check_upload(
        "invoice.jpg",
        "Invoice no. 1\nTotal: 5".as_bytes().to_vec(),
        &ocr_caps(),
    )
    .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(err.message().contains("invoice.jpg"), "{err}");
}

#[test]
fn empty_huge_tiny_and_unaccepted_files_are_refused() {
    let caps = ocr_caps();
    let empty = check_upload("empty.png", Vec::new(), &caps).unwrap_err();
    assert_eq!(empty.kind(), ErrorKind::InvalidInput);
    assert!(empty.message().contains("empty"));

    let mut huge = png(800, 600);
    huge.resize(2048, 0);
    let too_big = check_upload("huge.png", huge, &caps).unwrap_err();
    assert_eq!(too_big.kind(), ErrorKind::InvalidInput);
    assert!(too_big.message().contains("2048") && too_big.message().contains("1024"));

    let tiny = check_upload("tiny.png", png(10, 600), &caps).unwrap_err();
    assert_eq!(tiny.kind(), ErrorKind::InvalidInput);
    assert!(tiny.message().contains("10×600"), "{tiny}");

    let giant = check_upload("giant.png", png(5000, 600), &caps).unwrap_err();
    assert_eq!(giant.kind(), ErrorKind::InvalidInput);

    let gif =
        check_upload("anim.gif", b"GIF89a\x20\x03\x58\x02\0\0\0".to_vec(), &caps).unwrap_err();
    assert_eq!(gif.kind(), ErrorKind::Unsupported);
    assert!(gif.message().contains("gif"));
}

#[test]
fn a_truncated_image_header_is_refused() {
    let err = check_upload("cut.png", png(800, 600)[..18].to_vec(), &ocr_caps()).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(err.message().contains("damaged"));
}

#[tokio::test]
async fn a_path_is_read_and_checked() {
    let path = scratch("ok.png");
    std::fs::write(&path, png(100, 100)).unwrap();
    let prepared = DocumentInput::from_path(&path)
        .prepare(&ocr_caps())
        .await
        .unwrap();
    let PreparedInput::Upload(upload) = prepared else {
        panic!("expected an upload");
    };
    assert_eq!(upload.file_name(), "tax-facade-input-ok.png");
    assert_eq!(upload.bytes().len(), png(100, 100).len());
}

#[tokio::test]
async fn a_huge_path_is_refused_from_its_metadata() {
    let path = scratch("sparse.pdf");
    let file = std::fs::File::create(&path).unwrap();
    // A sparse 64 GiB file: reading it would take far longer than the test allows.
    file.set_len(64 << 30).unwrap();
    let err = DocumentInput::from_path(&path)
        .prepare(&ocr_caps())
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(err.message().contains("sparse.pdf") && err.message().contains("at most 1024"));
    std::fs::remove_file(&path).unwrap();
}

#[tokio::test]
async fn a_missing_path_is_an_input_error_naming_it() {
    let path = scratch("does-not-exist.jpg");
    let err = DocumentInput::from_path(&path)
        .prepare(&ocr_caps())
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(err.message().contains("does-not-exist.jpg"));
}

proptest! {
    #[test]
    fn sniffing_and_dimension_parsing_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = sniff_format(&bytes);
        for format in InputFormat::ALL {
            let _ = read_dimensions(format, &bytes);
        }
    }

    #[test]
    fn header_parsing_never_panics_after_a_valid_magic_number(
        magic in prop::sample::select(vec![
            b"\xFF\xD8\xFF".to_vec(),
            b"\x89PNG\r\n\x1a\n".to_vec(),
            b"II*\0".to_vec(),
            b"MM\0*".to_vec(),
            b"GIF89a".to_vec(),
            b"BM\0\0\0\0\0\0\0\0".to_vec(),
        ]),
        tail in proptest::collection::vec(any::<u8>(), 0..256),
    ) {
        let mut bytes = magic;
        bytes.extend(tail);
        if let Some(format) = sniff_format(&bytes) {
            let _ = read_dimensions(format, &bytes);
            let _ = check_upload("fuzz", bytes, &Capabilities::default());
        }
    }

    #[test]
    fn png_dimensions_round_trip(width in any::<u32>(), height in any::<u32>()) {
        let bytes = png(width, height);
        prop_assert_eq!(sniff_format(&bytes), Some(InputFormat::Png));
        prop_assert_eq!(read_dimensions(InputFormat::Png, &bytes), Some(Dimensions { width, height }));
    }
}

#[tokio::test]
async fn a_directory_is_not_a_document() {
    let err = DocumentInput::from_path(env!("CARGO_TARGET_TMPDIR"))
        .prepare(&ocr_caps())
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(err.message().contains("not a regular file"), "{err}");
}
