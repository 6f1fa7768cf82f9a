//! Builds small PDFs, QR matrices and raster images for the extraction tests.

#![allow(dead_code, unreachable_pub, clippy::float_arithmetic)]

use lopdf::{Dictionary, Document, Object, ObjectId, Stream, dictionary};

/// A PDF under construction.
pub struct TestPdf {
    pub doc: Document,
    pages_id: ObjectId,
    kids: Vec<Object>,
}

impl TestPdf {
    pub fn new() -> Self {
        let mut doc = Document::with_version("1.7");
        let pages_id = doc.new_object_id();
        Self {
            doc,
            pages_id,
            kids: Vec::new(),
        }
    }

    /// Adds an object and returns its id.
    pub fn add(&mut self, object: impl Into<Object>) -> ObjectId {
        self.doc.add_object(object)
    }

    /// A non-embedded standard font with `WinAnsiEncoding` and no `/Widths`.
    pub fn standard_font(&mut self, base_font: &str) -> ObjectId {
        self.add(dictionary! {
            "Type" => "Font",
            "Subtype" => "Type1",
            "BaseFont" => base_font,
            "Encoding" => "WinAnsiEncoding",
        })
    }

    /// A simple font where every code from 32 to 126 is `width` thousandths of an em wide.
    pub fn fixed_width_font(&mut self, width: i64) -> ObjectId {
        let widths: Vec<Object> = (32..=126).map(|_| Object::Integer(width)).collect();
        self.add(dictionary! {
            "Type" => "Font",
            "Subtype" => "Type1",
            "BaseFont" => "TestFixed",
            "Encoding" => "WinAnsiEncoding",
            "FirstChar" => 32,
            "LastChar" => 126,
            "Widths" => widths,
        })
    }

    /// Adds a stream, Flate-compressed when `compress`.
    pub fn stream(&mut self, dict: Dictionary, data: Vec<u8>, compress: bool) -> ObjectId {
        let mut stream = Stream::new(dict, data);
        if compress {
            stream.compress().unwrap();
        } else {
            stream.allows_compression = false;
        }
        self.add(stream)
    }

    /// Adds a page with the given content, resources and extra page entries.
    pub fn page(&mut self, content: &str, resources: Dictionary, extra: Dictionary) {
        self.page_bytes(content.as_bytes().to_vec(), resources, extra);
    }

    /// Adds a page whose content may hold binary data (inline images).
    pub fn page_bytes(&mut self, content: Vec<u8>, resources: Dictionary, extra: Dictionary) {
        self.page_with(content, resources, extra, true);
    }

    /// Adds a page whose content stream is stored uncompressed.
    pub fn page_plain(&mut self, content: &str, resources: Dictionary, extra: Dictionary) {
        self.page_with(content.as_bytes().to_vec(), resources, extra, false);
    }

    fn page_with(
        &mut self,
        content: Vec<u8>,
        resources: Dictionary,
        extra: Dictionary,
        compress: bool,
    ) {
        let content_id = self.stream(Dictionary::new(), content, compress);
        let mut page = dictionary! {
            "Type" => "Page",
            "Parent" => self.pages_id,
            "MediaBox" => vec![0.into(), 0.into(), 612.into(), 792.into()],
            "Resources" => resources,
            "Contents" => content_id,
        };
        for (key, value) in extra.iter() {
            page.set(key.clone(), value.clone());
        }
        let page_id = self.add(page);
        self.kids.push(page_id.into());
    }

    /// Serializes the document encrypted (RC4, 128 bits) with the given passwords.
    pub fn finish_encrypted(mut self, user_password: &str, owner_password: &str) -> Vec<u8> {
        self.close_page_tree();
        let id = Object::String(
            b"0123456789abcdef".to_vec(),
            lopdf::StringFormat::Hexadecimal,
        );
        self.doc.trailer.set("ID", vec![id.clone(), id]);
        let version = lopdf::EncryptionVersion::V2 {
            document: &self.doc,
            owner_password,
            user_password,
            key_length: 128,
            permissions: lopdf::Permissions::all(),
        };
        let state = lopdf::EncryptionState::try_from(version).unwrap();
        self.doc.encrypt(&state).unwrap();
        let mut bytes = Vec::new();
        self.doc.save_to(&mut bytes).unwrap();
        bytes
    }

    /// Serializes the document.
    pub fn finish(mut self) -> Vec<u8> {
        self.close_page_tree();
        let mut bytes = Vec::new();
        self.doc.save_to(&mut bytes).unwrap();
        bytes
    }

    /// Writes the page tree and the catalog.
    fn close_page_tree(&mut self) {
        let count = self.kids.len() as i64;
        self.doc.objects.insert(
            self.pages_id,
            Object::Dictionary(dictionary! {
                "Type" => "Pages",
                "Kids" => std::mem::take(&mut self.kids),
                "Count" => count,
            }),
        );
        let catalog = self.doc.add_object(dictionary! {
            "Type" => "Catalog",
            "Pages" => self.pages_id,
        });
        self.doc.trailer.set("Root", catalog);
    }
}

