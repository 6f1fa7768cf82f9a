//! `taxdoc file`: file an e-Faktur invoice with OnlinePajak and print the outcome.

use std::io::{self, Write};
use std::path::Path;

use serde::Serialize;
use tax_core::id::efaktur::EFakturInvoice;
use tax_core::{RuleConfig, ValidationReport};
use tax_facade::providers::submitter_for;
use tax_facade::{DynInvoiceSubmitter, FiledInvoice, ProviderId, SubmitOptions};

use crate::cli::{FileArgs, OutputFormat};
use crate::connect::Connection;
use crate::exit::Outcome;
use crate::output::{self, report_failure, write_findings};
use crate::read::MetaRecord;

/// What happened to the invoice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
enum Status {
    /// This call filed it.
    Filed,
    /// It had been filed before; nothing was created.
    AlreadyFiled,
    /// It has error-level findings and was not sent.
    NotFiled,
}

/// What `taxdoc file` prints.
#[derive(Debug, Serialize)]
struct FileRecord {
    invoice: String,
    status: Status,
    #[serde(skip_serializing_if = "Option::is_none")]
    filed: Option<FiledInvoice>,
    findings: ValidationReport,
    #[serde(skip_serializing_if = "Option::is_none")]
    meta: Option<MetaRecord>,
}

/// Files the invoice and prints the outcome.
pub(crate) fn run(args: &FileArgs) -> io::Result<Outcome> {
    let invoice = match load(&args.invoice) {
        Ok(invoice) => invoice,
        Err(message) => {
            eprintln!("taxdoc: error: {}: {message}", args.invoice.display());
            return Ok(Outcome::Failed);
        }
    };
    let subject = args.invoice.display().to_string();
    let findings = invoice.validate(&RuleConfig::default());
    if findings.has_errors() {
        let record = FileRecord {
            invoice: subject,
            status: Status::NotFiled,
            filed: None,
            findings,
            meta: None,
        };
        print(&record, output::resolve(args.output))?;
        return Ok(Outcome::SomeInvalid);
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(file(args, &invoice, subject))
}

async fn file(args: &FileArgs, invoice: &EFakturInvoice, subject: String) -> io::Result<Outcome> {
    let connection = match Connection::open(args.sandbox, ProviderId::OnlinePajak).await {
        Ok(connection) => connection,
        Err(err) => {
            report_failure("configuration", &err);
            return Ok(Outcome::Failed);
        }
    };
    let result = match submitter_for(&connection.config) {
        Ok(submitter) => submit(&*submitter, invoice, args, subject).await,
        Err(err) => {
            report_failure("onlinepajak", &err);
            Ok(Outcome::Failed)
        }
    };
    connection.close().await;
    result
}

async fn submit(
    submitter: &DynInvoiceSubmitter,
    invoice: &EFakturInvoice,
    args: &FileArgs,
    subject: String,
) -> io::Result<Outcome> {
    match submitter.submit(invoice, &SubmitOptions::default()).await {
        Ok(outcome) => {
            let record = FileRecord {
                invoice: subject,
                status: if outcome.already_filed {
                    Status::AlreadyFiled
                } else {
                    Status::Filed
                },
                filed: Some(outcome.filed),
                meta: Some(MetaRecord::from(outcome.meta)),
                findings: outcome.findings,
            };
            print(&record, output::resolve(args.output))?;
            Ok(if record.findings.has_errors() {
                Outcome::SomeInvalid
            } else {
                Outcome::AllValid
            })
        }
        Err(err) => {
            report_failure(&subject, &err);
            Ok(Outcome::Failed)
        }
    }
}

/// Reads and parses the invoice; the message says what is wrong.
fn load(path: &Path) -> Result<EFakturInvoice, String> {
    let text = std::fs::read_to_string(path).map_err(|err| format!("cannot read it: {err}"))?;
    serde_json::from_str(&text)
        .map_err(|err| format!("not an e-Faktur invoice (see `taxdoc schema invoice`): {err}"))
}

fn print(record: &FileRecord, format: OutputFormat) -> io::Result<()> {
    let mut out = io::stdout().lock();
    if format == OutputFormat::Table {
        write_table(&mut out, record)?;
    } else {
        output::write_json(&mut out, format, record)?;
    }
    out.flush()
}

fn write_table(out: &mut impl Write, record: &FileRecord) -> io::Result<()> {
    let status = match record.status {
        Status::Filed => "filed",
        Status::AlreadyFiled => "already filed (nothing created)",
        Status::NotFiled => "not filed: the invoice has errors",
    };
    writeln!(out, "{}: {status}", record.invoice)?;
    if let Some(filed) = &record.filed {
        writeln!(out, "  invoice id      {}", filed.invoice_id)?;
        writeln!(out, "  invoice number  {}", filed.invoice_number)?;
        writeln!(out, "  tax period      {}", filed.tax_period)?;
        writeln!(out, "  gross amount    {}", filed.gross_amount)?;
        writeln!(out, "  grand total     {}", filed.grand_total)?;
    }
    if let Some(meta) = &record.meta {
        writeln!(
            out,
            "  request id      {}",
            meta.request_id.as_deref().unwrap_or("none")
        )?;
    }
    write_findings(out, &record.findings)
}
