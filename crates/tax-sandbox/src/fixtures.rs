//! Response bodies registered for specific uploads.

use std::sync::{PoisonError, RwLock};

use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::Provider;

/// How an upload is recognised.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum FixtureKey {
    /// Lower-case hex SHA-256 of the uploaded bytes (after base64 decoding for Huawei).
    Sha256(String),
    /// The upload's file name: the multipart file name, or the last path segment of a `url`.
    FileName(String),
}

impl FixtureKey {
    /// The key of an upload with these bytes.
    pub fn sha256_of(bytes: &[u8]) -> Self {
        Self::Sha256(hex::encode(Sha256::digest(bytes)))
    }

    /// The key of an upload with this file name.
    pub fn file_name(name: impl Into<String>) -> Self {
        Self::FileName(name.into())
    }
}

/// A response body that a provider returns, instead of its documented sample or an answer
/// computed from a digital document, for a matching
/// upload (GLAIR: both OCR routes; Huawei: the VAT invoice route; DeepFinch: the VAT route).
#[derive(Debug, Clone, PartialEq)]
pub struct Fixture {
    provider: Provider,
    key: FixtureKey,
    body: Value,
}

impl Fixture {
    /// Registers `body` for uploads matching `key` sent to `provider`.
    pub fn new(provider: Provider, key: FixtureKey, body: Value) -> Self {
        Self {
            provider,
            key,
            body,
        }
    }
}

/// What is known about an upload.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Upload<'a> {
    pub(crate) bytes: Option<&'a [u8]>,
    pub(crate) file_name: Option<&'a str>,
}

/// The registered fixtures; later registrations win.
#[derive(Debug)]
pub(crate) struct FixtureSet {
    fixtures: RwLock<Vec<Fixture>>,
}

impl FixtureSet {
    pub(crate) fn new(fixtures: Vec<Fixture>) -> Self {
        Self {
            fixtures: RwLock::new(fixtures),
        }
    }

    pub(crate) fn add(&self, fixture: Fixture) {
        self.fixtures
            .write()
            .unwrap_or_else(PoisonError::into_inner)
            .push(fixture);
    }

    /// The body registered for this upload, if any.
    pub(crate) fn lookup(&self, provider: Provider, upload: Upload<'_>) -> Option<Value> {
        let digest = upload.bytes.map(FixtureKey::sha256_of);
        let fixtures = self.fixtures.read().unwrap_or_else(PoisonError::into_inner);
        fixtures
            .iter()
            .rev()
            .filter(|fixture| fixture.provider == provider)
            .find(|fixture| match &fixture.key {
                key @ FixtureKey::Sha256(_) => digest.as_ref() == Some(key),
                FixtureKey::FileName(name) => upload.file_name == Some(name.as_str()),
            })
            .map(|fixture| fixture.body.clone())
    }
}

/// The last path segment of a URL-ish string, as a file name for fixture matching.
pub(crate) fn file_name_of_url(url: &str) -> Option<&str> {
    let without_query = url.split(['?', '#']).next()?;
    without_query
        .rsplit('/')
        .next()
        .filter(|name| !name.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookup_matches_by_hash_and_name_per_provider() {
        let set = FixtureSet::new(vec![
            Fixture::new(
                Provider::Glair,
                FixtureKey::sha256_of(b"abc"),
                Value::from("by-hash"),
            ),
            Fixture::new(
                Provider::DeepFinch,
                FixtureKey::file_name("a.jpg"),
                Value::from("by-name"),
            ),
        ]);
        let by_bytes = Upload {
            bytes: Some(b"abc"),
            file_name: Some("a.jpg"),
        };
        assert_eq!(
            set.lookup(Provider::Glair, by_bytes),
            Some(Value::from("by-hash"))
        );
        assert_eq!(
            set.lookup(Provider::DeepFinch, by_bytes),
            Some(Value::from("by-name"))
        );
        assert_eq!(set.lookup(Provider::Huawei, by_bytes), None);
        let other = Upload {
            bytes: Some(b"abd"),
            file_name: None,
        };
        assert_eq!(set.lookup(Provider::Glair, other), None);
    }

    #[test]
    fn url_file_names_ignore_query_and_fragment() {
        assert_eq!(
            file_name_of_url("https://x.test/a/b/inv.pdf?sig=1#p"),
            Some("inv.pdf")
        );
        assert_eq!(file_name_of_url("https://x.test/a/"), None);
    }
}
