//! End-to-end tests of `taxdoc read`: output formats, exit codes and error reporting.

mod support;

use serde_json::{Value, json};
use support::{LiveSandbox, example, taxdoc};
use tax_sandbox::{Credentials, Fault, FaultRule, Fixture, FixtureKey, Provider, Target};

fn stdout_json(output: &std::process::Output) -> Value {
    serde_json::from_slice(&output.stdout).unwrap()
}

#[test]
fn reads_an_npwp_card_through_the_sandbox_as_json_when_piped() {
    let output = taxdoc()
        .args(["read", "--provider", "glair", "--sandbox"])
        .arg(example("npwp-card.png"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert!(output.stderr.is_empty(), "{output:?}");
    let record = stdout_json(&output);
    assert_eq!(record["document"]["kind"], "npwp_card");
    assert_eq!(record["document"]["npwp"]["value"], "70.943.997.0-437.000");
    assert_eq!(record["meta"]["provider"], "glair");
    assert_eq!(record["meta"]["attempts"], 1);
    assert!(record["meta"]["request_id"].is_string());
    assert!(record["file"].as_str().unwrap().ends_with("npwp-card.png"));
    assert_eq!(record["findings"], json!([]));
}

#[test]
fn jsonl_prints_one_record_per_file_for_every_reader() {
    for (provider, kind) in [
        ("glair", "commercial_invoice"),
        ("huawei-ocr", "cn_vat_invoice"),
        ("deepfinch", "cn_vat_invoice"),
    ] {
        let mut command = taxdoc();
        command.args(["read", "--sandbox", "-o", "jsonl", "--provider", provider]);
        if provider == "glair" {
            command.args(["--kind", "commercial-invoice"]);
        }
        let output = command
            .arg(example("cn-vat-invoice.png"))
            .arg(example("npwp-card.png"))
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0), "{provider}: {output:?}");
        let text = String::from_utf8(output.stdout).unwrap();
        let lines: Vec<Value> = text
            .lines()
            .map(|line| serde_json::from_str(line).unwrap())
            .collect();
        assert_eq!(lines.len(), 2, "{provider}: {text}");
        for line in &lines {
            assert_eq!(line["document"]["kind"], kind, "{provider}");
            assert_eq!(line["meta"]["provider"], provider);
        }
    }
}

