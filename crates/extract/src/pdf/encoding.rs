//! Single-byte font encodings (`WinAnsiEncoding`, `StandardEncoding`, `MacRomanEncoding`)
//! and Adobe glyph names.

/// A code-to-character table for a simple font.
pub(crate) type ByteEncoding = [Option<char>; 256];

/// The characters of Windows code page 1252 at 0x80..=0x9F (`None` where undefined).
#[rustfmt::skip]
const CP1252_HIGH: [Option<char>; 32] = [
    Some('€'), None, Some('‚'), Some('ƒ'), Some('„'), Some('…'), Some('†'), Some('‡'),
    Some('ˆ'), Some('‰'), Some('Š'), Some('‹'), Some('Œ'), None, Some('Ž'), None,
    None, Some('‘'), Some('’'), Some('“'), Some('”'), Some('•'), Some('–'), Some('—'),
    Some('˜'), Some('™'), Some('š'), Some('›'), Some('œ'), None, Some('ž'), Some('Ÿ'),
];

/// Glyph names of `WinAnsiEncoding` for codes 0x20..=0xFF (empty where undefined).
#[rustfmt::skip]
const WIN_ANSI_NAMES: [&str; 224] = [
    "space", "exclam", "quotedbl", "numbersign", "dollar", "percent", "ampersand", "quotesingle",
    "parenleft", "parenright", "asterisk", "plus", "comma", "hyphen", "period", "slash",
    "zero", "one", "two", "three", "four", "five", "six", "seven",
    "eight", "nine", "colon", "semicolon", "less", "equal", "greater", "question",
    "at", "A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O",
    "P", "Q", "R", "S", "T", "U", "V", "W", "X", "Y", "Z",
    "bracketleft", "backslash", "bracketright", "asciicircum", "underscore",
    "grave", "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o",
    "p", "q", "r", "s", "t", "u", "v", "w", "x", "y", "z",
    "braceleft", "bar", "braceright", "asciitilde", "",
    "Euro", "", "quotesinglbase", "florin", "quotedblbase", "ellipsis", "dagger", "daggerdbl",
    "circumflex", "perthousand", "Scaron", "guilsinglleft", "OE", "", "Zcaron", "",
    "", "quoteleft", "quoteright", "quotedblleft", "quotedblright", "bullet", "endash", "emdash",
    "tilde", "trademark", "scaron", "guilsinglright", "oe", "", "zcaron", "Ydieresis",
    "nbspace", "exclamdown", "cent", "sterling", "currency", "yen", "brokenbar", "section",
    "dieresis", "copyright", "ordfeminine", "guillemotleft", "logicalnot", "sfthyphen",
    "registered", "macron", "degree", "plusminus", "twosuperior", "threesuperior", "acute", "mu",
    "paragraph", "periodcentered", "cedilla", "onesuperior", "ordmasculine", "guillemotright",
    "onequarter", "onehalf", "threequarters", "questiondown",
    "Agrave", "Aacute", "Acircumflex", "Atilde", "Adieresis", "Aring", "AE", "Ccedilla",
    "Egrave", "Eacute", "Ecircumflex", "Edieresis", "Igrave", "Iacute", "Icircumflex", "Idieresis",
    "Eth", "Ntilde", "Ograve", "Oacute", "Ocircumflex", "Otilde", "Odieresis", "multiply",
    "Oslash", "Ugrave", "Uacute", "Ucircumflex", "Udieresis", "Yacute", "Thorn", "germandbls",
    "agrave", "aacute", "acircumflex", "atilde", "adieresis", "aring", "ae", "ccedilla",
    "egrave", "eacute", "ecircumflex", "edieresis", "igrave", "iacute", "icircumflex", "idieresis",
    "eth", "ntilde", "ograve", "oacute", "ocircumflex", "otilde", "odieresis", "divide",
    "oslash", "ugrave", "uacute", "ucircumflex", "udieresis", "yacute", "thorn", "ydieresis",
];

/// Glyph names outside `WinAnsiEncoding` that documents commonly use.
#[rustfmt::skip]
const EXTRA_NAMES: [(&str, char); 16] = [
    ("fi", 'ﬁ'), ("fl", 'ﬂ'), ("dotlessi", 'ı'), ("fraction", '⁄'), ("Lslash", 'Ł'),
    ("lslash", 'ł'), ("minus", '−'), ("hyphenminus", '-'), ("space", ' '), ("nbspace", '\u{a0}'),
    ("ring", '˚'), ("breve", '˘'), ("dotaccent", '˙'), ("hungarumlaut", '˝'), ("ogonek", '˛'),
    ("caron", 'ˇ'),
];

