//! The PDF text layer: decoding, positions, spacing, chunking, fonts and page geometry.

#![allow(clippy::float_arithmetic)]

mod support;

use lopdf::{Dictionary, Object, dictionary};
use support::{TestPdf, resources};
use taxdoc_extract::{ExtractOptions, Extraction, TextLine, extract};

fn read(pdf: &[u8]) -> Extraction {
    extract(pdf, &ExtractOptions::default()).unwrap()
}

fn line_texts(extraction: &Extraction) -> Vec<String> {
    extraction.pages[0]
        .lines
        .iter()
        .map(TextLine::text)
        .collect()
}

fn chunk_texts(line: &TextLine) -> Vec<&str> {
    line.chunks
        .iter()
        .map(|chunk| chunk.text.as_str())
        .collect()
}

fn near(actual: f32, expected: f32, tolerance: f32) -> bool {
    (actual - expected).abs() <= tolerance
}

#[test]
fn standard_font_winansi_text_has_top_left_positions() {
    let mut pdf = TestPdf::new();
    let font = pdf.standard_font("Helvetica");
    pdf.page(
        "BT /F1 12 Tf 72 700 Td (Invoice No: 42) Tj 0 -20 Td (Caf\\351 \\200 5) Tj ET",
        resources(&[("F1", font)], &[]),
        Dictionary::new(),
    );
    let extraction = read(&pdf.finish());
    let page = &extraction.pages[0];
    assert_eq!((page.width, page.height), (612.0, 792.0));
    assert_eq!(line_texts(&extraction), ["Invoice No: 42", "Café € 5"]);
    let chunk = &page.lines[0].chunks[0];
    assert!(near(chunk.bbox.x0, 72.0, 0.01), "{:?}", chunk.bbox);
    // Baseline at 792 - 700 = 92; the box spans the ascent above and the descent below.
    assert!(
        near(chunk.bbox.y1, 92.0 + 0.2 * 12.0, 0.5),
        "{:?}",
        chunk.bbox
    );
    assert!(chunk.bbox.y0 < 92.0 - 6.0);
    assert!(near(chunk.font_size, 12.0, 0.01));
    // Helvetica metrics: "Invoice No: 42" is about 80 points wide at 12 points.
    assert!(near(chunk.bbox.width(), 80.0, 4.0), "{:?}", chunk.bbox);
    assert!(page.lines[1].bbox.y0 > page.lines[0].bbox.y1 - 1.0);
    assert!(!page.has_page_image);
}

#[test]
fn tj_kerning_word_and_character_spacing_move_glyphs() {
    let mut pdf = TestPdf::new();
    // Every glyph advances 0.5 em: 5 points at 10 points.
    let font = pdf.fixed_width_font(500);
    pdf.page(
        "BT /F1 10 Tf 50 700 Td [(Hel) 20 (lo) -400 (World)] TJ ET \
         BT /F1 10 Tf 50 650 Td [(A) -2500 (B)] TJ ET \
         BT /F1 10 Tf 50 600 Td 10 Tw (a b) Tj ET \
         BT /F1 10 Tf 50 550 Td 2 Tc (ab) Tj ET",
        resources(&[("F1", font)], &[]),
        Dictionary::new(),
    );
    let extraction = read(&pdf.finish());
    let lines = &extraction.pages[0].lines;
    assert_eq!(chunk_texts(&lines[0]), ["Hello World"]);
    assert_eq!(chunk_texts(&lines[1]), ["A", "B"]);
    assert!(near(lines[1].chunks[1].bbox.x0, 50.0 + 5.0 + 25.0, 0.01));
    // Word spacing applies to the space: 5 (a) + 5 (space) + 10 (Tw) before "b".
    assert_eq!(chunk_texts(&lines[2]), ["a b"]);
    assert!(
        near(lines[2].chunks[0].bbox.x1, 50.0 + 20.0 + 5.0, 0.01),
        "{:?}",
        lines[2].bbox
    );
    // Character spacing: 5 + 2 before "b".
    assert_eq!(chunk_texts(&lines[3]), ["ab"]);
    assert!(
        near(lines[3].chunks[0].bbox.x1, 50.0 + 12.0, 0.01),
        "{:?}",
        lines[3].bbox
    );
}

