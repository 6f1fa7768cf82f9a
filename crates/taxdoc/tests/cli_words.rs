//! End-to-end tests of `taxdoc words`.

use assert_cmd::Command;

fn taxdoc() -> Command {
    Command::cargo_bin("taxdoc").expect("the taxdoc binary is built")
}

fn stdout_lines(args: &[&str]) -> (Option<i32>, Vec<String>) {
    let output = taxdoc().args(args).output().unwrap();
    let lines = String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect();
    (output.status.code(), lines)
}

#[test]
fn spells_indonesian_amounts() {
    let (code, lines) = stdout_lines(&["words", "id", "600000", "1001000", "0"]);
    assert_eq!(code, Some(0));
    assert_eq!(
        lines,
        [
            "enam ratus ribu rupiah",
            "satu juta seribu rupiah",
            "nol rupiah"
        ]
    );
}

#[test]
fn spells_chinese_amounts() {
    let (code, lines) = stdout_lines(&["words", "zh", "120.00", "16409.02"]);
    assert_eq!(code, Some(0));
    assert_eq!(lines, ["壹佰贰拾圆整", "壹万陆仟肆佰零玖圆零贰分"]);
}

#[test]
fn parses_words_back_to_amounts() {
    let (code, lines) = stdout_lines(&[
        "words",
        "id",
        "--parse",
        "enam ratus enam puluh ribu rupiah",
    ]);
    assert_eq!((code, lines), (Some(0), vec!["660000".to_owned()]));
    let (code, lines) = stdout_lines(&[
        "words",
        "zh",
        "--parse",
        "壹仟陆佰捌拾元叁角贰分",
        "陆拾陆万元正",
    ]);
    assert_eq!(
        (code, lines),
        (Some(0), vec!["1680.32".to_owned(), "660000.00".to_owned()])
    );
}

#[test]
fn bad_values_exit_one_and_name_the_value_on_stderr() {
    let output = taxdoc()
        .args(["words", "zh", "--parse", "壹佰", "伍角"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("\"壹佰\""), "{stderr}");
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(stdout.trim(), "0.50");
}
