//! Loading configurations from variables and TOML.

use std::time::Duration;

use super::*;
use crate::ErrorKind;

fn glair_vars() -> Vec<(&'static str, &'static str)> {
    vec![
        ("TAXDOC_GLAIR_USERNAME", "user"),
        ("TAXDOC_GLAIR_PASSWORD", "pw-secret-1"),
        ("TAXDOC_GLAIR_API_KEY", "key-secret-2"),
    ]
}

#[test]
fn variables_configure_only_the_providers_they_mention() {
    let mut vars = glair_vars();
    vars.push(("TAXDOC_GLAIR_BASE_URL", "http://127.0.0.1:9/"));
    vars.push(("PATH", "/usr/bin"));
    let config = TaxdocConfig::from_vars(vars).unwrap();
    let glair = config.glair.unwrap();
    assert_eq!(glair.username, "user");
    assert_eq!(glair.password.expose(), "pw-secret-1");
    assert_eq!(glair.api_key.expose(), "key-secret-2");
    assert_eq!(
        glair.client.base_url.as_deref(),
        Some("http://127.0.0.1:9/")
    );
    assert!(config.huawei.is_none() && config.deepfinch.is_none() && config.onlinepajak.is_none());
}

#[test]
fn retry_and_timeout_variables_apply_to_every_provider() {
    let mut vars = glair_vars();
    vars.extend([
        ("TAXDOC_DEEPFINCH_API_ID", "id"),
        ("TAXDOC_DEEPFINCH_API_SECRET", "s"),
        ("TAXDOC_MAX_ATTEMPTS", "5"),
        ("TAXDOC_CONNECT_TIMEOUT_SECS", "2"),
        ("TAXDOC_ATTEMPT_TIMEOUT_SECS", "0"),
    ]);
    let config = TaxdocConfig::from_vars(vars).unwrap();
    for client in [
        config.glair.unwrap().client,
        config.deepfinch.unwrap().client,
    ] {
        assert_eq!(client.retry.max_attempts(), 5);
        assert_eq!(client.timeouts.connect(), Some(Duration::from_secs(2)));
        assert_eq!(client.timeouts.per_attempt(), None);
        assert_eq!(client.timeouts.total(), TimeoutConfig::default().total());
        assert_eq!(client.base_url, None);
    }
}

#[test]
fn a_missing_credential_is_named_by_its_variable() {
    let err = TaxdocConfig::from_vars([("TAXDOC_GLAIR_USERNAME", "user")]).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Config);
    assert!(err.message().contains("TAXDOC_GLAIR_PASSWORD"), "{err}");
}

#[test]
fn invalid_values_are_named_without_being_shown() {
    let mut vars = glair_vars();
    vars.push(("TAXDOC_GLAIR_BASE_URL", "not a url"));
    let err = TaxdocConfig::from_vars(vars).unwrap_err();
    assert!(err.message().contains("TAXDOC_GLAIR_BASE_URL"), "{err}");
    assert!(!err.to_string().contains("not a url"));

    let mut vars = glair_vars();
    vars.push(("TAXDOC_MAX_ATTEMPTS", "0"));
    let err = TaxdocConfig::from_vars(vars).unwrap_err();
    assert!(err.message().contains("TAXDOC_MAX_ATTEMPTS"), "{err}");
}

#[test]
fn huawei_takes_exactly_one_way_to_authenticate() {
    let base = [
        ("TAXDOC_HUAWEI_REGION", "cn-north-4"),
        ("TAXDOC_HUAWEI_PROJECT_ID", "p1"),
    ];
    let with = |extra: &[(&'static str, &'static str)]| {
        TaxdocConfig::from_vars(base.iter().chain(extra).copied())
    };
    let token = with(&[("TAXDOC_HUAWEI_TOKEN", "tok")])
        .unwrap()
        .huawei
        .unwrap();
    assert!(matches!(token.auth, HuaweiAuth::Token(_)));
    let aksk = with(&[
        ("TAXDOC_HUAWEI_ACCESS_KEY", "AK"),
        ("TAXDOC_HUAWEI_SECRET_KEY", "SK"),
    ])
    .unwrap()
    .huawei
    .unwrap();
    assert!(matches!(aksk.auth, HuaweiAuth::AkSk { ref access_key, .. } if access_key == "AK"));
    let password = with(&[
        ("TAXDOC_HUAWEI_USER_NAME", "u"),
        ("TAXDOC_HUAWEI_PASSWORD", "p"),
        ("TAXDOC_HUAWEI_DOMAIN_NAME", "d"),
        ("TAXDOC_HUAWEI_IAM_BASE_URL", "http://127.0.0.1:1"),
    ])
    .unwrap()
    .huawei
    .unwrap();
    assert!(matches!(password.auth, HuaweiAuth::Password { .. }));
    assert_eq!(password.iam_base_url.as_deref(), Some("http://127.0.0.1:1"));
    assert_eq!(
        (password.region.as_str(), password.project_id.as_str()),
        ("cn-north-4", "p1")
    );

    let both = with(&[
        ("TAXDOC_HUAWEI_TOKEN", "tok"),
        ("TAXDOC_HUAWEI_ACCESS_KEY", "AK"),
    ]);
    assert_eq!(both.unwrap_err().kind(), ErrorKind::Config);
    let none = with(&[]).unwrap_err();
    assert!(none.message().contains("TAXDOC_HUAWEI_TOKEN"), "{none}");
    let half = with(&[("TAXDOC_HUAWEI_ACCESS_KEY", "AK")]).unwrap_err();
    assert!(
        half.message().contains("TAXDOC_HUAWEI_SECRET_KEY"),
        "{half}"
    );
}

