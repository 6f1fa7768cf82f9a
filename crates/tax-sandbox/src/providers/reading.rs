//! One document value as the provider shapers need it: canonical text, printed text,
//! confidence and place on the page.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::{Number, Value};
use tax_facade::document::{Confidence, Field, FieldInfo, Location};

/// A field that has a parsed value.
#[derive(Debug, Clone)]
pub(crate) struct Reading<'a> {
    /// The canonical text of the value (`FieldInfo::value_text`).
    pub(crate) text: String,
    /// The text as printed, when the reader kept it.
    pub(crate) printed: Option<&'a str>,
    /// The reader's confidence.
    pub(crate) confidence: Option<Confidence>,
    /// Where the value was found.
    pub(crate) location: Option<&'a Location>,
}

impl<'a> Reading<'a> {
    /// The reading of `field`, or `None` when the field has no parsed value.
    pub(crate) fn of<T: Serialize>(field: &'a Field<T>) -> Option<Self> {
        let text = field.value_text()?;
        Some(Self {
            text,
            printed: field.raw.as_deref(),
            confidence: field.confidence,
            location: field.location.as_ref(),
        })
    }

    /// A value computed from other readings: no printed text, no place, and the lowest of
    /// their confidences.
    pub(crate) fn computed(text: String, sources: &[&Reading<'_>]) -> Self {
        let confidence = sources
            .iter()
            .filter_map(|source| source.confidence)
            .min_by(|a, b| a.value().total_cmp(&b.value()));
        Self {
            text,
            printed: None,
            confidence,
            location: None,
        }
    }

    /// The value as an exact decimal, when it is one.
    pub(crate) fn decimal(&self) -> Option<Decimal> {
        self.text.trim().parse().ok()
    }

    /// The value as a date, when it is one (`YYYY-MM-DD`).
    pub(crate) fn date(&self) -> Option<NaiveDate> {
        NaiveDate::parse_from_str(self.text.trim(), "%Y-%m-%d").ok()
    }

    /// The corners of the value's outline, in page points.
    pub(crate) fn corners(&self) -> Vec<(f64, f64)> {
        self.location
            .map(|location| {
                location
                    .polygon
                    .iter()
                    .map(|point| (point.x, point.y))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The zero-based page of the value, when known.
    pub(crate) fn page(&self) -> Option<u32> {
        self.location.and_then(|location| location.page)
    }
}

/// The sum of two readings, computed exactly; `None` when either is not a decimal.
pub(crate) fn sum<'a>(left: &Reading<'a>, right: &Reading<'a>) -> Option<Reading<'a>> {
    let total = left.decimal()?.checked_add(right.decimal()?)?;
    Some(Reading::computed(total.to_string(), &[left, right]))
}

/// An amount as a JSON number when it is whole (an exact integer), else as its decimal text,
/// so that no amount passes through binary floating point.
pub(crate) fn amount_json(text: &str) -> Value {
    let whole = text
        .trim()
        .parse::<Decimal>()
        .ok()
        .filter(|amount| amount.fract().is_zero())
        .and_then(|amount| amount.trunc().normalize().to_string().parse::<i64>().ok());
    whole.map_or_else(|| Value::from(text.trim()), Value::from)
}

/// A coordinate or a confidence as a JSON number (non-finite values become `0`).
pub(crate) fn float_json(value: f64) -> Value {
    Number::from_f64(value).map_or_else(|| Value::from(0), Value::Number)
}

/// A confidence in percent (`0.95` → `95`), computed in decimal.
pub(crate) fn percent(confidence: Confidence) -> Decimal {
    confidence
        .value()
        .to_string()
        .parse::<Decimal>()
        .ok()
        .and_then(|fraction| fraction.checked_mul(Decimal::ONE_HUNDRED))
        .map(|percent| percent.normalize())
        .unwrap_or_default()
}

/// A decimal as a JSON number: exact when whole, else its shortest binary neighbour (used only
/// for confidences, never for amounts).
pub(crate) fn decimal_number(value: Decimal) -> Value {
    let text = value.normalize().to_string();
    if let Ok(whole) = text.parse::<i64>() {
        return Value::from(whole);
    }
    text.parse::<f64>()
        .map_or_else(|_| Value::from(0), float_json)
}

/// A date as Chinese invoices print it (`2024年03月24日`).
pub(crate) fn chinese_date(date: NaiveDate) -> String {
    date.format("%Y年%m月%d日").to_string()
}

/// An amount with exactly two decimals (`94.3` → `94.30`), as Chinese providers send them;
/// text that is not a decimal is kept as it is.
pub(crate) fn two_decimals(text: &str) -> String {
    match text.trim().parse::<Decimal>() {
        Ok(amount) => format!("{:.2}", amount.round_dp(2)),
        Err(_) => text.trim().to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tax_facade::document::Point;

    #[test]
    fn whole_amounts_are_numbers_and_others_stay_text() {
        assert_eq!(amount_json("1500000.00"), Value::from(1_500_000));
        assert_eq!(amount_json("94.34"), Value::from("94.34"));
        assert_eq!(amount_json("n/a"), Value::from("n/a"));
    }

    #[test]
    fn confidences_convert_to_percent_in_decimal() {
        let confidence = Confidence::from_fraction(0.95).confidence;
        assert_eq!(percent(confidence).to_string(), "95");
        assert_eq!(decimal_number(percent(confidence)), Value::from(95));
        let half = Confidence::from_fraction(0.875).confidence;
        assert_eq!(decimal_number(percent(half)), float_json(87.5));
    }

    #[test]
    fn sums_are_exact_and_take_the_lowest_confidence() {
        let high: Field<Decimal> =
            Field::from_value(Decimal::new(150_000_000, 2)).with_confidence(Confidence::ONE);
        let low: Field<Decimal> =
            Field::from_value(Decimal::new(16_500_000, 2)).with_confidence(Confidence::HALF);
        let (high, low) = (Reading::of(&high).unwrap(), Reading::of(&low).unwrap());
        let total = sum(&high, &low).unwrap();
        assert_eq!(total.decimal(), Some(Decimal::new(166_500_000, 2)));
        assert_eq!(total.confidence, Some(Confidence::HALF));
    }

    #[test]
    fn readings_carry_place_and_printed_text() {
        let location = Location {
            page: Some(1),
            polygon: vec![Point { x: 1.0, y: 2.0 }, Point { x: 3.0, y: 4.0 }],
        };
        let field = Field::text(" PT A ").with_location(location);
        let reading = Reading::of(&field).unwrap();
        assert_eq!(reading.text, "PT A");
        assert_eq!(reading.printed, Some(" PT A "));
        assert_eq!(reading.page(), Some(1));
        assert_eq!(reading.corners(), vec![(1.0, 2.0), (3.0, 4.0)]);
        assert!(Reading::of(&Field::<String>::empty()).is_none());
    }

    #[test]
    fn chinese_forms_of_dates_and_amounts() {
        let date = NaiveDate::from_ymd_opt(2024, 3, 4).unwrap();
        assert_eq!(chinese_date(date), "2024年03月04日");
        assert_eq!(two_decimals("94.3"), "94.30");
        assert_eq!(two_decimals("100"), "100.00");
    }
}
