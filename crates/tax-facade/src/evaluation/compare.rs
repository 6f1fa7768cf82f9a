//! Scoring one read against its ground truth.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::Serialize;

use super::counts::Counts;
use super::truth::{Expectation, Truth};
use crate::document::{Document, DocumentKind};
use crate::error::ErrorKind;

/// How one field path fared.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// The reader returned the expected value (a true positive).
    Correct,
    /// The reader returned another value (a false positive and a false negative).
    Wrong,
    /// The reader returned nothing for a field the document prints (a false negative).
    Missing,
    /// The reader returned a value for a field the document does not print (a false
    /// positive).
    Spurious,
}

/// One field path of one document: what was expected, what was returned, and the verdict.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldComparison {
    /// The full path (`items[3].total`).
    pub path: String,
    /// The field name with indices collapsed (`items[].total`), under which it is counted.
    pub field: String,
    /// The ground-truth value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected: Option<String>,
    /// The value the reader returned.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub got: Option<String>,
    /// The verdict.
    pub verdict: Verdict,
}

/// How one document fared.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentScore {
    /// What the ground truth expected.
    pub expect: Expectation,
    /// The expected kind.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected_kind: Option<DocumentKind>,
    /// The kind the reader returned, when the read succeeded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub returned_kind: Option<DocumentKind>,
    /// The error kind, when the read failed (serialized by name: `"needs_ocr"`, ...).
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "serialize_error_kind"
    )]
    pub error: Option<ErrorKind>,
    /// Whether the document has a text layer (from the truth).
    pub digital: bool,
    /// The printed layout (from the truth).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub layout: Option<String>,
    /// Every path in the truth or returned by the reader, sorted by path.
    pub fields: Vec<FieldComparison>,
    /// The counts over `fields`.
    pub counts: Counts,
}

impl DocumentScore {
    /// Whether the reader did what the truth expected: for a `needs_ocr` document, failed with
    /// `needs_ocr`; for a document, returned one of the expected kind.
    pub fn outcome_correct(&self) -> bool {
        match self.expect {
            Expectation::NeedsOcr => self.error == Some(ErrorKind::NeedsOcr),
            Expectation::Document => {
                self.returned_kind.is_some() && self.returned_kind == self.expected_kind
            }
        }
    }

    /// The comparisons that were not correct.
    pub fn mismatches(&self) -> impl Iterator<Item = &FieldComparison> {
        self.fields
            .iter()
            .filter(|field| field.verdict != Verdict::Correct)
    }

    /// What happened to the read, in words (`read as faktur_pajak`, `failed: needs_ocr`).
    pub fn outcome_text(&self) -> String {
        match (self.returned_kind, self.error) {
            (Some(kind), _) => format!("read as {kind}"),
            (None, Some(error)) => format!("failed: {error}"),
            (None, None) => "not read".to_owned(),
        }
    }
}

fn serialize_error_kind<S: serde::Serializer>(
    kind: &Option<ErrorKind>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match kind {
        Some(kind) => serializer.serialize_str(kind.as_str()),
        None => serializer.serialize_none(),
    }
}

