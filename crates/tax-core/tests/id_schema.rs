//! The JSON schemas of the `id` identifiers describe their canonical text.

use proptest::prelude::*;
use schemars::JsonSchema;
use tax_core::id::efaktur::TaxPeriod;
use tax_core::id::{FakturNumber, Nik, Nitku, Npwp, Nsfp, TransactionCode};
use tax_core::testing::id::*;

/// The schema of `T`, which must be a documented string with a pattern, as a compiled regex.
fn pattern_of<T: JsonSchema>() -> regress::Regex {
    let schema = serde_json::to_value(schemars::schema_for!(T)).unwrap();
    assert_eq!(schema["type"], "string", "{schema}");
    assert!(
        !schema["description"].as_str().unwrap().is_empty(),
        "{schema}"
    );
    regress::Regex::new(schema["pattern"].as_str().unwrap()).unwrap()
}

fn assert_matches<T: JsonSchema + ToString>(value: &T) -> Result<(), TestCaseError> {
    let text = value.to_string();
    prop_assert!(
        pattern_of::<T>().find(&text).is_some(),
        "{} does not match the schema of its type",
        text
    );
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn canonical_text_matches_the_schema_pattern(
        npwp in arb_npwp(),
        nik in arb_nik(),
        nitku in arb_nitku(),
        number in arb_faktur_number(),
        nsfp in arb_nsfp(),
        code in arb_transaction_code(),
        month in 1..=12_u8,
        year in 0..=9999_u16,
    ) {
        assert_matches::<Npwp>(&npwp)?;
        assert_matches::<Nik>(&nik)?;
        assert_matches::<Nitku>(&nitku)?;
        assert_matches::<FakturNumber>(&number)?;
        assert_matches::<Nsfp>(&nsfp)?;
        assert_matches::<TransactionCode>(&code)?;
        assert_matches::<TaxPeriod>(&TaxPeriod::new(month, year)?)?;
    }
}

#[test]
fn patterns_reject_text_the_parsers_reject() {
    assert!(pattern_of::<Npwp>().find("01.312.166.0-091.00").is_none());
    assert!(
        pattern_of::<Nitku>()
            .find("001312166009100000000")
            .is_none()
    );
    assert!(pattern_of::<TransactionCode>().find("11").is_none());
    assert!(
        pattern_of::<FakturNumber>()
            .find("010.000-17.0000004")
            .is_none()
    );
}
