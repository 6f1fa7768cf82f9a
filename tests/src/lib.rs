//! Support for the workspace-level test suites in `tests/tests/`.
//!
//! [`Spec`] loads a provider's OpenAPI spec from `specs/` and hands out its named examples as
//! JSON, so that suites can hold what the providers send against what the domain rules say.

use std::path::PathBuf;

use serde_json::Value;

/// A provider spec loaded from `specs/<name>.yaml`.
#[derive(Debug, Clone)]
pub struct Spec {
    name: String,
    document: Value,
}

impl Spec {
    /// Loads `specs/<name>.yaml` (for example `"onlinepajak"`).
    ///
    /// # Panics
    ///
    /// When the file is missing or is not YAML: this is test support, and a broken spec must
    /// fail the suite loudly.
    pub fn load(name: &str) -> Self {
        let path = specs_dir().join(format!("{name}.yaml"));
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        let yaml: serde_yaml::Value = serde_yaml::from_str(&text)
            .unwrap_or_else(|e| panic!("{} is not YAML: {e}", path.display()));
        let document = serde_json::to_value(yaml)
            .unwrap_or_else(|e| panic!("{} is not JSON-compatible: {e}", path.display()));
        Self {
            name: name.to_owned(),
            document,
        }
    }

    /// The value of the example `example` under the media-type object at `location`, a path of
    /// keys such as `["paths", "/ocr/v1/npwp", "post", "responses", "200", "content", "application/json"]`.
    ///
    /// # Panics
    ///
    /// When the location or the example does not exist.
    pub fn example(&self, location: &[&str], example: &str) -> &Value {
        let mut node = &self.document;
        for key in location {
            node = node.get(key).unwrap_or_else(|| {
                panic!(
                    "specs/{}.yaml has no {key:?} on the way to {location:?}",
                    self.name
                )
            });
        }
        node.get("examples")
            .and_then(|examples| examples.get(example))
            .and_then(|named| named.get("value"))
            .unwrap_or_else(|| {
                panic!(
                    "specs/{}.yaml has no example {example:?} at {location:?}",
                    self.name
                )
            })
    }
}

/// The `specs/` directory of the workspace.
pub fn specs_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("specs")
}

/// The string at `pointer` (a JSON pointer such as `/result/total`) in `value`.
///
/// # Panics
///
/// When there is no string there.
pub fn text<'a>(value: &'a Value, pointer: &str) -> &'a str {
    value
        .pointer(pointer)
        .and_then(Value::as_str)
        .unwrap_or_else(|| panic!("no string at {pointer} in {value}"))
}
