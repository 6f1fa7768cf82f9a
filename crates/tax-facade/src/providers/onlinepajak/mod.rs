//! OnlinePajak: filing e-Faktur invoices through the marketplace invoice API.
//!
//! [`OnlinePajakSubmitter`] implements [`InvoiceSubmitter`]: it validates an
//! [`EFakturInvoice`] with `tax-core`, maps it onto the create request, files it without ever
//! creating a duplicate, and compares the amounts OnlinePajak stored with those `tax-core`
//! computes, reporting each difference as a finding (see [`crate::filing_rules`]).
//!
//! Filing is not idempotent on OnlinePajak's side (the same create sent twice stores two
//! invoices), so every attempt looks the invoice number up first and creates only when nothing
//! is stored under it. When a create's outcome is unknown (a timeout, a reset connection, a
//! truncated body, a 5xx) the invoice is looked up before anything is sent again: found means
//! filed, not found means the create is retried, within the configured number of attempts.
//!
//! | OnlinePajak answer | [`ErrorKind`] | retryable |
//! |---|---|---|
//! | gateway `API_KEY_INVALID` | `Unauthenticated` | no |
//! | gateway `API_KEY_UNAUTHORIZED` | `Forbidden` | no |
//! | 400 application envelope or form errors | `InvalidInput` | no |
//! | 429 | `RateLimited` | yes |
//! | 500, 502 (JSON or HTML), 503 | `ProviderRejected` | yes |
//! | connection failures, resets, timeouts | `Transport`, `Timeout` | yes |
//!
//! ```no_run
//! use tax_facade::config::OnlinePajakConfig;
//! use tax_facade::providers::onlinepajak::OnlinePajakSubmitter;
//! use tax_facade::{InvoiceSubmitter, SubmitOptions};
//! use tax_core::id::efaktur::EFakturInvoice;
//!
//! # async fn run(invoice: EFakturInvoice) -> Result<(), tax_facade::Error> {
//! let submitter = OnlinePajakSubmitter::new(OnlinePajakConfig::new("my-api-key", "user-1"))?;
//! let outcome = submitter.submit(&invoice, &SubmitOptions::default()).await?;
//! println!("filed as {} (already filed: {})", outcome.filed.invoice_id, outcome.already_filed);
//! for finding in outcome.findings.iter() {
//!     println!("{finding}");
//! }
//! # Ok(())
//! # }
//! ```

mod errors;
mod filing;
mod map;
mod reconcile;

use std::fmt;

use onlinepajak_client::{Client, DEFAULT_BASE_URL};
use tax_core::id::efaktur::EFakturInvoice;
use taxdoc_client_runtime::http::HttpSettings;
use taxdoc_client_runtime::secret::Secret;

use crate::config::OnlinePajakConfig;
use crate::error::{Error, ErrorKind};
use crate::provider::ProviderId;
use crate::retry::{RetryConfig, TimeoutConfig};
use crate::submitter::{FiledInvoice, InvoiceSubmitter, SubmitOptions, SubmitOutcome};

/// Files e-Faktur invoices with OnlinePajak, never twice, and reconciles its totals.
///
/// Its `Debug` output shows the user id, server and retry settings, never the API key.
pub struct OnlinePajakSubmitter {
    client: Client,
    api_key: Secret,
    user_id: String,
    base_url: String,
    retry: RetryConfig,
    timeouts: TimeoutConfig,
}

impl OnlinePajakSubmitter {
    /// A submitter for `config`.
    ///
    /// Fails with [`ErrorKind::Config`] when the API key or user id is empty, the base URL is
    /// not an absolute URL, or the HTTP client cannot be built.
    pub fn new(config: OnlinePajakConfig) -> Result<Self, Error> {
        if config.api_key.is_empty() {
            return Err(config_error("the OnlinePajak API key is empty"));
        }
        if config.user_id.trim().is_empty() {
            return Err(config_error("the OnlinePajak user id is empty"));
        }
        let mut settings = HttpSettings::default();
        if let Some(base_url) = &config.client.base_url {
            url::Url::parse(base_url).map_err(|error| {
                config_error(format!("the OnlinePajak base URL is invalid: {error}"))
            })?;
            settings = settings.with_base_url(base_url.clone());
        }
        let timeouts = config.client.timeouts;
        if let Some(connect) = timeouts.connect() {
            settings = settings.with_connect_timeout(connect);
        }
        if let Some(limit) = timeouts.per_attempt().or(timeouts.total()) {
            settings = settings.with_request_timeout(limit);
        }
        let base_url = settings.base_url_or(DEFAULT_BASE_URL).to_owned();
        let client = Client::from_api_key(config.api_key.clone(), &settings)
            .map_err(|_| config_error("the HTTP client for OnlinePajak could not be built"))?;
        Ok(Self {
            client,
            api_key: config.api_key,
            user_id: config.user_id,
            base_url,
            retry: config.client.retry,
            timeouts,
        })
    }
}

fn config_error(message: impl Into<String>) -> Error {
    Error::new(ErrorKind::Config, message)
        .with_provider(ProviderId::OnlinePajak)
        .with_not_sent()
}

impl fmt::Debug for OnlinePajakSubmitter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OnlinePajakSubmitter")
            .field("base_url", &self.base_url)
            .field("user_id", &self.user_id)
            .field("api_key", &self.api_key)
            .field("retry", &self.retry)
            .field("timeouts", &self.timeouts)
            .finish_non_exhaustive()
    }
}

#[async_trait::async_trait]
impl InvoiceSubmitter for OnlinePajakSubmitter {
    fn provider(&self) -> ProviderId {
        ProviderId::OnlinePajak
    }

    async fn submit(
        &self,
        invoice: &EFakturInvoice,
        options: &SubmitOptions,
    ) -> Result<SubmitOutcome, Error> {
        self.file(invoice, options).await
    }

    async fn find(&self, invoice_number: &str) -> Result<Option<FiledInvoice>, Error> {
        self.find_filed(invoice_number).await
    }
}
