//! Confidence and location of a GLAIR field.

use rust_decimal::prelude::ToPrimitive;
use tax_core::ValidationReport;
use taxdoc_client_runtime::wire::TextOrNumber;

use crate::document::{Confidence, Field, Location, Point};

/// Attaches GLAIR's percent confidence (falling back to `confidence_text` when `confidence`
/// is absent) as a `0..=1` confidence, reporting a clamped value at `path`. Empty fields get
/// no confidence: there is nothing it would describe.
pub(super) fn with_percent_confidence<T>(
    field: Field<T>,
    confidence: Option<f64>,
    confidence_text: Option<&TextOrNumber>,
    path: &str,
    findings: &mut ValidationReport,
) -> Field<T> {
    if field.is_empty() {
        return field;
    }
    let percent = confidence.or_else(|| {
        confidence_text
            .and_then(TextOrNumber::as_decimal)
            .and_then(|percent| percent.to_f64())
    });
    match percent {
        Some(percent) => {
            let confidence = Confidence::from_percent(percent).reported(path, findings);
            field.with_confidence(confidence)
        }
        None => field,
    }
}

/// The location of a field: its zero-based page and its polygon of `[x, y]` corners. Points
/// with fewer than two coordinates are skipped; a negative or huge page index is dropped.
/// `None` when neither is known.
pub(super) fn location(page_index: Option<i64>, polygon: &[Vec<f64>]) -> Option<Location> {
    let page = page_index.and_then(|page| u32::try_from(page).ok());
    let polygon: Vec<Point> = polygon
        .iter()
        .filter_map(|corner| match corner.as_slice() {
            [x, y, ..] => Some(Point { x: *x, y: *y }),
            _ => None,
        })
        .collect();
    if page.is_none() && polygon.is_empty() {
        None
    } else {
        Some(Location { page, polygon })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn polygons_and_pages_become_locations() {
        let polygon = vec![vec![1.0, 2.0], vec![3.0], vec![5.0, 6.0, 7.0]];
        let location = location(Some(2), &polygon).unwrap();
        assert_eq!(location.page, Some(2));
        assert_eq!(
            location.polygon,
            vec![Point { x: 1.0, y: 2.0 }, Point { x: 5.0, y: 6.0 }]
        );
        assert_eq!(super::location(None, &[]), None);
        assert_eq!(super::location(Some(-1), &[]), None);
    }

    #[test]
    fn percent_confidences_are_normalised_and_clamped() {
        let mut findings = ValidationReport::new();
        let field = with_percent_confidence(Field::text("A"), Some(87.5), None, "a", &mut findings);
        assert_eq!(field.confidence.map(Confidence::value), Some(0.875));
        let text = TextOrNumber::Text("150".to_owned());
        let field =
            with_percent_confidence(Field::text("B"), None, Some(&text), "b", &mut findings);
        assert_eq!(field.confidence, Some(Confidence::ONE));
        assert!(findings.contains_rule("field.confidence_out_of_range"));
        let empty: Field<String> =
            with_percent_confidence(Field::empty(), Some(0.0), None, "c", &mut findings);
        assert_eq!(empty.confidence, None);
    }
}
