//! State shared by every request handler.

use std::sync::Arc;

use crate::auth::huawei::TokenStore;
use crate::credentials::Credentials;
use crate::faults::{FaultPlan, FaultRule};
use crate::fixtures::{Fixture, FixtureSet};
use crate::request_ids::RequestIds;
use crate::samples::Samples;
use crate::store::InvoiceStore;

/// Everything a handler may read or change.
#[derive(Debug)]
pub(crate) struct AppState {
    pub(crate) credentials: Credentials,
    pub(crate) samples: Samples,
    pub(crate) fixtures: FixtureSet,
    pub(crate) faults: FaultPlan,
    pub(crate) store: Arc<InvoiceStore>,
    pub(crate) tokens: TokenStore,
    pub(crate) ids: RequestIds,
}

/// The state as handlers receive it.
pub(crate) type SharedState = Arc<AppState>;

impl AppState {
    pub(crate) fn new(
        credentials: Credentials,
        samples: Samples,
        seed: u64,
        fixtures: Vec<Fixture>,
        faults: Vec<FaultRule>,
    ) -> Self {
        Self {
            credentials,
            samples,
            fixtures: FixtureSet::new(fixtures),
            faults: FaultPlan::new(seed, faults),
            store: Arc::new(InvoiceStore::default()),
            tokens: TokenStore::default(),
            ids: RequestIds::new(seed),
        }
    }
}
