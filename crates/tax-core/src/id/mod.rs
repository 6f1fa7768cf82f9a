//! Indonesian tax types.
