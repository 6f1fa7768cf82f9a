//! Annotation appearance streams: filled-in form fields and stamps show their text there,
//! not in the page content.

use lopdf::{Dictionary, Document, Object};

use super::interpreter::Interpreter;
use super::objects::{array_entry, dict_entry, entry, name_entry, resolve};
use crate::geometry::{Matrix, bounds_of};

/// Annotations painted per page at most.
const MAX_ANNOTATIONS: usize = 2_000;
/// Annotation flags that keep an annotation off the page: Hidden (2) and NoView (32).
const INVISIBLE_FLAGS: i64 = 2 | 32;

/// Paints the normal appearance of every visible annotation of `page`.
pub(crate) fn paint_appearances<'a>(
    doc: &'a Document,
    page: &'a Dictionary,
    page_matrix: Matrix,
    interpreter: &mut Interpreter<'a>,
) {
    let Some(annotations) = array_entry(doc, page, b"Annots") else {
        return;
    };
    for annotation in annotations.iter().take(MAX_ANNOTATIONS) {
        let Ok(annotation) = resolve(doc, annotation).as_dict() else {
            continue;
        };
        let flags = entry(doc, annotation, b"F")
            .and_then(|value| value.as_i64().ok())
            .unwrap_or(0);
        if flags & INVISIBLE_FLAGS != 0 || name_entry(doc, annotation, b"Subtype") == Some(b"Popup")
        {
            continue;
        }
        let Some(rect) = super::rect_of(doc, entry(doc, annotation, b"Rect")) else {
            continue;
        };
        let Some(appearance) = normal_appearance(doc, annotation) else {
            continue;
        };
        let Some(bbox) = super::rect_of(doc, entry(doc, &appearance.dict, b"BBox")) else {
            continue;
        };
        // The form's bounding box, transformed by its matrix, is fitted onto /Rect.
        let form_matrix = super::objects::form_matrix(doc, &appearance.dict);
        let corners = [
            (bbox.x0, bbox.y0),
            (bbox.x1, bbox.y0),
            (bbox.x1, bbox.y1),
            (bbox.x0, bbox.y1),
        ]
        .map(|(x, y)| form_matrix.apply(x, y));
        let transformed = bounds_of(&corners);
        if transformed.width() <= 0.0 || transformed.height() <= 0.0 {
            continue;
        }
        let fit = Matrix::translate(-transformed.x0, -transformed.y0).then(Matrix::new(
            rect.width() / transformed.width(),
            0.0,
            0.0,
            rect.height() / transformed.height(),
            rect.x0,
            rect.y0,
        ));
        // `run_form` applies the form's own matrix before `fit`.
        interpreter.run_form(appearance, fit.then(page_matrix));
    }
}

/// The `/AP /N` stream, choosing the `/AS` state when there are several.
fn normal_appearance<'a>(
    doc: &'a Document,
    annotation: &'a Dictionary,
) -> Option<&'a lopdf::Stream> {
    let appearances = dict_entry(doc, annotation, b"AP")?;
    match entry(doc, appearances, b"N")? {
        Object::Stream(stream) => Some(stream),
        Object::Dictionary(states) => {
            let state = entry(doc, annotation, b"AS").and_then(|value| value.as_name().ok())?;
            entry(doc, states, state).and_then(|value| value.as_stream().ok())
        }
        _ => None,
    }
}
