//! Replacing serde's `flatten`-based `Deserialize` of structs that keep unknown fields.
//!
//! typify emits `#[serde(flatten)] pub extra: serde_json::Map<String, Value>` for objects with
//! `additionalProperties: {}`. serde's derive buffers every field of such a struct into an
//! intermediate value first, which turns JSON numbers into `f64` before the exact wire types
//! see them. This module removes `Deserialize` from those derives and emits a `visit_map`
//! implementation that reads known keys straight from the map access and collects unknown keys
//! into `extra`.
//!
//! Semantics match serde's derive: `rename` gives the key, `alias` adds another key for the same
//! field; a missing key uses `default` /
//! `default = "path"` when present, is `None` for `Option` fields without `deserialize_with`,
//! and is a `missing field` error otherwise; `deserialize_with` is honoured. A known key that
//! appears twice is a `duplicate field` error (as with serde's derive); for unknown keys the
//! last occurrence wins. Unlike serde's derive, a field's key and its alias may both be present:
//! the primary key wins and the alias's value is kept in `extra` (an API in transition between
//! two spellings must not make the whole response undecodable). Alias values are read as raw
//! JSON text first, so they too never pass through `f64` on their way to the field.

use anyhow::{Result, bail};
use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};
use syn::punctuated::Punctuated;
use syn::{Attribute, Expr, ExprLit, Item, ItemStruct, Lit, Meta, Token, Type};

/// Rewrites every flatten-`extra` struct in `items` (the contents of `mod types`).
pub(crate) fn rewrite(items: &mut Vec<Item>) -> Result<()> {
    let mut impls = Vec::new();
    for item in items.iter_mut() {
        let Item::Struct(item) = item else { continue };
        if !has_flatten_field(item) {
            // Either no `extra`, or a shape this rewrite does not handle: keep serde's derive.
            continue;
        }
        remove_deserialize_derive(&mut item.attrs)?;
        impls.push(syn::parse2::<Item>(deserialize_impl(item)?)?);
    }
    items.extend(impls);
    Ok(())
}

/// Whether the struct's only flattened field is a map of unknown keys (`extra`). Structs that
/// flatten another struct (typify does so for some `allOf`s) keep serde's derive.
fn has_flatten_field(item: &ItemStruct) -> bool {
    let flattened: Vec<&syn::Field> = item
        .fields
        .iter()
        .filter(|field| serde_flags(&field.attrs).flatten)
        .collect();
    matches!(flattened.as_slice(), [field] if is_map(&field.ty))
}

fn is_map(ty: &Type) -> bool {
    match ty {
        Type::Path(path) => path.path.segments.last().is_some_and(|segment| {
            matches!(
                segment.ident.to_string().as_str(),
                "Map" | "HashMap" | "BTreeMap"
            )
        }),
        _ => false,
    }
}

