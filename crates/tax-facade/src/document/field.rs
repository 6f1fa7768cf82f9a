//! One extracted value: parsed, raw, with confidence and location.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use tax_core::ValidationReport;

use crate::validate::rules;

/// A provider's confidence in a value, normalised to `0..=1`.
///
/// Providers report confidence as a fraction or as a percentage, and sometimes out of range
/// (`1.9856`); the constructors clamp and say whether they did, so the mapper can record a
/// `field.confidence_out_of_range` finding.
///
/// ```
/// use tax_facade::document::Confidence;
///
/// let normal = Confidence::from_percent(87.5);
/// assert_eq!(normal.confidence.value(), 0.875);
/// assert!(!normal.clamped);
/// let odd = Confidence::from_fraction(1.9856);
/// assert_eq!(odd.confidence, Confidence::ONE);
/// assert!(odd.clamped);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Serialize, Deserialize)]
#[serde(try_from = "f64", into = "f64")]
pub struct Confidence(f64);

/// A confidence after normalisation, and whether the original was out of range.
#[derive(Debug, Clone, Copy, PartialEq)]
#[must_use]
pub struct NormalizedConfidence {
    /// The confidence, within `0..=1`.
    pub confidence: Confidence,
    /// True when the input was outside the range (or not a number) and was clamped.
    pub clamped: bool,
}

impl NormalizedConfidence {
    /// The confidence, recording a `field.confidence_out_of_range` warning at `path` in
    /// `findings` when it was clamped.
    pub fn reported(self, path: &str, findings: &mut ValidationReport) -> Confidence {
        if self.clamped {
            findings.warning(
                path,
                rules::CONFIDENCE_OUT_OF_RANGE,
                format!(
                    "the provider's confidence was outside 0..1 and was clamped to {}",
                    self.confidence
                ),
            );
        }
        self.confidence
    }
}

impl Confidence {
    /// No confidence.
    pub const ZERO: Self = Self(0.0);
    /// One half, the default low-confidence threshold.
    pub const HALF: Self = Self(0.5);
    /// Full confidence.
    pub const ONE: Self = Self(1.0);

    /// A confidence given as a fraction (`0.93`), clamped to `0..=1`; NaN becomes 0.
    pub fn from_fraction(fraction: f64) -> NormalizedConfidence {
        if fraction.is_nan() {
            return NormalizedConfidence {
                confidence: Self::ZERO,
                clamped: true,
            };
        }
        let clamped = fraction.clamp(0.0, 1.0);
        // Negative zero is in range but would serialize as `-0.0`.
        let value = if clamped == 0.0 { 0.0 } else { clamped };
        NormalizedConfidence {
            confidence: Self(value),
            clamped: clamped != fraction,
        }
    }

    /// A confidence given as a percentage (`93.0`), clamped to `0..=1`; NaN becomes 0.
    ///
    /// The division happens on the decimal the provider wrote, so `87.6` becomes `0.876`
    /// rather than the binary neighbour `0.8759999999999999`.
    pub fn from_percent(percent: f64) -> NormalizedConfidence {
        let decimal = percent
            .to_string()
            .parse::<rust_decimal::Decimal>()
            .ok()
            .and_then(|d| d.checked_div(rust_decimal::Decimal::ONE_HUNDRED))
            .and_then(|d| d.to_string().parse::<f64>().ok());
        let fraction = decimal.unwrap_or_else(|| {
            // NaN and infinities have no decimal form; from_fraction clamps them.
            #[allow(clippy::float_arithmetic)]
            let fraction = percent / 100.0;
            fraction
        });
        Self::from_fraction(fraction)
    }

    /// The value, within `0..=1`.
    pub fn value(self) -> f64 {
        self.0
    }
}

#[cfg(test)]
mod percent_tests {
    use super::Confidence;

