//! End-to-end tests of `taxdoc schema`.

mod support;

use std::io::Read;
use std::process::Stdio;

use serde_json::Value;
use support::{example, taxdoc};

fn schema(which: &str) -> Value {
    let output = taxdoc().args(["schema", which]).output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    serde_json::from_slice(&output.stdout).unwrap()
}

#[test]
fn the_document_schema_describes_what_read_prints() {
    let schema = schema("document");
    let text = schema.to_string();
    for kind in ["npwp_card", "commercial_invoice", "cn_vat_invoice"] {
        assert!(text.contains(kind), "{kind} missing");
    }
    let output = taxdoc()
        .args(["read", "--sandbox", "-o", "json"])
        .arg(example("npwp-card.png"))
        .output()
        .unwrap();
    let record: Value = serde_json::from_slice(&output.stdout).unwrap();
    let required = schema["required"].as_array().unwrap();
    assert!(!required.is_empty());
    for key in required {
        assert!(
            record.get(key.as_str().unwrap()).is_some(),
            "{key} not printed"
        );
    }
    let record_keys: Vec<&String> = record.as_object().unwrap().keys().collect();
    let properties = schema["properties"].as_object().unwrap();
    for key in record_keys {
        assert!(
            properties.contains_key(key),
            "{key} printed but not described"
        );
    }
}

#[test]
fn the_invoice_schema_describes_the_example_invoice() {
    let schema = schema("invoice");
    let properties = schema["properties"].as_object().unwrap();
    let text = std::fs::read_to_string(example("invoice.json")).unwrap();
    let invoice: Value = serde_json::from_str(&text).unwrap();
    for key in invoice.as_object().unwrap().keys() {
        let described =
            properties.contains_key(key) || schema.to_string().contains(&format!("\"{key}\""));
        assert!(described, "{key} is not in the schema");
    }
    for key in schema["required"].as_array().unwrap() {
        assert!(
            invoice.get(key.as_str().unwrap()).is_some(),
            "{key} missing in the example"
        );
    }
}

#[test]
fn a_closed_pipe_ends_the_output_quietly() {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_taxdoc"))
        .args(["schema", "document"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let status = child.wait().unwrap();
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    assert!(stderr.is_empty(), "{stderr}");
    assert_eq!(status.code(), Some(0));
}
