//! Client for the GLAIR Vision OCR API: NPWP cards (`POST /ocr/v1/npwp`) and invoices
//! (`POST /ocr/v1/invoice`).
//!
//! The operations and wire types in [`types`] are generated from `specs/glair-vision.yaml` by
//! `cargo xtask gen`. Written by hand: [`auth`] (HTTP Basic **and** `x-api-key` on every
//! request), [`Client::from_credentials`], [`request_id`] (the `Request-Id` header) and the
//! typed error [`OcrError`].
//!
//! Field values arrive as text or as numbers ([`taxdoc_client_runtime::wire::TextOrNumber`]),
//! read exactly from the JSON text: amounts never pass through `f64`.
//!
//! ```no_run
//! use glair_vision_client::auth::Credentials;
//! use glair_vision_client::{Client, OcrError, types::OcrImageForm};
//! use taxdoc_client_runtime::http::HttpSettings;
//!
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! let credentials = Credentials::new("user", "password", "api-key");
//! let client = Client::from_credentials(&credentials, &HttpSettings::default())?;
//! let form = OcrImageForm::file(std::fs::read("npwp.jpg")?, "npwp.jpg", "image/jpeg");
//! match client.read_npwp(&form).await {
//!     Ok(response) => {
//!         println!("request {:?}", glair_vision_client::request_id(&response));
//!         let read = response.into_inner().read;
//!         let number = read.and_then(|read| read.npwp_number()).and_then(|field| field.value);
//!         println!("NPWP {number:?}");
//!     }
//!     Err(error) => eprintln!("{}", OcrError::from_progenitor(error).await),
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

pub use client::{DEFAULT_BASE_URL, OcrError, request_id};
pub use generated::*;
