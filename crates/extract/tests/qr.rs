//! QR codes: embedded images (Flate, JPEG, 1-bit), vector drawings and raster inputs.

#![allow(clippy::float_arithmetic)]

mod support;

use lopdf::{Dictionary, Object, StringFormat, dictionary};
use support::{TestPdf, gray_image_dict, jpeg, png, qr_raster, qr_rect_ops, resources, rotate};
use taxdoc_extract::{ExtractOptions, Extraction, QrSource, SourceFormat, extract};

const EFAKTUR_URL: &str = "http://svc.efaktur.pajak.go.id/validasi/faktur/010005218093010/0100002400000001/3031303030303032";
const CN_PAYLOAD: &str = "01,10,011001900111,12345678,94.34,20190815,12345678901234567890,A1B2";

fn read(bytes: &[u8]) -> Extraction {
    extract(bytes, &ExtractOptions::default()).unwrap()
}

fn near(actual: f32, expected: f32, tolerance: f32) -> bool {
    (actual - expected).abs() <= tolerance
}

/// A one-page PDF painting image `Im1` at 100 × 100 points with its top-left corner at
/// (450, 42) in page coordinates.
fn pdf_with_image(dict: Dictionary, data: Vec<u8>, compress: bool) -> Vec<u8> {
    let mut pdf = TestPdf::new();
    let image = pdf.stream(dict, data, compress);
    pdf.page(
        "q 100 0 0 100 450 650 cm /Im1 Do Q",
        resources(&[], &[("Im1", image)]),
        Dictionary::new(),
    );
    pdf.finish()
}

#[test]
fn qr_in_a_flate_gray_image_without_quiet_zone() {
    let (width, height, pixels) = qr_raster(EFAKTUR_URL, 3, 0);
    let bytes = pdf_with_image(gray_image_dict(width, height), pixels, true);
    let extraction = read(&bytes);
    let page = &extraction.pages[0];
    assert_eq!(page.qr_codes.len(), 1, "{page:?}");
    let code = &page.qr_codes[0];
    assert_eq!(code.text, EFAKTUR_URL);
    assert_eq!(code.source, QrSource::EmbeddedImage);
    assert!(
        near(code.bbox.x0, 450.0, 3.0) && near(code.bbox.x1, 550.0, 3.0),
        "{:?}",
        code.bbox
    );
    assert!(
        near(code.bbox.y0, 42.0, 3.0) && near(code.bbox.y1, 142.0, 3.0),
        "{:?}",
        code.bbox
    );
    assert!(!page.has_page_image);
}

#[test]
fn qr_in_an_image_placed_upside_down_is_read_as_shown() {
    // The samples are stored bottom row first and the placement flips them back.
    let (width, height, pixels) = qr_raster(CN_PAYLOAD, 3, 0);
    let stored: Vec<u8> = pixels.chunks(width).rev().flatten().copied().collect();
    let mut pdf = TestPdf::new();
    let image = pdf.stream(gray_image_dict(width, height), stored, true);
    pdf.page(
        "q 100 0 0 -100 450 750 cm /Im1 Do Q",
        resources(&[], &[("Im1", image)]),
        Dictionary::new(),
    );
    let codes = &read(&pdf.finish()).pages[0].qr_codes;
    assert_eq!(codes.len(), 1);
    assert_eq!(codes[0].text, CN_PAYLOAD);
    let bbox = codes[0].bbox;
    assert!(
        near(bbox.x0, 450.0, 3.0) && near(bbox.y0, 42.0, 3.0),
        "{bbox:?}"
    );
}

#[test]
fn qr_in_a_jpeg_image() {
    let (width, height, pixels) = qr_raster(CN_PAYLOAD, 5, 2);
    let mut dict = gray_image_dict(width, height);
    dict.set("Filter", "DCTDecode");
    let bytes = pdf_with_image(dict, jpeg(width, height, &pixels), false);
    let codes = &read(&bytes).pages[0].qr_codes;
    assert_eq!(codes.len(), 1);
    assert_eq!(codes[0].text, CN_PAYLOAD);
}

