//! Tables found from their header row.
//!
//! A header is a line whose chunks name at least a few known columns; the columns' horizontal
//! ranges come from those chunks. Body lines are the lines after the header up to an end
//! marker (a totals label); a header repeated on a later page is skipped together with what
//! precedes it on that page. Each body chunk belongs to the column it overlaps most (or the
//! nearest one), so left-aligned text and right-aligned numbers both land in their column.

use taxdoc_extract::{Chunk, Rect};

use super::geometry::{center_x, overlap_x};
use super::layout::{Area, Layout, Line, Span};

/// One column: what it holds and where its header sits.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Column<K> {
    /// What the column holds.
    pub(super) key: K,
    /// The header's box.
    pub(super) bbox: Rect,
}

/// The columns of a table, left to right.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Columns<K> {
    columns: Vec<Column<K>>,
}

impl<K: Copy + PartialEq> Columns<K> {
    /// The columns named by the chunks of `line` (`classify` says which chunk names what).
    fn from_line(line: &Line<'_>, classify: &dyn Fn(&str) -> Option<K>) -> Self {
        let mut columns: Vec<Column<K>> = Vec::new();
        for chunk in line.chunks() {
            let named = match classify(&chunk.text) {
                Some(_) => glued_headers(chunk, classify),
                // Headers printed close together share a chunk: `Qty Unit`.
                None => word_boxes(chunk)
                    .into_iter()
                    .filter_map(|(word, bbox)| classify(word).map(|key| (key, bbox)))
                    .collect(),
            };
            for (key, bbox) in named {
                if !columns.iter().any(|c| c.key == key) {
                    columns.push(Column { key, bbox });
                }
            }
        }
        Self { columns }
    }

    /// How many columns were recognized.
    pub(super) fn len(&self) -> usize {
        self.columns.len()
    }

    /// The column holding `key`.
    pub(super) fn get(&self, key: K) -> Option<&Column<K>> {
        self.columns.iter().find(|c| c.key == key)
    }

    /// The column a box belongs to: the one it overlaps most, or else the nearest.
    pub(super) fn assign(&self, bbox: Rect) -> Option<K> {
        let best_overlap = self
            .columns
            .iter()
            .map(|c| (c, overlap_x(c.bbox, bbox)))
            .filter(|(_, overlap)| *overlap > 0.0)
            .max_by(|a, b| a.1.total_cmp(&b.1));
        if let Some((column, _)) = best_overlap {
            return Some(column.key);
        }
        self.columns
            .iter()
            .min_by(|a, b| distance(a.bbox, bbox).total_cmp(&distance(b.bbox, bbox)))
            .map(|c| c.key)
    }

    /// The text of `line` by column, in line order. A chunk that spans several columns (cells
    /// printed too close to be separate chunks, `000000 Beras Premium`) is split into words,
    /// each placed in its own column.
    pub(super) fn cells(&self, line: &Line<'_>) -> Vec<(K, Span)> {
        let mut cells = Vec::new();
        for chunk in line.chunks() {
            let spanned = self
                .columns
                .iter()
                .filter(|c| overlap_x(c.bbox, chunk.bbox) > 0.0)
                .count();
            let words = word_boxes(chunk);
            if spanned < 2 || words.len() < 2 {
                if let Some(key) = self.assign(chunk.bbox) {
                    cells.push((key, Span::of_chunk(chunk, line.page)));
                }
                continue;
            }
            let mut current: Option<(K, Span)> = None;
            for (word, bbox) in words {
                let Some(key) = self.assign(bbox) else {
                    continue;
                };
                let piece = Span {
                    text: word.to_owned(),
                    page: line.page,
                    bbox,
                };
                match &mut current {
                    Some((open, span)) if *open == key => span.extend(&piece),
                    _ => {
                        cells.extend(current.take());
                        current = Some((key, piece));
                    }
                }
            }
            cells.extend(current);
        }
        cells
    }
}

/// The headers of a chunk that names a column, split where a second header is glued to the
/// first without a space (`Kode Barang/JasaNama Barang…`, `单价金额`), each with its box.
fn glued_headers<K: Copy + PartialEq>(
    chunk: &Chunk,
    classify: &dyn Fn(&str) -> Option<K>,
) -> Vec<(K, Rect)> {
    let text = chunk.text.as_str();
    let mut pieces: Vec<(K, usize, usize)> = Vec::new();
    let mut start = 0;
    while let Some(key) = text.get(start..).and_then(classify) {
        let split = text
            .char_indices()
            .filter(|(i, _)| *i > start)
            .find(|(i, c)| {
                let glued = text
                    .get(..*i)
                    .and_then(|t| t.chars().last())
                    .is_some_and(|p| !p.is_whitespace());
                glued
                    && !c.is_whitespace()
                    && text.get(start..*i).and_then(classify) == Some(key)
                    && text
                        .get(*i..)
                        .and_then(classify)
                        .is_some_and(|other| other != key)
            })
            .map(|(i, _)| i);
        match split {
            Some(i) => {
                pieces.push((key, start, i));
                start = i;
            }
            None => {
                pieces.push((key, start, text.len()));
                break;
            }
        }
    }
    pieces
        .into_iter()
        .map(|(key, from, to)| (key, sub_box(chunk, from, to)))
        .collect()
}

