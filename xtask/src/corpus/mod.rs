//! `cargo xtask corpus`: renders the synthetic document corpus (`tests/corpus/`) and the
//! example PDFs (`examples/`) deterministically from fixed seeds, or checks that the committed
//! files match.
//!
//! Layout code works in PDF points with `f32` coordinates; money never does (amounts are
//! `rust_decimal` values formatted to text before they are placed).

mod canvas;
mod cn;
mod commercial;
#[cfg(test)]
mod consistency;
mod data;
mod examples;
mod faktur;
mod flow;
mod format;
mod ids;
mod metrics;
mod output;
mod pdf;
mod pdf_fonts;
mod qr;
mod scans;
mod truth;

use anyhow::Result;

pub(crate) use output::run;
use truth::Truth;

/// One generated file, relative to the workspace root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CorpusFile {
    /// Path relative to the workspace root, with `/` separators.
    pub(crate) path: String,
    /// The file contents.
    pub(crate) bytes: Vec<u8>,
}

/// A rendered document with its truth.
#[derive(Debug)]
pub(crate) struct Rendered {
    /// The PDF (or image) bytes.
    pub(crate) pdf: Vec<u8>,
    /// The ground truth.
    pub(crate) truth: Truth,
}

impl Rendered {
    /// The document and `NAME.truth.json` under `tests/corpus/<stem>`.
    fn into_files(self, stem: &str, extension: &str) -> [CorpusFile; 2] {
        [
            CorpusFile {
                path: format!("tests/corpus/{stem}.{extension}"),
                bytes: self.pdf,
            },
            CorpusFile {
                path: format!("tests/corpus/{stem}.truth.json"),
                bytes: self.truth.to_json(),
            },
        ]
    }
}

/// Every file of the corpus and the examples, in a fixed order.
pub(crate) fn generate() -> Result<Vec<CorpusFile>> {
    let mut files = faktur::files()?;
    files.extend(cn::files()?);
    files.extend(commercial::files()?);
    files.extend(scans::files()?);
    files.extend(examples::files()?);
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generation_is_deterministic() {
        let first = generate().unwrap();
        let second = generate().unwrap();
        assert_eq!(first.len(), second.len());
        for (a, b) in first.iter().zip(&second) {
            assert_eq!(a.path, b.path);
            assert!(a.bytes == b.bytes, "{} differs between runs", a.path);
        }
    }
}
