//! Marking properties that lowering merged (see [`super::lower::PropertyAlias`]) on the
//! generated structs, so one field accepts both wire keys.

use anyhow::{Result, bail};
use syn::{Item, LitStr};

use super::lower::PropertyAlias;

/// Adds `#[serde(alias = "..")]` to the field of each alias's primary property.
///
/// serde's derive reads an alias natively; the buffer-free `Deserialize` that replaces it for
/// structs with `extra` honours the attribute too (see [`super::deserialize`]).
pub(crate) fn apply(types: &mut [Item], aliases: &[PropertyAlias]) -> Result<()> {
    for alias in aliases {
        let type_name = super::names::type_ident_text(&alias.component);
        let Some(item) = types.iter_mut().find_map(|item| match item {
            Item::Struct(item) if item.ident == type_name => Some(item),
            _ => None,
        }) else {
            bail!(
                "components.schemas.{}: no generated struct {type_name}",
                alias.component
            );
        };
        let field_name = super::names::typify_field_name(&alias.property);
        let Some(field) = item.fields.iter_mut().find(|field| {
            field
                .ident
                .as_ref()
                .is_some_and(|ident| *ident == field_name)
        }) else {
            bail!(
                "components.schemas.{}: struct {type_name} has no field for property {}",
                alias.component,
                alias.property
            );
        };
        let key = LitStr::new(&alias.alias, proc_macro2::Span::call_site());
        field.attrs.push(syn::parse_quote!(#[serde(alias = #key)]));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use quote::quote;

    use super::*;

    #[test]
    fn alias_is_added_to_the_primary_property_field() {
        let mut items = vec![
            syn::parse2::<Item>(quote! {
                pub struct NpwpRead {
                    #[serde(rename = "noNpwp", default)]
                    pub no_npwp: Option<NpwpField>,
                }
            })
            .unwrap(),
        ];
        let alias = PropertyAlias {
            component: "NpwpRead".into(),
            property: "noNpwp".into(),
            alias: "no_npwp".into(),
        };
        apply(&mut items, &[alias]).unwrap();
        let Item::Struct(item) = &items[0] else {
            unreachable!()
        };
        let attrs = &item.fields.iter().next().unwrap().attrs;
        let last = quote!(#(#attrs)*).to_string();
        assert!(last.contains("alias = \"no_npwp\""), "{last}");
    }

    #[test]
    fn unknown_component_is_an_error() {
        let alias = PropertyAlias {
            component: "Missing".into(),
            property: "a".into(),
            alias: "A".into(),
        };
        assert!(apply(&mut [], &[alias]).is_err());
    }
}
