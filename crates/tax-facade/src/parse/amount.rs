//! Amounts and percentages with grouping separators, into exact decimals.

use rust_decimal::Decimal;
use tax_core::{Currency, Money, ParseError, ParseErrorKind};

const WHAT: &str = "amount";

/// Currency markers removed around an amount, longest first so that `Rp.` wins over `Rp`.
const CURRENCY_MARKERS: [&str; 11] = [
    "US$", "Rp.", "IDR", "CNY", "RMB", "USD", "Rp", "¥", "￥", "$", "元",
];

/// Which separators an amount uses.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum NumberStyle {
    /// Decide from the text: when both `.` and `,` occur, the last one is the decimal
    /// separator; a separator that occurs several times groups thousands; a single separator
    /// followed by exactly three digits, after one to three digits not starting with zero,
    /// groups thousands (`Rp 600.000`, `1,234`); any other single separator is decimal
    /// (`120.00`, `0,5`).
    #[default]
    Auto,
    /// Indonesian and most of Europe: `1.234.567,89`.
    DotGrouping,
    /// English and Chinese: `1,234,567.89`.
    CommaGrouping,
}

/// Parses an amount with [`NumberStyle::Auto`]. See [`parse_amount_with`].
///
/// ```
/// use rust_decimal::Decimal;
/// use tax_facade::parse::parse_amount;
///
/// assert_eq!(parse_amount("1.234.567,00").unwrap(), "1234567.00".parse::<Decimal>().unwrap());
/// assert_eq!(parse_amount("1,234.56").unwrap(), "1234.56".parse::<Decimal>().unwrap());
/// assert_eq!(parse_amount("¥120.00").unwrap(), "120.00".parse::<Decimal>().unwrap());
/// assert_eq!(parse_amount("Rp 600.000").unwrap(), Decimal::from(600_000));
/// ```
pub fn parse_amount(input: &str) -> Result<Decimal, ParseError> {
    parse_amount_with(input, NumberStyle::Auto)
}

/// Parses an amount into an exact decimal (never through `f64`), keeping the decimals as
/// written (`120.00` has scale 2).
///
/// Currency markers (`Rp`, `IDR`, `¥`, `￥`, `$`, `CNY`, `RMB`, `USD`, `元`) and spaces are
/// ignored; a leading `-` or `−`, or parentheses, make it negative; the Indonesian `,-`
/// ending (`Rp 5.000,-`) means no cents. Grouping must be in threes.
///
/// ```
/// use rust_decimal::Decimal;
/// use tax_facade::parse::{parse_amount_with, NumberStyle};
///
/// let d = |s: &str| s.parse::<Decimal>().unwrap();
/// assert_eq!(parse_amount_with("1.234", NumberStyle::CommaGrouping).unwrap(), d("1.234"));
/// assert_eq!(parse_amount_with("(1.500,50)", NumberStyle::DotGrouping).unwrap(), d("-1500.50"));
/// assert!(parse_amount_with("12,34,567", NumberStyle::Auto).is_err());
/// ```
pub fn parse_amount_with(input: &str, style: NumberStyle) -> Result<Decimal, ParseError> {
    let text: String = input
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{202F}')
        .collect();
    if text.is_empty() {
        return Err(ParseError::new(WHAT, ParseErrorKind::Empty, "no amount"));
    }
    let mut body = strip_currency(&text);
    let mut negative = false;
    if let Some(inner) = body.strip_prefix('(').and_then(|b| b.strip_suffix(')')) {
        negative = true;
        body = strip_currency(inner);
    }
    if let Some(rest) = body.strip_prefix(['-', '−']) {
        negative = !negative;
        body = strip_currency(rest);
    } else if let Some(rest) = body.strip_prefix('+') {
        body = strip_currency(rest);
    }
    let body = body.strip_suffix(",-").unwrap_or(body);
    if body.is_empty()
        || !body
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return Err(format_error(input, "not a number"));
    }
    let (integer, fraction) = split(body, style).ok_or_else(|| {
        format_error(input, "separators are not in the places a number puts them")
    })?;
    let sign = if negative { "-" } else { "" };
    let plain = match fraction {
        Some(fraction) => format!("{sign}{integer}.{fraction}"),
        None => format!("{sign}{integer}"),
    };
    Decimal::from_str_exact(&plain).map_err(|e| format_error(input, &e.to_string()))
}

/// Parses an amount with [`NumberStyle::Auto`] into money of currency `C`, which must not
/// carry more decimals than the currency has (a yuan amount of `1.005` is an error).
///
/// ```
/// use tax_core::Yuan;
/// use tax_facade::parse::parse_money;
///
/// let total: Yuan = parse_money("¥9,828.00").unwrap();
/// assert_eq!(total.to_string(), "9828.00");
/// assert!(parse_money::<tax_core::Cny>("0.005").is_err());
/// ```
pub fn parse_money<C: Currency>(input: &str) -> Result<Money<C>, ParseError> {
    Money::new(parse_amount(input)?)
}