#[test]
fn wide_gaps_split_chunks_and_separate_text_objects_share_a_line() {
    let mut pdf = TestPdf::new();
    let font = pdf.standard_font("Helvetica");
    let content = "BT /F1 10 Tf 72 700 Td (Nama) Tj ET BT /F1 10 Tf 102 700 Td (:) Tj ET \
                   BT /F1 10 Tf 300 700.4 Td (PT SUMBER MAKMUR) Tj ET \
                   BT /F1 10 Tf 72 680 Td (Next) Tj ( line) Tj ET";
    pdf.page(content, resources(&[("F1", font)], &[]), Dictionary::new());
    let bytes = pdf.finish();
    let extraction = read(&bytes);
    let lines = &extraction.pages[0].lines;
    assert_eq!(lines.len(), 2);
    assert_eq!(chunk_texts(&lines[0]), ["Nama :", "PT SUMBER MAKMUR"]);
    assert!(near(lines[0].chunks[1].bbox.x0, 300.0, 0.01));
    assert_eq!(chunk_texts(&lines[1]), ["Next line"]);

    let mut options = ExtractOptions::default();
    options.column_gap_em = 100.0;
    let joined = extract(&bytes, &options).unwrap();
    assert_eq!(
        chunk_texts(&joined.pages[0].lines[0]),
        ["Nama : PT SUMBER MAKMUR"]
    );
}

fn cmap_stream(body: &str) -> Vec<u8> {
    format!(
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n\
         /CMapName /Test def /CMapType 2 def\n\
         1 begincodespacerange <0000> <FFFF> endcodespacerange\n{body}\n\
         endcmap CMapName currentdict /CMap defineresource pop end end"
    )
    .into_bytes()
}

#[test]
fn identity_h_font_decodes_through_tounicode() {
    let mut pdf = TestPdf::new();
    let to_unicode = pdf.stream(
        Dictionary::new(),
        cmap_stream(
            "2 beginbfchar <0001> <53D1> <0002> <7968> endbfchar\n\
             1 beginbfrange <0003> <0004> <0041> endbfrange",
        ),
        true,
    );
    let descendant = pdf.add(dictionary! {
        "Type" => "Font",
        "Subtype" => "CIDFontType2",
        "BaseFont" => "SimSun",
        "CIDSystemInfo" => dictionary! { "Registry" => Object::string_literal("Adobe"), "Ordering" => Object::string_literal("Identity"), "Supplement" => 0 },
        "DW" => 1000,
        "W" => vec![3.into(), vec![Object::Integer(600), Object::Integer(600)].into()],
    });
    let font = pdf.add(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type0",
        "BaseFont" => "SimSun",
        "Encoding" => "Identity-H",
        "DescendantFonts" => vec![descendant.into()],
        "ToUnicode" => to_unicode,
    });
    pdf.page(
        "BT /F1 12 Tf 72 700 Td <0001000200030004> Tj ET",
        resources(&[("F1", font)], &[]),
        Dictionary::new(),
    );
    let extraction = read(&pdf.finish());
    let chunk = &extraction.pages[0].lines[0].chunks[0];
    assert_eq!(chunk.text, "发票AB");
    // Two CJK glyphs at 1 em and two Latin glyphs at 0.6 em, 12 points each.
    assert!(
        near(chunk.bbox.width(), 12.0 * (2.0 + 1.2), 0.05),
        "{:?}",
        chunk.bbox
    );
}

#[test]
fn unigb_cmaps_decode_utf16_codes_without_tounicode() {
    let mut pdf = TestPdf::new();
    let mut fonts = Vec::new();
    for (name, cmap) in [("F1", "UniGB-UCS2-H"), ("F2", "UniGB-UTF16-H")] {
        let descendant = pdf.add(dictionary! {
            "Type" => "Font",
            "Subtype" => "CIDFontType0",
            "BaseFont" => "STSong-Light",
            "CIDSystemInfo" => dictionary! { "Registry" => Object::string_literal("Adobe"), "Ordering" => Object::string_literal("GB1"), "Supplement" => 4 },
            "DW" => 1000,
            "W" => vec![1.into(), 95.into(), 500.into()],
        });
        let font = pdf.add(dictionary! {
            "Type" => "Font",
            "Subtype" => "Type0",
            "BaseFont" => format!("STSong-Light-{cmap}"),
            "Encoding" => cmap,
            "DescendantFonts" => vec![descendant.into()],
        });
        fonts.push((name, font));
    }
    pdf.page(
        "BT /F1 10 Tf 72 700 Td <53D1796853F77801003A0031> Tj ET \
         BT /F2 10 Tf 72 650 Td <5408 8BA1 FFE5 0039 0034 002E 0033 0034> Tj ET",
        resources(&fonts, &[]),
        Dictionary::new(),
    );
    let extraction = read(&pdf.finish());
    assert_eq!(line_texts(&extraction), ["发票号码:1", "合计￥94.34"]);
    let chunk = &extraction.pages[0].lines[0].chunks[0];
    // Four ideographs at 1 em and two ASCII glyphs at 0.5 em.
    assert!(
        near(chunk.bbox.width(), 10.0 * 5.0, 0.05),
        "{:?}",
        chunk.bbox
    );
}

