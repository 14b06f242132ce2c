#!/usr/bin/env bash
# Release build of the wasm package into www/pkg (wasm-opt -Oz from the npm binaryen package).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
wasm-pack build --release --target web --out-dir www/pkg --out-name scope_selector
# Short names for the module's internal imports and exports, in the wasm and the glue alike.
node scripts/minify-names.mjs
# The generated glue ships unminified (comments, long names); minify it in place.
esbuild www/pkg/scope_selector.js --minify --format=esm --log-level=warning --outfile=www/pkg/scope_selector.js --allow-overwrite
