//! Page geometry for the searches: boxes, overlaps and the distances that decide whether
//! text continues a value. Coordinates are `f32` page positions in points, never money.

use taxdoc_extract::{Chunk, Rect};

/// The smallest rectangle holding both.
pub(super) fn union(a: Rect, b: Rect) -> Rect {
    Rect {
        x0: a.x0.min(b.x0),
        y0: a.y0.min(b.y0),
        x1: a.x1.max(b.x1),
        y1: a.y1.max(b.y1),
    }
}

/// The horizontal middle of a rectangle.
#[allow(clippy::float_arithmetic)] // page coordinates, not amounts
pub(super) fn center_x(rect: Rect) -> f32 {
    (rect.x0 + rect.x1) / 2.0
}

/// How much two horizontal ranges overlap (0 when they do not).
#[allow(clippy::float_arithmetic)] // page coordinates, not amounts
pub(super) fn overlap_x(a: Rect, b: Rect) -> f32 {
    (a.x1.min(b.x1) - a.x0.max(b.x0)).max(0.0)
}

/// The part of `chunk`'s box from character `start` (a byte offset) on, estimated from the
/// share of characters before it.
#[allow(clippy::float_arithmetic, clippy::cast_precision_loss)] // page coordinates
pub(super) fn tail_box(chunk: &Chunk, start: usize) -> Rect {
    let total = chunk.text.chars().count().max(1);
    let before = chunk.text.get(..start).map_or(0, |t| t.chars().count());
    let share = before as f32 / total as f32;
    let width = chunk.bbox.x1 - chunk.bbox.x0;
    Rect {
        x0: chunk.bbox.x0 + width * share,
        ..chunk.bbox
    }
}

/// Whether `value` starts close enough right of `label` to be its value: within 20 font
/// sizes, so that a distant column is not taken for a missing value.
#[allow(clippy::float_arithmetic)] // page coordinates, not amounts
pub(super) fn is_near_right(label: &Chunk, value: &Chunk) -> bool {
    value.bbox.x0 - label.bbox.x1 <= label.font_size.max(1.0) * 20.0
}

/// Whether `next` starts within about one line height below `previous`.
#[allow(clippy::float_arithmetic)] // page coordinates, not amounts
pub(super) fn is_close_below(previous: Rect, next: Rect, font_size: f32) -> bool {
    let gap = next.y0 - previous.y1;
    gap > -font_size * 0.5 && gap < font_size * 1.2
}

/// Whether a left edge `x` continues a value that started at `value_x` after a label at
/// `label_x`: right of the label's start and not far right of the value's start.
#[allow(clippy::float_arithmetic)] // page coordinates, not amounts
pub(super) fn indented(x: f32, label_x: f32, value_x: f32, font_size: f32) -> bool {
    x > label_x + font_size * 0.5 && x < value_x + font_size * 3.0
}
