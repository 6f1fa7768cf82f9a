//! QR codes as found on the pages, and the cross-check of a value read from the text against
//! the same value decoded from a QR code.

use std::fmt;

use tax_core::ValidationReport;
use taxdoc_extract::Extraction;

use super::QR_MISMATCH;
use super::fields::{Source, from_qr};
use super::layout::Span;
use crate::document::Field;

/// Every QR code of `extraction` as a span: its payload, page and box.
pub(super) fn qr_spans(extraction: &Extraction) -> Vec<Span> {
    extraction
        .pages
        .iter()
        .flat_map(|page| {
            page.qr_codes.iter().map(|code| Span {
                text: code.text.clone(),
                page: page.index,
                bbox: code.bbox,
            })
        })
        .collect()
}

/// A value decoded from a QR code, and the code it came from.
#[derive(Debug)]
pub(super) struct QrValue<'q, T> {
    /// The decoded value.
    pub(super) value: T,
    /// The code.
    pub(super) code: &'q Span,
}

/// `value` as decoded from `code`.
pub(super) fn qr_value<T>(value: T, code: &Span) -> Option<QrValue<'_, T>> {
    Some(QrValue { value, code })
}

/// Compares `field` (read from the text) with `qr`:
///
/// - both present and `same`: the field's confidence becomes 0.99;
/// - both present and different: the text value is kept with confidence 0.5 and a
///   [`QR_MISMATCH`] warning naming both values;
/// - the field empty: it takes the QR value (confidence 0.99).
pub(super) fn cross_check<T: fmt::Display>(
    field: &mut Field<T>,
    qr: Option<QrValue<'_, T>>,
    path: &str,
    findings: &mut ValidationReport,
    same: impl Fn(&T, &T) -> bool,
) {
    let Some(qr) = qr else {
        return;
    };
    match &field.value {
        Some(text_value) if same(text_value, &qr.value) => {
            field.confidence = Some(Source::Qr.confidence());
        }
        Some(text_value) => {
            field.confidence = Some(Source::Disputed.confidence());
            findings.warning(
                path,
                QR_MISMATCH,
                format!(
                    "the text reads {text_value} but the QR code reads {}; the text is kept",
                    qr.value
                ),
            );
        }
        None if field.raw.is_none() => {
            let raw = qr.value.to_string();
            *field = from_qr(qr.value, raw, qr.code);
        }
        None => {}
    }
}

#[cfg(test)]
mod tests {
    use taxdoc_extract::Rect;

    use super::*;

    fn code() -> Span {
        Span {
            text: "qr".to_owned(),
            page: 0,
            bbox: Rect::default(),
        }
    }

    #[test]
    fn agreement_raises_confidence_and_disagreement_is_reported() {
        let span = code();
        let mut findings = ValidationReport::new();
        let mut agreeing = Field::from_value(5_u32);
        let qr = QrValue {
            value: 5,
            code: &span,
        };
        cross_check(&mut agreeing, Some(qr), "a", &mut findings, |a, b| a == b);
        assert_eq!(agreeing.confidence.unwrap().value(), 0.99);
        assert!(findings.is_empty());

        let mut differing = Field::from_value(5_u32);
        let qr = QrValue {
            value: 6,
            code: &span,
        };
        cross_check(&mut differing, Some(qr), "b", &mut findings, |a, b| a == b);
        assert_eq!(differing.value, Some(5));
        assert_eq!(differing.confidence.unwrap().value(), 0.5);
        assert!(findings.contains_rule(QR_MISMATCH));

        let mut missing: Field<u32> = Field::empty();
        let qr = QrValue {
            value: 7,
            code: &span,
        };
        cross_check(&mut missing, Some(qr), "c", &mut findings, |a, b| a == b);
        assert_eq!(missing.value, Some(7));
        assert_eq!(missing.raw.as_deref(), Some("7"));
    }
}
