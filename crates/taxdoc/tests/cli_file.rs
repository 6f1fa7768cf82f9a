//! End-to-end tests of `taxdoc file`.

mod support;

use serde_json::Value;
use support::{LiveSandbox, example, taxdoc};
use tax_sandbox::Credentials;

fn write_invoice(name: &str, edit: impl FnOnce(&mut Value)) -> std::path::PathBuf {
    let text = std::fs::read_to_string(example("invoice.json")).unwrap();
    let mut invoice: Value = serde_json::from_str(&text).unwrap();
    edit(&mut invoice);
    let path = std::env::temp_dir().join(format!("taxdoc-{}-{name}.json", std::process::id()));
    std::fs::write(&path, invoice.to_string()).unwrap();
    path
}

#[test]
fn files_the_example_invoice_with_the_sandbox() {
    let output = taxdoc()
        .args(["file", "--sandbox"])
        .arg(example("invoice.json"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let record: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(record["status"], "filed");
    assert_eq!(record["filed"]["invoice_number"], "my-invoice-1234");
    assert_eq!(record["filed"]["gross_amount"], "600000");
    assert_eq!(record["filed"]["grand_total"], "660000");
    assert_eq!(record["meta"]["provider"], "onlinepajak");
    let findings = record["findings"].as_array().unwrap();
    assert!(
        findings
            .iter()
            .all(|finding| finding["severity"] != "error")
    );
    assert!(
        findings
            .iter()
            .any(|finding| finding["rule"] == "npwp.checksum")
    );
}

#[test]
fn filing_the_same_invoice_twice_reports_it_as_already_filed() {
    let sandbox = LiveSandbox::start(Credentials::default());
    let file = || {
        sandbox
            .taxdoc(None)
            .args(["file", "-o", "jsonl"])
            .arg(example("invoice.json"))
            .output()
            .unwrap()
    };
    let first = file();
    assert_eq!(first.status.code(), Some(0), "{first:?}");
    let second = file();
    assert_eq!(second.status.code(), Some(0), "{second:?}");
    let first: Value = serde_json::from_slice(&first.stdout).unwrap();
    let second: Value = serde_json::from_slice(&second.stdout).unwrap();
    assert_eq!(first["status"], "filed");
    assert_eq!(second["status"], "already_filed");
    assert_eq!(first["filed"]["invoice_id"], second["filed"]["invoice_id"]);
    assert_eq!(sandbox.handle.invoices().count("my-invoice-1234"), 1);
}

#[test]
fn the_table_shows_the_outcome_and_the_totals() {
    let output = taxdoc()
        .args(["file", "--sandbox", "-o", "table"])
        .arg(example("invoice.json"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let text = String::from_utf8(output.stdout).unwrap();
    for expected in [
        "invoice.json: filed",
        "gross amount    600000",
        "grand total     660000",
        "npwp.checksum",
    ] {
        assert!(text.contains(expected), "{expected} missing: {text}");
    }
}

#[test]
fn an_invoice_with_errors_is_not_filed_and_exits_with_1() {
    let path = write_invoice("no-items", |invoice| {
        invoice["items"] = Value::Array(Vec::new())
    });
    let output = taxdoc()
        .args(["file", "--sandbox"])
        .arg(&path)
        .output()
        .unwrap();
    std::fs::remove_file(&path).unwrap();
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let record: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(record["status"], "not_filed");
    assert!(record.get("filed").is_none());
    assert!(
        record["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|finding| finding["severity"] == "error"
                && finding["rule"] == "efaktur.items.empty")
    );
}

#[test]
fn an_unreadable_invoice_exits_with_2() {
    let path = write_invoice("not-an-invoice", |invoice| {
        invoice["vatRate"] = Value::Bool(true)
    });
    let output = taxdoc()
        .args(["file", "--sandbox"])
        .arg(&path)
        .output()
        .unwrap();
    std::fs::remove_file(&path).unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("not an e-Faktur invoice"), "{stderr}");
}
