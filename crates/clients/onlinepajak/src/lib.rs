//! Client for the OnlinePajak marketplace invoice API: create an invoice
//! (`POST /marketplace/v1/invoices`) and read one back (`GET /marketplace/v1/invoices` with a
//! JSON body).
//!
//! The operations and wire types in [`types`] are generated from `specs/onlinepajak.yaml` by
//! `cargo xtask gen`. Written by hand: [`auth`] (the `api_key` query parameter, kept out of
//! every error), [`Client::from_api_key`] and the typed error [`InvoiceError`]. The user id is
//! an argument of each operation. OnlinePajak documents no request id.
//!
//! Amounts are [`taxdoc_client_runtime::wire::WireDecimal`]s, exact in both directions.
//!
//! ```no_run
//! use onlinepajak_client::{Client, InvoiceError, types};
//! use taxdoc_client_runtime::http::HttpSettings;
//!
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! let client = Client::from_api_key("my-api-key", &HttpSettings::default())?;
//! let query = types::GetInvoiceRequest {
//!     invoice_number: "FP/2015/03/0000235".parse()?,
//! };
//! match client.get_invoice("user-1", &query).await {
//!     Ok(response) => {
//!         let invoice = response.into_inner().response.invoice;
//!         let gross = invoice.and_then(|invoice| invoice.gross_amount).map(|a| a.value());
//!         println!("gross amount {gross:?}");
//!     }
//!     Err(error) => eprintln!("{}", InvoiceError::from_progenitor(error).await),
//! }
//! # Ok(())
//! # }
//! ```

#![warn(missing_docs)]

#[allow(
    dead_code,
    unreachable_patterns,
    unreachable_pub,
    missing_docs,
    clippy::all
)]
mod generated;

pub mod auth;

mod client;

pub use client::{DEFAULT_BASE_URL, InvoiceError, STAGING_BASE_URL};
pub use generated::*;
