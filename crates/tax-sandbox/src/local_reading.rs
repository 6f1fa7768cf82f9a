//! Digital documents read offline, so that providers can answer with the document's own values.

use bytes::Bytes;
use tax_facade::ReadOptions;
use tax_facade::document::Document;
use tax_facade::providers::local::LocalReader;

/// Reads an upload with the offline reader on a blocking thread.
///
/// `None` when the upload is not a digital document the reader recognizes: a scan or photo
/// without a text layer or QR code, an unknown layout, or any other reader failure. Callers
/// then answer as they would without the reader (fixtures, then documented samples).
pub(crate) async fn read_digital_document(bytes: Bytes) -> Option<Document> {
    tokio::task::spawn_blocking(move || {
        LocalReader::new()
            .read_bytes(&bytes, &ReadOptions::default())
            .ok()
            .map(|outcome| outcome.document)
    })
    .await
    .ok()
    .flatten()
}
