//! Parsers for the text providers send: dates, amounts and percentages.
//!
//! They return [`tax_core::ParseError`], so a failure can be kept beside the raw text with
//! [`Field::parse`](crate::document::Field::parse).

mod amount;
mod date;

pub use amount::{NumberStyle, parse_amount, parse_amount_with, parse_money, parse_percent};
pub use date::parse_date;
