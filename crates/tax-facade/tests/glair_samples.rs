//! Every documented GLAIR Vision sample, read end to end through the sandbox, maps to its
//! committed normalized document.
//!
//! Each example under `paths./ocr/v1/{npwp,invoice}.post.responses.200` of
//! `specs/glair-vision.yaml` is registered as the sandbox's answer for one upload; the
//! document and findings of the read are compared with
//! `tests/snapshots/glair/<example>.json`. A difference fails the test; run with
//! `UPDATE_SNAPSHOTS=1` to rewrite the files, then review them.

use std::path::PathBuf;

use chrono::NaiveDate;
use serde_json::{Value, json};
use tax_facade::config::{ClientConfig, GlairConfig};
use tax_facade::providers::glair::GlairReader;
use tax_facade::{DocumentInput, DocumentKind, DocumentReader, ReadOptions};
use tax_sandbox::{Fixture, FixtureKey, Provider, Sandbox, SandboxHandle};

/// A PNG header of `width`×`height` followed by `tag`, so that each upload has its own hash.
fn png(width: u32, height: u32, tag: &str) -> Vec<u8> {
    let mut bytes = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
    bytes.extend_from_slice(&width.to_be_bytes());
    bytes.extend_from_slice(&height.to_be_bytes());
    bytes.extend_from_slice(&[8, 2, 0, 0, 0]);
    bytes.extend_from_slice(tag.as_bytes());
    bytes
}

fn reader(sandbox: &SandboxHandle) -> GlairReader {
    let credentials = &sandbox.credentials().glair;
    let config = GlairConfig::new(
        credentials.username.clone(),
        credentials.password.clone(),
        credentials.api_key.clone(),
    )
    .with_client(ClientConfig::default().with_base_url(sandbox.base_url()));
    GlairReader::new(config).unwrap()
}

/// `(route, kind, example name, response body)` for every documented 200 example.
fn documented_examples() -> Vec<(&'static str, DocumentKind, String, Value)> {
    let spec_path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../specs/glair-vision.yaml");
    let spec: Value = serde_yaml::from_str(&std::fs::read_to_string(spec_path).unwrap()).unwrap();
    let mut examples = Vec::new();
    for (route, kind) in [
        ("/ocr/v1/npwp", DocumentKind::NpwpCard),
        ("/ocr/v1/invoice", DocumentKind::CommercialInvoice),
    ] {
        let named = &spec["paths"][route]["post"]["responses"]["200"]["content"]["application/json"]
            ["examples"];
        let named = named.as_object().unwrap();
        assert!(!named.is_empty(), "{route} has no examples");
        for (name, example) in named {
            examples.push((route, kind, name.clone(), example["value"].clone()));
        }
    }
    examples
}

fn snapshot_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots/glair")
        .join(format!("{name}.json"))
}

#[tokio::test]
async fn every_documented_sample_maps_to_its_snapshot() {
    let sandbox = Sandbox::builder().start().await.unwrap();
    let reader = reader(&sandbox);
    let examples = documented_examples();
    assert_eq!(examples.len(), 7, "the specification's examples changed");
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    let mut mismatches = Vec::new();
    for (route, kind, name, body) in examples {
        let upload = png(640, 400, &name);
        sandbox.add_fixture(Fixture::new(
            Provider::Glair,
            FixtureKey::sha256_of(&upload),
            body,
        ));
        let options = ReadOptions::default()
            .with_expected_kind(kind)
            .with_reference_date(NaiveDate::from_ymd_opt(2025, 1, 1).unwrap());
        let outcome = reader
            .read(
                DocumentInput::from_bytes(format!("{name}.png"), upload),
                &options,
            )
            .await
            .unwrap_or_else(|err| panic!("{route} {name}: {err}"));
        assert_eq!(outcome.meta.attempts, 1);
        assert!(outcome.meta.request_id.is_some(), "{name}: no request id");
        let actual = json!({
            "example": format!("{route} {name}"),
            "document": outcome.document,
            "findings": outcome.findings,
        });
        let path = snapshot_path(&name);
        let rendered = format!("{}\n", serde_json::to_string_pretty(&actual).unwrap());
        if update {
            std::fs::write(&path, &rendered).unwrap();
            continue;
        }
        match std::fs::read_to_string(&path) {
            Ok(expected) if expected == rendered => {}
            Ok(_) => mismatches.push(format!(
                "{name}: differs from {}\n{rendered}",
                path.display()
            )),
            Err(err) => mismatches.push(format!(
                "{name}: {} is missing ({err})\n{rendered}",
                path.display()
            )),
        }
    }
    sandbox.shutdown().await;
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n\n"));
}
