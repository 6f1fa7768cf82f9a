//! `cargo xtask gen`: check every spec, then generate (or, with `--check`, compare).

use std::path::Path;
use std::process::ExitCode;

use anyhow::{Result, bail};

use crate::check::{self, Outcome};
use crate::cli::GenArgs;
use crate::codegen::{self, cargo_toml};
use crate::spec::{check as spec_check, load};
use crate::workspace;

/// Runs `cargo xtask gen` with `args` from the workspace root.
pub(crate) fn gen_all(args: &GenArgs) -> Result<ExitCode> {
    let root = workspace::root()?;
    let known_dependencies = workspace::dependency_names(&root)?;
    let mut paths = load::spec_paths(&root)?;
    if let Some(name) = &args.spec {
        paths.retain(|path| path.file_stem().is_some_and(|stem| stem == name.as_str()));
        if paths.is_empty() {
            bail!("no spec named `{name}` in specs/");
        }
    }
    let mut failed = false;
    let mut stale = false;
    for path in &paths {
        let display = display_path(&root, path);
        if args.verbose {
            eprintln!("spec {display}");
        }
        let loaded = load_checked(path, &display, &known_dependencies);
        let files = match loaded.and_then(|spec| codegen::generate(&spec)) {
            Ok(files) => files,
            Err(error) => {
                eprintln!("error: {error:#}");
                failed = true;
                continue;
            }
        };
        for file in &files {
            if args.check {
                if let Some(diff) = check::stale_diff(&root, file) {
                    eprintln!("stale: {}", file.path);
                    eprint!("{diff}");
                    stale = true;
                } else if args.verbose {
                    eprintln!("  up to date: {}", file.path);
                }
            } else {
                let outcome = check::write(&root, file)?;
                if args.verbose || outcome == Outcome::Written {
                    eprintln!("  {outcome}: {}", file.path);
                }
            }
        }
    }
    if stale {
        eprintln!("generated code is stale: run `cargo xtask gen`");
    } else if !failed {
        let done = if args.check {
            "checked, generated code is fresh"
        } else {
            "checked and generated"
        };
        eprintln!("{} spec(s) {done}", paths.len());
    }
    Ok(if failed || stale {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// Loads a spec and runs the spec check; all problems are reported in one error.
///
/// Dependencies listed in `info.x-taxdoc-client` must be declared in the root manifest's
/// `[workspace.dependencies]`, because the generated manifest inherits them from there.
fn load_checked(
    path: &Path,
    display: &str,
    known_dependencies: &[String],
) -> Result<load::LoadedSpec> {
    let spec = load::load(path, display)?;
    let mut problems = spec_check::check(&spec);
    if let Ok(meta) = cargo_toml::client_meta(&spec.openapi) {
        let listed = meta.dependencies.iter().chain(&meta.dev_dependencies);
        for name in listed.filter(|name| !known_dependencies.contains(name)) {
            problems.push(spec_check::Problem {
                path: format!("info.{}", cargo_toml::EXTENSION),
                message: format!("`{name}` is not in the root [workspace.dependencies]"),
            });
        }
    }
    if !problems.is_empty() {
        let list: Vec<String> = problems
            .iter()
            .map(|p| format!("  {display}: {p}"))
            .collect();
        bail!(
            "{display}: {} problem(s):\n{}",
            problems.len(),
            list.join("\n")
        );
    }
    Ok(spec)
}

fn display_path(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}
