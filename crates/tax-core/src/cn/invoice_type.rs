//! The invoice type codes (发票种类代码) used by the STA verification platform and in QR codes.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::{ParseError, ParseErrorKind};

const WHAT: &str = "invoice type";

/// A Chinese VAT invoice type, identified by its two-digit code.
///
/// ```
/// use tax_core::cn::InvoiceType;
///
/// let special = InvoiceType::parse("01").unwrap();
/// assert_eq!(special, InvoiceType::Special);
/// assert_eq!(special.name_zh(), "增值税专用发票");
/// assert_eq!(special.to_string(), "01");
/// assert_eq!(InvoiceType::parse("51").unwrap(), InvoiceType::Other(51));
/// ```
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum InvoiceType {
    /// `01` 增值税专用发票 (special VAT invoice, paper).
    Special,
    /// `02` 货物运输业增值税专用发票 (freight transport special invoice).
    FreightSpecial,
    /// `03` 机动车销售统一发票 (motor vehicle sales invoice).
    MotorVehicle,
    /// `04` 增值税普通发票 (general VAT invoice, paper).
    General,
    /// `08` 增值税电子专用发票 (electronic special invoice).
    ElectronicSpecial,
    /// `10` 增值税电子普通发票 (electronic general invoice).
    ElectronicGeneral,
    /// `11` 增值税普通发票（卷票） (roll invoice).
    Roll,
    /// `14` 增值税电子普通发票（通行费） (toll electronic general invoice).
    Toll,
    /// `15` 二手车销售统一发票 (used vehicle sales invoice).
    UsedVehicle,
    /// `31` 电子发票（增值税专用发票） (fully digitalised special invoice, 数电专票).
    DigitalSpecial,
    /// `32` 电子发票（普通发票） (fully digitalised general invoice, 数电普票).
    DigitalGeneral,
    /// A two-digit code this crate does not name (for example `51`, seen in QR codes).
    Other(u8),
    /// The type could not be determined (an invoice code outside the platform's mapping).
    Unknown,
}

impl InvoiceType {
    /// Every named type, in code order.
    pub const NAMED: [Self; 11] = [
        Self::Special,
        Self::FreightSpecial,
        Self::MotorVehicle,
        Self::General,
        Self::ElectronicSpecial,
        Self::ElectronicGeneral,
        Self::Roll,
        Self::Toll,
        Self::UsedVehicle,
        Self::DigitalSpecial,
        Self::DigitalGeneral,
    ];

    /// The type for a numeric code; codes without a name become [`InvoiceType::Other`].
    pub fn from_code(code: u8) -> Self {
        Self::NAMED
            .into_iter()
            .find(|t| t.code() == Some(code))
            .unwrap_or(Self::Other(code))
    }

    /// Parses a two-digit code such as `"01"` or `"32"`, or `"unknown"`.
    pub fn parse(input: &str) -> Result<Self, ParseError> {
        let text = input.trim();
        if text.is_empty() {
            return Err(ParseError::new(
                WHAT,
                ParseErrorKind::Empty,
                "no characters",
            ));
        }
        if text.eq_ignore_ascii_case("unknown") {
            return Ok(Self::Unknown);
        }
        if text.len() != 2 {
            return Err(ParseError::new(
                WHAT,
                ParseErrorKind::Length,
                "expected two digits",
            ));
        }
        text.parse::<u8>()
            .ok()
            .filter(|_| text.chars().all(|c| c.is_ascii_digit()))
            .map(Self::from_code)
            .ok_or_else(|| {
                ParseError::new(
                    WHAT,
                    ParseErrorKind::Format,
                    format!("{text:?} is not two digits"),
                )
            })
    }

    /// The numeric code (`1` for `01`), or `None` for [`InvoiceType::Unknown`].
    pub fn code(self) -> Option<u8> {
        Some(match self {
            Self::Special => 1,
            Self::FreightSpecial => 2,
            Self::MotorVehicle => 3,
            Self::General => 4,
            Self::ElectronicSpecial => 8,
            Self::ElectronicGeneral => 10,
            Self::Roll => 11,
            Self::Toll => 14,
            Self::UsedVehicle => 15,
            Self::DigitalSpecial => 31,
            Self::DigitalGeneral => 32,
            Self::Other(code) => code,
            Self::Unknown => return None,
        })
    }

    /// The official Chinese name (`"增值税专用发票"` for `01`).
    pub fn name_zh(self) -> &'static str {
        match self {
            Self::Special => "增值税专用发票",
            Self::FreightSpecial => "货物运输业增值税专用发票",
            Self::MotorVehicle => "机动车销售统一发票",
            Self::General => "增值税普通发票",
            Self::ElectronicSpecial => "增值税电子专用发票",
            Self::ElectronicGeneral => "增值税电子普通发票",
            Self::Roll => "增值税普通发票（卷票）",
            Self::Toll => "增值税电子普通发票（通行费）",
            Self::UsedVehicle => "二手车销售统一发票",
            Self::DigitalSpecial => "电子发票（增值税专用发票）",
            Self::DigitalGeneral => "电子发票（普通发票）",
            Self::Other(_) => "其他发票",
            Self::Unknown => "未知发票种类",
        }
    }

    /// True for fully digitalised invoices (数电票: `31`, `32`), which have no invoice code and
    /// a 20-digit number.
    pub fn is_fully_digital(self) -> bool {
        matches!(self, Self::DigitalSpecial | Self::DigitalGeneral)
    }

    /// True for the general-invoice family (`04`, `10`, `11`, `14`) that the verification
    /// platform checks with the last six digits of the check code (校验码).
    pub fn is_verified_by_check_code(self) -> bool {
        matches!(
            self,
            Self::General | Self::ElectronicGeneral | Self::Roll | Self::Toll
        )
    }
}

impl fmt::Display for InvoiceType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.code() {
            Some(code) => write!(f, "{code:02}"),
            None => f.write_str("unknown"),
        }
    }
}

impl std::str::FromStr for InvoiceType {
    type Err = ParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl Serialize for InvoiceType {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for InvoiceType {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = std::borrow::Cow::<'de, str>::deserialize(deserializer)?;
        Self::parse(&text).map_err(serde::de::Error::custom)
    }
}

impl JsonSchema for InvoiceType {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "CnInvoiceType".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "Chinese invoice type code: 01 专票, 02 货运, 03 机动车, 04 普票, 08 电子专票, 10 电子普票, 11 卷票, 14 通行费, 15 二手车, 31 数电专票, 32 数电普票, or \"unknown\".",
            "pattern": "^([0-9]{2}|unknown)$",
        })
    }
}
