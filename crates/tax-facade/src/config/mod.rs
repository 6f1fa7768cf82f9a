//! Provider configuration: credentials, base URL overrides, retries and timeouts.
//!
//! Every provider's configuration is a plain struct that can be built in code. Secrets are
//! held as [`Secret`]s, which print as `<redacted>` in `Debug` and cannot be serialized, so a
//! configuration can be logged without leaking a key.
//!
//! ```
//! use tax_facade::config::{ClientConfig, DeepFinchConfig};
//!
//! let config = DeepFinchConfig::new("my-api-id", "my-api-secret")
//!     .with_client(ClientConfig::default().with_base_url("http://127.0.0.1:8080"));
//! assert!(!format!("{config:?}").contains("my-api-secret"));
//! ```
//!
//! # From the environment or a file
//!
//! [`TaxdocConfig::from_env`] reads the TOML file named by `TAXDOC_CONFIG` (if set), then
//! the environment variables below, which override the file key by key. A provider is
//! configured when any of its settings is present, and then needs all of its credentials;
//! empty values count as unset. [`TaxdocConfig::from_vars`] does the same from any
//! `(name, value)` pairs, and [`TaxdocConfig::from_toml_str`] reads a file's text. Errors are
//! [`ErrorKind::Config`](crate::ErrorKind::Config) and name the variable or key, never a
//! secret value. The table is also available as data in [`VARIABLES`].
//!
//! | Variable | File key | Meaning |
//! |---|---|---|
//! | `TAXDOC_CONFIG` | | Path of a TOML configuration file read before the environment |
//! | `TAXDOC_GLAIR_USERNAME` | `glair.username` | GLAIR Vision Basic-auth user name |
//! | `TAXDOC_GLAIR_PASSWORD` | `glair.password` | GLAIR Vision Basic-auth password (secret) |
//! | `TAXDOC_GLAIR_API_KEY` | `glair.api_key` | GLAIR Vision `x-api-key` (secret) |
//! | `TAXDOC_GLAIR_BASE_URL` | `glair.base_url` | GLAIR Vision server |
//! | `TAXDOC_HUAWEI_REGION` | `huawei.region` | Huawei Cloud region, such as `cn-north-4` |
//! | `TAXDOC_HUAWEI_PROJECT_ID` | `huawei.project_id` | Huawei Cloud project id |
//! | `TAXDOC_HUAWEI_TOKEN` | `huawei.token` | IAM token (auth option 1, secret) |
//! | `TAXDOC_HUAWEI_ACCESS_KEY` | `huawei.access_key` | Access key id (auth option 2) |
//! | `TAXDOC_HUAWEI_SECRET_KEY` | `huawei.secret_key` | Secret access key (auth option 2, secret) |
//! | `TAXDOC_HUAWEI_USER_NAME` | `huawei.user_name` | IAM user name (auth option 3) |
//! | `TAXDOC_HUAWEI_PASSWORD` | `huawei.password` | IAM user password (auth option 3, secret) |
//! | `TAXDOC_HUAWEI_DOMAIN_NAME` | `huawei.domain_name` | Account (domain) name (auth option 3) |
//! | `TAXDOC_HUAWEI_BASE_URL` | `huawei.base_url` | Huawei OCR server |
//! | `TAXDOC_HUAWEI_IAM_BASE_URL` | `huawei.iam_base_url` | Huawei IAM server (auth option 3) |
//! | `TAXDOC_DEEPFINCH_API_ID` | `deepfinch.api_id` | DeepFinch `X-DF-API-ID` |
//! | `TAXDOC_DEEPFINCH_API_SECRET` | `deepfinch.api_secret` | DeepFinch `X-DF-API-SECRET` (secret) |
//! | `TAXDOC_DEEPFINCH_BASE_URL` | `deepfinch.base_url` | DeepFinch server |
//! | `TAXDOC_ONLINEPAJAK_API_KEY` | `onlinepajak.api_key` | OnlinePajak API key (secret) |
//! | `TAXDOC_ONLINEPAJAK_USER_ID` | `onlinepajak.user_id` | OnlinePajak user id |
//! | `TAXDOC_ONLINEPAJAK_BASE_URL` | `onlinepajak.base_url` | OnlinePajak server |
//! | `TAXDOC_MAX_ATTEMPTS` | `max_attempts` | Attempts per call, the first included (default 3) |
//! | `TAXDOC_CONNECT_TIMEOUT_SECS` | `connect_timeout_secs` | Connect timeout, 0 for none (default 10) |
//! | `TAXDOC_ATTEMPT_TIMEOUT_SECS` | `attempt_timeout_secs` | Per-attempt timeout, 0 for none (default 60) |
//! | `TAXDOC_TOTAL_TIMEOUT_SECS` | `total_timeout_secs` | Whole-call timeout with retries, 0 for none (default 180) |
//!
//! Exactly one Huawei auth option must be given. In the file, shared settings sit at the top
//! level and provider settings in `[glair]`, `[huawei]`, `[deepfinch]` and `[onlinepajak]`
//! tables; unknown keys are errors.
//!
//! ```
//! use tax_facade::config::TaxdocConfig;
//!
//! let config = TaxdocConfig::from_vars([
//!     ("TAXDOC_DEEPFINCH_API_ID", "id"),
//!     ("TAXDOC_DEEPFINCH_API_SECRET", "secret"),
//!     ("TAXDOC_DEEPFINCH_BASE_URL", "http://127.0.0.1:8080"),
//! ])?;
//! let deepfinch = config.deepfinch.expect("configured");
//! assert_eq!(deepfinch.client.base_url.as_deref(), Some("http://127.0.0.1:8080"));
//! assert!(config.glair.is_none());
//! # Ok::<(), tax_facade::Error>(())
//! ```

