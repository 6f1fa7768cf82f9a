//! Formatting generated Rust: prettyplease, then the toolchain's `rustfmt --edition 2024`.

use std::io::Write;
use std::process::{Command, Stdio};

use anyhow::{Context, Result, bail};

/// Pretty-prints `file` and pipes it through `rustfmt --edition 2024`.
///
/// rustfmt is not idempotent on prettyplease's `/** ... */` doc blocks (the closing `*/` moves
/// on a second pass), so it runs until the output is stable, as `cargo fmt --check` expects.
pub(crate) fn format_file(file: &syn::File) -> Result<String> {
    let mut text = rustfmt(&prettyplease::unparse(file))?;
    for _ in 0..MAX_PASSES {
        let again = rustfmt(&text)?;
        if again == text {
            return Ok(text);
        }
        text = again;
    }
    bail!("rustfmt output did not stabilise after {MAX_PASSES} passes")
}

/// Extra rustfmt passes allowed before giving up on a fixpoint.
const MAX_PASSES: usize = 4;

/// Formats Rust source text with `rustfmt --edition 2024` read from stdin.
pub(crate) fn rustfmt(source: &str) -> Result<String> {
    // Run from the workspace root so its `rustfmt.toml` applies, as with `cargo fmt`.
    let root = crate::workspace::root()?;
    let mut child = Command::new("rustfmt")
        .current_dir(root)
        .args(["--edition", "2024", "--emit", "stdout", "--quiet"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .context("cannot run `rustfmt` (install it with `rustup component add rustfmt`)")?;
    let mut stdin = child
        .stdin
        .take()
        .context("rustfmt stdin is not available")?;
    let input = source.to_owned();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let output = child.wait_with_output().context("waiting for rustfmt")?;
    writer
        .join()
        .map_err(|_| anyhow::anyhow!("rustfmt input writer failed"))?
        .context("writing to rustfmt")?;
    if !output.status.success() {
        bail!(
            "rustfmt failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    String::from_utf8(output.stdout).context("rustfmt produced invalid UTF-8")
}
