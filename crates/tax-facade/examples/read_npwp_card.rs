//! Reads an NPWP card through GLAIR Vision, emulated by the in-process sandbox, and prints the
//! validated document with its findings.
//!
//! ```sh
//! cargo run -p tax-facade --example read_npwp_card -- examples/npwp-card.png
//! ```

use tax_facade::config::{ClientConfig, GlairConfig};
use tax_facade::providers::glair::GlairReader;
use tax_facade::{DocumentInput, DocumentKind, DocumentReader, ReadOptions};
use tax_sandbox::Sandbox;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "examples/npwp-card.png".to_owned());

    // The sandbox stands in for api.vision.glair.ai; with a real account, drop it and the
    // base URL override.
    let sandbox = Sandbox::builder().start().await?;
    let credentials = &sandbox.credentials().glair;
    let config = GlairConfig::new(
        credentials.username.clone(),
        credentials.password.clone(),
        credentials.api_key.clone(),
    )
    .with_client(ClientConfig::default().with_base_url(sandbox.base_url()));

    let reader = GlairReader::new(config)?;
    let options = ReadOptions::default().with_expected_kind(DocumentKind::NpwpCard);
    let outcome = reader
        .read(DocumentInput::from_path(path), &options)
        .await?;

    println!("{}", serde_json::to_string_pretty(&outcome.document)?);
    for finding in &outcome.findings {
        println!("{finding}");
    }
    println!("request id: {:?}", outcome.meta.request_id);
    sandbox.shutdown().await;
    Ok(())
}
