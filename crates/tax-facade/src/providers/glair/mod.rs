//! GLAIR Vision: NPWP cards (`POST /ocr/v1/npwp`) and commercial invoices
//! (`POST /ocr/v1/invoice`).
//!
//! [`GlairReader`] picks the operation from [`ReadOptions::expected_kind`], checks the file
//! against [`capabilities::capabilities`] before anything is uploaded, calls the generated
//! client with retries ([`errors`] classifies failures), maps the answer onto the normalized
//! document (adding the findings listed in [`rules`]) and validates it.
//!
//! ```no_run
//! use tax_facade::config::GlairConfig;
//! use tax_facade::providers::glair::GlairReader;
//! use tax_facade::{DocumentInput, DocumentKind, DocumentReader, ReadOptions};
//!
//! # async fn run() -> Result<(), tax_facade::Error> {
//! let reader = GlairReader::new(GlairConfig::new("user", "password", "api-key"))?;
//! let options = ReadOptions::default().with_expected_kind(DocumentKind::NpwpCard);
//! let outcome = reader.read(DocumentInput::from_path("npwp.jpg"), &options).await?;
//! println!("{:?} (request {:?})", outcome.document, outcome.meta.request_id);
//! # Ok(())
//! # }
//! ```

pub mod capabilities;
pub mod errors;
mod map;

pub use map::rules;

use std::fmt;

use async_trait::async_trait;
use glair_vision_client::Client;
use glair_vision_client::auth::Credentials;
use glair_vision_client::types::{InvoiceResponse, NpwpResponse, OcrImageForm};
use tax_core::ValidationReport;
use taxdoc_client_runtime::http::{DEFAULT_REQUEST_TIMEOUT, HttpSettings};
use taxdoc_client_runtime::secret::Secret;

use crate::config::GlairConfig;
use crate::document::{Document, DocumentKind};
use crate::error::{Error, ErrorKind};
use crate::input::{DocumentInput, PreparedInput, Upload};
use crate::provider::ProviderId;
use crate::reader::{Capabilities, DocumentReader, ReadOptions, ReadOutcome, ResponseMeta};
use crate::retry::{Retrier, RetryConfig, TimeoutConfig};

/// Reads NPWP cards and commercial invoices through GLAIR Vision.
///
/// Cheap to share: hold it in an `Arc` or clone it. Its `Debug` output shows the server and
/// the user name, never the password or the API key.
#[derive(Clone)]
pub struct GlairReader {
    client: Client,
    base_url: String,
    username: String,
    password: Secret,
    api_key: Secret,
    capabilities: Capabilities,
    retry: RetryConfig,
    timeouts: TimeoutConfig,
}

impl GlairReader {
    /// A reader for `config`.
    ///
    /// Fails with [`ErrorKind::Config`] when the base URL is not an absolute `http(s)` URL or the HTTP
    /// client cannot be built. The per-attempt timeout (or else the total one) also bounds
    /// each HTTP request.
    pub fn new(config: GlairConfig) -> Result<Self, Error> {
        let GlairConfig {
            username,
            password,
            api_key,
            client,
            ..
        } = config;
        let mut settings = HttpSettings::default().with_request_timeout(
            client
                .timeouts
                .per_attempt()
                .or(client.timeouts.total())
                .unwrap_or(DEFAULT_REQUEST_TIMEOUT),
        );
        if let Some(connect) = client.timeouts.connect() {
            settings = settings.with_connect_timeout(connect);
        }
        if let Some(base_url) = &client.base_url {
            check_base_url(base_url)?;
            settings = settings.with_base_url(base_url.clone());
        }
        let credentials = Credentials::new(username.clone(), password.clone(), api_key.clone());
        let http = Client::from_credentials(&credentials, &settings).map_err(|err| {
            Error::new(
                ErrorKind::Config,
                "the HTTP client for GLAIR Vision could not be built",
            )
            .with_provider(ProviderId::Glair)
            .with_source(err)
        })?;
        Ok(Self {
            base_url: settings
                .base_url_or(glair_vision_client::DEFAULT_BASE_URL)
                .to_owned(),
            client: http,
            username,
            password,
            api_key,
            capabilities: capabilities::capabilities(),
            retry: client.retry,
            timeouts: client.timeouts,
        })
    }

    /// The server requests are sent to.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// Uploads `upload` to `operation` with retries, then maps and validates the answer.
    async fn read_upload(
        &self,
        operation: Operation,
        upload: Upload,
        options: &ReadOptions,
    ) -> Result<ReadOutcome, Error> {
        let form = OcrImageForm::file(
            upload.bytes().clone(),
            upload.file_name(),
            upload.format().mime_type(),
        );
        let form = &form;
        let outcome = Retrier::new(self.retry.clone(), self.timeouts)
            .run(|_attempt| self.call(operation, form))
            .await;
        let answer = outcome.result.map_err(with_provider)?;
        let mut findings = ValidationReport::new();
        let document =
            answer
                .body
                .into_document(&mut findings)
                .map_err(|err| match &answer.request_id {
                    Some(request_id) => err.with_request_id(request_id.clone()),
                    None => err,
                })?;
        let mut meta = ResponseMeta::new(ProviderId::Glair, outcome.attempts, outcome.elapsed);
        if let Some(request_id) = answer.request_id {
            meta = meta.with_request_id(request_id);
        }
        Ok(ReadOutcome::validated(document, findings, options, meta))
    }

