//! Credential checks, one module per provider, each rejecting in its provider's shape.

pub(crate) mod deepfinch;
pub(crate) mod glair;
pub(crate) mod huawei;
pub(crate) mod onlinepajak;

use sha2::{Digest, Sha256};

/// Compares a received credential with the configured one without revealing, through
/// timing, where they differ.
pub(crate) fn secrets_match(received: &str, expected: &str) -> bool {
    let (received, expected) = (
        Sha256::digest(received.as_bytes()),
        Sha256::digest(expected.as_bytes()),
    );
    received
        .iter()
        .zip(expected.iter())
        .fold(0u8, |difference, (a, b)| difference | (a ^ b))
        == 0
}

#[cfg(test)]
mod tests {
    use super::secrets_match;

    #[test]
    fn secrets_match_only_when_equal() {
        assert!(secrets_match("abc", "abc"));
        assert!(!secrets_match("abc", "abd"));
        assert!(!secrets_match("", "abc"));
    }
}
