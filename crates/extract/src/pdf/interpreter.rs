//! The content stream interpreter: graphics and text state, glyph placement, images and
//! filled paths.

use std::collections::HashMap;
use std::rc::Rc;

use lopdf::content::{Content, Operation};
use lopdf::{Dictionary, Document, Object, ObjectId, Stream};

use super::font::Font;
use super::image::{decode_image, image_size, is_image};
use super::objects::{dict_entry, form_matrix, name_entry, number, resolve, stream_data};
use super::page_content::{FilledShape, PageContent, PlacedGlyph, PlacedImage};
use super::state::{GraphicsState, bezier, push_point, set_fill, set_value};
use crate::ExtractOptions;
use crate::geometry::{Matrix, bounds_of};

/// Operators interpreted per page (forms included) before the rest is skipped.
const MAX_OPERATIONS: usize = 2_000_000;
/// How deeply form XObjects may nest.
const MAX_FORM_DEPTH: usize = 8;
/// Filled shapes kept per page.
const MAX_SHAPES: usize = 200_000;
/// Glyphs kept per page.
const MAX_GLYPHS: usize = 500_000;
/// Saved graphics states (`q`) kept on the stack; deeper saves are ignored.
const MAX_SAVED_STATES: usize = 256;
/// Line segments per flattened Bézier curve.
const CURVE_SEGMENTS: usize = 6;
/// Images longer than this many times their width (banners, rules) are not searched.
const MAX_QR_IMAGE_ASPECT: usize = 4;
/// Images smaller than this (pixels per side) are never QR codes.
const MIN_QR_IMAGE_SIDE: usize = 21;

/// Runs content streams and collects what they paint.
#[derive(Debug)]
pub(crate) struct Interpreter<'a> {
    doc: &'a Document,
    options: &'a ExtractOptions,
    fonts: HashMap<ObjectId, Rc<Font>>,
    operations: usize,
    content: PageContent,
}

impl<'a> Interpreter<'a> {
    /// An interpreter for one page.
    pub(crate) fn new(doc: &'a Document, options: &'a ExtractOptions) -> Self {
        Self {
            doc,
            options,
            fonts: HashMap::new(),
            operations: 0,
            content: PageContent::default(),
        }
    }

    /// Interprets a page's content with `ctm` mapping user space to page coordinates.
    pub(crate) fn run_page(&mut self, data: &[u8], resources: Option<&'a Dictionary>, ctm: Matrix) {
        let resources: Vec<&Dictionary> = resources.into_iter().collect();
        self.run(data, &resources, GraphicsState::new(ctm), 0);
    }

    /// Interprets a form XObject (such as an annotation appearance) painted with `ctm`.
    pub(crate) fn run_form(&mut self, form: &'a Stream, ctm: Matrix) {
        self.paint_form(form, &[], &GraphicsState::new(ctm), 0);
    }

    /// Everything collected so far.
    pub(crate) fn finish(self) -> PageContent {
        self.content
    }

