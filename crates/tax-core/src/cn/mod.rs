//! Chinese tax types.

/// proptest strategies for these types (feature `testing`).
#[cfg(any(test, feature = "testing"))]
pub mod testing;
