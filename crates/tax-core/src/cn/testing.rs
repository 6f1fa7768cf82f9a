//! proptest strategies for the `cn` types.