mod env;
mod file;
mod settings;
mod variables;

pub use variables::{CONFIG_FILE_VARIABLE, VARIABLES, Variable, unknown_variables};

use std::fmt;
use std::path::Path;

pub use taxdoc_client_runtime::secret::Secret;

use crate::error::Error;
use crate::provider::ProviderId;
use crate::retry::{RetryConfig, TimeoutConfig};

/// Settings every provider client shares.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct ClientConfig {
    /// Replaces the provider's default server (the sandbox, a proxy, another region).
    pub base_url: Option<String>,
    /// Which failures are retried and how long to wait between attempts.
    pub retry: RetryConfig,
    /// Connect, per-attempt and total time limits.
    pub timeouts: TimeoutConfig,
}

impl ClientConfig {
    /// Points the client at `base_url` instead of the provider's server.
    #[must_use]
    pub fn with_base_url(mut self, base_url: impl Into<String>) -> Self {
        self.base_url = Some(base_url.into());
        self
    }

    /// Replaces the retry settings.
    #[must_use]
    pub fn with_retry(mut self, retry: RetryConfig) -> Self {
        self.retry = retry;
        self
    }

    /// Replaces the timeouts.
    #[must_use]
    pub fn with_timeouts(mut self, timeouts: TimeoutConfig) -> Self {
        self.timeouts = timeouts;
        self
    }
}

/// GLAIR Vision: HTTP Basic credentials and an API key, both sent on every request.
#[derive(Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct GlairConfig {
    /// Basic-auth user name.
    pub username: String,
    /// Basic-auth password.
    pub password: Secret,
    /// Value of the `x-api-key` header.
    pub api_key: Secret,
    /// Shared client settings.
    pub client: ClientConfig,
}

impl GlairConfig {
    /// GLAIR credentials with default client settings.
    pub fn new(
        username: impl Into<String>,
        password: impl Into<String>,
        api_key: impl Into<String>,
    ) -> Self {
        Self {
            username: username.into(),
            password: Secret::new(password),
            api_key: Secret::new(api_key),
            client: ClientConfig::default(),
        }
    }

    /// Replaces the shared client settings.
    #[must_use]
    pub fn with_client(mut self, client: ClientConfig) -> Self {
        self.client = client;
        self
    }
}

impl fmt::Debug for GlairConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("GlairConfig")
            .field("username", &self.username)
            .field("password", &self.password)
            .field("api_key", &self.api_key)
            .field("client", &self.client)
            .finish()
    }
}

/// How requests to Huawei Cloud OCR are authenticated.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum HuaweiAuth {
    /// An IAM token obtained elsewhere, sent as `X-Auth-Token`.
    Token(Secret),
    /// An access key pair; every request is signed with SDK-HMAC-SHA256.
    AkSk {
        /// Access key id.
        access_key: String,
        /// Secret access key.
        secret_key: Secret,
    },
    /// An IAM user's password: a token is obtained from IAM (`POST /v3/auth/tokens`) and
    /// reused until it expires.
    Password {
        /// IAM user name.
        user_name: String,
        /// IAM user password.
        password: Secret,
        /// Account (domain) name.
        domain_name: String,
    },
}