    #[test]
    fn percent_is_divided_in_decimal() {
        assert_eq!(
            Confidence::from_percent(87.6)
                .confidence
                .value()
                .to_string(),
            "0.876"
        );
        assert_eq!(
            Confidence::from_percent(98.7)
                .confidence
                .value()
                .to_string(),
            "0.987"
        );
        assert_eq!(
            Confidence::from_percent(100.0)
                .confidence
                .value()
                .to_string(),
            "1"
        );
        assert_eq!(
            Confidence::from_percent(f64::NAN)
                .confidence
                .value()
                .to_string(),
            "0"
        );
        assert_eq!(
            Confidence::from_percent(f64::INFINITY)
                .confidence
                .value()
                .to_string(),
            "1"
        );
    }
}

impl fmt::Display for Confidence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:.3}", self.0)
    }
}

impl TryFrom<f64> for Confidence {
    type Error = String;

    fn try_from(value: f64) -> Result<Self, Self::Error> {
        if (0.0..=1.0).contains(&value) {
            Ok(Self(value))
        } else {
            Err(format!("confidence {value} is outside 0..=1"))
        }
    }
}

impl From<Confidence> for f64 {
    fn from(confidence: Confidence) -> Self {
        confidence.0
    }
}

impl JsonSchema for Confidence {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Confidence".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "Confidence of the provider in the value, from 0 to 1.",
            "type": "number",
            "minimum": 0.0,
            "maximum": 1.0,
        })
    }
}

/// A point on a page, in the provider's pixel coordinates.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Point {
    /// Horizontal position.
    pub x: f64,
    /// Vertical position.
    pub y: f64,
}

/// Where on the document a value was found.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
pub struct Location {
    /// Zero-based page index, when the provider gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// The outline of the value, usually four corners clockwise from top left.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub polygon: Vec<Point>,
}

/// One extracted value.
///
/// `value` is the parsed value (a checked `tax-core` type where one exists); `raw` is the text
/// the provider sent. A value that does not parse is kept in `raw` with `value` empty and a
/// `field.unparsed` finding, never dropped and never an error for the whole read.
///
/// ```
/// use tax_core::{ValidationReport, id::Npwp};
/// use tax_facade::document::Field;
///
/// let mut findings = ValidationReport::new();
/// let ok = Field::parse("01.000.521.8-093.010", "npwp", &mut findings, Npwp::parse_ignoring_checksum);
/// assert!(ok.value.is_some());
/// let bad = Field::parse("01.000.013", "npwp", &mut findings, Npwp::parse_ignoring_checksum);
/// assert_eq!(bad.value, None);
/// assert_eq!(bad.raw.as_deref(), Some("01.000.013"));
/// assert!(findings.contains_rule("field.unparsed"));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(bound(serialize = "T: Serialize", deserialize = "T: Deserialize<'de>"))]
#[schemars(bound = "T: JsonSchema")]
pub struct Field<T> {
    /// The parsed value, when the raw text parsed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<T>,
    /// The text as the provider sent it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub raw: Option<String>,
    /// The provider's confidence, normalised to `0..=1`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<Confidence>,
    /// Where the value was found.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
}

impl<T> Default for Field<T> {
    fn default() -> Self {
        Self::empty()
    }
}

impl<T> Field<T> {
    /// A field the provider did not return.
    pub const fn empty() -> Self {
        Self {
            value: None,
            raw: None,
            confidence: None,
            location: None,
        }
    }

    /// A field with a value that needed no parsing (the raw text is not kept).
    pub fn from_value(value: T) -> Self {
        Self {
            value: Some(value),
            ..Self::empty()
        }
    }

    /// Parses `raw` with `parser`. Blank text gives an empty field. Text that does not parse
    /// is kept as raw text and a `field.unparsed` warning at `path` is added to `findings`.
    pub fn parse<E: fmt::Display>(
        raw: impl Into<String>,
        path: &str,
        findings: &mut ValidationReport,
        parser: impl FnOnce(&str) -> Result<T, E>,
    ) -> Self {
        let raw = raw.into();
        if raw.trim().is_empty() {
            return Self::empty();
        }
        let value = match parser(raw.trim()) {
            Ok(value) => Some(value),
            Err(err) => {
                findings.warning(
                    path,
                    rules::UNPARSED,
                    format!("{raw:?} was kept as text: {err}"),
                );
                None
            }
        };
        Self {
            value,
            raw: Some(raw),
            ..Self::empty()
        }
    }

