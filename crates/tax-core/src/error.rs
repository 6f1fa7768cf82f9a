//! The error every checked parser in this crate returns.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Why a value was rejected by a checked parser.
///
/// The kinds are deliberately coarse so that callers can decide policy per kind; for example a
/// [`ParseErrorKind::Checksum`] failure of an NPWP is often treated as a warning, because real
/// documents (and provider documentation) carry numbers whose check digit does not validate.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ParseErrorKind {
    /// The input was empty after removing separators and whitespace.
    Empty,
    /// The number of digits or characters is not one the format allows.
    Length,
    /// A character that the format does not allow, or separators in the wrong places.
    Format,
    /// Every character is allowed and the length is right, but the check digit does not match.
    Checksum,
    /// A component (region, date, transaction code, ...) has a value outside its allowed range.
    Component,
}

impl ParseErrorKind {
    /// The stable, machine-readable name of the kind (`"length"`, `"checksum"`, ...).
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Empty => "empty",
            Self::Length => "length",
            Self::Format => "format",
            Self::Checksum => "checksum",
            Self::Component => "component",
        }
    }
}

impl fmt::Display for ParseErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A value could not be parsed into a domain type.
///
/// ```
/// use tax_core::{ParseError, ParseErrorKind};
///
/// let err = ParseError::new("NPWP", ParseErrorKind::Length, "expected 15 or 16 digits, found 14");
/// assert_eq!(err.kind(), ParseErrorKind::Length);
/// assert_eq!(err.to_string(), "invalid NPWP (length): expected 15 or 16 digits, found 14");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid {what} ({kind}): {message}")]
pub struct ParseError {
    what: &'static str,
    kind: ParseErrorKind,
    message: String,
}

impl ParseError {
    /// Creates an error for the value type `what` (for example `"NPWP"`).
    pub fn new(what: &'static str, kind: ParseErrorKind, message: impl Into<String>) -> Self {
        Self {
            what,
            kind,
            message: message.into(),
        }
    }

    /// The kind of failure.
    pub fn kind(&self) -> ParseErrorKind {
        self.kind
    }

    /// The name of the value type that failed to parse.
    pub fn what(&self) -> &'static str {
        self.what
    }

    /// The human-readable explanation, without the type name and kind.
    pub fn message(&self) -> &str {
        &self.message
    }
}