/// Scores a read (`Ok` with the document, or `Err` with the error kind) against `truth`.
///
/// Per field path: the returned value equal to the truth is correct (TP); a different value
/// is wrong (FP and FN); a truth value not returned is missing (FN); a returned value absent
/// from the truth is spurious (FP). A document of another kind than expected, or returned for
/// a `needs_ocr` document, has every returned value spurious and every truth value missing.
/// Values are equal when both are decimals with the same value (`150000` and `150000.00`) or
/// when they are the same text after trimming and collapsing whitespace runs.
///
/// ```
/// use tax_facade::document::{Document, FakturPajak, Field};
/// use tax_facade::evaluation::{Truth, compare};
/// use tax_facade::DocumentKind;
///
/// let truth = Truth::document(DocumentKind::FakturPajak).with_field("place", "JAKARTA  SELATAN");
/// let document = Document::FakturPajak(FakturPajak {
///     place: Field::from_value("JAKARTA SELATAN".to_owned()),
///     ..FakturPajak::default()
/// });
/// let score = compare(&truth, Ok(&document));
/// assert_eq!((score.counts.tp, score.counts.fp, score.counts.fn_), (1, 0, 0));
/// ```
pub fn compare(truth: &Truth, outcome: Result<&Document, ErrorKind>) -> DocumentScore {
    let (returned_kind, error, returned) = match outcome {
        Ok(document) => (Some(document.kind()), None, returned_values(document)),
        Err(kind) => (None, Some(kind), BTreeMap::new()),
    };
    let comparable = truth.expect == Expectation::Document && returned_kind == truth.kind;
    let mut fields = Vec::new();
    for (path, expected) in &truth.fields {
        let got = returned.get(path).filter(|_| comparable);
        let verdict = match got {
            Some(got) if values_equal(expected, got) => Verdict::Correct,
            Some(_) => Verdict::Wrong,
            None => Verdict::Missing,
        };
        fields.push(comparison(path, Some(expected), got, verdict));
    }
    for (path, got) in &returned {
        if !(comparable && truth.fields.contains_key(path)) {
            fields.push(comparison(path, None, Some(got), Verdict::Spurious));
        }
    }
    fields.sort_by(|a, b| a.path.cmp(&b.path).then(a.verdict.cmp(&b.verdict)));
    let counts = fields.iter().fold(Counts::default(), |counts, field| {
        counts.with(field.verdict)
    });
    DocumentScore {
        expect: truth.expect,
        expected_kind: truth.kind,
        returned_kind,
        error,
        digital: truth.digital,
        layout: truth.layout.clone(),
        fields,
        counts,
    }
}

fn comparison(
    path: &str,
    expected: Option<&String>,
    got: Option<&String>,
    verdict: Verdict,
) -> FieldComparison {
    FieldComparison {
        path: path.to_owned(),
        field: field_name(path),
        expected: expected.cloned(),
        got: got.cloned(),
        verdict,
    }
}

/// Every path of `document` with a parsed value, and that value's text.
fn returned_values(document: &Document) -> BTreeMap<String, String> {
    document
        .fields()
        .into_iter()
        .filter_map(|(path, field)| field.value_text().map(|text| (path, text)))
        .collect()
}

/// The field name of a path: indices collapsed, so that every line counts under one name.
///
/// ```
/// use tax_facade::evaluation::field_name;
///
/// assert_eq!(field_name("items[3].total"), "items[].total");
/// assert_eq!(field_name("payment_banks[0].account_number"), "payment_banks[].account_number");
/// assert_eq!(field_name("seller.npwp"), "seller.npwp");
/// ```
pub fn field_name(path: &str) -> String {
    let mut name = String::with_capacity(path.len());
    let mut in_index = false;
    for c in path.chars() {
        match c {
            '[' => {
                in_index = true;
                name.push('[');
            }
            ']' => {
                in_index = false;
                name.push(']');
            }
            c if in_index && c.is_ascii_digit() => {}
            c => name.push(c),
        }
    }
    name
}

/// Whether a returned value equals the truth: numerically when both are decimals, otherwise
/// as text after trimming and collapsing whitespace runs to one space.
///
/// Digit strings with a leading zero (`0013121660091000`) are identifiers, not amounts, and
/// compare as text.
///
/// ```
/// use tax_facade::evaluation::values_equal;
///
/// assert!(values_equal("150000", "150000.00"));
/// assert!(values_equal(" PT  SUMBER\nMAKMUR ", "PT SUMBER MAKMUR"));
/// assert!(!values_equal("150000", "150001"));
/// assert!(!values_equal("0000000000000000", "000000000000000"));
/// ```
pub fn values_equal(expected: &str, got: &str) -> bool {
    match (as_decimal(expected), as_decimal(got)) {
        (Some(expected), Some(got)) => expected == got,
        _ => collapse_whitespace(expected) == collapse_whitespace(got),
    }
}

fn as_decimal(text: &str) -> Option<Decimal> {
    let trimmed = text.trim();
    let unsigned = trimmed.strip_prefix(['-', '+']).unwrap_or(trimmed);
    let mut digits = unsigned.chars();
    let leading_zero_identifier =
        digits.next() == Some('0') && digits.next().is_some_and(|c| c.is_ascii_digit());
    if leading_zero_identifier {
        return None;
    }
    trimmed.parse().ok()
}

fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
