//! e-Faktur filing: the invoice domain model, the OnlinePajak VAT combinations and their
//! validation rules.
//!
//! [`EFakturInvoice`] describes one invoice to file; [`EFakturInvoice::validate`] reports
//! every problem at once and [`EFakturInvoice::totals`] computes gross amount, DPP, PPN,
//! PPnBM and grand total.

mod additional_info;
mod combination;
mod invoice;
mod tax_period;
mod validate;

pub use additional_info::AdditionalInfo;
pub use combination::{Combination, DocumentType, InvoiceType, TransactionType};
pub use invoice::{DownPayment, DownPaymentKind, EFakturInvoice, EFakturTotals};
pub use tax_period::TaxPeriod;