    /// One attempt: sends the form and decodes a `200` answer.
    async fn call(&self, operation: Operation, form: &OcrImageForm) -> Result<Answer, Error> {
        let result = match operation {
            Operation::Npwp => self.client.read_npwp(form).await.map(|response| Answer {
                request_id: glair_vision_client::request_id(&response).map(str::to_owned),
                body: Body::Npwp(Box::new(response.into_inner())),
            }),
            Operation::Invoice => self.client.read_invoice(form).await.map(|response| Answer {
                request_id: glair_vision_client::request_id(&response).map(str::to_owned),
                body: Body::Invoice(Box::new(response.into_inner())),
            }),
        };
        match result {
            Ok(answer) => Ok(answer),
            Err(err) => {
                let secrets = [self.password.expose(), self.api_key.expose()];
                Err(errors::from_client_error(err, &secrets).await)
            }
        }
    }
}

impl fmt::Debug for GlairReader {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("GlairReader")
            .field("base_url", &self.base_url)
            .field("username", &self.username)
            .field("password", &self.password)
            .field("api_key", &self.api_key)
            .field("retry", &self.retry)
            .field("timeouts", &self.timeouts)
            .finish_non_exhaustive()
    }
}

#[async_trait]
impl DocumentReader for GlairReader {
    fn provider(&self) -> ProviderId {
        ProviderId::Glair
    }

    fn capabilities(&self) -> &Capabilities {
        &self.capabilities
    }

    /// Reads an NPWP card or a commercial invoice, as [`ReadOptions::expected_kind`] says.
    ///
    /// Without an expected kind, or with a kind GLAIR does not read, nothing is sent and the
    /// read fails with [`ErrorKind::InvalidInput`] or [`ErrorKind::Unsupported`]. URLs are
    /// refused with [`ErrorKind::Unsupported`]: GLAIR only takes uploads.
    async fn read(
        &self,
        input: DocumentInput,
        options: &ReadOptions,
    ) -> Result<ReadOutcome, Error> {
        let operation = Operation::for_kind(options.expected_kind)?;
        let upload = match self
            .capabilities
            .admit(ProviderId::Glair, input, options.expected_kind)
            .await?
        {
            PreparedInput::Upload(upload) => upload,
            _ => {
                return Err(Error::new(
                    ErrorKind::Unsupported,
                    "GLAIR Vision only reads uploaded files",
                )
                .with_provider(ProviderId::Glair));
            }
        };
        self.read_upload(operation, upload, options).await
    }
}

/// The GLAIR operation that reads a document kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Operation {
    /// `POST /ocr/v1/npwp`.
    Npwp,
    /// `POST /ocr/v1/invoice`.
    Invoice,
}

impl Operation {
    fn for_kind(kind: Option<DocumentKind>) -> Result<Self, Error> {
        match kind {
            Some(DocumentKind::NpwpCard) => Ok(Self::Npwp),
            Some(DocumentKind::CommercialInvoice) => Ok(Self::Invoice),
            Some(other) => Err(Error::new(
                ErrorKind::Unsupported,
                format!("GLAIR Vision cannot read a {other}"),
            )
            .with_provider(ProviderId::Glair)),
            None => Err(Error::new(
                ErrorKind::InvalidInput,
                "GLAIR Vision has one operation per document kind; set the expected kind to \
                 npwp_card or commercial_invoice",
            )
            .with_provider(ProviderId::Glair)),
        }
    }
}

/// A decoded `200` answer and its `Request-Id`.
#[derive(Debug)]
struct Answer {
    request_id: Option<String>,
    body: Body,
}

/// The decoded body of either operation (boxed: the invoice reading is large).
#[derive(Debug)]
enum Body {
    Npwp(Box<NpwpResponse>),
    Invoice(Box<InvoiceResponse>),
}

impl Body {
    /// Checks the answer's `status` and maps its reading.
    fn into_document(self, findings: &mut ValidationReport) -> Result<Document, Error> {
        let (status, reason, has_read) = match &self {
            Self::Npwp(response) => (&response.status, &response.reason, response.read.is_some()),
            Self::Invoice(response) => {
                (&response.status, &response.reason, response.read.is_some())
            }
        };
        map::check_read_status(status, reason.as_deref(), has_read, findings)?;
        match self {
            Self::Npwp(response) => {
                let card = response
                    .read
                    .as_ref()
                    .map(|read| map::npwp_card(read, findings))
                    .unwrap_or_default();
                Ok(Document::NpwpCard(card))
            }
            Self::Invoice(response) => {
                let invoice = response
                    .read
                    .as_ref()
                    .map(|read| map::commercial_invoice(read, findings))
                    .unwrap_or_default();
                Ok(Document::CommercialInvoice(invoice))
            }
        }
    }
}

/// Accepts an absolute `http` or `https` URL. The URL itself is not quoted in the error: it
/// may carry user info.
fn check_base_url(base_url: &str) -> Result<(), Error> {
    let problem = match url::Url::parse(base_url) {
        Ok(url) if matches!(url.scheme(), "http" | "https") => return Ok(()),
        Ok(url) => format!("its scheme is {:?}, not http or https", url.scheme()),
        Err(err) => err.to_string(),
    };
    Err(Error::new(
        ErrorKind::Config,
        format!("the GLAIR Vision base URL is not usable: {problem}"),
    )
    .with_provider(ProviderId::Glair))
}

/// Names GLAIR as the provider of errors raised around the call (timeouts of the retrier).
fn with_provider(error: Error) -> Error {
    if error.provider().is_some() {
        error
    } else {
        error.with_provider(ProviderId::Glair)
    }
}
