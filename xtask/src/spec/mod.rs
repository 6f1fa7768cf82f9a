//! Spec files: loading and checking them against the project's conventions.

pub(crate) mod check;
pub(crate) mod example;
pub(crate) mod load;
