//! Recognition of hand-built extractions, one per printed layout.

mod cn;
mod commercial;
mod errors;
mod faktur;
mod never_panic;

use rust_decimal::Decimal;
use taxdoc_extract::Extraction;

use super::*;

/// Rows of `(x, text)` chunks for [`super::test_support::simple`].
type Rows<'a> = Vec<&'a [(f32, &'a str)]>;

/// The value texts of a document by path.
pub(super) fn values(document: &Document) -> Vec<(String, String)> {
    document
        .fields()
        .into_iter()
        .filter_map(|(path, field)| field.value_text().map(|value| (path, value)))
        .collect()
}

fn value(document: &Document, path: &str) -> Option<String> {
    values(document)
        .into_iter()
        .find(|(p, _)| p == path)
        .map(|(_, v)| v)
}

fn assert_values(document: &Document, expected: &[(&str, &str)]) {
    for (path, want) in expected {
        let got = value(document, path);
        let same = match (
            got.as_deref().map(str::parse::<Decimal>),
            want.parse::<Decimal>(),
        ) {
            (Some(Ok(a)), Ok(b)) => a == b,
            _ => got.as_deref() == Some(*want),
        };
        assert!(same, "{path}: got {got:?}, want {want:?}");
    }
}

fn read(extraction: &Extraction) -> (Document, ValidationReport) {
    recognize(extraction, None).unwrap()
}