/// Removes `Deserialize` from the `#[derive(..)]` attributes in `attrs`.
pub(crate) fn remove_deserialize_derive(attrs: &mut [Attribute]) -> Result<()> {
    for attr in attrs
        .iter_mut()
        .filter(|attr| attr.path().is_ident("derive"))
    {
        let derives = attr.parse_args_with(Punctuated::<syn::Path, Token![,]>::parse_terminated)?;
        let kept = derives.iter().filter(|path| {
            path.segments
                .last()
                .is_none_or(|segment| segment.ident != "Deserialize")
        });
        *attr = syn::parse_quote!(#[derive(#(#kept),*)]);
    }
    Ok(())
}

/// What serde attributes say about one field.
#[derive(Default)]
struct SerdeFlags {
    flatten: bool,
    rename: Option<String>,
    aliases: Vec<String>,
    /// `Some(None)` for `#[serde(default)]`, `Some(Some(path))` for `default = "path"`.
    default: Option<Option<String>>,
    deserialize_with: Option<String>,
}

fn serde_flags(attrs: &[Attribute]) -> SerdeFlags {
    let mut flags = SerdeFlags::default();
    for attr in attrs.iter().filter(|attr| attr.path().is_ident("serde")) {
        let Ok(metas) = attr.parse_args_with(Punctuated::<Meta, Token![,]>::parse_terminated)
        else {
            continue;
        };
        for meta in metas {
            match &meta {
                Meta::Path(path) if path.is_ident("flatten") => flags.flatten = true,
                Meta::Path(path) if path.is_ident("default") => flags.default = Some(None),
                Meta::NameValue(pair) => {
                    let value = string_literal(&pair.value);
                    if pair.path.is_ident("rename") {
                        flags.rename = value;
                    } else if pair.path.is_ident("alias") {
                        flags.aliases.extend(value);
                    } else if pair.path.is_ident("default") {
                        flags.default = Some(value);
                    } else if pair.path.is_ident("deserialize_with") {
                        flags.deserialize_with = value;
                    }
                }
                _ => {}
            }
        }
    }
    flags
}

fn string_literal(expr: &Expr) -> Option<String> {
    match expr {
        Expr::Lit(ExprLit {
            lit: Lit::Str(text),
            ..
        }) => Some(text.value()),
        _ => None,
    }
}

fn is_option(ty: &Type) -> bool {
    match ty {
        Type::Path(path) => path
            .path
            .segments
            .last()
            .is_some_and(|s| s.ident == "Option"),
        _ => false,
    }
}

fn deserialize_impl(item: &ItemStruct) -> Result<TokenStream> {
    let name = &item.ident;
    let expecting = format!("struct {name}");
    let mut slots = Vec::new();
    let mut arms = Vec::new();
    let mut inits = Vec::new();
    let mut helpers = Vec::new();
    let mut extra_ident = None;
    for (index, field) in item.fields.iter().enumerate() {
        let Some(ident) = &field.ident else {
            bail!("{name}: tuple structs are not supported")
        };
        let flags = serde_flags(&field.attrs);
        if flags.flatten {
            extra_ident = Some((ident.clone(), field.ty.clone()));
            continue;
        }
        let ty = &field.ty;
        let key = flags
            .rename
            .clone()
            .unwrap_or_else(|| ident.to_string().trim_start_matches("r#").to_owned());
        let key_lit = Literal::string(&key);
        let slot = format_ident!("field_{}", index);
        let (read, read_raw) = match &flags.deserialize_with {
            Some(path) => {
                let path: syn::Path = syn::parse_str(path)?;
                let wrapper = format_ident!("DeserializeWith{}", index);
                helpers.push(quote! {
                    struct #wrapper(#ty);
                    impl<'de> ::serde::Deserialize<'de> for #wrapper {
                        fn deserialize<D>(deserializer: D) -> ::std::result::Result<Self, D::Error>
                        where
                            D: ::serde::Deserializer<'de>,
                        {
                            #path(deserializer).map(#wrapper)
                        }
                    }
                });
                (
                    quote!(map.next_value::<#wrapper>()?.0),
                    quote!(::serde_json::from_str::<#wrapper>(raw.get()).map_err(<A::Error as ::serde::de::Error>::custom)?.0),
                )
            }
            None => (
                quote!(map.next_value::<#ty>()?),
                quote!(::serde_json::from_str::<#ty>(raw.get()).map_err(<A::Error as ::serde::de::Error>::custom)?),
            ),
        };
        slots.push(quote!(let mut #slot: ::std::option::Option<#ty> = None;));
        arms.push(quote! {
            #key_lit => {
                if #slot.is_some() {
                    return Err(<A::Error as ::serde::de::Error>::duplicate_field(#key_lit));
                }
                #slot = Some(#read);
            }
        });
        let missing = match (&flags.default, &flags.deserialize_with) {
            (Some(None), _) => quote!(::std::default::Default::default()),
            (Some(Some(path)), _) => {
                let path: syn::Path = syn::parse_str(path)?;
                quote!(#path())
            }
            (None, None) if is_option(ty) => quote!(None),
            (None, _) => {
                quote!(return Err(<A::Error as ::serde::de::Error>::missing_field(#key_lit)))
            }
        };
        if flags.aliases.is_empty() {
            inits.push(quote! {
                #ident: match #slot {
                    Some(value) => value,
                    None => #missing,
                },
            });
            continue;
        }
        let alias_slot = format_ident!("alias_{}", index);
        let alias_lits = flags.aliases.iter().map(|alias| Literal::string(alias));
        slots.push(quote! {
            let mut #alias_slot: ::std::option::Option<(
                ::std::string::String,
                ::std::boxed::Box<::serde_json::value::RawValue>,
            )> = None;
        });
        arms.push(quote! {
            #(#alias_lits)|* => {
                let raw = map.next_value::<::std::boxed::Box<::serde_json::value::RawValue>>()?;
                if #alias_slot.is_none() {
                    #alias_slot = Some((key, raw));
                } else {
                    extra_values.push((key, raw));
                }
            }
        });
        inits.push(quote! {
            #ident: match (#slot, #alias_slot) {
                (Some(value), leftover) => {
                    extra_values.extend(leftover);
                    value
                }
                (None, Some((_, raw))) => #read_raw,
                (None, None) => #missing,
            },
        });
    }
    let Some((extra, extra_ty)) = extra_ident else {
        bail!("{name}: no flattened field")
    };
    // Values of alias keys that lost to their primary key; they end up in `extra`.
    let has_aliases = item
        .fields
        .iter()
        .any(|field| !serde_flags(&field.attrs).aliases.is_empty());
    let (leftovers_decl, build) = if has_aliases {
        (
            quote! {
                let mut extra_values: ::std::vec::Vec<(
                    ::std::string::String,
                    ::std::boxed::Box<::serde_json::value::RawValue>,
                )> = ::std::vec::Vec::new();
            },
            quote! {
                let mut value = #name {
                    #(#inits)*
                    #extra,
                };
                for (key, raw) in extra_values {
                    let leftover = ::serde_json::from_str(raw.get())
                        .map_err(<A::Error as ::serde::de::Error>::custom)?;
                    value.#extra.insert(key, leftover);
                }
                Ok(value)
            },
        )
    } else {
        (
            quote!(),
            quote! {
                Ok(#name {
                    #(#inits)*
                    #extra,
                })
            },
        )
    };
    Ok(quote! {
        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<D>(deserializer: D) -> ::std::result::Result<Self, D::Error>
            where
                D: ::serde::Deserializer<'de>,
            {
                struct Visitor;
                impl<'de> ::serde::de::Visitor<'de> for Visitor {
                    type Value = #name;
                    fn expecting(&self, formatter: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        formatter.write_str(#expecting)
                    }
                    fn visit_map<A>(self, mut map: A) -> ::std::result::Result<#name, A::Error>
                    where
                        A: ::serde::de::MapAccess<'de>,
                    {
                        #(#helpers)*
                        #(#slots)*
                        #leftovers_decl
                        let mut #extra: #extra_ty = ::std::default::Default::default();
                        while let Some(key) = map.next_key::<::std::string::String>()? {
                            match key.as_str() {
                                #(#arms)*
                                _ => {
                                    let value = map.next_value::<::serde_json::Value>()?;
                                    #extra.insert(key, value);
                                }
                            }
                        }
                        #build
                    }
                }
                deserializer.deserialize_map(Visitor)
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use quote::ToTokens;

    fn rewritten(item: Item) -> Vec<String> {
        let mut items = vec![item];
        rewrite(&mut items).unwrap();
        items
            .iter()
            .map(|item| item.to_token_stream().to_string())
            .collect()
    }

    #[test]
    fn struct_with_extra_map_loses_derive_deserialize_and_gets_an_impl() {
        let items = rewritten(syn::parse_quote! {
            #[derive(::serde::Deserialize, ::serde::Serialize, Clone)]
            pub struct A {
                #[serde(rename = "noNpwp", default)]
                pub no_npwp: Vec<String>,
                #[serde(flatten)]
                pub extra: ::serde_json::Map<String, ::serde_json::Value>,
            }
        });
        assert_eq!(items.len(), 2);
        assert!(
            items[0].contains("derive (:: serde :: Serialize , Clone)"),
            "{}",
            items[0]
        );
        assert!(items[1].contains("impl < 'de > :: serde :: Deserialize < 'de > for A"));
        assert!(items[1].contains("\"noNpwp\" =>"), "{}", items[1]);
        assert!(items[1].contains(":: std :: default :: Default :: default ()"));
    }

    #[test]
    fn struct_flattening_another_struct_keeps_serde_derive() {
        let item: Item = syn::parse_quote! {
            #[derive(::serde::Deserialize)]
            pub struct B {
                #[serde(flatten)]
                pub subtype_0: Other,
            }
        };
        let items = rewritten(item.clone());
        assert_eq!(items, vec![item.to_token_stream().to_string()]);
    }
}
