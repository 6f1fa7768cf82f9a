//! `taxdoc sandbox`: run the provider emulator in the foreground.

use std::io::{self, Write};

use serde_json::json;
use tax_sandbox::{Credentials, Sandbox};

use crate::cli::SandboxArgs;
use crate::exit::Outcome;

/// Starts the sandbox, prints its base URL and serves until ctrl-c.
pub(crate) fn run(args: &SandboxArgs) -> io::Result<Outcome> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(serve(args))
}

async fn serve(args: &SandboxArgs) -> io::Result<Outcome> {
    let mut builder = Sandbox::builder().port(args.port);
    if let Some(seed) = args.seed {
        builder = builder.seed(seed);
    }
    let handle = builder.start().await.map_err(io::Error::other)?;
    {
        let mut out = io::stdout().lock();
        writeln!(out, "{}", handle.base_url())?;
        if args.print_credentials {
            writeln!(out, "{}", credentials_json(handle.credentials()))?;
        }
        out.flush()?;
    }
    eprintln!(
        "taxdoc sandbox: serving GLAIR Vision, OnlinePajak, Huawei Cloud OCR (with IAM) and \
         DeepFinch on {}; press ctrl-c to stop",
        handle.base_url()
    );
    let stopped = tokio::signal::ctrl_c().await;
    handle.shutdown().await;
    stopped.map(|()| Outcome::AllValid)
}

/// The sandbox's made-up credentials, for configuring clients against it. These are not
/// secrets of any real account; they exist only inside the sandbox process.
fn credentials_json(credentials: &Credentials) -> serde_json::Value {
    json!({
        "glair": {
            "username": credentials.glair.username,
            "password": credentials.glair.password,
            "api_key": credentials.glair.api_key,
        },
        "onlinepajak": {
            "api_key": credentials.onlinepajak.api_key,
            "user_ids": credentials.onlinepajak.user_ids,
        },
        "huawei": {
            "user_name": credentials.huawei.user_name,
            "password": credentials.huawei.password,
            "domain_name": credentials.huawei.domain_name,
            "project_id": credentials.huawei.project_id,
            "project_name": credentials.huawei.project_name,
            "access_key": credentials.huawei.access_key,
            "secret_key": credentials.huawei.secret_key,
        },
        "deepfinch": {
            "api_id": credentials.deepfinch.api_id,
            "api_secret": credentials.deepfinch.api_secret,
        },
    })
}
