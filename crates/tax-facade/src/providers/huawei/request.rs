//! The request body of `recognize_vat_invoice` for a checked input.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use huawei_ocr_client::types::VatInvoiceRequest;

use super::capabilities::MAX_ENCODED_BYTES;
use crate::error::{Error, ErrorKind};
use crate::input::PreparedInput;

/// The request for `input`: the file as base64 `image`, or the `url` for the service to
/// download, always with `advanced_mode` so that confidences and the advanced fields come back.
pub(super) fn vat_invoice_request(input: &PreparedInput) -> Result<VatInvoiceRequest, Error> {
    let mut request = VatInvoiceRequest {
        advanced_mode: Some(true),
        ..VatInvoiceRequest::default()
    };
    match input {
        PreparedInput::Upload(upload) => {
            // Standard base64 with padding (RFC 4648 §4), as the service expects in `image`.
            let encoded = BASE64.encode(upload.bytes());
            let encoded_len = u64::try_from(encoded.len()).unwrap_or(u64::MAX);
            if encoded_len > MAX_ENCODED_BYTES {
                return Err(Error::new(
                    ErrorKind::InvalidInput,
                    format!(
                        "{}: the file is {encoded_len} bytes in base64; the provider accepts at most {MAX_ENCODED_BYTES}",
                        upload.file_name()
                    ),
                ));
            }
            request.image = Some(encoded);
        }
        PreparedInput::Url(url) => request.url = Some(url.to_string()),
    }
    Ok(request)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_sent_as_urls_with_advanced_mode() {
        let url = url::Url::parse("https://example.com/a.jpg").unwrap();
        let request = vat_invoice_request(&PreparedInput::Url(url)).unwrap();
        assert_eq!(request.url.as_deref(), Some("https://example.com/a.jpg"));
        assert_eq!(request.image, None);
        assert_eq!(request.advanced_mode, Some(true));
    }
}
