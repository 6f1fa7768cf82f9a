//! Checking a received request's `SDK-HMAC-SHA256` signature.

use chrono::{DateTime, NaiveDateTime, TimeDelta, Utc};
use reqwest::header::HeaderMap;
use sha2::{Digest, Sha256};
use url::Url;

use super::canonical::canonical_request_with;
use super::{
    ALGORITHM, AkSk, SDK_DATE_FORMAT, SDK_DATE_HEADER, SignError, signature, string_to_sign,
};

/// Largest accepted difference between `X-Sdk-Date` and the verifier's clock (the gateway's
/// rule).
pub const MAX_CLOCK_SKEW: TimeDelta = TimeDelta::minutes(15);

/// Why a signature was rejected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum VerifyError {
    /// No `Authorization` header, or not an `SDK-HMAC-SHA256` one.
    #[error("missing or malformed SDK-HMAC-SHA256 Authorization header")]
    MalformedAuthorization,
    /// The access key is not the expected one.
    #[error("unknown access key")]
    UnknownAccessKey,
    /// `X-Sdk-Date` is missing, malformed or not signed.
    #[error("missing, malformed or unsigned X-Sdk-Date")]
    InvalidDate,
    /// `X-Sdk-Date` is further than [`MAX_CLOCK_SKEW`] from now.
    #[error("X-Sdk-Date is outside the accepted clock skew")]
    Expired,
    /// A signed header is missing or not text.
    #[error("signed header `{0}` is missing or not text")]
    MissingSignedHeader(String),
    /// The signature does not match the request.
    #[error("signature mismatch")]
    SignatureMismatch,
}

/// The fields of an `SDK-HMAC-SHA256` `Authorization` header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedAuthorization<'a> {
    /// The access key id.
    pub access_key: &'a str,
    /// Lower-cased signed header names.
    pub signed_headers: Vec<&'a str>,
    /// The hex signature.
    pub signature: &'a str,
}

/// Parses `SDK-HMAC-SHA256 Access=…, SignedHeaders=…, Signature=…`.
pub fn parse_authorization(value: &str) -> Result<ParsedAuthorization<'_>, VerifyError> {
    let rest = value
        .strip_prefix(ALGORITHM)
        .and_then(|rest| rest.strip_prefix(' '))
        .ok_or(VerifyError::MalformedAuthorization)?;
    let (mut access_key, mut signed_headers, mut signature) = (None, None, None);
    for field in rest.split(',') {
        let (name, value) = field
            .trim()
            .split_once('=')
            .ok_or(VerifyError::MalformedAuthorization)?;
        match name {
            "Access" => access_key = Some(value),
            "SignedHeaders" => signed_headers = Some(value.split(';').collect()),
            "Signature" => signature = Some(value),
            _ => return Err(VerifyError::MalformedAuthorization),
        }
    }
    match (access_key, signed_headers, signature) {
        (Some(access_key), Some(signed_headers), Some(signature)) => Ok(ParsedAuthorization {
            access_key,
            signed_headers,
            signature,
        }),
        _ => Err(VerifyError::MalformedAuthorization),
    }
}

/// Verifies the signature of a received request (headers as received, including `Host` and
/// `Authorization`) against `credentials`, with `X-Sdk-Date` within [`MAX_CLOCK_SKEW`] of `now`.
pub fn verify(
    method: &str,
    url: &Url,
    headers: &HeaderMap,
    body: &[u8],
    credentials: &AkSk,
    now: DateTime<Utc>,
) -> Result<(), VerifyError> {
    let authorization = headers
        .get(reqwest::header::AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .ok_or(VerifyError::MalformedAuthorization)?;
    let parsed = parse_authorization(authorization)?;
    if parsed.access_key != credentials.access_key() {
        return Err(VerifyError::UnknownAccessKey);
    }
    if !parsed.signed_headers.contains(&SDK_DATE_HEADER) {
        return Err(VerifyError::InvalidDate);
    }
    let date = headers
        .get(SDK_DATE_HEADER)
        .and_then(|value| value.to_str().ok())
        .ok_or(VerifyError::InvalidDate)?;
    let signed_at = NaiveDateTime::parse_from_str(date, SDK_DATE_FORMAT)
        .map_err(|_| VerifyError::InvalidDate)?
        .and_utc();
    if (now - signed_at).abs() > MAX_CLOCK_SKEW {
        return Err(VerifyError::Expired);
    }
    let canonical = canonical_request_with(method, url, headers, body, &parsed.signed_headers)
        .map_err(|error| match error {
            SignError::MissingHeader(name) | SignError::UnsignableHeader(name) => {
                VerifyError::MissingSignedHeader(name)
            }
            other => VerifyError::MissingSignedHeader(other.to_string()),
        })?;
    let expected = signature(credentials.secret_key(), &string_to_sign(date, &canonical));
    if constant_time_eq(expected.as_bytes(), parsed.signature.as_bytes()) {
        Ok(())
    } else {
        Err(VerifyError::SignatureMismatch)
    }
}

/// Compares two byte strings in time independent of where they differ (hashes both first, so
/// lengths leak nothing either).
fn constant_time_eq(left: &[u8], right: &[u8]) -> bool {
    let (left, right) = (Sha256::digest(left), Sha256::digest(right));
    left.iter()
        .zip(right.iter())
        .fold(0u8, |difference, (a, b)| difference | (a ^ b))
        == 0
}
