//! Measuring a reader against a corpus of documents with ground truth.
//!
//! A corpus is a directory with one subdirectory per kind; each document `NAME.pdf` (or
//! `.png`, `.jpg`) has a `NAME.truth.json` ([`Truth`]) listing every field it prints as the
//! text [`FieldInfo::value_text`](crate::document::FieldInfo::value_text) returns for the
//! correctly parsed value, or expecting the read to fail with `needs_ocr`.
//!
//! - [`load_corpus`] finds the documents and their truths;
//! - [`compare`] scores one read ([`DocumentScore`]): per path, correct, wrong, missing or
//!   spurious;
//! - [`Report`] aggregates scores per kind and per field name (indices collapsed:
//!   `items[].total`) into true and false positives and negatives, precision, recall and
//!   accuracy, and lists the worst documents; it renders as a table
//!   ([`Report::render_table`]) or serializes to JSON;
//! - [`evaluate`] does all of it with a [`DocumentReader`](crate::DocumentReader).
//!
//! Field accuracy is correct values over distinct paths in the truth or returned, so a wrong
//! value counts once. Ratios are exact decimals.

mod compare;
mod corpus;
mod counts;
mod report;
mod run;
mod table;
mod truth;

pub use compare::{DocumentScore, FieldComparison, Verdict, compare, field_name, values_equal};
pub use corpus::{CorpusEntry, CorpusError, TRUTH_SUFFIX, load_corpus};
pub use counts::Counts;
pub use report::{DEFAULT_WORST, DocumentSummary, KindReport, NeedsOcrReport, Report};
pub use run::{EvaluationOptions, evaluate};
pub use truth::{Expectation, Truth};
