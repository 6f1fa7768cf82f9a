//! Documented examples read from `specs/<provider>.yaml`.
//!
//! Serving the spec's own examples proves that every example decodes into the generated types
//! and keeps tests in step with the specification.

use std::path::PathBuf;

use serde_json::Value;

/// A loaded OpenAPI specification.
#[derive(Debug, Clone)]
pub struct Spec {
    document: Value,
}

/// One documented response of an operation.
#[derive(Debug, Clone)]
pub struct DocumentedResponse {
    /// The HTTP status (`"200"`, `"403"`, ...).
    pub status: String,
    /// The media type (`application/json`, `text/html`).
    pub media_type: String,
    /// The named examples.
    pub examples: Vec<Example>,
}

/// A named example value.
#[derive(Debug, Clone)]
pub struct Example {
    /// The example's name.
    pub name: String,
    /// The example value (a string for non-JSON media types).
    pub value: Value,
}

impl Spec {
    /// Loads `specs/<name>.yaml` from the workspace root. Panics when it cannot (test helper).
    pub fn load(name: &str) -> Self {
        let path: PathBuf = [env!("CARGO_MANIFEST_DIR"), "..", "..", "..", "specs"]
            .iter()
            .collect::<PathBuf>()
            .join(format!("{name}.yaml"));
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(error) => panic!("cannot read {}: {error}", path.display()),
        };
        match serde_yaml::from_str(&text) {
            Ok(document) => Self { document },
            Err(error) => panic!("{} is not YAML: {error}", path.display()),
        }
    }

    /// The first server URL of the document.
    pub fn server_url(&self) -> String {
        self.document["servers"][0]["url"]
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }

    /// `(method, path template)` of the operation with `operation_id`. Panics when absent.
    pub fn operation(&self, operation_id: &str) -> (String, String) {
        let (method, path, _) = self.find(operation_id);
        (method, path)
    }

    /// Every documented response of the operation, in document order.
    pub fn responses(&self, operation_id: &str) -> Vec<DocumentedResponse> {
        let (_, _, operation) = self.find(operation_id);
        let Some(responses) = operation["responses"].as_object() else {
            return Vec::new();
        };
        let mut documented = Vec::new();
        for (status, response) in responses {
            let response = self.resolve(response);
            let Some(content) = response["content"].as_object() else {
                continue;
            };
            for (media_type, media) in content {
                documented.push(DocumentedResponse {
                    status: status.clone(),
                    media_type: media_type.clone(),
                    examples: self.examples(media),
                });
            }
        }
        documented
    }

    /// The named request body examples of the operation.
    pub fn request_examples(&self, operation_id: &str) -> Vec<Example> {
        let (_, _, operation) = self.find(operation_id);
        let body = self.resolve(&operation["requestBody"]);
        body["content"]
            .as_object()
            .map(|content| {
                content
                    .values()
                    .flat_map(|media| self.examples(media))
                    .collect()
            })
            .unwrap_or_default()
    }

    fn examples(&self, media: &Value) -> Vec<Example> {
        let mut examples = Vec::new();
        if let Some(named) = media["examples"].as_object() {
            for (name, example) in named {
                let example = self.resolve(example);
                examples.push(Example {
                    name: name.clone(),
                    value: example["value"].clone(),
                });
            }
        }
        if let Some(value) = media.get("example") {
            examples.push(Example {
                name: "example".into(),
                value: value.clone(),
            });
        }
        examples
    }

    fn find(&self, operation_id: &str) -> (String, String, &Value) {
        if let Some(paths) = self.document["paths"].as_object() {
            for (path, item) in paths {
                if let Some(methods) = item.as_object() {
                    for (method, operation) in methods {
                        if operation["operationId"] == operation_id {
                            return (method.to_ascii_uppercase(), path.clone(), operation);
                        }
                    }
                }
            }
        }
        panic!("operation `{operation_id}` is not in the spec")
    }

    fn resolve<'a>(&'a self, value: &'a Value) -> &'a Value {
        match value["$ref"].as_str() {
            Some(reference) => {
                let pointer = reference.trim_start_matches('#');
                self.resolve(self.document.pointer(pointer).unwrap_or(&Value::Null))
            }
            None => value,
        }
    }
}
