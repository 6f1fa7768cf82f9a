//! `taxdoc check`: validate identifiers and print one JSON verdict per value.
//!
//! Values from stdin are streamed: each line is read into one reused buffer, checked and written
//! out before the next is read, so any number of lines runs in constant memory.

mod kinds;
mod verdict;

use std::io::{self, BufRead, BufReader, BufWriter, Write};

use crate::cli::{CheckArgs, IdentifierKind};
use crate::exit::Outcome;

pub(crate) use verdict::Verdict;

const IO_BUFFER: usize = 64 * 1024;

/// Runs `taxdoc check` and tells whether every value was valid.
pub(crate) fn run(args: &CheckArgs) -> io::Result<Outcome> {
    let mut out = BufWriter::with_capacity(IO_BUFFER, io::stdout().lock());
    let outcome = if args.values.is_empty() {
        check_lines(
            args.kind,
            BufReader::with_capacity(IO_BUFFER, io::stdin().lock()),
            &mut out,
        )?
    } else {
        check_values(args.kind, &args.values, &mut out)?
    };
    out.flush()?;
    Ok(outcome)
}

fn check_values(
    kind: IdentifierKind,
    values: &[String],
    out: &mut impl Write,
) -> io::Result<Outcome> {
    let mut outcome = Outcome::AllValid;
    for value in values {
        let verdict = kinds::check(kind, value);
        outcome.record(verdict.is_valid());
        verdict.write_json_line(out)?;
    }
    Ok(outcome)
}

/// Checks one value per line. Every line gets a verdict, including blank ones, so that output
/// line N always answers input line N. A line that is not UTF-8 is reported as a format error.
fn check_lines(
    kind: IdentifierKind,
    mut input: impl BufRead,
    out: &mut impl Write,
) -> io::Result<Outcome> {
    let mut outcome = Outcome::AllValid;
    let mut line = Vec::with_capacity(128);
    loop {
        line.clear();
        if input.read_until(b'\n', &mut line)? == 0 {
            break;
        }
        let verdict = match std::str::from_utf8(strip_line_ending(&line)) {
            Ok(text) => kinds::check(kind, text),
            Err(_) => Verdict::not_utf8(&String::from_utf8_lossy(strip_line_ending(&line))),
        };
        outcome.record(verdict.is_valid());
        verdict.write_json_line(out)?;
    }
    Ok(outcome)
}

fn strip_line_ending(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run_lines(kind: IdentifierKind, input: &[u8]) -> (Outcome, Vec<serde_json::Value>) {
        let mut out = Vec::new();
        let outcome = check_lines(kind, input, &mut out).unwrap();
        let lines = String::from_utf8(out).unwrap();
        let values = lines
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        (outcome, values)
    }

    #[test]
    fn answers_every_line_including_blank_and_crlf_lines() {
        let (outcome, verdicts) = run_lines(
            IdentifierKind::Npwp,
            b"01.312.166.0-091.000\r\n\n01.312.166.O-091.000",
        );
        assert_eq!(outcome, Outcome::SomeInvalid);
        assert_eq!(verdicts.len(), 3);
        assert_eq!(verdicts[0]["input"], "01.312.166.0-091.000");
        assert_eq!(verdicts[0]["valid"], true);
        assert_eq!(verdicts[1]["valid"], false);
        assert_eq!(verdicts[1]["error"]["kind"], "empty");
        assert_eq!(verdicts[2]["error"]["kind"], "format");
    }

    #[test]
    fn reports_non_utf8_lines_instead_of_failing() {
        let (outcome, verdicts) = run_lines(IdentifierKind::Nik, b"\xff\xfe31\n3171011708450001\n");
        assert_eq!(outcome, Outcome::SomeInvalid);
        assert_eq!(verdicts[0]["error"]["kind"], "format");
        assert_eq!(verdicts[1]["valid"], true);
    }

    #[test]
    fn all_valid_is_success() {
        let values = vec![
            "91110000600037341L".to_owned(),
            "9144030071526726XG".to_owned(),
        ];
        let mut out = Vec::new();
        let outcome = check_values(IdentifierKind::Uscc, &values, &mut out).unwrap();
        assert_eq!(outcome, Outcome::AllValid);
        assert_eq!(String::from_utf8(out).unwrap().lines().count(), 2);
    }
}
