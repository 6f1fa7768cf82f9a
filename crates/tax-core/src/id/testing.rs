//! proptest strategies for the `id` types.
