//! Recognising a file's format from its first bytes.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A file format a provider may accept.
#[non_exhaustive]
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum InputFormat {
    /// JPEG image.
    Jpeg,
    /// PNG image.
    Png,
    /// Windows bitmap.
    Bmp,
    /// TIFF image, either byte order.
    Tiff,
    /// PDF document.
    Pdf,
    /// OFD (the Chinese fixed-layout format), a zip container. Any zip archive is reported
    /// as OFD, since no other zip-based format is accepted by a provider.
    Ofd,
    /// GIF image.
    Gif,
    /// WebP image.
    Webp,
}

impl InputFormat {
    /// Every format, in declaration order.
    pub const ALL: [Self; 8] = [
        Self::Jpeg,
        Self::Png,
        Self::Bmp,
        Self::Tiff,
        Self::Pdf,
        Self::Ofd,
        Self::Gif,
        Self::Webp,
    ];

    /// The lowercase name (`"jpeg"`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Jpeg => "jpeg",
            Self::Png => "png",
            Self::Bmp => "bmp",
            Self::Tiff => "tiff",
            Self::Pdf => "pdf",
            Self::Ofd => "ofd",
            Self::Gif => "gif",
            Self::Webp => "webp",
        }
    }

    /// The MIME type to upload the file with.
    pub const fn mime_type(self) -> &'static str {
        match self {
            Self::Jpeg => "image/jpeg",
            Self::Png => "image/png",
            Self::Bmp => "image/bmp",
            Self::Tiff => "image/tiff",
            Self::Pdf => "application/pdf",
            Self::Ofd => "application/ofd",
            Self::Gif => "image/gif",
            Self::Webp => "image/webp",
        }
    }

    /// Whether the pixel size can be read from the header of this format
    /// (see [`read_dimensions`](super::read_dimensions)).
    pub const fn has_pixel_header(self) -> bool {
        matches!(
            self,
            Self::Jpeg | Self::Png | Self::Bmp | Self::Tiff | Self::Gif
        )
    }
}

impl fmt::Display for InputFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How far into the file a PDF header may start (the PDF specification lets readers accept
/// leading garbage within the first kilobyte).
const PDF_HEADER_WINDOW: usize = 1024;

/// Recognises the format of `bytes` from its magic number, without trusting the file name.
///
/// ```
/// use tax_facade::input::{sniff_format, InputFormat};
///
/// assert_eq!(sniff_format(b"%PDF-1.7\n..."), Some(InputFormat::Pdf));
/// assert_eq!(sniff_format(b"\x89PNG\r\n\x1a\n...."), Some(InputFormat::Png));
/// assert_eq!(sniff_format(b"just some text"), None);
/// ```
pub fn sniff_format(bytes: &[u8]) -> Option<InputFormat> {
    let format = if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        InputFormat::Jpeg
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        InputFormat::Png
    } else if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        InputFormat::Gif
    } else if bytes.starts_with(b"II*\0") || bytes.starts_with(b"MM\0*") {
        InputFormat::Tiff
    } else if bytes.starts_with(b"RIFF") && bytes.get(8..12) == Some(b"WEBP".as_slice()) {
        InputFormat::Webp
    } else if bytes.starts_with(b"PK\x03\x04") {
        InputFormat::Ofd
    } else if is_bmp(bytes) {
        InputFormat::Bmp
    } else if is_pdf(bytes) {
        InputFormat::Pdf
    } else {
        return None;
    };
    Some(format)
}

/// `BM`, then the file size, then two reserved words that are always zero. Checking the
/// reserved words keeps text that happens to start with "BM" from passing as a bitmap.
fn is_bmp(bytes: &[u8]) -> bool {
    bytes.starts_with(b"BM") && bytes.len() >= 26 && bytes.get(6..10) == Some([0u8; 4].as_slice())
}

fn is_pdf(bytes: &[u8]) -> bool {
    let window = &bytes[..bytes.len().min(PDF_HEADER_WINDOW)];
    window.windows(5).any(|w| w == b"%PDF-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_every_magic_number() {
        let mut bmp = b"BM\x46\0\0\0\0\0\0\0\x36\0\0\0".to_vec();
        bmp.resize(40, 0);
        let cases: [(&[u8], InputFormat); 9] = [
            (b"\xFF\xD8\xFF\xE0\0\x10JFIF", InputFormat::Jpeg),
            (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", InputFormat::Png),
            (&bmp, InputFormat::Bmp),
            (b"II*\0\x08\0\0\0", InputFormat::Tiff),
            (b"MM\0*\0\0\0\x08", InputFormat::Tiff),
            (b"\xEF\xBB\xBF%PDF-1.4", InputFormat::Pdf),
            (b"PK\x03\x04\x14\0", InputFormat::Ofd),
            (b"GIF89a\x01\0\x01\0", InputFormat::Gif),
            (b"RIFF\x24\0\0\0WEBPVP8 ", InputFormat::Webp),
        ];
        for (bytes, format) in cases {
            assert_eq!(sniff_format(bytes), Some(format), "{format}");
        }
    }

    #[test]
    fn rejects_lookalikes() {
        assert_eq!(sniff_format(b""), None);
        assert_eq!(sniff_format(b"BMW is a car brand, not a bitmap"), None);
        assert_eq!(sniff_format(b"RIFF\x24\0\0\0WAVEfmt "), None);
        assert_eq!(sniff_format(b"\xFF\xD8"), None);
    }
}
