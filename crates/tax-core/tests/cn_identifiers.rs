//! Chinese taxpayer and personal identifiers: every vector of the domain notes (§7), error
//! kinds, canonical display, serde and JSON Schema.

use chrono::NaiveDate;
use tax_core::cn::{
    EntityCategory, Gender, LegacyTaxpayerId, OrganizationCode, RegistrationAuthority, ResidentId,
    TaxpayerId, Uscc,
};
use tax_core::{ParseErrorKind, RuleConfig, Severity};

fn uscc_error(input: &str) -> ParseErrorKind {
    Uscc::parse(input).expect_err(input).kind()
}

#[test]
fn uscc_valid_vectors_parse_and_display_canonically() {
    for (input, canonical) in [
        ("91110000600037341L", "91110000600037341L"),
        ("91310115MA1K3BTP2B", "91310115MA1K3BTP2B"),
        ("9144030071526726XG", "9144030071526726XG"),
        ("121200004013590816", "121200004013590816"),
        ("91620105L015101280", "91620105L015101280"),
        ("92340602MA2PBQAH7E", "92340602MA2PBQAH7E"),
        ("91110000600037341l", "91110000600037341L"),
        ("9111 0000 6000-3734 1L", "91110000600037341L"),
    ] {
        let uscc = Uscc::parse(input).unwrap_or_else(|e| panic!("{input}: {e}"));
        assert_eq!(uscc.to_string(), canonical);
        assert_eq!(input.parse::<Uscc>().unwrap(), uscc);
    }
}

#[test]
fn uscc_invalid_vectors_report_the_precise_kind() {
    assert_eq!(uscc_error("91110000600037341N"), ParseErrorKind::Checksum);
    assert_eq!(uscc_error("91110000600037341"), ParseErrorKind::Length);
    assert_eq!(uscc_error("9111000060003IOZSV"), ParseErrorKind::Format);
    assert_eq!(uscc_error("917107277650880665"), ParseErrorKind::Checksum);
    assert_eq!(uscc_error("9351099411892126"), ParseErrorKind::Length);
    assert_eq!(uscc_error(" - "), ParseErrorKind::Empty);
    assert_eq!(uscc_error("91110000600037341Ⅼ"), ParseErrorKind::Format);
    // Authority 0 does not exist; positions 2-8 must be digits.
    assert_eq!(uscc_error("01110000600037341L"), ParseErrorKind::Component);
    assert_eq!(uscc_error("9A110000600037341L"), ParseErrorKind::Format);
}

#[test]
fn uscc_letter_authorities_are_allowed_but_still_checksummed() {
    // Rejected by python-stdnum's digit-only rule, allowed by GB 32100 authority letters.
    let uscc = Uscc::parse("Y1110000MB0000000X").unwrap();
    assert_eq!(
        uscc.registration_authority(),
        RegistrationAuthority::OtherAuthorities
    );
    assert_eq!(uscc.entity_category(), EntityCategory::Other('1'));
    // stdnum rejects this one for its letter; here the letter is allowed and the checksum fails.
    assert_eq!(uscc_error("A1110000600037341L"), ParseErrorKind::Checksum);
    let body = "A1110000600037341";
    let fixed = format!("{body}{}", Uscc::check_character(body).unwrap());
    assert_eq!(
        Uscc::parse(&fixed).unwrap().registration_authority(),
        RegistrationAuthority::Other('A')
    );
}

#[test]
fn uscc_check_character_worked_example() {
    assert_eq!(Uscc::check_character("91110000600037341"), Some('L'));
    assert_eq!(Uscc::check_character("9111000060003734"), None);
    assert_eq!(Uscc::check_character("9111000060003734I"), None);
}

#[test]
fn uscc_components() {
    let uscc = Uscc::parse("92340602MA2PBQAH7E").unwrap();
    assert_eq!(
        uscc.registration_authority(),
        RegistrationAuthority::MarketRegulation
    );
    assert_eq!(uscc.entity_category(), EntityCategory::IndividualBusiness);
    assert_eq!(uscc.division_code(), "340602");
    assert_eq!(uscc.organization_code(), "MA2PBQAH7");
    let institution = Uscc::parse("121200004013590816").unwrap();
    assert_eq!(
        institution.registration_authority(),
        RegistrationAuthority::InstitutionalEstablishment
    );
    assert_eq!(institution.entity_category(), EntityCategory::Other('2'));
}

#[test]
fn uscc_org_code_rule_is_a_configurable_warning() {
    for valid in [
        "91110000600037341L",
        "91310115MA1K3BTP2B",
        "121200004013590816",
        "92340602MA2PBQAH7E",
    ] {
        let uscc = Uscc::parse(valid).unwrap();
        assert!(uscc.has_valid_organization_code(), "{valid}");
        assert!(uscc.validate(&RuleConfig::default()).is_empty());
    }
    // A correct USCC check character over an organization code whose own check fails.
    let body = "91110000600037342";
    let uscc = Uscc::parse(&format!("{body}{}", Uscc::check_character(body).unwrap())).unwrap();
    assert!(!uscc.has_valid_organization_code());
    let report = uscc.validate(&RuleConfig::default());
    assert_eq!(report.len(), 1);
    assert_eq!(report.findings()[0].rule, "uscc.org_code");
    assert_eq!(report.findings()[0].severity, Severity::Warning);
    let strict = RuleConfig::default().with("uscc.org_code", Some(Severity::Error));
    assert!(uscc.validate(&strict).has_errors());
    let off = RuleConfig::default().with("uscc.org_code", None);
    assert!(uscc.validate(&off).is_empty());
}

