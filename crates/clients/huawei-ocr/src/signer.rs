//! Huawei Cloud AK/SK request signing, algorithm `SDK-HMAC-SHA256`.
//!
//! This is the scheme of Huawei's API gateway as implemented by `huaweicloudsdkcore`:
//!
//! 1. Before signing, `X-Sdk-Date` (UTC, `YYYYMMDDTHHMMSSZ`) and `Host` are added, and
//!    `X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD` when the content type is neither
//!    `application/json` nor `application/bson` (e.g. multipart uploads).
//! 2. Signed headers are all header names, lower-cased, except names containing `_`, sorted.
//! 3. The canonical request is `METHOD\nURI\nQUERY\nHEADERS\nSIGNED_HEADERS\nPAYLOAD_HASH`, where
//!    the URI is the decoded path re-encoded per segment with a trailing `/`, the query is sorted
//!    and encoded, and the payload hash is the SHA-256 of the body (or `UNSIGNED-PAYLOAD`).
//! 4. `StringToSign = "SDK-HMAC-SHA256\n" + X-Sdk-Date + "\n" + hex(sha256(canonical request))`.
//! 5. `Signature = hex(HMAC-SHA256(secret key, StringToSign))`, sent as
//!    `Authorization: SDK-HMAC-SHA256 Access=AK, SignedHeaders=..., Signature=...`.
//!
//! [`sign`] is a pure function over the request parts; [`sign_request`] signs a
//! `reqwest::Request` in place; [`verify`] checks a received request the same way.
//!
//! ```
//! use chrono::{TimeZone, Utc};
//! use huawei_ocr_client::signer::{AkSk, SignableRequest, sign};
//!
//! let credentials = AkSk::new("AK", "SK");
//! let url = url::Url::parse("https://ocr.cn-north-4.myhuaweicloud.com/v2/p/ocr/vat-invoice").unwrap();
//! let mut headers = reqwest::header::HeaderMap::new();
//! headers.insert("content-type", "application/json".parse().unwrap());
//! let when = Utc.with_ymd_and_hms(2024, 1, 1, 0, 0, 0).unwrap();
//! let request = SignableRequest { method: "POST", url: &url, headers: &headers, body: b"{}" };
//! let signed = sign(&request, &credentials, when).unwrap();
//! assert!(signed.authorization.starts_with("SDK-HMAC-SHA256 Access=AK, SignedHeaders=content-type;host;x-sdk-date, Signature="));
//! ```

mod canonical;
mod verify;

use std::fmt;

use chrono::{DateTime, Utc};
use reqwest::header::{HeaderMap, HeaderName, HeaderValue};
use sha2::{Digest, Sha256};
use taxdoc_client_runtime::secret::Secret;
use url::Url;

pub use self::canonical::{CanonicalRequest, EMPTY_PAYLOAD_HASH, canonical_request};
pub use self::verify::{
    MAX_CLOCK_SKEW, ParsedAuthorization, VerifyError, parse_authorization, verify,
};

/// The algorithm name that starts `StringToSign` and the `Authorization` header.
pub const ALGORITHM: &str = "SDK-HMAC-SHA256";
/// Header carrying the signing time.
pub const SDK_DATE_HEADER: &str = "x-sdk-date";
/// Header announcing an unsigned payload.
pub const CONTENT_SHA256_HEADER: &str = "x-sdk-content-sha256";
/// Payload hash used for bodies that are not JSON or BSON.
pub const UNSIGNED_PAYLOAD: &str = "UNSIGNED-PAYLOAD";
/// The `X-Sdk-Date` format.
pub const SDK_DATE_FORMAT: &str = "%Y%m%dT%H%M%SZ";

/// An access key / secret key pair. The secret key never appears in `Debug`.
#[derive(Clone, PartialEq, Eq)]
pub struct AkSk {
    access_key: String,
    secret_key: Secret,
}

impl AkSk {
    /// Creates the credentials.
    pub fn new(access_key: impl Into<String>, secret_key: impl Into<Secret>) -> Self {
        Self {
            access_key: access_key.into(),
            secret_key: secret_key.into(),
        }
    }

