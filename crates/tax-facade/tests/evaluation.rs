//! The accuracy report: scoring hand-written truths against hand-written documents, loading a
//! corpus from disk, and evaluating a reader over it.

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use tax_core::ValidationReport;
use tax_facade::document::{Document, FakturItem, FakturPajak, Field};
use tax_facade::evaluation::{
    CorpusError, EvaluationOptions, Expectation, Report, Truth, Verdict, compare, evaluate,
    load_corpus,
};
use tax_facade::{
    Capabilities, DocumentInput, DocumentKind, DocumentReader, Error, ErrorKind, ProviderId,
    ReadOptions, ReadOutcome, ResponseMeta,
};

fn rupiah(text: &str) -> Field<tax_core::Rupiah> {
    Field::from_value(text.parse().unwrap())
}

fn faktur() -> Document {
    let mut invoice = FakturPajak {
        place: Field::from_value("JAKARTA SELATAN".to_owned()),
        date: Field::from_value(NaiveDate::from_ymd_opt(2024, 1, 15).unwrap()),
        items: vec![
            FakturItem {
                total: rupiah("150000.00"),
                ..FakturItem::default()
            },
            FakturItem {
                total: rupiah("99"),
                ..FakturItem::default()
            },
        ],
        vat: rupiah("16500"),
        ..FakturPajak::default()
    };
    invoice.seller.name = Field::from_value("PT SUMBER  MAKMUR".to_owned());
    Document::FakturPajak(invoice)
}

/// Expects `faktur()` with: two values right (one as a differently written decimal), one
/// wrong (`items[1].total`), one missing (`signer`); `vat` is returned but not printed.
fn truth_with_one_wrong_one_missing_one_spurious() -> Truth {
    Truth::document(DocumentKind::FakturPajak)
        .with_field("seller.name", "PT SUMBER MAKMUR")
        .with_field("items[0].total", "150000")
        .with_field("items[1].total", "100")
        .with_field("place", "JAKARTA SELATAN")
        .with_field("date", "2024-01-15")
        .with_field("signer", "BUDI SANTOSO")
}

fn verdict_of(score: &tax_facade::evaluation::DocumentScore, path: &str) -> Verdict {
    score
        .fields
        .iter()
        .find(|field| field.path == path)
        .map(|field| field.verdict)
        .unwrap()
}

#[test]
fn one_wrong_one_missing_and_one_spurious_field_give_exact_counts() {
    let truth = truth_with_one_wrong_one_missing_one_spurious();
    let document = faktur();
    let score = compare(&truth, Ok(&document));
    let counts = score.counts;
    assert_eq!(
        (counts.tp, counts.fp, counts.fn_, counts.wrong),
        (4, 2, 2, 1)
    );
    assert_eq!(counts.paths(), 7);
    assert_eq!(counts.precision(), Some(Decimal::new(6667, 4)));
    assert_eq!(counts.recall(), Some(Decimal::new(6667, 4)));
    assert_eq!(counts.accuracy(), Some(Decimal::new(5714, 4)));
    assert_eq!(verdict_of(&score, "items[1].total"), Verdict::Wrong);
    assert_eq!(verdict_of(&score, "signer"), Verdict::Missing);
    assert_eq!(verdict_of(&score, "vat"), Verdict::Spurious);
    let wrong = score
        .fields
        .iter()
        .find(|f| f.path == "items[1].total")
        .unwrap();
    assert_eq!(wrong.field, "items[].total");
    assert_eq!(wrong.expected.as_deref(), Some("100"));
    assert_eq!(wrong.got.as_deref(), Some("99"));
    assert!(score.outcome_correct());
}

#[test]
fn decimals_compare_by_value_and_text_by_collapsed_whitespace() {
    use tax_facade::evaluation::values_equal;
    assert!(values_equal("150000", "150000.00"));
    assert!(values_equal("-1.50", "-1.5"));
    assert!(!values_equal("1.5", "15"));
    assert!(values_equal(
        "JL. SUDIRMAN\n  NO. 1",
        " JL. SUDIRMAN NO. 1 "
    ));
    assert!(!values_equal("PT A", "PT  B"));
    assert!(!values_equal("pt a", "PT A"));
    // Identifiers with leading zeros are text, not numbers.
    assert!(!values_equal("0013121660091000", "13121660091000"));
    assert!(values_equal("0.00", "0"));
}

#[test]
fn a_document_of_another_kind_scores_nothing() {
    let truth = Truth::document(DocumentKind::CnVatInvoice).with_field("place", "JAKARTA SELATAN");
    let document = faktur();
    let score = compare(&truth, Ok(&document));
    assert!(!score.outcome_correct());
    assert_eq!(score.counts.tp, 0);
    assert_eq!(verdict_of(&score, "place"), Verdict::Missing);
    assert_eq!(score.counts.fp, 6);
}

