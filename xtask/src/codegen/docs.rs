//! Doc comments as line comments.
//!
//! progenitor and typify emit a description with several lines as one `#[doc = "..."]`
//! attribute, which prettyplease prints as a `/** ... */` block. rustfmt then indents the
//! block's later lines, and rustdoc reads four-space-indented doc lines as code: the generated
//! crate's doctests would fail to compile. Splitting each such attribute into one attribute per
//! line makes every line a `///` comment, which rustfmt leaves alone.

use proc_macro2::Span;
use syn::visit_mut::{self, VisitMut};
use syn::{Attribute, Expr, ExprLit, Item, Lit, LitStr, Meta};

/// Splits every multi-line doc attribute in `file` into single-line ones.
pub(crate) fn split_multiline_docs(file: &mut syn::File) {
    SplitDocs.visit_file_mut(file);
}

struct SplitDocs;

impl VisitMut for SplitDocs {
    fn visit_item_mut(&mut self, item: &mut Item) {
        if let Some(attrs) = item_attrs(item) {
            split(attrs);
        }
        visit_mut::visit_item_mut(self, item);
    }

    fn visit_field_mut(&mut self, field: &mut syn::Field) {
        split(&mut field.attrs);
        visit_mut::visit_field_mut(self, field);
    }

    fn visit_variant_mut(&mut self, variant: &mut syn::Variant) {
        split(&mut variant.attrs);
        visit_mut::visit_variant_mut(self, variant);
    }

    fn visit_impl_item_fn_mut(&mut self, function: &mut syn::ImplItemFn) {
        split(&mut function.attrs);
        visit_mut::visit_impl_item_fn_mut(self, function);
    }

    fn visit_trait_item_fn_mut(&mut self, function: &mut syn::TraitItemFn) {
        split(&mut function.attrs);
        visit_mut::visit_trait_item_fn_mut(self, function);
    }
}

fn item_attrs(item: &mut Item) -> Option<&mut Vec<Attribute>> {
    Some(match item {
        Item::Const(item) => &mut item.attrs,
        Item::Enum(item) => &mut item.attrs,
        Item::Fn(item) => &mut item.attrs,
        Item::Impl(item) => &mut item.attrs,
        Item::Mod(item) => &mut item.attrs,
        Item::Static(item) => &mut item.attrs,
        Item::Struct(item) => &mut item.attrs,
        Item::Trait(item) => &mut item.attrs,
        Item::Type(item) => &mut item.attrs,
        Item::Union(item) => &mut item.attrs,
        Item::Use(item) => &mut item.attrs,
        _ => return None,
    })
}

/// The text of a `#[doc = "..."]` attribute.
fn doc_text(attr: &Attribute) -> Option<String> {
    let Meta::NameValue(pair) = &attr.meta else {
        return None;
    };
    if !pair.path.is_ident("doc") {
        return None;
    }
    match &pair.value {
        Expr::Lit(ExprLit {
            lit: Lit::Str(text),
            ..
        }) => Some(text.value()),
        _ => None,
    }
}

fn split(attrs: &mut Vec<Attribute>) {
    if !attrs
        .iter()
        .any(|attr| doc_text(attr).is_some_and(|text| text.contains('\n')))
    {
        return;
    }
    let mut out = Vec::with_capacity(attrs.len());
    for attr in attrs.drain(..) {
        match doc_text(&attr) {
            Some(text) if text.contains('\n') => {
                let is_outer = matches!(attr.style, syn::AttrStyle::Outer);
                for line in text.trim_end_matches('\n').split('\n') {
                    let line = line.trim_end();
                    let content = if line.is_empty() || line.starts_with(' ') {
                        line.to_owned()
                    } else {
                        format!(" {line}")
                    };
                    let literal = LitStr::new(&content, Span::call_site());
                    out.push(if is_outer {
                        syn::parse_quote!(#[doc = #literal])
                    } else {
                        syn::parse_quote!(#![doc = #literal])
                    });
                }
            }
            _ => out.push(attr),
        }
    }
    *attrs = out;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn multi_line_docs_become_one_attribute_per_line() {
        let mut file: syn::File = syn::parse_quote! {
            #[doc = "First line.\nSecond line.\n"]
            pub struct A {
                #[doc = "Field doc.\n\n```\ncode\n```"]
                pub b: u8,
            }
        };
        split_multiline_docs(&mut file);
        let printed = prettyplease::unparse(&file);
        assert!(!printed.contains("/**"), "{printed}");
        assert!(
            printed.contains("/// First line.\n/// Second line.\n"),
            "{printed}"
        );
        assert!(
            printed.contains("    /// Field doc.\n    ///\n    /// ```\n"),
            "{printed}"
        );
    }
}
