//! One `DocumentReader` over every tax-document provider.
//!
//! `tax-facade` is where provider responses meet the domain types of `tax-core`. It is layered
//! like object_store and OpenDAL:
//!
//! - **One trait over many backends.** [`DocumentReader`] plays the part of object_store's
//!   `ObjectStore`: it is object-safe, so an application can hold a [`DynDocumentReader`]
//!   picked at run time, and every provider implements the same `read`.
//! - **Capabilities are data.** Like OpenDAL's `Capability`, [`Capabilities`] says which
//!   document kinds, file formats, sizes and pixel sizes a reader accepts. The
//!   [`input`] checks consult it before anything is uploaded, so a wrong file never costs a
//!   request.
//! - **One normalized model.** Every reader returns a [`Document`] whose values are
//!   [`Field`](document::Field)s: the parsed `tax-core` value where the text parses, the raw
//!   text always, a confidence and a location. Text that does not parse is kept with a finding.
//! - **Validation is data.** Every read is validated ([`validate`]); findings come back with
//!   the document in a [`ReadOutcome`]. An [`Error`] means the read could not happen.
//! - **One error type.** [`Error`] carries a [`ErrorKind`], whether a retry may help, the
//!   provider, HTTP status, provider code and request id; per-provider status tables
//!   ([`error::StatusTable`]) keep the mapping in one place. Secrets never appear in it.
//! - **Retries where safe.** [`retry::Retrier`] retries retryable errors with exponential
//!   backoff and full jitter, honouring `Retry-After` and per-attempt and total timeouts;
//!   [`retry::RetryPolicy`] keeps non-idempotent operations such as filings from being sent
//!   twice.
//!
//! The building blocks for provider modules are [`parse`] (dates and amounts as providers send
//! them, into exact decimals), [`input`] (sniffing and header checks) and [`document`].

#![warn(missing_docs)]
#![deny(rustdoc::broken_intra_doc_links)]

pub mod config;
pub mod document;
pub mod error;
pub mod evaluation;
pub mod input;
pub mod parse;
mod provider;
pub mod providers;
mod reader;
pub mod retry;
mod submitter;
pub mod validate;

pub use document::{Document, DocumentKind};
pub use error::{Error, ErrorKind};
pub use input::DocumentInput;
pub use provider::{ProviderId, UnknownProvider};
pub use reader::{
    Capabilities, DocumentReader, DynDocumentReader, ReadOptions, ReadOutcome, ResponseMeta,
};
pub use submitter::rules as filing_rules;
pub use submitter::{
    DynInvoiceSubmitter, FiledInvoice, InvoiceSubmitter, SubmitOptions, SubmitOutcome,
};

/// The result type of this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;