/// Resources with fonts and XObjects by name.
pub fn resources(fonts: &[(&str, ObjectId)], xobjects: &[(&str, ObjectId)]) -> Dictionary {
    let mut font_dict = Dictionary::new();
    for (name, id) in fonts {
        font_dict.set(*name, *id);
    }
    let mut xobject_dict = Dictionary::new();
    for (name, id) in xobjects {
        xobject_dict.set(*name, *id);
    }
    dictionary! { "Font" => font_dict, "XObject" => xobject_dict }
}

/// A QR code's modules: side length and dark flags, row by row from the top.
pub fn qr_modules(text: &str) -> (usize, Vec<bool>) {
    let code = qrcode::QrCode::new(text.as_bytes()).unwrap();
    let width = code.width();
    let dark = code
        .to_colors()
        .into_iter()
        .map(|color| color == qrcode::Color::Dark)
        .collect();
    (width, dark)
}

/// A gray raster of a QR code: `module` pixels per module, `quiet` modules of margin.
pub fn qr_raster(text: &str, module: usize, quiet: usize) -> (usize, usize, Vec<u8>) {
    let (width, dark) = qr_modules(text);
    let side = (width + 2 * quiet) * module;
    let mut pixels = vec![255u8; side * side];
    for y in 0..side {
        for x in 0..side {
            let (mx, my) = (
                (x / module) as isize - quiet as isize,
                (y / module) as isize - quiet as isize,
            );
            if mx >= 0
                && my >= 0
                && (mx as usize) < width
                && (my as usize) < width
                && dark[my as usize * width + mx as usize]
            {
                pixels[y * side + x] = 0;
            }
        }
    }
    (side, side, pixels)
}

/// Content-stream operators drawing a QR code as filled rectangles with its top-left corner
/// at (`x`, `top`) in user space (y up), `module` points per module. With `merge_runs`,
/// horizontal runs of dark modules become one rectangle each.
pub fn qr_rect_ops(text: &str, x: f32, top: f32, module: f32, merge_runs: bool) -> String {
    let (width, dark) = qr_modules(text);
    let mut ops = String::from("0 g\n");
    for row in 0..width {
        let y = top - (row as f32 + 1.0) * module;
        let mut column = 0;
        while column < width {
            if !dark[row * width + column] {
                column += 1;
                continue;
            }
            let mut run = 1;
            if merge_runs {
                while column + run < width && dark[row * width + column + run] {
                    run += 1;
                }
            }
            ops.push_str(&format!(
                "{:.3} {:.3} {:.3} {:.3} re\n",
                x + column as f32 * module,
                y,
                run as f32 * module,
                module
            ));
            column += run;
        }
    }
    ops.push_str("f\n");
    ops
}

/// Encodes a gray raster as PNG.
pub fn png(width: usize, height: usize, pixels: &[u8]) -> Vec<u8> {
    let mut bytes = Vec::new();
    image::GrayImage::from_raw(width as u32, height as u32, pixels.to_vec())
        .unwrap()
        .write_to(
            &mut std::io::Cursor::new(&mut bytes),
            image::ImageFormat::Png,
        )
        .unwrap();
    bytes
}

/// Encodes a gray raster as JPEG (quality 90).
pub fn jpeg(width: usize, height: usize, pixels: &[u8]) -> Vec<u8> {
    let mut bytes = Vec::new();
    let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, 90);
    image::GrayImage::from_raw(width as u32, height as u32, pixels.to_vec())
        .unwrap()
        .write_with_encoder(encoder)
        .unwrap();
    bytes
}

/// Rotates a gray raster by `degrees` about its centre onto a white canvas large enough
/// to hold it (nearest neighbour).
pub fn rotate(width: usize, height: usize, pixels: &[u8], degrees: f32) -> (usize, usize, Vec<u8>) {
    let (sin, cos) = degrees.to_radians().sin_cos();
    let side = ((width * width + height * height) as f32).sqrt().ceil() as usize + 2;
    let mut out = vec![255u8; side * side];
    let (cx, cy) = (width as f32 / 2.0, height as f32 / 2.0);
    let centre = side as f32 / 2.0;
    for y in 0..side {
        for x in 0..side {
            let (dx, dy) = (x as f32 - centre, y as f32 - centre);
            let sx = (cos * dx + sin * dy + cx).floor();
            let sy = (-sin * dx + cos * dy + cy).floor();
            if sx >= 0.0 && sy >= 0.0 && (sx as usize) < width && (sy as usize) < height {
                out[y * side + x] = pixels[sy as usize * width + sx as usize];
            }
        }
    }
    (side, side, out)
}

/// An image XObject dictionary for an 8-bit gray image.
pub fn gray_image_dict(width: usize, height: usize) -> Dictionary {
    dictionary! {
        "Type" => "XObject",
        "Subtype" => "Image",
        "Width" => width as i64,
        "Height" => height as i64,
        "ColorSpace" => "DeviceGray",
        "BitsPerComponent" => 8,
    }
}
