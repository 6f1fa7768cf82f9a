//! Which service a document was read by or filed with.

use std::fmt;
use std::str::FromStr;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A provider behind a [`DocumentReader`](crate::DocumentReader) or a filing client.
///
/// Serialized, displayed and parsed as a lowercase kebab-case slug (`"glair"`,
/// `"huawei-ocr"`, `"deepfinch"`, `"onlinepajak"`, `"local"`).
///
/// ```
/// use tax_facade::ProviderId;
///
/// assert_eq!(ProviderId::HuaweiOcr.to_string(), "huawei-ocr");
/// assert_eq!("deepfinch".parse::<ProviderId>(), Ok(ProviderId::DeepFinch));
/// ```
#[non_exhaustive]
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
pub enum ProviderId {
    /// GLAIR Vision: NPWP card and commercial invoice OCR.
    #[serde(rename = "glair")]
    Glair,
    /// Huawei Cloud OCR: Chinese VAT invoice.
    #[serde(rename = "huawei-ocr")]
    HuaweiOcr,
    /// DeepFinch: Chinese VAT invoice OCR.
    #[serde(rename = "deepfinch")]
    DeepFinch,
    /// OnlinePajak: Indonesian VAT invoice filing.
    #[serde(rename = "onlinepajak")]
    OnlinePajak,
    /// A local reader that needs no network (fixtures, emulators, tests).
    #[serde(rename = "local")]
    Local,
}

impl ProviderId {
    /// Every provider, in declaration order.
    pub const ALL: [Self; 5] = [
        Self::Glair,
        Self::HuaweiOcr,
        Self::DeepFinch,
        Self::OnlinePajak,
        Self::Local,
    ];

    /// The slug (`"huawei-ocr"`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Glair => "glair",
            Self::HuaweiOcr => "huawei-ocr",
            Self::DeepFinch => "deepfinch",
            Self::OnlinePajak => "onlinepajak",
            Self::Local => "local",
        }
    }
}

impl fmt::Display for ProviderId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The slug did not name a known provider.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown provider {0:?}; expected one of glair, huawei-ocr, deepfinch, onlinepajak, local")]
pub struct UnknownProvider(String);

impl FromStr for ProviderId {
    type Err = UnknownProvider;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|p| p.as_str() == s)
            .ok_or_else(|| UnknownProvider(s.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_round_trip_through_display_parse_and_serde() {
        for provider in ProviderId::ALL {
            let slug = provider.to_string();
            assert_eq!(slug.parse::<ProviderId>(), Ok(provider));
            let json = serde_json::to_string(&provider).unwrap();
            assert_eq!(json, format!("\"{slug}\""));
            assert_eq!(serde_json::from_str::<ProviderId>(&json).unwrap(), provider);
        }
        assert!("Glair".parse::<ProviderId>().is_err());
    }
}
