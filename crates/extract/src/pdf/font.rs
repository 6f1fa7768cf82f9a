//! Fonts: turning shown strings into glyphs with Unicode text and advance widths.

use std::collections::HashMap;

use lopdf::{Dictionary, Document, Object};

use super::cmap::{ToUnicode, bytes_value};
use super::encoding::{BaseEncoding, ByteEncoding, glyph_name_to_char};
use super::objects::{
    array_entry, dict_entry, entry, name_entry, number, number_entry, resolve, stream_data,
};
use super::standard_metrics::StandardMetrics;

/// The advance used when a font gives none, in 1/1000 em.
const FALLBACK_WIDTH: f32 = 500.0;

/// One shown code.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct FontGlyph {
    /// The Unicode text (empty when the font gives no way to know it).
    pub(crate) text: String,
    /// The horizontal advance in text space units per unit font size (1.0 = one em).
    pub(crate) advance: f32,
    /// Whether this is the single-byte code 32, to which word spacing applies.
    pub(crate) is_word_space: bool,
}

/// How the codes of a composite font map to characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CompositeEncoding {
    /// `Identity-H`/`-V`: two-byte codes that are CIDs; text only through `/ToUnicode`.
    Identity,
    /// `UniGB-UCS2-H` and similar: two-byte codes that are UCS-2 code points.
    Ucs2,
    /// `UniGB-UTF16-H` and similar: UTF-16BE code units (surrogate pairs are one code).
    Utf16,
    /// Any other CMap: codes as declared by `/ToUnicode`, two bytes otherwise.
    Other,
}

/// Widths of a CID font by CID.
#[derive(Debug, Clone, Default)]
struct CidWidths {
    single: HashMap<u32, f32>,
    ranges: Vec<(u32, u32, f32)>,
    default_width: f32,
}

impl CidWidths {
    fn width(&self, cid: u32) -> f32 {
        self.single
            .get(&cid)
            .copied()
            .or_else(|| {
                self.ranges
                    .iter()
                    .find(|(first, last, _)| (*first..=*last).contains(&cid))
                    .map(|(_, _, width)| *width)
            })
            .unwrap_or(self.default_width)
    }
}

/// The kind-specific part of a font.
#[derive(Debug, Clone)]
enum FontKind {
    Simple {
        encoding: Box<ByteEncoding>,
        first_char: u32,
        widths: Vec<Option<f32>>,
        missing_width: Option<f32>,
        standard: Option<StandardMetrics>,
        /// Glyph space to text space scale (Type 3 fonts), times 1000.
        width_scale: f32,
    },
    Composite {
        encoding: CompositeEncoding,
        widths: CidWidths,
    },
}

/// A font, ready to decode shown strings.
#[derive(Debug, Clone)]
pub(crate) struct Font {
    kind: FontKind,
    to_unicode: Option<ToUnicode>,
}

impl Default for Font {
    fn default() -> Self {
        Self {
            kind: FontKind::Simple {
                encoding: Box::new(BaseEncoding::Standard.table()),
                first_char: 0,
                widths: Vec::new(),
                missing_width: None,
                standard: None,
                width_scale: 1.0,
            },
            to_unicode: None,
        }
    }
}

impl Font {
    /// Reads a font dictionary.
    pub(crate) fn load(doc: &Document, dict: &Dictionary) -> Font {
        let to_unicode = match entry(doc, dict, b"ToUnicode") {
            Some(Object::Stream(stream)) => stream_data(stream).map(|data| ToUnicode::parse(&data)),
            _ => None,
        };
        let kind = if name_entry(doc, dict, b"Subtype") == Some(b"Type0") {
            load_composite(doc, dict)
        } else {
            load_simple(doc, dict)
        };
        Font { kind, to_unicode }
    }

    /// Splits a shown string into glyphs.
    pub(crate) fn decode(&self, bytes: &[u8]) -> Vec<FontGlyph> {
        let mut glyphs = Vec::new();
        let mut index = 0;
        while index < bytes.len() {
            let length = self
                .code_length(&bytes[index..])
                .clamp(1, bytes.len() - index);
            let code_bytes = &bytes[index..index + length];
            glyphs.push(self.glyph(code_bytes));
            index += length;
        }
        glyphs
    }

