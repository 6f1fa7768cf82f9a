//! Indonesian and Chinese tax domain types with exact validation.
//!
//! `tax-core` is the domain model that every other taxdoc crate maps onto. It does no I/O, no
//! async and no HTTP. Its rules are:
//!
//! - **Domain values only exist once validated.** Identifiers such as [`id::Npwp`] or
//!   [`cn::Uscc`] can only be built by their checked parsers, which report a precise
//!   [`ParseErrorKind`].
//! - **Money is exact.** [`Money`] wraps `rust_decimal`, arithmetic is checked, and every
//!   rounding names a [`RoundingRule`].
//! - **Validation is data.** Cross-field checks return a [`ValidationReport`] of [`Finding`]s,
//!   so a document with many problems reports all of them at once. Rules that are inferred
//!   rather than published default to warnings and can be reconfigured with [`RuleConfig`].
//!
//! The [`id`] module holds the Indonesian types (NPWP, NIK, NITKU, e-Faktur numbers and
//! combinations, PPN, terbilang); [`cn`] holds the Chinese ones (USCC, resident ID, invoice
//! codes and numbers, VAT arithmetic, 大写 amounts). With the `testing` feature, `testing`
//! exposes proptest strategies for all of them.

#![warn(missing_docs)]
#![deny(rustdoc::broken_intra_doc_links)]

mod error;
mod identifier;
mod money;
mod report;
mod rounding;

pub mod cn;
pub mod id;

#[cfg(any(test, feature = "testing"))]
pub mod testing;

pub use error::{ParseError, ParseErrorKind};
pub use money::{Cny, Currency, Idr, Money, Rupiah, Yuan};
pub use report::{Finding, RuleConfig, Severity, ValidationReport};
pub use rounding::RoundingRule;
