//! End-to-end tests of `taxdoc check`: arguments, stdin streaming, JSON lines and exit codes.

use assert_cmd::Command;
use serde_json::Value;

fn taxdoc() -> Command {
    Command::cargo_bin("taxdoc").expect("the taxdoc binary is built")
}

fn json_lines(stdout: &[u8]) -> Vec<Value> {
    std::str::from_utf8(stdout)
        .expect("stdout is UTF-8")
        .lines()
        .map(|line| serde_json::from_str(line).expect("each line is a JSON object"))
        .collect()
}

#[test]
fn all_valid_arguments_exit_zero_with_one_object_each() {
    let output = taxdoc()
        .args(["check", "npwp", "01.312.166.0-091.000", "0013121660091000"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let verdicts = json_lines(&output.stdout);
    assert_eq!(verdicts.len(), 2);
    assert_eq!(verdicts[0]["normalized"], "01.312.166.0-091.000");
    assert_eq!(verdicts[0]["error"], Value::Null);
    assert_eq!(verdicts[1]["npwp_kind"], "sixteen");
}

#[test]
fn one_invalid_value_exits_one_and_still_reports_the_rest() {
    let output = taxdoc()
        .args(["check", "nik", "3171011708450001", "3171011713450001"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let verdicts = json_lines(&output.stdout);
    assert_eq!(verdicts[0]["valid"], true);
    assert_eq!(verdicts[0]["gender"], "male");
    assert_eq!(verdicts[1]["valid"], false);
    assert_eq!(verdicts[1]["error"]["kind"], "component");
    assert!(
        verdicts[1]["error"]["message"]
            .as_str()
            .unwrap()
            .contains("NIK")
    );
}

#[test]
fn reads_one_value_per_line_from_stdin() {
    let input = "91110000600037341L\n91110000600037341N\n9111000060003IOZSV\n";
    let output = taxdoc()
        .args(["check", "uscc"])
        .write_stdin(input)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let kinds: Vec<_> = json_lines(&output.stdout)
        .iter()
        .map(|v| v["error"]["kind"].as_str().unwrap_or("ok").to_owned())
        .collect();
    assert_eq!(kinds, ["ok", "checksum", "format"]);
}

#[test]
fn streams_many_lines() {
    let lines = 20_000;
    let input = "01.312.166.0-091.000\n".repeat(lines);
    let output = taxdoc()
        .args(["check", "npwp"])
        .write_stdin(input)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(json_lines(&output.stdout).len(), lines);
}

#[test]
fn every_kind_is_accepted() {
    for (kind, value) in [
        ("npwp", "01.312.166.0-091.000"),
        ("nik", "3171015708450001"),
        ("nitku", "0013121660091000000001"),
        ("efaktur-number", "010.000-17.00000004"),
        ("uscc", "91310115MA1K3BTP2B"),
        ("cn-resident-id", "110102199101010078"),
        ("cn-invoice-code", "011001605111"),
    ] {
        let output = taxdoc().args(["check", kind, value]).output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{kind} {value}: {output:?}");
        assert_eq!(
            json_lines(&output.stdout)[0]["valid"],
            true,
            "{kind} {value}"
        );
    }
}

#[test]
fn unknown_kind_is_a_usage_error() {
    let output = taxdoc().args(["check", "passport", "X"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
}
