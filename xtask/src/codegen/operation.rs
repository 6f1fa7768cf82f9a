//! The HTTP parts of a hand-generated operation: parameters, URL template and status arms.

use anyhow::{Context, Result, bail};
use openapiv3::{
    OpenAPI, Operation, Parameter, ParameterSchemaOrContent, ReferenceOr, SchemaKind, Type,
};
use proc_macro2::{Literal, TokenStream};
use quote::quote;
use typify::TypeSpace;

use super::lower::JSON;
use super::names::{component_name, component_type, field_ident};

/// Where a parameter goes.
#[derive(PartialEq)]
pub(super) enum Location {
    /// A `{name}` segment of the path.
    Path,
    /// A query pair.
    Query,
}

/// A path or query parameter of an operation (always a string).
pub(super) struct Param {
    /// The name on the wire.
    pub(super) wire_name: String,
    /// The Rust argument name.
    pub(super) ident: proc_macro2::Ident,
    /// Path or query.
    pub(super) location: Location,
    /// Whether the argument is required (else `Option<&str>`).
    pub(super) required: bool,
    /// The parameter's description, for the method docs.
    pub(super) description: Option<String>,
}

/// The operation's parameters; only inline string path and query parameters are supported.
pub(super) fn parameters(spec: &OpenAPI, operation: &Operation) -> Result<Vec<Param>> {
    let mut params = Vec::new();
    for parameter in &operation.parameters {
        let parameter = match parameter {
            ReferenceOr::Item(parameter) => parameter,
            ReferenceOr::Reference { reference } => reference
                .strip_prefix("#/components/parameters/")
                .and_then(|name| spec.components.as_ref()?.parameters.get(name)?.as_item())
                .with_context(|| format!("parameter `{reference}` does not resolve"))?,
        };
        let (data, location) = match parameter {
            Parameter::Path { parameter_data, .. } => (parameter_data, Location::Path),
            Parameter::Query { parameter_data, .. } => (parameter_data, Location::Query),
            _ => bail!("only path and query parameters are supported in multipart operations"),
        };
        let is_string = matches!(
            &data.format,
            ParameterSchemaOrContent::Schema(ReferenceOr::Item(schema))
                if matches!(schema.schema_kind, SchemaKind::Type(Type::String(_)))
        );
        if !is_string {
            bail!(
                "parameter `{}` must be an inline `type: string` schema",
                data.name
            );
        }
        params.push(Param {
            wire_name: data.name.clone(),
            ident: field_ident(&data.name),
            location,
            required: data.required,
            description: data.description.clone(),
        });
    }
    Ok(params)
}

/// The `format!` template and arguments building the URL, with path parameters encoded.
pub(super) fn url_template(path: &str, params: &[Param]) -> Result<(Literal, Vec<TokenStream>)> {
    let escape = |text: &str| text.replace('{', "{{").replace('}', "}}");
    let mut template = String::from("{}");
    let mut args = Vec::new();
    let mut rest = path;
    while let Some(start) = rest.find('{') {
        template.push_str(&escape(&rest[..start]));
        let after = &rest[start + 1..];
        let end = after
            .find('}')
            .with_context(|| format!("unclosed `{{` in path `{path}`"))?;
        let name = &after[..end];
        let param = params
            .iter()
            .find(|p| p.wire_name == name && p.location == Location::Path)
            .with_context(|| format!("path parameter `{name}` is not declared"))?;
        let ident = &param.ident;
        args.push(quote!(encode_path(&#ident.to_string())));
        template.push_str("{}");
        rest = &after[end + 1..];
    }
    template.push_str(&escape(rest));
    Ok((Literal::string(&template), args))
}

/// The success type, the error type (`()` when none is JSON) and the status match arms.
pub(super) fn responses(
    spec: &OpenAPI,
    type_space: &TypeSpace,
    operation: &Operation,
) -> Result<(TokenStream, TokenStream, Vec<TokenStream>)> {
    let mut success = None;
    let mut error = None;
    let mut arms = Vec::new();
    for (status, response) in &operation.responses.responses {
        let response = super::names::response(spec, response)
            .with_context(|| format!("response {status} does not resolve"))?;
        let Some(media) = response.content.get(JSON) else {
            continue;
        };
        let Some(ReferenceOr::Reference { reference }) = &media.schema else {
            bail!("JSON response {status} must use a $ref schema");
        };
        let name = component_name(reference).context("response schema is not a component")?;
        let ty = component_type(type_space, name)?;
        let pattern = status_pattern(status)?;
        let is_success = matches!(status, openapiv3::StatusCode::Code(200..=299))
            || matches!(status, openapiv3::StatusCode::Range(2));
        if is_success {
            success = Some(ty);
            arms.push(quote!(#pattern => ::taxdoc_client_runtime::decode::success_response(response).await,));
        } else {
            error = Some(ty);
            arms.push(quote!(#pattern => Err(::taxdoc_client_runtime::decode::error_response(response).await),));
        }
    }
    let success = success.context("no application/json 2xx response")?;
    Ok((success, error.unwrap_or_else(|| quote!(())), arms))
}

pub(super) fn status_pattern(status: &openapiv3::StatusCode) -> Result<TokenStream> {
    Ok(match status {
        openapiv3::StatusCode::Code(code) => {
            let code = Literal::u16_suffixed(*code);
            quote!(#code)
        }
        openapiv3::StatusCode::Range(range @ 1..=5) => {
            let low = Literal::u16_suffixed(*range * 100);
            let high = Literal::u16_suffixed(*range * 100 + 99);
            quote!(#low..=#high)
        }
        openapiv3::StatusCode::Range(range) => bail!("invalid status range {range}XX"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn param(name: &str) -> Param {
        Param {
            wire_name: name.to_owned(),
            ident: field_ident(name),
            location: Location::Path,
            required: true,
            description: None,
        }
    }

    #[test]
    fn url_template_encodes_path_parameters_in_order() {
        let (template, args) = url_template(
            "/v2/{project_id}/ocr/{kind}",
            &[param("kind"), param("project_id")],
        )
        .unwrap();
        assert_eq!(template.to_string(), "\"{}/v2/{}/ocr/{}\"");
        let args: Vec<String> = args.iter().map(ToString::to_string).collect();
        assert_eq!(
            args,
            [
                "encode_path (& project_id . to_string ())",
                "encode_path (& kind . to_string ())"
            ]
        );
    }

    #[test]
    fn undeclared_path_parameter_is_an_error() {
        let error = url_template("/v2/{project_id}", &[]).unwrap_err();
        assert_eq!(
            error.to_string(),
            "path parameter `project_id` is not declared"
        );
    }
}
