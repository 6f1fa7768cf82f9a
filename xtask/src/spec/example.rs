//! A small JSON validator over OpenAPI 3.0 schemas, used to check every example in a spec.
//!
//! Supported: `type` (string, number, integer, boolean, object, array), `nullable`, `enum` of
//! strings, `required`, `properties`, `additionalProperties` (false / schema), `items`,
//! `oneOf` (exactly one must match), `anyOf` (at least one), `allOf` (all). String formats,
//! including `binary` and `byte`, are not checked. `$ref`s to component schemas are followed.

use openapiv3::{AdditionalProperties, ObjectType, OpenAPI, ReferenceOr, Schema, SchemaKind, Type};
use serde_json::Value;

use super::check::Problem;

/// Deepest `$ref` nesting followed before giving up (guards against cyclic schemas).
const MAX_DEPTH: usize = 64;

/// Validates `value` against `schema`, appending one problem per mismatch; `path` locates
/// `value` in the spec (e.g. `paths./x.post.responses.200...examples.ok.value`).
pub(crate) fn validate(
    spec: &OpenAPI,
    schema: &ReferenceOr<Schema>,
    value: &Value,
    path: &str,
    problems: &mut Vec<Problem>,
) {
    Validator { spec, problems }.check(schema, value, path, 0);
}

/// Validates against a boxed schema reference (the shape used for properties and items).
fn unbox(schema: &ReferenceOr<Box<Schema>>) -> ReferenceOr<Schema> {
    match schema {
        ReferenceOr::Reference { reference } => ReferenceOr::Reference {
            reference: reference.clone(),
        },
        ReferenceOr::Item(schema) => ReferenceOr::Item((**schema).clone()),
    }
}

struct Validator<'a> {
    spec: &'a OpenAPI,
    problems: &'a mut Vec<Problem>,
}

impl Validator<'_> {
    fn report(&mut self, path: &str, message: String) {
        self.problems.push(Problem {
            path: path.to_owned(),
            message,
        });
    }

    fn check(&mut self, schema: &ReferenceOr<Schema>, value: &Value, path: &str, depth: usize) {
        if depth > MAX_DEPTH {
            self.report(path, "schema nesting too deep (cyclic $ref?)".to_owned());
            return;
        }
        let schema = match schema {
            ReferenceOr::Item(schema) => schema,
            ReferenceOr::Reference { reference } => {
                match crate::codegen::names::component_name(reference)
                    .and_then(|name| crate::codegen::names::component(self.spec, name))
                {
                    Some(schema) => schema,
                    None => {
                        return self.report(path, format!("$ref `{reference}` does not resolve"));
                    }
                }
            }
        };
        if value.is_null() && schema.schema_data.nullable {
            return;
        }
        match &schema.schema_kind {
            SchemaKind::Type(ty) => self.check_type(ty, value, path, depth),
            SchemaKind::OneOf { one_of } => {
                let matching = one_of
                    .iter()
                    .filter(|s| self.matches(s, value, depth))
                    .count();
                if matching != 1 {
                    let message = format!(
                        "expected exactly one `oneOf` alternative to match {}, {matching} matched",
                        kind(value)
                    );
                    self.report(path, message);
                }
            }
            SchemaKind::AnyOf { any_of } => {
                if !any_of.iter().any(|s| self.matches(s, value, depth)) {
                    self.report(
                        path,
                        format!("no `anyOf` alternative matches {}", kind(value)),
                    );
                }
            }
            SchemaKind::AllOf { all_of } => {
                for schema in all_of {
                    self.check(schema, value, path, depth + 1);
                }
            }
            SchemaKind::Not { .. } | SchemaKind::Any(_) => {}
        }
    }

    fn matches(&mut self, schema: &ReferenceOr<Schema>, value: &Value, depth: usize) -> bool {
        let mut scratch = Vec::new();
        Validator {
            spec: self.spec,
            problems: &mut scratch,
        }
        .check(schema, value, "", depth + 1);
        scratch.is_empty()
    }

    fn check_type(&mut self, ty: &Type, value: &Value, path: &str, depth: usize) {
        let ok = match (ty, value) {
            (Type::String(string), Value::String(text)) => {
                let allowed: Vec<&str> = string
                    .enumeration
                    .iter()
                    .flatten()
                    .map(String::as_str)
                    .collect();
                if !allowed.is_empty() && !allowed.contains(&text.as_str()) {
                    self.report(path, format!("`{text}` is not one of {allowed:?}"));
                }
                true
            }
            (Type::Number(_), Value::Number(_)) | (Type::Boolean(_), Value::Bool(_)) => true,
            (Type::Integer(_), Value::Number(number)) => number.is_i64() || number.is_u64(),
            (Type::Object(object), Value::Object(map)) => {
                self.check_object(object, map, path, depth);
                true
            }
            (Type::Array(array), Value::Array(items)) => {
                if let Some(item_schema) = &array.items {
                    let item_schema = unbox(item_schema);
                    for (index, item) in items.iter().enumerate() {
                        self.check(&item_schema, item, &format!("{path}[{index}]"), depth + 1);
                    }
                }
                true
            }
            _ => false,
        };
        if !ok {
            self.report(
                path,
                format!("expected {}, found {}", type_name(ty), kind(value)),
            );
        }
    }

    fn check_object(
        &mut self,
        object: &ObjectType,
        map: &serde_json::Map<String, Value>,
        path: &str,
        depth: usize,
    ) {
        for required in &object.required {
            if !map.contains_key(required) {
                self.report(path, format!("missing required property `{required}`"));
            }
        }
        for (key, value) in map {
            let child = format!("{path}.{key}");
            match (object.properties.get(key), &object.additional_properties) {
                (Some(schema), _) => self.check(&unbox(schema), value, &child, depth + 1),
                (None, Some(AdditionalProperties::Any(false))) => {
                    self.report(
                        &child,
                        "property not allowed (additionalProperties: false)".to_owned(),
                    );
                }
                (None, Some(AdditionalProperties::Schema(schema))) => {
                    self.check(schema, value, &child, depth + 1);
                }
                (None, _) => {}
            }
        }
    }
}

