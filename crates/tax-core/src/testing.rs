//! proptest strategies that build valid (and deliberately malformed) domain values through the
//! public checked constructors. Enabled by the `testing` feature so that other crates' tests
//! reuse them; the strategies themselves live beside their types.

pub use crate::cn::testing as cn;
pub use crate::id::testing as id;
