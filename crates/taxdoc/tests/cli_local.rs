//! `taxdoc read` with the offline `local` reader: chosen when no provider is configured,
//! reading a born-digital Faktur Pajak, and refusing a scan with a hint to use OCR.

mod support;

use std::process::Output;

use assert_cmd::Command;
use serde_json::Value;
use support::{LiveSandbox, example, taxdoc};
use tax_sandbox::Credentials;

/// `taxdoc` with an empty environment apart from PATH and HOME: no provider is configured.
fn taxdoc_without_configuration() -> Command {
    let mut command = taxdoc();
    command.env_clear();
    for name in ["PATH", "HOME"] {
        if let Some(value) = std::env::var_os(name) {
            command.env(name, value);
        }
    }
    command
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn without_configuration_the_local_reader_prints_the_faktur() {
    let output = taxdoc_without_configuration()
        .arg("read")
        .arg(example("faktur-pajak.pdf"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let record: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(record["meta"]["provider"], "local");
    assert_eq!(record["document"]["kind"], "faktur_pajak");
    assert!(
        record["document"]["number"]["value"].is_string(),
        "{record}"
    );
    assert!(
        record["document"]["seller"]["npwp"]["value"].is_string(),
        "{record}"
    );
}

#[test]
fn the_table_shows_the_faktur_fields_and_hides_empty_ones() {
    let output = taxdoc_without_configuration()
        .args(["read", "--kind", "faktur-pajak", "-o", "table"])
        .arg(example("faktur-pajak.pdf"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("faktur_pajak read by local"), "{text}");
    for field in [
        "number",
        "seller.name",
        "seller.npwp",
        "items[0].total",
        "tax_base",
        "vat",
    ] {
        assert!(
            text.lines()
                .any(|line| line.trim_start().starts_with(field)),
            "{field} missing: {text}"
        );
    }
    assert!(
        text.contains("fields not on the document are not shown"),
        "{text}"
    );
}

#[test]
fn a_scan_without_text_or_qr_code_needs_ocr() {
    let output = taxdoc_without_configuration()
        .args(["read", "--provider", "local"])
        .arg(example("npwp-card.png"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    assert!(output.stdout.is_empty());
    let stderr = stderr(&output);
    assert!(stderr.contains("needs_ocr"), "{stderr}");
    assert!(stderr.contains("OCR provider"), "{stderr}");
    assert!(stderr.contains("--provider glair"), "{stderr}");
}

#[test]
fn the_sandbox_does_not_apply_to_the_local_reader() {
    let output = taxdoc_without_configuration()
        .args(["read", "--provider", "local", "--sandbox"])
        .arg(example("faktur-pajak.pdf"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    assert!(output.stdout.is_empty());
    assert!(stderr(&output).contains("--sandbox"), "{}", stderr(&output));
}

#[test]
fn without_a_provider_the_first_configured_one_is_used() {
    let sandbox = LiveSandbox::start(Credentials::default());
    let deepfinch_only: Vec<(String, String)> = sandbox
        .env(None)
        .into_iter()
        .filter(|(name, _)| name.starts_with("TAXDOC_DEEPFINCH_"))
        .collect();
    let output = taxdoc_without_configuration()
        .envs(deepfinch_only)
        .args(["read", "-o", "json"])
        .arg(example("cn-vat-invoice.png"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let record: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(record["meta"]["provider"], "deepfinch");
    assert_eq!(record["document"]["kind"], "cn_vat_invoice");
}

#[test]
fn a_broken_configuration_is_reported_rather_than_falling_back_to_local() {
    let output = taxdoc_without_configuration()
        .env("TAXDOC_GLAIR_USERNAME", "someone")
        .arg("read")
        .arg(example("faktur-pajak.pdf"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    assert!(
        stderr(&output).contains("TAXDOC_GLAIR_"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn help_explains_the_local_default() {
    let output = taxdoc().args(["read", "--help"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    let help = String::from_utf8(output.stdout).unwrap();
    let help = help.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(help.contains("local"), "{help}");
    assert!(help.contains("faktur-pajak"), "{help}");
    assert!(
        help.contains("first of glair, huawei-ocr, deepfinch"),
        "{help}"
    );
}
