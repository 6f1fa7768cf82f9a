//! The local reader against the committed corpus (`tests/corpus/`, with `*.truth.json`
//! ground truth), the example PDFs, and inputs it must refuse.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use rust_decimal::Decimal;
use serde_json::Value;
use tax_facade::config::TaxdocConfig;
use tax_facade::providers::local::LocalReader;
use tax_facade::providers::reader_for;
use tax_facade::{DocumentInput, DocumentKind, ErrorKind, ProviderId, ReadOptions};

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// One corpus document with its ground truth.
struct Case {
    path: PathBuf,
    truth: Value,
}

fn corpus() -> Vec<Case> {
    let root = workspace_root().join("tests/corpus");
    let mut cases = Vec::new();
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap_or_else(|e| panic!("the corpus {} cannot be read: {e}", root.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_dir())
        .collect();
    dirs.sort();
    for dir in dirs {
        let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .collect();
        files.sort();
        for truth_path in files
            .iter()
            .filter(|p| p.to_string_lossy().ends_with(".truth.json"))
        {
            let name = truth_path.to_string_lossy();
            let stem = name.trim_end_matches(".truth.json");
            let document = ["pdf", "png", "jpg", "jpeg"]
                .iter()
                .map(|ext| PathBuf::from(format!("{stem}.{ext}")))
                .find(|p| p.exists())
                .unwrap_or_else(|| panic!("no document beside {name}"));
            let truth = serde_json::from_slice(&std::fs::read(truth_path).unwrap()).unwrap();
            cases.push(Case {
                path: document,
                truth,
            });
        }
    }
    assert!(!cases.is_empty(), "the corpus has no documents");
    cases
}

/// Equal as the accuracy report compares: numerically for decimals (digit strings with a
/// leading zero are identifiers, compared as text), else after collapsing whitespace.
fn same_value(a: &str, b: &str) -> bool {
    fn decimal(text: &str) -> Option<Decimal> {
        let text = text.trim();
        let unsigned = text.strip_prefix(['-', '+']).unwrap_or(text);
        let mut chars = unsigned.chars();
        if chars.next() == Some('0') && chars.next().is_some_and(|c| c.is_ascii_digit()) {
            return None;
        }
        text.parse().ok()
    }
    match (decimal(a), decimal(b)) {
        (Some(a), Some(b)) => a == b,
        _ => {
            let collapse = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
            collapse(a) == collapse(b)
        }
    }
}

/// Counts per kind: correct values and distinct paths in truth ∪ returned.
#[derive(Default, Debug)]
struct Tally {
    correct: usize,
    paths: usize,
    documents: usize,
}

impl Tally {
    #[allow(clippy::float_arithmetic, clippy::cast_precision_loss)]
    fn accuracy(&self) -> f64 {
        if self.paths == 0 {
            1.0
        } else {
            self.correct as f64 / self.paths as f64
        }
    }
}

/// The key fields of each kind, which must be right on every document that prints them.
fn key_fields(kind: &str) -> &'static [&'static str] {
    match kind {
        "faktur_pajak" => &["number", "seller.npwp", "date", "vat", "tax_base"],
        "cn_vat_invoice" => &["number", "issue_date", "total", "seller.tax_id"],
        _ => &["number", "total", "invoice_date"],
    }
}

