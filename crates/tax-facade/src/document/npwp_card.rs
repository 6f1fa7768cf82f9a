//! The Indonesian taxpayer card (kartu NPWP).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use tax_core::id::{Nik, Npwp};

use super::{Field, FieldList, named_fields};

/// An NPWP card: the taxpayer number, the holder's NIK (printed on cards issued since the
/// NIK became the NPWP), name and address.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
pub struct NpwpCard {
    /// The taxpayer number (15 digits, or 16 for NIK-based and new-format numbers).
    pub npwp: Field<Npwp>,
    /// The holder's NIK, when printed.
    pub nik: Field<Nik>,
    /// The holder's name.
    pub name: Field<String>,
    /// The registered address.
    pub address: Field<String>,
}

impl NpwpCard {
    /// Every field with its path.
    pub fn fields(&self) -> FieldList<'_> {
        named_fields!("", self, [npwp, nik, name, address])
    }
}