#[test]
fn a_toml_file_is_read_and_the_environment_overrides_it() {
    let path = std::env::temp_dir().join(format!("taxdoc-config-{}.toml", std::process::id()));
    std::fs::write(
        &path,
        "max_attempts = 4\n\n[onlinepajak]\napi_key = \"file-key\"\nuser_id = \"file-user\"\n\n\
         [deepfinch]\napi_id = \"file-id\"\napi_secret = \"file-secret\"\n",
    )
    .unwrap();
    let config = TaxdocConfig::from_vars([
        ("TAXDOC_CONFIG", path.to_str().unwrap()),
        ("TAXDOC_ONLINEPAJAK_USER_ID", "env-user"),
        ("TAXDOC_ONLINEPAJAK_BASE_URL", "http://127.0.0.1:2"),
    ])
    .unwrap();
    std::fs::remove_file(&path).unwrap();
    let onlinepajak = config.onlinepajak.unwrap();
    assert_eq!(onlinepajak.user_id, "env-user");
    assert_eq!(onlinepajak.api_key.expose(), "file-key");
    assert_eq!(
        onlinepajak.client.base_url.as_deref(),
        Some("http://127.0.0.1:2")
    );
    assert_eq!(onlinepajak.client.retry.max_attempts(), 4);
    assert_eq!(config.deepfinch.unwrap().api_id, "file-id");
}

#[test]
fn toml_errors_name_the_key_or_line_but_never_the_value() {
    let unknown = TaxdocConfig::from_toml_str("[glair]\nusername = \"u\"\npasword = \"x\"\n");
    let unknown = unknown.unwrap_err();
    assert!(unknown.message().contains("glair.pasword"), "{unknown}");

    let broken = TaxdocConfig::from_toml_str("[glair]\npassword = \"very-secret-value\n");
    let broken = broken.unwrap_err();
    assert_eq!(broken.kind(), ErrorKind::Config);
    assert!(broken.message().contains("line 2"), "{broken}");
    assert!(!broken.to_string().contains("very-secret-value"));

    let wrong_type = TaxdocConfig::from_toml_str("max_attempts = true\n").unwrap_err();
    assert!(
        wrong_type.message().contains("max_attempts"),
        "{wrong_type}"
    );
}

#[test]
fn a_missing_config_file_is_a_config_error_naming_the_path() {
    let err = TaxdocConfig::from_vars([("TAXDOC_CONFIG", "/nonexistent/taxdoc.toml")]).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Config);
    assert!(err.message().contains("/nonexistent/taxdoc.toml"));
}

#[test]
fn the_example_configuration_file_configures_every_provider() {
    let text = include_str!("../../../../examples/taxdoc.toml");
    let config = TaxdocConfig::from_toml_str(text).unwrap();
    assert_eq!(config.glair.unwrap().username, "your-glair-user");
    let huawei = config.huawei.unwrap();
    assert!(matches!(huawei.auth, HuaweiAuth::AkSk { .. }));
    assert_eq!(
        huawei.client.timeouts.total(),
        Some(Duration::from_secs(180))
    );
    assert_eq!(config.deepfinch.unwrap().api_id, "your-deepfinch-api-id");
    assert_eq!(
        config.onlinepajak.unwrap().user_id,
        "your-onlinepajak-user-id"
    );
}
