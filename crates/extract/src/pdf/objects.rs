//! Lenient accessors over `lopdf` objects: missing or mistyped entries read as `None`.

use lopdf::{Dictionary, Document, Object, Stream};

use crate::geometry::Matrix;

/// The largest decoded stream accepted (content streams, images, CMaps).
pub(crate) const MAX_STREAM_BYTES: usize = 64 * 1024 * 1024;

/// Follows references.
pub(crate) fn resolve<'a>(doc: &'a Document, object: &'a Object) -> &'a Object {
    doc.dereference(object)
        .map(|(_, target)| target)
        .unwrap_or(&Object::Null)
}

/// A dictionary entry with references followed.
pub(crate) fn entry<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    dict.get(key)
        .ok()
        .map(|object| resolve(doc, object))
        .filter(|object| !object.is_null())
}

/// A dictionary entry that is (or refers to) a dictionary; a stream yields its dictionary.
pub(crate) fn dict_entry<'a>(
    doc: &'a Document,
    dict: &'a Dictionary,
    key: &[u8],
) -> Option<&'a Dictionary> {
    match entry(doc, dict, key)? {
        Object::Dictionary(inner) => Some(inner),
        Object::Stream(stream) => Some(&stream.dict),
        _ => None,
    }
}

/// A numeric dictionary entry.
pub(crate) fn number_entry(doc: &Document, dict: &Dictionary, key: &[u8]) -> Option<f32> {
    entry(doc, dict, key).and_then(number)
}

/// A name dictionary entry.
pub(crate) fn name_entry<'a>(
    doc: &'a Document,
    dict: &'a Dictionary,
    key: &[u8],
) -> Option<&'a [u8]> {
    entry(doc, dict, key).and_then(|object| object.as_name().ok())
}

/// An array dictionary entry.
pub(crate) fn array_entry<'a>(
    doc: &'a Document,
    dict: &'a Dictionary,
    key: &[u8],
) -> Option<&'a [Object]> {
    entry(doc, dict, key)
        .and_then(|object| object.as_array().ok())
        .map(Vec::as_slice)
}

/// A number (integer or real) that is finite.
pub(crate) fn number(object: &Object) -> Option<f32> {
    object.as_float().ok().filter(|value| value.is_finite())
}

/// A stream's data with all filters undone, bounded in size.
pub(crate) fn stream_data(stream: &Stream) -> Option<Vec<u8>> {
    if stream.dict.get(b"Filter").is_err() {
        return Some(stream.content.clone());
    }
    stream
        .decompressed_content_with_limit(MAX_STREAM_BYTES)
        .ok()
}

/// The `/Matrix` of a form XObject (identity when absent or malformed).
pub(crate) fn form_matrix(doc: &Document, dict: &Dictionary) -> Matrix {
    let values: Vec<f32> = array_entry(doc, dict, b"Matrix")
        .map(|array| {
            array
                .iter()
                .filter_map(|item| resolve(doc, item).as_float().ok())
                .collect()
        })
        .unwrap_or_default();
    match values.as_slice() {
        [a, b, c, d, e, f] => Matrix::new(*a, *b, *c, *d, *e, *f),
        _ => Matrix::IDENTITY,
    }
}
