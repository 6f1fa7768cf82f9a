//! The JSON object printed for each checked value.

use std::io::{self, Write};

use serde::ser::{Serialize, SerializeMap, Serializer};
use tax_core::ParseError;

/// A fact about a valid value (gender, birth date, invoice type, ...).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Fact {
    Text(String),
    Flag(bool),
}

impl Serialize for Fact {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Text(text) => serializer.serialize_str(text),
            Self::Flag(flag) => serializer.serialize_bool(*flag),
        }
    }
}

/// The verdict on one input value:
/// `{"input", "valid", "normalized", "error": {"kind", "message"}, ...facts}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Verdict {
    input: String,
    normalized: Option<String>,
    error: Option<(&'static str, String)>,
    facts: Vec<(&'static str, Fact)>,
}

impl Verdict {
    /// A valid value with its canonical form.
    pub(crate) fn valid(input: &str, normalized: String) -> Self {
        Self {
            input: input.to_owned(),
            normalized: Some(normalized),
            error: None,
            facts: Vec::new(),
        }
    }

    /// An invalid value.
    pub(crate) fn invalid(input: &str, error: &ParseError) -> Self {
        Self {
            input: input.to_owned(),
            normalized: None,
            error: Some((error.kind().as_str(), error.to_string())),
            facts: Vec::new(),
        }
    }

    /// A line that is not valid UTF-8.
    pub(crate) fn not_utf8(lossy: &str) -> Self {
        Self {
            input: lossy.to_owned(),
            normalized: None,
            error: Some(("format", "input is not valid UTF-8".to_owned())),
            facts: Vec::new(),
        }
    }

    /// Adds a text fact.
    pub(crate) fn text(mut self, name: &'static str, value: impl ToString) -> Self {
        self.facts.push((name, Fact::Text(value.to_string())));
        self
    }

    /// Adds a yes/no fact.
    pub(crate) fn flag(mut self, name: &'static str, value: bool) -> Self {
        self.facts.push((name, Fact::Flag(value)));
        self
    }

    /// Sets the canonical form even though the value is invalid (e.g. only its check digit is wrong).
    pub(crate) fn with_normalized(mut self, normalized: String) -> Self {
        self.normalized = Some(normalized);
        self
    }

    /// True when the value passed every check.
    pub(crate) fn is_valid(&self) -> bool {
        self.error.is_none()
    }

    /// Writes the verdict as one line of JSON.
    pub(crate) fn write_json_line(&self, out: &mut impl Write) -> io::Result<()> {
        serde_json::to_writer(&mut *out, self).map_err(io::Error::from)?;
        out.write_all(b"\n")
    }
}

struct ErrorObject<'a> {
    kind: &'a str,
    message: &'a str,
}

impl Serialize for ErrorObject<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(2))?;
        map.serialize_entry("kind", self.kind)?;
        map.serialize_entry("message", self.message)?;
        map.end()
    }
}

impl Serialize for Verdict {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(4 + self.facts.len()))?;
        map.serialize_entry("input", &self.input)?;
        map.serialize_entry("valid", &self.is_valid())?;
        map.serialize_entry("normalized", &self.normalized)?;
        let error = self
            .error
            .as_ref()
            .map(|(kind, message)| ErrorObject { kind, message });
        map.serialize_entry("error", &error)?;
        for (name, fact) in &self.facts {
            map.serialize_entry(name, fact)?;
        }
        map.end()
    }
}
