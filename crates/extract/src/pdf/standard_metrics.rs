//! Advance widths of the non-embedded standard fonts, for fonts that carry no `/Widths`.
//!
//! Only printable ASCII is listed (Helvetica and Helvetica-Bold, also used for Arial);
//! Courier is monospaced; other characters fall back to an average width.

/// Helvetica widths for 0x20..=0x7E, in 1/1000 em.
#[rustfmt::skip]
const HELVETICA: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];

/// Helvetica-Bold widths for 0x20..=0x7E, in 1/1000 em.
#[rustfmt::skip]
const HELVETICA_BOLD: [u16; 95] = [
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
    975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
    333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
    611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
];

/// Metrics of a standard font, chosen from its base font name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum StandardMetrics {
    /// Helvetica, Arial and look-alikes.
    Helvetica,
    /// Their bold faces.
    HelveticaBold,
    /// Courier: every glyph 600.
    Courier,
}

impl StandardMetrics {
    /// The metrics for a `/BaseFont` name (subset prefixes such as `ABCDEF+` are ignored).
    pub(crate) fn for_base_font(name: &[u8]) -> Option<Self> {
        let name = String::from_utf8_lossy(name);
        let name = name
            .rsplit('+')
            .next()
            .unwrap_or(&name)
            .to_ascii_lowercase();
        let bold = name.contains("bold");
        if name.starts_with("courier") {
            Some(Self::Courier)
        } else if name.starts_with("helvetica") || name.starts_with("arial") {
            Some(if bold {
                Self::HelveticaBold
            } else {
                Self::Helvetica
            })
        } else {
            None
        }
    }

    /// The advance of a character, in 1/1000 em.
    pub(crate) fn width(self, ch: char) -> f32 {
        let table = match self {
            Self::Courier => return 600.0,
            Self::Helvetica => &HELVETICA,
            Self::HelveticaBold => &HELVETICA_BOLD,
        };
        let index = u32::from(ch)
            .checked_sub(0x20)
            .and_then(|i| usize::try_from(i).ok());
        match index.and_then(|i| table.get(i)) {
            Some(width) => f32::from(*width),
            None if ch == '\u{a0}' => 278.0,
            None => 556.0,
        }
    }
}
