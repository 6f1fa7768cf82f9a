//! Unified Social Credit Code (统一社会信用代码, GB 32100-2015).

use crate::cn::org_code::OrganizationCode;
use crate::cn::rules;
use crate::cn::text::{compact, expect_length};
use crate::identifier::string_identifier;
use crate::{ParseError, ParseErrorKind, RuleConfig, Severity, ValidationReport};

const WHAT: &str = "USCC";

/// The 31 symbols of GB 32100, valued 0–30 (I, O, Z, S and V are left out).
const ALPHABET: &str = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/// Weights of positions 1–17 (3^i mod 31).
const WEIGHTS: [u32; 17] = [
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];

/// A Unified Social Credit Code: 18 characters whose last one is the GB 32100 check character.
///
/// Layout: registration authority (1), entity category (2), GB/T 2260 division code (3–8),
/// GB 11714 organization code (9–17), check character (18). Spaces, dashes and lowercase are
/// accepted on input; the canonical form is 18 uppercase characters.
///
/// Positions 2–8 must be digits. The registration authority may be a digit 1–9 or one of the
/// letters `A`–`G` and `Y`. Whether the embedded organization code satisfies GB 11714 is not a
/// parse rule (not every issued code does); [`Uscc::validate`] reports it under the rule code
/// `"uscc.org_code"` as a configurable warning.
///
/// ```
/// use tax_core::{ParseErrorKind, RuleConfig};
/// use tax_core::cn::{RegistrationAuthority, EntityCategory, Uscc};
///
/// let uscc = Uscc::parse("91110000600037341L").unwrap();
/// assert_eq!(uscc.registration_authority(), RegistrationAuthority::MarketRegulation);
/// assert_eq!(uscc.entity_category(), EntityCategory::Enterprise);
/// assert_eq!(uscc.division_code(), "110000");
/// assert_eq!(uscc.organization_code(), "600037341");
/// assert!(uscc.validate(&RuleConfig::default()).is_empty());
///
/// let err = Uscc::parse("91110000600037341N").unwrap_err();
/// assert_eq!(err.kind(), ParseErrorKind::Checksum);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Uscc(String);

impl Uscc {
    /// Parses a USCC, accepting spaces, dashes and lowercase letters.
    ///
    /// Errors: [`ParseErrorKind::Length`] unless 18 characters; [`ParseErrorKind::Format`] for
    /// characters outside the GB 32100 alphabet or non-digits in positions 2–8;
    /// [`ParseErrorKind::Component`] for an unknown registration authority;
    /// [`ParseErrorKind::Checksum`] when the check character does not match.
    pub fn parse(input: &str) -> Result<Self, ParseError> {
        let code = compact(WHAT, input)?;
        expect_length(WHAT, &code, &[18])?;
        if let Some(bad) = code.chars().find(|c| value_of(*c).is_none()) {
            return Err(ParseError::new(
                WHAT,
                ParseErrorKind::Format,
                format!("{bad:?} is not in the GB 32100 alphabet (I, O, Z, S, V are never used)"),
            ));
        }
        if let Some(bad) = code.chars().skip(1).take(7).find(|c| !c.is_ascii_digit()) {
            return Err(ParseError::new(
                WHAT,
                ParseErrorKind::Format,
                format!("positions 2-8 must be digits, found {bad:?}"),
            ));
        }
        let authority = code.chars().next().unwrap_or('0');
        if RegistrationAuthority::from_code(authority).is_none() {
            return Err(ParseError::new(
                WHAT,
                ParseErrorKind::Component,
                format!("{authority:?} is not a registration authority code (1-9, A-G, Y)"),
            ));
        }
        let (body, check) = code.split_at(17);
        let expected = Self::check_character(body)
            .ok_or_else(|| ParseError::new(WHAT, ParseErrorKind::Format, "invalid body"))?;
        if !check.starts_with(expected) {
            return Err(ParseError::new(
                WHAT,
                ParseErrorKind::Checksum,
                format!("check character is {check}, expected {expected}"),
            ));
        }
        Ok(Self(code))
    }

    /// The GB 32100 check character for a 17-character body in the USCC alphabet (uppercase),
    /// or `None` when the body is not such a string.
    ///
    /// ```
    /// assert_eq!(tax_core::cn::Uscc::check_character("91110000600037341"), Some('L'));
    /// ```
    pub fn check_character(body: &str) -> Option<char> {
        if body.chars().count() != 17 {
            return None;
        }
        let mut sum = 0u32;
        for (c, weight) in body.chars().zip(WEIGHTS) {
            sum += value_of(c)? * weight;
        }
        let check = (31 - sum % 31) % 31;
        ALPHABET.chars().nth(usize::try_from(check).ok()?)
    }

    /// The canonical 18-character form.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Position 1: the registration authority.
    pub fn registration_authority(&self) -> RegistrationAuthority {
        self.char_at(0)
            .and_then(RegistrationAuthority::from_code)
            .unwrap_or(RegistrationAuthority::Other('0'))
    }