#[test]
fn table_output_lists_every_field_and_the_findings() {
    let output = taxdoc()
        .args(["read", "--sandbox", "--output", "table"])
        .arg(example("npwp-card.png"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("npwp_card read by glair"), "{text}");
    for expected in [
        "FIELD",
        "npwp",
        "70.943.997.0-437.000",
        "BERSATU",
        "0.99",
        "no findings",
    ] {
        assert!(text.contains(expected), "{expected} missing: {text}");
    }
    assert!(serde_json::from_str::<Value>(&text).is_err());
}

#[test]
fn error_level_findings_exit_with_1() {
    let sandbox = LiveSandbox::start(Credentials::default());
    let image = std::fs::read(example("npwp-card.png")).unwrap();
    // The NPWP is based on one NIK, the card shows another: an error-level finding.
    sandbox.handle.add_fixture(Fixture::new(
        Provider::Glair,
        FixtureKey::sha256_of(&image),
        json!({
            "status": "SUCCESS",
            "reason": "File Successfully Read",
            "read": {
                "noNpwp": {"value": "3171015708450001", "confidence": 99},
                "nik": {"value": "3578106512990003", "confidence": 99},
                "nama": {"value": "BERSATU", "confidence": 99},
                "alamat": {"value": "JAKARTA", "confidence": 99}
            }
        }),
    ));
    let output = sandbox
        .taxdoc(None)
        .args(["read", "-o", "json"])
        .arg(example("npwp-card.png"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let record = stdout_json(&output);
    let rules: Vec<&str> = record["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|finding| finding["severity"] == "error")
        .map(|finding| finding["rule"].as_str().unwrap())
        .collect();
    assert_eq!(rules, ["npwp_card.nik_mismatch"]);
}

#[test]
fn a_failed_read_exits_with_2_and_explains_on_stderr() {
    let sandbox = LiveSandbox::start(Credentials::default());
    sandbox.handle.inject(
        FaultRule::new(
            Target::Provider(Provider::DeepFinch),
            Fault::ServerError { retry_after: None },
        )
        .times(1),
    );
    let output = sandbox
        .taxdoc(None)
        .args(["read", "-p", "deepfinch"])
        .arg(example("cn-vat-invoice.png"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8(output.stderr).unwrap();
    for expected in [
        "provider_rejected",
        "provider deepfinch",
        "HTTP 500",
        "request id TID",
        "retryable",
    ] {
        assert!(stderr.contains(expected), "{expected} missing: {stderr}");
    }
}

#[test]
fn one_failed_file_among_good_ones_still_exits_with_2() {
    let output = taxdoc()
        .args(["read", "--sandbox", "-o", "jsonl"])
        .arg(example("npwp-card.png"))
        .arg(example("invoice.json"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(String::from_utf8(output.stdout).unwrap().lines().count(), 1);
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("invoice.json") && stderr.contains("invalid_input"),
        "{stderr}"
    );
}

#[test]
fn an_unconfigured_provider_names_the_variables_to_set() {
    let output = taxdoc()
        .args(["read", "-p", "deepfinch"])
        .arg(example("cn-vat-invoice.png"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("TAXDOC_DEEPFINCH_"), "{stderr}");
}

#[test]
fn a_misspelled_variable_is_reported_by_name() {
    let output = taxdoc()
        .args(["read", "-p", "deepfinch"])
        .arg(example("cn-vat-invoice.png"))
        .env("TAXDOC_DEEPFINCH_APIKEY", "planted-value-0d1f")
        .output()
        .unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("warning: TAXDOC_DEEPFINCH_APIKEY is not a taxdoc setting"),
        "{stderr}"
    );
    assert!(!stderr.contains("planted-value-0d1f"), "{stderr}");
}

#[test]
fn a_half_configured_provider_does_not_stop_another_one() {
    let sandbox = LiveSandbox::start(Credentials::default());
    let output = sandbox
        .taxdoc(None)
        .env_remove("TAXDOC_GLAIR_API_KEY")
        .args(["read", "-p", "deepfinch", "-o", "jsonl"])
        .arg(example("cn-vat-invoice.png"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_ne!(output.status.code(), Some(2), "{stderr}");
    let stdout = String::from_utf8(output.stdout).unwrap();
    let record: serde_json::Value = serde_json::from_str(stdout.trim()).unwrap();
    assert_eq!(record["document"]["kind"], "cn_vat_invoice");

    // GLAIR itself still refuses to run with its settings incomplete.
    let output = sandbox
        .taxdoc(None)
        .env_remove("TAXDOC_GLAIR_API_KEY")
        .args(["read", "-p", "glair"])
        .arg(example("npwp-card.png"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("TAXDOC_GLAIR_API_KEY"), "{stderr}");
}

#[test]
fn wrong_credentials_exit_with_2_and_a_config_error_names_its_variable() {
    let sandbox = LiveSandbox::start(Credentials::default());
    let output = sandbox
        .taxdoc(Some("not-the-secret"))
        .args(["read", "-p", "huawei-ocr"])
        .arg(example("cn-vat-invoice.png"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("unauthenticated"), "{stderr}");

    let output = sandbox
        .taxdoc(None)
        .env("TAXDOC_MAX_ATTEMPTS", "many")
        .args(["read"])
        .arg(example("npwp-card.png"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("config") && stderr.contains("TAXDOC_MAX_ATTEMPTS"),
        "{stderr}"
    );
}

#[test]
fn help_documents_every_configuration_variable() {
    let output = taxdoc().args(["read", "--help"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    let help = String::from_utf8(output.stdout).unwrap();
    assert!(help.contains("TAXDOC_CONFIG"));
    for variable in tax_facade::config::VARIABLES {
        assert!(help.contains(variable.env), "{} missing", variable.env);
    }
}

#[test]
fn urls_go_to_readers_that_download_them_and_are_refused_by_the_others() {
    let url = "https://example.com/invoice.jpg";
    let output = taxdoc()
        .args(["read", "--sandbox", "-p", "deepfinch", url])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert_eq!(stdout_json(&output)["file"], url);

    let output = taxdoc()
        .args(["read", "--sandbox", "-p", "glair", url])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        String::from_utf8(output.stderr)
            .unwrap()
            .contains("unsupported")
    );
}
