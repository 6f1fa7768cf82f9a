//! Raw settings by key, from any source, and their conversion into a [`TaxdocConfig`].

use std::collections::BTreeMap;
use std::fmt;
use std::path::PathBuf;
use std::time::Duration;

use super::variables::Variable;
use super::{
    ClientConfig, DeepFinchConfig, GlairConfig, HuaweiAuth, HuaweiConfig, OnlinePajakConfig,
    Secret, TaxdocConfig,
};
use crate::error::{Error, ErrorKind};
use crate::retry::{RetryConfig, TimeoutConfig};

/// Where a value came from, for error messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Origin {
    /// An environment variable.
    Env,
    /// A configuration file.
    File(Option<PathBuf>),
}

/// One value and where it came from.
#[derive(Clone)]
struct Value {
    text: String,
    origin: Origin,
}

/// Settings by variable; later layers override earlier ones key by key.
#[derive(Clone, Default)]
pub(crate) struct Settings {
    values: BTreeMap<&'static str, (&'static Variable, Value)>,
}

impl fmt::Debug for Settings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set()
            .entries(self.values.values().map(|(variable, _)| variable.env))
            .finish()
    }
}

impl Settings {
    /// Records `text` for `variable`; empty values count as unset.
    pub(crate) fn set(&mut self, variable: &'static Variable, text: String, origin: Origin) {
        if text.is_empty() {
            self.values.remove(variable.file_key);
        } else {
            self.values
                .insert(variable.file_key, (variable, Value { text, origin }));
        }
    }

    /// This layer with every value of `over` replacing its own.
    pub(crate) fn overlaid_with(mut self, over: Settings) -> Self {
        self.values.extend(over.values);
        self
    }

    fn get(&self, file_key: &str) -> Option<&str> {
        self.values
            .get(file_key)
            .map(|(_, value)| value.text.as_str())
    }

    fn has_section(&self, section: &str) -> bool {
        self.values
            .keys()
            .any(|key| key.split_once('.').is_some_and(|(head, _)| head == section))
    }

    fn required(&self, file_key: &'static str, provider: &str) -> Result<String, Error> {
        self.get(file_key).map(str::to_owned).ok_or_else(|| {
            let env = super::variables::by_env_of_key(file_key);
            Error::new(
                ErrorKind::Config,
                format!(
                    "{provider} is partly configured: set {env} (or `{file_key}` in the configuration file)"
                ),
            )
        })
    }

    fn invalid(&self, file_key: &str, problem: &str) -> Error {
        let source = match self.values.get(file_key) {
            Some((
                variable,
                Value {
                    origin: Origin::Env,
                    ..
                },
            )) => variable.env.to_owned(),
            Some((
                _,
                Value {
                    origin: Origin::File(Some(path)),
                    ..
                },
            )) => {
                format!("`{file_key}` in {}", path.display())
            }
            _ => format!("`{file_key}` in the configuration file"),
        };
        Error::new(ErrorKind::Config, format!("{source} {problem}"))
    }

    fn url(&self, file_key: &'static str) -> Result<Option<String>, Error> {
        let Some(text) = self.get(file_key) else {
            return Ok(None);
        };
        match url::Url::parse(text) {
            Ok(parsed) if matches!(parsed.scheme(), "http" | "https") => Ok(Some(text.to_owned())),
            _ => Err(self.invalid(file_key, "is not an absolute http(s) URL")),
        }
    }

    fn number(&self, file_key: &'static str) -> Result<Option<u64>, Error> {
        self.get(file_key)
            .map(|text| {
                text.trim()
                    .parse::<u64>()
                    .map_err(|_| self.invalid(file_key, "is not a whole number"))
            })
            .transpose()
    }

    fn seconds(
        &self,
        file_key: &'static str,
        default: Option<Duration>,
    ) -> Result<Option<Duration>, Error> {
        Ok(match self.number(file_key)? {
            None => default,
            Some(0) => None,
            Some(secs) => Some(Duration::from_secs(secs)),
        })
    }

    fn shared_client(&self) -> Result<ClientConfig, Error> {
        let mut retry = RetryConfig::default();
        if let Some(attempts) = self.number("max_attempts")? {
            let attempts = u32::try_from(attempts)
                .ok()
                .filter(|attempts| *attempts >= 1)
                .ok_or_else(|| self.invalid("max_attempts", "must be between 1 and 4294967295"))?;
            retry = retry.with_max_attempts(attempts);
        }
        let defaults = TimeoutConfig::default();
        let timeouts = TimeoutConfig::default()
            .with_connect(self.seconds("connect_timeout_secs", defaults.connect())?)
            .with_per_attempt(self.seconds("attempt_timeout_secs", defaults.per_attempt())?)
            .with_total(self.seconds("total_timeout_secs", defaults.total())?);
        Ok(ClientConfig::default()
            .with_retry(retry)
            .with_timeouts(timeouts))
    }