/// Parses a percentage (`"11%"`, `"11,5 %"`, `"12"`) into its number of percent.
///
/// ```
/// use rust_decimal::Decimal;
/// use tax_facade::parse::parse_percent;
///
/// assert_eq!(parse_percent("11%").unwrap(), Decimal::from(11));
/// assert_eq!(parse_percent("1,5 %").unwrap(), "1.5".parse::<Decimal>().unwrap());
/// assert!(parse_percent("%").is_err());
/// ```
pub fn parse_percent(input: &str) -> Result<Decimal, ParseError> {
    let text = input.trim();
    let number = text.strip_suffix(['%', '％']).unwrap_or(text).trim();
    parse_amount(number).map_err(|_| {
        ParseError::new(
            "percentage",
            ParseErrorKind::Format,
            format!("{input:?} is not a percentage"),
        )
    })
}

fn strip_currency(text: &str) -> &str {
    let mut current = text;
    loop {
        let before = current;
        for marker in CURRENCY_MARKERS {
            current = strip_prefix_ignore_ascii_case(current, marker);
            current = strip_suffix_ignore_ascii_case(current, marker);
        }
        if current == before {
            return current;
        }
    }
}

fn strip_prefix_ignore_ascii_case<'a>(text: &'a str, marker: &str) -> &'a str {
    match text.get(..marker.len()) {
        Some(head) if head.eq_ignore_ascii_case(marker) => &text[marker.len()..],
        _ => text,
    }
}

fn strip_suffix_ignore_ascii_case<'a>(text: &'a str, marker: &str) -> &'a str {
    let Some(start) = text.len().checked_sub(marker.len()) else {
        return text;
    };
    match text.get(start..) {
        Some(tail) if tail.eq_ignore_ascii_case(marker) => &text[..start],
        _ => text,
    }
}

/// Splits `body` (digits, `.` and `,` only) into integer digits and fraction digits.
fn split(body: &str, style: NumberStyle) -> Option<(String, Option<&str>)> {
    let (grouping, decimal) = match style {
        NumberStyle::DotGrouping => ('.', Some(',')),
        NumberStyle::CommaGrouping => (',', Some('.')),
        NumberStyle::Auto => auto_separators(body),
    };
    let (integer, fraction) = match decimal.and_then(|d| body.rfind(d).map(|at| (d, at))) {
        Some((d, at)) => (&body[..at], Some(&body[at + d.len_utf8()..])),
        None => (body, None),
    };
    if let Some(fraction) = fraction
        && (fraction.is_empty() || !fraction.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let groups: Vec<&str> = integer.split(grouping).collect();
    let (first, rest) = groups.split_first()?;
    let first_ok = !first.is_empty()
        && first.bytes().all(|b| b.is_ascii_digit())
        && (rest.is_empty() || first.len() <= 3);
    let rest_ok = rest
        .iter()
        .all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()));
    (first_ok && rest_ok).then(|| (groups.concat(), fraction))
}

/// Picks (grouping, decimal) separators for [`NumberStyle::Auto`].
fn auto_separators(body: &str) -> (char, Option<char>) {
    let (dots, commas) = (body.matches('.').count(), body.matches(',').count());
    match (dots, commas) {
        (0, 0) => (',', None),
        (_, 0) => single_or_grouping(body, '.', ','),
        (0, _) => single_or_grouping(body, ',', '.'),
        _ => {
            let last_dot = body.rfind('.');
            let last_comma = body.rfind(',');
            if last_dot > last_comma {
                (',', Some('.'))
            } else {
                ('.', Some(','))
            }
        }
    }
}

fn single_or_grouping(body: &str, separator: char, other: char) -> (char, Option<char>) {
    let grouping = (separator, None);
    let decimal = (other, Some(separator));
    if body.matches(separator).count() > 1 {
        return grouping;
    }
    match body.split_once(separator) {
        Some((before, after))
            if after.len() == 3 && (1..=3).contains(&before.len()) && !before.starts_with('0') =>
        {
            grouping
        }
        _ => decimal,
    }
}

fn format_error(input: &str, why: &str) -> ParseError {
    ParseError::new(WHAT, ParseErrorKind::Format, format!("{input:?}: {why}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    #[test]
    fn auto_style_reads_every_provider_form() {
        let cases = [
            ("1.234.567,00", "1234567.00"),
            ("1,234.56", "1234.56"),
            ("¥120.00", "120.00"),
            ("￥ 120.00", "120.00"),
            ("Rp 600.000", "600000"),
            ("Rp. 5.000,-", "5000"),
            ("IDR 1,500,000", "1500000"),
            ("600000", "600000"),
            ("0.500", "0.500"),
            ("0,5", "0.5"),
            ("-1.234,5", "-1234.5"),
            ("−42", "-42"),
            ("(300.00)", "-300.00"),
            ("120.00元", "120.00"),
            ("1 234 567,89", "1234567.89"),
        ];
        for (text, expected) in cases {
            let parsed = parse_amount(text).unwrap();
            assert_eq!(parsed, d(expected), "{text}");
            assert_eq!(
                parsed.scale(),
                d(expected).scale(),
                "{text} keeps its decimals"
            );
        }
    }

    #[test]
    fn rejects_text_that_is_not_an_amount() {
        for text in [
            "",
            "Rp",
            "abc",
            "1.2.3",
            "12,34,567",
            "1,234.5.6",
            "1.",
            "--5",
            "1e5",
        ] {
            assert!(parse_amount(text).is_err(), "{text}");
        }
    }
}
