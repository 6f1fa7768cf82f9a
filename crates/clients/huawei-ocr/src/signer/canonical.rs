//! The canonical request: the exact text that `SDK-HMAC-SHA256` hashes and signs.

use std::fmt::Write as _;

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, percent_decode_str, utf8_percent_encode};
use reqwest::header::HeaderMap;
use sha2::{Digest, Sha256};
use url::Url;

use super::{CONTENT_SHA256_HEADER, SignError};

/// SHA-256 of the empty string: the payload hash of a request without a body.
pub const EMPTY_PAYLOAD_HASH: &str =
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

/// Characters left unencoded: Python's `quote(s, safe='~')`, i.e. `A-Z a-z 0-9 _ . - ~`.
const ENCODE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'_')
    .remove(b'.')
    .remove(b'-')
    .remove(b'~');

/// A canonical request and the list of headers it signs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CanonicalRequest {
    /// `METHOD\nURI\nQUERY\nHEADERS\nSIGNED_HEADERS\nPAYLOAD_HASH`.
    pub text: String,
    /// Lower-cased signed header names joined with `;`.
    pub signed_headers: String,
}

/// Builds the canonical request from the headers as they will be sent, signing every header
/// whose name has no `_`.
pub fn canonical_request(
    method: &str,
    url: &Url,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<CanonicalRequest, SignError> {
    let mut names: Vec<&str> = headers
        .keys()
        .map(|name| name.as_str())
        .filter(|name| !name.contains('_'))
        .collect();
    names.sort_unstable();
    names.dedup();
    canonical_request_with(method, url, headers, body, &names)
}

/// Builds the canonical request signing exactly the given lower-cased header names.
pub(super) fn canonical_request_with(
    method: &str,
    url: &Url,
    headers: &HeaderMap,
    body: &[u8],
    signed: &[&str],
) -> Result<CanonicalRequest, SignError> {
    let mut canonical_headers = String::new();
    for name in signed {
        let mut values = Vec::new();
        for value in headers.get_all(*name) {
            let text = value
                .to_str()
                .map_err(|_| SignError::UnsignableHeader((*name).to_owned()))?;
            values.push(text.trim());
        }
        if values.is_empty() {
            return Err(SignError::MissingHeader((*name).to_owned()));
        }
        // Writing into a String cannot fail.
        let _ = writeln!(canonical_headers, "{name}:{}", values.join(","));
    }
    let signed_headers = signed.join(";");
    let text = format!(
        "{}\n{}\n{}\n{canonical_headers}\n{signed_headers}\n{}",
        method.to_ascii_uppercase(),
        canonical_uri(url),
        canonical_query(url),
        payload_hash(headers, body),
    );
    Ok(CanonicalRequest {
        text,
        signed_headers,
    })
}

/// The decoded path, re-encoded per segment, with a trailing `/`.
pub(super) fn canonical_uri(url: &Url) -> String {
    let mut uri = url
        .path()
        .split('/')
        .map(|segment| {
            let decoded: Vec<u8> = percent_decode_str(segment).collect();
            percent_encoding::percent_encode(&decoded, ENCODE).to_string()
        })
        .collect::<Vec<_>>()
        .join("/");
    if !uri.ends_with('/') {
        uri.push('/');
    }
    uri
}

/// Query pairs sorted by name then value, both sides encoded, joined with `&`.
pub(super) fn canonical_query(url: &Url) -> String {
    let mut pairs: Vec<(String, String)> = url
        .query_pairs()
        .map(|(name, value)| {
            (
                utf8_percent_encode(&name, ENCODE).to_string(),
                utf8_percent_encode(&value, ENCODE).to_string(),
            )
        })
        .collect();
    pairs.sort();
    pairs
        .iter()
        .map(|(name, value)| format!("{name}={value}"))
        .collect::<Vec<_>>()
        .join("&")
}

/// The empty-body hash, the `X-Sdk-Content-Sha256` value, or the body's SHA-256, in that order.
pub(super) fn payload_hash(headers: &HeaderMap, body: &[u8]) -> String {
    if body.is_empty() {
        return EMPTY_PAYLOAD_HASH.to_owned();
    }
    if let Some(declared) = headers
        .get(CONTENT_SHA256_HEADER)
        .and_then(|value| value.to_str().ok())
    {
        return declared.to_owned();
    }
    hex::encode(Sha256::digest(body))
}
