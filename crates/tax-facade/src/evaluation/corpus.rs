//! Loading a corpus: documents with their ground truth, one directory per kind.

use std::fs;
use std::path::{Path, PathBuf};

use super::truth::Truth;

/// The suffix of ground-truth files.
pub const TRUTH_SUFFIX: &str = ".truth.json";

/// File extensions that mark a file as a document, which must then have a truth file.
const DOCUMENT_EXTENSIONS: [&str; 4] = ["pdf", "png", "jpg", "jpeg"];

/// One document of a corpus and its ground truth.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorpusEntry {
    /// The document file.
    pub path: PathBuf,
    /// The document's path relative to the corpus root, with `/` separators
    /// (`faktur_pajak/efaktur-01.pdf`), used to name it in reports.
    pub name: String,
    /// The ground truth.
    pub truth: Truth,
}

/// Why a corpus could not be loaded; each variant names the file.
#[non_exhaustive]
#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    /// A directory or file could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The directory or file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// A document (PDF or image) has no `NAME.truth.json` beside it.
    #[error("{document} has no ground truth: expected {expected}")]
    MissingTruth {
        /// The document.
        document: PathBuf,
        /// The truth file that was looked for.
        expected: PathBuf,
    },
    /// A truth file has no document beside it.
    #[error("{truth} describes no document: no file named {stem}.* beside it")]
    MissingDocument {
        /// The truth file.
        truth: PathBuf,
        /// The document name the truth file stands for.
        stem: String,
    },
    /// A truth file is not valid ground truth.
    #[error("{truth} is not valid ground truth: {message}")]
    InvalidTruth {
        /// The truth file.
        truth: PathBuf,
        /// What is wrong with it.
        message: String,
    },
}

/// Loads every document under `dir` with its ground truth, walking the kind directories
/// (`faktur_pajak/`, `cn_vat_invoice/`, ...) and any directory below them.
///
/// A document is any file other than a truth file that has a sibling `NAME.truth.json`, where
/// `NAME` is its file name without the extension. A PDF or image without a truth file, a truth
/// file without a document and a truth file that does not parse are errors naming the file;
/// other files (notes, hidden files) are ignored. Entries are sorted by name.
///
/// ```no_run
/// let entries = tax_facade::evaluation::load_corpus("tests/corpus")?;
/// println!("{} documents", entries.len());
/// # Ok::<(), tax_facade::evaluation::CorpusError>(())
/// ```
pub fn load_corpus(dir: impl AsRef<Path>) -> Result<Vec<CorpusEntry>, CorpusError> {
    let root = dir.as_ref();
    let mut entries = Vec::new();
    walk(root, root, &mut entries)?;
    entries.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(entries)
}

fn walk(root: &Path, dir: &Path, entries: &mut Vec<CorpusEntry>) -> Result<(), CorpusError> {
    let io_error = |path: &Path| {
        let path = path.to_path_buf();
        move |source| CorpusError::Io { path, source }
    };
    let mut files = Vec::new();
    for item in fs::read_dir(dir).map_err(io_error(dir))? {
        let item = item.map_err(io_error(dir))?;
        let path = item.path();
        let hidden = item.file_name().to_string_lossy().starts_with('.');
        if hidden {
            continue;
        }
        if item.file_type().map_err(io_error(&path))?.is_dir() {
            walk(root, &path, entries)?;
        } else {
            files.push(path);
        }
    }
    files.sort();
    let (truths, others): (Vec<&PathBuf>, Vec<&PathBuf>) =
        files.iter().partition(|path| truth_stem(path).is_some());
    for truth_path in &truths {
        let stem = truth_stem(truth_path).unwrap_or_default();
        let document = others
            .iter()
            .find(|path| document_stem(path).as_deref() == Some(stem.as_str()));
        let Some(document) = document else {
            return Err(CorpusError::MissingDocument {
                truth: truth_path.to_path_buf(),
                stem,
            });
        };
        let text = fs::read_to_string(truth_path).map_err(io_error(truth_path))?;
        let truth = Truth::from_json(&text).map_err(|message| CorpusError::InvalidTruth {
            truth: truth_path.to_path_buf(),
            message,
        })?;
        entries.push(CorpusEntry {
            path: document.to_path_buf(),
            name: relative_name(root, document),
            truth,
        });
    }
    for document in others.iter().filter(|path| looks_like_document(path)) {
        let stem = document_stem(document).unwrap_or_default();
        let has_truth = truths
            .iter()
            .any(|truth| truth_stem(truth).as_deref() == Some(stem.as_str()));
        if !has_truth {
            return Err(CorpusError::MissingTruth {
                document: document.to_path_buf(),
                expected: document.with_file_name(format!("{stem}{TRUTH_SUFFIX}")),
            });
        }
    }
    Ok(())
}

/// `NAME` of a `NAME.truth.json` file.
fn truth_stem(path: &Path) -> Option<String> {
    let name = path.file_name()?.to_str()?;
    name.strip_suffix(TRUTH_SUFFIX).map(str::to_owned)
}

/// The file name without its last extension.
fn document_stem(path: &Path) -> Option<String> {
    path.file_stem()?.to_str().map(str::to_owned)
}

fn looks_like_document(path: &Path) -> bool {
    path.extension()
        .and_then(|extension| extension.to_str())
        .is_some_and(|extension| {
            DOCUMENT_EXTENSIONS.contains(&extension.to_ascii_lowercase().as_str())
        })
}

fn relative_name(root: &Path, path: &Path) -> String {
    let relative = path.strip_prefix(root).unwrap_or(path);
    relative
        .components()
        .map(|part| part.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}
