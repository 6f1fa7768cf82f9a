//! Helpers shared by the DeepFinch test files: inputs, readers pointed at the sandbox, fault
//! rules and the documented samples of `specs/deepfinch.yaml` with their snapshots.

// Each test file uses a different subset of these helpers.
#![allow(dead_code)]

use std::path::PathBuf;

use serde_json::Value;
use tax_facade::config::{ClientConfig, DeepFinchConfig};
use tax_facade::providers::deepfinch::DeepFinchReader;
use tax_facade::retry::RetryConfig;
use tax_facade::{DocumentInput, DocumentKind, ReadOptions};
use tax_sandbox::{Fault, FaultRule, Provider, SandboxHandle, Target};

/// A PNG header of `width`×`height` pixels; `tag` makes the bytes (and their SHA-256) unique.
pub(crate) fn png(width: u32, height: u32, tag: &[u8]) -> Vec<u8> {
    let mut bytes = b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR".to_vec();
    bytes.extend_from_slice(&width.to_be_bytes());
    bytes.extend_from_slice(&height.to_be_bytes());
    bytes.extend_from_slice(&[8, 2, 0, 0, 0]);
    bytes.extend_from_slice(tag);
    bytes
}

/// A 1200×800 PNG upload.
pub(crate) fn invoice_png() -> DocumentInput {
    DocumentInput::from_bytes("vat.png", png(1200, 800, b"vat"))
}

/// Sandbox credentials and base URL with `retry`.
pub(crate) fn config(sandbox: &SandboxHandle, retry: RetryConfig) -> DeepFinchConfig {
    let credentials = &sandbox.credentials().deepfinch;
    DeepFinchConfig::new(credentials.api_id.clone(), credentials.api_secret.clone()).with_client(
        ClientConfig::default()
            .with_base_url(sandbox.base_url())
            .with_retry(retry),
    )
}

/// A reader for the sandbox that makes one attempt per read.
pub(crate) fn reader(sandbox: &SandboxHandle) -> DeepFinchReader {
    DeepFinchReader::new(config(sandbox, RetryConfig::disabled())).unwrap()
}

/// Options expecting a Chinese VAT invoice.
pub(crate) fn options() -> ReadOptions {
    ReadOptions::default().with_expected_kind(DocumentKind::CnVatInvoice)
}

/// `fault` on the next DeepFinch request only.
pub(crate) fn deepfinch(fault: Fault) -> FaultRule {
    FaultRule::new(Target::Provider(Provider::DeepFinch), fault).times(1)
}

/// The named 200 examples of the specification, in document order.
pub(crate) fn examples() -> Vec<(String, Value)> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../specs/deepfinch.yaml");
    let spec: serde_yaml::Value =
        serde_yaml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    spec["paths"]["/ocr/value_add_tax_invoice"]["post"]["responses"]["200"]["content"]
        ["application/json"]["examples"]
        .as_mapping()
        .unwrap()
        .iter()
        .map(|(name, example)| {
            (
                name.as_str().unwrap().to_owned(),
                serde_json::to_value(&example["value"]).unwrap(),
            )
        })
        .collect()
}

/// Where the snapshot of a mapped example is committed.
pub(crate) fn snapshot_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots/deepfinch")
        .join(format!("{name}.json"))
}

/// The committed snapshot of a mapped example.
pub(crate) fn snapshot(name: &str) -> Value {
    serde_json::from_str(&std::fs::read_to_string(snapshot_path(name)).unwrap()).unwrap()
}