    /// The byte length of the code starting at `bytes`.
    fn code_length(&self, bytes: &[u8]) -> usize {
        match &self.kind {
            FontKind::Simple { .. } => 1,
            FontKind::Composite { encoding, .. } => match encoding {
                CompositeEncoding::Identity | CompositeEncoding::Ucs2 => 2,
                CompositeEncoding::Utf16 => {
                    let high = bytes.first().copied().unwrap_or(0);
                    if (0xD8..=0xDB).contains(&high) && bytes.len() >= 4 {
                        4
                    } else {
                        2
                    }
                }
                CompositeEncoding::Other => self
                    .to_unicode
                    .as_ref()
                    .filter(|cmap| cmap.has_code_spaces())
                    .and_then(|cmap| cmap.code_length(bytes))
                    .unwrap_or(2),
            },
        }
    }

    /// One glyph from one code.
    fn glyph(&self, code_bytes: &[u8]) -> FontGlyph {
        let code = bytes_value(code_bytes);
        let mapped = self
            .to_unicode
            .as_ref()
            .and_then(|cmap| cmap.lookup(code_bytes.len(), code));
        match &self.kind {
            FontKind::Simple {
                encoding,
                first_char,
                widths,
                missing_width,
                standard,
                width_scale,
            } => {
                let text = mapped.unwrap_or_else(|| {
                    encoding
                        .get(usize::try_from(code).unwrap_or(usize::MAX))
                        .copied()
                        .flatten()
                        .map(String::from)
                        .unwrap_or_default()
                });
                let listed = code.checked_sub(*first_char).and_then(|offset| {
                    widths.get(usize::try_from(offset).ok()?).copied().flatten()
                });
                let width = listed
                    .map(|width| width * width_scale)
                    .or(*missing_width)
                    .unwrap_or_else(|| match (standard, text.chars().next()) {
                        (Some(metrics), Some(ch)) => metrics.width(ch),
                        _ => FALLBACK_WIDTH,
                    });
                FontGlyph {
                    text,
                    advance: width / 1000.0,
                    is_word_space: code == 32,
                }
            }
            FontKind::Composite { encoding, widths } => {
                let (text, cid) = match encoding {
                    CompositeEncoding::Identity | CompositeEncoding::Other => {
                        (mapped.unwrap_or_default(), Some(code))
                    }
                    CompositeEncoding::Ucs2 | CompositeEncoding::Utf16 => {
                        let units: Vec<u16> = code_bytes
                            .chunks(2)
                            .map(|pair| {
                                u16::from_be_bytes([pair[0], pair.get(1).copied().unwrap_or(0)])
                            })
                            .collect();
                        let text = mapped.unwrap_or_else(|| String::from_utf16_lossy(&units));
                        // In Adobe-GB1, printable ASCII sits at CIDs 1..=95; other CIDs are
                        // not derivable without the predefined CMap tables.
                        let cid = (0x20..=0x7E).contains(&code).then(|| code - 31);
                        (text, cid)
                    }
                };
                let width = cid.map_or(widths.default_width, |cid| widths.width(cid));
                FontGlyph {
                    text,
                    advance: width / 1000.0,
                    is_word_space: code_bytes == [32],
                }
            }
        }
    }
}

