//! Chinese tax types: taxpayer identifiers, VAT invoice codes and numbers, VAT arithmetic and
//! RMB amounts in uppercase words (大写).
//!
//! Every identifier here is built only by its checked `parse` function, displays in its
//! canonical form, and serializes as that string:
//!
//! ```
//! use tax_core::cn::{InvoiceType, Uscc, InvoiceCode};
//!
//! let uscc: Uscc = "9111 0000 6000 3734 1l".parse().unwrap();
//! assert_eq!(uscc.to_string(), "91110000600037341L");
//!
//! let code = InvoiceCode::parse("011001605111").unwrap();
//! assert_eq!(code.invoice_type(), InvoiceType::ElectronicGeneral);
//! ```
//!
//! Cross-field checks of a whole invoice live in [`VatInvoice::validate`], which reports every
//! problem as a [`Finding`](crate::Finding).

mod check_code;
pub mod daxie;
mod invoice;
mod invoice_code;
mod invoice_number;
mod invoice_type;
mod org_code;
mod qr;
mod resident_id;
pub mod rules;
mod taxpayer_id;
mod text;
mod uscc;
pub mod vat;
mod vat_rate;

/// proptest strategies for these types (feature `testing`).
#[cfg(any(test, feature = "testing"))]
pub mod testing;

pub use check_code::CheckCode;
pub use invoice::{VatInvoice, VatLineItem, VatParty};
pub use invoice_code::InvoiceCode;
pub use invoice_number::InvoiceNumber;
pub use invoice_type::InvoiceType;
pub use org_code::OrganizationCode;
pub use qr::QrPayload;
pub use resident_id::{Gender, ResidentId};
pub use taxpayer_id::{LegacyTaxpayerId, TaxpayerId, UnstructuredTaxpayerId};
pub use uscc::{EntityCategory, RegistrationAuthority, Uscc};
pub use vat_rate::VatRate;