    /// Interprets one content stream.
    fn run(
        &mut self,
        data: &[u8],
        resources: &[&'a Dictionary],
        initial: GraphicsState,
        depth: usize,
    ) {
        let mut state = initial;
        let mut stack: Vec<GraphicsState> = Vec::new();
        let mut text_matrix = Matrix::IDENTITY;
        let mut line_matrix = Matrix::IDENTITY;
        let mut path: Vec<Vec<(f32, f32)>> = Vec::new();
        let mut current_point = (0.0f32, 0.0f32);
        for operation in Content::decode_iter(data) {
            let Ok(Operation { operator, operands }) = operation else {
                break;
            };
            self.operations += 1;
            if self.operations > MAX_OPERATIONS {
                // The rest of an oversized page is skipped; what was read is kept.
                return;
            }
            let values: Vec<f32> = operands.iter().filter_map(number).collect();
            match operator.as_str() {
                "q" if stack.len() < MAX_SAVED_STATES => stack.push(state.clone()),
                "Q" => {
                    if let Some(saved) = stack.pop() {
                        state = saved;
                    }
                }
                "cm" => {
                    if let [a, b, c, d, e, f] = values[..] {
                        let matrix = Matrix::new(a, b, c, d, e, f);
                        if matrix.is_finite() {
                            state.ctm = matrix.then(state.ctm);
                        }
                    }
                }
                // Colour.
                "g" => set_fill(&mut state, &values, 1),
                "rg" => set_fill(&mut state, &values, 3),
                "k" => set_fill(&mut state, &values, 4),
                "cs" => {
                    let name = operands.first().and_then(|object| object.as_name().ok());
                    state.fill_components = self.color_space_components(resources, name);
                    state.fill_dark = state.fill_components != 0;
                }
                "sc" | "scn" => {
                    let components = state.fill_components;
                    if components == 0 || values.len() != components {
                        state.fill_dark = false;
                    } else {
                        set_fill(&mut state, &values, components);
                    }
                }
                // Paths.
                "m" => {
                    if let [x, y] = values[..] {
                        current_point = (x, y);
                        path.push(vec![state.ctm.apply(x, y)]);
                    }
                }
                "l" => {
                    if let [x, y] = values[..] {
                        current_point = (x, y);
                        push_point(&mut path, state.ctm.apply(x, y));
                    }
                }
                "c" | "v" | "y" => {
                    let controls = match (operator.as_str(), &values[..]) {
                        ("c", [x1, y1, x2, y2, x3, y3]) => {
                            Some(((*x1, *y1), (*x2, *y2), (*x3, *y3)))
                        }
                        ("v", [x2, y2, x3, y3]) => Some((current_point, (*x2, *y2), (*x3, *y3))),
                        ("y", [x1, y1, x3, y3]) => Some(((*x1, *y1), (*x3, *y3), (*x3, *y3))),
                        _ => None,
                    };
                    if let Some((first, second, end)) = controls {
                        let start = current_point;
                        for step in 1..=CURVE_SEGMENTS {
                            let t = step as f32 / CURVE_SEGMENTS as f32;
                            let (x, y) = bezier(start, first, second, end, t);
                            push_point(&mut path, state.ctm.apply(x, y));
                        }
                        current_point = end;
                    }
                }
                "h" => {}
                "re" => {
                    if let [x, y, width, height] = values[..] {
                        let corners = [
                            (x, y),
                            (x + width, y),
                            (x + width, y + height),
                            (x, y + height),
                        ];
                        path.push(
                            corners
                                .iter()
                                .map(|&(px, py)| state.ctm.apply(px, py))
                                .collect(),
                        );
                        current_point = (x, y);
                    }
                }
                "f" | "F" | "f*" | "B" | "B*" | "b" | "b*" => {
                    let polygons = std::mem::take(&mut path);
                    self.add_shape(polygons, operator.ends_with('*'), state.fill_dark);
                }
                "S" | "s" | "n" => path.clear(),
                // Text objects and state.
                "BT" => {
                    text_matrix = Matrix::IDENTITY;
                    line_matrix = Matrix::IDENTITY;
                }
                "ET" => {}
                "Tf" => {
                    if let (Some(name), Some(size)) = (
                        operands.first().and_then(|object| object.as_name().ok()),
                        operands.get(1).and_then(number),
                    ) {
                        state.font = Some(self.font(resources, name));
                        state.font_size = size;
                    }
                }
                "Tc" => set_value(&mut state.char_spacing, &values),
                "Tw" => set_value(&mut state.word_spacing, &values),
                "Tz" => {
                    if let [scale] = values[..] {
                        state.horizontal_scale = scale / 100.0;
                    }
                }
                "TL" => set_value(&mut state.leading, &values),
                "Ts" => set_value(&mut state.rise, &values),
                "Tr" => {}
                "Td" | "TD" => {
                    if let [x, y] = values[..] {
                        if operator == "TD" {
                            state.leading = -y;
                        }
                        line_matrix = Matrix::translate(x, y).then(line_matrix);
                        text_matrix = line_matrix;
                    }
                }
                "Tm" => {
                    if let [a, b, c, d, e, f] = values[..] {
                        let matrix = Matrix::new(a, b, c, d, e, f);
                        if matrix.is_finite() {
                            line_matrix = matrix;
                            text_matrix = matrix;
                        }
                    }
                }
                "T*" => {
                    line_matrix = Matrix::translate(0.0, -state.leading).then(line_matrix);
                    text_matrix = line_matrix;
                }
                "Tj" | "'" | "\"" => {
                    if let ("\"", [word, character, ..]) = (operator.as_str(), &values[..]) {
                        state.word_spacing = *word;
                        state.char_spacing = *character;
                    }
                    if operator != "Tj" {
                        line_matrix = Matrix::translate(0.0, -state.leading).then(line_matrix);
                        text_matrix = line_matrix;
                    }
                    if let Some(Object::String(bytes, _)) = operands.last() {
                        self.show(&state, &mut text_matrix, bytes);
                    }
                }
                "TJ" => {
                    if let Some(Object::Array(items)) = operands.first() {
                        for item in items {
                            match item {
                                Object::String(bytes, _) => {
                                    self.show(&state, &mut text_matrix, bytes)
                                }
                                other => {
                                    if let Some(adjust) = number(other) {
                                        let shift = -adjust / 1000.0
                                            * state.font_size
                                            * state.horizontal_scale;
                                        text_matrix =
                                            Matrix::translate(shift, 0.0).then(text_matrix);
                                    }
                                }
                            }
                        }
                    }
                }
                // External objects and inline images.
                "Do" => {
                    if let Some(name) = operands.first().and_then(|object| object.as_name().ok()) {
                        self.paint_xobject(resources, name, &state, depth);
                    }
                }
                "BI" => {
                    if let Some(Object::Stream(image)) = operands.first() {
                        self.add_image(image, state.ctm);
                    }
                }
                _ => {}
            }
        }
    }

    /// Records a filled path.
    fn add_shape(&mut self, polygons: Vec<Vec<(f32, f32)>>, even_odd: bool, dark: bool) {
        if self.content.shapes.len() >= MAX_SHAPES {
            return;
        }
        let polygons: Vec<Vec<(f32, f32)>> = polygons
            .into_iter()
            .filter(|polygon| {
                polygon.len() >= 3 && polygon.iter().all(|(x, y)| x.is_finite() && y.is_finite())
            })
            .collect();
        let points: Vec<(f32, f32)> = polygons.iter().flatten().copied().collect();
        if points.is_empty() {
            return;
        }
        let bounds = bounds_of(&points);
        self.content.shapes.push(FilledShape {
            dark,
            polygons,
            bounds,
            even_odd,
        });
    }

    /// Places the glyphs of one shown string and advances the text matrix.
    fn show(&mut self, state: &GraphicsState, text_matrix: &mut Matrix, bytes: &[u8]) {
        let Some(font) = state.font.clone() else {
            return;
        };
        let size = state.font_size;
        let scale = state.horizontal_scale;
        for glyph in font.decode(bytes) {
            let rendering = Matrix::new(size * scale, 0.0, 0.0, size, 0.0, state.rise)
                .then(*text_matrix)
                .then(state.ctm);
            let origin = rendering.apply(0.0, 0.0);
            let end = rendering.apply(glyph.advance, 0.0);
            let (up_x, up_y) = rendering.apply_vector(0.0, 1.0);
            let effective_size = (up_x * up_x + up_y * up_y).sqrt();
            if self.content.glyphs.len() < MAX_GLYPHS
                && effective_size.is_finite()
                && effective_size > 0.0
            {
                self.content.glyphs.push(PlacedGlyph {
                    text: glyph.text,
                    origin,
                    end,
                    size: effective_size,
                    up: (up_x / effective_size, up_y / effective_size),
                });
            }
            let spacing = state.char_spacing
                + if glyph.is_word_space {
                    state.word_spacing
                } else {
                    0.0
                };
            let advance = (glyph.advance * size + spacing) * scale;
            *text_matrix = Matrix::translate(advance, 0.0).then(*text_matrix);
        }
    }

    /// Paints an XObject: an image, or a form run recursively.
    fn paint_xobject(
        &mut self,
        resources: &[&'a Dictionary],
        name: &[u8],
        state: &GraphicsState,
        depth: usize,
    ) {
        let doc = self.doc;
        let Some(Object::Stream(stream)) = self.resource(resources, b"XObject", name) else {
            return;
        };
        if is_image(doc, &stream.dict) {
            self.add_image(stream, state.ctm);
            return;
        }
        if name_entry(doc, &stream.dict, b"Subtype") == Some(b"Form") {
            self.paint_form(stream, resources, state, depth);
        }
    }

    /// Runs a form XObject's content with its own resources first, then the enclosing ones.
    fn paint_form(
        &mut self,
        stream: &'a Stream,
        resources: &[&'a Dictionary],
        state: &GraphicsState,
        depth: usize,
    ) {
        let doc = self.doc;
        if depth >= MAX_FORM_DEPTH {
            return;
        }
        let Some(data) = stream_data(stream) else {
            return;
        };
        let mut nested: Vec<&'a Dictionary> = Vec::with_capacity(resources.len() + 1);
        if let Some(own) = dict_entry(doc, &stream.dict, b"Resources") {
            nested.push(own);
        }
        nested.extend_from_slice(resources);
        let mut inner = state.clone();
        inner.ctm = form_matrix(doc, &stream.dict).then(state.ctm);
        self.run(&data, &nested, inner, depth + 1);
    }

    /// Records an image and decodes it when it could hold a QR code.
    fn add_image(&mut self, stream: &Stream, ctm: Matrix) {
        let bounds = ctm.unit_square_bounds();
        let size = image_size(self.doc, &stream.dict);
        let worth_decoding = self.options.decode_qr
            && size.is_some_and(|(width, height)| {
                let (short, long) = (width.min(height), width.max(height));
                short >= MIN_QR_IMAGE_SIDE && long <= MAX_QR_IMAGE_ASPECT * short
            });
        let gray = if worth_decoding {
            decode_image(self.doc, stream, self.options.max_image_pixels)
        } else {
            None
        };
        self.content.images.push(PlacedImage {
            bounds,
            matrix: ctm,
            gray,
        });
    }

    /// A named resource of one category, searched innermost first.
    fn resource(
        &self,
        resources: &[&'a Dictionary],
        category: &[u8],
        name: &[u8],
    ) -> Option<&'a Object> {
        let doc = self.doc;
        resources.iter().find_map(|dict| {
            let category = dict_entry(doc, dict, category)?;
            let object = category.get(name).ok()?;
            Some(resolve(doc, object))
        })
    }

    /// A font resource, cached by object id.
    fn font(&mut self, resources: &[&'a Dictionary], name: &[u8]) -> Rc<Font> {
        let doc = self.doc;
        let reference = resources.iter().find_map(|dict| {
            let fonts = dict_entry(doc, dict, b"Font")?;
            fonts.get(name).ok()
        });
        let id = reference.and_then(|object| object.as_reference().ok());
        if let Some(font) = id.and_then(|id| self.fonts.get(&id)) {
            return Rc::clone(font);
        }
        let font = match reference.map(|object| resolve(doc, object)) {
            Some(Object::Dictionary(dict)) => Rc::new(Font::load(doc, dict)),
            _ => Rc::new(Font::default()),
        };
        if let Some(id) = id {
            self.fonts.insert(id, Rc::clone(&font));
        }
        font
    }

    /// The component count of a fill colour space (0 for patterns and unknown spaces).
    fn color_space_components(&self, resources: &[&'a Dictionary], name: Option<&[u8]>) -> usize {
        match name {
            Some(b"DeviceGray" | b"CalGray" | b"G") => 1,
            Some(b"DeviceRGB" | b"CalRGB" | b"RGB") => 3,
            Some(b"DeviceCMYK" | b"CMYK") => 4,
            Some(b"Pattern") | None => 0,
            Some(other) => match self.resource(resources, b"ColorSpace", other) {
                Some(Object::Array(items)) => {
                    let family = items.first().and_then(|item| item.as_name().ok());
                    match family {
                        Some(b"ICCBased") => items
                            .get(1)
                            .map(|item| resolve(self.doc, item))
                            .and_then(|item| item.as_stream().ok())
                            .and_then(|stream| stream.dict.get(b"N").ok())
                            .and_then(number)
                            .map_or(0, |n| n as usize),
                        Some(b"CalRGB" | b"Lab") => 3,
                        Some(b"CalGray") => 1,
                        _ => 0,
                    }
                }
                Some(Object::Name(inner)) => self.color_space_components(resources, Some(inner)),
                _ => 0,
            },
        }
    }
}
