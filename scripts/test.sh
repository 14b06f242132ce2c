#!/usr/bin/env bash
# The whole test suite: lints, native core tests, wasm tests in headless Chromium, the release
# build with its size budget, and the end-to-end journeys in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

step() { printf '\n== %s\n' "$*"; }

step "clippy (native and wasm32)"
cargo clippy --all-targets --quiet -- -D warnings
cargo clippy -p scope-selector --lib --target wasm32-unknown-unknown --quiet -- -D warnings
step "rustfmt"
cargo fmt --check
step "cargo test (every crate)"
cargo test --quiet
step "wasm-pack test --headless --chrome"
wasm-pack test --headless --chrome
step "release build"
bash scripts/build.sh
step "shipped size (gzip)"
node scripts/size.mjs --check
step "end-to-end (Chromium)"
node --test --test-concurrency=1 tests/e2e/
