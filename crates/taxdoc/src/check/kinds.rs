//! One check per identifier kind: parse with tax-core and describe what the value says.

use tax_core::cn::{self, EntityCategory, InvoiceCode, RegistrationAuthority, ResidentId, Uscc};
use tax_core::id::{self, FakturFormat, FakturNumber, FakturStatus, Nik, Nitku, Npwp, NpwpKind};
use tax_core::{ParseError, ParseErrorKind};

use super::Verdict;
use crate::cli::IdentifierKind;

/// Checks `input` as an identifier of `kind`.
pub(crate) fn check(kind: IdentifierKind, input: &str) -> Verdict {
    match kind {
        IdentifierKind::Npwp => check_npwp(input),
        IdentifierKind::Nik => verdict(input, Nik::parse(input), nik_facts),
        IdentifierKind::Nitku => verdict(input, Nitku::parse(input), nitku_facts),
        IdentifierKind::EfakturNumber => verdict(input, FakturNumber::parse(input), faktur_facts),
        IdentifierKind::Uscc => verdict(input, Uscc::parse(input), uscc_facts),
        IdentifierKind::CnResidentId => verdict(input, ResidentId::parse(input), resident_id_facts),
        IdentifierKind::CnInvoiceCode => {
            verdict(input, InvoiceCode::parse(input), invoice_code_facts)
        }
    }
}

fn verdict<T: std::fmt::Display>(
    input: &str,
    parsed: Result<T, ParseError>,
    facts: impl FnOnce(Verdict, &T) -> Verdict,
) -> Verdict {
    match parsed {
        Ok(value) => facts(Verdict::valid(input, value.to_string()), &value),
        Err(err) => Verdict::invalid(input, &err),
    }
}

/// An NPWP whose only problem is its check digit is still reported as invalid, but with its
/// canonical form and facts, because real documents carry such numbers.
fn check_npwp(input: &str) -> Verdict {
    match Npwp::parse(input) {
        Ok(npwp) => npwp_facts(Verdict::valid(input, npwp.to_string()), &npwp),
        Err(err) if err.kind() == ParseErrorKind::Checksum => {
            match Npwp::parse_ignoring_checksum(input) {
                Ok(npwp) => npwp_facts(
                    Verdict::invalid(input, &err).with_normalized(npwp.to_string()),
                    &npwp,
                ),
                Err(_) => Verdict::invalid(input, &err),
            }
        }
        Err(err) => Verdict::invalid(input, &err),
    }
}

fn npwp_facts(verdict: Verdict, npwp: &Npwp) -> Verdict {
    let kind = match npwp.kind() {
        NpwpKind::Legacy15 => "legacy_15",
        NpwpKind::Sixteen => "sixteen",
        NpwpKind::NikBased => "nik_based",
        _ => "other",
    };
    let verdict = verdict
        .text("npwp_kind", kind)
        .flag("placeholder", npwp.is_placeholder())
        .text("sixteen_digit", npwp.to_sixteen().digits());
    match npwp.nik() {
        Some(nik) => nik_facts(verdict, &nik),
        None => verdict,
    }
}

fn nik_facts(verdict: Verdict, nik: &Nik) -> Verdict {
    let gender = match nik.gender() {
        id::Gender::Male => "male",
        id::Gender::Female => "female",
    };
    verdict
        .text("gender", gender)
        .text("birth_date", nik.birth_date())
        .text("province_code", format!("{:02}", nik.province_code()))
}

fn nitku_facts(verdict: Verdict, nitku: &Nitku) -> Verdict {
    verdict
        .text("npwp", nitku.npwp())
        .text("suffix", nitku.suffix())
        .flag("head_office", nitku.is_head_office())
}

fn faktur_facts(verdict: Verdict, number: &FakturNumber) -> Verdict {
    let format = match number.format() {
        FakturFormat::Legacy => "legacy",
        FakturFormat::Coretax => "coretax",
        _ => "other",
    };
    let status = match number.status() {
        FakturStatus::Normal => "normal".to_owned(),
        FakturStatus::Replacement => "replacement".to_owned(),
        FakturStatus::Other(code) => format!("other_{code:02}"),
        _ => "other".to_owned(),
    };
    let code = number.transaction_code();
    verdict
        .text("format", format)
        .text("transaction_code", format!("{:02}", code.code()))
        .text("transaction_description", code.description())
        .text("status", status)
        .text("year", format!("{:02}", number.year()))
        .text("serial", number.serial())
}

