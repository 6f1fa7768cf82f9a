//! One module per provider: each maps its generated client onto the normalized model.
//!
//! - [`glair`]: GLAIR Vision, NPWP cards and commercial invoices.
//! - [`huawei`]: Huawei Cloud OCR, Chinese VAT invoices.
//! - [`deepfinch`]: DeepFinch, Chinese VAT invoices.
//! - [`onlinepajak`]: OnlinePajak, filing e-Faktur invoices.
//! - [`local`]: born-digital Faktur Pajak, Chinese VAT e-invoices and commercial invoices,
//!   read offline from the PDF text layer and QR codes.
//!
//! [`reader_for`] and [`submitter_for`] pick one at run time from a
//! [`TaxdocConfig`](crate::config::TaxdocConfig).

mod factory;

pub use factory::{reader_for, submitter_for};

pub mod deepfinch;

pub mod glair;
pub mod huawei;
pub mod local;
pub mod onlinepajak;
