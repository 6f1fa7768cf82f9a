//! The graphics state and small helpers for colour and path operators.

use std::rc::Rc;

use super::font::Font;
use crate::geometry::Matrix;

/// The graphics state (the text state parameters included).
#[derive(Debug, Clone)]
pub(crate) struct GraphicsState {
    pub(crate) ctm: Matrix,
    pub(crate) fill_dark: bool,
    pub(crate) fill_components: usize,
    pub(crate) font: Option<Rc<Font>>,
    pub(crate) font_size: f32,
    pub(crate) char_spacing: f32,
    pub(crate) word_spacing: f32,
    pub(crate) horizontal_scale: f32,
    pub(crate) leading: f32,
    pub(crate) rise: f32,
}

impl GraphicsState {
    /// The initial state: `ctm` maps user space to page coordinates, black fill, no font.
    pub(crate) fn new(ctm: Matrix) -> Self {
        Self {
            ctm,
            fill_dark: true,
            fill_components: 1,
            font: None,
            font_size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            horizontal_scale: 1.0,
            leading: 0.0,
            rise: 0.0,
        }
    }
}

/// Sets the fill colour from gray, RGB or CMYK components in 0..=1.
pub(crate) fn set_fill(state: &mut GraphicsState, values: &[f32], components: usize) {
    if values.len() != components {
        return;
    }
    state.fill_components = components;
    let luminance = match values {
        [gray] => *gray,
        [red, green, blue] => 0.299 * red + 0.587 * green + 0.114 * blue,
        [cyan, magenta, yellow, black] => {
            let channel = |ink: f32| (1.0 - ink) * (1.0 - black);
            0.299 * channel(*cyan) + 0.587 * channel(*magenta) + 0.114 * channel(*yellow)
        }
        _ => 1.0,
    };
    state.fill_dark = luminance < 0.5;
}

/// Sets a single-operand parameter.
pub(crate) fn set_value(target: &mut f32, values: &[f32]) {
    if let [value] = values {
        *target = *value;
    }
}

/// Appends a point to the current subpath (starting one when there is none).
pub(crate) fn push_point(path: &mut Vec<Vec<(f32, f32)>>, point: (f32, f32)) {
    match path.last_mut() {
        Some(subpath) => subpath.push(point),
        None => path.push(vec![point]),
    }
}

/// A point on a cubic Bézier curve.
pub(crate) fn bezier(
    p0: (f32, f32),
    p1: (f32, f32),
    p2: (f32, f32),
    p3: (f32, f32),
    t: f32,
) -> (f32, f32) {
    let u = 1.0 - t;
    let (a, b, c, d) = (u * u * u, 3.0 * u * u * t, 3.0 * u * t * t, t * t * t);
    (
        a * p0.0 + b * p1.0 + c * p2.0 + d * p3.0,
        a * p0.1 + b * p1.1 + c * p2.1 + d * p3.1,
    )
}
