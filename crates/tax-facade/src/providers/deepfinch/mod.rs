//! DeepFinch: Chinese VAT invoices (增值税发票) through `POST /ocr/value_add_tax_invoice`.
//!
//! [`DeepFinchReader`] uploads the image as the multipart `file` part, or passes a URL in the
//! `url` field for DeepFinch to download (within five seconds). Inputs are checked against
//! [`capabilities::capabilities`] first, so a refused file costs no request. Calls are retried
//! under the configured [`RetryConfig`] where the error allows it; DeepFinch's body `status`
//! decides (see [`errors`]). The request id always comes from the body's `request_id`.

pub mod capabilities;
pub mod errors;
pub mod map;

use std::fmt;
use std::time::Duration;

use async_trait::async_trait;
use deepfinch_client::Client;
use deepfinch_client::types::{VatInvoiceForm, VatInvoiceResponse};
use taxdoc_client_runtime::error::{ApiError, redact_url};
use taxdoc_client_runtime::http::{DEFAULT_REQUEST_TIMEOUT, HttpSettings};

use crate::config::{DeepFinchConfig, Secret};
use crate::document::Document;
use crate::error::{Error, ErrorKind};
use crate::input::{DocumentInput, PreparedInput};
use crate::provider::ProviderId;
use crate::reader::{Capabilities, DocumentReader, ReadOptions, ReadOutcome, ResponseMeta};
use crate::retry::{Retrier, RetryConfig, TimeoutConfig};

/// Reads Chinese VAT invoices with DeepFinch.
///
/// ```
/// use tax_facade::config::DeepFinchConfig;
/// use tax_facade::providers::deepfinch::DeepFinchReader;
/// use tax_facade::{DocumentKind, DocumentReader};
///
/// let reader = DeepFinchReader::new(DeepFinchConfig::new("api-id", "api-secret")).unwrap();
/// assert!(reader.capabilities().supports(DocumentKind::CnVatInvoice));
/// assert!(!format!("{reader:?}").contains("api-secret"));
/// ```
pub struct DeepFinchReader {
    client: Client,
    api_id: String,
    api_secret: Secret,
    capabilities: Capabilities,
    retry: RetryConfig,
    timeouts: TimeoutConfig,
}

impl DeepFinchReader {
    /// A reader for `config`: its credentials, base URL (default
    /// [`deepfinch_client::DEFAULT_BASE_URL`]), retries and timeouts.
    ///
    /// Fails with [`ErrorKind::Config`] when the base URL is not an `http` or `https` URL or
    /// the HTTP client cannot be built.
    pub fn new(config: DeepFinchConfig) -> Result<Self, Error> {
        let DeepFinchConfig {
            api_id,
            api_secret,
            client,
            ..
        } = config;
        if let Some(base_url) = &client.base_url {
            check_base_url(base_url)?;
        }
        let settings = http_settings(client.base_url.as_deref(), &client.timeouts);
        let http = Client::from_credentials(api_id.clone(), api_secret.clone(), &settings)
            .map_err(|err| {
                Error::new(
                    ErrorKind::Config,
                    format!("the DeepFinch HTTP client could not be built: {err}"),
                )
                .with_provider(ProviderId::DeepFinch)
            })?;
        Ok(Self {
            client: http,
            api_id,
            api_secret,
            capabilities: capabilities::capabilities(),
            retry: client.retry,
            timeouts: client.timeouts,
        })
    }

    /// The server the reader calls, without user info or secret query parameters.
    fn client_base_url(&self) -> String {
        use progenitor_client::ClientInfo;
        match url::Url::parse(self.client.baseurl()) {
            Ok(url) => redact_url(&url).to_string(),
            Err(_) => "<not a URL>".to_owned(),
        }
    }

    /// Sends one request and turns every failure into an [`Error`].
    async fn recognize(&self, form: &VatInvoiceForm) -> Result<VatInvoiceResponse, Error> {
        match self.client.recognize_vat_invoice(form).await {
            Ok(response) => {
                let body = response.into_inner();
                if body.status == errors::STATUS_OK {
                    Ok(body)
                } else {
                    Err(errors::error_in_success_body(
                        &body.status,
                        body.extra.get("reason").and_then(|r| r.as_str()),
                        body.request_id.as_deref(),
                    ))
                }
            }
            Err(error) => {
                let error = ApiError::from_progenitor(error).await;
                Err(errors::from_api_error(error, &[self.api_secret.expose()]))
            }
        }
    }
}

