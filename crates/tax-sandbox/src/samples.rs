//! The documented success samples, read from the embedded OpenAPI specifications.

use std::sync::OnceLock;

use serde_json::Value;

const GLAIR_SPEC: &str = include_str!("../../../specs/glair-vision.yaml");
const ONLINEPAJAK_SPEC: &str = include_str!("../../../specs/onlinepajak.yaml");
const HUAWEI_SPEC: &str = include_str!("../../../specs/huawei-ocr.yaml");
const DEEPFINCH_SPEC: &str = include_str!("../../../specs/deepfinch.yaml");

/// A documented sample could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SampleError {
    /// The specification is not valid YAML.
    #[error("specs/{spec} cannot be parsed: {message}")]
    InvalidSpec {
        /// File name under `specs/`.
        spec: &'static str,
        /// The parser's message.
        message: String,
    },
    /// The specification has no example for a response the sandbox serves.
    #[error("specs/{spec} has no example for {method} {path} {status}")]
    Missing {
        /// File name under `specs/`.
        spec: &'static str,
        /// Route of the missing example.
        path: &'static str,
        /// Lower-case HTTP method.
        method: &'static str,
        /// Response status.
        status: &'static str,
    },
}

/// The success bodies served when no fixture matches.
#[derive(Debug, Clone)]
pub(crate) struct Samples {
    pub(crate) glair_npwp: Value,
    pub(crate) glair_invoice: Value,
    pub(crate) onlinepajak_created: Value,
    pub(crate) huawei_vat_invoice: Value,
    pub(crate) huawei_token: Value,
    pub(crate) deepfinch_vat_invoice: Value,
}

/// One example to pick: the named one when present, else the first of the response.
struct Wanted {
    path: &'static str,
    method: &'static str,
    status: &'static str,
    name: &'static str,
}

impl Samples {
    /// The samples, parsed from the specifications once per process.
    pub(crate) fn load() -> Result<Self, SampleError> {
        static LOADED: OnceLock<Result<Samples, SampleError>> = OnceLock::new();
        LOADED.get_or_init(Self::parse).clone()
    }

    /// Parses the four specifications and extracts every sample the routes need.
    fn parse() -> Result<Self, SampleError> {
        let glair = Spec::parse("glair-vision.yaml", GLAIR_SPEC)?;
        let onlinepajak = Spec::parse("onlinepajak.yaml", ONLINEPAJAK_SPEC)?;
        let huawei = Spec::parse("huawei-ocr.yaml", HUAWEI_SPEC)?;
        let deepfinch = Spec::parse("deepfinch.yaml", DEEPFINCH_SPEC)?;
        Ok(Self {
            glair_npwp: glair.example(Wanted {
                path: "/ocr/v1/npwp",
                method: "post",
                status: "200",
                name: "readable_npwp",
            })?,
            glair_invoice: glair.example(Wanted {
                path: "/ocr/v1/invoice",
                method: "post",
                status: "200",
                name: "documented_sample_old_contract",
            })?,
            onlinepajak_created: onlinepajak.example(Wanted {
                path: "/marketplace/v1/invoices",
                method: "post",
                status: "200",
                name: "created",
            })?,
            huawei_vat_invoice: huawei.example(Wanted {
                path: "/v2/{project_id}/ocr/vat-invoice",
                method: "post",
                status: "200",
                name: "documented_advanced_mode",
            })?,
            huawei_token: huawei.example(Wanted {
                path: "/v3/auth/tokens",
                method: "post",
                status: "201",
                name: "issued",
            })?,
            deepfinch_vat_invoice: deepfinch.example(Wanted {
                path: "/ocr/value_add_tax_invoice",
                method: "post",
                status: "200",
                name: "documented_sample",
            })?,
        })
    }
}

/// A parsed specification.
struct Spec {
    name: &'static str,
    document: Value,
}

impl Spec {
    fn parse(name: &'static str, text: &str) -> Result<Self, SampleError> {
        let document =
            serde_yaml::from_str::<Value>(text).map_err(|error| SampleError::InvalidSpec {
                spec: name,
                message: error.to_string(),
            })?;
        Ok(Self { name, document })
    }

    fn example(&self, wanted: Wanted) -> Result<Value, SampleError> {
        let pointer = format!(
            "/paths/{}/{}/responses/{}/content/application~1json/examples",
            escape_pointer(wanted.path),
            wanted.method,
            wanted.status
        );
        let examples = self.document.pointer(&pointer).and_then(Value::as_object);
        examples
            .and_then(|examples| {
                examples
                    .get(wanted.name)
                    .or_else(|| examples.values().next())
            })
            .and_then(|example| example.get("value"))
            .cloned()
            .ok_or(SampleError::Missing {
                spec: self.name,
                path: wanted.path,
                method: wanted.method,
                status: wanted.status,
            })
    }
}

/// Escapes a JSON-pointer segment (`~` → `~0`, `/` → `~1`).
fn escape_pointer(segment: &str) -> String {
    segment.replace('~', "~0").replace('/', "~1")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_sample_loads_with_its_documented_content() {
        let samples = Samples::load().unwrap();
        assert_eq!(samples.glair_npwp["status"], "SUCCESS");
        assert!(samples.glair_npwp["read"]["nama"].is_object());
        assert!(samples.glair_invoice["read"]["invoice_number"].is_object());
        assert_eq!(samples.deepfinch_vat_invoice["status"], "OK");
        assert!(samples.huawei_vat_invoice["result"].is_object());
        assert!(samples.huawei_token["token"]["expires_at"].is_string());
        assert!(samples.onlinepajak_created["response"]["invoice"].is_object());
    }

    #[test]
    fn a_missing_example_is_an_error() {
        let spec = Spec::parse("x.yaml", "paths: {}").unwrap();
        let missing = spec.example(Wanted {
            path: "/a",
            method: "post",
            status: "200",
            name: "b",
        });
        assert!(matches!(missing, Err(SampleError::Missing { .. })));
        assert!(matches!(
            Spec::parse("y.yaml", "a: [").map(|_| ()),
            Err(SampleError::InvalidSpec { .. })
        ));
    }
}
