//! Command-line arguments.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use rust_decimal::Decimal;
use tax_facade::{DocumentKind, ProviderId};

use crate::config_help;

/// Read, validate and file Indonesian and Chinese tax documents.
#[derive(Debug, Parser)]
#[command(name = "taxdoc", version, about, propagate_version = true)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Validate tax identifiers; prints one JSON object per value.
    ///
    /// Values come from the arguments, or one per line on stdin when none are given. Exit
    /// status is 0 when every value is valid and 1 otherwise.
    Check(CheckArgs),
    /// Spell an amount in words, or read the amount back from words.
    Words(WordsArgs),
    /// Read tax documents through a provider; prints each normalized document with its findings.
    ///
    /// Without --provider, the first of glair, huawei-ocr and deepfinch whose credentials are
    /// configured is used, and the offline `local` reader when none is: it reads born-digital
    /// Faktur Pajak, Chinese VAT e-invoices and commercial invoices from the PDF text layer and
    /// QR codes, with no credentials and no network.
    ///
    /// Prints a table on a terminal and JSON otherwise. Exit status: 0 when every document was
    /// read without error-level findings, 1 when a document has error-level findings, 2 when a
    /// read failed (the error is printed on stderr with its kind, provider, HTTP status and
    /// request id), including a scan or photo the local reader cannot read (needs_ocr).
    #[command(after_long_help = config_help::text())]
    Read(ReadArgs),
    /// Measure a reader's accuracy over a corpus of documents with ground truth.
    ///
    /// The corpus has one directory per kind; each document NAME.pdf (or .png, .jpg) has a
    /// NAME.truth.json listing the fields it prints. Prints, per kind and per field, the true
    /// positives, false positives and false negatives with precision and recall, the overall
    /// field accuracy of the documents with a text layer, and the mismatches (expected against
    /// returned) of the worst documents. Exit status: 0 when the accuracy is at least
    /// --min-accuracy and every scan failed with needs_ocr, 1 otherwise, 2 when the corpus or
    /// the reader could not be loaded.
    Accuracy(AccuracyArgs),
    /// File an e-Faktur invoice (JSON, see `taxdoc schema invoice`) with OnlinePajak.
    ///
    /// The invoice is validated first and not filed when it has error-level findings; an
    /// invoice number filed before is reported as already filed, never filed twice. Prints the
    /// outcome (the provider's totals and the findings). Exit status as for `read`.
    #[command(after_long_help = config_help::text())]
    File(FileArgs),
    /// Print the JSON Schema of `taxdoc read`'s output or of `taxdoc file`'s input.
    Schema(SchemaArgs),
    /// Run the provider sandbox: every provider emulated on one loopback port.
    ///
    /// Prints the base URL on the first line of stdout, then serves until ctrl-c. Point a
    /// provider's base URL at it to work offline with the sandbox's documented credentials.
    Sandbox(SandboxArgs),
}

/// Arguments of `taxdoc sandbox`.
#[derive(Debug, Args)]
pub(crate) struct SandboxArgs {
    /// Port on 127.0.0.1 to listen on; 0 picks a free one.
    #[arg(long, default_value_t = 0)]
    pub(crate) port: u16,
    /// Seed for randomly injected faults, so that runs repeat.
    #[arg(long)]
    pub(crate) seed: Option<u64>,
    /// Also print the sandbox's own (made-up) credentials as JSON on stdout.
    #[arg(long)]
    pub(crate) print_credentials: bool,
}

/// Arguments of `taxdoc check`.
#[derive(Debug, Args)]
pub(crate) struct CheckArgs {
    /// What kind of identifier the values are.
    #[arg(value_enum)]
    pub(crate) kind: IdentifierKind,
    /// Values to check; read one per line from stdin when none are given.
    pub(crate) values: Vec<String>,
}

