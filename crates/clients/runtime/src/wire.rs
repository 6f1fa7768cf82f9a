//! Exact wire numbers.
//!
//! Providers send money, quantities and rates sometimes as a JSON number (`1100000.5`) and
//! sometimes as a string (`"1100000.50"`). Reading either through `f64` silently loses digits
//! (`12345678901234567.89` has more significant digits than an `f64` holds), so these types read
//! the raw JSON text of the value (via [`serde_json::value::RawValue`]) and parse it straight
//! into a [`rust_decimal::Decimal`].
//!
//! Both types remember how the value was sent, so serializing writes it back unchanged: a number
//! stays a number with the same digits, a string stays the same string.
//!
//! Deserialization needs a `serde_json` deserializer (from text or from a
//! [`serde_json::Value`]), because only those can hand out raw JSON text. Serialization writes a
//! raw JSON number, which likewise needs `serde_json`.

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::value::RawValue;

/// A decimal that arrived as a JSON number or as a numeric JSON string, read exactly.
///
/// Equality compares the value and the way it was sent (`1.0` ≠ `"1.0"` ≠ `1`); compare
/// [`WireDecimal::value`] to compare amounts.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct WireDecimal {
    value: Decimal,
    /// The text as sent: the number literal, or the string's contents.
    text: String,
    quoted: bool,
}

impl WireDecimal {
    /// The exact decimal value.
    pub fn value(&self) -> Decimal {
        self.value
    }

    /// The text as sent: the JSON number literal, or the contents of the JSON string.
    pub fn as_text(&self) -> &str {
        &self.text
    }

    /// Whether the value arrived as a JSON string rather than a JSON number.
    pub fn was_string(&self) -> bool {
        self.quoted
    }

    /// Parses the JSON text of one value: a number literal or a quoted numeric string.
    fn from_json_text(raw: &str) -> Result<Self, String> {
        let raw = raw.trim();
        if raw.starts_with('"') {
            let text: String = serde_json::from_str(raw).map_err(|error| error.to_string())?;
            let value = parse_decimal(text.trim())
                .ok_or_else(|| format!("expected a numeric string, found {raw}"))?;
            Ok(Self {
                value,
                text,
                quoted: true,
            })
        } else {
            let value = parse_decimal(raw)
                .ok_or_else(|| format!("expected a number or a numeric string, found {raw}"))?;
            Ok(Self {
                value,
                text: raw.to_owned(),
                quoted: false,
            })
        }
    }
}

/// Parses plain (`-12.50`) and scientific (`1.5e3`) notation exactly.
fn parse_decimal(text: &str) -> Option<Decimal> {
    let looks_numeric = text
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '-' | '+' | '.' | 'e' | 'E'))
        && text.chars().any(|c| c.is_ascii_digit());
    if !looks_numeric {
        return None;
    }
    if text.contains(['e', 'E']) {
        Decimal::from_scientific(text).ok()
    } else {
        Decimal::from_str_exact(text).ok()
    }
}

impl FromStr for WireDecimal {
    type Err = rust_decimal::Error;

    /// Parses a decimal; the result serializes as a JSON number.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let value = if text.contains(['e', 'E']) {
            Decimal::from_scientific(text)?
        } else {
            Decimal::from_str_exact(text)?
        };
        Ok(Self {
            value,
            text: text.to_owned(),
            quoted: false,
        })
    }
}

impl From<Decimal> for WireDecimal {
    /// Wraps a decimal; it serializes as a JSON number.
    fn from(value: Decimal) -> Self {
        Self {
            value,
            text: value.to_string(),
            quoted: false,
        }
    }
}

impl fmt::Display for WireDecimal {
    /// Writes the text as sent.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl Serialize for WireDecimal {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.quoted {
            serializer.serialize_str(&self.text)
        } else {
            let raw =
                RawValue::from_string(self.text.clone()).map_err(serde::ser::Error::custom)?;
            raw.serialize(serializer)
        }
    }
}

impl<'de> Deserialize<'de> for WireDecimal {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = Box::<RawValue>::deserialize(deserializer)?;
        Self::from_json_text(raw.get()).map_err(D::Error::custom)
    }
}

/// A scalar that arrives as text or as a number (for example a field `value` that is `"01.234"`
/// in one response and `1234` in the next).
///
/// Numbers are read exactly (see [`WireDecimal`]); strings are kept as sent, even when they look
/// numeric.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TextOrNumber {
    /// The value arrived as a JSON string.
    Text(String),
    /// The value arrived as a JSON number.
    Number(WireDecimal),
}

impl TextOrNumber {
    /// The value as text: the string as sent, or the number literal as sent.
    pub fn as_text(&self) -> &str {
        match self {
            Self::Text(text) => text,
            Self::Number(number) => number.as_text(),
        }
    }

    /// The value as a decimal: the number, or the string when it is a plain decimal number.
    pub fn as_decimal(&self) -> Option<Decimal> {
        match self {
            Self::Text(text) => parse_decimal(text.trim()),
            Self::Number(number) => Some(number.value()),
        }
    }
}

