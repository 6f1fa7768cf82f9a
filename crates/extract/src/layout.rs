//! Groups placed glyphs into lines (by baseline) and chunks (by horizontal gaps).

use std::collections::BTreeMap;

use crate::geometry::bounds_of;
use crate::model::{Chunk, Rect, TextLine};
use crate::pdf::PlacedGlyph;

/// Baselines closer than this many font sizes share a line.
const BASELINE_TOLERANCE_EM: f32 = 0.3;
/// A gap wider than this many font sizes is a word space.
const SPACE_GAP_EM: f32 = 0.2;
/// Glyph ascent and descent, in font sizes, for bounding boxes.
const ASCENT_EM: f32 = 0.8;
const DESCENT_EM: f32 = 0.2;

/// A glyph in the frame of its writing direction.
#[derive(Debug, Clone)]
struct FramedGlyph<'a> {
    glyph: &'a PlacedGlyph,
    /// Start and end along the baseline direction.
    start: f32,
    end: f32,
    /// Position across the baseline (growing down the page for horizontal text).
    baseline: f32,
}

/// Builds the text lines of a page of `width` × `height` points.
pub(crate) fn build_lines(
    glyphs: &[PlacedGlyph],
    width: f32,
    height: f32,
    column_gap_em: f32,
) -> Vec<TextLine> {
    // Glyphs grouped by writing direction (whole degrees), so rotated text forms its own lines.
    let mut by_direction: BTreeMap<i32, Vec<FramedGlyph<'_>>> = BTreeMap::new();
    for glyph in glyphs {
        let (x, y) = glyph.origin;
        let inside = x >= -1.0 && y >= -1.0 && x <= width + 1.0 && y <= height + 1.0;
        if !inside || glyph.text.is_empty() {
            continue;
        }
        let direction = (-glyph.up.1, glyph.up.0);
        let degrees = direction.1.atan2(direction.0).to_degrees().round() as i32;
        let degrees = if degrees <= -180 {
            degrees + 360
        } else {
            degrees
        };
        let radians = (degrees as f32).to_radians();
        let (along, across) = (
            (radians.cos(), radians.sin()),
            (-radians.sin(), radians.cos()),
        );
        let dot = |(px, py): (f32, f32), (ax, ay): (f32, f32)| px * ax + py * ay;
        let start = dot(glyph.origin, along);
        let end = dot(glyph.end, along).max(start);
        by_direction.entry(degrees).or_default().push(FramedGlyph {
            glyph,
            start,
            end,
            baseline: dot(glyph.origin, across),
        });
    }
    let mut lines: Vec<(f32, TextLine)> = Vec::new();
    for (degrees, mut framed) in by_direction {
        framed.sort_by(|a, b| a.baseline.total_cmp(&b.baseline));
        let mut group: Vec<FramedGlyph<'_>> = Vec::new();
        for glyph in framed {
            let starts_new_line = group.first().is_some_and(|first| {
                let size = first.glyph.size.max(glyph.glyph.size);
                glyph.baseline - first.baseline > BASELINE_TOLERANCE_EM * size
            });
            if starts_new_line {
                push_line(
                    &mut lines,
                    std::mem::take(&mut group),
                    degrees,
                    column_gap_em,
                );
            }
            group.push(glyph);
        }
        push_line(&mut lines, group, degrees, column_gap_em);
    }
    lines.sort_by(|a, b| {
        a.0.total_cmp(&b.0)
            .then(a.1.bbox.x0.total_cmp(&b.1.bbox.x0))
    });
    lines.into_iter().map(|(_, line)| line).collect()
}

/// Turns the glyphs of one baseline into a line, keyed for top-to-bottom ordering.
fn push_line(
    lines: &mut Vec<(f32, TextLine)>,
    mut glyphs: Vec<FramedGlyph<'_>>,
    degrees: i32,
    column_gap_em: f32,
) {
    if glyphs.is_empty() {
        return;
    }
    glyphs.sort_by(|a, b| a.start.total_cmp(&b.start));
    let mut chunks: Vec<Chunk> = Vec::new();
    let mut builder = ChunkBuilder::default();
    let mut previous: Option<&FramedGlyph<'_>> = None;
    for glyph in &glyphs {
        if let Some(before) = previous {
            let size = before.glyph.size.max(glyph.glyph.size);
            // The same glyph drawn twice at (almost) the same place imitates bold text.
            if before.glyph.text == glyph.glyph.text
                && (glyph.start - before.start).abs() < 0.1 * size
            {
                continue;
            }
            let gap = glyph.start - builder.end;
            if gap > column_gap_em * size {
                if let Some(chunk) = builder.finish() {
                    chunks.push(chunk);
                }
                builder = ChunkBuilder::default();
            } else if gap > SPACE_GAP_EM * size {
                builder.pending_space = true;
            }
        }
        builder.add(glyph);
        previous = Some(glyph);
    }
    if let Some(chunk) = builder.finish() {
        chunks.push(chunk);
    }
    if chunks.is_empty() {
        return;
    }
    let bbox = chunks
        .iter()
        .skip(1)
        .fold(chunks[0].bbox, |acc, chunk| acc.union(&chunk.bbox));
    if degrees != 0 {
        // Chunks of rotated text follow the reading direction; order them by position too.
        chunks.sort_by(|a, b| {
            a.bbox
                .y0
                .total_cmp(&b.bbox.y0)
                .then(a.bbox.x0.total_cmp(&b.bbox.x0))
        });
    }
    let key = if degrees == 0 {
        glyphs.first().map_or(bbox.y1, |glyph| glyph.baseline)
    } else {
        (bbox.y0 + bbox.y1) / 2.0
    };
    lines.push((key, TextLine { chunks, bbox }));
}

