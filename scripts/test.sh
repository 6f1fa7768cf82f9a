#!/usr/bin/env bash
# The project's whole test run: spec validation and generated-code freshness, formatting, lints,
# and every test in the workspace. CI runs exactly this (via .ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."

export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
# Property tests: a fixed, moderate case count keeps the run bounded on two cores. Raise it
# locally (PROPTEST_CASES=5000 scripts/test.sh) for a deeper search.
export PROPTEST_CASES="${PROPTEST_CASES:-256}"

step() { printf '\n==> %s\n' "$*"; }

step "specs: validate and check generated clients are fresh (cargo xtask gen --check)"
cargo xtask gen --check

step "corpus: the committed synthetic documents match their generator (cargo xtask corpus --check)"
cargo xtask corpus --check

step "format (cargo fmt --check)"
cargo fmt --all --check

step "lints (cargo clippy --all-targets -D warnings)"
cargo clippy --workspace --all-targets --all-features -- -D warnings

step "docs (cargo doc, warnings denied)"
RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --all-features --quiet

step "tests (cargo test)"
cargo test --workspace --all-features

step "accuracy of the offline reader on the corpus (taxdoc accuracy, at least 98% of fields)"
cargo run --quiet -p taxdoc -- accuracy tests/corpus --min-accuracy 0.98

step "each client crate builds on its own"
for manifest in crates/clients/*/Cargo.toml; do
  package=$(sed -n 's/^name = "\(.*\)"/\1/p' "$manifest" | head -n 1)
  case "$package" in
    *-client) cargo build --quiet -p "$package" ;;
  esac
done

echo
echo "all checks passed"
