//! Constructors, request ids, typed errors and reading conveniences.

use progenitor_client::ResponseValue;
use taxdoc_client_runtime::error::{ApiError, ErrorEnvelope};
use taxdoc_client_runtime::http::HttpSettings;
use taxdoc_client_runtime::multipart::FilePart;
use taxdoc_client_runtime::request_id::{GLAIR_REQUEST_ID, HasResponseHeaders};

use crate::Client;
use crate::auth::{Auth, Credentials};
use crate::types::{GlairError, NpwpField, NpwpRead, OcrImageForm};

/// The production base URL (the specification's server).
pub const DEFAULT_BASE_URL: &str = "https://api.vision.glair.ai";

/// An error of a GLAIR operation, with the `{status, reason}` / `{message}` envelope when the
/// body matched it.
pub type OcrError = ApiError<GlairError>;

impl ErrorEnvelope for GlairError {
    const REQUEST_ID_HEADER: Option<&'static str> = Some(GLAIR_REQUEST_ID);

    fn code(&self) -> Option<String> {
        self.status.clone()
    }

    fn message(&self) -> Option<String> {
        self.reason.clone().or_else(|| self.message.clone())
    }
}

impl Client {
    /// A client for `settings.base_url` (default [`DEFAULT_BASE_URL`]) sending `credentials`
    /// with every request.
    pub fn from_credentials(
        credentials: &Credentials,
        settings: &HttpSettings,
    ) -> Result<Self, reqwest::Error> {
        let http = settings.build_client(env!("CARGO_PKG_NAME"), env!("CARGO_PKG_VERSION"))?;
        Ok(Self::new_with_client(
            settings.base_url_or(DEFAULT_BASE_URL),
            http,
            Auth::new(credentials),
        ))
    }
}

/// The `Request-Id` of a successful response.
pub fn request_id<T>(response: &ResponseValue<T>) -> Option<&str> {
    response.request_id(GLAIR_REQUEST_ID)
}

impl OcrImageForm {
    /// The form for one document: its bytes, file name and MIME type (e.g. `image/jpeg`).
    pub fn file(
        bytes: impl Into<bytes::Bytes>,
        file_name: impl Into<String>,
        content_type: impl Into<String>,
    ) -> Self {
        Self {
            image: FilePart::new(bytes, file_name, content_type),
        }
    }
}

impl NpwpRead {
    /// The NPWP number field under either key the service uses: `noNpwp` (documented) or
    /// `no_npwp` (newer engines). The generated field reads both; when a body carries both
    /// keys, `noNpwp` wins and `no_npwp` is kept in `extra`, which this falls back to.
    pub fn npwp_number(&self) -> Option<NpwpField> {
        self.no_npwp.clone().or_else(|| {
            self.extra
                .get("no_npwp")
                .and_then(|value| serde_json::from_value(value.clone()).ok())
        })
    }
}