fn type_name(ty: &Type) -> &'static str {
    match ty {
        Type::String(_) => "string",
        Type::Number(_) => "number",
        Type::Integer(_) => "integer",
        Type::Boolean(_) => "boolean",
        Type::Object(_) => "object",
        Type::Array(_) => "array",
    }
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(number) if number.is_f64() => "number",
        Value::Number(_) => "integer",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec() -> OpenAPI {
        crate::codegen::tests::sample_spec().openapi
    }

    fn problems(component: &str, value: Value) -> Vec<String> {
        let spec = spec();
        let schema = ReferenceOr::Reference {
            reference: format!("#/components/schemas/{component}"),
        };
        let mut problems = Vec::new();
        validate(&spec, &schema, &value, "ex", &mut problems);
        problems.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn valid_example_has_no_problems() {
        let value = serde_json::json!({"status": "SUCCESS", "traceId": null, "read": {"total": 12.5, "npwp": {"value": "x", "confidence": 1}}});
        assert_eq!(problems("NpwpResponse", value), Vec::<String>::new());
    }

    #[test]
    fn wrong_types_and_missing_required_are_reported_with_paths() {
        let value = serde_json::json!({"read": {"npwp": {"confidence": "high"}, "total": true}, "tags": [1]});
        let found = problems("NpwpResponse", value);
        assert!(
            found.contains(&"ex: missing required property `status`".to_owned()),
            "{found:?}"
        );
        assert!(
            found.contains(&"ex.read.npwp.confidence: expected number, found string".to_owned()),
            "{found:?}"
        );
        assert!(
            found
                .iter()
                .any(|p| p.starts_with("ex.read.total: expected exactly one `oneOf`")),
            "{found:?}"
        );
        assert!(
            found.contains(&"ex.tags[0]: expected string, found integer".to_owned()),
            "{found:?}"
        );
    }
}