/// Refuses a base URL that requests could not be sent to, naming it without credentials.
fn check_base_url(base_url: &str) -> Result<(), Error> {
    let problem = match url::Url::parse(base_url) {
        Ok(url) if matches!(url.scheme(), "http" | "https") => return Ok(()),
        Ok(url) => format!(
            "the DeepFinch base URL {} is not an http or https URL",
            redact_url(&url)
        ),
        Err(err) => format!("the DeepFinch base URL is not a URL: {err}"),
    };
    Err(Error::new(ErrorKind::Config, problem).with_provider(ProviderId::DeepFinch))
}

/// Transport settings from the shared client configuration. The per-attempt limit is also
/// enforced by the retrier; the HTTP client's own limit is the per-attempt limit, else the
/// total, else the runtime's default.
fn http_settings(base_url: Option<&str>, timeouts: &TimeoutConfig) -> HttpSettings {
    let mut settings = HttpSettings::default();
    if let Some(base_url) = base_url {
        settings = settings.with_base_url(base_url);
    }
    if let Some(connect) = timeouts.connect() {
        settings = settings.with_connect_timeout(connect);
    }
    let request: Duration = timeouts
        .per_attempt()
        .or(timeouts.total())
        .unwrap_or(DEFAULT_REQUEST_TIMEOUT);
    settings.with_request_timeout(request)
}

/// The form for a checked input; URLs other than `http` and `https` are refused, since
/// DeepFinch downloads nothing else.
fn form_for(prepared: PreparedInput) -> Result<VatInvoiceForm, Error> {
    match prepared {
        PreparedInput::Upload(upload) => Ok(VatInvoiceForm::file(
            upload.bytes().clone(),
            upload.file_name(),
            upload.format().mime_type(),
        )),
        PreparedInput::Url(url) if matches!(url.scheme(), "http" | "https") => {
            Ok(VatInvoiceForm::url(url.as_str()))
        }
        PreparedInput::Url(url) => Err(Error::new(
            ErrorKind::InvalidInput,
            format!(
                "DeepFinch downloads only http and https URLs, not {} URLs",
                url.scheme()
            ),
        )),
    }
}

#[async_trait]
impl DocumentReader for DeepFinchReader {
    fn provider(&self) -> ProviderId {
        ProviderId::DeepFinch
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
            .admit(ProviderId::DeepFinch, input, options.expected_kind)
            .await?;
        let form =
            form_for(prepared).map_err(|error| error.with_provider(ProviderId::DeepFinch))?;
        let outcome = Retrier::new(self.retry.clone(), self.timeouts)
            .run(|_| self.recognize(&form))
            .await;
        let response = outcome.result.map_err(errors::with_provider)?;
        let Some(result) = &response.result else {
            let error = Error::new(
                ErrorKind::UnexpectedResponse,
                "DeepFinch answered OK without a result",
            )
            .with_provider(ProviderId::DeepFinch);
            return Err(match response.request_id {
                Some(request_id) => error.with_request_id(request_id),
                None => error,
            });
        };
        let (invoice, findings) = map::map_result(result);
        let mut meta = ResponseMeta::new(ProviderId::DeepFinch, outcome.attempts, outcome.elapsed);
        if let Some(request_id) = &response.request_id {
            meta = meta.with_request_id(request_id.clone());
        }
        Ok(ReadOutcome::validated(
            Document::CnVatInvoice(invoice),
            findings,
            options,
            meta,
        ))
    }
}

impl fmt::Debug for DeepFinchReader {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DeepFinchReader")
            .field("base_url", &self.client_base_url())
            .field("api_id", &self.api_id)
            .field("api_secret", &self.api_secret)
            .field("capabilities", &self.capabilities)
            .field("retry", &self.retry)
            .field("timeouts", &self.timeouts)
            .finish()
    }
}
