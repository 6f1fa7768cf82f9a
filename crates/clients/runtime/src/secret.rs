//! A credential string that never shows itself.
//!
//! [`Secret`] wraps API keys, passwords, tokens and signing keys. Its `Debug` and `Display`
//! print `<redacted>`, so a secret inside a client, a settings struct or an error message cannot
//! leak into logs by accident. The value is read only through the explicit [`Secret::expose`].
//!
//! `Secret` deliberately implements no `serde::Serialize`: a struct holding one cannot be written
//! to JSON, YAML or a log sink by a derive. It does implement `serde::Deserialize`, so secrets can
//! be read from configuration files.

use std::fmt;

/// The text shown instead of a secret value.
pub const REDACTED: &str = "<redacted>";

/// A secret string (API key, password, token, secret key).
///
/// ```
/// use taxdoc_client_runtime::secret::Secret;
///
/// let key = Secret::new("s3cr3t");
/// assert_eq!(format!("{key:?}"), "<redacted>");
/// assert_eq!(key.to_string(), "<redacted>");
/// assert_eq!(key.expose(), "s3cr3t");
/// ```
#[derive(Clone, PartialEq, Eq, Hash, serde::Deserialize)]
#[serde(transparent)]
pub struct Secret(String);

impl Secret {
    /// Wraps a secret value.
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }

    /// Returns the secret value. Call this only where the value is sent to its provider.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// Whether the secret is the empty string (usually a configuration mistake).
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(REDACTED)
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(REDACTED)
    }
}

impl From<String> for Secret {
    fn from(value: String) -> Self {
        Self(value)
    }
}

impl From<&str> for Secret {
    fn from(value: &str) -> Self {
        Self(value.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_and_display_hide_the_value_inside_other_types() {
        #[derive(Debug)]
        #[allow(dead_code)]
        struct Credentials {
            user: String,
            password: Secret,
        }
        let creds = Credentials {
            user: "alice".into(),
            password: Secret::new("hunter2-planted"),
        };
        let debug = format!("{creds:?} {creds:#?} {}", creds.password);
        assert!(!debug.contains("hunter2-planted"), "{debug}");
        assert!(debug.contains("alice"));
        assert!(debug.contains(REDACTED));
    }

    #[test]
    fn expose_returns_the_value_and_deserialize_reads_a_plain_string() {
        let secret: Secret = serde_json::from_str("\"abc\"").unwrap();
        assert_eq!(secret.expose(), "abc");
        assert!(!secret.is_empty());
        assert!(Secret::from("").is_empty());
        assert_eq!(Secret::from(String::from("x")), Secret::new("x"));
    }
}
