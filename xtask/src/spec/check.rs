//! Checking a spec against the project's conventions (this is the CI spec validation).
//!
//! Every problem of a spec is collected, each with a location path, so one run reports them all.

use openapiv3::{MediaType, OpenAPI, Operation, ReferenceOr, Schema, SchemaKind, StatusCode, Type};
use serde_json::Value;

use super::example;
use super::load::LoadedSpec;
use crate::codegen::{cargo_toml, lower, names};

/// One problem found in a spec: a location path and a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Problem {
    /// Where, e.g. `paths./ocr/v1/npwp.post.operationId`.
    pub(crate) path: String,
    /// What is wrong.
    pub(crate) message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// Returns every problem found in `spec`.
pub(crate) fn check(spec: &LoadedSpec) -> Vec<Problem> {
    let mut checker = Checker {
        spec: &spec.openapi,
        problems: Vec::new(),
    };
    checker.document();
    check_refs(&spec.json, &spec.json, "", &mut checker.problems);
    checker.problems
}

struct Checker<'a> {
    spec: &'a OpenAPI,
    problems: Vec<Problem>,
}

/// Component schemas the generator replaces by the runtime's exact wire types.
const WIRE_SCHEMAS: [&str; 2] = ["Decimal", "TextOrNumber"];

/// Whether `schema` is `oneOf: [{type: number}, {type: string}]` (in either order).
fn is_number_or_string(schema: &Schema) -> bool {
    let SchemaKind::OneOf { one_of } = &schema.schema_kind else {
        return false;
    };
    let kinds: Vec<&str> = one_of
        .iter()
        .filter_map(|alternative| match alternative {
            ReferenceOr::Item(Schema {
                schema_kind: SchemaKind::Type(Type::Number(_)),
                ..
            }) => Some("number"),
            ReferenceOr::Item(Schema {
                schema_kind: SchemaKind::Type(Type::String(_)),
                ..
            }) => Some("string"),
            _ => None,
        })
        .collect();
    one_of.len() == 2 && kinds.contains(&"number") && kinds.contains(&"string")
}

fn missing(text: &Option<String>) -> bool {
    text.as_deref().is_none_or(|text| text.trim().is_empty())
}

