//! Facts about the workspace the generated crates live in.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

/// The workspace root: the parent of this crate's manifest directory.
pub(crate) fn root() -> Result<PathBuf> {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest
        .parent()
        .map(Path::to_path_buf)
        .context("xtask has no parent directory")
}

/// Names declared in the root manifest's `[workspace.dependencies]` table.
pub(crate) fn dependency_names(root: &Path) -> Result<Vec<String>> {
    let path = root.join("Cargo.toml");
    let manifest =
        std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    Ok(parse_dependency_names(&manifest))
}

/// Reads the keys of `[workspace.dependencies]` from manifest text (one `name = ...` a line).
fn parse_dependency_names(manifest: &str) -> Vec<String> {
    let mut in_table = false;
    let mut names = Vec::new();
    for line in manifest.lines().map(str::trim) {
        if line.starts_with('[') {
            in_table = line == "[workspace.dependencies]";
        } else if in_table
            && !line.starts_with('#')
            && let Some((name, _)) = line.split_once('=')
        {
            names.push(name.trim().trim_matches('"').to_owned());
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_only_workspace_dependency_keys() {
        let manifest = "[workspace]\nmembers = [\"a\"]\n\n[workspace.dependencies]\n# Comment.\n\
                        serde = { version = \"1\" }\n\"tokio\" = \"1\"\n\n[workspace.lints.rust]\n\
                        unsafe_code = \"forbid\"\n";
        assert_eq!(parse_dependency_names(manifest), ["serde", "tokio"]);
    }
}
