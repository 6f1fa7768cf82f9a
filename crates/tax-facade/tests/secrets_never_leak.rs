//! Planted secrets never appear in anything the SDK prints: `Debug` of configurations,
//! readers, submitters and outcomes, and `Display`/`Debug` of errors (with their sources)
//! from wrong credentials and from every injected fault.

use tax_core::id::efaktur::EFakturInvoice;
use tax_facade::config::{
    ClientConfig, DeepFinchConfig, GlairConfig, HuaweiAuth, HuaweiConfig, OnlinePajakConfig,
    Secret, TaxdocConfig,
};
use tax_facade::providers::{reader_for, submitter_for};
use tax_facade::retry::RetryConfig;
use tax_facade::{DocumentInput, Error, ProviderId, ReadOptions, SubmitOptions};
use tax_sandbox::{Credentials, Fault, FaultRule, Sandbox, SandboxHandle, Target};

const GLAIR_PASSWORD: &str = "canary-glair-password-5d1e";
const GLAIR_API_KEY: &str = "canary-glair-api-key-0b7c";
const HUAWEI_SECRET_KEY: &str = "canary-huawei-secret-key-93f4";
const HUAWEI_PASSWORD: &str = "canary-huawei-password-6a2d";
const DEEPFINCH_SECRET: &str = "canary-deepfinch-secret-1c88";
const ONLINEPAJAK_KEY: &str = "canary-onlinepajak-key-4e09";
const WRONG: &str = "canary-wrong-secret-77b3";
const ALL: [&str; 7] = [
    GLAIR_PASSWORD,
    GLAIR_API_KEY,
    HUAWEI_SECRET_KEY,
    HUAWEI_PASSWORD,
    DEEPFINCH_SECRET,
    ONLINEPAJAK_KEY,
    WRONG,
];

const NPWP_CARD_PNG: &[u8] = include_bytes!("../../../examples/npwp-card.png");
const CN_VAT_INVOICE_PNG: &[u8] = include_bytes!("../../../examples/cn-vat-invoice.png");
const INVOICE_JSON: &str = include_str!("../../../examples/invoice.json");

fn assert_clean(what: &str, shown: &str) {
    for secret in ALL {
        assert!(!shown.contains(secret), "{what} shows {secret}: {shown}");
    }
}

fn assert_error_clean(what: &str, err: &Error) {
    let mut shown = format!("{err} {err:?} {err:#?}");
    let mut source = std::error::Error::source(err);
    while let Some(cause) = source {
        shown.push_str(&format!(" {cause} {cause:?}"));
        source = cause.source();
    }
    assert_clean(what, &shown);
}

async fn sandbox_with_canaries() -> SandboxHandle {
    let mut credentials = Credentials::default();
    credentials.glair.password = GLAIR_PASSWORD.to_owned();
    credentials.glair.api_key = GLAIR_API_KEY.to_owned();
    credentials.huawei.secret_key = HUAWEI_SECRET_KEY.to_owned();
    credentials.huawei.password = HUAWEI_PASSWORD.to_owned();
    credentials.deepfinch.api_secret = DEEPFINCH_SECRET.to_owned();
    credentials.onlinepajak.api_key = ONLINEPAJAK_KEY.to_owned();
    Sandbox::builder()
        .credentials(credentials)
        .start()
        .await
        .unwrap()
}

/// Every provider at the sandbox; `secret` replaces each secret when given.
fn config(sandbox: &SandboxHandle, secret: Option<&str>, huawei_password: bool) -> TaxdocConfig {
    let credentials = sandbox.credentials();
    let pick = |planted: &str| secret.unwrap_or(planted).to_owned();
    let client = ClientConfig::default()
        .with_base_url(sandbox.base_url())
        .with_retry(RetryConfig::disabled());
    let huawei = &credentials.huawei;
    let auth = if huawei_password {
        HuaweiAuth::Password {
            user_name: huawei.user_name.clone(),
            password: Secret::new(pick(HUAWEI_PASSWORD)),
            domain_name: huawei.domain_name.clone(),
        }
    } else {
        HuaweiAuth::AkSk {
            access_key: huawei.access_key.clone(),
            secret_key: Secret::new(pick(HUAWEI_SECRET_KEY)),
        }
    };
    let mut config = TaxdocConfig::default();
    config.glair = Some(
        GlairConfig::new(
            &credentials.glair.username,
            pick(GLAIR_PASSWORD),
            pick(GLAIR_API_KEY),
        )
        .with_client(client.clone()),
    );
    config.huawei = Some(
        HuaweiConfig::new("cn-north-4", &huawei.project_id, auth)
            .with_iam_base_url(sandbox.base_url())
            .with_client(client.clone()),
    );
    config.deepfinch = Some(
        DeepFinchConfig::new(&credentials.deepfinch.api_id, pick(DEEPFINCH_SECRET))
            .with_client(client.clone()),
    );
    config.onlinepajak = Some(
        OnlinePajakConfig::new(pick(ONLINEPAJAK_KEY), &credentials.onlinepajak.user_ids[0])
            .with_client(client),
    );
    config
}

