//! The buyer or seller tax ID printed on a Chinese VAT invoice (纳税人识别号).

use crate::cn::org_code::OrganizationCode;
use crate::cn::text::{compact, expect_digits, expect_length};
use crate::cn::uscc::Uscc;
use crate::identifier::string_identifier;
use crate::{ParseError, ParseErrorKind};

const WHAT: &str = "taxpayer ID";

/// A taxpayer identification number as printed on an invoice.
///
/// Invoices carry several generations of IDs, told apart by length:
///
/// | length | variant | check |
/// |---|---|---|
/// | 18 | [`TaxpayerId::Uscc`] | full GB 32100 check ([`Uscc::parse`]) |
/// | 15 | [`TaxpayerId::Legacy`] | 6-digit division code + GB 11714 organization code |
/// | 17, 20 | [`TaxpayerId::Other`] | format only: digits and uppercase letters |
///
/// 17- and 20-character IDs (typically a resident ID with extra characters, used by
/// individuals and individual businesses) have no published structure, so only their
/// characters are checked.
///
/// ```
/// use tax_core::cn::TaxpayerId;
///
/// assert!(matches!(TaxpayerId::parse("91310115MA1K3BTP2B").unwrap(), TaxpayerId::Uscc(_)));
/// assert!(matches!(TaxpayerId::parse("110108600037341").unwrap(), TaxpayerId::Legacy(_)));
/// assert!(TaxpayerId::parse("9351099411892126").is_err()); // 16 characters
/// ```
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum TaxpayerId {
    /// An 18-character Unified Social Credit Code.
    Uscc(Uscc),
    /// A pre-2015 15-character tax registration number (税务登记证号).
    Legacy(LegacyTaxpayerId),
    /// A 17- or 20-character ID whose structure is not published; format-checked only.
    Other(UnstructuredTaxpayerId),
}

impl TaxpayerId {
    /// Parses a taxpayer ID, accepting spaces, dashes and lowercase letters.
    ///
    /// Errors: [`ParseErrorKind::Length`] for lengths other than 15, 17, 18 and 20; otherwise
    /// the error of the variant's own check.
    pub fn parse(input: &str) -> Result<Self, ParseError> {
        let id = compact(WHAT, input)?;
        expect_length(WHAT, &id, &[15, 17, 18, 20])?;
        match id.len() {
            18 => Uscc::parse(&id).map(Self::Uscc),
            15 => LegacyTaxpayerId::parse(&id).map(Self::Legacy),
            _ => UnstructuredTaxpayerId::parse(&id).map(Self::Other),
        }
    }

    /// The canonical form (uppercase, no separators).
    pub fn as_str(&self) -> &str {
        match self {
            Self::Uscc(uscc) => uscc.as_str(),
            Self::Legacy(legacy) => legacy.as_str(),
            Self::Other(other) => other.as_str(),
        }
    }

    /// The USCC, when this ID is one.
    pub fn as_uscc(&self) -> Option<&Uscc> {
        match self {
            Self::Uscc(uscc) => Some(uscc),
            _ => None,
        }
    }
}

string_identifier!(
    TaxpayerId,
    "CnTaxpayerId",
    "Chinese taxpayer ID as printed on invoices: an 18-character USCC, a 15-character legacy tax registration number, or a 17/20-character ID.",
    "^([0-9A-Z]{15}|[0-9A-Z]{17}|[0-9A-Z]{18}|[0-9A-Z]{20})$",
    display = as_str
);

/// A pre-2015 tax registration number (税务登记证号): a 6-digit division code followed by a
/// 9-character GB 11714 organization code whose check character must match.
///
/// ```
/// use tax_core::cn::LegacyTaxpayerId;
///
/// let id = LegacyTaxpayerId::parse("110108600037341").unwrap();
/// assert_eq!(id.division_code(), "110108");
/// assert_eq!(id.organization_code(), "600037341");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct LegacyTaxpayerId(String);

impl LegacyTaxpayerId {
    /// Parses a 15-character legacy ID (spaces, dashes and lowercase accepted).
    pub fn parse(input: &str) -> Result<Self, ParseError> {
        let id = compact(WHAT, input)?;
        expect_length(WHAT, &id, &[15])?;
        let (division, org) = id.split_at(6);
        expect_digits(WHAT, division, "the division code (positions 1-6)")?;
        OrganizationCode::parse(org).map_err(|e| ParseError::new(WHAT, e.kind(), e.message()))?;
        Ok(Self(id))
    }

    /// The canonical 15-character form.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Positions 1–6: the GB/T 2260 division code.
    pub fn division_code(&self) -> &str {
        self.0.get(..6).unwrap_or_default()
    }

    /// Positions 7–15: the GB 11714 organization code.
    pub fn organization_code(&self) -> &str {
        self.0.get(6..).unwrap_or_default()
    }
}

string_identifier!(
    LegacyTaxpayerId,
    "CnLegacyTaxpayerId",
    "Pre-2015 Chinese tax registration number: 6-digit division code and a GB 11714 organization code.",
    "^[0-9]{6}[0-9A-Z]{8}[0-9X]$",
    display = as_str
);

/// A 17- or 20-character taxpayer ID (typically a resident ID with extra characters): digits
/// and uppercase letters, with no further structure checked.
///
/// ```
/// use tax_core::cn::UnstructuredTaxpayerId;
///
/// assert_eq!(UnstructuredTaxpayerId::parse("44011320141005001x01").unwrap().as_str(), "44011320141005001X01");
/// assert!(UnstructuredTaxpayerId::parse("440113201410050").is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct UnstructuredTaxpayerId(String);

impl UnstructuredTaxpayerId {
    /// Parses a 17- or 20-character ID of digits and letters (spaces, dashes and lowercase
    /// accepted).
    pub fn parse(input: &str) -> Result<Self, ParseError> {
        let id = compact(WHAT, input)?;
        expect_length(WHAT, &id, &[17, 20])?;
        if let Some(bad) = id.chars().find(|c| !c.is_ascii_alphanumeric()) {
            return Err(ParseError::new(
                WHAT,
                ParseErrorKind::Format,
                format!("{bad:?} is not a digit or letter"),
            ));
        }
        Ok(Self(id))
    }

    /// The canonical form (uppercase, no separators).
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

string_identifier!(
    UnstructuredTaxpayerId,
    "CnUnstructuredTaxpayerId",
    "Chinese 17- or 20-character taxpayer ID of digits and uppercase letters.",
    "^([0-9A-Z]{17}|[0-9A-Z]{20})$",
    display = as_str
);
