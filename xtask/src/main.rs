//! `cargo xtask`: project chores. See `cargo xtask --help`.

mod check;
mod cli;
mod codegen;
// Page layout computes coordinates in `f32` points; amounts stay decimal.
#[allow(clippy::float_arithmetic)]
mod corpus;
mod run;
mod spec;
mod workspace;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    match cli.command {
        cli::Command::Gen(args) => match run::gen_all(&args) {
            Ok(code) => code,
            Err(error) => {
                eprintln!("error: {error:#}");
                ExitCode::FAILURE
            }
        },
        cli::Command::Corpus(args) => match corpus::run(&args) {
            Ok(code) => code,
            Err(error) => {
                eprintln!("error: {error:#}");
                ExitCode::FAILURE
            }
        },
    }
}
