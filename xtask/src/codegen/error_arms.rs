//! Routing progenitor's response decoding through the size-capped runtime decoders.
//!
//! Success arms `ResponseValue::from_response(response).await` become
//! `::taxdoc_client_runtime::decode::success_response(response).await`; error arms
//! `Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))` become
//! `Err(::taxdoc_client_runtime::decode::error_response(response).await)`, so an error body that
//! is not the documented envelope keeps its status, headers and bytes.

use quote::quote;
use syn::visit_mut::{self, VisitMut};

/// Rewrites all matching arms in `file`; returns how many were rewritten.
pub(crate) fn rewrite(file: &mut syn::File) -> usize {
    let mut rewriter = ArmRewriter { count: 0 };
    rewriter.visit_file_mut(file);
    rewriter.count
}

struct ArmRewriter {
    count: usize,
}

/// The arm body without whitespace and without one enclosing block (progenitor emits both
/// `a => expr` and `a => { expr }`).
fn normalized(expr: &syn::Expr) -> String {
    let text: String = quote!(#expr).to_string().split_whitespace().collect();
    match text
        .strip_prefix('{')
        .and_then(|inner| inner.strip_suffix('}'))
    {
        Some(inner) => inner.to_owned(),
        None => text,
    }
}

impl VisitMut for ArmRewriter {
    fn visit_arm_mut(&mut self, arm: &mut syn::Arm) {
        let body = normalized(&arm.body);
        if body == "ResponseValue::from_response(response).await" {
            *arm.body = syn::parse_quote!(
                ::taxdoc_client_runtime::decode::success_response(response).await
            );
            self.count += 1;
        } else if body == "Err(Error::ErrorResponse(ResponseValue::from_response(response).await?))"
        {
            *arm.body = syn::parse_quote!(Err(::taxdoc_client_runtime::decode::error_response(
                response
            )
            .await));
            self.count += 1;
        }
        visit_mut::visit_arm_mut(self, arm);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn success_and_error_arms_are_routed_through_the_runtime() {
        let mut file: syn::File = syn::parse_quote! {
            async fn op() {
                match response.status().as_u16() {
                    200u16 => { ResponseValue::from_response(response).await }
                    400u16 => Err(Error::ErrorResponse(ResponseValue::from_response(response).await?)),
                    _ => Err(Error::UnexpectedResponse(response)),
                }
            }
        };
        assert_eq!(rewrite(&mut file), 2);
        let text: String = quote!(#file).to_string().split_whitespace().collect();
        assert!(text.contains(
            "200u16=>::taxdoc_client_runtime::decode::success_response(response).await,"
        ));
        assert!(text.contains(
            "400u16=>Err(::taxdoc_client_runtime::decode::error_response(response).await)"
        ));
        assert!(text.contains("_=>Err(Error::UnexpectedResponse(response))"));
        assert!(!text.contains("from_response"));
    }
}
