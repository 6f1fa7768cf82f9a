//! Huawei Cloud OCR: Chinese VAT invoices through `recognize_vat_invoice`.
//!
//! [`HuaweiReader`] authenticates with an IAM token, an AK/SK signature, or an IAM user's
//! password (a token is obtained from IAM, cached until five minutes before it expires, and
//! obtained again once when the service refuses it). Files are sent as base64 `image` and
//! URLs as `url`, always with `advanced_mode` so that confidences come back. The response is
//! mapped onto [`CnVatInvoice`](crate::document::CnVatInvoice) and validated.
//!
//! ```no_run
//! use tax_facade::config::{HuaweiAuth, HuaweiConfig, Secret};
//! use tax_facade::providers::huawei::HuaweiReader;
//! use tax_facade::{DocumentInput, DocumentReader, ReadOptions};
//!
//! # async fn run() -> Result<(), tax_facade::Error> {
//! let auth = HuaweiAuth::Token(Secret::new("MII..."));
//! let reader = HuaweiReader::new(HuaweiConfig::new("cn-north-4", "my-project-id", auth))?;
//! let outcome = reader
//!     .read(DocumentInput::from_path("invoice.jpg"), &ReadOptions::default())
//!     .await?;
//! println!("{:?} (request {:?})", outcome.document, outcome.meta.request_id);
//! # Ok(())
//! # }
//! ```

mod auth;
pub mod capabilities;
pub mod errors;
mod map;
mod request;

use std::fmt;
use std::sync::Arc;

use huawei_ocr_client::types::{RecognizeVatInvoiceResponse, VatInvoiceRequest};
use huawei_ocr_client::{Client, OcrError, request_id};
use taxdoc_client_runtime::http::HttpSettings;

use self::auth::Authenticator;
use self::errors::{from_client_error, is_token_refused};
use crate::config::HuaweiConfig;
use crate::document::Document;
use crate::error::{Error, ErrorKind};
use crate::input::DocumentInput;
use crate::provider::ProviderId;
use crate::reader::{Capabilities, DocumentReader, ReadOptions, ReadOutcome, ResponseMeta};
use crate::retry::Retrier;

/// Reads Chinese VAT invoices with Huawei Cloud OCR.
///
/// `Debug` shows the region, project and authentication method, never a token, password or
/// secret key.
pub struct HuaweiReader {
    region: String,
    project_id: String,
    authenticator: Authenticator,
    retrier: Retrier,
    capabilities: Capabilities,
}

impl HuaweiReader {
    /// A reader for `config`. Fails with [`ErrorKind::Config`] when the project id is empty
    /// or the HTTP client cannot be built. Nothing is sent until the first read.
    pub fn new(config: HuaweiConfig) -> Result<Self, Error> {
        let config_error = |message: &str| {
            Error::new(ErrorKind::Config, message).with_provider(ProviderId::HuaweiOcr)
        };
        if config.project_id.trim().is_empty() {
            return Err(config_error("the Huawei project id is empty"));
        }
        if config.region.trim().is_empty() && config.client.base_url.is_none() {
            return Err(config_error(
                "the Huawei region is empty and no base URL is configured",
            ));
        }
        let mut settings = HttpSettings::default();
        if let Some(connect) = config.client.timeouts.connect() {
            settings = settings.with_connect_timeout(connect);
        }
        if let Some(per_attempt) = config.client.timeouts.per_attempt() {
            settings = settings.with_request_timeout(per_attempt);
        }
        let http = settings
            .build_client(env!("CARGO_PKG_NAME"), env!("CARGO_PKG_VERSION"))
            .map_err(|error| {
                config_error("the HTTP client could not be built").with_source(error)
            })?;
        Ok(Self {
            authenticator: Authenticator::new(&config, http),
            retrier: Retrier::new(config.client.retry.clone(), config.client.timeouts),
            capabilities: capabilities::capabilities(),
            region: config.region,
            project_id: config.project_id,
        })
    }

    /// One attempt: the call, with one fresh token when the service refuses a cached one.
    async fn attempt(
        &self,
        body: &VatInvoiceRequest,
    ) -> Result<(RecognizeVatInvoiceResponse, Option<String>), Error> {
        let client = self.authenticator.client().await?;
        match self.recognize(&client, body).await {
            Err(error) if is_token_refused(&error) && self.authenticator.discard(&client).await => {
                let fresh = self.authenticator.client().await?;
                self.recognize(&fresh, body).await
            }
            other => other,
        }
    }

    async fn recognize(
        &self,
        client: &Arc<Client>,
        body: &VatInvoiceRequest,
    ) -> Result<(RecognizeVatInvoiceResponse, Option<String>), Error> {
        match client
            .recognize_vat_invoice(&self.project_id, None, None, body)
            .await
        {
            Ok(response) => {
                let request_id = request_id(&response).map(str::to_owned);
                Ok((response.into_inner(), request_id))
            }
            Err(error) => Err(from_client_error(
                OcrError::from_progenitor(error).await,
                "recognizing the VAT invoice",
            )),
        }
    }
}

#[async_trait::async_trait]
impl DocumentReader for HuaweiReader {
    fn provider(&self) -> ProviderId {
        ProviderId::HuaweiOcr
    }

    fn capabilities(&self) -> &Capabilities {
        &self.capabilities
    }

    async fn read(
        &self,
        input: DocumentInput,
        options: &ReadOptions,
    ) -> Result<ReadOutcome, Error> {
        let prepared = self
            .capabilities
            .admit(ProviderId::HuaweiOcr, input, options.expected_kind)
            .await?;
        let body = request::vat_invoice_request(&prepared)
            .map_err(|error| error.with_provider(ProviderId::HuaweiOcr))?;
        let outcome = self.retrier.run(|_| self.attempt(&body)).await;
        let (response, request_id) = outcome.result?;
        let (invoice, findings) = map::map_vat_invoice(&response.result);
        let mut meta = ResponseMeta::new(ProviderId::HuaweiOcr, outcome.attempts, outcome.elapsed);
        if let Some(request_id) = request_id {
            meta = meta.with_request_id(request_id);
        }
        Ok(ReadOutcome::validated(
            Document::CnVatInvoice(invoice),
            findings,
            options,
            meta,
        ))
    }
}

impl fmt::Debug for HuaweiReader {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HuaweiReader")
            .field("region", &self.region)
            .field("project_id", &self.project_id)
            .field("auth", &self.authenticator)
            .field("retrier", &self.retrier)
            .finish_non_exhaustive()
    }
}
