//! Generating `multipart/form-data` operations, which progenitor does not support.
//!
//! For each multipart operation this emits a body struct in `types` (named after the body
//! component; binary fields are `FilePart`, text fields `String`) with a `to_form` method, and a
//! client method in progenitor's positional style with the same hook sequence
//! (`pre`, `exec`, `post`) and status matching as progenitor's own methods.

use anyhow::{Context, Result, anyhow, bail};
use openapiv3::{OpenAPI, Operation, ReferenceOr, SchemaKind, Type, VariantOrUnknownOrEmpty};
use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};
use typify::TypeSpace;

use super::lower::{MULTIPART, is_multipart};
use super::names::{component, component_name, field_ident, request_body};
use super::operation::{Location, Param, parameters, responses, url_template};

/// Generated multipart code: body structs (for `mod types`) and client methods.
#[derive(Debug, Default)]
pub(crate) struct MultipartCode {
    /// Body structs, placed inside `mod types`.
    pub(crate) types: Vec<TokenStream>,
    /// Methods, placed in an `impl Client` block.
    pub(crate) methods: Vec<TokenStream>,
}

/// Names of the component schemas used as multipart bodies.
pub(crate) fn body_components(spec: &OpenAPI) -> Vec<String> {
    spec.operations()
        .filter(|(_, _, op)| is_multipart(spec, op))
        .filter_map(|(_, _, op)| body_reference(spec, op).ok())
        .map(str::to_owned)
        .collect()
}

/// Generates the multipart operations of `spec`.
pub(crate) fn generate(spec: &OpenAPI, type_space: &TypeSpace) -> Result<MultipartCode> {
    let mut code = MultipartCode::default();
    let mut seen_bodies = Vec::new();
    for (path, method, operation) in spec
        .operations()
        .filter(|(_, _, op)| is_multipart(spec, op))
    {
        let id = operation
            .operation_id
            .as_deref()
            .unwrap_or("<missing operationId>");
        let context = || format!("multipart operation `{id}` ({method} {path})");
        let body = body_reference(spec, operation).with_context(context)?;
        if !seen_bodies.iter().any(|seen| seen == body) {
            code.types
                .push(body_struct(spec, body).with_context(context)?);
            seen_bodies.push(body.to_owned());
        }
        let method_tokens = client_method(spec, type_space, path, method, operation, body);
        code.methods.push(method_tokens.with_context(context)?);
    }
    Ok(code)
}

fn body_reference<'a>(spec: &'a OpenAPI, operation: &'a Operation) -> Result<&'a str> {
    let body = request_body(spec, operation).context("request body does not resolve")?;
    let media = body
        .content
        .get(MULTIPART)
        .context("no multipart/form-data content")?;
    match &media.schema {
        Some(ReferenceOr::Reference { reference }) => component_name(reference)
            .ok_or_else(|| anyhow!("body schema `{reference}` is not a component schema")),
        _ => bail!("multipart body schema must be a $ref to a component schema"),
    }
}

/// One multipart field: wire name, Rust ident, whether it is a file, whether it is required.
struct Field {
    wire_name: String,
    ident: proc_macro2::Ident,
    is_file: bool,
    required: bool,
    description: Option<String>,
}

fn body_fields(spec: &OpenAPI, body: &str) -> Result<Vec<Field>> {
    let schema = component(spec, body).with_context(|| format!("component `{body}` not found"))?;
    let SchemaKind::Type(Type::Object(object)) = &schema.schema_kind else {
        bail!("multipart body `{body}` must be an object schema");
    };
    let mut fields = Vec::new();
    for (name, property) in &object.properties {
        let ReferenceOr::Item(property) = property else {
            bail!("multipart field `{name}` must be an inline string schema");
        };
        let SchemaKind::Type(Type::String(string)) = &property.schema_kind else {
            bail!("multipart field `{name}` must be `type: string`");
        };
        let is_file = matches!(
            &string.format,
            VariantOrUnknownOrEmpty::Item(openapiv3::StringFormat::Binary)
        );
        fields.push(Field {
            wire_name: name.clone(),
            ident: field_ident(name),
            is_file,
            required: object.required.contains(name),
            description: property.schema_data.description.clone(),
        });
    }
    Ok(fields)
}