    /// Like [`Field::parse`] for an optional text; `None` gives an empty field.
    pub fn parse_opt<E: fmt::Display>(
        raw: Option<impl Into<String>>,
        path: &str,
        findings: &mut ValidationReport,
        parser: impl FnOnce(&str) -> Result<T, E>,
    ) -> Self {
        match raw {
            Some(raw) => Self::parse(raw, path, findings, parser),
            None => Self::empty(),
        }
    }

    /// Sets the confidence.
    #[must_use]
    pub fn with_confidence(mut self, confidence: Confidence) -> Self {
        self.confidence = Some(confidence);
        self
    }

    /// Sets the location.
    #[must_use]
    pub fn with_location(mut self, location: Location) -> Self {
        self.location = Some(location);
        self
    }

    /// The parsed value, if any.
    pub fn get(&self) -> Option<&T> {
        self.value.as_ref()
    }

    /// True when the provider returned neither a value nor text.
    pub fn is_empty(&self) -> bool {
        self.value.is_none() && self.raw.is_none()
    }
}

impl Field<String> {
    /// A text field: the value is the trimmed text, or empty when blank.
    pub fn text(raw: impl Into<String>) -> Self {
        let raw = raw.into();
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            return Self::empty();
        }
        Self {
            value: Some(trimmed.to_owned()),
            raw: Some(raw),
            ..Self::empty()
        }
    }
}

/// What the document walk needs to know about a field, whatever its value type.
pub trait FieldInfo {
    /// The field's confidence.
    fn confidence(&self) -> Option<Confidence>;
    /// Whether the provider returned anything for the field.
    fn is_present(&self) -> bool;
    /// The parsed value as text: strings as they are, numbers, dates and identifiers in their
    /// canonical serialized form (`"01.000.521.8-093.010"`, `"2024-01-15"`, `"1500.00"`).
    /// `None` when the field has no parsed value.
    fn value_text(&self) -> Option<String>;
    /// Where the value was found.
    fn location(&self) -> Option<&Location>;
}

impl<T: Serialize> FieldInfo for Field<T> {
    fn confidence(&self) -> Option<Confidence> {
        self.confidence
    }

    fn is_present(&self) -> bool {
        !self.is_empty()
    }

    fn value_text(&self) -> Option<String> {
        match serde_json::to_value(self.value.as_ref()?).ok()? {
            serde_json::Value::Null => None,
            serde_json::Value::String(text) => Some(text),
            other => Some(other.to_string()),
        }
    }

    fn location(&self) -> Option<&Location> {
        self.location.as_ref()
    }
}

/// A list of `(path, field)` pairs, built by each document type to let validation walk every
/// field without knowing its value type.
pub type FieldList<'a> = Vec<(String, &'a dyn FieldInfo)>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_text_is_an_empty_field_without_findings() {
        let mut findings = ValidationReport::new();
        let field: Field<u32> = Field::parse("   ", "x", &mut findings, str::parse::<u32>);
        assert!(field.is_empty());
        assert!(findings.is_empty());
    }

    #[test]
    fn confidence_deserialization_rejects_out_of_range_values() {
        assert!(serde_json::from_str::<Confidence>("0.25").is_ok());
        assert!(serde_json::from_str::<Confidence>("1.5").is_err());
    }

    #[test]
    fn clamped_confidence_is_reported_once() {
        let mut findings = ValidationReport::new();
        let c = Confidence::from_percent(-3.0).reported("name", &mut findings);
        assert_eq!(c, Confidence::ZERO);
        assert!(findings.contains_rule("field.confidence_out_of_range"));
        let _ = Confidence::from_fraction(0.3).reported("name", &mut findings);
        assert_eq!(findings.len(), 1);
    }

    #[test]
    fn empty_fields_are_serialized_as_empty_objects() {
        let field: Field<String> = Field::empty();
        assert_eq!(serde_json::to_string(&field).unwrap(), "{}");
    }
}
