//! Turns [`Page`]s into PDF bytes with `pdf-writer`: Flate-compressed content streams,
//! standard-14 Latin fonts with `WinAnsiEncoding` and `/Widths`, and two kinds of CJK fonts.
//! The output depends only on the pages (fixed file ID, no dates).

use std::collections::{BTreeSet, HashMap};

use pdf_writer::{Content, Filter, Finish, Name, Pdf, Rect, Ref, Str};

use super::canvas::{Face, GrayImage, Mark, PAGE_HEIGHT, PAGE_WIDTH, Page};
use super::metrics::win_ansi;
use super::pdf_fonts::write_font;

/// Allocates consecutive object ids.
#[derive(Debug)]
pub(super) struct Ids(Ref);

impl Ids {
    pub(super) fn next(&mut self) -> Ref {
        self.0.bump()
    }
}

/// The resource name of a face inside every page's `/Font` dictionary.
fn font_name(face: Face) -> &'static [u8] {
    match face {
        Face::Helvetica => b"F1",
        Face::HelveticaBold => b"F2",
        Face::Times => b"F3",
        Face::Courier => b"F4",
        Face::StSong => b"C1",
        Face::SimSun => b"C2",
    }
}

/// Glyph ids of the "SimSun" subset: characters numbered in order of first use, from 1.
#[derive(Debug, Default)]
pub(super) struct Subset {
    pub(super) order: Vec<char>,
    pub(super) ids: HashMap<char, u16>,
}

impl Subset {
    fn glyph(&mut self, c: char) -> u16 {
        if let Some(id) = self.ids.get(&c) {
            return *id;
        }
        let id = u16::try_from(self.order.len() + 1).unwrap_or(u16::MAX);
        self.order.push(c);
        self.ids.insert(c, id);
        id
    }
}

/// Renders `pages` into a complete PDF file.
pub(crate) fn render(pages: &[Page]) -> Vec<u8> {
    let mut ids = Ids(Ref::new(1));
    let catalog_id = ids.next();
    let tree_id = ids.next();
    let mut pdf = Pdf::new();
    let mut subset = Subset::default();

    let faces: BTreeSet<Face> = pages
        .iter()
        .flat_map(|page| &page.marks)
        .filter_map(|mark| match mark {
            Mark::Text { face, .. } => Some(*face),
            _ => None,
        })
        .collect();
    let font_ids: Vec<(Face, Ref)> = faces.iter().map(|face| (*face, ids.next())).collect();

    let mut page_ids = Vec::new();
    let mut fingerprint = Fingerprint::default();
    for page in pages {
        let page_id = ids.next();
        let content_id = ids.next();
        let mut content = Content::new();
        let mut images: Vec<(Ref, &GrayImage)> = Vec::new();
        for mark in &page.marks {
            draw(&mut content, mark, &mut subset, &mut images, &mut ids);
        }
        let raw = content.finish();
        fingerprint.feed(&raw);
        let packed = miniz_oxide::deflate::compress_to_vec_zlib(&raw, 9);
        pdf.stream(content_id, &packed).filter(Filter::FlateDecode);
        for (image_id, image) in &images {
            fingerprint.feed(&image.pixels);
            let packed = miniz_oxide::deflate::compress_to_vec_zlib(&image.pixels, 9);
            let mut xobject = pdf.image_xobject(*image_id, &packed);
            xobject.filter(Filter::FlateDecode);
            xobject.width(i32::try_from(image.width).unwrap_or(1));
            xobject.height(i32::try_from(image.height).unwrap_or(1));
            xobject.color_space().device_gray();
            xobject.bits_per_component(8);
        }
        let mut page_writer = pdf.page(page_id);
        page_writer
            .parent(tree_id)
            .media_box(Rect::new(0.0, 0.0, PAGE_WIDTH, PAGE_HEIGHT))
            .contents(content_id);
        let mut resources = page_writer.resources();
        let mut fonts = resources.fonts();
        for (face, id) in &font_ids {
            fonts.pair(Name(font_name(*face)), *id);
        }
        fonts.finish();
        if !images.is_empty() {
            let mut xobjects = resources.x_objects();
            for (index, (image_id, _)) in images.iter().enumerate() {
                xobjects.pair(Name(image_name(index).as_bytes()), *image_id);
            }
        }
        drop(resources);
        page_writer.finish();
        page_ids.push(page_id);
    }

    for (face, id) in &font_ids {
        write_font(&mut pdf, *face, *id, &subset, &mut ids);
    }
    pdf.pages(tree_id)
        .kids(page_ids.iter().copied())
        .count(i32::try_from(page_ids.len()).unwrap_or(i32::MAX));
    pdf.catalog(catalog_id).pages(tree_id);
    let file_id = fingerprint.bytes();
    pdf.set_file_id((file_id.clone(), file_id));
    pdf.finish()
}

fn image_name(index: usize) -> String {
    format!("Im{index}")
}