#[test]
fn needs_ocr_documents_are_correct_only_when_the_read_fails_with_needs_ocr() {
    let truth = Truth::needs_ocr();
    assert!(compare(&truth, Err(ErrorKind::NeedsOcr)).outcome_correct());
    assert!(!compare(&truth, Err(ErrorKind::Transport)).outcome_correct());
    let document = faktur();
    let misread = compare(&truth, Ok(&document));
    assert!(!misread.outcome_correct());
    assert_eq!(misread.counts.fp, 6);

    let report = Report::from_scores(
        [
            (
                "scans/a.png".to_owned(),
                compare(&truth, Err(ErrorKind::NeedsOcr)),
            ),
            ("scans/b.jpg".to_owned(), misread),
        ],
        10,
    );
    assert_eq!(
        (report.needs_ocr.documents, report.needs_ocr.correct),
        (2, 1)
    );
    assert_eq!(
        report.needs_ocr.misread,
        ["scans/b.jpg: read as faktur_pajak"]
    );
    assert_eq!(report.digital_documents, 0);
    assert!(!report.meets(Decimal::ZERO));
}

#[test]
fn a_failed_read_misses_every_truth_value() {
    let truth = truth_with_one_wrong_one_missing_one_spurious();
    let score = compare(&truth, Err(ErrorKind::Unsupported));
    assert_eq!(
        (score.counts.tp, score.counts.fp, score.counts.fn_),
        (0, 0, 6)
    );
    assert_eq!(score.outcome_text(), "failed: unsupported");
    let json = serde_json::to_value(&score).unwrap();
    assert_eq!(json["error"], "unsupported");
    assert_eq!(json["fields"][0]["verdict"], "missing");
}

#[test]
fn the_report_aggregates_per_kind_and_per_collapsed_field() {
    let document = faktur();
    let perfect = Truth::document(DocumentKind::FakturPajak)
        .with_field("seller.name", "PT SUMBER MAKMUR")
        .with_field("items[0].total", "150000")
        .with_field("items[1].total", "99")
        .with_field("place", "JAKARTA SELATAN")
        .with_field("date", "2024-01-15")
        .with_field("vat", "16500");
    let report = Report::from_scores(
        [
            (
                "faktur_pajak/good.pdf".to_owned(),
                compare(&perfect, Ok(&document)),
            ),
            (
                "faktur_pajak/bad.pdf".to_owned(),
                compare(
                    &truth_with_one_wrong_one_missing_one_spurious(),
                    Ok(&document),
                ),
            ),
        ],
        10,
    );
    assert_eq!(report.documents, 2);
    let kind = &report.by_kind[&DocumentKind::FakturPajak];
    assert_eq!(kind.documents, 2);
    assert_eq!(kind.misread, 0);
    let totals = kind.fields["items[].total"];
    assert_eq!((totals.tp, totals.fp, totals.fn_), (3, 1, 1));
    assert_eq!((report.overall.tp, report.overall.paths()), (10, 13));
    assert_eq!(report.accuracy(), Decimal::new(7692, 4));
    assert!(report.meets(Decimal::new(75, 2)));
    assert!(!report.meets(Decimal::new(98, 2)));
    assert_eq!(report.worst.len(), 1);
    assert_eq!(report.worst[0].name, "faktur_pajak/bad.pdf");
    assert_eq!(report.worst[0].mismatches.len(), 3);

    let table = report.render_table();
    assert!(table.contains("overall field accuracy 0.7692"), "{table}");
    assert!(table.contains("items[].total"), "{table}");
    assert!(table.contains("faktur_pajak/bad.pdf"), "{table}");
    assert!(table.contains(r#"expected "100"  got "99""#), "{table}");

    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(json["overall"]["tp"], 10);
    assert_eq!(json["overall"]["accuracy"], "0.7692");
    assert_eq!(
        json["by_kind"]["faktur_pajak"]["fields"]["items[].total"]["fn"],
        1
    );
    assert_eq!(json["worst"][0]["mismatches"][0]["verdict"], "wrong");
}

/// A scratch directory, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!(
            "tax-facade-evaluation-{name}-{}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Self(dir)
    }

    fn write(&self, relative: &str, contents: &str) -> PathBuf {
        let path = self.0.join(relative);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, contents).unwrap();
        path
    }

    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

const FAKTUR_TRUTH: &str = r#"{"expect": "document", "kind": "faktur_pajak", "layout": "efaktur",
    "pages": 1, "digital": true, "fields": {"place": "JAKARTA SELATAN", "vat": "16500.00"}}"#;
const SCAN_TRUTH: &str = r#"{"expect": "needs_ocr", "digital": false, "fields": {}}"#;

