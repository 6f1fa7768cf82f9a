//! Where `read` and `file` get their provider configuration: the environment, or a sandbox
//! started inside the process.

use tax_facade::config::{
    ClientConfig, DeepFinchConfig, GlairConfig, HuaweiAuth, HuaweiConfig, OnlinePajakConfig,
    Secret, TaxdocConfig, unknown_variables,
};
use tax_facade::{Error, ErrorKind, ProviderId};
use tax_sandbox::{Sandbox, SandboxHandle};

/// A provider configuration, and the sandbox it points at when there is one.
#[derive(Debug)]
pub(crate) struct Connection {
    /// Every configured provider.
    pub(crate) config: TaxdocConfig,
    sandbox: Option<SandboxHandle>,
}

impl Connection {
    /// With `sandbox`, starts the sandbox and configures every provider to use it with its
    /// credentials; otherwise loads `provider`'s configuration from the environment.
    /// Without the sandbox only `provider`'s settings are loaded, so another provider's
    /// incomplete settings do not stop this command.
    pub(crate) async fn open(sandbox: bool, provider: ProviderId) -> Result<Self, Error> {
        if !sandbox {
            warn_about_unknown_variables();
            return Ok(Self {
                config: TaxdocConfig::from_env_for(provider)?,
                sandbox: None,
            });
        }
        let handle = Sandbox::builder().start().await.map_err(|err| {
            Error::new(
                ErrorKind::Config,
                format!("the sandbox could not start: {err}"),
            )
        })?;
        Ok(Self {
            config: sandbox_config(&handle),
            sandbox: Some(handle),
        })
    }

    /// Stops the sandbox, if one was started.
    pub(crate) async fn close(self) {
        if let Some(handle) = self.sandbox {
            handle.shutdown().await;
        }
    }
}

/// The readers tried, in order, when no provider is named.
const READERS_BY_PREFERENCE: [ProviderId; 3] = [
    ProviderId::Glair,
    ProviderId::HuaweiOcr,
    ProviderId::DeepFinch,
];

/// The first reader whose credentials are configured (environment or `TAXDOC_CONFIG` file),
/// or [`ProviderId::Local`] when none is. A configuration that is present but broken (a
/// provider half configured, a shared setting that does not parse) is an error, not a reason
/// to fall back silently.
pub(crate) fn first_configured_reader() -> Result<ProviderId, Error> {
    for provider in READERS_BY_PREFERENCE {
        let config = TaxdocConfig::from_env_for(provider)?;
        let configured = match provider {
            ProviderId::Glair => config.glair.is_some(),
            ProviderId::HuaweiOcr => config.huawei.is_some(),
            ProviderId::DeepFinch => config.deepfinch.is_some(),
            _ => false,
        };
        if configured {
            return Ok(provider);
        }
    }
    Ok(ProviderId::Local)
}

/// Says which `TAXDOC_*` variables are not settings: a misspelled one would otherwise leave its
/// provider silently unconfigured or using a default.
fn warn_about_unknown_variables() {
    let names: Vec<String> = std::env::vars_os()
        .filter_map(|(name, _)| name.into_string().ok())
        .collect();
    for name in unknown_variables(names.iter().map(String::as_str)) {
        eprintln!("taxdoc: warning: {name} is not a taxdoc setting; see `taxdoc read --help`");
    }
}

/// Every provider pointed at `handle` with the sandbox's credentials (Huawei with its access
/// key pair).
pub(crate) fn sandbox_config(handle: &SandboxHandle) -> TaxdocConfig {
    let credentials = handle.credentials();
    let client = ClientConfig::default().with_base_url(handle.base_url());
    let glair = &credentials.glair;
    let huawei = &credentials.huawei;
    let deepfinch = &credentials.deepfinch;
    let onlinepajak = &credentials.onlinepajak;
    let mut config = TaxdocConfig::default();
    config.glair = Some(
        GlairConfig::new(&glair.username, &glair.password, &glair.api_key)
            .with_client(client.clone()),
    );
    config.huawei = Some(
        HuaweiConfig::new(
            "cn-north-4",
            &huawei.project_id,
            HuaweiAuth::AkSk {
                access_key: huawei.access_key.clone(),
                secret_key: Secret::new(&huawei.secret_key),
            },
        )
        .with_client(client.clone()),
    );
    config.deepfinch = Some(
        DeepFinchConfig::new(&deepfinch.api_id, &deepfinch.api_secret).with_client(client.clone()),
    );
    config.onlinepajak = onlinepajak
        .user_ids
        .first()
        .map(|user_id| OnlinePajakConfig::new(&onlinepajak.api_key, user_id).with_client(client));
    config
}