#[test]
fn organization_codes() {
    assert_eq!(
        OrganizationCode::parse("60003734-1").unwrap().as_str(),
        "600037341"
    );
    assert_eq!(
        OrganizationCode::parse("MA1K3BTP2").unwrap().to_string(),
        "MA1K3BTP2"
    );
    assert_eq!(
        OrganizationCode::parse("600037342").unwrap_err().kind(),
        ParseErrorKind::Checksum
    );
    assert_eq!(
        OrganizationCode::parse("60003734").unwrap_err().kind(),
        ParseErrorKind::Length
    );
    assert_eq!(
        OrganizationCode::parse("6000373_1").unwrap_err().kind(),
        ParseErrorKind::Format
    );
    assert_eq!(
        OrganizationCode::parse("60003734A").unwrap_err().kind(),
        ParseErrorKind::Format
    );
}

#[test]
fn taxpayer_ids_by_length() {
    let uscc = TaxpayerId::parse("91310115MA1K3BTP2B").unwrap();
    assert!(matches!(uscc, TaxpayerId::Uscc(_)));
    assert!(uscc.as_uscc().is_some());

    let legacy = TaxpayerId::parse("110108 60003734-1").unwrap();
    assert_eq!(legacy.to_string(), "110108600037341");
    let TaxpayerId::Legacy(inner) = &legacy else {
        panic!("expected legacy: {legacy:?}")
    };
    assert_eq!(inner.division_code(), "110108");
    assert_eq!(inner.organization_code(), "600037341");

    let seventeen = TaxpayerId::parse("36042619910101007").unwrap();
    assert!(matches!(seventeen, TaxpayerId::Other(_)));
    let twenty = TaxpayerId::parse("44011320141005001x01").unwrap();
    assert_eq!(twenty.as_str(), "44011320141005001X01");
}

#[test]
fn taxpayer_id_errors() {
    let kind = |s: &str| TaxpayerId::parse(s).unwrap_err().kind();
    assert_eq!(kind("9351099411892126"), ParseErrorKind::Length);
    // The Huawei OCR sample's 19-character seller ID.
    assert_eq!(kind("91230107XXXXXXXXX08"), ParseErrorKind::Length);
    assert_eq!(kind("917107277650880665"), ParseErrorKind::Checksum);
    assert_eq!(kind("110108600037342"), ParseErrorKind::Checksum);
    assert_eq!(kind("11010A600037341"), ParseErrorKind::Format);
    assert_eq!(kind("3604261991010100_"), ParseErrorKind::Format);
    assert_eq!(kind(""), ParseErrorKind::Empty);
    assert_eq!(
        LegacyTaxpayerId::parse("1101086000373").unwrap_err().kind(),
        ParseErrorKind::Length
    );
}

#[test]
fn resident_id_valid_vectors() {
    for (input, canonical) in [
        ("360426199101010071", "360426199101010071"),
        ("44011320141005001x", "44011320141005001X"),
        ("11010519491231002X", "11010519491231002X"),
        ("110102199101010078", "110102199101010078"),
    ] {
        assert_eq!(ResidentId::parse(input).unwrap().to_string(), canonical);
    }
    let id = ResidentId::parse("11010519491231002X").unwrap();
    assert_eq!(
        id.birth_date(),
        NaiveDate::from_ymd_opt(1949, 12, 31).unwrap()
    );
    assert_eq!(id.gender(), Gender::Female);
    assert_eq!(id.address_code(), "110105");
    assert_eq!(
        ResidentId::parse("360426199101010071").unwrap().gender(),
        Gender::Male
    );
}

#[test]
fn resident_id_invalid_vectors() {
    let kind = |s: &str| ResidentId::parse(s).unwrap_err().kind();
    assert_eq!(kind("360426199101010072"), ParseErrorKind::Checksum);
    assert_eq!(kind("360426199113010079"), ParseErrorKind::Component);
    assert_eq!(kind("990426199112010074"), ParseErrorKind::Component);
    assert_eq!(kind("36042619910101007"), ParseErrorKind::Length);
    assert_eq!(kind("36042619910101007Y"), ParseErrorKind::Format);
    assert_eq!(kind("3604261991010100X1"), ParseErrorKind::Format);
    assert_eq!(kind("360426199102300070"), ParseErrorKind::Component);
}

#[test]
fn identifiers_serialize_as_canonical_strings_and_deserialize_through_the_parser() {
    let uscc: Uscc = serde_json::from_str("\"91110000600037341l\"").unwrap();
    assert_eq!(
        serde_json::to_string(&uscc).unwrap(),
        "\"91110000600037341L\""
    );
    assert!(serde_json::from_str::<Uscc>("\"91110000600037341N\"").is_err());

    let id: ResidentId = serde_json::from_str("\"44011320141005001x\"").unwrap();
    assert_eq!(serde_json::to_value(&id).unwrap(), "44011320141005001X");

    let taxpayer: TaxpayerId = serde_json::from_str("\"110108600037341\"").unwrap();
    assert_eq!(serde_json::to_value(&taxpayer).unwrap(), "110108600037341");
    assert!(serde_json::from_str::<TaxpayerId>("\"9351099411892126\"").is_err());
}

#[test]
fn identifier_schemas_are_patterned_strings() {
    let schema = serde_json::to_value(schemars::schema_for!(Uscc)).unwrap();
    assert_eq!(schema["type"], "string");
    assert!(schema["description"].as_str().unwrap().contains("GB 32100"));
    let pattern = schema["pattern"].as_str().unwrap();
    assert!(pattern.starts_with('^') && pattern.ends_with('$'));
    let schema = serde_json::to_value(schemars::schema_for!(ResidentId)).unwrap();
    assert_eq!(schema["pattern"], "^[0-9]{17}[0-9X]$");
}
