//! Every setting that can come from the environment or a configuration file, in one table.

/// One configuration setting: its environment variable, its key in the configuration file and
/// what it sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Variable {
    /// The environment variable, such as `TAXDOC_GLAIR_API_KEY`.
    pub env: &'static str,
    /// The key in the TOML configuration file, such as `glair.api_key` (`api_key` in the
    /// `[glair]` table).
    pub file_key: &'static str,
    /// What the setting does.
    pub description: &'static str,
    /// Whether the value is a secret; secrets are never printed, not even in error messages.
    pub secret: bool,
}

/// The environment variable naming a TOML configuration file to read before the environment.
pub const CONFIG_FILE_VARIABLE: &str = "TAXDOC_CONFIG";

const fn var(
    env: &'static str,
    file_key: &'static str,
    description: &'static str,
    secret: bool,
) -> Variable {
    Variable {
        env,
        file_key,
        description,
        secret,
    }
}

/// Every setting, in the order the documentation lists them.
///
/// A provider is configured when any of its settings is present; it then needs all of its
/// credentials. Empty values count as unset. Environment variables override the file.
pub const VARIABLES: &[Variable] = &[
    var(
        "TAXDOC_GLAIR_USERNAME",
        "glair.username",
        "GLAIR Vision Basic-auth user name",
        false,
    ),
    var(
        "TAXDOC_GLAIR_PASSWORD",
        "glair.password",
        "GLAIR Vision Basic-auth password",
        true,
    ),
    var(
        "TAXDOC_GLAIR_API_KEY",
        "glair.api_key",
        "GLAIR Vision `x-api-key`",
        true,
    ),
    var(
        "TAXDOC_GLAIR_BASE_URL",
        "glair.base_url",
        "GLAIR Vision server (default: the provider's)",
        false,
    ),
    var(
        "TAXDOC_HUAWEI_REGION",
        "huawei.region",
        "Huawei Cloud region, such as `cn-north-4`",
        false,
    ),
    var(
        "TAXDOC_HUAWEI_PROJECT_ID",
        "huawei.project_id",
        "Huawei Cloud project id",
        false,
    ),
    var(
        "TAXDOC_HUAWEI_TOKEN",
        "huawei.token",
        "Huawei IAM token (auth option 1)",
        true,
    ),
    var(
        "TAXDOC_HUAWEI_ACCESS_KEY",
        "huawei.access_key",
        "Huawei access key id (auth option 2, with the secret key)",
        false,
    ),
    var(
        "TAXDOC_HUAWEI_SECRET_KEY",
        "huawei.secret_key",
        "Huawei secret access key (auth option 2)",
        true,
    ),
    var(
        "TAXDOC_HUAWEI_USER_NAME",
        "huawei.user_name",
        "Huawei IAM user name (auth option 3, with password and domain name)",
        false,
    ),
    var(
        "TAXDOC_HUAWEI_PASSWORD",
        "huawei.password",
        "Huawei IAM user password (auth option 3)",
        true,
    ),
    var(
        "TAXDOC_HUAWEI_DOMAIN_NAME",
        "huawei.domain_name",
        "Huawei account (domain) name (auth option 3)",
        false,
    ),
    var(
        "TAXDOC_HUAWEI_BASE_URL",
        "huawei.base_url",
        "Huawei OCR server (default: the region's)",
        false,
    ),
    var(
        "TAXDOC_HUAWEI_IAM_BASE_URL",
        "huawei.iam_base_url",
        "Huawei IAM server for auth option 3 (default: the region's)",
        false,
    ),
    var(
        "TAXDOC_DEEPFINCH_API_ID",
        "deepfinch.api_id",
        "DeepFinch `X-DF-API-ID`",
        false,
    ),
    var(
        "TAXDOC_DEEPFINCH_API_SECRET",
        "deepfinch.api_secret",
        "DeepFinch `X-DF-API-SECRET`",
        true,
    ),
    var(
        "TAXDOC_DEEPFINCH_BASE_URL",
        "deepfinch.base_url",
        "DeepFinch server (default: the provider's)",
        false,
    ),
    var(
        "TAXDOC_ONLINEPAJAK_API_KEY",
        "onlinepajak.api_key",
        "OnlinePajak marketplace API key",
        true,
    ),
    var(
        "TAXDOC_ONLINEPAJAK_USER_ID",
        "onlinepajak.user_id",
        "OnlinePajak user the invoices are filed for",
        false,
    ),
    var(
        "TAXDOC_ONLINEPAJAK_BASE_URL",
        "onlinepajak.base_url",
        "OnlinePajak server (default: the provider's)",
        false,
    ),
    var(
        "TAXDOC_MAX_ATTEMPTS",
        "max_attempts",
        "Attempts per call, the first included (default 3)",
        false,
    ),
    var(
        "TAXDOC_CONNECT_TIMEOUT_SECS",
        "connect_timeout_secs",
        "Connect timeout in seconds, 0 for none (default 10)",
        false,
    ),
    var(
        "TAXDOC_ATTEMPT_TIMEOUT_SECS",
        "attempt_timeout_secs",
        "Per-attempt timeout in seconds, 0 for none (default 60)",
        false,
    ),
    var(
        "TAXDOC_TOTAL_TIMEOUT_SECS",
        "total_timeout_secs",
        "Timeout of a whole call with its retries, 0 for none (default 180)",
        false,
    ),
];

/// The setting with this environment variable name.
/// The names among `names` that start with `TAXDOC_` but are not a setting, so that a
/// misspelled variable (`TAXDOC_GLAIR_APIKEY`) can be reported instead of silently ignored.
///
/// ```
/// use tax_facade::config::unknown_variables;
///
/// let names = ["TAXDOC_GLAIR_API_KEY", "TAXDOC_GLAIR_APIKEY", "TAXDOC_CONFIG", "HOME"];
/// assert_eq!(unknown_variables(names), ["TAXDOC_GLAIR_APIKEY"]);
/// ```
pub fn unknown_variables<'a>(names: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    names
        .into_iter()
        .filter(|name| {
            name.starts_with("TAXDOC_") && *name != CONFIG_FILE_VARIABLE && by_env(name).is_none()
        })
        .collect()
}

pub(crate) fn by_env(name: &str) -> Option<&'static Variable> {
    VARIABLES.iter().find(|variable| variable.env == name)
}

/// The setting with this configuration-file key.
pub(crate) fn by_file_key(key: &str) -> Option<&'static Variable> {
    VARIABLES.iter().find(|variable| variable.file_key == key)
}

/// The environment variable of a configuration-file key (the key itself if it is unknown).
pub(crate) fn by_env_of_key(file_key: &str) -> &str {
    by_file_key(file_key).map_or(file_key, |variable| variable.env)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_environment_variable_is_the_upper_cased_file_key() {
        for variable in VARIABLES {
            let derived = format!("TAXDOC_{}", variable.file_key.replace('.', "_")).to_uppercase();
            assert_eq!(variable.env, derived);
            assert_eq!(by_env(variable.env), Some(variable));
            assert_eq!(by_file_key(variable.file_key), Some(variable));
        }
    }
}
