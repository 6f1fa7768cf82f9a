//! proptest strategies that build valid (and deliberately malformed) domain values through the
//! public checked constructors. Enabled by the `testing` feature so that other crates' tests
//! reuse them.
