//! What interpreting a page yields: placed glyphs, images and filled shapes.

use crate::geometry::Matrix;
use crate::gray::GrayImage;
use crate::model::Rect;

/// A glyph placed on the page.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PlacedGlyph {
    /// Unicode text (may be empty or several characters).
    pub(crate) text: String,
    /// The baseline start in page coordinates.
    pub(crate) origin: (f32, f32),
    /// The baseline end (origin plus the glyph's advance, without spacing).
    pub(crate) end: (f32, f32),
    /// The effective font size in points.
    pub(crate) size: f32,
    /// The unit vector from the baseline towards the top of the glyph.
    pub(crate) up: (f32, f32),
}

/// An image painted on the page.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PlacedImage {
    /// The painted area.
    pub(crate) bounds: Rect,
    /// Maps the unit square (the image, `y` up) to the page.
    pub(crate) matrix: Matrix,
    /// The pixels, when decoded for QR search.
    pub(crate) gray: Option<GrayImage>,
}

/// A filled path.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct FilledShape {
    /// Whether the fill colour is dark (else light: it paints over dark shapes).
    pub(crate) dark: bool,
    /// Closed polygons in page coordinates.
    pub(crate) polygons: Vec<Vec<(f32, f32)>>,
    /// Their bounding box.
    pub(crate) bounds: Rect,
    /// Whether the even-odd rule applies (else nonzero winding).
    pub(crate) even_odd: bool,
}

/// Everything collected from one page.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct PageContent {
    /// Glyphs in drawing order.
    pub(crate) glyphs: Vec<PlacedGlyph>,
    /// Images in drawing order.
    pub(crate) images: Vec<PlacedImage>,
    /// Filled paths in drawing order.
    pub(crate) shapes: Vec<FilledShape>,
}
