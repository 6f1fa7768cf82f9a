//! Writing generated files, or comparing them with what is on disk (`--check`).

use std::path::Path;

use anyhow::{Context, Result};
use similar::TextDiff;

use crate::codegen::OutputFile;

/// What happened to one output file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Outcome {
    /// The file on disk already matches.
    Unchanged,
    /// The file was written (or, with `--check`, would be).
    Written,
    /// A scaffold file exists and was left alone.
    KeptHandWritten,
}

impl std::fmt::Display for Outcome {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::Unchanged => "unchanged",
            Self::Written => "wrote",
            Self::KeptHandWritten => "kept (hand-written)",
        })
    }
}

/// Writes `file` under `root` unless it already matches (scaffolds only when absent).
pub(crate) fn write(root: &Path, file: &OutputFile) -> Result<Outcome> {
    let path = root.join(&file.path);
    if file.scaffold && path.exists() {
        return Ok(Outcome::KeptHandWritten);
    }
    if std::fs::read_to_string(&path).is_ok_and(|current| current == file.contents) {
        return Ok(Outcome::Unchanged);
    }
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("creating {}", parent.display()))?;
    }
    std::fs::write(&path, &file.contents).with_context(|| format!("writing {}", file.path))?;
    Ok(Outcome::Written)
}

/// Compares `file` with the file on disk; returns a unified diff when it is stale.
///
/// Scaffold files are not compared (they are hand-written once created), but a missing
/// scaffold is reported.
pub(crate) fn stale_diff(root: &Path, file: &OutputFile) -> Option<String> {
    let path = root.join(&file.path);
    let current = std::fs::read_to_string(&path).ok();
    if file.scaffold {
        return current
            .is_none()
            .then(|| format!("missing {}\n", file.path));
    }
    let current = current.unwrap_or_default();
    if current == file.contents {
        return None;
    }
    let diff = TextDiff::from_lines(&current, &file.contents);
    Some(
        diff.unified_diff()
            .context_radius(3)
            .header(
                &format!("{} (committed)", file.path),
                &format!("{} (generated)", file.path),
            )
            .to_string(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_root(name: &str) -> std::path::PathBuf {
        let root = std::env::temp_dir().join(format!("xtask-check-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        root
    }

    fn file(contents: &str, scaffold: bool) -> OutputFile {
        OutputFile {
            path: "crate/src/out.rs".to_owned(),
            contents: contents.to_owned(),
            scaffold,
        }
    }

    #[test]
    fn stale_file_gets_a_unified_diff_and_fresh_file_none() {
        let root = temp_root("stale");
        assert_eq!(
            write(&root, &file("a\nb\n", false)).unwrap(),
            Outcome::Written
        );
        assert_eq!(
            write(&root, &file("a\nb\n", false)).unwrap(),
            Outcome::Unchanged
        );
        assert_eq!(stale_diff(&root, &file("a\nb\n", false)), None);
        let diff = stale_diff(&root, &file("a\nc\n", false)).unwrap();
        assert!(diff.contains("--- crate/src/out.rs (committed)"), "{diff}");
        assert!(diff.contains("-b\n") && diff.contains("+c\n"), "{diff}");
        std::fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn scaffolds_are_created_once_and_never_compared() {
        let root = temp_root("scaffold");
        assert!(stale_diff(&root, &file("x", true)).is_some_and(|d| d.starts_with("missing")));
        assert_eq!(write(&root, &file("x", true)).unwrap(), Outcome::Written);
        assert_eq!(
            write(&root, &file("y", true)).unwrap(),
            Outcome::KeptHandWritten
        );
        assert_eq!(
            std::fs::read_to_string(root.join("crate/src/out.rs")).unwrap(),
            "x"
        );
        assert_eq!(stale_diff(&root, &file("y", true)), None);
        std::fs::remove_dir_all(&root).unwrap();
    }
}
