//! Turning found text into [`Field`]s with confidence and location, collecting the findings
//! of values that do not parse.

use std::fmt;

use tax_core::ValidationReport;

use super::layout::Span;
use crate::document::{Confidence, Field, Location, Point};

/// How a value was found, which decides its confidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Source {
    /// Decoded from a QR code, or read from the text and confirmed by a QR code: 0.99.
    Qr,
    /// Read from the text layer next to its label: 0.95.
    Labeled,
    /// Placed by layout alone (table columns, unlabeled lines): 0.85.
    Layout,
    /// Read from the text, but a QR code says otherwise: 0.5.
    Disputed,
}

impl Source {
    /// The confidence of a value found this way.
    pub(super) fn confidence(self) -> Confidence {
        let fraction = match self {
            Self::Qr => 0.99,
            Self::Labeled => 0.95,
            Self::Layout => 0.85,
            Self::Disputed => 0.5,
        };
        Confidence::from_fraction(fraction).confidence
    }
}

/// Where `span` sits: its page and its box as four corners clockwise from the top left.
pub(super) fn location(span: &Span) -> Location {
    let rect = span.bbox;
    let point = |x: f32, y: f32| Point {
        x: f64::from(x),
        y: f64::from(y),
    };
    Location {
        page: Some(span.page),
        polygon: vec![
            point(rect.x0, rect.y0),
            point(rect.x1, rect.y0),
            point(rect.x1, rect.y1),
            point(rect.x0, rect.y1),
        ],
    }
}

/// Builds fields and keeps the findings of values that did not parse.
#[derive(Debug, Default)]
pub(super) struct FieldSink {
    /// The findings so far.
    pub(super) findings: ValidationReport,
}

impl FieldSink {
    /// A text field from `span`, or an empty one.
    pub(super) fn text(&mut self, span: Option<&Span>, source: Source) -> Field<String> {
        match span {
            Some(span) => located(Field::text(span.text.clone()), span, source),
            None => Field::empty(),
        }
    }

    /// A parsed field from `span`; text that does not parse is kept with a `field.unparsed`
    /// finding at `path`.
    pub(super) fn parsed<T, E: fmt::Display>(
        &mut self,
        span: Option<&Span>,
        path: &str,
        source: Source,
        parser: impl FnOnce(&str) -> Result<T, E>,
    ) -> Field<T> {
        match span {
            Some(span) => located(
                Field::parse(span.text.clone(), path, &mut self.findings, parser),
                span,
                source,
            ),
            None => Field::empty(),
        }
    }
}

/// Adds confidence and location to a field that has text.
fn located<T>(field: Field<T>, span: &Span, source: Source) -> Field<T> {
    if field.is_empty() {
        return field;
    }
    field
        .with_confidence(source.confidence())
        .with_location(location(span))
}

/// A field holding a value decoded from a QR code (confidence 0.99), located at the code.
pub(super) fn from_qr<T>(value: T, raw: String, span: &Span) -> Field<T> {
    Field {
        value: Some(value),
        raw: Some(raw),
        confidence: Some(Source::Qr.confidence()),
        location: Some(location(span)),
    }
}

#[cfg(test)]
mod tests {
    use taxdoc_extract::Rect;

    use super::*;

    #[test]
    fn fields_carry_confidence_location_and_unparsed_findings() {
        let span = Span {
            text: "abc".to_owned(),
            page: 1,
            bbox: Rect {
                x0: 1.0,
                y0: 2.0,
                x1: 3.0,
                y1: 4.0,
            },
        };
        let mut sink = FieldSink::default();
        let field = sink.parsed(Some(&span), "n", Source::Labeled, str::parse::<u32>);
        assert!(field.value.is_none());
        assert_eq!(field.raw.as_deref(), Some("abc"));
        assert_eq!(field.confidence.unwrap().value(), 0.95);
        let location = field.location.unwrap();
        assert_eq!(location.page, Some(1));
        assert_eq!((location.polygon[2].x, location.polygon[2].y), (3.0, 4.0));
        assert!(sink.findings.contains_rule("field.unparsed"));
        assert!(sink.text(None, Source::Layout).is_empty());
    }
}
