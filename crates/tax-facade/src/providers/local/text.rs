//! Label matching on printed text: case-folded, whitespace-insensitive, colon-tolerant.
//!
//! Printed labels vary in spacing (`名    称`, `地 址、电 话`), case (`NPWP`, `Npwp`), colon
//! style (`:`, `：`, none) and brackets (`（小写）`, `(小写)`). Labels are therefore compared
//! after [`fold`]: ASCII letters lower-cased, full-width punctuation mapped to ASCII and all
//! whitespace ignored.

/// The characters a label may be followed by before its value.
const COLONS: [char; 2] = [':', '：'];

/// Maps one character to the form labels are compared in.
pub(super) fn fold(c: char) -> char {
    match c {
        '（' => '(',
        '）' => ')',
        '：' => ':',
        '／' => '/',
        '，' => ',',
        '．' => '.',
        '＃' => '#',
        '－' => '-',
        other => other.to_ascii_lowercase(),
    }
}

/// The folded text without whitespace, as labels are compared.
pub(super) fn normalize(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(fold)
        .collect()
}

/// Whether a label may start right after `previous`: at the start of the text, after
/// whitespace, a colon or an opening bracket.
fn is_start_boundary(previous: Option<char>) -> bool {
    match previous {
        None => true,
        Some(c) => c.is_whitespace() || COLONS.contains(&c) || matches!(c, '(' | '（' | '|'),
    }
}

/// Where `label` occurs in `text`, as the byte range it covers.
///
/// The label must start at a boundary (start, whitespace, colon or bracket); whitespace inside
/// the text is skipped while matching, so `名    称` matches `名称`. A label ending in an ASCII
/// letter or digit must not be followed directly by another one (`Bank` does not match
/// `Banking`).
pub(super) fn find_label(text: &str, label: &str) -> Option<(usize, usize)> {
    let wanted: Vec<char> = normalize(label).chars().collect();
    let last = *wanted.last()?;
    let mut previous = None;
    for (start, first) in text.char_indices() {
        let at_boundary = is_start_boundary(previous);
        previous = Some(first);
        if !at_boundary || first.is_whitespace() {
            continue;
        }
        if let Some(end) = match_from(text, start, &wanted) {
            let next = text.get(end..).and_then(|rest| rest.chars().next());
            let glued =
                last.is_ascii_alphanumeric() && next.is_some_and(|c| c.is_ascii_alphanumeric());
            if !glued {
                return Some((start, end));
            }
        }
    }
    None
}

/// Matches the folded `wanted` characters from byte `start`, skipping whitespace; the byte
/// offset after the last matched character.
fn match_from(text: &str, start: usize, wanted: &[char]) -> Option<usize> {
    let mut remaining = wanted.iter();
    let mut expected = remaining.next()?;
    for (offset, c) in text.get(start..)?.char_indices() {
        if c.is_whitespace() {
            continue;
        }
        if fold(c) != *expected {
            return None;
        }
        match remaining.next() {
            Some(next) => expected = next,
            None => return Some(start + offset + c.len_utf8()),
        }
    }
    None
}

/// The text after a label: leading whitespace and one colon removed, trimmed.
pub(super) fn after_colon(text: &str) -> &str {
    let text = text.trim_start();
    text.strip_prefix(COLONS).unwrap_or(text).trim()
}

/// Whether `text` is empty or only colons and whitespace.
pub(super) fn is_blank_or_colon(text: &str) -> bool {
    text.chars()
        .all(|c| c.is_whitespace() || COLONS.contains(&c))
}

/// `text` cut before the first of `stops` found in it, trimmed.
pub(super) fn cut_at_labels<'t>(text: &'t str, stops: &[&str]) -> &'t str {
    let end = stops
        .iter()
        .filter_map(|stop| find_label(text, stop).map(|(start, _)| start))
        .filter(|start| *start > 0)
        .min()
        .unwrap_or(text.len());
    text.get(..end).unwrap_or(text).trim()
}

/// Whether the text is a placeholder for "none": `-`, `–`, `—` or `N/A`.
pub(super) fn is_placeholder(text: &str) -> bool {
    let text = text.trim();
    text.is_empty()
        || text.chars().all(|c| matches!(c, '-' | '–' | '—' | '－'))
        || text.eq_ignore_ascii_case("n/a")
}

/// Whether `c` is a CJK ideograph.
pub(super) fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_match_across_spacing_case_and_colons() {
        assert_eq!(find_label("名    称: 北京", "名称"), Some((0, 10)));
        assert_eq!(find_label("NPWP : 01", "npwp"), Some((0, 4)));
        assert!(find_label("货物或应税劳务、服务名称", "名称").is_none());
        assert!(find_label("Banking", "Bank").is_none());
        assert_eq!(find_label("（小写）¥1.00", "(小写)"), Some((0, 12)));
        assert_eq!(find_label("x 发票号码：1", "发票号码"), Some((2, 14)));
    }

    #[test]
    fn values_lose_their_colon_and_stop_before_the_next_label() {
        assert_eq!(after_colon(" ： 张三"), "张三");
        assert_eq!(
            cut_at_labels("张三 复核: 李四", &["复核", "开票人"]),
            "张三"
        );
        assert_eq!(cut_at_labels("复核: 李四", &["复核"]), "复核: 李四");
    }

    #[test]
    fn placeholders_are_recognized() {
        assert!(is_placeholder(" - "));
        assert!(is_placeholder("N/A"));
        assert!(!is_placeholder("A-1"));
    }
}