impl Checker<'_> {
    fn report(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem {
            path: path.into(),
            message: message.into(),
        });
    }

    fn document(&mut self) {
        let spec = self.spec;
        if !spec.openapi.starts_with("3.0.") {
            self.report(
                "openapi",
                format!("must be 3.0.x, found `{}`", spec.openapi),
            );
        }
        let version_ok = !spec.info.version.is_empty()
            && spec
                .info
                .version
                .bytes()
                .all(|b| b.is_ascii_graphic() || b == b' ');
        if !version_ok {
            self.report(
                "info.version",
                "must be non-empty plain ASCII (it is sent as a header)",
            );
        }
        if let Err(error) = cargo_toml::client_meta(spec) {
            self.report(
                format!("info.{}", cargo_toml::EXTENSION),
                format!("{error:#}"),
            );
        }
        for (path, method, operation) in spec.operations() {
            self.operation(&format!("paths.{path}.{method}"), operation);
        }
        if let Some(components) = &spec.components {
            for (name, schema) in &components.schemas {
                if let ReferenceOr::Item(schema) = schema {
                    let at = format!("components.schemas.{name}");
                    if WIRE_SCHEMAS.contains(&name.as_str()) && !is_number_or_string(schema) {
                        self.report(
                            &at,
                            "is replaced by an exact wire type and must be \
                             `oneOf: [{type: number}, {type: string}]`",
                        );
                    }
                    self.schema(&at, schema);
                }
            }
        }
    }

    fn operation(&mut self, at: &str, operation: &Operation) {
        if missing(&operation.operation_id) {
            self.report(format!("{at}.operationId"), "operationId is missing");
        }
        if missing(&operation.summary) {
            self.report(format!("{at}.summary"), "summary is missing");
        }
        if missing(&operation.description) {
            self.report(format!("{at}.description"), "description is missing");
        }
        if operation.tags.is_empty() {
            self.report(format!("{at}.tags"), "tags are missing");
        }
        // An explicit `security: []` on the operation declares that it needs no credentials.
        let declared = operation.security.is_some()
            || self
                .spec
                .security
                .as_ref()
                .is_some_and(|requirements| !requirements.is_empty());
        if !declared {
            self.report(format!("{at}.security"), "security is not declared");
        }
        for (index, parameter) in operation.parameters.iter().enumerate() {
            if let ReferenceOr::Item(parameter) = parameter {
                let data = parameter.parameter_data_ref();
                if missing(&data.description) {
                    self.report(
                        format!("{at}.parameters[{index}]"),
                        format!("parameter `{}` has no description", data.name),
                    );
                }
            }
        }
        if let Some(body) = names::request_body(self.spec, operation) {
            for (media_type, media) in &body.content {
                let media_at = format!("{at}.requestBody.content.{media_type}");
                if media_type == lower::MULTIPART
                    && !matches!(media.schema, Some(ReferenceOr::Reference { .. }))
                {
                    self.report(
                        format!("{media_at}.schema"),
                        "multipart schema must be a $ref to a component",
                    );
                }
                self.media(&media_at, media);
            }
        } else if operation.request_body.is_some() {
            self.report(
                format!("{at}.requestBody"),
                "request body $ref does not resolve",
            );
        }
        self.responses(at, operation);
    }

    fn responses(&mut self, at: &str, operation: &Operation) {
        let responses = &operation.responses;
        let mut successes = 0;
        let mut error_schemas: Vec<String> = Vec::new();
        for (status, response) in &responses.responses {
            let response_at = format!("{at}.responses.{status}");
            let Some(response) = names::response(self.spec, response) else {
                self.report(response_at, "response $ref does not resolve");
                continue;
            };
            if response.description.trim().is_empty() {
                self.report(&response_at, "response has no description");
            }
            let success = matches!(status, StatusCode::Code(200..=299) | StatusCode::Range(2));
            let json = response.content.get(lower::JSON);
            let reference = json.and_then(|media| match &media.schema {
                Some(ReferenceOr::Reference { reference }) => Some(reference.clone()),
                _ => None,
            });
            if success {
                successes += 1;
                if reference.is_none() {
                    self.report(
                        &response_at,
                        "2xx response must be application/json with a $ref schema",
                    );
                }
            } else if let Some(reference) = reference {
                if !error_schemas.contains(&reference) {
                    error_schemas.push(reference);
                }
            } else if json.is_some() {
                self.report(&response_at, "JSON error response must use a $ref schema");
            }
            for (media_type, media) in &response.content {
                self.media(&format!("{response_at}.content.{media_type}"), media);
            }
        }
        if successes != 1 {
            self.report(
                format!("{at}.responses"),
                format!("expected exactly one 2xx response, found {successes}"),
            );
        }
        if responses.default.is_some() && successes > 0 {
            self.report(
                format!("{at}.responses.default"),
                "`default` next to a 2xx response (list error statuses explicitly)",
            );
        }
        if error_schemas.len() > 1 {
            self.report(
                format!("{at}.responses"),
                format!(
                    "JSON error responses use different schemas: {}",
                    error_schemas.join(", ")
                ),
            );
        }
    }

    fn media(&mut self, at: &str, media: &MediaType) {
        let Some(schema) = &media.schema else {
            self.report(format!("{at}.schema"), "schema is missing");
            return;
        };
        if media.example.is_none() && media.examples.is_empty() {
            self.report(format!("{at}.examples"), "no examples");
        }
        if let Some(value) = &media.example {
            example::validate(
                self.spec,
                schema,
                value,
                &format!("{at}.example"),
                &mut self.problems,
            );
        }
        for (name, item) in &media.examples {
            let example_at = format!("{at}.examples.{name}");
            match item {
                ReferenceOr::Item(item) => match &item.value {
                    Some(value) => example::validate(
                        self.spec,
                        schema,
                        value,
                        &format!("{example_at}.value"),
                        &mut self.problems,
                    ),
                    None => self.report(example_at, "example has no inline `value`"),
                },
                ReferenceOr::Reference { reference } => {
                    self.report(
                        example_at,
                        format!("example $ref `{reference}` is not supported; inline it"),
                    );
                }
            }
        }
    }

    fn schema(&mut self, at: &str, schema: &Schema) {
        if let Some(value) = &schema.schema_data.example {
            example::validate(
                self.spec,
                &ReferenceOr::Item(schema.clone()),
                value,
                &format!("{at}.example"),
                &mut self.problems,
            );
        }
        match &schema.schema_kind {
            SchemaKind::Type(Type::Object(object)) => self.object(at, object),
            SchemaKind::Type(Type::Array(array)) => {
                if let Some(ReferenceOr::Item(items)) = &array.items {
                    self.schema(&format!("{at}.items"), items);
                }
            }
            SchemaKind::OneOf { one_of: list }
            | SchemaKind::AnyOf { any_of: list }
            | SchemaKind::AllOf { all_of: list } => {
                for (index, item) in list.iter().enumerate() {
                    if let ReferenceOr::Item(item) = item {
                        self.schema(&format!("{at}[{index}]"), item);
                    }
                }
            }
            _ => {}
        }
    }

    /// Object rules, applied to nested inline objects too: unknown fields are never rejected
    /// and every inline property is described.
    fn object(&mut self, at: &str, object: &openapiv3::ObjectType) {
        if matches!(
            object.additional_properties,
            Some(openapiv3::AdditionalProperties::Any(false))
        ) {
            self.report(
                format!("{at}.additionalProperties"),
                "must not be false (unknown fields are kept)",
            );
        }
        for (name, property) in &object.properties {
            let ReferenceOr::Item(property) = property else {
                continue;
            };
            let property_at = format!("{at}.properties.{name}");
            if missing(&property.schema_data.description) {
                self.report(&property_at, "property has no description");
            }
            self.schema(&property_at, property);
        }
    }
}

