//! What a document is read from, and the checks made before anything is uploaded.
//!
//! A provider call costs money and quota, and providers answer a wrong file with vague errors.
//! So every input is checked locally first ([`DocumentInput::prepare`]): the format is sniffed
//! from the magic bytes (never trusted from the file name), the size is compared with the
//! provider's limit (for a path, from the file's metadata before reading it), and the pixel
//! size is read from the image header and compared with the provider's minimum and maximum
//! side. A file that fails is refused with an [`ErrorKind::InvalidInput`] or
//! [`ErrorKind::Unsupported`] error naming it, and no request is sent.

mod dimensions;
mod sniff;

pub use dimensions::{Dimensions, read_dimensions};
pub use sniff::{InputFormat, sniff_format};

use std::fmt;
use std::path::{Path, PathBuf};

use bytes::Bytes;
use url::Url;

use crate::error::{Error, ErrorKind};
use crate::reader::Capabilities;

/// A document to read: bytes with a file name, a file on disk, or a URL the provider fetches.
///
/// `Debug` shows the file name and size, never the bytes; URLs are shown without their query
/// string or credentials, which often carry signatures.
#[derive(Clone)]
pub struct DocumentInput {
    source: Source,
}

#[derive(Clone)]
enum Source {
    Bytes { file_name: String, bytes: Bytes },
    Path(PathBuf),
    Url(Url),
}

impl DocumentInput {
    /// A document held in memory; `file_name` is used in messages and uploads.
    pub fn from_bytes(file_name: impl Into<String>, bytes: impl Into<Bytes>) -> Self {
        Self {
            source: Source::Bytes {
                file_name: file_name.into(),
                bytes: bytes.into(),
            },
        }
    }

    /// A document on disk, read when the input is prepared.
    pub fn from_path(path: impl Into<PathBuf>) -> Self {
        Self {
            source: Source::Path(path.into()),
        }
    }

    /// A document the provider downloads itself.
    pub fn from_url(url: Url) -> Self {
        Self {
            source: Source::Url(url),
        }
    }

    /// A name for messages: the file name, the path, or the URL without query or credentials.
    pub fn display_name(&self) -> String {
        match &self.source {
            Source::Bytes { file_name, .. } => file_name.clone(),
            Source::Path(path) => path.display().to_string(),
            Source::Url(url) => redacted_url(url),
        }
    }

    /// Checks the input against `capabilities` and loads it, ready to send.
    ///
    /// A path is refused from its metadata when it is too large, before anything is read.
    pub async fn prepare(self, capabilities: &Capabilities) -> Result<PreparedInput, Error> {
        match self.source {
            Source::Bytes { file_name, bytes } => {
                check_upload(file_name, bytes, capabilities).map(PreparedInput::Upload)
            }
            Source::Path(path) => read_path(&path, capabilities)
                .await
                .map(PreparedInput::Upload),
            Source::Url(url) => {
                if capabilities.accepts_urls {
                    Ok(PreparedInput::Url(url))
                } else {
                    Err(Error::new(
                        ErrorKind::Unsupported,
                        format!(
                            "{}: this provider does not download documents from URLs; pass the file instead",
                            redacted_url(&url)
                        ),
                    ))
                }
            }
        }
    }
}

impl fmt::Debug for DocumentInput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.source {
            Source::Bytes { file_name, bytes } => f
                .debug_struct("DocumentInput::Bytes")
                .field("file_name", file_name)
                .field("len", &bytes.len())
                .finish(),
            Source::Path(path) => f.debug_tuple("DocumentInput::Path").field(path).finish(),
            Source::Url(url) => f
                .debug_tuple("DocumentInput::Url")
                .field(&redacted_url(url))
                .finish(),
        }
    }
}

fn redacted_url(url: &Url) -> String {
    let mut shown = url.clone();
    shown.set_query(None);
    shown.set_fragment(None);
    // Both only fail for URLs that cannot carry credentials in the first place.
    let _ = shown.set_username("");
    let _ = shown.set_password(None);
    shown.to_string()
}

/// An input that passed the checks.
#[non_exhaustive]
#[derive(Debug, Clone)]
pub enum PreparedInput {
    /// File contents to upload.
    Upload(Upload),
    /// A URL for the provider to download.
    Url(Url),
}

/// File contents whose format, size and pixel size were checked.
#[derive(Clone)]
pub struct Upload {
    file_name: String,
    bytes: Bytes,
    format: InputFormat,
    dimensions: Option<Dimensions>,
}

impl Upload {
    /// The file name.
    pub fn file_name(&self) -> &str {
        &self.file_name
    }

    /// The contents.
    pub fn bytes(&self) -> &Bytes {
        &self.bytes
    }

    /// The sniffed format.
    pub fn format(&self) -> InputFormat {
        self.format
    }

    /// The pixel size, for image formats.
    pub fn dimensions(&self) -> Option<Dimensions> {
        self.dimensions
    }
}

impl fmt::Debug for Upload {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Upload")
            .field("file_name", &self.file_name)
            .field("len", &self.bytes.len())
            .field("format", &self.format)
            .field("dimensions", &self.dimensions)
            .finish()
    }
}

fn invalid(file_name: &str, message: impl fmt::Display) -> Error {
    Error::new(ErrorKind::InvalidInput, format!("{file_name}: {message}"))
}

