//! Replacing serde's `untagged` `Deserialize` of enums.
//!
//! serde's derive for `#[serde(untagged)]` enums buffers the input into an intermediate value
//! and then tries each variant against it. That buffer has already turned JSON numbers into
//! `f64`, and it cannot hand out raw JSON text, so the exact wire types nested in a variant
//! would fail to decode. The generated replacement captures the value as raw JSON text
//! (`serde_json::value::RawValue`) and parses each variant from that text in declaration order;
//! the first that succeeds wins, as with serde's derive.
//!
//! Only enums whose variants all hold exactly one unnamed field are rewritten; others keep
//! serde's derive.

use anyhow::Result;
use proc_macro2::TokenStream;
use quote::quote;
use syn::{Fields, Item, ItemEnum};

use super::deserialize::remove_deserialize_derive;

/// Rewrites every eligible untagged enum in `items` (the contents of `mod types`).
pub(crate) fn rewrite(items: &mut Vec<Item>) -> Result<()> {
    let mut impls = Vec::new();
    for item in items.iter_mut() {
        let Item::Enum(item) = item else { continue };
        if !is_untagged(item) || !all_newtype_variants(item) || !derives_deserialize(item) {
            continue;
        }
        remove_deserialize_derive(&mut item.attrs)?;
        impls.push(syn::parse2::<Item>(deserialize_impl(item))?);
    }
    items.extend(impls);
    Ok(())
}

fn is_untagged(item: &ItemEnum) -> bool {
    item.attrs
        .iter()
        .filter(|attr| attr.path().is_ident("serde"))
        .any(|attr| {
            let mut untagged = false;
            let _ = attr.parse_nested_meta(|meta| {
                untagged |= meta.path.is_ident("untagged");
                Ok(())
            });
            untagged
        })
}

fn derives_deserialize(item: &ItemEnum) -> bool {
    item.attrs
        .iter()
        .filter(|attr| attr.path().is_ident("derive"))
        .any(|attr| quote!(#attr).to_string().contains("Deserialize"))
}

fn all_newtype_variants(item: &ItemEnum) -> bool {
    item.variants.iter().all(
        |variant| matches!(&variant.fields, Fields::Unnamed(fields) if fields.unnamed.len() == 1),
    )
}

fn deserialize_impl(item: &ItemEnum) -> TokenStream {
    let name = &item.ident;
    let attempts = item.variants.iter().filter_map(|variant| {
        let Fields::Unnamed(fields) = &variant.fields else {
            return None;
        };
        let ty = &fields.unnamed.first()?.ty;
        let ident = &variant.ident;
        Some(quote! {
            if let Ok(value) = ::serde_json::from_str::<#ty>(raw.get()) {
                return Ok(Self::#ident(value));
            }
        })
    });
    let message = format!("data did not match any variant of untagged enum {name}");
    quote! {
        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<D>(deserializer: D) -> ::std::result::Result<Self, D::Error>
            where
                D: ::serde::Deserializer<'de>,
            {
                let raw = <::std::boxed::Box<::serde_json::value::RawValue> as ::serde::Deserialize>::deserialize(deserializer)?;
                #(#attempts)*
                Err(<D::Error as ::serde::de::Error>::custom(#message))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use quote::ToTokens;

    #[test]
    fn untagged_newtype_enum_is_parsed_from_raw_text() {
        let mut items = vec![syn::parse_quote! {
            #[derive(::serde::Deserialize, ::serde::Serialize, Clone)]
            #[serde(untagged)]
            pub enum E { A(Vec<f64>), B(String) }
        }];
        rewrite(&mut items).unwrap();
        let text: Vec<String> = items
            .iter()
            .map(|i| i.to_token_stream().to_string())
            .collect();
        assert_eq!(text.len(), 2);
        assert!(
            text[0].contains("derive (:: serde :: Serialize , Clone)"),
            "{}",
            text[0]
        );
        assert!(text[1].contains("RawValue"), "{}", text[1]);
        let a = text[1].find("Self :: A").unwrap();
        let b = text[1].find("Self :: B").unwrap();
        assert!(a < b, "variants are tried in declaration order");
    }

    #[test]
    fn tagged_or_struct_variant_enums_keep_serde_derive() {
        let tagged: Item = syn::parse_quote! {
            #[derive(::serde::Deserialize)]
            #[serde(tag = "kind")]
            pub enum T { A(X) }
        };
        let struct_variant: Item = syn::parse_quote! {
            #[derive(::serde::Deserialize)]
            #[serde(untagged)]
            pub enum S { A { x: i64 } }
        };
        let mut items = vec![tagged.clone(), struct_variant.clone()];
        rewrite(&mut items).unwrap();
        assert_eq!(items, vec![tagged, struct_variant]);
    }
}
