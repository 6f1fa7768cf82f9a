//! Files sent in `multipart/form-data` requests by the generated multipart operations.

use std::fmt;

use bytes::Bytes;

/// One file of a multipart request: its bytes, the file name and the MIME type sent with it.
///
/// `Debug` shows the name, type and length, never the contents.
#[derive(Clone, PartialEq, Eq)]
pub struct FilePart {
    bytes: Bytes,
    file_name: String,
    content_type: String,
}

impl FilePart {
    /// A file part from its bytes, file name (e.g. `npwp.jpg`) and MIME type (e.g. `image/jpeg`).
    pub fn new(
        bytes: impl Into<Bytes>,
        file_name: impl Into<String>,
        content_type: impl Into<String>,
    ) -> Self {
        Self {
            bytes: bytes.into(),
            file_name: file_name.into(),
            content_type: content_type.into(),
        }
    }

    /// The file contents.
    pub fn bytes(&self) -> &Bytes {
        &self.bytes
    }

    /// The file name sent in `Content-Disposition`.
    pub fn file_name(&self) -> &str {
        &self.file_name
    }

    /// The MIME type sent as the part's `Content-Type`.
    pub fn content_type(&self) -> &str {
        &self.content_type
    }

    /// Builds the `reqwest` multipart part. Fails when the MIME type does not parse.
    pub fn to_part(&self) -> Result<reqwest::multipart::Part, InvalidContentType> {
        reqwest::multipart::Part::stream_with_length(
            reqwest::Body::from(self.bytes.clone()),
            self.bytes.len() as u64,
        )
        .file_name(self.file_name.clone())
        .mime_str(&self.content_type)
        .map_err(|_| InvalidContentType(self.content_type.clone()))
    }
}

impl fmt::Debug for FilePart {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FilePart")
            .field("file_name", &self.file_name)
            .field("content_type", &self.content_type)
            .field("len", &self.bytes.len())
            .finish()
    }
}

/// The MIME type of a [`FilePart`] is not a valid MIME type.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid multipart content type `{0}`")]
pub struct InvalidContentType(pub String);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_shows_metadata_but_not_bytes() {
        let part = FilePart::new(vec![0xAB_u8; 3], "npwp.jpg", "image/jpeg");
        let debug = format!("{part:?}");
        assert!(debug.contains("npwp.jpg") && debug.contains("image/jpeg") && debug.contains("3"));
        assert!(!debug.contains("171"), "{debug}");
    }

    #[test]
    fn invalid_mime_type_is_an_error_not_a_panic() {
        let part = FilePart::new(Bytes::from_static(b"x"), "a.bin", "not a mime");
        assert_eq!(
            part.to_part().unwrap_err(),
            InvalidContentType("not a mime".to_owned())
        );
        let good = FilePart::new(Bytes::from_static(b"x"), "a.png", "image/png");
        assert!(good.to_part().is_ok());
        assert_eq!(good.file_name(), "a.png");
        assert_eq!(good.content_type(), "image/png");
        assert_eq!(good.bytes().as_ref(), b"x");
    }
}