/// Huawei Cloud OCR: a region, a project and one way to authenticate.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct HuaweiConfig {
    /// Region such as `cn-north-4`; selects `https://ocr.{region}.myhuaweicloud.com`.
    pub region: String,
    /// Project id in the OCR path (`/v2/{project_id}/ocr/vat-invoice`).
    pub project_id: String,
    /// How requests are authenticated.
    pub auth: HuaweiAuth,
    /// Replaces the IAM server for [`HuaweiAuth::Password`] (default: the region's IAM host).
    pub iam_base_url: Option<String>,
    /// Shared client settings (its `base_url` replaces the OCR server).
    pub client: ClientConfig,
}

impl HuaweiConfig {
    /// Huawei settings for `region` and `project_id` with default client settings.
    pub fn new(region: impl Into<String>, project_id: impl Into<String>, auth: HuaweiAuth) -> Self {
        Self {
            region: region.into(),
            project_id: project_id.into(),
            auth,
            iam_base_url: None,
            client: ClientConfig::default(),
        }
    }

    /// Replaces the IAM server used to obtain tokens.
    #[must_use]
    pub fn with_iam_base_url(mut self, iam_base_url: impl Into<String>) -> Self {
        self.iam_base_url = Some(iam_base_url.into());
        self
    }

    /// Replaces the shared client settings.
    #[must_use]
    pub fn with_client(mut self, client: ClientConfig) -> Self {
        self.client = client;
        self
    }
}

/// DeepFinch: an API id and secret sent as headers.
#[derive(Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct DeepFinchConfig {
    /// Value of `X-DF-API-ID`.
    pub api_id: String,
    /// Value of `X-DF-API-SECRET`.
    pub api_secret: Secret,
    /// Shared client settings.
    pub client: ClientConfig,
}

impl DeepFinchConfig {
    /// DeepFinch credentials with default client settings.
    pub fn new(api_id: impl Into<String>, api_secret: impl Into<String>) -> Self {
        Self {
            api_id: api_id.into(),
            api_secret: Secret::new(api_secret),
            client: ClientConfig::default(),
        }
    }

    /// Replaces the shared client settings.
    #[must_use]
    pub fn with_client(mut self, client: ClientConfig) -> Self {
        self.client = client;
        self
    }
}

impl fmt::Debug for DeepFinchConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DeepFinchConfig")
            .field("api_id", &self.api_id)
            .field("api_secret", &self.api_secret)
            .field("client", &self.client)
            .finish()
    }
}

/// OnlinePajak: the marketplace API key and the user the invoices belong to.
#[derive(Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct OnlinePajakConfig {
    /// The marketplace API key (sent as the `api_key` query parameter).
    pub api_key: Secret,
    /// The OnlinePajak user id the invoices are filed for.
    pub user_id: String,
    /// Shared client settings.
    pub client: ClientConfig,
}

impl OnlinePajakConfig {
    /// OnlinePajak credentials with default client settings.
    pub fn new(api_key: impl Into<String>, user_id: impl Into<String>) -> Self {
        Self {
            api_key: Secret::new(api_key),
            user_id: user_id.into(),
            client: ClientConfig::default(),
        }
    }

    /// Replaces the shared client settings.
    #[must_use]
    pub fn with_client(mut self, client: ClientConfig) -> Self {
        self.client = client;
        self
    }
}

impl fmt::Debug for OnlinePajakConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OnlinePajakConfig")
            .field("api_key", &self.api_key)
            .field("user_id", &self.user_id)
            .field("client", &self.client)
            .finish()
    }
}

/// The configuration of every provider; a provider left out is simply unavailable.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct TaxdocConfig {
    /// GLAIR Vision.
    pub glair: Option<GlairConfig>,
    /// Huawei Cloud OCR.
    pub huawei: Option<HuaweiConfig>,
    /// DeepFinch.
    pub deepfinch: Option<DeepFinchConfig>,
    /// OnlinePajak.
    pub onlinepajak: Option<OnlinePajakConfig>,
}