fn body_struct(spec: &OpenAPI, body: &str) -> Result<TokenStream> {
    let fields = body_fields(spec, body)?;
    let name = format_ident!("{}", super::names::type_ident_text(body));
    let description = doc_attrs(
        &component(spec, body)
            .and_then(|schema| schema.schema_data.description.clone())
            .unwrap_or_else(|| format!("The multipart/form-data body `{body}`.")),
    );
    let declarations = fields.iter().map(|field| {
        let ident = &field.ident;
        let base = if field.is_file {
            quote!(::taxdoc_client_runtime::multipart::FilePart)
        } else {
            quote!(::std::string::String)
        };
        let ty = if field.required {
            base
        } else {
            quote!(::std::option::Option<#base>)
        };
        let doc = doc_attrs(
            &field
                .description
                .clone()
                .unwrap_or_else(|| format!("Form field `{}`.", field.wire_name)),
        );
        quote! { #doc pub #ident: #ty, }
    });
    let appends = fields.iter().map(|field| {
        let ident = &field.ident;
        let wire = Literal::string(&field.wire_name);
        let append = if field.is_file {
            quote!(form = form.part(#wire, value.to_part()?);)
        } else {
            quote!(form = form.text(#wire, value.clone());)
        };
        if field.required {
            quote! { { let value = &self.#ident; #append } }
        } else {
            quote! { if let Some(value) = &self.#ident { #append } }
        }
    });
    let form_doc = format!(" Builds the `multipart/form-data` form for `{body}`.");
    Ok(quote! {
        #description
        #[derive(Clone, Debug, PartialEq)]
        pub struct #name { #(#declarations)* }

        impl #name {
            #[doc = #form_doc]
            ///
            /// Fails when a file part's content type is not a valid MIME type.
            pub fn to_form(
                &self,
            ) -> ::std::result::Result<
                ::reqwest::multipart::Form,
                ::taxdoc_client_runtime::multipart::InvalidContentType,
            > {
                #[allow(unused_mut)]
                let mut form = ::reqwest::multipart::Form::new();
                #(#appends)*
                Ok(form)
            }
        }
    })
}

fn client_method(
    spec: &OpenAPI,
    type_space: &TypeSpace,
    path: &str,
    method: &str,
    operation: &Operation,
    body: &str,
) -> Result<TokenStream> {
    let id = operation
        .operation_id
        .as_deref()
        .context("missing operationId")?;
    let name = format_ident!("{}", id);
    // The body struct is emitted by `body_struct`, not by typify (its component is removed
    // from the lowered spec), so its name is derived the same way here.
    let body_ident = format_ident!("{}", super::names::type_ident_text(body));
    let params = parameters(spec, operation)?;
    let (success, error, arms) = responses(spec, type_space, operation)?;

    let arguments = params.iter().map(|param| {
        let ident = &param.ident;
        if param.required {
            quote!(#ident: &'a str,)
        } else {
            quote!(#ident: Option<&'a str>,)
        }
    });
    let (url_format, url_args) = url_template(path, &params)?;
    let queries = params
        .iter()
        .filter(|p| p.location == Location::Query)
        .map(|param| {
            let ident = &param.ident;
            let wire = Literal::string(&param.wire_name);
            quote!(.query(&progenitor_client::QueryParam::new(#wire, &#ident)))
        });
    let http_method = format_ident!("{}", method);
    let mut doc = method_doc(operation, method, path, &params);
    doc.push_str(&file_content_types(spec, operation));
    let doc = doc_attrs(&doc);
    Ok(quote! {
        #doc
        pub async fn #name<'a>(
            &'a self,
            #(#arguments)*
            body: &'a types::#body_ident,
        ) -> Result<ResponseValue<#success>, Error<#error>> {
            let url = format!(#url_format, self.baseurl, #(#url_args,)*);
            let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
            header_map.append(
                ::reqwest::header::HeaderName::from_static("api-version"),
                ::reqwest::header::HeaderValue::from_static(Self::api_version()),
            );
            let form = body.to_form().map_err(|error| Error::InvalidRequest(error.to_string()))?;
            #[allow(unused_mut)]
            let mut request = self
                .client
                .#http_method(url)
                .header(
                    ::reqwest::header::ACCEPT,
                    ::reqwest::header::HeaderValue::from_static("application/json"),
                )
                .multipart(form)
                #(#queries)*
                .headers(header_map)
                .build()?;
            let info = OperationInfo { operation_id: #id };
            self.pre(&mut request, &info).await?;
            let result = self.exec(request, &info).await;
            self.post(&result, &info).await?;
            let response = result?;
            match response.status().as_u16() {
                #(#arms)*
                _ => Err(Error::UnexpectedResponse(response)),
            }
        }
    })
}

fn method_doc(operation: &Operation, method: &str, path: &str, params: &[Param]) -> String {
    let mut doc = String::new();
    for text in [&operation.summary, &operation.description]
        .into_iter()
        .flatten()
    {
        doc.push_str(text.trim());
        doc.push_str("\n\n");
    }
    doc.push_str(&format!(
        "Sends a `{}` request to `{path}` as `multipart/form-data`\n\nArguments:\n",
        method.to_uppercase()
    ));
    for param in params {
        let description = param.description.as_deref().unwrap_or("");
        doc.push_str(&format!("- `{}`: {description}\n", param.ident));
    }
    doc.push_str("- `body`: the form fields and files\n");
    doc
}

/// Doc lines listing the file content types from the body's `encoding` map, if any.
fn file_content_types(spec: &OpenAPI, operation: &Operation) -> String {
    let Some(media) = request_body(spec, operation).and_then(|body| body.content.get(MULTIPART))
    else {
        return String::new();
    };
    let mut doc = String::new();
    for (field, encoding) in &media.encoding {
        if let Some(types) = &encoding.content_type {
            doc.push_str(&format!("  - `{field}` content types: `{types}`\n"));
        }
    }
    doc
}

/// One `#[doc]` attribute per line, each printed as `/// line`. Unlike a single multi-line
/// attribute (printed as a `/** */` block) this is robust against `*/` in the text, as in
/// `image/*`.
fn doc_attrs(text: &str) -> TokenStream {
    let lines = text.trim().lines().map(|line| {
        let line = line.trim_end();
        if line.is_empty() {
            String::new()
        } else {
            format!(" {line}")
        }
    });
    quote!(#(#[doc = #lines])*)
}