/// The box of bytes `from..to` of a chunk, estimated from the share of characters.
#[allow(clippy::float_arithmetic, clippy::cast_precision_loss)] // page coordinates
fn sub_box(chunk: &Chunk, from: usize, to: usize) -> Rect {
    let total = chunk.text.chars().count().max(1) as f32;
    let count = |end: usize| chunk.text.get(..end).map_or(0, |t| t.chars().count()) as f32;
    let width = chunk.bbox.x1 - chunk.bbox.x0;
    Rect {
        x0: chunk.bbox.x0 + width * count(from) / total,
        x1: chunk.bbox.x0 + width * count(to) / total,
        ..chunk.bbox
    }
}

/// The words of a chunk with their boxes, estimated from the share of characters before
/// and in each word.
#[allow(clippy::float_arithmetic, clippy::cast_precision_loss)] // page coordinates
fn word_boxes(chunk: &Chunk) -> Vec<(&str, Rect)> {
    let total = chunk.text.chars().count().max(1) as f32;
    let width = chunk.bbox.x1 - chunk.bbox.x0;
    let mut boxes = Vec::new();
    let mut offset = 0_usize;
    for word in chunk.text.split_whitespace() {
        let Some(found) = chunk.text.get(offset..).and_then(|rest| rest.find(word)) else {
            continue;
        };
        let start = offset + found;
        let end = start + word.len();
        offset = end;
        let before = chunk.text.get(..start).map_or(0, |t| t.chars().count()) as f32;
        let through = chunk.text.get(..end).map_or(0, |t| t.chars().count()) as f32;
        boxes.push((
            word,
            Rect {
                x0: chunk.bbox.x0 + width * before / total,
                x1: chunk.bbox.x0 + width * through / total,
                ..chunk.bbox
            },
        ));
    }
    boxes
}

/// Horizontal distance between the centres of two boxes.
#[allow(clippy::float_arithmetic)] // page coordinates, not amounts
fn distance(a: Rect, b: Rect) -> f32 {
    (center_x(a) - center_x(b)).abs()
}

/// Whether line `next` continues a row whose last line is `previous`: on the same page and
/// close below it (a page footer or a distant note is not a continuation).
pub(super) fn continues_row(layout: &Layout<'_>, previous: Option<usize>, next: usize) -> bool {
    let (Some(previous), Some(next)) = (previous.and_then(|i| layout.line(i)), layout.line(next))
    else {
        return false;
    };
    let font = next
        .chunks()
        .iter()
        .map(|c| c.font_size)
        .fold(1.0_f32, f32::max);
    previous.page == next.page && is_within(previous.line.bbox, next.line.bbox, gap(font))
}

/// The largest gap between the lines of one row: two and a half lines of `font` size.
#[allow(clippy::float_arithmetic)] // page coordinates, not amounts
fn gap(font: f32) -> f32 {
    font * 2.5
}

/// Whether `next` starts below `previous` by less than `gap`.
#[allow(clippy::float_arithmetic)] // page coordinates, not amounts
fn is_within(previous: Rect, next: Rect, gap: f32) -> bool {
    next.y0 >= previous.y0 && next.y0 - previous.y1 < gap
}

/// A table: its header line, columns and body lines.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Table<K> {
    /// The header line's index.
    pub(super) header: usize,
    /// The columns.
    pub(super) columns: Columns<K>,
    /// The body lines' indices, in reading order, repeated headers left out.
    pub(super) body: Vec<usize>,
    /// The index of the line that ended the table (a totals label), if one did.
    pub(super) end: Option<usize>,
}

impl<K: Copy + PartialEq> Table<K> {
    /// The body grouped into rows: a line whose cells `starts_row` accepts opens a row; a line
    /// just below the row (see [`continues_row`]) adds its `wraps` cells to the row's `wraps`
    /// cell, as a description that wraps onto several lines; any other line is left out.
    pub(super) fn rows(
        &self,
        layout: &Layout<'_>,
        wraps: K,
        starts_row: impl Fn(&[(K, Span)]) -> bool,
    ) -> Vec<Vec<(K, Span)>> {
        let mut rows: Vec<Vec<(K, Span)>> = Vec::new();
        let mut last_line = None;
        for &index in &self.body {
            let Some(line) = layout.line(index) else {
                continue;
            };
            let cells = self.columns.cells(&line);
            if starts_row(&cells) {
                rows.push(cells);
                last_line = Some(index);
            } else if let Some(row) = rows
                .last_mut()
                .filter(|_| continues_row(layout, last_line, index))
            {
                last_line = Some(index);
                for (_, span) in cells.into_iter().filter(|(col, _)| *col == wraps) {
                    match row.iter_mut().find(|(col, _)| *col == wraps) {
                        Some((_, text)) => text.extend(&span),
                        None => row.push((wraps, span)),
                    }
                }
            }
        }
        rows
    }
}