#[test]
fn corpus_documents_match_their_truth() {
    let reader = LocalReader::new();
    let options = ReadOptions::default();
    let mut tallies: BTreeMap<String, Tally> = BTreeMap::new();
    let mut problems: Vec<String> = Vec::new();
    let mut key_problems: Vec<String> = Vec::new();
    for case in corpus() {
        let name = case.path.display().to_string();
        let bytes = std::fs::read(&case.path).unwrap();
        let result = reader.read_bytes(&bytes, &options);
        if case.truth["expect"] == "needs_ocr" {
            match result {
                Err(error) => assert_eq!(error.kind(), ErrorKind::NeedsOcr, "{name}: {error}"),
                Ok(outcome) => panic!(
                    "{name}: expected needs_ocr, read {:?}",
                    outcome.document.kind()
                ),
            }
            continue;
        }
        let kind = case.truth["kind"].as_str().unwrap_or_default().to_owned();
        let outcome = match result {
            Ok(outcome) => outcome,
            Err(error) => {
                panic!("{name}: expected a {kind}, failed: {error}");
            }
        };
        assert_eq!(outcome.document.kind().as_str(), kind, "{name}");
        let truth: BTreeMap<String, String> = case.truth["fields"]
            .as_object()
            .unwrap()
            .iter()
            .map(|(k, v)| {
                (
                    k.clone(),
                    v.as_str().map_or_else(|| v.to_string(), str::to_owned),
                )
            })
            .collect();
        let returned: BTreeMap<String, String> = outcome
            .document
            .fields()
            .into_iter()
            .filter_map(|(path, field)| field.value_text().map(|v| (path, v)))
            .collect();
        let paths: BTreeSet<&String> = truth.keys().chain(returned.keys()).collect();
        let digital = case.truth["digital"].as_bool().unwrap_or(true);
        let tally = tallies
            .entry(format!("{kind}{}", if digital { "" } else { " (image)" }))
            .or_default();
        tally.documents += 1;
        for path in paths {
            tally.paths += 1;
            match (truth.get(path), returned.get(path)) {
                (Some(want), Some(got)) if same_value(want, got) => tally.correct += 1,
                (want, got) => {
                    problems.push(format!("{name}: {path}: want {want:?}, got {got:?}"));
                    let key = path.as_str();
                    if want.is_some() && key_fields(&kind).contains(&key) {
                        key_problems.push(format!("{name}: {path}: want {want:?}, got {got:?}"));
                    }
                }
            }
        }
    }
    for (kind, tally) in &tallies {
        eprintln!(
            "{kind}: {} documents, {}/{} fields, accuracy {:.4}",
            tally.documents,
            tally.correct,
            tally.paths,
            tally.accuracy()
        );
    }
    for problem in problems.iter().take(80) {
        eprintln!("  {problem}");
    }
    assert!(
        key_problems.is_empty(),
        "key fields wrong:\n{}",
        key_problems.join("\n")
    );
    let digital = tallies
        .iter()
        .filter(|(kind, _)| !kind.ends_with("(image)"))
        .fold(Tally::default(), |sum, (_, t)| Tally {
            correct: sum.correct + t.correct,
            paths: sum.paths + t.paths,
            documents: sum.documents + t.documents,
        });
    assert!(
        digital.accuracy() >= 0.98,
        "field accuracy on digital documents is {:.4}",
        digital.accuracy()
    );
}

#[test]
fn scans_and_photos_without_a_qr_code_need_ocr() {
    let reader = LocalReader::new();
    let scans: Vec<Case> = corpus()
        .into_iter()
        .filter(|case| case.truth["expect"] == "needs_ocr")
        .collect();
    assert!(!scans.is_empty(), "the corpus has no scans");
    for case in scans {
        let bytes = std::fs::read(&case.path).unwrap();
        let error = reader
            .read_bytes(&bytes, &ReadOptions::default())
            .expect_err("a scan is not read without OCR");
        assert_eq!(
            error.kind(),
            ErrorKind::NeedsOcr,
            "{}: {error}",
            case.path.display()
        );
        assert!(error.message().contains("OCR provider"), "{error}");
    }
}

#[test]
fn example_pdfs_are_read() {
    let dir = workspace_root().join("examples");
    let mut pdfs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .collect();
    pdfs.sort();
    assert!(
        pdfs.len() >= 4,
        "expected the four example PDFs, found {pdfs:?}"
    );
    let reader = LocalReader::new();
    let mut kinds = BTreeSet::new();
    for pdf in pdfs {
        let bytes = std::fs::read(&pdf).unwrap();
        let outcome = reader
            .read_bytes(&bytes, &ReadOptions::default())
            .unwrap_or_else(|e| panic!("{}: {e}", pdf.display()));
        let present = outcome
            .document
            .fields()
            .into_iter()
            .filter(|(_, f)| f.value_text().is_some())
            .count();
        assert!(
            present >= 8,
            "{}: only {present} fields read",
            pdf.display()
        );
        kinds.insert(outcome.document.kind());
    }
    for kind in [
        DocumentKind::FakturPajak,
        DocumentKind::CnVatInvoice,
        DocumentKind::CommercialInvoice,
    ] {
        assert!(kinds.contains(&kind), "no example read as {kind}");
    }
}

#[test]
fn garbage_and_html_are_invalid_input() {
    let reader = LocalReader::new();
    let options = ReadOptions::default();
    for bytes in [
        &b"\x00\x01garbage\xff\xfe"[..],
        b"<!DOCTYPE html><html><body>Invoice</body></html>",
        b"%PDF-1.7\n this is not really a PDF",
    ] {
        let error = reader.read_bytes(bytes, &options).unwrap_err();
        assert_eq!(error.kind(), ErrorKind::InvalidInput, "{error}");
        assert_eq!(error.provider(), Some(ProviderId::Local));
    }
    assert_eq!(
        reader.read_bytes(b"", &options).unwrap_err().kind(),
        ErrorKind::InvalidInput
    );
}

