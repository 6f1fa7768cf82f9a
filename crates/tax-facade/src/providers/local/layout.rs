//! The text layer as one sequence of lines in reading order, and searches over it: a label
//! and the value to its right, values that wrap onto further lines, and areas of the page.
//!
//! Geometry is in PDF points (origin top left, `y` down). Coordinates are `f32` page
//! positions, never money; the few computations on them are marked.

use std::ops::Range;

use taxdoc_extract::{Chunk, Extraction, Rect, TextLine};

use super::geometry::{indented, is_close_below, is_near_right, overlap_x, tail_box, union};
use super::text::{after_colon, cut_at_labels, find_label, is_blank_or_colon, is_cjk, normalize};

/// A line of one page.
#[derive(Debug, Clone, Copy)]
pub(super) struct Line<'a> {
    /// Zero-based page index.
    pub(super) page: u32,
    /// The extracted line.
    pub(super) line: &'a TextLine,
}

impl Line<'_> {
    /// The chunks of the line.
    pub(super) fn chunks(&self) -> &[Chunk] {
        &self.line.chunks
    }

    /// The line's text, chunks joined by a space.
    pub(super) fn text(&self) -> String {
        self.line.text()
    }
}

/// Text found on a page, with where it was found.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Span {
    /// The text.
    pub(super) text: String,
    /// Zero-based page index.
    pub(super) page: u32,
    /// Where the text sits.
    pub(super) bbox: Rect,
}

impl Span {
    /// A span covering a whole chunk.
    pub(super) fn of_chunk(chunk: &Chunk, page: u32) -> Self {
        Self {
            text: chunk.text.clone(),
            page,
            bbox: chunk.bbox,
        }
    }

    /// The same place with other text.
    pub(super) fn with_text(&self, text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            page: self.page,
            bbox: self.bbox,
        }
    }

    /// Appends `other` (a following line of the same value) with a space, growing the box.
    pub(super) fn extend(&mut self, other: &Span) {
        if !other.text.is_empty() {
            if !self.text.is_empty() {
                self.text.push(' ');
            }
            self.text.push_str(&other.text);
        }
        self.bbox = union(self.bbox, other.bbox);
    }
}

/// Which lines and which horizontal band a search looks at. A chunk belongs to the band when
/// its left edge lies in `x_min..x_max`.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Area {
    /// Line indices.
    pub(super) lines: Range<usize>,
    /// Smallest left edge.
    pub(super) x_min: f32,
    /// Left edges must be below this.
    pub(super) x_max: f32,
}

impl Area {
    /// Whole lines `lines`.
    pub(super) fn lines(lines: Range<usize>) -> Self {
        Self {
            lines,
            x_min: f32::NEG_INFINITY,
            x_max: f32::INFINITY,
        }
    }

    /// The same lines, only chunks starting left of `x`.
    pub(super) fn left_of(mut self, x: f32) -> Self {
        self.x_max = self.x_max.min(x);
        self
    }

    /// The same lines, only chunks starting at or right of `x`.
    pub(super) fn right_of(mut self, x: f32) -> Self {
        self.x_min = self.x_min.max(x);
        self
    }

    /// Whether `chunk` lies in the band.
    pub(super) fn holds(&self, chunk: &Chunk) -> bool {
        chunk.bbox.x0 >= self.x_min && chunk.bbox.x0 < self.x_max
    }
}

/// A label found in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct LabelHit {
    /// The line index.
    pub(super) line: usize,
    /// The chunk index in the line.
    pub(super) chunk: usize,
    /// Byte offset of the label in the chunk.
    pub(super) start: usize,
    /// Byte offset after the label in the chunk.
    pub(super) end: usize,
}

/// Every line of a document in reading order: page by page, top to bottom.
#[derive(Debug)]
pub(super) struct Layout<'a> {
    lines: Vec<Line<'a>>,
}

impl<'a> Layout<'a> {
    /// The lines of `extraction`.
    pub(super) fn new(extraction: &'a Extraction) -> Self {
        let lines = extraction
            .pages
            .iter()
            .flat_map(|page| {
                page.lines.iter().map(move |line| Line {
                    page: page.index,
                    line,
                })
            })
            .collect();
        Self { lines }
    }

    /// How many lines there are.
    pub(super) fn len(&self) -> usize {
        self.lines.len()
    }