#[test]
fn differences_map_glyph_names_to_unicode() {
    let mut pdf = TestPdf::new();
    let font = pdf.add(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type1",
        "BaseFont" => "Custom",
        "Encoding" => dictionary! {
            "Type" => "Encoding",
            "BaseEncoding" => "WinAnsiEncoding",
            "Differences" => vec![65.into(), Object::Name(b"uni4E2D".to_vec()), Object::Name(b"eacute".to_vec())],
        },
    });
    pdf.page(
        "BT /F1 12 Tf 72 700 Td (ABC) Tj ET",
        resources(&[("F1", font)], &[]),
        Dictionary::new(),
    );
    assert_eq!(line_texts(&read(&pdf.finish())), ["中éC"]);
}

#[test]
fn rotated_pages_report_coordinates_in_the_displayed_frame() {
    let mut pdf = TestPdf::new();
    let font = pdf.standard_font("Helvetica");
    // Text drawn upwards in user space reads left to right once the page turns 90°.
    pdf.page(
        "q 0 1 -1 0 612 0 cm BT /F1 12 Tf 72 500 Td (Rotated page) Tj ET Q",
        resources(&[("F1", font)], &[]),
        dictionary! { "Rotate" => 90 },
    );
    pdf.page(
        "BT /F1 12 Tf 72 700 Td (Upside down) Tj ET",
        resources(&[("F1", font)], &[]),
        dictionary! { "Rotate" => 180, "CropBox" => vec![0.into(), 0.into(), 600.into(), 780.into()] },
    );
    let extraction = read(&pdf.finish());
    let first = &extraction.pages[0];
    assert_eq!((first.width, first.height), (792.0, 612.0));
    assert_eq!(first.lines[0].text(), "Rotated page");
    let chunk = &first.lines[0].chunks[0];
    assert!(near(chunk.bbox.x0, 72.0, 0.01), "{:?}", chunk.bbox);
    assert!(near(chunk.bbox.y1, 112.0 + 2.4, 0.5), "{:?}", chunk.bbox);

    let second = &extraction.pages[1];
    assert_eq!((second.width, second.height), (600.0, 780.0));
    assert_eq!(second.lines.len(), 1);
    let bbox = second.lines[0].bbox;
    // The start (72, 700) in user space lands at (600 - 72, 700) once turned.
    assert!(near(bbox.x1, 528.0, 0.5), "{bbox:?}");
    assert!(bbox.y0 < 700.0 && bbox.y1 > 700.0, "{bbox:?}");
}

#[test]
fn crop_box_offsets_move_the_origin() {
    let mut pdf = TestPdf::new();
    let font = pdf.standard_font("Helvetica");
    pdf.page(
        "BT /F1 10 Tf 72 700 Td (Cropped) Tj ET",
        resources(&[("F1", font)], &[]),
        dictionary! { "CropBox" => vec![50.into(), 50.into(), 562.into(), 742.into()] },
    );
    let extraction = read(&pdf.finish());
    let page = &extraction.pages[0];
    assert_eq!((page.width, page.height), (512.0, 692.0));
    let bbox = page.lines[0].chunks[0].bbox;
    assert!(near(bbox.x0, 22.0, 0.01), "{bbox:?}");
    assert!(near(bbox.y1, 42.0 + 2.0, 0.5), "{bbox:?}");
}

