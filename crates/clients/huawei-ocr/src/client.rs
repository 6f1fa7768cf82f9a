//! Constructors, endpoints and request ids.

use progenitor_client::ResponseValue;
use taxdoc_client_runtime::http::HttpSettings;
use taxdoc_client_runtime::request_id::{HUAWEI_REQUEST_ID, HasResponseHeaders};

use crate::Client;
use crate::auth::{Auth, Credentials};

/// The region used by the specification's default server.
pub const DEFAULT_REGION: &str = "cn-north-4";

/// The OCR endpoint of a region, e.g. `https://ocr.cn-north-4.myhuaweicloud.com`.
pub fn ocr_endpoint(region: &str) -> String {
    format!("https://ocr.{region}.myhuaweicloud.com")
}

/// The IAM endpoint of a region, e.g. `https://iam.cn-north-4.myhuaweicloud.com`.
pub fn iam_endpoint(region: &str) -> String {
    format!("https://iam.{region}.myhuaweicloud.com")
}

impl Client {
    /// An OCR client for `region` (or `settings.base_url`) authenticating with `credentials`.
    pub fn from_credentials(
        credentials: Credentials,
        region: &str,
        settings: &HttpSettings,
    ) -> Result<Self, reqwest::Error> {
        Self::from_auth(Auth::new(credentials), &ocr_endpoint(region), settings)
    }

    /// An IAM client for `region` (or `settings.base_url`), without credentials, for
    /// [`Client::obtain_token`].
    pub fn iam(region: &str, settings: &HttpSettings) -> Result<Self, reqwest::Error> {
        Self::from_auth(
            Auth::new(Credentials::Anonymous),
            &iam_endpoint(region),
            settings,
        )
    }

    /// A client with full control over authentication (project id header, clock), sending to
    /// `settings.base_url` or else `default_base_url`.
    pub fn from_auth(
        auth: Auth,
        default_base_url: &str,
        settings: &HttpSettings,
    ) -> Result<Self, reqwest::Error> {
        let http = settings.build_client(env!("CARGO_PKG_NAME"), env!("CARGO_PKG_VERSION"))?;
        Ok(Self::new_with_client(
            settings.base_url_or(default_base_url),
            http,
            auth,
        ))
    }
}

/// The `X-Request-Id` of a successful response.
pub fn request_id<T>(response: &ResponseValue<T>) -> Option<&str> {
    response.request_id(HUAWEI_REQUEST_ID)
}
