//! `taxdoc read`: read documents through a provider and print them with their findings.

mod record;
mod table;

pub(crate) use record::{MetaRecord, ReadRecord};

use std::io::{self, Write};

use tax_facade::providers::reader_for;
use tax_facade::{DocumentInput, DynDocumentReader, ReadOptions};

use crate::cli::{OutputFormat, ReadArgs};
use crate::connect::Connection;
use crate::exit::Outcome;
use crate::output::{self, report_failure};

/// Reads every file and prints the results; the outcome is the worst of all reads.
pub(crate) fn run(args: &ReadArgs) -> io::Result<Outcome> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(read_all(args))
}

async fn read_all(args: &ReadArgs) -> io::Result<Outcome> {
    let provider = args.provider.id();
    let connection = match Connection::open(args.sandbox, provider).await {
        Ok(connection) => connection,
        Err(err) => {
            report_failure("configuration", &err);
            return Ok(Outcome::Failed);
        }
    };
    let outcome = match reader_for(provider, &connection.config) {
        Ok(reader) => read_files(&*reader, args).await,
        Err(err) => {
            report_failure(provider.as_str(), &err);
            Ok(Outcome::Failed)
        }
    };
    connection.close().await;
    outcome
}

async fn read_files(reader: &DynDocumentReader, args: &ReadArgs) -> io::Result<Outcome> {
    let kind = args.kind.unwrap_or_else(|| args.provider.default_kind());
    let options = ReadOptions::default().with_expected_kind(kind.into());
    let format = output::resolve(args.output);
    let mut outcome = Outcome::AllValid;
    for file in &args.files {
        match reader.read(input_of(file), &options).await {
            Ok(read) => {
                let record = ReadRecord::new(file, read);
                outcome.record(!record.findings.has_errors());
                let mut out = io::stdout().lock();
                if format == OutputFormat::Table {
                    table::write_table(&mut out, &record)?;
                } else {
                    output::write_json(&mut out, format, &record)?;
                }
                out.flush()?;
            }
            Err(err) => {
                report_failure(file, &err);
                outcome = Outcome::Failed;
            }
        }
    }
    Ok(outcome)
}

/// A URL when the argument is an `http(s)://` URL, a path otherwise.
fn input_of(file: &str) -> DocumentInput {
    match url::Url::parse(file) {
        Ok(url) if matches!(url.scheme(), "http" | "https") => DocumentInput::from_url(url),
        _ => DocumentInput::from_path(file),
    }
}
