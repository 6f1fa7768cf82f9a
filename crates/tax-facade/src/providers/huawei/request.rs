//! The request body of `recognize_vat_invoice` for a checked input.

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
            let encoded = base64_encode(upload.bytes());
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

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Standard base64 with padding (RFC 4648 §4), as the service expects in `image`.
pub(super) fn base64_encode(bytes: &[u8]) -> String {
    let mut encoded = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b0 = chunk.first().copied().unwrap_or(0);
        let b1 = chunk.get(1).copied().unwrap_or(0);
        let b2 = chunk.get(2).copied().unwrap_or(0);
        let group = (u32::from(b0) << 16) | (u32::from(b1) << 8) | u32::from(b2);
        let sextet = |shift: u32| char::from(ALPHABET[((group >> shift) & 0x3f) as usize]);
        encoded.push(sextet(18));
        encoded.push(sextet(12));
        encoded.push(if chunk.len() > 1 { sextet(6) } else { '=' });
        encoded.push(if chunk.len() > 2 { sextet(0) } else { '=' });
    }
    encoded
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_rfc_4648_test_vectors() {
        let vectors = [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ];
        for (plain, encoded) in vectors {
            assert_eq!(base64_encode(plain.as_bytes()), encoded, "{plain:?}");
        }
        assert_eq!(base64_encode(&[0xfb, 0xff, 0xfe]), "+//+");
    }

    #[test]
    fn urls_are_sent_as_urls_with_advanced_mode() {
        let url = url::Url::parse("https://example.com/a.jpg").unwrap();
        let request = vat_invoice_request(&PreparedInput::Url(url)).unwrap();
        assert_eq!(request.url.as_deref(), Some("https://example.com/a.jpg"));
        assert_eq!(request.image, None);
        assert_eq!(request.advanced_mode, Some(true));
    }
}
