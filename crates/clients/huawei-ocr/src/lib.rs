//! Client for Huawei Cloud OCR VAT invoice recognition (`POST /v2/{project_id}/ocr/vat-invoice`)
//! and the IAM token call (`POST /v3/auth/tokens`).
//!
//! The operations and wire types in [`types`] are generated from `specs/huawei-ocr.yaml` by
//! `cargo xtask gen`. Written by hand: [`auth`] (IAM token or AK/SK signing, added to every
//! request), [`signer`] (`SDK-HMAC-SHA256`), constructors, [`Client::obtain_token`], request
//! ids ([`request_id`]) and typed errors ([`OcrError`], [`TokenError`]).
//!
//! Amounts stay strings exactly as the service prints them (`"8400.00"`).
//!
//! ```no_run
//! use huawei_ocr_client::auth::Credentials;
//! use huawei_ocr_client::signer::AkSk;
//! use huawei_ocr_client::{Client, OcrError, types};
//! use taxdoc_client_runtime::http::HttpSettings;
//!
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! let credentials = Credentials::AkSk(AkSk::new("my-access-key", "my-secret-key"));
//! let client = Client::from_credentials(credentials, "cn-north-4", &HttpSettings::default())?;
//! let body = types::VatInvoiceRequest {
//!     url: Some("https://example.com/invoice.jpg".into()),
//!     advanced_mode: Some(true),
//!     ..Default::default()
//! };
//! match client.recognize_vat_invoice("my-project-id", None, None, &body).await {
//!     Ok(response) => {
//!         println!("request {:?}", huawei_ocr_client::request_id(&response));
//!         println!("total {:?}", response.into_inner().result.total);
//!     }
//!     Err(error) => {
//!         let error = OcrError::from_progenitor(error).await;
//!         eprintln!("{error}");
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
pub mod signer;

mod client;
mod errors;
mod token;

pub use client::{DEFAULT_REGION, iam_endpoint, ocr_endpoint, request_id};
pub use errors::{OcrError, THROTTLED, TokenError};
pub use generated::*;
pub use token::{IssuedToken, PasswordLogin, SUBJECT_TOKEN_HEADER};
