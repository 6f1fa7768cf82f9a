//! Indonesian tax types.
//!
//! - Identifiers, each only constructible by its checked parser: [`Npwp`], [`Nik`], [`Nitku`],
//!   [`FakturNumber`], [`Nsfp`], [`TransactionCode`].
//! - Amounts: [`ItemLine`] and [`items`], PPN and PPnBM in [`ppn`], withheld income tax in
//!   [`pph`].
//! - Filing: [`efaktur::EFakturInvoice`] with its combination rules and validation.
//! - Amounts in words: [`terbilang`].

mod calendar;
mod compact;
pub mod efaktur;
mod faktur_number;
pub mod items;
pub mod luhn;
mod nik;
mod nitku;
mod npwp;
pub mod pph;
pub mod ppn;
pub mod terbilang;
mod transaction_code;

pub use faktur_number::{FakturFormat, FakturNumber, FakturStatus, Nsfp};
pub use items::ItemLine;
pub use nik::{Gender, Nik};
pub use nitku::Nitku;
pub use npwp::{Npwp, NpwpKind};
pub use transaction_code::TransactionCode;

/// proptest strategies for these types (feature `testing`).
#[cfg(any(test, feature = "testing"))]
pub mod testing;
