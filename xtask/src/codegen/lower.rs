//! "Lowering" a spec into the subset progenitor accepts.
//!
//! Operations with a `multipart/form-data` body are removed (the multipart generator emits them),
//! and non-JSON response contents are dropped so those statuses reach progenitor's
//! unexpected-response path instead of becoming a second response type.

use openapiv3::{OpenAPI, Operation, ReferenceOr};

/// The media type of JSON bodies.
pub(crate) const JSON: &str = "application/json";
/// The media type of multipart bodies.
pub(crate) const MULTIPART: &str = "multipart/form-data";

/// A spec prepared for progenitor, with notes about what lowering changed beyond the usual.
#[derive(Debug)]
pub(crate) struct Lowered {
    /// The lowered copy.
    pub(crate) spec: OpenAPI,
    /// Properties that have the same Rust field name and the same schema as an earlier
    /// property of their object (`noNpwp` and `no_npwp`): one field accepts both keys.
    pub(crate) aliases: Vec<PropertyAlias>,
    /// Properties dropped because their Rust field name collides with an earlier property of a
    /// different schema; their values are kept in the struct's `extra` map.
    pub(crate) dropped_properties: Vec<String>,
}

/// A wire key that is read into the field of another property of the same object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PropertyAlias {
    /// The component schema that owns both properties.
    pub(crate) component: String,
    /// The property that keeps its field (the first one declared).
    pub(crate) property: String,
    /// The property read into that field too.
    pub(crate) alias: String,
}

/// Returns a copy of `spec` without multipart operations and without non-JSON response contents.
///
/// Object properties whose Rust field names collide (`noNpwp` and `no_npwp` both become
/// `no_npwp`) would not compile, so the later one is removed from the copy: when both share a
/// schema it becomes an alias of the earlier one (see [`PropertyAlias`]); otherwise it lands in
/// `extra` and is reported.
pub(crate) fn lower(spec: &OpenAPI) -> Lowered {
    let mut lowered = spec.clone();
    let (aliases, dropped_properties) = merge_colliding_properties(&mut lowered);
    for (_, item) in lowered.paths.paths.iter_mut() {
        let ReferenceOr::Item(item) = item else {
            continue;
        };
        for slot in operation_slots(item) {
            if slot.as_ref().is_some_and(|op| is_multipart(spec, op)) {
                *slot = None;
            }
            if let Some(operation) = slot.as_mut() {
                keep_only_json_responses(operation);
            }
        }
    }
    if let Some(components) = lowered.components.as_mut() {
        for response in components.responses.values_mut() {
            if let ReferenceOr::Item(response) = response {
                response.content.retain(|media_type, _| media_type == JSON);
            }
        }
    }
    Lowered {
        spec: lowered,
        aliases,
        dropped_properties,
    }
}

fn merge_colliding_properties(spec: &mut OpenAPI) -> (Vec<PropertyAlias>, Vec<String>) {
    let mut aliases = Vec::new();
    let mut dropped = Vec::new();
    let Some(components) = spec.components.as_mut() else {
        return (aliases, dropped);
    };
    for (name, schema) in components.schemas.iter_mut() {
        let ReferenceOr::Item(schema) = schema else {
            continue;
        };
        let openapiv3::SchemaKind::Type(openapiv3::Type::Object(object)) = &mut schema.schema_kind
        else {
            continue;
        };
        let mut seen: Vec<(String, String, ReferenceOr<Box<openapiv3::Schema>>)> = Vec::new();
        object.properties.retain(|property, schema| {
            let field = super::names::typify_field_name(property);
            match seen.iter().find(|(seen_field, _, _)| *seen_field == field) {
                Some((_, first, first_schema)) if first_schema == schema => {
                    aliases.push(PropertyAlias {
                        component: name.clone(),
                        property: first.clone(),
                        alias: property.clone(),
                    });
                    false
                }
                Some(_) => {
                    dropped.push(format!("components.schemas.{name}.properties.{property}"));
                    false
                }
                None => {
                    seen.push((field, property.clone(), schema.clone()));
                    true
                }
            }
        });
        object
            .required
            .retain(|required| object.properties.contains_key(required));
    }
    (aliases, dropped)
}

/// Whether the operation's request body is `multipart/form-data`.
pub(crate) fn is_multipart(spec: &OpenAPI, operation: &Operation) -> bool {
    super::names::request_body(spec, operation)
        .is_some_and(|body| body.content.contains_key(MULTIPART))
}

fn keep_only_json_responses(operation: &mut Operation) {
    let responses = operation
        .responses
        .default
        .iter_mut()
        .chain(operation.responses.responses.values_mut());
    for response in responses {
        if let ReferenceOr::Item(response) = response {
            response.content.retain(|media_type, _| media_type == JSON);
        }
    }
}

/// Mutable access to each operation slot of a path item, in a fixed order.
pub(crate) fn operation_slots(item: &mut openapiv3::PathItem) -> [&mut Option<Operation>; 8] {
    [
        &mut item.get,
        &mut item.put,
        &mut item.post,
        &mut item.delete,
        &mut item.options,
        &mut item.head,
        &mut item.patch,
        &mut item.trace,
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowering_removes_multipart_operations_and_non_json_responses() {
        let spec = crate::codegen::tests::sample_spec();
        let lowered = lower(&spec.openapi).spec;
        let npwp = lowered
            .paths
            .paths
            .get("/ocr/v1/npwp")
            .and_then(|item| item.as_item());
        assert!(npwp.is_some_and(|item| item.post.is_none()));
        let items = lowered
            .paths
            .paths
            .get("/items")
            .and_then(|item| item.as_item());
        let get = items.and_then(|item| item.get.as_ref());
        assert!(get.is_some(), "JSON operation must be kept");
        let original = spec
            .openapi
            .paths
            .paths
            .get("/ocr/v1/npwp")
            .and_then(|i| i.as_item());
        assert!(original.is_some_and(|item| {
            item.post
                .as_ref()
                .is_some_and(|op| is_multipart(&spec.openapi, op))
        }));
    }
}
