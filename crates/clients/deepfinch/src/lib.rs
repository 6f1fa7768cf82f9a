//! Client for DeepFinch VAT invoice OCR (`POST /ocr/value_add_tax_invoice`).
//!
//! The operation and wire types in [`types`] are generated from `specs/deepfinch.yaml` by
//! `cargo xtask gen`. Written by hand: [`auth`] (`X-DF-API-ID` and `X-DF-API-SECRET` on every
//! request), [`Client::from_credentials`], form conveniences and the typed error [`OcrError`].
//! The request id travels in the body (`request_id`), in success and error responses alike.
//!
//! ```no_run
//! use deepfinch_client::{Client, OcrError, types::VatInvoiceForm};
//! use taxdoc_client_runtime::http::HttpSettings;
//!
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! let client = Client::from_credentials("api-id", "api-secret", &HttpSettings::default())?;
//! let form = VatInvoiceForm::file(std::fs::read("invoice.jpg")?, "invoice.jpg", "image/jpeg");
//! match client.recognize_vat_invoice(&form).await {
//!     Ok(response) => {
//!         let body = response.into_inner();
//!         println!("request {:?}: {}", body.request_id, body.status);
//!     }
//!     Err(error) => {
//!         let error = OcrError::from_progenitor(error).await;
//!         let throttled = error.envelope().is_some_and(|e| e.is_rate_limited());
//!         eprintln!("{error} (throttled: {throttled})");
//!     }
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

pub use client::{DEFAULT_BASE_URL, OcrError, RATE_LIMIT_EXCEEDED};
pub use generated::*;