    /// Line `index`, if it exists.
    pub(super) fn line(&self, index: usize) -> Option<Line<'a>> {
        self.lines.get(index).copied()
    }

    /// Every line.
    pub(super) fn all(&self) -> Area {
        Area::lines(0..self.len())
    }

    /// The lines with their indices in `area`.
    pub(super) fn lines_in(&self, area: &Area) -> impl Iterator<Item = (usize, Line<'a>)> {
        let end = area.lines.end.min(self.lines.len());
        let start = area.lines.start.min(end);
        self.lines[start..end]
            .iter()
            .enumerate()
            .map(move |(offset, line)| (start + offset, *line))
    }

    /// The text of every line, for document-wide checks.
    pub(super) fn texts(&self) -> impl Iterator<Item = String> + '_ {
        self.lines.iter().map(Line::text)
    }

    /// The chunk a hit points at.
    pub(super) fn chunk(&self, hit: &LabelHit) -> Option<&'a Chunk> {
        self.lines.get(hit.line)?.line.chunks.get(hit.chunk)
    }

    /// The first of `labels` found in `area`, in reading order (for each chunk, the labels
    /// are tried in the order given, so put longer variants first).
    pub(super) fn find(&self, area: &Area, labels: &[&str]) -> Option<LabelHit> {
        self.find_all(area, labels).into_iter().next()
    }

    /// Every occurrence of one of `labels` in `area`, in reading order, at most one per chunk.
    ///
    /// A label may also be printed across adjacent chunks (`名` | `称: 北京`, spread out with
    /// wide letter spacing); the hit then points at the chunk where the label ends.
    pub(super) fn find_all(&self, area: &Area, labels: &[&str]) -> Vec<LabelHit> {
        let mut hits = Vec::new();
        for (index, line) in self.lines_in(area) {
            let chunks = line.chunks();
            let mut next_free = 0;
            for (chunk_index, chunk) in chunks.iter().enumerate() {
                if chunk_index < next_free || !area.holds(chunk) {
                    continue;
                }
                let direct = labels
                    .iter()
                    .filter_map(|label| {
                        find_label(&chunk.text, label)
                            .map(|(start, end)| (start, end, normalize(label).chars().count()))
                    })
                    .min_by_key(|(start, end, _)| (*start, usize::MAX - end));
                let fills_chunk = direct.is_none_or(|(start, end, _)| {
                    start == 0 && is_blank_or_colon(chunk.text.get(end..).unwrap_or_default())
                });
                let shorter = direct.map_or(0, |(_, _, length)| length);
                let spread = if fills_chunk {
                    spread_label(chunks, chunk_index, area, labels, shorter)
                } else {
                    None
                };
                let hit = match (spread, direct) {
                    (Some((last, end)), _) => Some((last, 0, end)),
                    (None, Some((start, end, _))) => Some((chunk_index, start, end)),
                    (None, None) => None,
                };
                if let Some((chunk, start, end)) = hit {
                    hits.push(LabelHit {
                        line: index,
                        chunk,
                        start,
                        end,
                    });
                    next_free = chunk + 1;
                }
            }
        }
        hits
    }

    /// A label printed vertically, one character per line (`备` above `注`): the lines it
    /// spans and the box of its characters.
    pub(super) fn find_vertical(&self, area: &Area, label: &str) -> Option<(Range<usize>, Rect)> {
        let letters: Vec<char> = normalize(label).chars().collect();
        let (first, rest) = letters.split_first()?;
        for (index, line) in self.lines_in(area) {
            for chunk in line.chunks().iter().filter(|c| area.holds(c)) {
                if normalize(&chunk.text) != first.to_string() {
                    continue;
                }
                let mut bbox = chunk.bbox;
                let mut last = index;
                let complete = rest.iter().all(|letter| {
                    let below = Area::lines(last + 1..(last + 4).min(area.lines.end));
                    let found = self.lines_in(&below).find_map(|(i, l)| {
                        l.chunks()
                            .iter()
                            .find(|c| {
                                normalize(&c.text) == letter.to_string()
                                    && overlap_x(c.bbox, bbox) > 0.0
                            })
                            .map(|c| (i, c.bbox))
                    });
                    if let Some((i, letter_box)) = found {
                        last = i;
                        bbox = union(bbox, letter_box);
                    }
                    found.is_some()
                });
                if complete && !rest.is_empty() {
                    return Some((index..last + 1, bbox));
                }
            }
        }
        None
    }

    /// The first line in `area` whose text starts with one of `labels`.
    pub(super) fn find_line_starting(&self, area: &Area, labels: &[&str]) -> Option<usize> {
        self.lines_in(area)
            .find(|(_, line)| starts_with_any(&line.text(), labels))
            .map(|(index, _)| index)
    }

    /// The value right of a label: the rest of the label's chunk, or else the next chunk of
    /// the line in `area` (a chunk holding only a colon is skipped). The value ends before
    /// any of `stops`; a value that is itself one of `stops` is no value.
    pub(super) fn value(&self, hit: &LabelHit, area: &Area, stops: &[&str]) -> Option<Span> {
        let line = self.lines.get(hit.line)?;
        let chunk = line.line.chunks.get(hit.chunk)?;
        let rest = chunk.text.get(hit.end..).unwrap_or_default();
        if !is_blank_or_colon(rest) {
            if starts_with_label(after_colon(rest), stops) {
                return None;
            }
            let value = cut_at_labels(after_colon(rest), stops);
            if value.is_empty() {
                return None;
            }
            let start = hit.end + (rest.len() - rest.trim_start().len());
            return Some(Span {
                text: value.to_owned(),
                page: line.page,
                bbox: tail_box(chunk, start),
            });
        }
        let next = line
            .line
            .chunks
            .iter()
            .skip(hit.chunk + 1)
            .filter(|c| area.holds(c))
            .find(|c| !is_blank_or_colon(&c.text))?;
        if !is_near_right(chunk, next) || is_vertical_letter(&next.text) {
            return None;
        }
        let text = after_colon(&next.text);
        if starts_with_label(text, stops) {
            return None;
        }
        let value = cut_at_labels(text, stops);
        (!value.is_empty()).then(|| Span {
            text: value.to_owned(),
            page: line.page,
            bbox: next.bbox,
        })
    }

    /// Like [`Layout::value`], followed by the lines the value wraps onto: the next lines of
    /// the same page, close below, whose first chunk in `area` is indented past the label and
    /// is not a label itself (`is_label`).
    pub(super) fn wrapped_value(
        &self,
        hit: &LabelHit,
        area: &Area,
        stops: &[&str],
        is_label: &dyn Fn(&str) -> bool,
    ) -> Option<Span> {
        let mut value = self.value(hit, area, stops)?;
        let label = self.chunk(hit)?;
        let mut previous = self.lines.get(hit.line)?.line.bbox;
        for (_, line) in self.lines_in(&Area {
            lines: hit.line + 1..area.lines.end,
            ..area.clone()
        }) {
            let Some(first) = line.chunks().iter().find(|c| area.holds(c)) else {
                break;
            };
            let font = first.font_size.max(label.font_size).max(1.0);
            let continues = line.page == value.page
                && is_close_below(previous, line.line.bbox, font)
                && indented(first.bbox.x0, label.bbox.x0, value.bbox.x0, font)
                && !is_label(&first.text);
            if !continues {
                break;
            }
            value.extend(
                &Span::of_chunk(first, line.page).with_text(cut_at_labels(&first.text, stops)),
            );
            previous = line.line.bbox;
        }
        Some(value)
    }
}

