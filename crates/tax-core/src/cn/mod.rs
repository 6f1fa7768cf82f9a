//! Chinese tax types.
