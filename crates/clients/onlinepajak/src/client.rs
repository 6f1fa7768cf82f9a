//! Constructors and the typed error.

use taxdoc_client_runtime::error::{ApiError, ErrorEnvelope};
use taxdoc_client_runtime::http::HttpSettings;
use taxdoc_client_runtime::secret::Secret;

use crate::Client;
use crate::auth::Auth;
use crate::types::{self, OnlinePajakError};

/// The production base URL (the specification's first server).
pub const DEFAULT_BASE_URL: &str = "https://api.online-pajak.com";
/// The staging base URL. It is plain HTTP: the API key travels unencrypted.
pub const STAGING_BASE_URL: &str = "http://api.staging-achilles.systems";

/// An error of an OnlinePajak operation, with the gateway, application or form-error body
/// when it matched.
pub type InvoiceError = ApiError<OnlinePajakError>;

impl ErrorEnvelope for OnlinePajakError {
    fn code(&self) -> Option<String> {
        match self {
            Self::ErrorEnvelope(envelope) => envelope_code(envelope),
            Self::FormErrors(errors) => errors
                .iter()
                .find_map(|error| error.code.as_ref().map(ToString::to_string)),
        }
    }

    fn message(&self) -> Option<String> {
        match self {
            Self::ErrorEnvelope(envelope) => envelope
                .error
                .as_ref()
                .and_then(|gateway| gateway.message.clone())
                .or_else(|| envelope.message.clone())
                .or_else(|| envelope.errors.iter().find_map(|e| e.message.clone())),
            Self::FormErrors(errors) => {
                let messages: Vec<&str> = errors
                    .iter()
                    .filter_map(|error| error.message.as_deref())
                    .collect();
                (!messages.is_empty()).then(|| messages.join("; "))
            }
        }
    }
}

fn envelope_code(envelope: &types::ErrorEnvelope) -> Option<String> {
    envelope
        .error
        .as_ref()
        .and_then(|gateway| gateway.code.clone())
        .or_else(|| envelope.code.as_ref().map(ToString::to_string))
        .or_else(|| {
            envelope
                .errors
                .iter()
                .find_map(|error| error.code.as_ref().map(ToString::to_string))
        })
}

impl Client {
    /// A client for `settings.base_url` (default [`DEFAULT_BASE_URL`]) sending `api_key` with
    /// every request.
    pub fn from_api_key(
        api_key: impl Into<Secret>,
        settings: &HttpSettings,
    ) -> Result<Self, reqwest::Error> {
        let http = settings.build_client(env!("CARGO_PKG_NAME"), env!("CARGO_PKG_VERSION"))?;
        Ok(Self::new_with_client(
            settings.base_url_or(DEFAULT_BASE_URL),
            http,
            Auth::new(api_key),
        ))
    }
}