/// A simple (single-byte) font.
fn load_simple(doc: &Document, dict: &Dictionary) -> FontKind {
    let mut encoding = BaseEncoding::Standard.table();
    match entry(doc, dict, b"Encoding") {
        Some(Object::Name(name)) => {
            if let Some(base) = BaseEncoding::from_name(name) {
                encoding = base.table();
            }
        }
        Some(Object::Dictionary(encoding_dict)) => {
            if let Some(base) =
                name_entry(doc, encoding_dict, b"BaseEncoding").and_then(BaseEncoding::from_name)
            {
                encoding = base.table();
            }
            if let Some(differences) = array_entry(doc, encoding_dict, b"Differences") {
                apply_differences(doc, differences, &mut encoding);
            }
        }
        _ => {}
    }
    let first_char = number_entry(doc, dict, b"FirstChar").map_or(0, |value| value.max(0.0) as u32);
    let widths = array_entry(doc, dict, b"Widths")
        .map(|array| {
            array
                .iter()
                .map(|item| number(resolve(doc, item)))
                .collect()
        })
        .unwrap_or_default();
    let missing_width = dict_entry(doc, dict, b"FontDescriptor")
        .and_then(|descriptor| number_entry(doc, descriptor, b"MissingWidth"))
        .filter(|width| *width > 0.0);
    let standard = name_entry(doc, dict, b"BaseFont").and_then(StandardMetrics::for_base_font);
    let width_scale = if name_entry(doc, dict, b"Subtype") == Some(b"Type3") {
        array_entry(doc, dict, b"FontMatrix")
            .and_then(|matrix| matrix.first())
            .and_then(|first| number(resolve(doc, first)))
            .map_or(1.0, |scale| scale * 1000.0)
    } else {
        1.0
    };
    FontKind::Simple {
        encoding: Box::new(encoding),
        first_char,
        widths,
        missing_width,
        standard,
        width_scale,
    }
}

/// Applies a `/Differences` array: a code followed by the glyph names of consecutive codes.
fn apply_differences(doc: &Document, differences: &[Object], encoding: &mut ByteEncoding) {
    let mut code: usize = 0;
    for item in differences {
        match resolve(doc, item) {
            Object::Integer(value) => code = usize::try_from(*value).unwrap_or(usize::MAX),
            Object::Name(name) => {
                if let Some(slot) = encoding.get_mut(code) {
                    *slot = glyph_name_to_char(name);
                }
                code = code.saturating_add(1);
            }
            _ => {}
        }
    }
}

/// A composite (Type 0) font.
fn load_composite(doc: &Document, dict: &Dictionary) -> FontKind {
    let encoding = match entry(doc, dict, b"Encoding") {
        Some(Object::Name(name)) => classify_cmap_name(name),
        _ => CompositeEncoding::Other,
    };
    let descendant = array_entry(doc, dict, b"DescendantFonts")
        .and_then(|fonts| fonts.first())
        .and_then(|first| resolve(doc, first).as_dict().ok());
    let mut widths = CidWidths {
        default_width: 1000.0,
        ..CidWidths::default()
    };
    if let Some(descendant) = descendant {
        if let Some(default_width) = number_entry(doc, descendant, b"DW") {
            widths.default_width = default_width;
        }
        if let Some(array) = array_entry(doc, descendant, b"W") {
            parse_cid_widths(doc, array, &mut widths);
        }
    }
    FontKind::Composite { encoding, widths }
}

/// The composite encoding a predefined CMap name stands for.
fn classify_cmap_name(name: &[u8]) -> CompositeEncoding {
    let name = String::from_utf8_lossy(name);
    if name.starts_with("Identity") {
        CompositeEncoding::Identity
    } else if name.starts_with("Uni") && name.contains("UCS2") {
        CompositeEncoding::Ucs2
    } else if name.starts_with("Uni") && name.contains("UTF16") {
        CompositeEncoding::Utf16
    } else {
        CompositeEncoding::Other
    }
}

/// Parses a `/W` array: `c [w1 w2 ...]` and `c_first c_last w` entries.
fn parse_cid_widths(doc: &Document, array: &[Object], widths: &mut CidWidths) {
    let mut index = 0;
    while index < array.len() {
        let Some(first) = number(resolve(doc, &array[index])) else {
            index += 1;
            continue;
        };
        let first = first.max(0.0) as u32;
        match array.get(index + 1).map(|item| resolve(doc, item)) {
            Some(Object::Array(list)) => {
                for (offset, width) in list.iter().enumerate() {
                    if let (Some(width), Ok(offset)) =
                        (number(resolve(doc, width)), u32::try_from(offset))
                    {
                        widths.single.insert(first.saturating_add(offset), width);
                    }
                }
                index += 2;
            }
            Some(last) => {
                let width = array
                    .get(index + 2)
                    .and_then(|item| number(resolve(doc, item)));
                if let (Some(last), Some(width)) = (number(last), width) {
                    widths.ranges.push((first, last.max(0.0) as u32, width));
                }
                index += 3;
            }
            None => index += 1,
        }
    }
}