/// The identifiers `taxdoc check` knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum IdentifierKind {
    /// Indonesian taxpayer number (15-digit legacy or 16-digit).
    Npwp,
    /// Indonesian resident identity number (16 digits).
    Nik,
    /// Indonesian taxpayer activity place number (22 digits).
    Nitku,
    /// e-Faktur serial number (legacy 16 digits or 2025 Coretax 17 digits).
    EfakturNumber,
    /// Chinese unified social credit code (18 characters).
    Uscc,
    /// Chinese resident identity card number (18 characters).
    CnResidentId,
    /// Chinese VAT invoice code (10 or 12 digits).
    CnInvoiceCode,
}

/// Arguments of `taxdoc words`.
#[derive(Debug, Args)]
pub(crate) struct WordsArgs {
    /// Language: `id` (Indonesian terbilang, rupiah) or `zh` (Chinese RMB uppercase, 大写).
    #[arg(value_enum)]
    pub(crate) language: Language,
    /// Read the amount back from each TEXT instead of spelling amounts.
    #[arg(long)]
    pub(crate) parse: bool,
    /// Amounts to spell (plain decimals such as `660000` or `120.50`), or texts with `--parse`.
    #[arg(required = true, value_name = "AMOUNT|TEXT")]
    pub(crate) values: Vec<String>,
}

/// Languages of `taxdoc words`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Language {
    /// Indonesian, classic terbilang convention ("seribu", "satu juta"), with "rupiah".
    Id,
    /// Chinese RMB uppercase as printed on VAT invoices (圆, 整).
    Zh,
}

/// Arguments of `taxdoc read`.
#[derive(Debug, Args)]
pub(crate) struct ReadArgs {
    /// The provider to read with [default: the first of glair, huawei-ocr, deepfinch whose
    /// credentials are configured (environment or TAXDOC_CONFIG file; all of them with
    /// --sandbox), else local, the offline reader that needs no configuration].
    #[arg(long, short, value_enum)]
    pub(crate) provider: Option<ReaderProvider>,
    /// The kind of document expected [default: npwp-card for glair, cn-vat-invoice for
    /// huawei-ocr and deepfinch, detected from the document for local].
    #[arg(long, short, value_enum)]
    pub(crate) kind: Option<Kind>,
    /// Start the provider sandbox inside this process and read through it with its
    /// credentials: no configuration, no network (not with local, which is offline anyway).
    #[arg(long)]
    pub(crate) sandbox: bool,
    /// Output format [default: table on a terminal, json otherwise].
    #[arg(long, short, value_enum)]
    pub(crate) output: Option<OutputFormat>,
    /// Image or PDF files to read (or `https://` URLs, for providers that download them).
    #[arg(required = true, value_name = "FILE")]
    pub(crate) files: Vec<String>,
}

/// Arguments of `taxdoc accuracy`.
#[derive(Debug, Args)]
pub(crate) struct AccuracyArgs {
    /// The corpus directory.
    #[arg(value_name = "DIR", default_value = "tests/corpus")]
    pub(crate) dir: PathBuf,
    /// The reader to measure (providers other than local are configured as for `read`).
    #[arg(long, short, value_enum, default_value_t = ReaderProvider::Local)]
    pub(crate) provider: ReaderProvider,
    /// The lowest overall field accuracy (0 to 1) that passes.
    #[arg(long, default_value = "0.98", value_parser = parse_fraction)]
    pub(crate) min_accuracy: Decimal,
    /// How many of the worst documents to list with their mismatches.
    #[arg(long, default_value_t = tax_facade::evaluation::DEFAULT_WORST)]
    pub(crate) worst: usize,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = ReportFormat::Table)]
    pub(crate) output: ReportFormat,
}

/// A decimal between 0 and 1.
fn parse_fraction(text: &str) -> Result<Decimal, String> {
    let value: Decimal = text
        .trim()
        .parse()
        .map_err(|_| format!("{text:?} is not a decimal number"))?;
    if value < Decimal::ZERO || value > Decimal::ONE {
        return Err(format!("{text} is not between 0 and 1"));
    }
    Ok(value)
}