    /// Position 2: the entity category, interpreted under the registration authority.
    pub fn entity_category(&self) -> EntityCategory {
        let code = self.char_at(1).unwrap_or('0');
        match (self.registration_authority(), code) {
            (RegistrationAuthority::MarketRegulation, '1') => EntityCategory::Enterprise,
            (RegistrationAuthority::MarketRegulation, '2') => EntityCategory::IndividualBusiness,
            (RegistrationAuthority::MarketRegulation, '3') => EntityCategory::FarmersCooperative,
            _ => EntityCategory::Other(code),
        }
    }

    /// Positions 3–8: the GB/T 2260 administrative division code of the registering office.
    pub fn division_code(&self) -> &str {
        self.0.get(2..8).unwrap_or_default()
    }

    /// Positions 9–17: the embedded GB 11714 organization code.
    pub fn organization_code(&self) -> &str {
        self.0.get(8..17).unwrap_or_default()
    }

    /// True when [`Uscc::organization_code`] carries a valid GB 11714 check character.
    pub fn has_valid_organization_code(&self) -> bool {
        OrganizationCode::is_valid(self.organization_code())
    }

    /// Checks the rules that are not parse rules. Currently one: `"uscc.org_code"` (warning by
    /// default) when the embedded organization code fails its GB 11714 check.
    pub fn validate(&self, config: &RuleConfig) -> ValidationReport {
        let mut report = ValidationReport::new();
        if !self.has_valid_organization_code() {
            report.add_configured(
                config,
                Severity::Warning,
                "",
                rules::USCC_ORG_CODE,
                format!(
                    "embedded organization code {} fails the GB 11714 check",
                    self.organization_code()
                ),
            );
        }
        report
    }

    fn char_at(&self, index: usize) -> Option<char> {
        self.0.chars().nth(index)
    }
}

fn value_of(c: char) -> Option<u32> {
    ALPHABET
        .chars()
        .position(|a| a == c)
        .and_then(|p| u32::try_from(p).ok())
}

string_identifier!(
    Uscc,
    "Uscc",
    "Chinese Unified Social Credit Code (统一社会信用代码, GB 32100-2015): 18 characters with a MOD 31 check character.",
    "^[1-9A-GY][0-9]{7}[0-9A-HJ-NP-RTUW-Y]{10}$",
    display = as_str
);

/// Position 1 of a USCC: the authority that registered the entity.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RegistrationAuthority {
    /// `1` 机构编制 (public institution establishment).
    InstitutionalEstablishment,
    /// `2` 外交 (foreign affairs).
    ForeignAffairs,
    /// `3` 教育 (education).
    Education,
    /// `4` 公安 (public security).
    PublicSecurity,
    /// `5` 民政 (civil affairs).
    CivilAffairs,
    /// `6` 司法 (justice).
    Justice,
    /// `7` 交通运输 (transport).
    Transport,
    /// `8` 文化 (culture).
    Culture,
    /// `9` 工商 (market regulation; most companies).
    MarketRegulation,
    /// `Y` 其他 (other authorities).
    OtherAuthorities,
    /// A letter code `A`–`G` whose authority this crate does not name.
    Other(char),
}

impl RegistrationAuthority {
    /// The authority for a position-1 character, or `None` when it is not an authority code.
    pub fn from_code(code: char) -> Option<Self> {
        Some(match code {
            '1' => Self::InstitutionalEstablishment,
            '2' => Self::ForeignAffairs,
            '3' => Self::Education,
            '4' => Self::PublicSecurity,
            '5' => Self::CivilAffairs,
            '6' => Self::Justice,
            '7' => Self::Transport,
            '8' => Self::Culture,
            '9' => Self::MarketRegulation,
            'Y' => Self::OtherAuthorities,
            'A'..='G' => Self::Other(code),
            _ => return None,
        })
    }

    /// The position-1 character.
    pub fn code(self) -> char {
        match self {
            Self::InstitutionalEstablishment => '1',
            Self::ForeignAffairs => '2',
            Self::Education => '3',
            Self::PublicSecurity => '4',
            Self::CivilAffairs => '5',
            Self::Justice => '6',
            Self::Transport => '7',
            Self::Culture => '8',
            Self::MarketRegulation => '9',
            Self::OtherAuthorities => 'Y',
            Self::Other(code) => code,
        }
    }
}

/// Position 2 of a USCC: the kind of entity, whose meaning depends on the authority.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EntityCategory {
    /// Authority `9`, category `1`: 企业 (enterprise).
    Enterprise,
    /// Authority `9`, category `2`: 个体工商户 (individual business).
    IndividualBusiness,
    /// Authority `9`, category `3`: 农民专业合作社 (farmers' cooperative).
    FarmersCooperative,
    /// Any other category digit, as printed.
    Other(char),
}
