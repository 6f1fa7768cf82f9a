//! Kode transaksi: the first two digits of an e-Faktur number.

use std::fmt;

use chrono::NaiveDate;

use super::calendar::CORETAX_FROM;
use crate::identifier::string_identifier;
use crate::{ParseError, ParseErrorKind};

const WHAT: &str = "kode transaksi";

/// The e-Faktur transaction code (*kode transaksi*) 01–10 (PER-03/PJ/2022; PER-11/PJ/2025
/// adds 10).
///
/// ```
/// use chrono::NaiveDate;
/// use tax_core::id::TransactionCode;
///
/// let code = TransactionCode::parse("07")?;
/// assert_eq!(code, TransactionCode::NotCollected);
/// assert!(code.requires_additional_info());
/// let new_year = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
/// assert!(!TransactionCode::OtherSupplies.is_valid_on(new_year.pred_opt().unwrap()));
/// assert!(TransactionCode::OtherSupplies.is_valid_on(new_year));
/// # Ok::<(), tax_core::ParseError>(())
/// ```
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TransactionCode {
    /// 01: supply where the seller collects PPN (and PPnBM); the default code.
    Ordinary,
    /// 02: supply to a government-agency VAT collector (UU PPN Pasal 16A).
    GovernmentCollector,
    /// 03: supply to another appointed VAT collector (e.g. state-owned enterprises).
    OtherCollector,
    /// 04: PPN on another value as tax base (DPP Nilai Lain, UU PPN Pasal 8A(1)); since 2025
    /// the usual code for non-luxury goods at 12% × 11/12.
    OtherTaxBase,
    /// 05: PPN at a specified amount (besaran tertentu, UU PPN Pasal 9A(1)).
    SpecifiedAmount,
    /// 06: other supplies, including to foreign passport holders and, since 2025, tourists in
    /// the VAT refund scheme.
    TouristAndOther,
    /// 07: PPN not collected (tidak dipungut) or borne by the government (DTP).
    NotCollected,
    /// 08: supply exempt from PPN (dibebaskan).
    Exempt,
    /// 09: supply of assets under UU PPN Pasal 16D.
    AssetSale,
    /// 10: other supplies; Coretax only, valid from 2025-01-01.
    OtherSupplies,
}

impl TransactionCode {
    /// Every code, in numeric order.
    pub const ALL: [Self; 10] = [
        Self::Ordinary,
        Self::GovernmentCollector,
        Self::OtherCollector,
        Self::OtherTaxBase,
        Self::SpecifiedAmount,
        Self::TouristAndOther,
        Self::NotCollected,
        Self::Exempt,
        Self::AssetSale,
        Self::OtherSupplies,
    ];

    /// The code for the number `code` (1–10).
    pub fn from_code(code: u8) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.code() == code)
    }

    /// Parses one or two digits (`"1"`, `"01"`, … `"10"`) after trimming whitespace.
    pub fn parse(input: &str) -> Result<Self, ParseError> {
        let text = input.trim();
        if text.is_empty() {
            return Err(ParseError::new(
                WHAT,
                ParseErrorKind::Empty,
                "empty transaction code",
            ));
        }
        if !text.bytes().all(|b| b.is_ascii_digit()) {
            return Err(ParseError::new(
                WHAT,
                ParseErrorKind::Format,
                format!("{text:?} is not a number"),
            ));
        }
        if text.len() > 2 {
            return Err(ParseError::new(
                WHAT,
                ParseErrorKind::Length,
                "expected one or two digits",
            ));
        }
        text.parse::<u8>()
            .ok()
            .and_then(Self::from_code)
            .ok_or_else(|| {
                ParseError::new(
                    WHAT,
                    ParseErrorKind::Component,
                    format!("{text} is not a code 01-10"),
                )
            })
    }

    /// The numeric code, 1–10.
    pub fn code(self) -> u8 {
        match self {
            Self::Ordinary => 1,
            Self::GovernmentCollector => 2,
            Self::OtherCollector => 3,
            Self::OtherTaxBase => 4,
            Self::SpecifiedAmount => 5,
            Self::TouristAndOther => 6,
            Self::NotCollected => 7,
            Self::Exempt => 8,
            Self::AssetSale => 9,
            Self::OtherSupplies => 10,
        }
    }

    /// What the code is used for, in one line.
    pub fn description(self) -> &'static str {
        match self {
            Self::Ordinary => "supply with PPN collected by the seller",
            Self::GovernmentCollector => "supply to a government-agency VAT collector",
            Self::OtherCollector => "supply to another appointed VAT collector",
            Self::OtherTaxBase => "PPN on another value as tax base (DPP Nilai Lain)",
            Self::SpecifiedAmount => "PPN at a specified amount (besaran tertentu)",
            Self::TouristAndOther => "other supplies, incl. to tourists in the VAT refund scheme",
            Self::NotCollected => "PPN not collected or borne by the government",
            Self::Exempt => "supply exempt from PPN",
            Self::AssetSale => "supply of assets under Pasal 16D",
            Self::OtherSupplies => "other supplies (Coretax)",
        }
    }

    /// The first day the code may be used, when it is limited (code 10: 2025-01-01).
    pub fn valid_from(self) -> Option<NaiveDate> {
        match self {
            Self::OtherSupplies => Some(CORETAX_FROM),
            _ => None,
        }
    }

    /// True when the code may be used on a faktur dated `date`.
    pub fn is_valid_on(self, date: NaiveDate) -> bool {
        self.valid_from().is_none_or(|from| date >= from)
    }

    /// True for 07 and 08, which need an additional-info (keterangan tambahan) code and show
    /// zero PPN.
    pub fn requires_additional_info(self) -> bool {
        matches!(self, Self::NotCollected | Self::Exempt)
    }

    /// The highest additional-info index the code allows (07: 27, 08: 10), or `None`.
    pub fn max_additional_info(self) -> Option<u8> {
        match self {
            Self::NotCollected => Some(27),
            Self::Exempt => Some(10),
            _ => None,
        }
    }
}

impl fmt::Display for TransactionCode {
    /// Two digits, `01`–`10`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}", self.code())
    }
}

string_identifier!(
    TransactionCode,
    "TransactionCode",
    "e-Faktur transaction code (kode transaksi) 01-10.",
    r"^(0?[1-9]|10)$"
);
