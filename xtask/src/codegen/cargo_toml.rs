//! The generated `Cargo.toml` of a client crate.

use anyhow::{Context, Result, bail};
use openapiv3::OpenAPI;

/// The spec's `info.x-taxdoc-client` extension.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ClientMeta {
    /// Package name, e.g. `glair-vision-client`.
    pub(crate) package: String,
    /// One-line package description.
    pub(crate) description: String,
    /// Extra workspace dependencies of the hand-written code.
    pub(crate) dependencies: Vec<String>,
    /// Workspace dev-dependencies of the client's tests.
    pub(crate) dev_dependencies: Vec<String>,
}

/// The name of the extension in `info`.
pub(crate) const EXTENSION: &str = "x-taxdoc-client";

/// Reads `info.x-taxdoc-client`.
pub(crate) fn client_meta(spec: &OpenAPI) -> Result<ClientMeta> {
    let meta = spec
        .info
        .extensions
        .get(EXTENSION)
        .with_context(|| format!("info.{EXTENSION} is missing"))?;
    let text = |key: &str| -> Result<String> {
        meta.get(key)
            .and_then(|value| value.as_str())
            .filter(|value| !value.trim().is_empty())
            .map(str::to_owned)
            .with_context(|| format!("info.{EXTENSION}.{key} must be a non-empty string"))
    };
    let names = |key: &str| -> Result<Vec<String>> {
        let Some(value) = meta.get(key) else {
            return Ok(Vec::new());
        };
        let Some(list) = value.as_array() else {
            bail!("info.{EXTENSION}.{key} must be a list of dependency names");
        };
        list.iter()
            .map(|name| {
                name.as_str()
                    .filter(|name| is_dependency_name(name))
                    .map(str::to_owned)
                    .with_context(|| {
                        format!("info.{EXTENSION}.{key}: `{name}` is not a crate name")
                    })
            })
            .collect()
    };
    Ok(ClientMeta {
        package: text("crate")?,
        description: text("description")?,
        dependencies: names("dependencies")?,
        dev_dependencies: names("dev-dependencies")?,
    })
}

fn is_dependency_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// What the generated code itself needs beyond the fixed dependencies.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct TypeSpaceUses {
    /// Dates and times (`chrono`).
    pub(crate) chrono: bool,
    /// Patterns (`regress`).
    pub(crate) regress: bool,
}

/// Renders the manifest, headed by `header` (already a `#` comment line).
pub(crate) fn render(header: &str, meta: &ClientMeta, uses: TypeSpaceUses) -> String {
    let mut dependencies: Vec<&str> = vec![
        "bytes",
        "progenitor-client",
        "reqwest",
        "serde",
        "serde_json",
        "taxdoc-client-runtime",
    ];
    if uses.chrono {
        dependencies.push("chrono");
    }
    if uses.regress {
        dependencies.push("regress");
    }
    dependencies.extend(meta.dependencies.iter().map(String::as_str));
    let mut dev_dependencies: Vec<&str> =
        meta.dev_dependencies.iter().map(String::as_str).collect();
    let description = meta.description.replace('\\', "\\\\").replace('"', "\\\"");
    let mut out = format!(
        "{header}\n[package]\nname = \"{}\"\ndescription = \"{description}\"\n\
         version.workspace = true\nedition.workspace = true\nrust-version.workspace = true\n\
         license.workspace = true\npublish.workspace = true\n",
        meta.package
    );
    out.push_str(&dependency_table("dependencies", &mut dependencies));
    if !dev_dependencies.is_empty() {
        out.push_str(&dependency_table("dev-dependencies", &mut dev_dependencies));
    }
    out.push_str("\n[lints]\nworkspace = true\n");
    out
}

fn dependency_table(table: &str, names: &mut Vec<&str>) -> String {
    names.sort_unstable();
    names.dedup();
    let mut out = format!("\n[{table}]\n");
    for name in names.iter() {
        out.push_str(&format!("{name} = {{ workspace = true }}\n"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manifest_lists_fixed_detected_and_declared_dependencies_once_sorted() {
        let meta = ClientMeta {
            package: "demo-client".to_owned(),
            description: "Demo \"client\".".to_owned(),
            dependencies: vec!["base64".to_owned(), "serde".to_owned()],
            dev_dependencies: vec!["tokio".to_owned()],
        };
        let manifest = render(
            "# header",
            &meta,
            TypeSpaceUses {
                chrono: true,
                regress: false,
            },
        );
        let expected = "# header\n[package]\nname = \"demo-client\"\ndescription = \"Demo \\\"client\\\".\"\n\
            version.workspace = true\nedition.workspace = true\nrust-version.workspace = true\n\
            license.workspace = true\npublish.workspace = true\n\n[dependencies]\n\
            base64 = { workspace = true }\nbytes = { workspace = true }\nchrono = { workspace = true }\n\
            progenitor-client = { workspace = true }\nreqwest = { workspace = true }\n\
            serde = { workspace = true }\nserde_json = { workspace = true }\n\
            taxdoc-client-runtime = { workspace = true }\n\n[dev-dependencies]\n\
            tokio = { workspace = true }\n\n[lints]\nworkspace = true\n";
        assert_eq!(manifest, expected);
    }

    #[test]
    fn missing_client_metadata_is_an_error() {
        let mut spec = crate::codegen::tests::sample_spec().openapi;
        spec.info.extensions.shift_remove(EXTENSION);
        let error = client_meta(&spec).unwrap_err();
        assert_eq!(error.to_string(), "info.x-taxdoc-client is missing");
    }
}