#[test]
fn qr_in_a_one_bit_image_mask() {
    let (width, height, pixels) = qr_raster(CN_PAYLOAD, 2, 1);
    let row_bytes = width.div_ceil(8);
    let mut packed = vec![0u8; row_bytes * height];
    for y in 0..height {
        for x in 0..width {
            // Mask samples of 0 are painted (dark).
            if pixels[y * width + x] != 0 {
                packed[y * row_bytes + x / 8] |= 0x80 >> (x % 8);
            }
        }
    }
    let dict = dictionary! {
        "Type" => "XObject", "Subtype" => "Image",
        "Width" => width as i64, "Height" => height as i64, "ImageMask" => true,
    };
    let codes = &read(&pdf_with_image(dict, packed, true)).pages[0].qr_codes;
    assert_eq!(codes.len(), 1);
    assert_eq!(codes[0].text, CN_PAYLOAD);
}

#[test]
fn qr_in_indexed_and_cmyk_images() {
    let (width, height, pixels) = qr_raster(CN_PAYLOAD, 3, 0);
    // Indexed over RGB: entry 0 is white, entry 1 dark blue.
    let mut indexed = gray_image_dict(width, height);
    indexed.set(
        "ColorSpace",
        vec![
            "Indexed".into(),
            "DeviceRGB".into(),
            1.into(),
            Object::String(vec![255, 255, 255, 10, 20, 90], StringFormat::Hexadecimal),
        ],
    );
    let indices: Vec<u8> = pixels.iter().map(|&value| u8::from(value == 0)).collect();
    let codes = &read(&pdf_with_image(indexed, indices, true)).pages[0].qr_codes;
    assert_eq!(codes.len(), 1);
    assert_eq!(codes[0].text, CN_PAYLOAD);

    // CMYK: dark modules in full black ink, light ones without ink.
    let mut cmyk = gray_image_dict(width, height);
    cmyk.set("ColorSpace", "DeviceCMYK");
    let inks: Vec<u8> = pixels
        .iter()
        .flat_map(|&value| {
            if value == 0 {
                [0, 0, 0, 255]
            } else {
                [0, 0, 0, 0]
            }
        })
        .collect();
    let codes = &read(&pdf_with_image(cmyk, inks, true)).pages[0].qr_codes;
    assert_eq!(codes.len(), 1);
    assert_eq!(codes[0].text, CN_PAYLOAD);
}

#[test]
fn qr_in_an_inline_image() {
    let (width, height, pixels) = qr_raster(CN_PAYLOAD, 2, 0);
    let mut content =
        format!("q 90 0 0 90 300 500 cm BI /W {width} /H {height} /CS /G /BPC 8 ID ").into_bytes();
    content.extend_from_slice(&pixels);
    content.extend_from_slice(b"\nEI Q");
    let mut pdf = TestPdf::new();
    pdf.page_bytes(content, resources(&[], &[]), Dictionary::new());
    let codes = &read(&pdf.finish()).pages[0].qr_codes;
    assert_eq!(codes.len(), 1);
    assert_eq!(codes[0].text, CN_PAYLOAD);
    assert!(
        near(codes[0].bbox.x0, 300.0, 3.0) && near(codes[0].bbox.y0, 202.0, 3.0),
        "{:?}",
        codes[0].bbox
    );
}

#[test]
fn qr_in_an_rgb_image_with_a_soft_mask() {
    // Black everywhere in colour; the soft mask carries the code (opaque = dark module).
    let (width, height, pixels) = qr_raster(CN_PAYLOAD, 3, 0);
    let alpha: Vec<u8> = pixels.iter().map(|value| 255 - value).collect();
    let mut pdf = TestPdf::new();
    let mask = pdf.stream(gray_image_dict(width, height), alpha, true);
    let mut dict = gray_image_dict(width, height);
    dict.set("ColorSpace", "DeviceRGB");
    dict.set("SMask", mask);
    let image = pdf.stream(dict, vec![0u8; width * height * 3], true);
    pdf.page(
        "q 80 0 0 80 400 600 cm /Im1 Do Q",
        resources(&[], &[("Im1", image)]),
        Dictionary::new(),
    );
    let codes = &read(&pdf.finish()).pages[0].qr_codes;
    assert_eq!(codes.len(), 1);
    assert_eq!(codes[0].text, CN_PAYLOAD);
}

