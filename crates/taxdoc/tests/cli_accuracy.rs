//! End-to-end tests of `taxdoc accuracy`: a tiny corpus built in a scratch directory from a
//! corpus PDF, truth files written here, the report formats and the exit codes.

mod support;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

use serde_json::{Value, json};
use support::{example, taxdoc};

/// A scratch directory, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Self {
        let dir =
            std::env::temp_dir().join(format!("taxdoc-cli-accuracy-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        Self(dir)
    }

    fn path(&self) -> &Path {
        &self.0
    }

    fn write(&self, relative: &str, contents: &[u8]) {
        let path = self.0.join(relative);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, contents).unwrap();
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// The first Faktur Pajak PDF of the workspace corpus and its truth.
fn corpus_faktur() -> (Vec<u8>, Value) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus/faktur_pajak");
    let mut pdfs: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "pdf"))
        .collect();
    pdfs.sort();
    let pdf = pdfs.first().expect("the corpus has a Faktur Pajak PDF");
    let truth = pdf.with_extension("truth.json");
    let truth = serde_json::from_slice(&fs::read(truth).unwrap()).unwrap();
    (fs::read(pdf).unwrap(), truth)
}

/// A corpus of one Faktur Pajak with `truth` and one scan (expected to need OCR).
fn tiny_corpus(name: &str, truth: &Value) -> Scratch {
    let scratch = Scratch::new(name);
    let (pdf, _) = corpus_faktur();
    scratch.write("faktur_pajak/faktur.pdf", &pdf);
    scratch.write(
        "faktur_pajak/faktur.truth.json",
        truth.to_string().as_bytes(),
    );
    scratch.write(
        "scans/card.png",
        &fs::read(example("npwp-card.png")).unwrap(),
    );
    scratch.write(
        "scans/card.truth.json",
        json!({"expect": "needs_ocr", "digital": false})
            .to_string()
            .as_bytes(),
    );
    scratch
}

fn accuracy(dir: &Path, extra: &[&str]) -> Output {
    taxdoc()
        .arg("accuracy")
        .arg(dir)
        .args(extra)
        .output()
        .unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn the_report_counts_both_documents_and_passes_a_low_bar() {
    let (_, truth) = corpus_faktur();
    let scratch = tiny_corpus("pass", &truth);
    let output = accuracy(scratch.path(), &["--min-accuracy", "0", "-o", "json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["provider"], "local");
    assert_eq!(report["passed"], true);
    assert_eq!(report["documents"], 2);
    assert_eq!(report["digital_documents"], 1);
    assert_eq!(report["needs_ocr"]["correct"], 1);
    let faktur = &report["by_kind"]["faktur_pajak"];
    assert_eq!(faktur["documents"], 1);
    assert_eq!(faktur["misread"], 0);
    assert!(faktur["counts"]["tp"].as_u64().unwrap() > 0, "{faktur}");
}

#[test]
fn a_wrong_truth_value_fails_the_gate_and_is_listed_with_expected_and_got() {
    let (_, mut truth) = corpus_faktur();
    truth["fields"]["seller.name"] = json!("PT NOT THE SELLER");
    let scratch = tiny_corpus("fail", &truth);
    let output = accuracy(scratch.path(), &["--min-accuracy", "1"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.starts_with("FAILED: local over"), "{text}");
    for expected in [
        "KIND",
        "PRECISION",
        "RECALL",
        "seller.name",
        "faktur_pajak/faktur.pdf",
        "needs_ocr: 1 of 1",
    ] {
        assert!(text.contains(expected), "{expected} missing: {text}");
    }
    let mismatch = text
        .lines()
        .find(|line| line.trim_start().starts_with("seller.name ") && line.contains("expected"))
        .unwrap_or_else(|| panic!("no seller.name mismatch: {text}"));
    assert!(
        mismatch.contains(r#"expected "PT NOT THE SELLER"  got "#),
        "{mismatch}"
    );
}

#[test]
fn a_scan_read_as_a_document_fails_the_gate() {
    let scratch = Scratch::new("scan-as-document");
    let (pdf, _) = corpus_faktur();
    // The truth claims the PDF is a scan that only OCR can read.
    scratch.write("scans/not-a-scan.pdf", &pdf);
    scratch.write(
        "scans/not-a-scan.truth.json",
        json!({"expect": "needs_ocr", "digital": false})
            .to_string()
            .as_bytes(),
    );
    let output = accuracy(scratch.path(), &["--min-accuracy", "0"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("needs_ocr: 0 of 1"), "{text}");
    assert!(
        text.contains("scans/not-a-scan.pdf: read as faktur_pajak"),
        "{text}"
    );
}

#[test]
fn corpus_problems_exit_with_2_and_name_the_file() {
    let scratch = Scratch::new("broken");
    scratch.write("faktur_pajak/a.pdf", b"%PDF-1.7");
    scratch.write("faktur_pajak/a.truth.json", br#"{"expect": "document"}"#);
    let output = accuracy(scratch.path(), &[]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("a.truth.json"),
        "{}",
        stderr(&output)
    );

    let scratch = Scratch::new("untruthful");
    scratch.write("faktur_pajak/b.pdf", b"%PDF-1.7");
    let output = accuracy(scratch.path(), &[]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("b.pdf"), "{}", stderr(&output));

    let empty = Scratch::new("empty");
    let output = accuracy(empty.path(), &[]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("no documents"),
        "{}",
        stderr(&output)
    );

    let output = accuracy(&empty.path().join("absent"), &[]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("absent"), "{}", stderr(&output));
}

#[test]
fn the_minimum_must_be_a_fraction() {
    let scratch = Scratch::new("usage");
    let output = accuracy(scratch.path(), &["--min-accuracy", "98"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("between 0 and 1"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn help_names_the_default_corpus_and_reader() {
    let output = taxdoc().args(["accuracy", "--help"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    let help = String::from_utf8(output.stdout).unwrap();
    assert!(help.contains("tests/corpus"), "{help}");
    assert!(help.contains("[default: local]"), "{help}");
    assert!(help.contains("[default: 0.98]"), "{help}");
}