impl TaxdocConfig {
    /// Loads the configuration from the process environment: the TOML file named by
    /// `TAXDOC_CONFIG`, then the `TAXDOC_*` variables (see the [module docs](self)).
    pub fn from_env() -> Result<Self, Error> {
        Self::from_vars(env::process_vars()?)
    }

    /// Loads the configuration from `(name, value)` pairs as if they were the environment,
    /// including the file named by a `TAXDOC_CONFIG` pair. Other names are ignored.
    pub fn from_vars<I, K, V>(vars: I) -> Result<Self, Error>
    where
        I: IntoIterator<Item = (K, V)>,
        K: Into<String>,
        V: Into<String>,
    {
        Self::layered_settings(vars)?.build()
    }

    /// The file named by `TAXDOC_CONFIG` (if any) overlaid with the variables.
    fn layered_settings<I, K, V>(vars: I) -> Result<settings::Settings, Error>
    where
        I: IntoIterator<Item = (K, V)>,
        K: Into<String>,
        V: Into<String>,
    {
        let (from_env, config_file) = env::settings_from_vars(vars);
        let from_file = match config_file {
            Some(path) => file::settings_from_file(&path)?,
            None => settings::Settings::default(),
        };
        Ok(from_file.overlaid_with(from_env))
    }

    /// Like [`TaxdocConfig::from_env`], but builds only `provider`'s configuration (and the
    /// shared retry and timeout settings): settings of other providers are not looked at, so an
    /// incomplete configuration of a provider that is not being used does not stop this one.
    pub fn from_env_for(provider: ProviderId) -> Result<Self, Error> {
        Self::from_vars_for(provider, env::process_vars()?)
    }

    /// Like [`TaxdocConfig::from_vars`], but builds only `provider`'s configuration.
    ///
    /// ```
    /// use tax_facade::ProviderId;
    /// use tax_facade::config::TaxdocConfig;
    ///
    /// let vars = [
    ///     ("TAXDOC_DEEPFINCH_API_ID", "id"),
    ///     ("TAXDOC_DEEPFINCH_API_SECRET", "secret"),
    ///     // GLAIR is half configured, but only DeepFinch is asked for.
    ///     ("TAXDOC_GLAIR_USERNAME", "user"),
    /// ];
    /// assert!(TaxdocConfig::from_vars(vars).is_err());
    /// let config = TaxdocConfig::from_vars_for(ProviderId::DeepFinch, vars).unwrap();
    /// assert!(config.deepfinch.is_some() && config.glair.is_none());
    /// ```
    pub fn from_vars_for<I, K, V>(provider: ProviderId, vars: I) -> Result<Self, Error>
    where
        I: IntoIterator<Item = (K, V)>,
        K: Into<String>,
        V: Into<String>,
    {
        let section = match provider {
            ProviderId::Glair => "glair",
            ProviderId::HuaweiOcr => "huawei",
            ProviderId::DeepFinch => "deepfinch",
            ProviderId::OnlinePajak => "onlinepajak",
            _ => return Ok(Self::default()),
        };
        Self::layered_settings(vars)?.build_sections(|candidate| candidate == section)
    }

    /// Loads the configuration from the TOML file at `path` alone.
    pub fn from_file(path: impl AsRef<Path>) -> Result<Self, Error> {
        file::settings_from_file(path.as_ref())?.build()
    }

    /// Loads the configuration from the text of a TOML configuration file.
    pub fn from_toml_str(text: &str) -> Result<Self, Error> {
        file::settings_from_toml(text, None)?.build()
    }
}

#[cfg(test)]
mod loading_tests;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_output_hides_every_secret() {
        let config = TaxdocConfig {
            glair: Some(GlairConfig::new("user", "pw-1d8f", "key-93ab")),
            huawei: Some(HuaweiConfig::new(
                "cn-north-4",
                "project",
                HuaweiAuth::AkSk {
                    access_key: "AK".into(),
                    secret_key: Secret::new("sk-77c2"),
                },
            )),
            deepfinch: Some(DeepFinchConfig::new("id", "secret-5e10")),
            onlinepajak: Some(OnlinePajakConfig::new("op-key-41aa", "42")),
        };
        let shown = format!("{config:?} {config:#?}");
        for secret in [
            "pw-1d8f",
            "key-93ab",
            "sk-77c2",
            "secret-5e10",
            "op-key-41aa",
        ] {
            assert!(!shown.contains(secret), "{secret} leaked: {shown}");
        }
        assert!(shown.contains("<redacted>"));
    }
}
