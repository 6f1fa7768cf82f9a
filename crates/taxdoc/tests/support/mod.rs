//! A sandbox running inside the test process, and `taxdoc` configured for it through
//! environment variables (as a user would configure a real provider).

#![allow(dead_code, unreachable_pub)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use tax_sandbox::{Credentials, Sandbox, SandboxHandle};

/// The workspace's `examples/` directory.
pub fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples")
        .join(name)
}

/// `taxdoc` with no `TAXDOC_*` variable inherited from the test's environment.
pub fn taxdoc() -> Command {
    let mut command = Command::cargo_bin("taxdoc").unwrap();
    for (name, _) in std::env::vars_os() {
        if name.to_string_lossy().starts_with("TAXDOC_") {
            command.env_remove(name);
        }
    }
    command
}

/// A sandbox served by a runtime that lives as long as this value.
pub struct LiveSandbox {
    pub handle: SandboxHandle,
    runtime: tokio::runtime::Runtime,
}

impl LiveSandbox {
    /// Starts a sandbox accepting `credentials`.
    pub fn start(credentials: Credentials) -> Self {
        let runtime = tokio::runtime::Runtime::new().unwrap();
        let handle = runtime
            .block_on(Sandbox::builder().credentials(credentials).start())
            .unwrap();
        Self { handle, runtime }
    }

    /// Variables configuring every provider against the sandbox; `secret` replaces every
    /// secret when given.
    pub fn env(&self, secret: Option<&str>) -> Vec<(String, String)> {
        let credentials = self.handle.credentials();
        let pick = |planted: &String| secret.map_or_else(|| planted.clone(), str::to_owned);
        let base_url = self.handle.base_url();
        [
            ("TAXDOC_GLAIR_USERNAME", credentials.glair.username.clone()),
            ("TAXDOC_GLAIR_PASSWORD", pick(&credentials.glair.password)),
            ("TAXDOC_GLAIR_API_KEY", pick(&credentials.glair.api_key)),
            ("TAXDOC_GLAIR_BASE_URL", base_url.clone()),
            ("TAXDOC_HUAWEI_REGION", "cn-north-4".to_owned()),
            (
                "TAXDOC_HUAWEI_PROJECT_ID",
                credentials.huawei.project_id.clone(),
            ),
            (
                "TAXDOC_HUAWEI_USER_NAME",
                credentials.huawei.user_name.clone(),
            ),
            ("TAXDOC_HUAWEI_PASSWORD", pick(&credentials.huawei.password)),
            (
                "TAXDOC_HUAWEI_DOMAIN_NAME",
                credentials.huawei.domain_name.clone(),
            ),
            ("TAXDOC_HUAWEI_BASE_URL", base_url.clone()),
            ("TAXDOC_HUAWEI_IAM_BASE_URL", base_url.clone()),
            (
                "TAXDOC_DEEPFINCH_API_ID",
                credentials.deepfinch.api_id.clone(),
            ),
            (
                "TAXDOC_DEEPFINCH_API_SECRET",
                pick(&credentials.deepfinch.api_secret),
            ),
            ("TAXDOC_DEEPFINCH_BASE_URL", base_url.clone()),
            (
                "TAXDOC_ONLINEPAJAK_API_KEY",
                pick(&credentials.onlinepajak.api_key),
            ),
            (
                "TAXDOC_ONLINEPAJAK_USER_ID",
                credentials.onlinepajak.user_ids[0].clone(),
            ),
            ("TAXDOC_ONLINEPAJAK_BASE_URL", base_url),
            ("TAXDOC_MAX_ATTEMPTS", "1".to_owned()),
        ]
        .into_iter()
        .map(|(name, value)| (name.to_owned(), value))
        .collect()
    }

    /// `taxdoc` configured for this sandbox.
    pub fn taxdoc(&self, secret: Option<&str>) -> Command {
        let mut command = taxdoc();
        command.envs(self.env(secret));
        command
    }
}