/// Reports every `$ref` in the document that does not resolve to a JSON pointer target.
fn check_refs(root: &Value, value: &Value, at: &str, problems: &mut Vec<Problem>) {
    match value {
        Value::Object(map) => {
            if let Some(Value::String(reference)) = map.get("$ref") {
                // `pointer` understands the `~0`/`~1` escapes itself.
                let target = reference
                    .strip_prefix('#')
                    .map(|pointer| root.pointer(pointer));
                if !matches!(target, Some(Some(_))) {
                    problems.push(Problem {
                        path: at.to_owned(),
                        message: format!("$ref `{reference}` does not resolve"),
                    });
                }
            }
            for (key, child) in map {
                let child_at = if at.is_empty() {
                    key.clone()
                } else {
                    format!("{at}.{key}")
                };
                check_refs(root, child, &child_at, problems);
            }
        }
        Value::Array(items) => {
            for (index, child) in items.iter().enumerate() {
                check_refs(root, child, &format!("{at}[{index}]"), problems);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codegen::tests::SAMPLE;

    fn problems_after(from: &str, to: &str) -> Vec<String> {
        assert!(SAMPLE.contains(from), "fixture lacks {from:?}");
        let yaml = SAMPLE.replacen(from, to, 1);
        let spec = crate::spec::load::parse(yaml.as_bytes(), "specs/sample.yaml").unwrap();
        check(&spec).iter().map(ToString::to_string).collect()
    }

    #[test]
    fn sample_spec_passes() {
        assert_eq!(check(&crate::codegen::tests::sample_spec()), Vec::new());
    }

    #[test]
    fn missing_operation_id_is_reported_with_its_path() {
        let found = problems_after("      operationId: get_item\n", "");
        assert_eq!(
            found,
            vec!["paths./items.get.operationId: operationId is missing".to_owned()]
        );
    }

    #[test]
    fn example_violating_its_schema_is_reported_with_its_path() {
        let found = problems_after("confidence: 98.5}", "confidence: \"high\"}");
        let expected = "paths./ocr/v1/npwp.post.responses.200.content.application/json.examples.ok\
                        .value.read.npwp.confidence: expected number, found string";
        assert_eq!(found, vec![expected.to_owned()]);
    }

    #[test]
    fn default_response_next_to_a_2xx_is_reported() {
        let default = "        default:\n          description: Anything else.\n          content:\n            \
             application/json:\n              schema:\n                $ref: '#/components/schemas/ErrorEnvelope'\n              \
             example: {status: FAILED}\n        '404':\n";
        let found = problems_after("        '404':\n", default);
        assert_eq!(
            found,
            vec![
                "paths./items.get.responses.default: `default` next to a 2xx response (list error \
                 statuses explicitly)"
                    .to_owned()
            ]
        );
    }

    #[test]
    fn wire_schema_with_another_shape_is_reported() {
        let found = problems_after(
            "    Decimal:\n      description: A number sent as a JSON number or a numeric string.\n      oneOf:\n        - type: number\n        - type: string\n",
            "    Decimal:\n      description: A number.\n      type: number\n",
        );
        let expected = "components.schemas.Decimal: is replaced by an exact wire type";
        assert!(found.iter().any(|p| p.starts_with(expected)), "{found:?}");
        // The example `total: "12345678901234567.89"` no longer fits, and says so too.
        assert!(
            found
                .iter()
                .any(|p| p.ends_with("read.total: expected number, found string"))
        );
    }

    #[test]
    fn every_problem_is_reported_together() {
        let yaml = SAMPLE
            .replacen("      summary: Get an item.\n", "", 1)
            .replacen("openapi: 3.0.3", "openapi: 3.1.0", 1)
            .replacen(
                "'#/components/schemas/ItemQuery'",
                "'#/components/schemas/Nope'",
                1,
            );
        let spec = crate::spec::load::parse(yaml.as_bytes(), "specs/sample.yaml").unwrap();
        let found: Vec<String> = check(&spec).iter().map(|p| p.path.clone()).collect();
        assert!(found.contains(&"openapi".to_owned()), "{found:?}");
        assert!(
            found.contains(&"paths./items.get.summary".to_owned()),
            "{found:?}"
        );
        let dangling = "paths./items.get.requestBody.content.application/json.schema";
        assert!(found.iter().any(|path| path == dangling), "{found:?}");
    }
}
