//! The conformance suite: every `DocumentReader` behaves the same way against the sandbox.
//!
//! Like object_store's integration checks, the checks in `conformance/checks.rs` are generic
//! over `&DynDocumentReader`; each test below builds one provider's reader from environment
//! variables pointing at a fresh sandbox (through `TaxdocConfig::from_vars` and
//! `providers::reader_for`, as an application would) and runs every check against it.

mod conformance {
    pub(crate) mod checks;
    pub(crate) mod harness;
}

use conformance::checks::run_every_check;
use conformance::harness::Setup;

#[tokio::test]
async fn glair_conforms() {
    run_every_check(Setup::Glair).await;
}

#[tokio::test]
async fn huawei_with_an_access_key_pair_conforms() {
    run_every_check(Setup::HuaweiAkSk).await;
}

#[tokio::test]
async fn huawei_with_an_iam_password_conforms() {
    run_every_check(Setup::HuaweiPassword).await;
}

#[tokio::test]
async fn deepfinch_conforms() {
    run_every_check(Setup::DeepFinch).await;
}
