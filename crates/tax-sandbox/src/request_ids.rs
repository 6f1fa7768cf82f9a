//! Request identifiers and tokens in each provider's format, from a seeded RNG.

use std::sync::{Mutex, PoisonError};

/// Generates identifiers; seeded so runs repeat, separate from the fault RNG so identifiers do
/// not shift fault decisions.
#[derive(Debug)]
pub(crate) struct RequestIds {
    rng: Mutex<fastrand::Rng>,
}

impl RequestIds {
    pub(crate) fn new(seed: u64) -> Self {
        Self {
            rng: Mutex::new(fastrand::Rng::with_seed(seed.rotate_left(17) ^ 0x1D5)),
        }
    }

    /// `bytes` random bytes as lower-case hex.
    pub(crate) fn hex(&self, bytes: usize) -> String {
        let mut rng = self.rng.lock().unwrap_or_else(PoisonError::into_inner);
        let random: Vec<u8> = (0..bytes).map(|_| rng.u8(..)).collect();
        hex::encode(random)
    }

    /// A UUID-shaped identifier (GLAIR `Request-Id`).
    pub(crate) fn uuid(&self) -> String {
        let hex = self.hex(16);
        format!(
            "{}-{}-{}-{}-{}",
            &hex[0..8],
            &hex[8..12],
            &hex[12..16],
            &hex[16..20],
            &hex[20..32]
        )
    }

    /// 32 hex digits (Huawei `X-Request-Id`).
    pub(crate) fn huawei(&self) -> String {
        self.hex(16)
    }

    /// `TID` and 32 hex digits (DeepFinch body `request_id`).
    pub(crate) fn deepfinch(&self) -> String {
        format!("TID{}", self.hex(16))
    }
}