    /// The access key id (public; it travels in the `Authorization` header).
    pub fn access_key(&self) -> &str {
        &self.access_key
    }

    /// The secret key.
    pub fn secret_key(&self) -> &Secret {
        &self.secret_key
    }
}

impl fmt::Debug for AkSk {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AkSk")
            .field("access_key", &self.access_key)
            .field("secret_key", &self.secret_key)
            .finish()
    }
}

/// The parts of a request that the signature covers.
#[derive(Debug, Clone, Copy)]
pub struct SignableRequest<'a> {
    /// HTTP method, e.g. `POST`.
    pub method: &'a str,
    /// The full request URL.
    pub url: &'a Url,
    /// The request headers as they will be sent (without the headers [`sign`] adds).
    pub headers: &'a HeaderMap,
    /// The body bytes (empty for no body).
    pub body: &'a [u8],
}

/// The result of [`sign`]: the headers to add to the request and the intermediate values.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct SignedRequest {
    /// Headers to add before sending, including `Authorization` (which is last).
    pub headers_to_add: Vec<(HeaderName, HeaderValue)>,
    /// The value of the `Authorization` header.
    pub authorization: String,
    /// The canonical request that was signed.
    pub canonical_request: CanonicalRequest,
    /// The string that was signed.
    pub string_to_sign: String,
    /// The hex HMAC-SHA256 signature.
    pub signature: String,
}

/// Why a request could not be signed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SignError {
    /// The URL has no host.
    #[error("the request URL has no host")]
    MissingHost,
    /// A header value is not visible ASCII / UTF-8 and cannot be signed.
    #[error("header `{0}` has a value that cannot be signed")]
    UnsignableHeader(String),
    /// A header named in the signed header list is absent.
    #[error("signed header `{0}` is absent")]
    MissingHeader(String),
    /// The access key cannot be sent in a header.
    #[error("the access key contains characters that are not allowed in a header")]
    InvalidAccessKey,
    /// The body is a stream, so its hash cannot be computed before sending.
    #[error("a streaming JSON body cannot be signed; buffer it first")]
    StreamingBody,
}

/// Formats a time as an `X-Sdk-Date` value.
pub fn sdk_date(time: DateTime<Utc>) -> String {
    time.format(SDK_DATE_FORMAT).to_string()
}

/// Whether a content type needs `X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD`.
pub fn needs_unsigned_payload(headers: &HeaderMap) -> bool {
    let content_type = headers
        .get(reqwest::header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .unwrap_or("application/json");
    !(content_type.starts_with("application/json") || content_type.starts_with("application/bson"))
}

/// The `Host` header value for a URL: host, plus the port when it is not the scheme default.
pub fn host_header(url: &Url) -> Result<String, SignError> {
    let host = url.host_str().ok_or(SignError::MissingHost)?;
    Ok(match url.port() {
        Some(port) => format!("{host}:{port}"),
        None => host.to_owned(),
    })
}

/// Signs a request at time `now`.
///
/// Headers already present are kept (`X-Sdk-Date` and `Host` are used as given when set).
pub fn sign(
    request: &SignableRequest<'_>,
    credentials: &AkSk,
    now: DateTime<Utc>,
) -> Result<SignedRequest, SignError> {
    let mut headers = request.headers.clone();
    let mut headers_to_add = Vec::new();
    let mut add = |headers: &mut HeaderMap, name: &'static str, value: String| {
        let name = HeaderName::from_static(name);
        if !headers.contains_key(&name) {
            let value = HeaderValue::try_from(value)
                .map_err(|_| SignError::UnsignableHeader(name.to_string()))?;
            headers.insert(name.clone(), value.clone());
            headers_to_add.push((name, value));
        }
        Ok::<(), SignError>(())
    };
    add(&mut headers, SDK_DATE_HEADER, sdk_date(now))?;
    add(&mut headers, "host", host_header(request.url)?)?;
    if needs_unsigned_payload(&headers) {
        add(
            &mut headers,
            CONTENT_SHA256_HEADER,
            UNSIGNED_PAYLOAD.to_owned(),
        )?;
    }
    let date = header_text(&headers, SDK_DATE_HEADER)?.to_owned();

    let canonical = canonical_request(request.method, request.url, &headers, request.body)?;
    let string_to_sign = string_to_sign(&date, &canonical);
    let signature = signature(credentials.secret_key(), &string_to_sign);
    let authorization = format!(
        "{ALGORITHM} Access={}, SignedHeaders={}, Signature={signature}",
        credentials.access_key(),
        canonical.signed_headers
    );
    let authorization_value =
        HeaderValue::try_from(authorization.as_str()).map_err(|_| SignError::InvalidAccessKey)?;
    headers_to_add.push((reqwest::header::AUTHORIZATION, authorization_value));
    Ok(SignedRequest {
        headers_to_add,
        authorization,
        canonical_request: canonical,
        string_to_sign,
        signature,
    })
}

