//! Printed dates: `15 Januari 2024`, `15 Jan 2024`, `January 15, 2024`, `2019年08月15日`,
//! `15/01/2024`, `01/15/2024`, `2024-01-15`.

use chrono::NaiveDate;
use tax_core::{ParseError, ParseErrorKind};

use crate::parse::parse_date;

/// Month names and abbreviations, Indonesian and English, lower case, with their number.
const MONTHS: [(&str, u32); 33] = [
    ("januari", 1),
    ("january", 1),
    ("jan", 1),
    ("februari", 2),
    ("february", 2),
    ("feb", 2),
    ("maret", 3),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("mei", 5),
    ("may", 5),
    ("juni", 6),
    ("june", 6),
    ("jun", 6),
    ("juli", 7),
    ("july", 7),
    ("jul", 7),
    ("agustus", 8),
    ("august", 8),
    ("agu", 8),
    ("aug", 8),
    ("september", 9),
    ("sep", 9),
    ("oktober", 10),
    ("october", 10),
    ("okt", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("desember", 12),
    ("december", 12),
];

/// The number of a month name (`Januari`, `Jan.`, `Sept`, `Des`), or `None`.
fn month_number(word: &str) -> Option<u32> {
    let word = word.trim_end_matches('.').to_ascii_lowercase();
    match word.as_str() {
        "sept" => return Some(9),
        "des" | "dec" => return Some(12),
        _ => {}
    }
    MONTHS
        .iter()
        .find(|(name, _)| *name == word)
        .map(|(_, number)| *number)
}

/// Parses a printed date in any of the forms in the module documentation.
///
/// Numeric dates are day first (`15/01/2024`) unless the first number cannot be a day of
/// the month-first reading only (`01/15/2024`), in which case they are month first.
pub(super) fn parse_printed_date(text: &str) -> Result<NaiveDate, ParseError> {
    parse_printed_date_in(text, DayOrder::DayFirst)
}

/// The order of day and month in numeric dates such as `09/01/2025`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum DayOrder {
    /// `15/01/2024`: Indonesian, Chinese and most of the world.
    DayFirst,
    /// `01/15/2024`: documents written in (American) English.
    MonthFirst,
}

/// Like [`parse_printed_date`], reading an ambiguous numeric date in `order`.
pub(super) fn parse_printed_date_in(text: &str, order: DayOrder) -> Result<NaiveDate, ParseError> {
    let text = text.trim().trim_end_matches(['.', ',']);
    if let Some(date) = with_month_name(text) {
        return date;
    }
    if order == DayOrder::MonthFirst
        && let Some(date) = month_first(text)
    {
        return Ok(date);
    }
    match parse_date(text) {
        Ok(date) => Ok(date),
        Err(error) => month_first(text).ok_or(error),
    }
}

/// `15 Januari 2024`, `15-Jan-2024`, `January 15, 2024`: `None` when no word is a month.
fn with_month_name(text: &str) -> Option<Result<NaiveDate, ParseError>> {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || matches!(c, '-' | ',' | '/'))
        .filter(|w| !w.is_empty())
        .collect();
    let (position, month) = words
        .iter()
        .enumerate()
        .find_map(|(i, w)| month_number(w).map(|m| (i, m)))?;
    let numbers: Vec<&str> = words
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != position)
        .map(|(_, w)| *w)
        .collect();
    let [a, b] = numbers.as_slice() else {
        return Some(Err(invalid(text)));
    };
    let (day, year) = if a.len() == 4 { (*b, *a) } else { (*a, *b) };
    let parsed = match (day.parse::<u32>(), year.parse::<i32>()) {
        (Ok(day), Ok(year)) if year.to_string().len() == 4 => {
            NaiveDate::from_ymd_opt(year, month, day)
        }
        _ => None,
    };
    Some(parsed.ok_or_else(|| invalid(text)))
}

/// `01/15/2024`: month first, tried only when the day-first reading failed.
fn month_first(text: &str) -> Option<NaiveDate> {
    let parts: Vec<&str> = text.split(['/', '-', '.']).collect();
    let [month, day, year] = parts.as_slice() else {
        return None;
    };
    if year.len() != 4 {
        return None;
    }
    NaiveDate::from_ymd_opt(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)
}

fn invalid(text: &str) -> ParseError {
    ParseError::new(
        "date",
        ParseErrorKind::Format,
        format!("{text:?} is not a date"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn reads_indonesian_english_chinese_and_numeric_dates() {
        let cases = [
            ("15 Januari 2024", day(2024, 1, 15)),
            ("1 Agustus 2025", day(2025, 8, 1)),
            ("31 Desember 2024", day(2024, 12, 31)),
            ("15 Jan 2024", day(2024, 1, 15)),
            ("15-Mar-2024", day(2024, 3, 15)),
            ("January 15, 2024", day(2024, 1, 15)),
            ("2019年08月15日", day(2019, 8, 15)),
            ("15/01/2024", day(2024, 1, 15)),
            ("01/15/2024", day(2024, 1, 15)),
            ("2024-01-15", day(2024, 1, 15)),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_printed_date(text).unwrap(), expected, "{text}");
        }
    }

    #[test]
    fn english_documents_read_numeric_dates_month_first() {
        let english = |text| parse_printed_date_in(text, DayOrder::MonthFirst).unwrap();
        assert_eq!(english("09/01/2025"), day(2025, 9, 1));
        assert_eq!(english("15 Jan 2024"), day(2024, 1, 15));
        assert_eq!(english("2024-01-15"), day(2024, 1, 15));
        assert_eq!(english("25/12/2024"), day(2024, 12, 25));
        assert_eq!(parse_printed_date("09/01/2025").unwrap(), day(2025, 1, 9));
    }

    #[test]
    fn rejects_text_that_is_not_a_date() {
        for text in [
            "Januari",
            "32 Januari 2024",
            "Mei 2024",
            "hello",
            "13/13/2024",
        ] {
            assert!(parse_printed_date(text).is_err(), "{text}");
        }
    }
}
