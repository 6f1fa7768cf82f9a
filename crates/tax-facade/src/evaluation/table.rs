//! The plain-text rendering of a [`Report`].

use std::fmt::Write as _;

use rust_decimal::Decimal;

use super::counts::Counts;
use super::report::Report;

/// How many mismatches of one document the table lists.
const MISMATCHES_SHOWN: usize = 20;

impl Report {
    /// The report as aligned plain text: the overall accuracy, a table per kind, a table per
    /// field of each kind, the `needs_ocr` documents and the mismatches of the worst
    /// documents (expected against returned values).
    pub fn render_table(&self) -> String {
        let mut out = String::new();
        let accuracy = self
            .overall
            .accuracy()
            .map_or_else(|| "n/a".to_owned(), |a| format!("{a:.4}"));
        let _ = writeln!(
            out,
            "overall field accuracy {accuracy} over {} digital documents ({} documents in all)",
            self.digital_documents, self.documents
        );
        let _ = writeln!(out, "{}", counts_line(&self.overall));
        let _ = writeln!(out);

        let kind_width = self
            .by_kind
            .keys()
            .map(|kind| kind.as_str().len())
            .max()
            .unwrap_or(0)
            .max("KIND".len());
        let _ = writeln!(
            out,
            "{:kind_width$}  {:>5}  {:>7}  {}",
            "KIND",
            "DOCS",
            "MISREAD",
            header()
        );
        for (kind, report) in &self.by_kind {
            let _ = writeln!(
                out,
                "{:kind_width$}  {:>5}  {:>7}  {}",
                kind.as_str(),
                report.documents,
                report.misread,
                counts_columns(&report.counts)
            );
        }

        for (kind, report) in &self.by_kind {
            let field_width = report
                .fields
                .keys()
                .map(String::len)
                .max()
                .unwrap_or(0)
                .max("FIELD".len());
            let _ = writeln!(out);
            let _ = writeln!(out, "{kind}");
            let _ = writeln!(out, "  {:field_width$}  {}", "FIELD", header());
            for (field, counts) in &report.fields {
                let _ = writeln!(out, "  {field:field_width$}  {}", counts_columns(counts));
            }
        }

        let _ = writeln!(out);
        let ocr = &self.needs_ocr;
        let _ = writeln!(
            out,
            "needs_ocr: {} of {} documents failed with needs_ocr as expected",
            ocr.correct, ocr.documents
        );
        for misread in &ocr.misread {
            let _ = writeln!(out, "  {misread}");
        }

        if !self.worst.is_empty() {
            let _ = writeln!(out);
            let _ = writeln!(out, "worst documents:");
        }
        for document in &self.worst {
            let accuracy = document
                .counts
                .accuracy()
                .map_or_else(|| "n/a".to_owned(), |a| format!("{a:.4}"));
            let layout = document
                .layout
                .as_deref()
                .map_or_else(String::new, |layout| format!(", layout {layout}"));
            let _ = writeln!(
                out,
                "  {} ({}{layout}): accuracy {accuracy}",
                document.name, document.outcome
            );
            let path_width = document
                .mismatches
                .iter()
                .map(|m| m.path.len())
                .max()
                .unwrap_or(0);
            for mismatch in document.mismatches.iter().take(MISMATCHES_SHOWN) {
                let _ = writeln!(
                    out,
                    "    {:path_width$}  {:<8}  expected {}  got {}",
                    mismatch.path,
                    format!("{:?}", mismatch.verdict).to_lowercase(),
                    quoted(mismatch.expected.as_deref()),
                    quoted(mismatch.got.as_deref()),
                );
            }
            let hidden = document.mismatches.len().saturating_sub(MISMATCHES_SHOWN);
            if hidden > 0 {
                let _ = writeln!(
                    out,
                    "    ... and {hidden} more (all of them in the JSON report)"
                );
            }
        }
        out
    }
}

fn header() -> String {
    format!(
        "{:>6}  {:>6}  {:>6}  {:>9}  {:>7}  {:>8}",
        "TP", "FP", "FN", "PRECISION", "RECALL", "ACCURACY"
    )
}

fn counts_columns(counts: &Counts) -> String {
    format!(
        "{:>6}  {:>6}  {:>6}  {:>9}  {:>7}  {:>8}",
        counts.tp,
        counts.fp,
        counts.fn_,
        ratio(counts.precision()),
        ratio(counts.recall()),
        ratio(counts.accuracy())
    )
}

fn counts_line(counts: &Counts) -> String {
    format!(
        "TP {}  FP {}  FN {}  precision {}  recall {}",
        counts.tp,
        counts.fp,
        counts.fn_,
        ratio(counts.precision()),
        ratio(counts.recall())
    )
}

fn ratio(value: Option<Decimal>) -> String {
    value.map_or_else(|| "-".to_owned(), |v| format!("{v:.4}"))
}

fn quoted(value: Option<&str>) -> String {
    value.map_or_else(|| "(none)".to_owned(), |v| format!("{v:?}"))
}