impl fmt::Display for TextOrNumber {
    /// Writes the text as sent.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_text())
    }
}

impl Serialize for TextOrNumber {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Text(text) => serializer.serialize_str(text),
            Self::Number(number) => number.serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for TextOrNumber {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = Box::<RawValue>::deserialize(deserializer)?;
        let text = raw.get().trim();
        if text.starts_with('"') {
            serde_json::from_str(text)
                .map(Self::Text)
                .map_err(D::Error::custom)
        } else {
            WireDecimal::from_json_text(text)
                .map(Self::Number)
                .map_err(|_| D::Error::custom(format!("expected text or a number, found {text}")))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BIG: &str = "12345678901234567.89";

    #[test]
    fn number_with_more_digits_than_f64_is_exact() {
        let wire: WireDecimal = serde_json::from_str(BIG).unwrap();
        assert_eq!(wire.value(), Decimal::from_str_exact(BIG).unwrap());
        assert!(!wire.was_string());
        assert_eq!(serde_json::to_string(&wire).unwrap(), BIG);
    }

    #[test]
    fn numeric_string_is_exact_and_stays_a_string() {
        let wire: WireDecimal = serde_json::from_str("\"1100000.50\"").unwrap();
        assert_eq!(wire.value(), Decimal::new(110_000_050, 2));
        assert!(wire.was_string());
        assert_eq!(serde_json::to_string(&wire).unwrap(), "\"1100000.50\"");
    }

    #[test]
    fn scientific_notation_is_read_exactly() {
        let wire: WireDecimal = serde_json::from_str("1.5e3").unwrap();
        assert_eq!(wire.value(), Decimal::new(1500, 0));
    }

    #[test]
    fn non_numeric_string_is_rejected_with_a_clear_message() {
        let error = serde_json::from_str::<WireDecimal>("\"abc\"").unwrap_err();
        assert!(
            error.to_string().contains("expected a numeric string"),
            "{error}"
        );
        assert!(serde_json::from_str::<WireDecimal>("true").is_err());
        assert!(serde_json::from_str::<WireDecimal>("null").is_err());
    }

    #[test]
    fn reads_from_a_json_value_tree() {
        let value = serde_json::json!({"n": "7.25"});
        let wire: WireDecimal = serde_json::from_value(value["n"].clone()).unwrap();
        assert_eq!(wire.value(), Decimal::new(725, 2));
    }

    #[test]
    fn from_str_and_from_decimal_serialize_as_numbers() {
        let parsed: WireDecimal = "10.10".parse().unwrap();
        assert_eq!(serde_json::to_string(&parsed).unwrap(), "10.10");
        let from = WireDecimal::from(Decimal::new(-5, 1));
        assert_eq!(serde_json::to_string(&from).unwrap(), "-0.5");
        assert!("ten".parse::<WireDecimal>().is_err());
        assert_eq!(parsed.to_string(), "10.10");
    }

    #[test]
    fn text_or_number_keeps_text_and_reads_numbers_exactly() {
        let text: TextOrNumber = serde_json::from_str("\"01.234.567.8-901.000\"").unwrap();
        assert_eq!(text.as_text(), "01.234.567.8-901.000");
        assert_eq!(text.as_decimal(), None);
        let numeric_text: TextOrNumber = serde_json::from_str("\"42.50\"").unwrap();
        assert_eq!(numeric_text, TextOrNumber::Text("42.50".to_owned()));
        assert_eq!(numeric_text.as_decimal(), Some(Decimal::new(4250, 2)));
        let number: TextOrNumber = serde_json::from_str(BIG).unwrap();
        assert_eq!(
            number.as_decimal(),
            Some(Decimal::from_str_exact(BIG).unwrap())
        );
        assert_eq!(serde_json::to_string(&number).unwrap(), BIG);
        assert!(serde_json::from_str::<TextOrNumber>("[1]").is_err());
    }
}

/// A secret that a request must carry in its body, such as the password of an IAM token
/// request (`format: password` in a spec).
///
/// It serializes its value, because the provider needs it, but `Debug` and `Display` print
/// `<redacted>`, so a request body can be logged without leaking it.
///
/// ```
/// use taxdoc_client_runtime::wire::WireSecret;
///
/// let password = WireSecret::new("hunter2");
/// assert_eq!(format!("{password:?}"), "<redacted>");
/// assert_eq!(serde_json::to_string(&password).unwrap(), "\"hunter2\"");
/// ```
#[derive(Clone, PartialEq, Eq, Hash, Default)]
pub struct WireSecret(String);

impl WireSecret {
    /// Wraps a secret value.
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }

    /// The secret value.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for WireSecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(crate::secret::REDACTED)
    }
}

impl fmt::Display for WireSecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(crate::secret::REDACTED)
    }
}

impl From<String> for WireSecret {
    fn from(value: String) -> Self {
        Self(value)
    }
}

impl From<&str> for WireSecret {
    fn from(value: &str) -> Self {
        Self(value.to_owned())
    }
}

impl Serialize for WireSecret {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for WireSecret {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Self)
    }
}
