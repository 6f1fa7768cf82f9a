//! Configuration of a sandbox before it starts.

use std::net::{Ipv4Addr, SocketAddr};
use std::sync::Arc;

use tokio::net::TcpListener;

use crate::credentials::{
    Credentials, DeepFinchCredentials, GlairCredentials, HuaweiCredentials, OnlinePajakCredentials,
};
use crate::faults::FaultRule;
use crate::fixtures::Fixture;
use crate::handle::SandboxHandle;
use crate::samples::Samples;
use crate::state::AppState;
use crate::{SandboxError, server};

/// Seed of the fault RNG when none is given.
pub const DEFAULT_SEED: u64 = 0x5EED_7A4D_0C00_0001;

/// Configures a sandbox: credentials, RNG seed, fixtures, initial faults and port.
///
/// Created by [`Sandbox::builder`](crate::Sandbox::builder).
#[derive(Debug, Clone)]
pub struct SandboxBuilder {
    credentials: Credentials,
    seed: u64,
    fixtures: Vec<Fixture>,
    faults: Vec<FaultRule>,
    port: u16,
}

impl Default for SandboxBuilder {
    fn default() -> Self {
        Self {
            credentials: Credentials::default(),
            seed: DEFAULT_SEED,
            fixtures: Vec::new(),
            faults: Vec::new(),
            port: 0,
        }
    }
}

impl SandboxBuilder {
    /// Replaces every provider's credentials.
    pub fn credentials(mut self, credentials: Credentials) -> Self {
        self.credentials = credentials;
        self
    }

    /// Replaces the GLAIR Vision credentials.
    pub fn glair_credentials(mut self, credentials: GlairCredentials) -> Self {
        self.credentials.glair = credentials;
        self
    }

    /// Replaces the OnlinePajak credentials.
    pub fn onlinepajak_credentials(mut self, credentials: OnlinePajakCredentials) -> Self {
        self.credentials.onlinepajak = credentials;
        self
    }

    /// Replaces the Huawei Cloud credentials.
    pub fn huawei_credentials(mut self, credentials: HuaweiCredentials) -> Self {
        self.credentials.huawei = credentials;
        self
    }

    /// Replaces the DeepFinch credentials.
    pub fn deepfinch_credentials(mut self, credentials: DeepFinchCredentials) -> Self {
        self.credentials.deepfinch = credentials;
        self
    }

    /// Seeds the RNG behind probabilistic faults and generated identifiers, so runs repeat.
    pub fn seed(mut self, seed: u64) -> Self {
        self.seed = seed;
        self
    }

    /// Registers a response body for a given upload.
    pub fn fixture(mut self, fixture: Fixture) -> Self {
        self.fixtures.push(fixture);
        self
    }

    /// Adds a fault rule that is active from the start.
    pub fn fault(mut self, rule: FaultRule) -> Self {
        self.faults.push(rule);
        self
    }

    /// Binds this port on 127.0.0.1 instead of a random one (0 means random).
    pub fn port(mut self, port: u16) -> Self {
        self.port = port;
        self
    }

    /// Loads the documented samples, binds 127.0.0.1 and starts serving in the background.
    pub async fn start(self) -> Result<SandboxHandle, SandboxError> {
        let samples = Samples::load()?;
        let requested = SocketAddr::from((Ipv4Addr::LOCALHOST, self.port));
        let bind_error = |source| SandboxError::Bind {
            port: self.port,
            source,
        };
        let listener = TcpListener::bind(requested).await.map_err(bind_error)?;
        let addr = listener.local_addr().map_err(bind_error)?;
        let state = Arc::new(AppState::new(
            self.credentials,
            samples,
            self.seed,
            self.fixtures,
            self.faults,
        ));
        let (shutdown, task) = server::spawn(listener, Arc::clone(&state));
        Ok(SandboxHandle::new(addr, state, shutdown, task))
    }
}