/// How `taxdoc accuracy` prints its report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ReportFormat {
    /// Aligned plain text.
    Table,
    /// Pretty-printed JSON.
    Json,
}

/// Arguments of `taxdoc file`.
#[derive(Debug, Args)]
pub(crate) struct FileArgs {
    /// Start the provider sandbox inside this process and file there with its credentials.
    #[arg(long)]
    pub(crate) sandbox: bool,
    /// Output format [default: table on a terminal, json otherwise].
    #[arg(long, short, value_enum)]
    pub(crate) output: Option<OutputFormat>,
    /// The invoice, as `EFakturInvoice` JSON.
    #[arg(value_name = "INVOICE.json")]
    pub(crate) invoice: PathBuf,
}

/// Arguments of `taxdoc schema`.
#[derive(Debug, Args)]
pub(crate) struct SchemaArgs {
    /// Which schema to print.
    #[arg(value_enum, default_value_t = SchemaKind::Document)]
    pub(crate) which: SchemaKind,
}

/// The schemas `taxdoc schema` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum SchemaKind {
    /// One record of `taxdoc read`: the document, its findings and the call's metadata.
    Document,
    /// The invoice `taxdoc file` takes (`EFakturInvoice`).
    Invoice,
}

/// The providers that read documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ReaderProvider {
    /// GLAIR Vision: NPWP cards and commercial invoices.
    Glair,
    /// Huawei Cloud OCR: Chinese VAT invoices.
    #[value(alias = "huawei")]
    HuaweiOcr,
    /// DeepFinch: Chinese VAT invoices.
    Deepfinch,
    /// Offline reader of born-digital Faktur Pajak, Chinese VAT e-invoices and commercial
    /// invoices (PDF text layer and QR codes): no credentials, no network.
    Local,
}

impl ReaderProvider {
    /// The provider's id in the facade.
    pub(crate) fn id(self) -> ProviderId {
        match self {
            Self::Glair => ProviderId::Glair,
            Self::HuaweiOcr => ProviderId::HuaweiOcr,
            Self::Deepfinch => ProviderId::DeepFinch,
            Self::Local => ProviderId::Local,
        }
    }

    /// The provider of `id`, when it reads documents.
    pub(crate) fn from_id(id: ProviderId) -> Option<Self> {
        [Self::Glair, Self::HuaweiOcr, Self::Deepfinch, Self::Local]
            .into_iter()
            .find(|provider| provider.id() == id)
    }

    /// The kind read when `--kind` is not given; `None` when the reader detects it.
    pub(crate) fn default_kind(self) -> Option<Kind> {
        match self {
            Self::Glair => Some(Kind::NpwpCard),
            Self::HuaweiOcr | Self::Deepfinch => Some(Kind::CnVatInvoice),
            Self::Local => None,
        }
    }
}

/// Document kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Kind {
    /// Indonesian taxpayer card (kartu NPWP).
    NpwpCard,
    /// Commercial invoice.
    CommercialInvoice,
    /// Chinese VAT invoice (增值税发票).
    CnVatInvoice,
    /// Indonesian VAT invoice (Faktur Pajak), e-Faktur or Coretax.
    FakturPajak,
}

impl From<Kind> for DocumentKind {
    fn from(kind: Kind) -> Self {
        match kind {
            Kind::NpwpCard => Self::NpwpCard,
            Kind::CommercialInvoice => Self::CommercialInvoice,
            Kind::CnVatInvoice => Self::CnVatInvoice,
            Kind::FakturPajak => Self::FakturPajak,
        }
    }
}

/// How results are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum OutputFormat {
    /// Pretty-printed JSON, one object per input.
    Json,
    /// One compact JSON object per line.
    Jsonl,
    /// A readable table.
    Table,
}
