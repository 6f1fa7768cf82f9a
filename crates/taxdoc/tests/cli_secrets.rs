//! Secrets planted in the configuration never appear on stdout or stderr, whatever happens.

mod support;

use std::process::Output;

use support::{LiveSandbox, example};
use tax_sandbox::{Credentials, Fault, FaultRule, Target};

const GLAIR_PASSWORD: &str = "cli-canary-glair-password-8c1f";
const GLAIR_API_KEY: &str = "cli-canary-glair-api-key-2be0";
const HUAWEI_PASSWORD: &str = "cli-canary-huawei-password-d41a";
const DEEPFINCH_SECRET: &str = "cli-canary-deepfinch-secret-57e3";
const ONLINEPAJAK_KEY: &str = "cli-canary-onlinepajak-key-a9d6";
const WRONG: &str = "cli-canary-wrong-secret-03fb";
const ALL: [&str; 6] = [
    GLAIR_PASSWORD,
    GLAIR_API_KEY,
    HUAWEI_PASSWORD,
    DEEPFINCH_SECRET,
    ONLINEPAJAK_KEY,
    WRONG,
];

fn canary_sandbox() -> LiveSandbox {
    let mut credentials = Credentials::default();
    credentials.glair.password = GLAIR_PASSWORD.to_owned();
    credentials.glair.api_key = GLAIR_API_KEY.to_owned();
    credentials.huawei.password = HUAWEI_PASSWORD.to_owned();
    credentials.deepfinch.api_secret = DEEPFINCH_SECRET.to_owned();
    credentials.onlinepajak.api_key = ONLINEPAJAK_KEY.to_owned();
    LiveSandbox::start(credentials)
}

fn assert_clean(what: &str, output: &Output) {
    let shown = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(!shown.is_empty(), "{what} printed nothing");
    for secret in ALL {
        assert!(!shown.contains(secret), "{what} shows {secret}: {shown}");
    }
}

fn read_args(provider: &str, format: &str) -> Vec<String> {
    let image = if provider == "glair" {
        "npwp-card.png"
    } else {
        "cn-vat-invoice.png"
    };
    vec![
        "read".to_owned(),
        "-p".to_owned(),
        provider.to_owned(),
        "-o".to_owned(),
        format.to_owned(),
        example(image).display().to_string(),
    ]
}

#[test]
fn reads_and_read_failures_never_print_a_secret() {
    let sandbox = canary_sandbox();
    for provider in ["glair", "huawei-ocr", "deepfinch"] {
        for format in ["json", "table"] {
            let output = sandbox
                .taxdoc(None)
                .args(read_args(provider, format))
                .output()
                .unwrap();
            assert_eq!(output.status.code(), Some(0), "{provider}: {output:?}");
            assert_clean(&format!("{provider} {format}"), &output);
        }
        let output = sandbox
            .taxdoc(Some(WRONG))
            .args(read_args(provider, "json"))
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2));
        assert_clean(&format!("{provider} with wrong credentials"), &output);

        for fault in [
            Fault::RateLimited { retry_after: None },
            Fault::ServerError { retry_after: None },
            Fault::BadGatewayHtml,
            Fault::MalformedJson,
            Fault::ConnectionReset,
        ] {
            sandbox
                .handle
                .inject(FaultRule::new(Target::Any, fault.clone()).times(1));
            let output = sandbox
                .taxdoc(None)
                .args(read_args(provider, "json"))
                .output()
                .unwrap();
            sandbox.handle.clear_faults();
            assert_eq!(
                output.status.code(),
                Some(2),
                "{provider} {fault:?}: {output:?}"
            );
            assert_clean(&format!("{provider} {fault:?}"), &output);
        }
    }
}

#[test]
fn filings_and_filing_failures_never_print_a_secret() {
    let sandbox = canary_sandbox();
    let invoice = example("invoice.json");
    for format in ["json", "table"] {
        let output = sandbox
            .taxdoc(None)
            .args(["file", "-o", format])
            .arg(&invoice)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0), "{output:?}");
        assert_clean("file", &output);
    }
    let output = sandbox
        .taxdoc(Some(WRONG))
        .arg("file")
        .arg(&invoice)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_clean("file with a wrong key", &output);
}

#[test]
fn configuration_errors_never_print_a_secret() {
    let sandbox = canary_sandbox();
    let output = sandbox
        .taxdoc(None)
        .env(
            "TAXDOC_GLAIR_BASE_URL",
            format!("{GLAIR_PASSWORD} is not a URL"),
        )
        .args(read_args("glair", "json"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_clean("an invalid base URL", &output);

    let path = std::env::temp_dir().join(format!("taxdoc-secrets-{}.toml", std::process::id()));
    std::fs::write(
        &path,
        format!("[glair]\npassword = \"{GLAIR_PASSWORD}\nusername = 1\n"),
    )
    .unwrap();
    let output = support::taxdoc()
        .env("TAXDOC_CONFIG", &path)
        .args(read_args("glair", "json"))
        .output()
        .unwrap();
    std::fs::remove_file(&path).unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_clean("a broken configuration file", &output);
}