/// A label longer than `shorter` characters that starts with the whole of chunk `first` and
/// continues into the next chunks of the line: the chunk where it ends and the byte offset
/// after it there.
fn spread_label(
    chunks: &[Chunk],
    first: usize,
    area: &Area,
    labels: &[&str],
    shorter: usize,
) -> Option<(usize, usize)> {
    let head = normalize(&chunks.get(first)?.text);
    if head.is_empty() {
        return None;
    }
    for label in labels {
        let wanted = normalize(label);
        if wanted.chars().count() <= shorter
            || wanted.len() <= head.len()
            || !wanted.starts_with(&head)
        {
            continue;
        }
        let mut consumed = head.len();
        for (index, chunk) in chunks.iter().enumerate().skip(first + 1).take(4) {
            let Some(rest) = wanted.get(consumed..).filter(|_| area.holds(chunk)) else {
                break;
            };
            if let Some((0, end)) = find_label(&chunk.text, rest) {
                return Some((index, end));
            }
            let piece = normalize(&chunk.text);
            if piece.is_empty() || !rest.starts_with(&piece) {
                break;
            }
            consumed += piece.len();
        }
    }
    None
}

/// Whether `text` starts with one of `labels`.
pub(super) fn starts_with_any(text: &str, labels: &[&str]) -> bool {
    labels
        .iter()
        .any(|label| find_label(text, label).is_some_and(|(start, _)| start == 0))
}

