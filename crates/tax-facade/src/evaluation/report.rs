//! The accuracy report over a corpus: per kind, per field, the `needs_ocr` documents and the
//! worst documents.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::Serialize;

use super::compare::{DocumentScore, FieldComparison};
use super::counts::Counts;
use super::truth::Expectation;
use crate::document::DocumentKind;

/// How many of the worst documents a report lists by default.
pub const DEFAULT_WORST: usize = 10;

/// The counts of one document kind.
#[non_exhaustive]
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct KindReport {
    /// Documents of this kind in the corpus.
    pub documents: usize,
    /// Documents whose read failed or returned another kind.
    pub misread: usize,
    /// The counts over every field of these documents.
    pub counts: Counts,
    /// The counts per field name (`items[].total`).
    pub fields: BTreeMap<String, Counts>,
}

/// How the documents that only an OCR provider can read fared.
#[non_exhaustive]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct NeedsOcrReport {
    /// Documents expected to fail with `needs_ocr`.
    pub documents: usize,
    /// Those that did.
    pub correct: usize,
    /// The others, with what happened (`scans/photo.jpg: read as faktur_pajak`).
    pub misread: Vec<String>,
}

/// One document among the worst, with its mismatches.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentSummary {
    /// The document's name in the corpus.
    pub name: String,
    /// The expected kind.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<DocumentKind>,
    /// The printed layout.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub layout: Option<String>,
    /// What happened to the read (`read as faktur_pajak`, `failed: needs_ocr`).
    pub outcome: String,
    /// The document's counts.
    pub counts: Counts,
    /// The fields that were wrong, missing or spurious.
    pub mismatches: Vec<FieldComparison>,
}

/// The accuracy of a reader over a corpus.
///
/// `overall` is the gate: the fields of the documents with a text layer (`digital`) that are
/// expected to be read. `by_kind` covers every document expected to be read.
#[non_exhaustive]
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Report {
    /// Documents in the corpus.
    pub documents: usize,
    /// Documents with a text layer that are expected to be read.
    pub digital_documents: usize,
    /// The counts over the fields of the digital documents.
    pub overall: Counts,
    /// The counts per expected kind.
    pub by_kind: BTreeMap<DocumentKind, KindReport>,
    /// The documents expected to fail with `needs_ocr`.
    pub needs_ocr: NeedsOcrReport,
    /// The documents with the lowest accuracy that have mismatches, worst first.
    pub worst: Vec<DocumentSummary>,
}

impl Report {
    /// Aggregates scored documents (name, score), listing up to `worst` of the worst
    /// documents.
    pub fn from_scores(
        scores: impl IntoIterator<Item = (String, DocumentScore)>,
        worst: usize,
    ) -> Self {
        let mut report = Self::default();
        let mut candidates = Vec::new();
        for (name, score) in scores {
            report.add(&name, &score);
            if score.mismatches().next().is_some() || !score.outcome_correct() {
                candidates.push(summary(name, score));
            }
        }
        candidates.sort_by(|a, b| {
            let accuracy = |s: &DocumentSummary| s.counts.accuracy().unwrap_or(Decimal::ZERO);
            accuracy(a)
                .cmp(&accuracy(b))
                .then(b.mismatches.len().cmp(&a.mismatches.len()))
                .then(a.name.cmp(&b.name))
        });
        candidates.truncate(worst);
        report.worst = candidates;
        report
    }

    fn add(&mut self, name: &str, score: &DocumentScore) {
        self.documents += 1;
        match score.expect {
            Expectation::Document => self.add_document(score),
            Expectation::NeedsOcr => {
                self.needs_ocr.documents += 1;
                if score.outcome_correct() {
                    self.needs_ocr.correct += 1;
                } else {
                    self.needs_ocr
                        .misread
                        .push(format!("{name}: {}", score.outcome_text()));
                }
            }
        }
    }

    fn add_document(&mut self, score: &DocumentScore) {
        if score.digital {
            self.digital_documents += 1;
            self.overall = self.overall.plus(score.counts);
        }
        let Some(kind) = score.expected_kind else {
            return;
        };
        let kind_report = self.by_kind.entry(kind).or_default();
        kind_report.documents += 1;
        if !score.outcome_correct() {
            kind_report.misread += 1;
        }
        kind_report.counts = kind_report.counts.plus(score.counts);
        for field in &score.fields {
            let counts = kind_report.fields.entry(field.field.clone()).or_default();
            *counts = counts.with(field.verdict);
        }
    }

    /// The overall field accuracy of the digital documents; 1 when there are no fields to
    /// score.
    pub fn accuracy(&self) -> Decimal {
        self.overall.accuracy().unwrap_or(Decimal::ONE)
    }

    /// Whether the reader passes the gate: overall accuracy at least `min_accuracy`, and every
    /// `needs_ocr` document failed with `needs_ocr`.
    pub fn meets(&self, min_accuracy: Decimal) -> bool {
        self.accuracy() >= min_accuracy && self.needs_ocr.misread.is_empty()
    }
}

fn summary(name: String, score: DocumentScore) -> DocumentSummary {
    let outcome = score.outcome_text();
    let mismatches = score.mismatches().cloned().collect();
    DocumentSummary {
        name,
        kind: score.expected_kind,
        layout: score.layout,
        outcome,
        counts: score.counts,
        mismatches,
    }
}
