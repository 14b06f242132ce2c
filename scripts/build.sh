#!/usr/bin/env bash
# Release build into www/dist/, the directory a site ships as it is: the wasm package (wasm-opt -Oz
# from the npm binaryen package) in dist/pkg/, and the JS shell and stylesheet, minified, beside it.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# core and alloc are rebuilt for this build instead of taken precompiled: built for size, and with
# panics that abort at once (so no panic message, location or formatting code is linked). These are
# unstable cargo and rustc options, enabled on the stable compiler through RUSTC_BOOTSTRAP for this
# one command only; checked with rustc 1.95. Tests, clippy and the browser tests build as usual.
# The `--config` rustflags are added to those of .cargo/config.toml (SIMD128), not put in their place.
RUSTC_BOOTSTRAP=1 \
CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size \
  wasm-pack build --release --target web --out-dir www/dist/pkg --out-name scope_selector -- \
  --config 'target.wasm32-unknown-unknown.rustflags = ["-Zunstable-options", "-Cpanic=immediate-abort"]'
# Short names for the module's internal imports and exports, in the wasm and the glue alike.
node scripts/minify-names.mjs
# The generated glue, the shell and the stylesheet are written for reading; ship them minified.
esbuild www/dist/pkg/scope_selector.js --minify --format=esm --log-level=warning --outfile=www/dist/pkg/scope_selector.js --allow-overwrite
esbuild www/scope-selector.js --minify --format=esm --log-level=warning --outfile=www/dist/scope-selector.js
esbuild www/scope-selector.css --minify --log-level=warning --outfile=www/dist/scope-selector.css