const READERS: [ProviderId; 3] = [
    ProviderId::Glair,
    ProviderId::HuaweiOcr,
    ProviderId::DeepFinch,
];

fn sample_for(provider: ProviderId) -> DocumentInput {
    let bytes = if provider == ProviderId::Glair {
        NPWP_CARD_PNG
    } else {
        CN_VAT_INVOICE_PNG
    };
    DocumentInput::from_bytes("sample.png", bytes)
}

#[tokio::test]
async fn reads_and_their_failures_never_show_a_secret() {
    let sandbox = sandbox_with_canaries().await;
    for huawei_password in [false, true] {
        let good = config(&sandbox, None, huawei_password);
        let bad = config(&sandbox, Some(WRONG), huawei_password);
        assert_clean("config Debug", &format!("{good:?} {good:#?} {bad:?}"));
        for provider in READERS {
            let reader = reader_for(provider, &good).unwrap();
            let kind = reader.capabilities().document_kinds[0];
            let options = ReadOptions::default().with_expected_kind(kind);
            assert_clean("reader Debug", &format!("{reader:?} {reader:#?}"));
            let outcome = reader
                .read(sample_for(provider), &options)
                .await
                .unwrap_or_else(|err| panic!("{provider}: {err}"));
            let json = serde_json::to_string(&outcome).unwrap();
            assert_clean("outcome", &format!("{outcome:?} {json}"));

            let refused = reader_for(provider, &bad).unwrap();
            let err = refused
                .read(sample_for(provider), &options)
                .await
                .map(|outcome| outcome.document)
                .unwrap_err();
            assert_error_clean("wrong credentials", &err);

            for fault in faults() {
                sandbox.inject(FaultRule::new(Target::Any, fault.clone()).times(1));
                let result = reader.read(sample_for(provider), &options).await;
                sandbox.clear_faults();
                match result {
                    Ok(outcome) => assert_clean("outcome", &format!("{outcome:?}")),
                    Err(err) => assert_error_clean(&format!("{provider} {fault:?}"), &err),
                }
            }
        }
    }
    sandbox.shutdown().await;
}

#[tokio::test]
async fn filings_and_their_failures_never_show_a_secret() {
    let sandbox = sandbox_with_canaries().await;
    let invoice: EFakturInvoice = serde_json::from_str(INVOICE_JSON).unwrap();
    let submitter = submitter_for(&config(&sandbox, None, false)).unwrap();
    assert_clean("submitter Debug", &format!("{submitter:?} {submitter:#?}"));
    let outcome = submitter
        .submit(&invoice, &SubmitOptions::default())
        .await
        .unwrap();
    assert_clean("submit outcome", &format!("{outcome:?}"));

    let refused = submitter_for(&config(&sandbox, Some(WRONG), false)).unwrap();
    let err = refused
        .submit(&invoice, &SubmitOptions::default())
        .await
        .map(|outcome| outcome.filed)
        .unwrap_err();
    assert_error_clean("wrong OnlinePajak key", &err);

    for fault in faults() {
        sandbox.inject(FaultRule::new(Target::Any, fault.clone()).times(1));
        let found = submitter.find("my-invoice-1234").await;
        sandbox.clear_faults();
        match found {
            Ok(filed) => assert_clean("lookup", &format!("{filed:?}")),
            Err(err) => assert_error_clean(&format!("onlinepajak {fault:?}"), &err),
        }
    }
    sandbox.shutdown().await;
}

fn faults() -> Vec<Fault> {
    vec![
        Fault::RateLimited { retry_after: None },
        Fault::ServerError { retry_after: None },
        Fault::ServiceUnavailable { retry_after: None },
        Fault::BadGatewayHtml,
        Fault::MalformedJson,
        Fault::TruncatedBody,
        Fault::ConnectionReset,
    ]
}