/// A page drawing a QR code as rectangles centred on (300, 400) in user space, rotated by
/// `degrees` through `cm`.
fn vector_qr_pdf(text: &str, degrees: f32, module: f32, merge_runs: bool) -> Vec<u8> {
    let (modules, _) = support::qr_modules(text);
    let side = modules as f32 * module;
    let (sin, cos) = degrees.to_radians().sin_cos();
    let content = format!(
        "BT ET q 1 0 0 1 300 400 cm {cos:.6} {sin:.6} {:.6} {cos:.6} 0 0 cm\n{}Q\n\
         0.4 w 0 G 50 100 m 560 100 l S 0 g 50 90 500 0.5 re f",
        -sin,
        qr_rect_ops(text, -side / 2.0, side / 2.0, module, merge_runs)
    );
    let mut pdf = TestPdf::new();
    pdf.page(&content, resources(&[], &[]), Dictionary::new());
    pdf.finish()
}

#[test]
fn vector_qr_codes_decode_at_any_rotation() {
    for (degrees, merge_runs) in [
        (0.0, false),
        (90.0, true),
        (180.0, false),
        (270.0, true),
        (15.0, false),
        (30.0, true),
    ] {
        let bytes = vector_qr_pdf(EFAKTUR_URL, degrees, 2.0, merge_runs);
        let codes = &read(&bytes).pages[0].qr_codes;
        assert_eq!(
            codes.len(),
            1,
            "rotation {degrees}, merged runs {merge_runs}"
        );
        assert_eq!(codes[0].text, EFAKTUR_URL);
        assert_eq!(codes[0].source, QrSource::VectorDrawing);
        let bbox = codes[0].bbox;
        assert!(
            bbox.x0 < 300.0 && bbox.x1 > 300.0 && bbox.y0 < 392.0 && bbox.y1 > 392.0,
            "{bbox:?}"
        );
    }
}

#[test]
fn vector_qr_codes_decode_at_small_and_large_module_sizes() {
    for (module, merge_runs) in [(1.0, false), (1.0, true), (3.0, false), (5.0, true)] {
        let bytes = vector_qr_pdf(CN_PAYLOAD, 0.0, module, merge_runs);
        let codes = &read(&bytes).pages[0].qr_codes;
        assert_eq!(codes.len(), 1, "module {module}, merged runs {merge_runs}");
        assert_eq!(codes[0].text, CN_PAYLOAD);
        let side = support::qr_modules(CN_PAYLOAD).0 as f32 * module;
        assert!(
            near(codes[0].bbox.width(), side, 0.5),
            "{:?}",
            codes[0].bbox
        );
    }
}

#[test]
fn vector_qr_with_finder_patterns_drawn_as_nested_squares() {
    let (width, dark) = support::qr_modules(EFAKTUR_URL);
    let module = 2.5f32;
    let (left, top) = (200.0f32, 500.0f32);
    let in_finder = |row: usize, column: usize| {
        let near_start = |value: usize| value < 7;
        let near_end = |value: usize| value + 7 >= width;
        (near_start(row) && near_start(column))
            || (near_start(row) && near_end(column))
            || (near_end(row) && near_start(column))
    };
    let square = |row: usize, column: usize, size: usize| {
        format!(
            "{:.2} {:.2} {:.2} {:.2} re f\n",
            left + column as f32 * module,
            top - (row + size) as f32 * module,
            size as f32 * module,
            size as f32 * module
        )
    };
    let mut content = String::new();
    for (row, column) in [(0, 0), (0, width - 7), (width - 7, 0)] {
        content.push_str(&format!(
            "0 g {}1 g {}0 g {}",
            square(row, column, 7),
            square(row + 1, column + 1, 5),
            square(row + 2, column + 2, 3)
        ));
    }
    content.push_str("0 0 0 rg ");
    for row in 0..width {
        for column in 0..width {
            if dark[row * width + column] && !in_finder(row, column) {
                content.push_str(&square(row, column, 1).replace(" f\n", "\n"));
            }
        }
    }
    content.push_str("f\n");
    let mut pdf = TestPdf::new();
    pdf.page(&content, resources(&[], &[]), Dictionary::new());
    let codes = &read(&pdf.finish()).pages[0].qr_codes;
    assert_eq!(codes.len(), 1);
    assert_eq!(codes[0].text, EFAKTUR_URL);
}

