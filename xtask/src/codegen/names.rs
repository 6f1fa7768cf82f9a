//! Resolving schema references and Rust names.

use anyhow::{Result, anyhow};
use openapiv3::{OpenAPI, ReferenceOr, Schema};
use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;
use typify::TypeSpace;

const SCHEMA_PREFIX: &str = "#/components/schemas/";

/// The component name of a `#/components/schemas/<name>` reference.
pub(crate) fn component_name(reference: &str) -> Option<&str> {
    reference.strip_prefix(SCHEMA_PREFIX)
}

/// Looks a component schema up by name.
pub(crate) fn component<'a>(spec: &'a OpenAPI, name: &str) -> Option<&'a Schema> {
    let schemas = &spec.components.as_ref()?.schemas;
    match schemas.get(name)? {
        ReferenceOr::Item(schema) => Some(schema),
        ReferenceOr::Reference { reference } => component(spec, component_name(reference)?),
    }
}

/// The fully qualified Rust type (`types::Name`) typify generated for a component schema.
pub(crate) fn component_type(type_space: &TypeSpace, component: &str) -> Result<TokenStream> {
    // typify PascalCases names with heck; compare letters and digits only, ignoring case.
    let wanted = normalized(component);
    let found = type_space
        .iter_types()
        .find(|ty| normalized(&ty.name()) == wanted);
    let ty =
        found.ok_or_else(|| anyhow!("no generated type for component schema `{component}`"))?;
    let ident = Ident::new(&ty.name(), Span::call_site());
    Ok(quote!(types::#ident))
}

fn normalized(name: &str) -> String {
    name.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// A snake_case Rust identifier for a property or parameter name (raw for keywords).
pub(crate) fn field_ident(name: &str) -> Ident {
    let mut snake = String::new();
    for (index, c) in name.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if index > 0 && !snake.ends_with('_') {
                snake.push('_');
            }
            snake.push(c.to_ascii_lowercase());
        } else if c.is_ascii_alphanumeric() {
            snake.push(c);
        } else if !snake.ends_with('_') {
            snake.push('_');
        }
    }
    if snake.is_empty() || snake.starts_with(|c: char| c.is_ascii_digit()) {
        snake.insert(0, '_');
    }
    match syn::parse_str::<Ident>(&snake) {
        Ok(ident) => ident,
        Err(_) => Ident::new_raw(&snake, Span::call_site()),
    }
}

/// The Rust field name typify gives an object property: heck's snake_case of the name, with a
/// trailing `_` when that is not a valid identifier (`type` becomes `type_`). Two properties of
/// one object with the same field name would not compile (see `lower::PropertyAlias`).
pub(crate) fn typify_field_name(property: &str) -> String {
    use heck::ToSnakeCase;
    let cleaned = property
        .replace('\'', "")
        .replace(|c: char| !(c.is_alphanumeric() || c == '_'), "-");
    let snake = cleaned.to_snake_case();
    let snake = match snake.chars().next() {
        None => "x".to_owned(),
        Some(c) if c.is_alphabetic() || c == '_' => snake,
        Some(_) => format!("x{snake}"),
    };
    if syn::parse_str::<Ident>(&snake).is_ok() && snake != "_" {
        snake
    } else {
        format!("{snake}_")
    }
}

/// The Rust type name typify gives a component: heck's PascalCase of the name.
pub(crate) fn type_ident_text(component: &str) -> String {
    let mut out = String::new();
    let mut upper_next = true;
    for c in component.chars() {
        if !c.is_ascii_alphanumeric() {
            upper_next = true;
        } else if upper_next {
            out.push(c.to_ascii_uppercase());
            upper_next = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// The request body of an operation, following a `#/components/requestBodies/` reference.
pub(crate) fn request_body<'a>(
    spec: &'a OpenAPI,
    operation: &'a openapiv3::Operation,
) -> Option<&'a openapiv3::RequestBody> {
    match operation.request_body.as_ref()? {
        ReferenceOr::Item(body) => Some(body),
        ReferenceOr::Reference { reference } => {
            let name = reference.strip_prefix("#/components/requestBodies/")?;
            spec.components
                .as_ref()?
                .request_bodies
                .get(name)?
                .as_item()
        }
    }
}

/// A response, following a `#/components/responses/` reference.
pub(crate) fn response<'a>(
    spec: &'a OpenAPI,
    response: &'a ReferenceOr<openapiv3::Response>,
) -> Option<&'a openapiv3::Response> {
    match response {
        ReferenceOr::Item(response) => Some(response),
        ReferenceOr::Reference { reference } => {
            let name = reference.strip_prefix("#/components/responses/")?;
            spec.components.as_ref()?.responses.get(name)?.as_item()
        }
    }
}

#[cfg(test)]
mod typify_name_tests {
    use super::typify_field_name;

    #[test]
    fn field_names_follow_typify() {
        assert_eq!(typify_field_name("noNpwp"), "no_npwp");
        assert_eq!(typify_field_name("no_npwp"), "no_npwp");
        assert_eq!(typify_field_name("NPWP"), "npwp");
        assert_eq!(typify_field_name("type"), "type_");
        assert_eq!(typify_field_name("class"), "class");
        assert_eq!(typify_field_name("a-b c"), "a_b_c");
    }
}
