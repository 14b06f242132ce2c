#!/usr/bin/env bash
# The whole test suite: lints and JSDoc types, the native tests of every crate, the engine's
# boundary in Chromium and Firefox, the release build with the reader's download measured in a
# browser against its ceiling, the helpers and the spec importer in Node, the npm package and a
# Docusaurus site, the end-to-end tests of the page in Chromium (accessibility, API, embedding,
# long lists, marks, search, snapshots, Trusted Types, alternatives), and the reader's journey
# (journey, keyboard, extras, guide URLs, two widgets, bad input) in Chromium, Firefox and WebKit.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

step() { printf '\n== %s\n' "$*"; }

step "clippy (native and wasm32)"
cargo clippy --all-targets --quiet -- -D warnings
cargo clippy -p scope-selector --lib --target wasm32-unknown-unknown --quiet -- -D warnings
cargo clippy -p scope-selector-import-wasm --lib --target wasm32-unknown-unknown --quiet -- -D warnings
step "rustfmt"
cargo fmt --check
step "cargo test (every crate)"
cargo test --quiet
step "the table's JSON Schema against the fixtures and the core (through the CLI cargo test built)"
node --test tests/schema.test.mjs
step "wasm-pack test --headless --chrome (the engine's boundary)"
wasm-pack test --headless --chrome
step "wasm-pack test --headless --firefox (the engine's boundary)"
wasm-pack test --headless --firefox
step "release build, and the plain stable build beside it"
bash scripts/build.sh
bash scripts/build.sh --plain
step "the renderer's JSDoc types (tsc --checkJs)"
tsc -p tsconfig.json
step "what a reader downloads, measured in Chromium (gzip)"
node scripts/size.mjs --check
step "the JS helpers for integrators, and the renderer's language rules, in Node"
node --test tests/tools.test.mjs tests/languages.test.mjs
step "the spec importer for scripts, in Node (the same tables and messages as the CLI)"
node --test tests/import.test.mjs
step "the npm package: packed, installed into a fresh Vite app (build and dev server), tsc"
node --test tests/package.test.mjs
step "a Docusaurus 3 site with the package (client module and site script)"
npm ci --prefix tests/docusaurus --no-audit --no-fund --loglevel=error
node --test tests/docusaurus.test.mjs
step "end-to-end: the page, the API and embedding (Chromium, Playwright)"
node --test --test-concurrency=1 tests/e2e/
step "the reader's journey in three engines: Chromium, Firefox and WebKit (WebDriver)"
node --test --test-concurrency=1 tests/engines/
