//! Command-line arguments.

use clap::{Args, Parser, Subcommand, ValueEnum};

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
