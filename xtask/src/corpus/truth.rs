//! The ground-truth file written next to every corpus document (`NAME.truth.json`).

use std::collections::BTreeMap;

use serde::Serialize;

/// What a reader is expected to return for a document.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Truth {
    /// `document` or `needs_ocr`.
    pub(crate) expect: &'static str,
    /// The `DocumentKind` name; absent for `needs_ocr`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) kind: Option<&'static str>,
    /// The generator's layout name.
    pub(crate) layout: String,
    /// Number of pages (1 for images).
    pub(crate) pages: usize,
    /// Whether the file has a text layer.
    pub(crate) digital: bool,
    /// Field path → expected `value_text()`.
    pub(crate) fields: BTreeMap<String, String>,
}

impl Truth {
    /// A document of `kind` that a reader should recognize.
    pub(crate) fn document(kind: &'static str, layout: &str, pages: usize, digital: bool) -> Self {
        Self {
            expect: "document",
            kind: Some(kind),
            layout: layout.to_owned(),
            pages,
            digital,
            fields: BTreeMap::new(),
        }
    }

    /// An input without text layer or QR code.
    pub(crate) fn needs_ocr(layout: &str, pages: usize) -> Self {
        Self {
            expect: "needs_ocr",
            kind: None,
            layout: layout.to_owned(),
            pages,
            digital: false,
            fields: BTreeMap::new(),
        }
    }

    /// Records a plain string field (whitespace collapsed).
    pub(crate) fn text(&mut self, path: impl Into<String>, value: &str) {
        let collapsed = value.split_whitespace().collect::<Vec<_>>().join(" ");
        if !collapsed.is_empty() {
            self.fields.insert(path.into(), collapsed);
        }
    }

    /// Records a typed field through its serde form, as `FieldInfo::value_text()` does.
    pub(crate) fn value<T: Serialize>(&mut self, path: impl Into<String>, value: &T) {
        match serde_json::to_value(value) {
            Ok(serde_json::Value::String(text)) => {
                self.fields.insert(path.into(), text);
            }
            Ok(serde_json::Value::Null) | Err(_) => {}
            Ok(other) => {
                self.fields.insert(path.into(), other.to_string());
            }
        }
    }

    /// The JSON file contents (pretty, newline-terminated).
    pub(crate) fn to_json(&self) -> Vec<u8> {
        let mut text = serde_json::to_string_pretty(self).unwrap_or_default();
        text.push('\n');
        text.into_bytes()
    }
}