/// Stands in for a streamed body whose payload is unsigned: any non-empty bytes make the
/// payload hash `UNSIGNED-PAYLOAD`, and the bytes themselves are never hashed.
const STREAMED_BODY_MARKER: &[u8] = b"\0";

/// Signs a `reqwest::Request` in place at time `now`: adds `X-Sdk-Date`, `Host`,
/// `X-Sdk-Content-Sha256` when needed, and `Authorization`.
pub fn sign_request(
    request: &mut reqwest::Request,
    credentials: &AkSk,
    now: DateTime<Utc>,
) -> Result<(), SignError> {
    let body: &[u8] = match request.body() {
        None => &[],
        Some(body) => match body.as_bytes() {
            Some(bytes) => bytes,
            None if needs_unsigned_payload(request.headers()) => STREAMED_BODY_MARKER,
            None => return Err(SignError::StreamingBody),
        },
    };
    let method = request.method().as_str().to_owned();
    let signed = sign(
        &SignableRequest {
            method: &method,
            url: request.url(),
            headers: request.headers(),
            body,
        },
        credentials,
        now,
    )?;
    let headers = request.headers_mut();
    for (name, value) in signed.headers_to_add {
        headers.insert(name, value);
    }
    Ok(())
}

/// `"SDK-HMAC-SHA256\n" + date + "\n" + hex(sha256(canonical request))`.
pub fn string_to_sign(sdk_date: &str, canonical: &CanonicalRequest) -> String {
    let digest = Sha256::digest(canonical.text.as_bytes());
    format!("{ALGORITHM}\n{sdk_date}\n{}", hex::encode(digest))
}

/// `hex(HMAC-SHA256(secret key, string to sign))`.
pub fn signature(secret_key: &Secret, string_to_sign: &str) -> String {
    hex::encode(hmac_sha256(
        secret_key.expose().as_bytes(),
        string_to_sign.as_bytes(),
    ))
}

/// HMAC-SHA256 (RFC 2104) over SHA-256's 64-byte block.
///
/// Written over `sha2` rather than taken from the `hmac` crate because that crate's slice
/// constructor returns a `Result` (which never fails for HMAC), and signing has no honest error
/// to report for it; the RFC 4231 test cases pin this down.
fn hmac_sha256(key: &[u8], message: &[u8]) -> [u8; 32] {
    const BLOCK: usize = 64;
    let mut padded_key = [0u8; BLOCK];
    if key.len() > BLOCK {
        padded_key[..32].copy_from_slice(&Sha256::digest(key));
    } else {
        padded_key[..key.len()].copy_from_slice(key);
    }
    let mut inner = Sha256::new();
    inner.update(padded_key.map(|byte| byte ^ 0x36));
    inner.update(message);
    let mut outer = Sha256::new();
    outer.update(padded_key.map(|byte| byte ^ 0x5c));
    outer.update(inner.finalize());
    outer.finalize().into()
}

fn header_text<'a>(headers: &'a HeaderMap, name: &str) -> Result<&'a str, SignError> {
    headers
        .get(name)
        .and_then(|value| value.to_str().ok())
        .ok_or_else(|| SignError::UnsignableHeader(name.to_owned()))
}

#[cfg(test)]
mod tests;
