//! The normalized document model every provider maps onto.
//!
//! Each value is a [`Field`]: the parsed value (a checked `tax-core` type where one exists),
//! the raw text, a confidence and a location. Everything derives `serde` and `schemars`, so
//! the JSON shape is documented by a schema.

mod cn_vat_invoice;
mod commercial_invoice;
mod faktur_pajak;
mod field;
mod npwp_card;

pub use cn_vat_invoice::{CnVatInvoice, CnVatItem, CnVatParty};
pub use commercial_invoice::{CommercialInvoice, InvoiceItem, InvoiceParty, PaymentBank};
pub use faktur_pajak::{FakturItem, FakturPajak, FakturParty};
pub use field::{Confidence, Field, FieldInfo, FieldList, Location, NormalizedConfidence, Point};
pub use npwp_card::NpwpCard;

use std::fmt;
use std::str::FromStr;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The kinds of document a reader can return.
#[non_exhaustive]
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    /// An Indonesian taxpayer card (kartu NPWP).
    NpwpCard,
    /// A commercial invoice (Indonesian or foreign), read by a general invoice OCR.
    CommercialInvoice,
    /// A Chinese VAT invoice (增值税发票).
    CnVatInvoice,
    /// An Indonesian VAT invoice (Faktur Pajak), as printed by e-Faktur or Coretax.
    FakturPajak,
}

impl DocumentKind {
    /// Every kind, in declaration order.
    pub const ALL: [Self; 4] = [
        Self::NpwpCard,
        Self::CommercialInvoice,
        Self::CnVatInvoice,
        Self::FakturPajak,
    ];

    /// The snake_case name (`"npwp_card"`), as used in JSON.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::NpwpCard => "npwp_card",
            Self::CommercialInvoice => "commercial_invoice",
            Self::CnVatInvoice => "cn_vat_invoice",
            Self::FakturPajak => "faktur_pajak",
        }
    }
}

impl fmt::Display for DocumentKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The name did not denote a document kind.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown document kind {0:?}; expected npwp_card, commercial_invoice, cn_vat_invoice or faktur_pajak"
)]
pub struct UnknownDocumentKind(String);

impl FromStr for DocumentKind {
    type Err = UnknownDocumentKind;

    /// Accepts the snake_case name, or the same with hyphens (`"npwp-card"`).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let normalized = s.trim().replace('-', "_");
        Self::ALL
            .into_iter()
            .find(|kind| kind.as_str() == normalized)
            .ok_or_else(|| UnknownDocumentKind(s.to_owned()))
    }
}

/// A normalized document, tagged by `"kind"` in JSON.
///
/// ```
/// use tax_facade::document::{Document, NpwpCard};
///
/// let json = serde_json::to_value(Document::NpwpCard(NpwpCard::default())).unwrap();
/// assert_eq!(json["kind"], "npwp_card");
/// ```
///
/// The variants differ in size; one document is built per read and handed to the caller, so
/// boxing the larger ones would cost every match an indirection and gain nothing.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[allow(clippy::large_enum_variant)]
pub enum Document {
    /// An Indonesian taxpayer card.
    NpwpCard(NpwpCard),
    /// A commercial invoice.
    CommercialInvoice(CommercialInvoice),
    /// A Chinese VAT invoice.
    CnVatInvoice(CnVatInvoice),
    /// An Indonesian VAT invoice (Faktur Pajak).
    FakturPajak(FakturPajak),
}

impl Document {
    /// The kind of this document.
    pub fn kind(&self) -> DocumentKind {
        match self {
            Self::NpwpCard(_) => DocumentKind::NpwpCard,
            Self::CommercialInvoice(_) => DocumentKind::CommercialInvoice,
            Self::CnVatInvoice(_) => DocumentKind::CnVatInvoice,
            Self::FakturPajak(_) => DocumentKind::FakturPajak,
        }
    }

    /// Every field with its path, for walks such as the low-confidence check.
    pub fn fields(&self) -> FieldList<'_> {
        match self {
            Self::NpwpCard(card) => card.fields(),
            Self::CommercialInvoice(invoice) => invoice.fields(),
            Self::CnVatInvoice(invoice) => invoice.fields(),
            Self::FakturPajak(invoice) => invoice.fields(),
        }
    }
}

impl From<NpwpCard> for Document {
    fn from(card: NpwpCard) -> Self {
        Self::NpwpCard(card)
    }
}

impl From<CommercialInvoice> for Document {
    fn from(invoice: CommercialInvoice) -> Self {
        Self::CommercialInvoice(invoice)
    }
}

impl From<FakturPajak> for Document {
    fn from(invoice: FakturPajak) -> Self {
        Self::FakturPajak(invoice)
    }
}

impl From<CnVatInvoice> for Document {
    fn from(invoice: CnVatInvoice) -> Self {
        Self::CnVatInvoice(invoice)
    }
}

/// Builds `(prefix.name, field)` pairs for a [`FieldList`].
macro_rules! named_fields {
    ($prefix:expr, $owner:expr, [$($name:ident),* $(,)?]) => {
        vec![$(
            (
                $crate::document::join_path($prefix, stringify!($name)),
                &$owner.$name as &dyn $crate::document::FieldInfo,
            ),
        )*]
    };
}
pub(crate) use named_fields;

pub(crate) fn join_path(prefix: &str, name: &str) -> String {
    if prefix.is_empty() {
        name.to_owned()
    } else {
        format!("{prefix}.{name}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_parse_from_their_names_and_match_the_serde_tag() {
        for kind in DocumentKind::ALL {
            assert_eq!(kind.as_str().parse::<DocumentKind>(), Ok(kind));
            assert_eq!(
                serde_json::to_value(kind).unwrap(),
                serde_json::Value::from(kind.as_str())
            );
        }
        assert_eq!("cn-vat-invoice".parse(), Ok(DocumentKind::CnVatInvoice));
        assert!("passport".parse::<DocumentKind>().is_err());
    }

    #[test]
    fn documents_round_trip_through_json() {
        let document = Document::from(NpwpCard {
            name: Field::text("BUDI"),
            ..NpwpCard::default()
        });
        let json = serde_json::to_string(&document).unwrap();
        let back: Document = serde_json::from_str(&json).unwrap();
        assert_eq!(back, document);
        assert_eq!(back.kind(), DocumentKind::NpwpCard);
    }
}