/// `StandardEncoding` where it differs from ASCII below 0x80, and its upper half.
#[rustfmt::skip]
const STANDARD_SPECIAL: [(u8, char); 51] = [
    (0x27, '’'), (0x60, '‘'), (0xA1, '¡'), (0xA2, '¢'), (0xA3, '£'), (0xA4, '⁄'), (0xA5, '¥'),
    (0xA6, 'ƒ'), (0xA7, '§'), (0xA8, '¤'), (0xA9, '\''), (0xAA, '“'), (0xAB, '«'), (0xAC, '‹'),
    (0xAD, '›'), (0xAE, 'ﬁ'), (0xAF, 'ﬂ'), (0xB1, '–'), (0xB2, '†'), (0xB3, '‡'), (0xB4, '·'),
    (0xB6, '¶'), (0xB7, '•'), (0xB8, '‚'), (0xB9, '„'), (0xBA, '”'), (0xBB, '»'), (0xBC, '…'),
    (0xBD, '‰'), (0xBF, '¿'), (0xC1, '`'), (0xC2, '´'), (0xC3, 'ˆ'), (0xC4, '˜'), (0xC5, '¯'),
    (0xC6, '˘'), (0xC7, '˙'), (0xC8, '¨'), (0xCA, '˚'), (0xCB, '¸'), (0xCD, '˝'), (0xCE, '˛'),
    (0xCF, 'ˇ'), (0xD0, '—'), (0xE1, 'Æ'), (0xE3, 'ª'), (0xE8, 'Ł'), (0xE9, 'Ø'), (0xEA, 'Œ'),
    (0xEB, 'º'), (0xF1, 'æ'),
];

/// The rest of `StandardEncoding`'s upper half.
#[rustfmt::skip]
const STANDARD_SPECIAL_TAIL: [(u8, char); 5] =
    [(0xF5, 'ı'), (0xF8, 'ł'), (0xF9, 'ø'), (0xFA, 'œ'), (0xFB, 'ß')];

/// `MacRomanEncoding` for codes 0x80..=0xFF.
const MAC_ROMAN_HIGH: &str = "ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø\
¿¡¬√ƒ≈∆«»…\u{a0}ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄€‹›ﬁﬂ‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\u{f8ff}ÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ";

/// The named base encodings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BaseEncoding {
    /// `WinAnsiEncoding`.
    WinAnsi,
    /// `StandardEncoding` (the default of Type 1 fonts).
    Standard,
    /// `MacRomanEncoding`.
    MacRoman,
}

impl BaseEncoding {
    /// The encoding named by a PDF name, if known.
    pub(crate) fn from_name(name: &[u8]) -> Option<Self> {
        match name {
            b"WinAnsiEncoding" => Some(Self::WinAnsi),
            b"StandardEncoding" => Some(Self::Standard),
            b"MacRomanEncoding" => Some(Self::MacRoman),
            _ => None,
        }
    }

    /// The code-to-character table.
    pub(crate) fn table(self) -> ByteEncoding {
        let mut table = ascii_table();
        match self {
            Self::WinAnsi => {
                for (offset, ch) in CP1252_HIGH.iter().enumerate() {
                    table[0x80 + offset] = *ch;
                }
                for code in 0xA0u32..=0xFF {
                    table[code as usize] = char::from_u32(code);
                }
            }
            Self::Standard => {
                for (code, ch) in STANDARD_SPECIAL.iter().chain(STANDARD_SPECIAL_TAIL.iter()) {
                    table[usize::from(*code)] = Some(*ch);
                }
            }
            Self::MacRoman => {
                for (offset, ch) in MAC_ROMAN_HIGH.chars().enumerate() {
                    if let Some(slot) = table.get_mut(0x80 + offset) {
                        *slot = Some(ch);
                    }
                }
            }
        }
        table
    }
}

/// Printable ASCII, nothing else.
fn ascii_table() -> ByteEncoding {
    let mut table = [None; 256];
    for code in 0x20u8..0x7F {
        table[usize::from(code)] = Some(char::from(code));
    }
    table
}

/// The character an Adobe glyph name stands for (`A`, `eacute`, `uni4E2D`, `u1F600`).
pub(crate) fn glyph_name_to_char(name: &[u8]) -> Option<char> {
    let name = std::str::from_utf8(name).ok()?;
    // Suffixes such as `a.sc` or `f_i.liga` name variants of the base glyph.
    let base = name.split('.').next().unwrap_or(name);
    if let Some(position) = WIN_ANSI_NAMES.iter().position(|known| *known == base)
        && !base.is_empty()
    {
        let code = 0x20 + position;
        return BaseEncoding::WinAnsi.table().get(code).copied().flatten();
    }
    if let Some((_, ch)) = EXTRA_NAMES.iter().find(|(known, _)| *known == base) {
        return Some(*ch);
    }
    let hex = base
        .strip_prefix("uni")
        .filter(|digits| digits.len() == 4)
        .or_else(|| {
            base.strip_prefix('u')
                .filter(|digits| (4..=6).contains(&digits.len()))
        })?;
    u32::from_str_radix(hex, 16).ok().and_then(char::from_u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glyph_names_cover_ascii_latin1_and_uni() {
        assert_eq!(glyph_name_to_char(b"A"), Some('A'));
        assert_eq!(glyph_name_to_char(b"eacute"), Some('é'));
        assert_eq!(glyph_name_to_char(b"quotesingle"), Some('\''));
        assert_eq!(glyph_name_to_char(b"uni4E2D"), Some('中'));
        assert_eq!(glyph_name_to_char(b"endash"), Some('–'));
        assert_eq!(glyph_name_to_char(b"nosuchglyph"), None);
    }

    #[test]
    fn tables_differ_where_the_encodings_do() {
        assert_eq!(BaseEncoding::WinAnsi.table()[0x27], Some('\''));
        assert_eq!(BaseEncoding::Standard.table()[0x27], Some('’'));
        assert_eq!(BaseEncoding::WinAnsi.table()[0xE9], Some('é'));
        assert_eq!(BaseEncoding::MacRoman.table()[0x8E], Some('é'));
    }
}
