//! Writing the generated corpus, or comparing it with the files on disk (`--check`).

use std::collections::BTreeSet;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};

use super::{CorpusFile, generate};
use crate::cli::CorpusArgs;
use crate::workspace;

/// The directory whose contents the generator owns entirely.
const CORPUS_DIR: &str = "tests/corpus";

/// Runs `cargo xtask corpus` with `args`.
pub(crate) fn run(args: &CorpusArgs) -> Result<ExitCode> {
    let root = workspace::root()?;
    let files = generate()?;
    let out = args.out.clone().unwrap_or_else(|| root.clone());
    if args.check {
        let problems = check(&out, &files)?;
        for problem in &problems {
            eprintln!("{problem}");
        }
        if problems.is_empty() {
            eprintln!("{} corpus file(s) are fresh", files.len());
            return Ok(ExitCode::SUCCESS);
        }
        eprintln!("the corpus is stale: run `cargo xtask corpus`");
        return Ok(ExitCode::FAILURE);
    }
    let mut written = 0;
    for file in &files {
        let path = out.join(&file.path);
        if std::fs::read(&path).ok().as_deref() == Some(file.bytes.as_slice()) {
            continue;
        }
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("creating {}", parent.display()))?;
        }
        std::fs::write(&path, &file.bytes)
            .with_context(|| format!("writing {}", path.display()))?;
        written += 1;
    }
    let expected: BTreeSet<&str> = files.iter().map(|f| f.path.as_str()).collect();
    let mut removed = 0;
    for extra in existing(&out)?
        .iter()
        .filter(|p| !expected.contains(p.as_str()))
    {
        let path = out.join(extra);
        std::fs::remove_file(&path).with_context(|| format!("removing {}", path.display()))?;
        removed += 1;
    }
    let bytes: usize = files.iter().map(|f| f.bytes.len()).sum();
    eprintln!(
        "{} corpus file(s), {bytes} bytes: {written} written, {removed} removed",
        files.len()
    );
    Ok(ExitCode::SUCCESS)
}

/// Differences between `files` and what is under `out`: changed, missing and extra files.
fn check(out: &Path, files: &[CorpusFile]) -> Result<Vec<String>> {
    let mut problems = Vec::new();
    for file in files {
        match std::fs::read(out.join(&file.path)) {
            Ok(bytes) if bytes == file.bytes => {}
            Ok(_) => problems.push(format!("stale: {}", file.path)),
            Err(_) => problems.push(format!("missing: {}", file.path)),
        }
    }
    let expected: BTreeSet<&str> = files.iter().map(|f| f.path.as_str()).collect();
    for extra in existing(out)?
        .iter()
        .filter(|p| !expected.contains(p.as_str()))
    {
        problems.push(format!("extra: {extra}"));
    }
    Ok(problems)
}

/// Files currently under `tests/corpus/`, relative to `out`.
fn existing(out: &Path) -> Result<Vec<String>> {
    let mut found = Vec::new();
    let mut pending = vec![out.join(CORPUS_DIR)];
    while let Some(dir) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries {
            let path = entry
                .with_context(|| format!("listing {}", dir.display()))?
                .path();
            if path.is_dir() {
                pending.push(path);
            } else if let Ok(relative) = path.strip_prefix(out) {
                found.push(relative.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    found.sort();
    Ok(found)
}
