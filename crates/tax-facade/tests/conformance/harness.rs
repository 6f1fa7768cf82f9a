//! One provider's reader, built from configuration variables pointing at a fresh sandbox.

use tax_facade::config::TaxdocConfig;
use tax_facade::providers::reader_for;
use tax_facade::{DynDocumentReader, ProviderId};
use tax_sandbox::{Fault, FaultRule, Sandbox, SandboxHandle, Target};

/// A sample NPWP card image every provider accepts (640×400 PNG).
pub(crate) const NPWP_CARD_PNG: &[u8] = include_bytes!("../../../../examples/npwp-card.png");
/// A sample Chinese VAT invoice image every provider accepts (1000×600 PNG).
pub(crate) const CN_VAT_INVOICE_PNG: &[u8] =
    include_bytes!("../../../../examples/cn-vat-invoice.png");

/// The reader configurations under test.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Setup {
    /// GLAIR Vision.
    Glair,
    /// Huawei Cloud OCR signing requests with an access key pair.
    HuaweiAkSk,
    /// Huawei Cloud OCR with a token from IAM for a user's password.
    HuaweiPassword,
    /// DeepFinch.
    DeepFinch,
}

/// Which credentials a reader is built with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Credentials {
    /// The sandbox's own.
    Valid,
    /// The sandbox's, with every secret replaced.
    Wrong,
}

/// A running sandbox and how to reach one provider in it.
#[derive(Debug)]
pub(crate) struct Harness {
    pub(crate) setup: Setup,
    pub(crate) sandbox: SandboxHandle,
}

impl Harness {
    /// Starts a fresh sandbox for `setup`.
    pub(crate) async fn start(setup: Setup) -> Self {
        let sandbox = Sandbox::builder().start().await.unwrap();
        Self { setup, sandbox }
    }

    /// The provider the reader reports.
    pub(crate) fn provider(&self) -> ProviderId {
        match self.setup {
            Setup::Glair => ProviderId::Glair,
            Setup::HuaweiAkSk | Setup::HuaweiPassword => ProviderId::HuaweiOcr,
            Setup::DeepFinch => ProviderId::DeepFinch,
        }
    }

    /// The variables configuring the provider against the sandbox.
    pub(crate) fn vars(
        &self,
        credentials: Credentials,
        max_attempts: u32,
    ) -> Vec<(String, String)> {
        let sandbox = self.sandbox.credentials();
        let secret = |value: &str| match credentials {
            Credentials::Valid => value.to_owned(),
            Credentials::Wrong => format!("wrong-{value}"),
        };
        let base_url = self.sandbox.base_url();
        let mut vars: Vec<(&str, String)> = vec![
            ("TAXDOC_MAX_ATTEMPTS", max_attempts.to_string()),
            ("TAXDOC_ATTEMPT_TIMEOUT_SECS", "10".to_owned()),
        ];
        match self.setup {
            Setup::Glair => vars.extend([
                ("TAXDOC_GLAIR_USERNAME", sandbox.glair.username.clone()),
                ("TAXDOC_GLAIR_PASSWORD", secret(&sandbox.glair.password)),
                ("TAXDOC_GLAIR_API_KEY", secret(&sandbox.glair.api_key)),
                ("TAXDOC_GLAIR_BASE_URL", base_url),
            ]),
            Setup::HuaweiAkSk => vars.extend([
                ("TAXDOC_HUAWEI_REGION", "cn-north-4".to_owned()),
                (
                    "TAXDOC_HUAWEI_PROJECT_ID",
                    sandbox.huawei.project_id.clone(),
                ),
                (
                    "TAXDOC_HUAWEI_ACCESS_KEY",
                    sandbox.huawei.access_key.clone(),
                ),
                (
                    "TAXDOC_HUAWEI_SECRET_KEY",
                    secret(&sandbox.huawei.secret_key),
                ),
                ("TAXDOC_HUAWEI_BASE_URL", base_url),
            ]),
            Setup::HuaweiPassword => vars.extend([
                ("TAXDOC_HUAWEI_REGION", "cn-north-4".to_owned()),
                (
                    "TAXDOC_HUAWEI_PROJECT_ID",
                    sandbox.huawei.project_id.clone(),
                ),
                ("TAXDOC_HUAWEI_USER_NAME", sandbox.huawei.user_name.clone()),
                ("TAXDOC_HUAWEI_PASSWORD", secret(&sandbox.huawei.password)),
                (
                    "TAXDOC_HUAWEI_DOMAIN_NAME",
                    sandbox.huawei.domain_name.clone(),
                ),
                ("TAXDOC_HUAWEI_BASE_URL", base_url.clone()),
                ("TAXDOC_HUAWEI_IAM_BASE_URL", base_url),
            ]),
            Setup::DeepFinch => vars.extend([
                ("TAXDOC_DEEPFINCH_API_ID", sandbox.deepfinch.api_id.clone()),
                (
                    "TAXDOC_DEEPFINCH_API_SECRET",
                    secret(&sandbox.deepfinch.api_secret),
                ),
                ("TAXDOC_DEEPFINCH_BASE_URL", base_url),
            ]),
        }
        vars.into_iter()
            .map(|(name, value)| (name.to_owned(), value))
            .collect()
    }

    /// A reader built from [`Harness::vars`].
    pub(crate) fn reader(
        &self,
        credentials: Credentials,
        max_attempts: u32,
    ) -> Box<DynDocumentReader> {
        let config = TaxdocConfig::from_vars(self.vars(credentials, max_attempts)).unwrap();
        reader_for(self.provider(), &config).unwrap()
    }

    /// Makes the provider's document route (not IAM) misbehave the next `times` times.
    pub(crate) fn inject(&self, fault: Fault, times: u32) {
        self.sandbox
            .inject(FaultRule::new(self.document_route(), fault).times(times));
    }

    /// Makes every request to the provider's document route fail.
    pub(crate) fn break_document_route(&self) {
        self.sandbox.inject(FaultRule::new(
            self.document_route(),
            Fault::ServerError { retry_after: None },
        ));
    }

    fn document_route(&self) -> Target {
        Target::PathPrefix(
            match self.setup {
                Setup::Glair => "/ocr/v1/",
                Setup::HuaweiAkSk | Setup::HuaweiPassword => "/v2/",
                Setup::DeepFinch => "/ocr/value_add_tax_invoice",
            }
            .to_owned(),
        )
    }

    /// A sample image of a document the reader reads.
    pub(crate) fn sample(&self) -> &'static [u8] {
        match self.setup {
            Setup::Glair => NPWP_CARD_PNG,
            _ => CN_VAT_INVOICE_PNG,
        }
    }
}
