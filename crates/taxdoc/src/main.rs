//! The `taxdoc` command-line interface.
//!
//! Results go to stdout (one JSON object per line for `check`, plain text for `words`);
//! diagnostics go to stderr. Exit codes: 0 when everything given was valid, 1 when at least one
//! value was invalid, 2 when the command itself failed (bad usage, unreadable input).

mod check;
mod cli;
mod exit;
mod sandbox;
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
