//! Every documented Huawei VAT invoice sample, read end to end through the sandbox, maps to
//! its committed normalized document.
//!
//! Each example under `paths./v2/{project_id}/ocr/vat-invoice.post.responses.200` of
//! `specs/huawei-ocr.yaml` is registered as the sandbox's answer for one URL; the document and
//! findings of the read are compared with `tests/snapshots/huawei/<example>.json`. A
//! difference fails the test; run with `UPDATE_SNAPSHOTS=1` to rewrite the files, then
//! review them.

mod huawei_support;

use std::path::PathBuf;

use huawei_support::*;
use serde_json::{Value, json};
use tax_facade::providers::huawei::HuaweiReader;
use tax_facade::{DocumentKind, DocumentReader};
use tax_sandbox::{Fixture, FixtureKey, Provider, Sandbox};

/// `(example name, response body)` for every documented 200 example.
fn documented_examples() -> Vec<(String, Value)> {
    let spec_path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../specs/huawei-ocr.yaml");
    let spec: Value = serde_yaml::from_str(&std::fs::read_to_string(spec_path).unwrap()).unwrap();
    let named = &spec["paths"]["/v2/{project_id}/ocr/vat-invoice"]["post"]["responses"]["200"]["content"]
        ["application/json"]["examples"];
    named
        .as_object()
        .unwrap()
        .iter()
        .map(|(name, example)| (name.clone(), example["value"].clone()))
        .collect()
}

fn snapshot_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots/huawei")
        .join(format!("{name}.json"))
}

#[tokio::test]
async fn every_documented_sample_maps_to_its_snapshot() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    let reader = HuaweiReader::new(sandbox_config(&sandbox, aksk_auth(&sandbox), 1)).unwrap();
    let examples = documented_examples();
    assert_eq!(examples.len(), 5, "the specification's examples changed");
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    let mut mismatches = Vec::new();
    for (name, body) in examples {
        let file_name = format!("{name}.jpg");
        sandbox.add_fixture(Fixture::new(
            Provider::Huawei,
            FixtureKey::file_name(file_name.clone()),
            body,
        ));
        let outcome = reader
            .read(url_input(&file_name), &options())
            .await
            .unwrap_or_else(|error| panic!("{name}: {error}"));
        assert_eq!(outcome.document.kind(), DocumentKind::CnVatInvoice);
        let actual = json!({
            "document": outcome.document,
            "findings": outcome.findings,
        });
        let path = snapshot_path(&name);
        if update {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            let text = serde_json::to_string_pretty(&actual).unwrap() + "\n";
            std::fs::write(&path, text).unwrap();
            continue;
        }
        let expected: Value = std::fs::read_to_string(&path)
            .map(|text| serde_json::from_str(&text).unwrap())
            .unwrap_or_else(|error| panic!("{}: {error}", path.display()));
        if expected != actual {
            mismatches.push(format!(
                "{name}: expected {}\nactual {}",
                serde_json::to_string_pretty(&expected).unwrap(),
                serde_json::to_string_pretty(&actual).unwrap()
            ));
        }
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n\n"));
}