    fn client(
        &self,
        shared: &ClientConfig,
        base_url_key: &'static str,
    ) -> Result<ClientConfig, Error> {
        let mut client = shared.clone();
        client.base_url = self.url(base_url_key)?;
        Ok(client)
    }

    /// Builds the configuration of every provider that has at least one setting.
    pub(crate) fn build(&self) -> Result<TaxdocConfig, Error> {
        self.build_sections(|_| true)
    }

    /// Builds the configuration of the providers whose section `wanted` accepts (`"glair"`,
    /// `"huawei"`, `"deepfinch"`, `"onlinepajak"`); the other providers' settings are not
    /// looked at, so a mistake there does not stop these.
    pub(crate) fn build_sections(
        &self,
        wanted: impl Fn(&str) -> bool,
    ) -> Result<TaxdocConfig, Error> {
        let has_section = |section: &str| wanted(section) && self.has_section(section);
        let shared = self.shared_client()?;
        let mut config = TaxdocConfig::default();
        if has_section("glair") {
            config.glair = Some(
                GlairConfig::new(
                    self.required("glair.username", "GLAIR Vision")?,
                    self.required("glair.password", "GLAIR Vision")?,
                    self.required("glair.api_key", "GLAIR Vision")?,
                )
                .with_client(self.client(&shared, "glair.base_url")?),
            );
        }
        if has_section("huawei") {
            config.huawei = Some(self.huawei(&shared)?);
        }
        if has_section("deepfinch") {
            config.deepfinch = Some(
                DeepFinchConfig::new(
                    self.required("deepfinch.api_id", "DeepFinch")?,
                    self.required("deepfinch.api_secret", "DeepFinch")?,
                )
                .with_client(self.client(&shared, "deepfinch.base_url")?),
            );
        }
        if has_section("onlinepajak") {
            config.onlinepajak = Some(
                OnlinePajakConfig::new(
                    self.required("onlinepajak.api_key", "OnlinePajak")?,
                    self.required("onlinepajak.user_id", "OnlinePajak")?,
                )
                .with_client(self.client(&shared, "onlinepajak.base_url")?),
            );
        }
        Ok(config)
    }

    fn huawei(&self, shared: &ClientConfig) -> Result<HuaweiConfig, Error> {
        const PROVIDER: &str = "Huawei Cloud OCR";
        let token = self.get("huawei.token").is_some();
        let aksk =
            self.get("huawei.access_key").is_some() || self.get("huawei.secret_key").is_some();
        let password = ["huawei.user_name", "huawei.password", "huawei.domain_name"]
            .iter()
            .any(|key| self.get(key).is_some());
        let auth = match (token, aksk, password) {
            (true, false, false) => {
                HuaweiAuth::Token(Secret::new(self.required("huawei.token", PROVIDER)?))
            }
            (false, true, false) => HuaweiAuth::AkSk {
                access_key: self.required("huawei.access_key", PROVIDER)?,
                secret_key: Secret::new(self.required("huawei.secret_key", PROVIDER)?),
            },
            (false, false, true) => HuaweiAuth::Password {
                user_name: self.required("huawei.user_name", PROVIDER)?,
                password: Secret::new(self.required("huawei.password", PROVIDER)?),
                domain_name: self.required("huawei.domain_name", PROVIDER)?,
            },
            (false, false, false) => {
                return Err(Error::new(
                    ErrorKind::Config,
                    "Huawei Cloud OCR needs credentials: set TAXDOC_HUAWEI_TOKEN, or \
                     TAXDOC_HUAWEI_ACCESS_KEY and TAXDOC_HUAWEI_SECRET_KEY, or \
                     TAXDOC_HUAWEI_USER_NAME, TAXDOC_HUAWEI_PASSWORD and TAXDOC_HUAWEI_DOMAIN_NAME",
                ));
            }
            _ => {
                return Err(Error::new(
                    ErrorKind::Config,
                    "Huawei Cloud OCR has settings for more than one way to authenticate: keep \
                     only one of TAXDOC_HUAWEI_TOKEN, the access key pair, or the IAM user",
                ));
            }
        };
        let mut config = HuaweiConfig::new(
            self.required("huawei.region", PROVIDER)?,
            self.required("huawei.project_id", PROVIDER)?,
            auth,
        )
        .with_client(self.client(shared, "huawei.base_url")?);
        config.iam_base_url = self.url("huawei.iam_base_url")?;
        Ok(config)
    }
}