fn write_corpus(scratch: &Scratch) {
    scratch.write("faktur_pajak/one.pdf", "%PDF-1.7 one");
    scratch.write("faktur_pajak/one.truth.json", FAKTUR_TRUTH);
    scratch.write("scans/photo.png", "not really a png");
    scratch.write("scans/photo.truth.json", SCAN_TRUTH);
    scratch.write("README.md", "notes are ignored");
}

#[test]
fn a_corpus_is_loaded_from_kind_directories_sorted_by_name() {
    let scratch = Scratch::new("load");
    write_corpus(&scratch);
    let entries = load_corpus(scratch.path()).unwrap();
    let names: Vec<&str> = entries.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["faktur_pajak/one.pdf", "scans/photo.png"]);
    assert_eq!(entries[0].truth.kind, Some(DocumentKind::FakturPajak));
    assert_eq!(entries[0].truth.layout.as_deref(), Some("efaktur"));
    assert_eq!(entries[1].truth.expect, Expectation::NeedsOcr);
    assert!(entries[1].path.ends_with("scans/photo.png"));
}

#[test]
fn corpus_errors_name_the_file() {
    let scratch = Scratch::new("missing");
    write_corpus(&scratch);
    scratch.write("faktur_pajak/two.pdf", "%PDF-1.7 two");
    let err = load_corpus(scratch.path()).unwrap_err();
    assert!(matches!(err, CorpusError::MissingTruth { .. }), "{err}");
    assert!(err.to_string().contains("two.pdf"), "{err}");
    assert!(err.to_string().contains("two.truth.json"), "{err}");

    let scratch = Scratch::new("invalid");
    write_corpus(&scratch);
    scratch.write("faktur_pajak/one.truth.json", r#"{"expect": "document"}"#);
    let err = load_corpus(scratch.path()).unwrap_err();
    assert!(matches!(err, CorpusError::InvalidTruth { .. }), "{err}");
    assert!(err.to_string().contains("one.truth.json"), "{err}");
    assert!(err.to_string().contains("kind"), "{err}");

    let scratch = Scratch::new("orphan");
    scratch.write("faktur_pajak/alone.truth.json", FAKTUR_TRUTH);
    let err = load_corpus(scratch.path()).unwrap_err();
    assert!(matches!(err, CorpusError::MissingDocument { .. }), "{err}");

    let err = load_corpus(scratch.path().join("absent")).unwrap_err();
    assert!(matches!(err, CorpusError::Io { .. }), "{err}");
}

/// Reads PDFs as `faktur()` and refuses everything else as needing OCR; records the reference
/// date it was given.
#[derive(Debug)]
struct FixedReader {
    capabilities: Capabilities,
    seen_reference_dates: std::sync::Mutex<Vec<Option<NaiveDate>>>,
}

#[async_trait::async_trait]
impl DocumentReader for FixedReader {
    fn provider(&self) -> ProviderId {
        ProviderId::Local
    }

    fn capabilities(&self) -> &Capabilities {
        &self.capabilities
    }

    async fn read(
        &self,
        input: DocumentInput,
        options: &ReadOptions,
    ) -> Result<ReadOutcome, Error> {
        self.seen_reference_dates
            .lock()
            .unwrap()
            .push(options.reference_date);
        if input.display_name().ends_with(".pdf") {
            Ok(ReadOutcome::validated(
                faktur(),
                ValidationReport::new(),
                options,
                ResponseMeta::new(ProviderId::Local, 1, Duration::ZERO),
            ))
        } else {
            Err(Error::new(ErrorKind::NeedsOcr, "no text layer"))
        }
    }
}

#[tokio::test]
async fn evaluate_reads_every_entry_with_a_fixed_reference_date() {
    let scratch = Scratch::new("evaluate");
    write_corpus(&scratch);
    let entries = load_corpus(scratch.path()).unwrap();
    let reader = FixedReader {
        capabilities: Capabilities::default(),
        seen_reference_dates: std::sync::Mutex::default(),
    };
    let date = NaiveDate::from_ymd_opt(2031, 2, 3).unwrap();
    let options = EvaluationOptions::default().with_reference_date(date);
    let report = evaluate(&reader, &entries, &options).await;
    assert_eq!(
        *reader.seen_reference_dates.lock().unwrap(),
        [Some(date), Some(date)]
    );
    assert_eq!(report.documents, 2);
    assert_eq!(
        (report.needs_ocr.documents, report.needs_ocr.correct),
        (1, 1)
    );
    // place and vat are right; the other four returned values are not printed.
    assert_eq!(
        (report.overall.tp, report.overall.fp, report.overall.fn_),
        (2, 4, 0)
    );
    assert!(!report.meets(Decimal::new(98, 2)));
}