#[test]
fn form_xobjects_are_interpreted_with_their_matrix_and_resources() {
    let mut pdf = TestPdf::new();
    let font = pdf.standard_font("Helvetica");
    let inner_form = pdf.stream(
        dictionary! {
            "Type" => "XObject", "Subtype" => "Form",
            "BBox" => vec![0.into(), 0.into(), 612.into(), 792.into()],
            "Resources" => resources(&[("F9", font)], &[]),
        },
        b"BT /F9 10 Tf 0 580 Td (Nested form) Tj ET".to_vec(),
        true,
    );
    let form = pdf.stream(
        dictionary! {
            "Type" => "XObject", "Subtype" => "Form",
            "BBox" => vec![0.into(), 0.into(), 612.into(), 792.into()],
            "Matrix" => vec![1.into(), 0.into(), 0.into(), 1.into(), 100.into(), 0.into()],
            "Resources" => resources(&[("F9", font)], &[("Inner", inner_form)]),
        },
        b"BT /F9 10 Tf 0 600 Td (Inside form) Tj ET /Inner Do".to_vec(),
        true,
    );
    pdf.page(
        "q 1 0 0 1 0 50 cm /Fm1 Do Q BT /F1 10 Tf 72 500 Td (Outside) Tj ET",
        resources(&[("F1", font)], &[("Fm1", form)]),
        Dictionary::new(),
    );
    let extraction = read(&pdf.finish());
    assert_eq!(
        line_texts(&extraction),
        ["Inside form", "Nested form", "Outside"]
    );
    let chunk = &extraction.pages[0].lines[0].chunks[0];
    assert!(near(chunk.bbox.x0, 100.0, 0.01), "{:?}", chunk.bbox);
    assert!(
        near(chunk.bbox.y1, 792.0 - 650.0 + 2.0, 0.5),
        "{:?}",
        chunk.bbox
    );
}

#[test]
fn annotation_appearances_contribute_text() {
    let mut pdf = TestPdf::new();
    let font = pdf.standard_font("Helvetica");
    let appearance = pdf.stream(
        dictionary! {
            "Type" => "XObject", "Subtype" => "Form",
            "BBox" => vec![0.into(), 0.into(), 200.into(), 20.into()],
            "Resources" => resources(&[("Helv", font)], &[]),
        },
        b"/Tx BMC BT /Helv 10 Tf 2 6 Td (PT PEMBELI JAYA) Tj ET EMC".to_vec(),
        true,
    );
    let field = pdf.add(dictionary! {
        "Type" => "Annot", "Subtype" => "Widget", "FT" => "Tx",
        "Rect" => vec![150.into(), 600.into(), 350.into(), 620.into()],
        "AP" => dictionary! { "N" => appearance },
    });
    let hidden = pdf.add(dictionary! {
        "Type" => "Annot", "Subtype" => "Widget", "F" => 2,
        "Rect" => vec![150.into(), 500.into(), 350.into(), 520.into()],
        "AP" => dictionary! { "N" => appearance },
    });
    pdf.page(
        "BT /F1 10 Tf 72 606 Td (Nama) Tj ET",
        resources(&[("F1", font)], &[]),
        dictionary! { "Annots" => vec![field.into(), hidden.into()] },
    );
    let extraction = read(&pdf.finish());
    let lines = &extraction.pages[0].lines;
    assert_eq!(lines.len(), 1);
    assert_eq!(chunk_texts(&lines[0]), ["Nama", "PT PEMBELI JAYA"]);
    assert!(near(lines[0].chunks[1].bbox.x0, 152.0, 0.01));
}

#[test]
fn invisible_text_is_kept_and_text_off_the_page_is_dropped() {
    let mut pdf = TestPdf::new();
    let font = pdf.standard_font("Helvetica");
    pdf.page(
        "BT /F1 12 Tf 3 Tr 72 700 Td (Hidden OCR layer) Tj ET BT /F1 12 Tf 700 700 Td (Off page) Tj ET",
        resources(&[("F1", font)], &[]),
        Dictionary::new(),
    );
    assert_eq!(line_texts(&read(&pdf.finish())), ["Hidden OCR layer"]);
}

#[test]
fn rotated_text_forms_its_own_lines() {
    let mut pdf = TestPdf::new();
    let font = pdf.standard_font("Helvetica");
    pdf.page(
        "BT /F1 12 Tf 72 700 Td (Total) Tj ET BT /F1 12 Tf 400 700 Td (100) Tj ET \
         BT /F1 12 Tf 0 1 -1 0 300 650 Tm (VERTICAL) Tj ET",
        resources(&[("F1", font)], &[]),
        Dictionary::new(),
    );
    let extraction = read(&pdf.finish());
    let texts = line_texts(&extraction);
    assert!(texts.contains(&"Total 100".to_owned()), "{texts:?}");
    assert!(texts.contains(&"VERTICAL".to_owned()), "{texts:?}");
}