/// Accumulates the glyphs of one chunk.
#[derive(Debug, Default)]
struct ChunkBuilder {
    text: String,
    bbox: Option<Rect>,
    font_size: f32,
    /// The furthest glyph end along the baseline.
    end: f32,
    pending_space: bool,
}

impl ChunkBuilder {
    /// Adds a glyph (whitespace glyphs become a single pending space).
    fn add(&mut self, framed: &FramedGlyph<'_>) {
        let glyph = framed.glyph;
        self.end = if self.bbox.is_none() {
            framed.end
        } else {
            self.end.max(framed.end)
        };
        // Control characters (from broken ToUnicode maps) carry no text.
        let visible: String = glyph
            .text
            .chars()
            .filter(|ch| !ch.is_control() || ch.is_whitespace())
            .collect();
        if visible.is_empty() {
            return;
        }
        if visible.chars().all(char::is_whitespace) {
            self.pending_space = true;
            return;
        }
        if self.pending_space && !self.text.is_empty() {
            self.text.push(' ');
        }
        self.pending_space = false;
        self.text.push_str(visible.trim());
        self.font_size = self.font_size.max(glyph.size);
        let box_of_glyph = glyph_box(glyph);
        self.bbox = Some(match self.bbox {
            Some(current) => current.union(&box_of_glyph),
            None => box_of_glyph,
        });
    }

    /// The finished chunk, `None` when it holds no visible text.
    fn finish(self) -> Option<Chunk> {
        let bbox = self.bbox?;
        let text = self.text.split_whitespace().collect::<Vec<_>>().join(" ");
        (!text.is_empty()).then_some(Chunk {
            text,
            bbox,
            font_size: self.font_size,
        })
    }
}

/// The page-space box of a glyph, from its baseline, direction and size.
fn glyph_box(glyph: &PlacedGlyph) -> Rect {
    let (up_x, up_y) = glyph.up;
    let ascent = (up_x * ASCENT_EM * glyph.size, up_y * ASCENT_EM * glyph.size);
    let descent = (
        -up_x * DESCENT_EM * glyph.size,
        -up_y * DESCENT_EM * glyph.size,
    );
    let offset = |(x, y): (f32, f32), (dx, dy): (f32, f32)| (x + dx, y + dy);
    bounds_of(&[
        offset(glyph.origin, ascent),
        offset(glyph.origin, descent),
        offset(glyph.end, ascent),
        offset(glyph.end, descent),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glyph(text: &str, x: f32, y: f32, advance: f32) -> PlacedGlyph {
        PlacedGlyph {
            text: text.to_owned(),
            origin: (x, y),
            end: (x + advance, y),
            size: 10.0,
            up: (0.0, -1.0),
        }
    }

    #[test]
    fn splits_words_and_columns_by_gap() {
        let glyphs = [
            glyph("A", 10.0, 100.0, 6.0),
            glyph("B", 16.0, 100.0, 6.0),
            glyph("C", 25.0, 100.5, 6.0),
            glyph("D", 80.0, 100.0, 6.0),
            glyph("E", 10.0, 50.0, 6.0),
        ];
        let lines = build_lines(&glyphs, 200.0, 200.0, 1.0);
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].text(), "E");
        let texts: Vec<&str> = lines[1]
            .chunks
            .iter()
            .map(|chunk| chunk.text.as_str())
            .collect();
        assert_eq!(texts, ["AB C", "D"]);
    }

    #[test]
    fn drops_glyphs_outside_the_page() {
        let lines = build_lines(&[glyph("X", 500.0, 10.0, 5.0)], 200.0, 200.0, 1.0);
        assert!(lines.is_empty());
    }
}
