//! Running progenitor on a lowered spec, turning its panics into errors.

use std::panic::{self, AssertUnwindSafe};
use std::sync::Mutex;

use anyhow::{Result, anyhow};
use openapiv3::OpenAPI;
use proc_macro2::TokenStream;
use progenitor::{GenerationSettings, Generator, HooksMode, InterfaceStyle, TagStyle, TypeImpl};
use quote::quote;

use super::lower::operation_slots;

/// Path of the exact decimal wire type that replaces the `Decimal` schema.
pub(crate) const WIRE_DECIMAL: &str = "::taxdoc_client_runtime::wire::WireDecimal";
/// Path of the text-or-number wire type that replaces the `TextOrNumber` schema.
pub(crate) const WIRE_TEXT_OR_NUMBER: &str = "::taxdoc_client_runtime::wire::TextOrNumber";

/// Serializes panic-hook swapping between threads (tests run generation in parallel).
static PANIC_HOOK: Mutex<()> = Mutex::new(());

/// The progenitor settings every client is generated with.
pub(crate) fn settings() -> GenerationSettings {
    let mut settings = GenerationSettings::default();
    settings
        .with_interface(InterfaceStyle::Positional)
        .with_tag(TagStyle::Merged)
        .with_inner_type(quote!(crate::auth::Auth))
        .with_hooks(HooksMode::Expected)
        .with_derive("PartialEq")
        .with_replacement(
            "Decimal",
            WIRE_DECIMAL,
            [TypeImpl::Display, TypeImpl::FromStr].into_iter(),
        )
        .with_replacement(
            "TextOrNumber",
            WIRE_TEXT_OR_NUMBER,
            [TypeImpl::Display].into_iter(),
        )
        .with_conversion(
            password_schema(),
            WIRE_SECRET,
            [TypeImpl::Display].into_iter(),
        );
    settings
}

/// The runtime type of `type: string, format: password` values: serialized as sent, never
/// shown by `Debug`.
const WIRE_SECRET: &str = "::taxdoc_client_runtime::wire::WireSecret";

/// `{type: string, format: password}`; typify ignores descriptions when matching conversions.
fn password_schema() -> schemars08::schema::SchemaObject {
    schemars08::schema::SchemaObject {
        instance_type: Some(schemars08::schema::InstanceType::String.into()),
        format: Some("password".to_owned()),
        ..Default::default()
    }
}

/// Generates tokens for `spec`, returning the generator (for its type space) and the tokens.
///
/// A progenitor panic becomes an error naming the spec and, when it can be narrowed down by
/// generating each operation alone, the operation.
pub(crate) fn generate(spec: &OpenAPI, spec_path: &str) -> Result<(Generator, TokenStream)> {
    match run_silently(spec) {
        Ok(Ok(result)) => Ok(result),
        Ok(Err(error)) => Err(anyhow!(
            "{spec_path}: progenitor rejected the spec: {error}"
        )),
        Err(message) => {
            let culprit = find_panicking_operation(spec);
            let location = culprit.map_or_else(String::new, |op| format!(" in operation `{op}`"));
            Err(anyhow!(
                "{spec_path}: progenitor panicked{location}: {message}"
            ))
        }
    }
}

type Outcome =
    std::result::Result<std::result::Result<(Generator, TokenStream), progenitor::Error>, String>;

/// Runs progenitor under `catch_unwind` with the default panic output silenced.
fn run_silently(spec: &OpenAPI) -> Outcome {
    let _guard = PANIC_HOOK
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    let previous = panic::take_hook();
    panic::set_hook(Box::new(|_| {}));
    let result = panic::catch_unwind(AssertUnwindSafe(|| {
        let mut generator = Generator::new(&settings());
        generator
            .generate_tokens(spec)
            .map(|tokens| (generator, tokens))
    }));
    panic::set_hook(previous);
    result.map_err(|payload| panic_message(payload.as_ref()))
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(text) = payload.downcast_ref::<&str>() {
        (*text).to_owned()
    } else if let Some(text) = payload.downcast_ref::<String>() {
        text.clone()
    } else {
        "unknown panic".to_owned()
    }
}

/// Generates the spec once per operation (all others removed) and returns the first operation
/// whose generation panics.
fn find_panicking_operation(spec: &OpenAPI) -> Option<String> {
    let operations = operation_ids(spec);
    operations.into_iter().find(|target| {
        let mut single = spec.clone();
        for (_, item) in single.paths.paths.iter_mut() {
            let openapiv3::ReferenceOr::Item(item) = item else {
                continue;
            };
            for slot in operation_slots(item) {
                let keep = slot
                    .as_ref()
                    .is_some_and(|op| op.operation_id.as_ref() == Some(target));
                if !keep {
                    *slot = None;
                }
            }
        }
        run_silently(&single).is_err()
    })
}

fn operation_ids(spec: &OpenAPI) -> Vec<String> {
    spec.operations()
        .filter_map(|(_, _, op)| op.operation_id.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_progenitor_panic_becomes_an_error_naming_spec_and_operation() {
        let yaml = crate::codegen::tests::SAMPLE.replacen(
            "            examples:\n              one:\n",
            "            examples:\n              one:\n                value: {id: \"a1\"}\n          \
             text/plain:\n            schema:\n              type: string\n            examples:\n              two:\n",
            1,
        );
        let spec = crate::spec::load::parse(yaml.as_bytes(), "specs/sample.yaml").unwrap();
        let lowered = crate::codegen::lower::lower(&spec.openapi).spec;
        let error = generate(&lowered, "specs/sample.yaml")
            .map(|_| ())
            .unwrap_err()
            .to_string();
        assert!(
            error.starts_with("specs/sample.yaml: progenitor panicked in operation `get_item`"),
            "{error}"
        );
    }

    #[test]
    fn a_progenitor_error_names_the_spec() {
        let yaml = crate::codegen::tests::SAMPLE.replacen("openapi: 3.0.3", "openapi: 3.1.0", 1);
        let spec = crate::spec::load::parse(yaml.as_bytes(), "specs/sample.yaml").unwrap();
        let error = generate(&spec.openapi, "specs/sample.yaml")
            .map(|_| ())
            .unwrap_err()
            .to_string();
        assert!(
            error.starts_with("specs/sample.yaml: progenitor rejected the spec"),
            "{error}"
        );
    }
}