fn check_size(file_name: &str, len: u64, capabilities: &Capabilities) -> Result<(), Error> {
    if len == 0 {
        return Err(invalid(file_name, "the file is empty"));
    }
    match capabilities.max_bytes {
        Some(max) if len > max => Err(invalid(
            file_name,
            format_args!("the file is {len} bytes; the provider accepts at most {max} bytes"),
        )),
        _ => Ok(()),
    }
}

/// Checks in-memory contents against `capabilities`: not empty, not larger than the limit, a
/// recognised format the provider accepts, and for images a readable header whose sides lie
/// within the provider's bounds.
///
/// ```
/// use tax_facade::input::check_upload;
/// use tax_facade::{Capabilities, ErrorKind};
///
/// let caps = Capabilities::default();
/// let err = check_upload("scan.jpg", b"Dear customer, ...".to_vec(), &caps).unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::InvalidInput);
/// assert!(err.message().contains("scan.jpg"));
/// ```
pub fn check_upload(
    file_name: impl Into<String>,
    bytes: impl Into<Bytes>,
    capabilities: &Capabilities,
) -> Result<Upload, Error> {
    let file_name = file_name.into();
    let bytes = bytes.into();
    check_size(
        &file_name,
        u64::try_from(bytes.len()).unwrap_or(u64::MAX),
        capabilities,
    )?;
    let format = sniff_format(&bytes).ok_or_else(|| {
        invalid(
            &file_name,
            "not a recognised document format (expected JPEG, PNG, BMP, TIFF, GIF, WebP, PDF or OFD)",
        )
    })?;
    if !capabilities.input_formats.contains(&format) {
        return Err(Error::new(
            ErrorKind::Unsupported,
            format!("{file_name}: the provider does not accept {format} files"),
        ));
    }
    let dimensions = if format.has_pixel_header() {
        let dimensions = read_dimensions(format, &bytes).ok_or_else(|| {
            invalid(
                &file_name,
                format_args!("the {format} header is damaged or truncated"),
            )
        })?;
        check_sides(&file_name, dimensions, capabilities)?;
        Some(dimensions)
    } else {
        None
    };
    Ok(Upload {
        file_name,
        bytes,
        format,
        dimensions,
    })
}

fn check_sides(
    file_name: &str,
    dimensions: Dimensions,
    capabilities: &Capabilities,
) -> Result<(), Error> {
    let Dimensions { width, height } = dimensions;
    if let Some(min) = capabilities
        .min_pixel_side
        .filter(|min| dimensions.min_side() < *min)
    {
        return Err(invalid(
            file_name,
            format_args!("the image is {width}×{height} pixels; each side must be at least {min}"),
        ));
    }
    if let Some(max) = capabilities
        .max_pixel_side
        .filter(|max| dimensions.max_side() > *max)
    {
        return Err(invalid(
            file_name,
            format_args!("the image is {width}×{height} pixels; no side may exceed {max}"),
        ));
    }
    Ok(())
}

/// Reads a file for upload. The size is checked from the open file's metadata before reading,
/// and the read itself stops one byte past the limit, so a file that grows in between is still
/// refused without being read whole.
async fn read_path(path: &Path, capabilities: &Capabilities) -> Result<Upload, Error> {
    use tokio::io::AsyncReadExt;

    let name = path.display().to_string();
    let io_error = |what: &str, err: std::io::Error| {
        Error::new(
            ErrorKind::InvalidInput,
            format!("{name}: cannot {what}: {err}"),
        )
        .with_source(err)
    };
    let file = tokio::fs::File::open(path)
        .await
        .map_err(|err| io_error("open the file", err))?;
    let metadata = file
        .metadata()
        .await
        .map_err(|err| io_error("read metadata", err))?;
    if !metadata.is_file() {
        return Err(invalid(&name, "not a regular file"));
    }
    check_size(&name, metadata.len(), capabilities)?;
    let limit = capabilities
        .max_bytes
        .map_or(u64::MAX, |max| max.saturating_add(1));
    let mut bytes = Vec::with_capacity(usize::try_from(metadata.len()).unwrap_or(0));
    file.take(limit)
        .read_to_end(&mut bytes)
        .await
        .map_err(|err| io_error("read the file", err))?;
    let file_name = path
        .file_name()
        .map_or_else(|| name.clone(), |n| n.to_string_lossy().into_owned());
    check_upload(file_name, bytes, capabilities)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_hides_bytes_and_url_secrets() {
        let input = DocumentInput::from_bytes("a.pdf", vec![0x41; 64]);
        let shown = format!("{input:?}");
        assert!(shown.contains("a.pdf") && shown.contains("64"));
        assert!(!shown.contains("AAAA"));
        let url = Url::parse("https://user:pw@example.invalid/x.jpg?sig=SECRET#f").unwrap();
        let shown = format!("{:?}", DocumentInput::from_url(url));
        assert!(!shown.contains("SECRET") && !shown.contains("pw"));
        assert!(shown.contains("example.invalid/x.jpg"));
    }

    #[tokio::test]
    async fn urls_are_refused_unless_the_provider_downloads_them() {
        let url = Url::parse("https://example.invalid/a.png").unwrap();
        let refused = DocumentInput::from_url(url.clone())
            .prepare(&Capabilities::default())
            .await
            .unwrap_err();
        assert_eq!(refused.kind(), ErrorKind::Unsupported);
        let caps = Capabilities::default().with_accepts_urls(true);
        let prepared = DocumentInput::from_url(url).prepare(&caps).await.unwrap();
        assert!(matches!(prepared, PreparedInput::Url(_)));
    }
}
