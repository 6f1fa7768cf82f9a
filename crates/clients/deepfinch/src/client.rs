//! Constructors, the typed error and form conveniences.

use taxdoc_client_runtime::error::{ApiError, ErrorEnvelope};
use taxdoc_client_runtime::http::HttpSettings;
use taxdoc_client_runtime::multipart::FilePart;
use taxdoc_client_runtime::secret::Secret;

use crate::Client;
use crate::auth::Auth;
use crate::types::{DeepfinchError, VatInvoiceForm};

/// The production base URL (the specification's server).
pub const DEFAULT_BASE_URL: &str = "https://cloudapi.deepfinch.com";

/// The error `status` DeepFinch uses for throttling, sent with HTTP 403 (not 429).
pub const RATE_LIMIT_EXCEEDED: &str = "RATE_LIMIT_EXCEEDED";

/// An error of the DeepFinch operation, with the `{status, reason, request_id}` envelope when
/// the body matched it; its request id comes from the body.
pub type OcrError = ApiError<DeepfinchError>;

impl ErrorEnvelope for DeepfinchError {
    fn code(&self) -> Option<String> {
        self.status.clone()
    }

    fn message(&self) -> Option<String> {
        self.reason.clone()
    }

    fn body_request_id(&self) -> Option<String> {
        self.request_id.clone()
    }

    fn is_throttled(&self) -> bool {
        self.is_rate_limited()
    }
}

impl DeepfinchError {
    /// Whether the call was throttled (`RATE_LIMIT_EXCEEDED`, sent as HTTP 403).
    pub fn is_rate_limited(&self) -> bool {
        self.status.as_deref() == Some(RATE_LIMIT_EXCEEDED)
    }
}

impl Client {
    /// A client for `settings.base_url` (default [`DEFAULT_BASE_URL`]) sending the API id
    /// and secret with every request.
    pub fn from_credentials(
        api_id: impl Into<String>,
        api_secret: impl Into<Secret>,
        settings: &HttpSettings,
    ) -> Result<Self, reqwest::Error> {
        let http = settings.build_client(env!("CARGO_PKG_NAME"), env!("CARGO_PKG_VERSION"))?;
        Ok(Self::new_with_client(
            settings.base_url_or(DEFAULT_BASE_URL),
            http,
            Auth::new(api_id, api_secret),
        ))
    }
}

impl VatInvoiceForm {
    /// A form uploading the invoice image: its bytes, file name and MIME type.
    pub fn file(
        bytes: impl Into<bytes::Bytes>,
        file_name: impl Into<String>,
        content_type: impl Into<String>,
    ) -> Self {
        Self {
            file: Some(FilePart::new(bytes, file_name, content_type)),
            url: None,
        }
    }

    /// A form naming the invoice image by URL (the service downloads it within 5 seconds).
    pub fn url(url: impl Into<String>) -> Self {
        Self {
            file: None,
            url: Some(url.into()),
        }
    }
}
