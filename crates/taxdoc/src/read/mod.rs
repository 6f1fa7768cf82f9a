//! `taxdoc read`: read documents through a provider and print them with their findings.

mod record;
mod table;

pub(crate) use record::{MetaRecord, ReadRecord};

use std::io::{self, Write};

use tax_facade::providers::reader_for;
use tax_facade::{DocumentInput, DynDocumentReader, Error, ErrorKind, ReadOptions};

use crate::cli::{OutputFormat, ReadArgs, ReaderProvider};
use crate::connect::{Connection, first_configured_reader};
use crate::exit::Outcome;
use crate::output::{self, report_failure};

/// Reads every file and prints the results; the outcome is the worst of all reads.
pub(crate) fn run(args: &ReadArgs) -> io::Result<Outcome> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(read_all(args))
}

/// The provider named on the command line; otherwise the first one configured (with the
/// sandbox every provider is, so the first), and local when none is.
fn choose_provider(args: &ReadArgs) -> Result<ReaderProvider, Error> {
    if let Some(provider) = args.provider {
        if provider == ReaderProvider::Local && args.sandbox {
            return Err(Error::new(
                ErrorKind::Config,
                "--sandbox does not apply to the local provider, which reads offline without credentials; leave out --sandbox",
            ));
        }
        return Ok(provider);
    }
    if args.sandbox {
        return Ok(ReaderProvider::Glair);
    }
    let id = first_configured_reader()?;
    Ok(ReaderProvider::from_id(id).unwrap_or(ReaderProvider::Local))
}

async fn read_all(args: &ReadArgs) -> io::Result<Outcome> {
    let provider = match choose_provider(args) {
        Ok(provider) => provider,
        Err(err) => {
            report_failure("configuration", &err);
            return Ok(Outcome::Failed);
        }
    };
    let id = provider.id();
    let connection = match Connection::open(args.sandbox, id).await {
        Ok(connection) => connection,
        Err(err) => {
            report_failure("configuration", &err);
            return Ok(Outcome::Failed);
        }
    };
    let outcome = match reader_for(id, &connection.config) {
        Ok(reader) => read_files(&*reader, provider, args).await,
        Err(err) => {
            report_failure(id.as_str(), &err);
            Ok(Outcome::Failed)
        }
    };
    connection.close().await;
    outcome
}

async fn read_files(
    reader: &DynDocumentReader,
    provider: ReaderProvider,
    args: &ReadArgs,
) -> io::Result<Outcome> {
    let mut options = ReadOptions::default();
    if let Some(kind) = args.kind.or(provider.default_kind()) {
        options = options.with_expected_kind(kind.into());
    }
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
                if err.kind() == ErrorKind::NeedsOcr {
                    eprintln!("{NEEDS_OCR_HINT}");
                }
                outcome = Outcome::Failed;
            }
        }
    }
    Ok(outcome)
}

/// What to do about a document that has neither a text layer nor a QR code.
const NEEDS_OCR_HINT: &str = "taxdoc: hint: read it with an OCR provider: --provider glair for NPWP cards and commercial invoices, \
--provider huawei-ocr or deepfinch for Chinese VAT invoices (`taxdoc read --help` lists their configuration)";

/// A URL when the argument is an `http(s)://` URL, a path otherwise.
fn input_of(file: &str) -> DocumentInput {
    match url::Url::parse(file) {
        Ok(url) if matches!(url.scheme(), "http" | "https") => DocumentInput::from_url(url),
        _ => DocumentInput::from_path(file),
    }
}
