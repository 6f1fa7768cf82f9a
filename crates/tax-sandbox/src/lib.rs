//! A loopback emulator of every taxdoc provider: GLAIR Vision, OnlinePajak, Huawei Cloud OCR
//! (with its IAM token route) and DeepFinch, served together on one `127.0.0.1` port.
//!
//! The sandbox checks credentials the way each provider does, answers OCR calls for digital
//! documents (a PDF with a text layer, or an image with a QR code) with the values the offline
//! reader of `tax-facade` finds in them, shaped as each provider's response, answers other
//! uploads (scans, photos) with the documented samples of the OpenAPI specifications in
//! `specs/` (or with registered [`Fixture`]s, which take precedence over both), keeps
//! OnlinePajak invoices in memory (duplicates included, like the real API) and injects faults
//! on demand: latency, rate limits, server errors, an HTML 502 page, malformed JSON, truncated
//! bodies, connection resets and slow bodies.
//!
//! # Starting it in a test
//!
//! ```
//! use serde_json::Value;
//! use tax_sandbox::{Fault, FaultRule, Provider, Sandbox, Target};
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let sandbox = Sandbox::builder().seed(7).start().await?;
//! let deepfinch = &sandbox.credentials().deepfinch;
//! let call = || {
//!     reqwest::Client::new()
//!         .post(format!("{}/ocr/value_add_tax_invoice", sandbox.base_url()))
//!         .header("X-DF-API-ID", &deepfinch.api_id)
//!         .header("X-DF-API-SECRET", &deepfinch.api_secret)
//!         .multipart(reqwest::multipart::Form::new().text("url", "https://example.com/a.jpg"))
//!         .send()
//! };
//!
//! // The documented sample comes back by default.
//! let body: Value = call().await?.json().await?;
//! assert_eq!(body["status"], "OK");
//!
//! // The next DeepFinch call is throttled in DeepFinch's own shape (403, not 429).
//! sandbox.inject(
//!     FaultRule::new(Target::Provider(Provider::DeepFinch), Fault::RateLimited { retry_after: None })
//!         .times(1),
//! );
//! assert_eq!(call().await?.status(), 403);
//! assert_eq!(call().await?.status(), 200);
//!
//! sandbox.shutdown().await;
//! # Ok(())
//! # }
//! ```

mod auth;
mod builder;
mod credentials;
mod fault_middleware;
mod faults;
mod fixtures;
mod handle;
mod local_reading;
mod providers;
mod request_ids;
mod samples;
mod server;
mod state;
mod store;

use std::fmt;

pub use builder::{DEFAULT_SEED, SandboxBuilder};
pub use credentials::{
    Credentials, DeepFinchCredentials, GlairCredentials, HuaweiCredentials, OnlinePajakCredentials,
};
pub use faults::{Fault, FaultRule, Target};
pub use fixtures::{Fixture, FixtureKey};
pub use handle::SandboxHandle;
pub use samples::SampleError;
pub use store::{InvoiceLedger, StoredInvoice};

/// Entry point of the sandbox: [`Sandbox::builder`] configures and starts one.
#[derive(Debug, Clone, Copy)]
pub struct Sandbox;

impl Sandbox {
    /// A builder with the default credentials (see [`Credentials`]), seed [`DEFAULT_SEED`], no
    /// fixtures, no faults and a random port.
    pub fn builder() -> SandboxBuilder {
        SandboxBuilder::default()
    }
}

/// One of the emulated providers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Provider {
    /// GLAIR Vision OCR (`/ocr/v1/...`).
    Glair,
    /// OnlinePajak marketplace invoices (`/marketplace/v1/...`).
    OnlinePajak,
    /// Huawei Cloud OCR (`/v2/{project_id}/ocr/...`) and its IAM token route (`/v3/auth/tokens`).
    Huawei,
    /// DeepFinch VAT invoice OCR (`/ocr/value_add_tax_invoice`).
    DeepFinch,
}

impl Provider {
    /// The provider whose routes contain `path`, if any.
    pub fn from_path(path: &str) -> Option<Self> {
        if path.starts_with("/ocr/value_add_tax_invoice") {
            Some(Self::DeepFinch)
        } else if path.starts_with("/ocr/v1/") {
            Some(Self::Glair)
        } else if path.starts_with("/marketplace/") {
            Some(Self::OnlinePajak)
        } else if path.starts_with("/v3/auth/") || path.starts_with("/v2/") {
            Some(Self::Huawei)
        } else {
            None
        }
    }
}

impl fmt::Display for Provider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Glair => "GLAIR Vision",
            Self::OnlinePajak => "OnlinePajak",
            Self::Huawei => "Huawei Cloud OCR",
            Self::DeepFinch => "DeepFinch",
        })
    }
}

/// Why the sandbox could not start or run.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SandboxError {
    /// A documented sample could not be loaded from the embedded specifications.
    #[error(transparent)]
    Samples(#[from] SampleError),
    /// The loopback port could not be bound.
    #[error("cannot bind 127.0.0.1:{port}: {source}")]
    Bind {
        /// The requested port (0 for a random one).
        port: u16,
        /// The underlying error.
        source: std::io::Error,
    },
    /// Waiting for ctrl-c failed.
    #[error("cannot wait for ctrl-c: {0}")]
    Signal(std::io::Error),
}

/// Runs a sandbox configured by `builder` on `127.0.0.1:port` (0 for a random port) until
/// ctrl-c, then shuts it down.
pub async fn serve(builder: SandboxBuilder, port: u16) -> Result<(), SandboxError> {
    let handle = builder.port(port).start().await?;
    let waited = tokio::signal::ctrl_c().await;
    handle.shutdown().await;
    waited.map_err(SandboxError::Signal)
}
