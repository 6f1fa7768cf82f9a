//! `POST /ocr/v1/npwp` → [`NpwpCard`].

use glair_vision_client::types::{NpwpField, NpwpRead};
use tax_core::ValidationReport;
use tax_core::id::{Nik, Npwp};

use super::location::with_percent_confidence;
use crate::document::{Field, NpwpCard};

/// Maps GLAIR's NPWP reading onto an [`NpwpCard`].
///
/// The number is read from `noNpwp` (documented) or `no_npwp` (newer engines); both give the
/// same card. It is parsed without its check digit, which validation checks and reports. Fields
/// GLAIR could not read arrive as `{"confidence": 0, "value": ""}` and become empty fields.
pub(crate) fn npwp_card(read: &NpwpRead, findings: &mut ValidationReport) -> NpwpCard {
    // `no_npwp` lands among the extra keys only when `noNpwp` was absent and it is read above.
    let unmapped = read
        .extra
        .keys()
        .filter(|key| !(key.as_str() == "no_npwp" && read.no_npwp.is_none()))
        .cloned()
        .collect();
    super::report_unmapped(unmapped, findings);
    NpwpCard {
        npwp: parsed(
            read.npwp_number().as_ref(),
            "npwp",
            findings,
            Npwp::parse_ignoring_checksum,
        ),
        nik: parsed(read.nik.as_ref(), "nik", findings, Nik::parse),
        name: text(read.nama.as_ref(), "name", findings),
        address: text(read.alamat.as_ref(), "address", findings),
    }
}

fn parsed<T, E: std::fmt::Display>(
    wire: Option<&NpwpField>,
    path: &str,
    findings: &mut ValidationReport,
    parser: impl FnOnce(&str) -> Result<T, E>,
) -> Field<T> {
    let Some(wire) = wire else {
        return Field::empty();
    };
    let field = Field::parse_opt(wire.value.clone(), path, findings, parser);
    with_percent_confidence(field, wire.confidence, None, path, findings)
}

fn text(wire: Option<&NpwpField>, path: &str, findings: &mut ValidationReport) -> Field<String> {
    let Some(wire) = wire else {
        return Field::empty();
    };
    let field = wire.value.clone().map_or_else(Field::empty, Field::text);
    with_percent_confidence(field, wire.confidence, None, path, findings)
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::validate::rules;

    fn read(value: serde_json::Value) -> NpwpRead {
        serde_json::from_value(value).unwrap()
    }

    #[test]
    fn both_npwp_keys_give_the_same_card() {
        let field = json!({"confidence": 99, "value": "70.943.997.0-437.000"});
        let mut findings = ValidationReport::new();
        let camel = npwp_card(&read(json!({"noNpwp": field})), &mut findings);
        let snake = npwp_card(&read(json!({"no_npwp": field})), &mut findings);
        assert_eq!(camel, snake);
        assert_eq!(
            camel.npwp.get().map(ToString::to_string).as_deref(),
            Some("70.943.997.0-437.000")
        );
        assert_eq!(camel.npwp.confidence.map(|c| c.value()), Some(0.99));
        assert!(findings.is_empty());
    }

    #[test]
    fn unreadable_values_are_kept_as_text_with_a_finding() {
        let mut findings = ValidationReport::new();
        let card = npwp_card(
            &read(json!({
                "noNpwp": {"confidence": 40, "value": "70.943.99"},
                "nik": {"confidence": 0, "value": ""},
                "nama": {"confidence": 120, "value": "BERSATU"},
            })),
            &mut findings,
        );
        assert_eq!(card.npwp.value, None);
        assert_eq!(card.npwp.raw.as_deref(), Some("70.943.99"));
        assert!(findings.contains_rule(rules::UNPARSED));
        assert!(card.nik.is_empty());
        assert_eq!(card.nik.confidence, None);
        assert!(findings.contains_rule(rules::CONFIDENCE_OUT_OF_RANGE));
        assert!(card.address.is_empty());
    }

    #[test]
    fn keys_without_a_place_are_listed_in_an_info_finding() {
        let mut findings = ValidationReport::new();
        let _ = npwp_card(
            &read(json!({"no_npwp": {"value": "x"}, "kpp": {"value": "KPP"}})),
            &mut findings,
        );
        let unmapped: Vec<_> = findings
            .iter()
            .filter(|finding| finding.rule == super::super::rules::UNMAPPED)
            .collect();
        assert_eq!(unmapped.len(), 1);
        assert!(
            unmapped[0].message.ends_with(": kpp"),
            "{}",
            unmapped[0].message
        );
    }
}
