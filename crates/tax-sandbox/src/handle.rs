//! The running sandbox, as seen by tests and the CLI.

use std::fmt;
use std::net::SocketAddr;
use std::sync::Arc;

use tokio::sync::watch;
use tokio::task::JoinHandle;

use crate::credentials::Credentials;
use crate::faults::FaultRule;
use crate::fixtures::Fixture;
use crate::state::AppState;
use crate::store::InvoiceLedger;

/// A running sandbox. Dropping it stops the server (without waiting); [`shutdown`](Self::shutdown)
/// stops it and waits for the accept loop to end.
pub struct SandboxHandle {
    addr: SocketAddr,
    state: Arc<AppState>,
    shutdown: watch::Sender<bool>,
    task: Option<JoinHandle<()>>,
}

impl SandboxHandle {
    pub(crate) fn new(
        addr: SocketAddr,
        state: Arc<AppState>,
        shutdown: watch::Sender<bool>,
        task: JoinHandle<()>,
    ) -> Self {
        Self {
            addr,
            state,
            shutdown,
            task: Some(task),
        }
    }

    /// `http://127.0.0.1:{port}`, without a trailing slash; every provider is served under it.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The bound socket address.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The credentials the sandbox accepts.
    pub fn credentials(&self) -> &Credentials {
        &self.state.credentials
    }

    /// Adds a fault rule at run time, after the rules already present.
    pub fn inject(&self, rule: FaultRule) {
        self.state.faults.push(rule);
    }

    /// Removes every fault rule.
    pub fn clear_faults(&self) {
        self.state.faults.clear();
    }

    /// Registers a response body for a given upload at run time.
    pub fn add_fixture(&self, fixture: Fixture) {
        self.state.fixtures.add(fixture);
    }

    /// A live view of the OnlinePajak invoices created so far.
    pub fn invoices(&self) -> InvoiceLedger {
        InvoiceLedger::new(Arc::clone(&self.state.store))
    }

    /// Stops accepting connections, closes open ones and waits for the server task to end.
    pub async fn shutdown(mut self) {
        self.shutdown.send_replace(true);
        if let Some(task) = self.task.take() {
            // A panicked or cancelled server task has stopped as well.
            let _ = task.await;
        }
    }
}

impl Drop for SandboxHandle {
    fn drop(&mut self) {
        self.shutdown.send_replace(true);
    }
}

impl fmt::Debug for SandboxHandle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SandboxHandle")
            .field("addr", &self.addr)
            .field("credentials", &self.state.credentials)
            .finish_non_exhaustive()
    }
}