#[test]
fn table_rules_and_text_are_not_qr_codes() {
    let mut pdf = TestPdf::new();
    let font = pdf.standard_font("Helvetica");
    let mut content = String::from("0 g ");
    for row in 0..20 {
        content.push_str(&format!("50 {} 500 0.5 re f ", 300 + row * 15));
    }
    for column in 0..6 {
        content.push_str(&format!("{} 300 0.5 285 re f ", 50 + column * 100));
    }
    content.push_str("100 100 60 60 re f BT /F1 9 Tf 60 310 Td (Qty) Tj ET");
    pdf.page(&content, resources(&[("F1", font)], &[]), Dictionary::new());
    let extraction = read(&pdf.finish());
    assert!(extraction.pages[0].qr_codes.is_empty());
    assert_eq!(extraction.pages[0].lines[0].text(), "Qty");
}

#[test]
fn png_input_is_one_image_page_with_its_qr_code() {
    let (width, height, pixels) = qr_raster(EFAKTUR_URL, 4, 4);
    let extraction = read(&png(width, height, &pixels));
    assert_eq!(extraction.format, SourceFormat::Image);
    let page = &extraction.pages[0];
    assert_eq!((page.width, page.height), (width as f32, height as f32));
    assert!(page.lines.is_empty());
    assert!(page.has_page_image);
    assert_eq!(page.qr_codes.len(), 1);
    assert_eq!(page.qr_codes[0].text, EFAKTUR_URL);
    assert_eq!(page.qr_codes[0].source, QrSource::Image);
    let bbox = page.qr_codes[0].bbox;
    assert!(
        near(bbox.x0, 16.0, 4.0) && near(bbox.x1, width as f32 - 16.0, 4.0),
        "{bbox:?}"
    );
}

#[test]
fn qr_in_a_large_scan_is_found_and_located() {
    let (side, left, top) = (2100usize, 1500usize, 300usize);
    let mut page: Vec<u8> = (0..side * side)
        .map(|index| 200 + (index % 37) as u8)
        .collect();
    let (width, height, code) = qr_raster(EFAKTUR_URL, 8, 4);
    for y in 0..height {
        for x in 0..width {
            page[(top + y) * side + left + x] = code[y * width + x];
        }
    }
    let extraction = read(&png(side, side, &page));
    let codes = &extraction.pages[0].qr_codes;
    assert_eq!(codes.len(), 1);
    assert_eq!(codes[0].text, EFAKTUR_URL);
    // The quiet zone is 4 modules of 8 pixels.
    let bbox = codes[0].bbox;
    assert!(near(bbox.x0, (left + 32) as f32, 8.0), "{bbox:?}");
    assert!(near(bbox.y0, (top + 32) as f32, 8.0), "{bbox:?}");
}

#[test]
fn rotated_qr_in_a_jpeg_input_decodes() {
    let (width, height, pixels) = qr_raster(CN_PAYLOAD, 6, 4);
    let (width, height, pixels) = rotate(width, height, &pixels, 30.0);
    let extraction = read(&jpeg(width, height, &pixels));
    assert_eq!(extraction.pages[0].qr_codes.len(), 1);
    assert_eq!(extraction.pages[0].qr_codes[0].text, CN_PAYLOAD);
}

#[test]
fn scanned_page_has_a_page_image_and_no_text() {
    let (width, height) = (120usize, 160usize);
    let pixels: Vec<u8> = (0..width * height)
        .map(|index| ((index * 7) % 251) as u8)
        .collect();
    let mut pdf = TestPdf::new();
    let image = pdf.stream(gray_image_dict(width, height), pixels, true);
    pdf.page(
        "q 612 0 0 792 0 0 cm /Scan Do Q",
        resources(&[], &[("Scan", image)]),
        Dictionary::new(),
    );
    let extraction = read(&pdf.finish());
    let page = &extraction.pages[0];
    assert!(page.has_page_image);
    assert!(page.lines.is_empty() && page.qr_codes.is_empty());
    assert!(extraction.is_empty());
}

#[test]
fn qr_decoding_can_be_switched_off() {
    let (width, height, pixels) = qr_raster(EFAKTUR_URL, 4, 4);
    let mut options = ExtractOptions::default();
    options.decode_qr = false;
    let extraction = extract(&png(width, height, &pixels), &options).unwrap();
    assert!(extraction.pages[0].qr_codes.is_empty());
}
