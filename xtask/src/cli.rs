//! Command-line interface of `cargo xtask`.

use clap::{Parser, Subcommand};

/// Project chores for the taxdoc workspace.
#[derive(Debug, Parser)]
#[command(name = "cargo xtask", bin_name = "cargo xtask")]
pub(crate) struct Cli {
    /// The chore to run.
    #[command(subcommand)]
    pub(crate) command: Command,
}

/// The available chores.
#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Check every `specs/*.yaml` and generate `crates/clients/<spec>/` from it.
    ///
    /// Each spec is checked first (OpenAPI 3.0.x, project conventions, every example valid
    /// against its schema); any problem fails the run. Then progenitor generates
    /// `src/generated.rs` and the crate's `Cargo.toml`; `src/lib.rs` and `src/auth.rs` are
    /// created only when absent.
    ///
    /// Exit codes: 0 success, 1 invalid spec or (with --check) stale generated code.
    Gen(GenArgs),
    /// Render the synthetic document corpus (`tests/corpus/`) and the example PDFs.
    ///
    /// Output is deterministic (fixed seeds, no timestamps). With `--check`, nothing is
    /// written and the run fails listing files that differ, are missing or are extra.
    ///
    /// Exit codes: 0 success, 1 (with --check) stale corpus.
    Corpus(CorpusArgs),
}

/// Options of `cargo xtask gen`.
#[derive(Debug, clap::Args)]
pub(crate) struct GenArgs {
    /// Do not write; fail with a diff when the committed files differ from fresh output.
    #[arg(long)]
    pub(crate) check: bool,
    /// Print each spec and file as it is processed.
    #[arg(long, short)]
    pub(crate) verbose: bool,
    /// Only this spec (file stem, e.g. `glair-vision`).
    #[arg(long, value_name = "NAME")]
    pub(crate) spec: Option<String>,
}

/// Options of `cargo xtask corpus`.
#[derive(Debug, clap::Args)]
pub(crate) struct CorpusArgs {
    /// Do not write; fail listing the files that differ from fresh output.
    #[arg(long)]
    pub(crate) check: bool,
    /// Root under which `tests/corpus/` and `examples/` are written (default: the workspace).
    #[arg(long, value_name = "DIR")]
    pub(crate) out: Option<std::path::PathBuf>,
}