/// Whether a chunk is a single CJK character: one letter of a label printed vertically
/// (`购` / `买` / `方`, `密` / `码` / `区`), never a value.
pub(super) fn is_vertical_letter(text: &str) -> bool {
    let mut chars = text.trim().chars();
    chars.next().is_some_and(is_cjk) && chars.next().is_none()
}

/// Whether `text` is itself a label of `labels` followed by a colon or nothing, so that it
/// is no value (`PO-778` starts with `PO` but is a value).
fn starts_with_label(text: &str, labels: &[&str]) -> bool {
    labels.iter().any(|label| match find_label(text, label) {
        Some((0, end)) => {
            let rest = text.get(end..).unwrap_or_default().trim_start();
            rest.is_empty() || rest.starts_with([':', '：'])
        }
        _ => false,
    })
}

#[cfg(test)]
mod tests {
    use super::super::test_support::simple;
    use super::*;

    #[test]
    fn values_come_from_the_label_chunk_or_the_next_one() {
        let extraction = simple(
            &[
                &[(40.0, "Nama : PT SUMBER MAKMUR")],
                &[
                    (40.0, "NPWP"),
                    (120.0, ":"),
                    (130.0, "01.000.521.8-093.010"),
                ],
                &[(40.0, "收款人: 张三 复核: 李四")],
            ],
            &[],
        );
        let layout = Layout::new(&extraction);
        let all = layout.all();
        let name = layout.find(&all, &["Nama"]).unwrap();
        assert_eq!(
            layout.value(&name, &all, &[]).unwrap().text,
            "PT SUMBER MAKMUR"
        );
        let npwp = layout.find(&all, &["NPWP"]).unwrap();
        let value = layout.value(&npwp, &all, &[]).unwrap();
        assert_eq!(value.text, "01.000.521.8-093.010");
        assert_eq!(value.bbox.x0, 130.0);
        let payee = layout.find(&all, &["收款人"]).unwrap();
        assert_eq!(layout.value(&payee, &all, &["复核"]).unwrap().text, "张三");
    }

    #[test]
    fn wrapped_values_take_indented_lines_until_a_label() {
        let extraction = simple(
            &[
                &[(40.0, "Alamat"), (120.0, ": JL. SUDIRMAN NO. 1,")],
                &[(122.0, "JAKARTA PUSAT")],
                &[(40.0, "NPWP"), (120.0, ": 01.000.521.8-093.010")],
            ],
            &[],
        );
        let layout = Layout::new(&extraction);
        let all = layout.all();
        let hit = layout.find(&all, &["Alamat"]).unwrap();
        let value = layout
            .wrapped_value(&hit, &all, &[], &|t| t.starts_with("NPWP"))
            .unwrap();
        assert_eq!(value.text, "JL. SUDIRMAN NO. 1, JAKARTA PUSAT");
    }

    #[test]
    fn labels_spread_over_several_chunks_are_found() {
        let extraction = simple(
            &[
                &[(40.0, "名"), (80.0, "称: 北京某某公司")],
                &[(40.0, "地 址"), (80.0, "、电 话:"), (140.0, "北京市 010-1")],
            ],
            &[],
        );
        let layout = Layout::new(&extraction);
        let all = layout.all();
        let name = layout.find(&all, &["名称"]).unwrap();
        assert_eq!((name.line, name.chunk), (0, 1));
        assert_eq!(layout.value(&name, &all, &[]).unwrap().text, "北京某某公司");
        let address = layout.find(&all, &["地址、电话", "地址"]).unwrap();
        assert_eq!(
            layout.value(&address, &all, &[]).unwrap().text,
            "北京市 010-1"
        );
    }

    #[test]
    fn areas_limit_the_search_to_a_band() {
        let extraction = simple(&[&[(40.0, "名称: 甲公司"), (320.0, "名称: 乙公司")]], &[]);
        let layout = Layout::new(&extraction);
        let right = layout.all().right_of(300.0);
        let hit = layout.find(&right, &["名称"]).unwrap();
        assert_eq!(layout.value(&hit, &right, &[]).unwrap().text, "乙公司");
        assert_eq!(layout.find_all(&layout.all(), &["名称"]).len(), 2);
    }
}
