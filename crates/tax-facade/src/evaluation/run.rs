//! Running a reader over a corpus.

use chrono::NaiveDate;

use super::compare::compare;
use super::corpus::CorpusEntry;
use super::report::{DEFAULT_WORST, Report};
use crate::input::DocumentInput;
use crate::reader::{DocumentReader, ReadOptions};

/// How [`evaluate`] reads the corpus and what the report lists.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvaluationOptions {
    /// The reference date for date rules, fixed so that a report does not change with the
    /// calendar (default 2030-01-01, after every corpus document).
    pub reference_date: NaiveDate,
    /// How many of the worst documents the report lists (default 10).
    pub worst: usize,
}

impl Default for EvaluationOptions {
    fn default() -> Self {
        Self {
            reference_date: NaiveDate::from_ymd_opt(2030, 1, 1).unwrap_or(NaiveDate::MIN),
            worst: DEFAULT_WORST,
        }
    }
}

impl EvaluationOptions {
    /// Sets the reference date.
    #[must_use]
    pub fn with_reference_date(mut self, date: NaiveDate) -> Self {
        self.reference_date = date;
        self
    }

    /// Sets how many of the worst documents the report lists.
    #[must_use]
    pub fn with_worst(mut self, worst: usize) -> Self {
        self.worst = worst;
        self
    }
}

/// Reads every entry with `reader` (one at a time, without an expected kind, so that kind
/// detection is measured too) and scores it against its truth.
///
/// A read that fails is scored with its error kind: every truth value is missing, and a
/// `needs_ocr` document counts as correct when the error is `needs_ocr`.
pub async fn evaluate(
    reader: &dyn DocumentReader,
    entries: &[CorpusEntry],
    options: &EvaluationOptions,
) -> Report {
    let read_options = ReadOptions::default().with_reference_date(options.reference_date);
    let mut scores = Vec::with_capacity(entries.len());
    for entry in entries {
        let input = DocumentInput::from_path(&entry.path);
        let score = match reader.read(input, &read_options).await {
            Ok(outcome) => compare(&entry.truth, Ok(&outcome.document)),
            Err(err) => compare(&entry.truth, Err(err.kind())),
        };
        scores.push((entry.name.clone(), score));
    }
    Report::from_scores(scores, options.worst)
}