/// Appends the operators of one mark.
fn draw<'a>(
    content: &mut Content,
    mark: &'a Mark,
    subset: &mut Subset,
    images: &mut Vec<(Ref, &'a GrayImage)>,
    ids: &mut Ids,
) {
    match mark {
        Mark::Text {
            x,
            y,
            size,
            face,
            text,
        } => {
            let bytes = encode(*face, text, subset);
            content
                .begin_text()
                .set_font(Name(font_name(*face)), *size)
                .set_text_matrix([1.0, 0.0, 0.0, 1.0, *x, PAGE_HEIGHT - *y])
                .show(Str(&bytes))
                .end_text();
        }
        Mark::Line { x1, y1, x2, y2 } => {
            content
                .set_line_width(0.5)
                .move_to(*x1, PAGE_HEIGHT - *y1)
                .line_to(*x2, PAGE_HEIGHT - *y2)
                .stroke();
        }
        Mark::Frame { x, y, w, h } => {
            content
                .set_line_width(0.6)
                .rect(*x, PAGE_HEIGHT - *y - *h, *w, *h)
                .stroke();
        }
        Mark::Modules {
            x,
            y,
            size,
            angle,
            modules,
            dark,
        } => {
            content.save_state();
            place_centred(content, *x, *y, *size, *size, *angle);
            let module = *size / module_count(*modules);
            content.set_fill_gray(0.0);
            for (row, cells) in dark.chunks(*modules).enumerate() {
                for (start, run) in dark_runs(cells) {
                    let left = -*size / 2.0 + module * module_count(start);
                    let top = *size / 2.0 - module * module_count(row + 1);
                    content.rect(left, top, module * module_count(run), module);
                }
            }
            content.fill_nonzero();
            content.restore_state();
        }
        Mark::Image {
            x,
            y,
            w,
            h,
            angle,
            image,
        } => {
            let name = image_name(images.len());
            images.push((ids.next(), image));
            content.save_state();
            place_centred(content, *x, *y, *w, *h, *angle);
            content.transform([*w, 0.0, 0.0, *h, -*w / 2.0, -*h / 2.0]);
            content.x_object(Name(name.as_bytes()));
            content.restore_state();
        }
    }
}

/// Moves the origin to the centre of the box at (`x`, `y`) (top-left, y down) and rotates
/// by `angle` degrees counter-clockwise.
fn place_centred(content: &mut Content, x: f32, y: f32, w: f32, h: f32, angle: f32) {
    let (sin, cos) = angle.to_radians().sin_cos();
    content.transform([1.0, 0.0, 0.0, 1.0, x + w / 2.0, PAGE_HEIGHT - y - h / 2.0]);
    content.transform([cos, sin, -sin, cos, 0.0, 0.0]);
}

fn module_count(count: usize) -> f32 {
    f32::from(u16::try_from(count).unwrap_or(u16::MAX))
}

/// Runs of dark cells in a row as `(start, length)`.
fn dark_runs(cells: &[bool]) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let mut start = None;
    for (index, dark) in cells.iter().chain([&false]).enumerate() {
        match (start, *dark) {
            (None, true) => start = Some(index),
            (Some(first), false) => {
                runs.push((first, index - first));
                start = None;
            }
            _ => {}
        }
    }
    runs
}

/// The bytes of `text` in the encoding of `face`.
fn encode(face: Face, text: &str, subset: &mut Subset) -> Vec<u8> {
    match face {
        Face::StSong => text
            .chars()
            .flat_map(|c| u16::try_from(u32::from(c)).unwrap_or(0x3F).to_be_bytes())
            .collect(),
        Face::SimSun => text
            .chars()
            .flat_map(|c| subset.glyph(c).to_be_bytes())
            .collect(),
        Face::Helvetica | Face::HelveticaBold | Face::Times | Face::Courier => {
            text.chars().map(win_ansi).collect()
        }
    }
}

/// A deterministic 16-byte digest (two FNV-1a lanes) used as the file identifier.
#[derive(Debug)]
struct Fingerprint([u64; 2]);

impl Default for Fingerprint {
    fn default() -> Self {
        Self([0xcbf2_9ce4_8422_2325, 0x8422_2325_cbf2_9ce4])
    }
}

impl Fingerprint {
    fn feed(&mut self, bytes: &[u8]) {
        for byte in bytes {
            for (lane, state) in self.0.iter_mut().enumerate() {
                *state ^= u64::from(*byte) + u64::try_from(lane).unwrap_or(0);
                *state = state.wrapping_mul(0x0100_0000_01b3);
            }
        }
    }

    fn bytes(&self) -> Vec<u8> {
        self.0.iter().flat_map(|lane| lane.to_be_bytes()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_cover_exactly_the_dark_cells() {
        let cells = [true, true, false, true, false, false, true];
        assert_eq!(dark_runs(&cells), vec![(0, 2), (3, 1), (6, 1)]);
    }

    #[test]
    fn rendering_is_deterministic_and_a_pdf() {
        let mut page = Page::default();
        page.text(50.0, 60.0, 10.0, Face::Helvetica, "Faktur Pajak");
        page.text(50.0, 80.0, 10.0, Face::SimSun, "发票号码: 12345678");
        page.text(50.0, 100.0, 10.0, Face::StSong, "名称");
        let first = render(std::slice::from_ref(&page));
        let second = render(&[page]);
        assert_eq!(first, second);
        assert!(first.starts_with(b"%PDF-"));
        assert!(first.ends_with(b"%%EOF") || first.ends_with(b"%%EOF\n"));
    }
}
