//! Dates in the forms providers send.

use chrono::NaiveDate;
use tax_core::{ParseError, ParseErrorKind};

const WHAT: &str = "date";

/// Parses a date as providers send it:
///
/// - ISO and its variants: `2022-03-21`, `2022/03/21`, `2022.03.21`, optionally followed by a
///   time (`2022-03-21T10:00:00`, `2022-03-21 10:00`), which is ignored;
/// - Chinese: `2024年03月24日`, `2024年3月24日`;
/// - compact: `20240324`;
/// - day first, as on Indonesian documents: `21-03-2022`, `21/03/2022`.
///
/// A year that is not four digits (DeepFinch sometimes sends `20227年03月24日`) or a day that
/// does not exist is an error, so the raw text is kept and reported.
///
/// ```
/// use chrono::NaiveDate;
/// use tax_facade::parse::parse_date;
///
/// let day = NaiveDate::from_ymd_opt(2024, 3, 24).unwrap();
/// assert_eq!(parse_date("2024年03月24日").unwrap(), day);
/// assert_eq!(parse_date("20240324").unwrap(), day);
/// assert_eq!(parse_date("24/03/2024").unwrap(), day);
/// assert!(parse_date("20227年03月24日").is_err());
/// ```
pub fn parse_date(input: &str) -> Result<NaiveDate, ParseError> {
    let text = input.trim();
    if text.is_empty() {
        return Err(ParseError::new(WHAT, ParseErrorKind::Empty, "no date"));
    }
    let date_part = text
        .split(['T', ' '])
        .next()
        .unwrap_or(text)
        .trim_end_matches('日');
    let parts: Vec<&str> = date_part.split(['-', '/', '.', '年', '月']).collect();
    let (year, month, day) = match parts.as_slice() {
        [compact] if compact.len() == 8 && is_digits(compact) => {
            (&compact[..4], &compact[4..6], &compact[6..])
        }
        [first, month, last] if first.len() == 4 => (*first, *month, *last),
        [first, month, last] if last.len() == 4 && first.len() <= 2 => (*last, *month, *first),
        _ => return Err(format_error(text, "expected a year, month and day")),
    };
    if year.len() != 4 {
        return Err(format_error(text, "the year does not have four digits"));
    }
    let number = |part: &str| {
        if (1..=4).contains(&part.len()) && is_digits(part) {
            part.parse::<u32>().ok()
        } else {
            None
        }
    };
    let (Some(y), Some(m), Some(d)) = (number(year), number(month), number(day)) else {
        return Err(format_error(text, "year, month and day must be digits"));
    };
    let y = i32::try_from(y).map_err(|_| format_error(text, "year out of range"))?;
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| {
        ParseError::new(
            WHAT,
            ParseErrorKind::Component,
            format!("{text:?} is not a day of the calendar"),
        )
    })
}

fn is_digits(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit())
}

fn format_error(text: &str, why: &str) -> ParseError {
    ParseError::new(WHAT, ParseErrorKind::Format, format!("{text:?}: {why}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn accepts_every_provider_form() {
        let cases = [
            ("2022-03-21", day(2022, 3, 21)),
            ("2022/03/21", day(2022, 3, 21)),
            ("2022.3.21", day(2022, 3, 21)),
            ("2022-03-21T08:15:00+07:00", day(2022, 3, 21)),
            ("2022-03-21 08:15", day(2022, 3, 21)),
            ("2024年3月4日", day(2024, 3, 4)),
            (" 20240324 ", day(2024, 3, 24)),
            ("21-03-2022", day(2022, 3, 21)),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_date(text).unwrap(), expected, "{text}");
        }
    }

    #[test]
    fn rejects_malformed_and_impossible_dates() {
        for text in [
            "",
            "20227年03月24日",
            "2023-02-29",
            "2024-13-01",
            "21.03.22",
            "2024-0a-01",
            "202403241",
        ] {
            assert!(parse_date(text).is_err(), "{text}");
        }
        assert_eq!(
            parse_date("2023-02-29").unwrap_err().kind(),
            ParseErrorKind::Component
        );
    }
}