/// Finds the first table in `area` whose header names at least `min_columns` columns and
/// collects its body up to the first line `is_end` accepts.
pub(super) fn find_table<K: Copy + PartialEq>(
    layout: &Layout<'_>,
    area: &Area,
    min_columns: usize,
    classify: &dyn Fn(&str) -> Option<K>,
    is_end: &dyn Fn(&Line<'_>) -> bool,
) -> Option<Table<K>> {
    let is_header = |line: &Line<'_>| Columns::from_line(line, classify).len() >= min_columns;
    let (header, header_line) = layout.lines_in(area).find(|(_, line)| is_header(line))?;
    let columns = Columns::from_line(&header_line, classify);
    let mut body = Vec::new();
    let mut end = None;
    let mut page = header_line.page;
    let mut pending_page: Vec<usize> = Vec::new();
    for (index, line) in layout.lines_in(&Area::lines(header + 1..area.lines.end)) {
        if is_end(&line) {
            end = Some(index);
            break;
        }
        if line.page != page {
            // A new page: hold its lines until it shows whether the header is repeated.
            page = line.page;
            body.append(&mut pending_page);
            pending_page.clear();
            pending_page.push(index);
            continue;
        }
        if is_header(&line) {
            pending_page.clear();
            continue;
        }
        if pending_page.is_empty() {
            body.push(index);
        } else {
            pending_page.push(index);
        }
    }
    body.append(&mut pending_page);
    Some(Table {
        header,
        columns,
        body,
        end,
    })
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{page, pdf};
    use super::*;

    #[derive(Debug, Clone, Copy, PartialEq)]
    enum Col {
        Name,
        Amount,
    }

    fn classify(text: &str) -> Option<Col> {
        match text {
            "Description" => Some(Col::Name),
            "Amount" => Some(Col::Amount),
            _ => None,
        }
    }

    #[test]
    fn bodies_span_pages_and_skip_repeated_headers() {
        let first: &[(f32, &[(f32, &str)])] = &[
            (40.0, &[(40.0, "Description"), (300.0, "Amount")]),
            (54.0, &[(40.0, "Paper"), (310.0, "1,000.00")]),
        ];
        let second: &[(f32, &[(f32, &str)])] = &[
            (20.0, &[(40.0, "INVOICE continued")]),
            (40.0, &[(40.0, "Description"), (300.0, "Amount")]),
            (54.0, &[(40.0, "Ink"), (315.0, "50.00")]),
            (68.0, &[(40.0, "Subtotal"), (310.0, "1,050.00")]),
        ];
        let extraction = pdf(vec![page(0, first, &[]), page(1, second, &[])]);
        let layout = Layout::new(&extraction);
        let table = find_table(&layout, &layout.all(), 2, &classify, &|line| {
            line.text().starts_with("Subtotal")
        })
        .unwrap();
        assert_eq!(table.header, 0);
        assert_eq!(table.body, vec![1, 4]);
        assert_eq!(table.end, Some(5));
        let cells = table.columns.cells(&layout.line(4).unwrap());
        assert_eq!(cells[0].0, Col::Name);
        assert_eq!(cells[1].0, Col::Amount);
    }

    #[test]
    fn headers_glued_without_a_space_are_split_into_columns() {
        let rows: &[(f32, &[(f32, &str)])] = &[
            (40.0, &[(40.0, "DescriptionAmount")]),
            (54.0, &[(40.0, "Paper"), (100.0, "9.00")]),
        ];
        let extraction = pdf(vec![page(0, rows, &[])]);
        let layout = Layout::new(&extraction);
        let table = find_table(&layout, &layout.all(), 2, &classify_prefix, &|_| false).unwrap();
        assert_eq!(table.columns.len(), 2);
        let cells = table.columns.cells(&layout.line(1).unwrap());
        assert_eq!(cells[0].0, Col::Name);
        assert_eq!(cells[1].0, Col::Amount);
    }

    /// Like `classify`, but names a column by the start of the text (as header matching by
    /// substring does).
    fn classify_prefix(text: &str) -> Option<Col> {
        if text.starts_with("Description") {
            Some(Col::Name)
        } else if text.starts_with("Amount") {
            Some(Col::Amount)
        } else {
            None
        }
    }

    #[test]
    fn headers_sharing_a_chunk_are_split_into_columns() {
        let rows: &[(f32, &[(f32, &str)])] = &[
            (40.0, &[(40.0, "Description Amount")]),
            (54.0, &[(40.0, "Paper"), (100.0, "9.00")]),
        ];
        let extraction = pdf(vec![page(0, rows, &[])]);
        let layout = Layout::new(&extraction);
        let table = find_table(&layout, &layout.all(), 2, &classify, &|_| false).unwrap();
        let cells = table.columns.cells(&layout.line(1).unwrap());
        assert_eq!(cells[0].0, Col::Name);
        assert_eq!(cells[1].0, Col::Amount);
    }
}