#[test]
fn unsupported_expected_kinds_are_refused() {
    let options = ReadOptions::default().with_expected_kind(DocumentKind::NpwpCard);
    let error = LocalReader::new()
        .read_bytes(b"%PDF-1.4", &options)
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Unsupported);
}

#[tokio::test]
async fn the_factory_builds_the_local_reader_without_configuration() {
    let reader = reader_for(ProviderId::Local, &TaxdocConfig::default()).unwrap();
    assert_eq!(reader.provider(), ProviderId::Local);
    let input = DocumentInput::from_bytes("page.html", b"<html>Invoice</html>".to_vec());
    let error = reader
        .read(input, &ReadOptions::default())
        .await
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::InvalidInput);
}

/// A one-page PDF showing `lines` of `(x, y from the top, text)` in 9-point Helvetica.
fn text_pdf(lines: &[(u32, u32, &str)]) -> Vec<u8> {
    let content: String = lines
        .iter()
        .map(|(x, y, text)| {
            let escaped = text
                .replace('\\', "\\\\")
                .replace('(', "\\(")
                .replace(')', "\\)");
            format!("BT /F1 9 Tf {x} {} Td ({escaped}) Tj ET\n", 842 - y)
        })
        .collect();
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] \
         /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>"
            .to_owned(),
        format!(
            "<< /Length {} >>\nstream\n{content}\nendstream",
            content.len()
        ),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
            .to_owned(),
    ];
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (index, object) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n{object}\nendobj\n", index + 1).as_bytes());
    }
    let xref = pdf.len();
    pdf.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for offset in offsets {
        pdf.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    pdf.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    pdf
}

/// A commercial invoice in the English layout.
fn commercial_pdf() -> Vec<u8> {
    text_pdf(&[
        (40, 40, "PT MAJU JAYA"),
        (420, 40, "INVOICE"),
        (40, 54, "Jl. Gatot Subroto No. 5"),
        (40, 68, "NPWP: 01.000.521.8-093.010"),
        (350, 82, "Invoice No: INV/2024/0001"),
        (350, 96, "Invoice Date: 15 Jan 2024"),
        (40, 110, "Bill To:"),
        (40, 124, "PT PELANGGAN SETIA"),
        (40, 138, "Bandung"),
        (40, 160, "Description"),
        (250, 160, "Qty"),
        (340, 160, "Unit Price"),
        (470, 160, "Amount"),
        (40, 174, "Consulting services"),
        (255, 174, "2"),
        (340, 174, "750,000.00"),
        (470, 174, "1,500,000.00"),
        (400, 188, "Subtotal"),
        (470, 188, "1,500,000.00"),
        (400, 202, "VAT 11%"),
        (475, 202, "165,000.00"),
        (400, 216, "Total"),
        (470, 216, "1,665,000.00"),
    ])
}

#[test]
fn a_generated_pdf_is_read_through_extraction() {
    let outcome = LocalReader::new()
        .read_bytes(&commercial_pdf(), &ReadOptions::default())
        .unwrap();
    let values: BTreeMap<String, String> = outcome
        .document
        .fields()
        .into_iter()
        .filter_map(|(path, field)| field.value_text().map(|v| (path, v)))
        .collect();
    for (path, want) in [
        ("number", "INV/2024/0001"),
        ("invoice_date", "2024-01-15"),
        ("vendor.name", "PT MAJU JAYA"),
        ("customer.name", "PT PELANGGAN SETIA"),
        ("customer.address", "Bandung"),
        ("items[0].quantity", "2"),
        ("items[0].total", "1500000"),
        ("vat", "165000"),
        ("total", "1665000"),
    ] {
        let got = values.get(path).map(String::as_str).unwrap_or_default();
        assert!(same_value(want, got), "{path}: want {want}, got {got}");
    }
    assert_eq!(outcome.meta.provider, ProviderId::Local);
}

#[tokio::test]
async fn async_reads_match_the_synchronous_core() {
    let bytes = commercial_pdf();
    let reader = LocalReader::new();
    let sync = reader.read_bytes(&bytes, &ReadOptions::default()).unwrap();
    let input = DocumentInput::from_bytes("invoice.pdf", bytes);
    let outcome = tax_facade::DocumentReader::read(&reader, input, &ReadOptions::default())
        .await
        .unwrap();
    assert_eq!(outcome.document, sync.document);
    assert_eq!(outcome.meta.provider, ProviderId::Local);
}
