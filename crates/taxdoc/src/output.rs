//! Printing results: JSON, JSON Lines or a table, chosen by flag or by whether stdout is a
//! terminal; failures on stderr.

use std::io::{self, IsTerminal, Write};

use serde::Serialize;
use tax_core::ValidationReport;

use crate::cli::OutputFormat;

/// The format to use: the one asked for, else a table on a terminal and JSON otherwise.
pub(crate) fn resolve(asked: Option<OutputFormat>) -> OutputFormat {
    asked.unwrap_or_else(|| {
        if io::stdout().is_terminal() {
            OutputFormat::Table
        } else {
            OutputFormat::Json
        }
    })
}

/// Writes `record` as pretty JSON or as one JSON line.
pub(crate) fn write_json(
    out: &mut impl Write,
    format: OutputFormat,
    record: &impl Serialize,
) -> io::Result<()> {
    if format == OutputFormat::Jsonl {
        serde_json::to_writer(&mut *out, record)?;
    } else {
        serde_json::to_writer_pretty(&mut *out, record)?;
    }
    writeln!(out)
}

/// Writes the findings section of a table.
pub(crate) fn write_findings(out: &mut impl Write, findings: &ValidationReport) -> io::Result<()> {
    if findings.is_empty() {
        return writeln!(out, "no findings");
    }
    writeln!(out, "findings:")?;
    for finding in findings.iter() {
        writeln!(
            out,
            "  {:<8} {:<28} {:<32} {}",
            finding.severity.to_string(),
            finding.path,
            finding.rule,
            finding.message
        )?;
    }
    Ok(())
}

/// Reports a failed operation on stderr: what it was about and the error (kind, provider,
/// HTTP status, provider code, request id and message; never a secret).
pub(crate) fn report_failure(subject: &str, err: &tax_facade::Error) {
    let retry = if err.is_retryable() {
        " (retryable)"
    } else {
        ""
    };
    eprintln!("taxdoc: error: {subject}: {err}{retry}");
}
