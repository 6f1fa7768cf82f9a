//! `taxdoc words`: amounts in words and back.
//!
//! Spelling prints one line per amount; `--parse` prints one amount per text. A value that
//! cannot be handled is reported on stderr and makes the exit status 1; the other values are
//! still printed.

use std::io::{self, BufWriter, Write};

use tax_core::cn::daxie;
use tax_core::id::terbilang;
use tax_core::{ParseError, ParseErrorKind, Rupiah, Yuan};

use crate::cli::{Language, WordsArgs};
use crate::exit::Outcome;

/// Runs `taxdoc words`.
pub(crate) fn run(args: &WordsArgs) -> io::Result<Outcome> {
    let mut out = BufWriter::new(io::stdout().lock());
    let mut outcome = Outcome::AllValid;
    for value in &args.values {
        let answer = if args.parse {
            parse(args.language, value)
        } else {
            spell(args.language, value)
        };
        outcome.record(answer.is_ok());
        match answer {
            Ok(text) => writeln!(out, "{text}")?,
            Err(err) => {
                // Keep stdout and stderr in input order for people reading both.
                out.flush()?;
                eprintln!("taxdoc: {value:?}: {err}");
            }
        }
    }
    out.flush()?;
    Ok(outcome)
}

/// Spells an amount given as a plain decimal.
pub(crate) fn spell(language: Language, amount: &str) -> Result<String, ParseError> {
    match language {
        Language::Id => {
            let rupiah: Rupiah = amount.parse()?;
            terbilang::rupiah_to_words(rupiah).ok_or_else(|| {
                ParseError::new(
                    "terbilang amount",
                    ParseErrorKind::Component,
                    "terbilang spells whole, non-negative rupiah amounts only",
                )
            })
        }
        Language::Zh => {
            let yuan: Yuan = amount.parse()?;
            Ok(daxie::to_words(yuan))
        }
    }
}

/// Reads the amount that a text says.
pub(crate) fn parse(language: Language, text: &str) -> Result<String, ParseError> {
    match language {
        Language::Id => terbilang::parse_words(text).map(|amount| amount.to_string()),
        Language::Zh => daxie::parse_words(text).map(|amount| amount.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spells_and_parses_both_languages() {
        assert_eq!(
            spell(Language::Id, "660000").unwrap(),
            "enam ratus enam puluh ribu rupiah"
        );
        assert_eq!(spell(Language::Zh, "120").unwrap(), "壹佰贰拾圆整");
        assert_eq!(
            parse(Language::Id, "satu juta seribu rupiah").unwrap(),
            "1001000"
        );
        assert_eq!(
            parse(Language::Zh, "壹拾万零柒仟元零伍角叁分").unwrap(),
            "107000.53"
        );
    }

    #[test]
    fn rejects_what_cannot_be_spelled() {
        assert!(spell(Language::Id, "12.5").is_err());
        assert!(spell(Language::Zh, "1.234").is_err());
        assert!(parse(Language::Zh, "not words").is_err());
    }
}
