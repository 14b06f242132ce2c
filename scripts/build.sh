#!/usr/bin/env bash
# Release build of the wasm package into www/pkg (wasm-opt -Oz from the npm binaryen package).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
wasm-pack build --release --target web --out-dir www/pkg --out-name scope_selector
