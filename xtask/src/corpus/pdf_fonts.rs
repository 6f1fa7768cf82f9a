//! Font dictionaries: standard-14 Latin fonts with `/Widths`, `STSong-Light` with a
//! predefined CMap, and a "SimSun" CIDFontType2 with a ToUnicode CMap for its subset ids.

use pdf_writer::types::{CidFontType, FontFlags, SystemInfo, UnicodeCmap};
use pdf_writer::{Filter, Finish, Name, Pdf, Rect, Ref, Str};

use super::canvas::Face;
use super::metrics::{cjk_advance, latin_advance};
use super::pdf::{Ids, Subset};

/// Writes the font dictionaries of `face` under `id`.
pub(super) fn write_font(pdf: &mut Pdf, face: Face, id: Ref, subset: &Subset, ids: &mut Ids) {
    let base: &[u8] = match face {
        Face::Helvetica => b"Helvetica",
        Face::HelveticaBold => b"Helvetica-Bold",
        Face::Times => b"Times-Roman",
        Face::Courier => b"Courier",
        Face::StSong => b"STSong-Light",
        Face::SimSun => b"KQXVNB+SimSun",
    };
    match face {
        Face::Helvetica | Face::HelveticaBold | Face::Times | Face::Courier => {
            pdf.type1_font(id)
                .base_font(Name(base))
                .encoding_predefined(Name(b"WinAnsiEncoding"))
                .first_char(32)
                .last_char(255)
                .widths((32..=255u8).map(|code| f32::from(latin_advance(face, code))));
        }
        Face::StSong => {
            let cid_id = ids.next();
            let descriptor_id = ids.next();
            pdf.type0_font(id)
                .base_font(Name(b"STSong-Light-UniGB-UCS2-H"))
                .encoding_predefined(Name(b"UniGB-UCS2-H"))
                .descendant_font(cid_id);
            let mut cid = pdf.cid_font(cid_id);
            cid.subtype(CidFontType::Type0)
                .base_font(Name(base))
                .system_info(SystemInfo {
                    registry: Str(b"Adobe"),
                    ordering: Str(b"GB1"),
                    supplement: 4,
                })
                .font_descriptor(descriptor_id)
                .default_width(1000.0);
            let mut widths = cid.widths();
            widths.same(1, 95, 500.0);
            widths.same(814, 907, 500.0);
            widths.finish();
            cid.finish();
            write_descriptor(pdf, descriptor_id, base);
        }
        Face::SimSun => {
            let cid_id = ids.next();
            let descriptor_id = ids.next();
            let cmap_id = ids.next();
            pdf.type0_font(id)
                .base_font(Name(base))
                .encoding_predefined(Name(b"Identity-H"))
                .descendant_font(cid_id)
                .to_unicode(cmap_id);
            let mut cid = pdf.cid_font(cid_id);
            cid.subtype(CidFontType::Type2)
                .base_font(Name(base))
                .system_info(identity_info())
                .font_descriptor(descriptor_id)
                .default_width(1000.0)
                .cid_to_gid_map_predefined(Name(b"Identity"));
            let mut widths = cid.widths();
            for c in subset.order.iter().filter(|c| c.is_ascii()) {
                let glyph = subset.ids.get(c).copied().unwrap_or(0);
                widths.same(glyph, glyph, f32::from(cjk_advance(*c)));
            }
            widths.finish();
            cid.finish();
            write_descriptor(pdf, descriptor_id, base);
            let mut cmap = UnicodeCmap::new(Name(b"Adobe-Identity-UCS"), identity_info());
            for c in &subset.order {
                cmap.pair(subset.ids.get(c).copied().unwrap_or(0), *c);
            }
            let data = cmap.finish();
            let packed = miniz_oxide::deflate::compress_to_vec_zlib(data.as_slice(), 9);
            pdf.cmap(cmap_id, &packed).filter(Filter::FlateDecode);
        }
    }
}

fn identity_info() -> SystemInfo<'static> {
    SystemInfo {
        registry: Str(b"Adobe"),
        ordering: Str(b"Identity"),
        supplement: 0,
    }
}

fn write_descriptor(pdf: &mut Pdf, id: Ref, base: &[u8]) {
    pdf.font_descriptor(id)
        .name(Name(base))
        .flags(FontFlags::SYMBOLIC)
        .bbox(Rect::new(0.0, -141.0, 1000.0, 859.0))
        .italic_angle(0.0)
        .ascent(859.0)
        .descent(-141.0)
        .cap_height(683.0)
        .stem_v(80.0);
}