fn uscc_facts(verdict: Verdict, uscc: &Uscc) -> Verdict {
    let authority = match uscc.registration_authority() {
        RegistrationAuthority::InstitutionalEstablishment => {
            "institutional_establishment".to_owned()
        }
        RegistrationAuthority::ForeignAffairs => "foreign_affairs".to_owned(),
        RegistrationAuthority::Education => "education".to_owned(),
        RegistrationAuthority::PublicSecurity => "public_security".to_owned(),
        RegistrationAuthority::CivilAffairs => "civil_affairs".to_owned(),
        RegistrationAuthority::Justice => "justice".to_owned(),
        RegistrationAuthority::Transport => "transport".to_owned(),
        RegistrationAuthority::Culture => "culture".to_owned(),
        RegistrationAuthority::MarketRegulation => "market_regulation".to_owned(),
        RegistrationAuthority::OtherAuthorities => "other_authorities".to_owned(),
        other => format!("code_{}", other.code()),
    };
    let category = match uscc.entity_category() {
        EntityCategory::Enterprise => "enterprise".to_owned(),
        EntityCategory::IndividualBusiness => "individual_business".to_owned(),
        EntityCategory::FarmersCooperative => "farmers_cooperative".to_owned(),
        EntityCategory::Other(code) => format!("code_{code}"),
        _ => "other".to_owned(),
    };
    verdict
        .text("registration_authority", authority)
        .text("entity_category", category)
        .text("division_code", uscc.division_code())
        .text("organization_code", uscc.organization_code())
        .flag(
            "organization_code_valid",
            uscc.has_valid_organization_code(),
        )
}

fn resident_id_facts(verdict: Verdict, id: &ResidentId) -> Verdict {
    let gender = match id.gender() {
        cn::Gender::Male => "male",
        cn::Gender::Female => "female",
        _ => "unknown",
    };
    verdict
        .text("gender", gender)
        .text("birth_date", id.birth_date())
        .text("address_code", id.address_code())
}

fn invoice_code_facts(verdict: Verdict, code: &InvoiceCode) -> Verdict {
    let invoice_type = code.invoice_type();
    let verdict = match invoice_type.code() {
        Some(type_code) => verdict.text("invoice_type", format!("{type_code:02}")),
        None => verdict.text("invoice_type", "unknown"),
    };
    verdict
        .text("invoice_type_name", invoice_type.name_zh())
        .text("year", code.year())
        .text("region_code", code.region_code())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json(kind: IdentifierKind, input: &str) -> serde_json::Value {
        let mut out = Vec::new();
        check(kind, input).write_json_line(&mut out).unwrap();
        serde_json::from_slice(&out).unwrap()
    }

    #[test]
    fn npwp_with_bad_check_digit_is_invalid_but_normalized() {
        let v = json(IdentifierKind::Npwp, "01.000.521.8-093.010");
        assert_eq!(v["valid"], false);
        assert_eq!(v["error"]["kind"], "checksum");
        assert_eq!(v["normalized"], "01.000.521.8-093.010");
        assert_eq!(v["npwp_kind"], "legacy_15");
    }

    #[test]
    fn nik_based_npwp_reports_gender_and_birth_date() {
        let v = json(IdentifierKind::Npwp, "3171015708450001");
        assert_eq!(v["valid"], true);
        assert_eq!(v["npwp_kind"], "nik_based");
        assert_eq!(v["gender"], "female");
        assert_eq!(v["birth_date"], "1945-08-17");
    }

    #[test]
    fn efaktur_number_facts() {
        let v = json(IdentifierKind::EfakturNumber, "0110000700000005");
        assert_eq!(v["normalized"], "011.000-07.00000005");
        assert_eq!(v["transaction_code"], "01");
        assert_eq!(v["status"], "replacement");
        assert_eq!(v["year"], "07");
    }

    #[test]
    fn invoice_code_tells_the_invoice_type() {
        let v = json(IdentifierKind::CnInvoiceCode, "011001605111");
        assert_eq!(v["valid"], true);
        assert_eq!(v["invoice_type"], "10");
    }

    #[test]
    fn uscc_and_resident_id_errors_carry_their_kind() {
        assert_eq!(
            json(IdentifierKind::Uscc, "91110000600037341N")["error"]["kind"],
            "checksum"
        );
        assert_eq!(
            json(IdentifierKind::CnResidentId, "36042619910101007")["error"]["kind"],
            "length"
        );
        let id = json(IdentifierKind::CnResidentId, "11010519491231002X");
        assert_eq!(id["gender"], "female");
        assert_eq!(id["birth_date"], "1949-12-31");
    }
}
