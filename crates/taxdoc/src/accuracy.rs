//! `taxdoc accuracy`: measure a reader over a corpus with ground truth and print the report.

use std::io::{self, Write};
use std::path::Path;

use rust_decimal::Decimal;
use serde::Serialize;
use tax_facade::ProviderId;
use tax_facade::evaluation::{EvaluationOptions, Report, evaluate, load_corpus};
use tax_facade::providers::reader_for;

use crate::cli::{AccuracyArgs, ReportFormat};
use crate::connect::Connection;
use crate::exit::Outcome;
use crate::output::report_failure;

/// What `taxdoc accuracy -o json` prints: the verdict and the report.
#[derive(Debug, Serialize)]
struct AccuracyRecord<'a> {
    /// The reader measured.
    provider: ProviderId,
    /// The corpus directory.
    corpus: &'a Path,
    /// The lowest accuracy that passes.
    min_accuracy: Decimal,
    /// Whether the reader passed.
    passed: bool,
    /// The report.
    #[serde(flatten)]
    report: &'a Report,
}

/// Evaluates the reader over the corpus and prints the report; exit 0 when it passes, 1 when
/// it does not, 2 when the corpus or the reader cannot be loaded.
pub(crate) fn run(args: &AccuracyArgs) -> io::Result<Outcome> {
    let entries = match load_corpus(&args.dir) {
        Ok(entries) if entries.is_empty() => {
            eprintln!(
                "taxdoc: error: {} holds no documents with ground truth (NAME.truth.json)",
                args.dir.display()
            );
            return Ok(Outcome::Failed);
        }
        Ok(entries) => entries,
        Err(err) => {
            eprintln!("taxdoc: error: corpus: {err}");
            return Ok(Outcome::Failed);
        }
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    let provider = args.provider.id();
    let options = EvaluationOptions::default().with_worst(args.worst);
    let report = runtime.block_on(async {
        let connection = Connection::open(false, provider).await?;
        let reader = reader_for(provider, &connection.config);
        let report = match reader {
            Ok(reader) => Ok(evaluate(&*reader, &entries, &options).await),
            Err(err) => Err(err),
        };
        connection.close().await;
        report
    });
    let report = match report {
        Ok(report) => report,
        Err(err) => {
            report_failure(provider.as_str(), &err);
            return Ok(Outcome::Failed);
        }
    };
    let passed = report.meets(args.min_accuracy);
    let mut out = io::stdout().lock();
    match args.output {
        ReportFormat::Json => {
            let record = AccuracyRecord {
                provider,
                corpus: &args.dir,
                min_accuracy: args.min_accuracy,
                passed,
                report: &report,
            };
            serde_json::to_writer_pretty(&mut out, &record)?;
            writeln!(out)?;
        }
        ReportFormat::Table => {
            let verdict = if passed { "PASSED" } else { "FAILED" };
            writeln!(
                out,
                "{verdict}: {provider} over {} (minimum accuracy {}, every needs_ocr document must fail with needs_ocr)",
                args.dir.display(),
                args.min_accuracy
            )?;
            write!(out, "{}", report.render_table())?;
        }
    }
    out.flush()?;
    Ok(if passed {
        Outcome::AllValid
    } else {
        Outcome::SomeInvalid
    })
}
