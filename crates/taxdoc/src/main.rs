//! The `taxdoc` command-line interface.
//!
//! Results go to stdout (one JSON object per line for `check`, plain text for `words`, a
//! table on a terminal and JSON otherwise for `read` and `file`); diagnostics go to stderr.
//! Exit codes: 0 when everything given was valid, 1 when at least one value or document was
//! invalid (error-level findings), 2 when the command itself failed (bad usage, unreadable
//! input, a read or filing that could not happen).

mod accuracy;
mod check;
mod cli;
mod config_help;
mod connect;
mod exit;
mod file;
mod output;
mod read;
mod sandbox;
mod schema;
mod words;

use std::process::ExitCode;

use clap::Parser;

use crate::cli::{Cli, Command};
use crate::exit::Outcome;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match cli.command {
        Command::Check(args) => check::run(&args),
        Command::Words(args) => words::run(&args),
        Command::Read(args) => read::run(&args),
        Command::Accuracy(args) => accuracy::run(&args),
        Command::File(args) => file::run(&args),
        Command::Schema(args) => schema::run(&args),
        Command::Sandbox(args) => sandbox::run(&args),
    };
    match outcome {
        Ok(outcome) => outcome.into(),
        Err(err) if exit::is_broken_pipe(&err) => Outcome::AllValid.into(),
        Err(err) => {
            eprintln!("taxdoc: error: {err:#}");
            Outcome::Failed.into()
        }
    }
}
