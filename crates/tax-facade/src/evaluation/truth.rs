//! The ground truth of one corpus document (`NAME.truth.json`).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::document::DocumentKind;

/// What a reader is expected to do with a document.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Expectation {
    /// Read it into a document of the truth's kind with the truth's fields.
    Document,
    /// Fail with [`ErrorKind::NeedsOcr`](crate::ErrorKind::NeedsOcr): the document is a scan
    /// or a photo with no text layer and no QR code.
    NeedsOcr,
}

/// The ground truth of one document.
///
/// ```
/// use tax_facade::DocumentKind;
/// use tax_facade::evaluation::{Expectation, Truth};
///
/// let truth: Truth = serde_json::from_str(r#"{
///     "expect": "document",
///     "kind": "faktur_pajak",
///     "layout": "efaktur",
///     "pages": 1,
///     "digital": true,
///     "fields": {"number": "010.000-24.00000001", "items[0].total": "150000.00"}
/// }"#)?;
/// assert_eq!(truth.expect, Expectation::Document);
/// assert_eq!(truth.kind, Some(DocumentKind::FakturPajak));
/// assert_eq!(truth.fields["items[0].total"], "150000.00");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Truth {
    /// What the reader is expected to do.
    pub expect: Expectation,
    /// The kind of document; absent when a `needs_ocr` failure is expected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<DocumentKind>,
    /// The name of the printed layout (free text, shown in reports).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub layout: Option<String>,
    /// The number of pages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pages: Option<u32>,
    /// Whether the document has a text layer (false for image-only inputs).
    #[serde(default = "default_digital")]
    pub digital: bool,
    /// Every field the document prints: `Document::fields()` path to the expected
    /// `FieldInfo::value_text()`.
    #[serde(default)]
    pub fields: BTreeMap<String, String>,
}

fn default_digital() -> bool {
    true
}

impl Truth {
    /// A truth expecting a document of `kind` with no fields yet.
    pub fn document(kind: DocumentKind) -> Self {
        Self {
            expect: Expectation::Document,
            kind: Some(kind),
            layout: None,
            pages: None,
            digital: true,
            fields: BTreeMap::new(),
        }
    }

    /// A truth expecting the read to fail with `needs_ocr` (an image without text or QR code).
    pub fn needs_ocr() -> Self {
        Self {
            expect: Expectation::NeedsOcr,
            kind: None,
            layout: None,
            pages: None,
            digital: false,
            fields: BTreeMap::new(),
        }
    }

    /// Adds an expected field.
    #[must_use]
    pub fn with_field(mut self, path: impl Into<String>, value: impl Into<String>) -> Self {
        self.fields.insert(path.into(), value.into());
        self
    }

    /// Parses a truth file's text and checks that it is coherent: a `document` expectation
    /// names its kind, a `needs_ocr` one lists no fields.
    pub fn from_json(text: &str) -> Result<Self, String> {
        let truth: Self = serde_json::from_str(text).map_err(|err| err.to_string())?;
        match truth.expect {
            Expectation::Document if truth.kind.is_none() => {
                Err("\"kind\" is required when \"expect\" is \"document\"".to_owned())
            }
            Expectation::NeedsOcr if !truth.fields.is_empty() => {
                Err("a \"needs_ocr\" document cannot list fields".to_owned())
            }
            _ => Ok(truth),
        }
    }
}
