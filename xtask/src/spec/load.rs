//! Reading a spec file: raw bytes, its sha256, the YAML tree and the typed OpenAPI document.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, anyhow};
use sha2::{Digest, Sha256};

/// One spec file as read from disk.
#[derive(Debug, Clone)]
pub(crate) struct LoadedSpec {
    /// File stem, e.g. `glair-vision`; also the client directory name.
    pub(crate) name: String,
    /// Path as given relative to the workspace root, e.g. `specs/glair-vision.yaml`.
    pub(crate) display_path: String,
    /// Hex sha256 of the file bytes.
    pub(crate) sha256: String,
    /// The document as generic JSON (for `$ref` resolution and example checks).
    pub(crate) json: serde_json::Value,
    /// The typed OpenAPI document.
    pub(crate) openapi: openapiv3::OpenAPI,
}

/// Lists `specs/*.yaml` under `root`, sorted by name.
pub(crate) fn spec_paths(root: &Path) -> Result<Vec<PathBuf>> {
    let dir = root.join("specs");
    let mut paths = Vec::new();
    for entry in std::fs::read_dir(&dir).with_context(|| format!("reading {}", dir.display()))? {
        let path = entry?.path();
        if path.extension().is_some_and(|ext| ext == "yaml") {
            paths.push(path);
        }
    }
    paths.sort();
    Ok(paths)
}

/// Reads and parses one spec. Errors name the file and, for YAML errors, the line and column.
pub(crate) fn load(path: &Path, display_path: &str) -> Result<LoadedSpec> {
    let bytes = std::fs::read(path).with_context(|| format!("{display_path}: cannot read file"))?;
    parse(&bytes, display_path)
}

/// Parses spec bytes. `display_path` is used in messages and to derive the spec name.
pub(crate) fn parse(bytes: &[u8], display_path: &str) -> Result<LoadedSpec> {
    let name = Path::new(display_path)
        .file_stem()
        .and_then(|stem| stem.to_str())
        .ok_or_else(|| anyhow!("{display_path}: file name is not valid UTF-8"))?
        .to_owned();
    let yaml: serde_yaml::Value = serde_yaml::from_slice(bytes).map_err(|error| {
        anyhow!(
            "{display_path}: invalid YAML: {}",
            describe_yaml_error(&error)
        )
    })?;
    let json = serde_json::to_value(&yaml)
        .map_err(|error| anyhow!("{display_path}: YAML cannot be represented as JSON: {error}"))?;
    let openapi: openapiv3::OpenAPI = serde_yaml::from_slice(bytes).map_err(|error| {
        anyhow!(
            "{display_path}: not a valid OpenAPI 3.0 document: {}",
            describe_yaml_error(&error)
        )
    })?;
    Ok(LoadedSpec {
        name,
        display_path: display_path.to_owned(),
        sha256: hex::encode(Sha256::digest(bytes)),
        json,
        openapi,
    })
}

fn describe_yaml_error(error: &serde_yaml::Error) -> String {
    match error.location() {
        Some(location) => {
            format!(
                "line {}, column {}: {error}",
                location.line(),
                location.column()
            )
        }
        None => error.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_syntax_error_names_the_file_and_line() {
        let error = parse(b"openapi: 3.0.3\ninfo: [unclosed\n", "specs/broken.yaml").unwrap_err();
        let message = error.to_string();
        assert!(
            message.starts_with("specs/broken.yaml: invalid YAML: line "),
            "{message}"
        );
    }

    #[test]
    fn schema_error_names_the_file() {
        let error = parse(
            b"openapi: 3.0.3\ninfo: {title: t}\npaths: {}\n",
            "specs/x.yaml",
        )
        .unwrap_err();
        let message = error.to_string();
        assert!(
            message.starts_with("specs/x.yaml: not a valid OpenAPI 3.0 document"),
            "{message}"
        );
        assert!(message.contains("version"), "{message}");
    }

    #[test]
    fn name_and_hash_come_from_the_file() {
        let spec = crate::codegen::tests::sample_spec();
        assert_eq!(spec.name, "sample");
        assert_eq!(spec.sha256.len(), 64);
    }
}
