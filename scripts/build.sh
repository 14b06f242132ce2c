#!/usr/bin/env bash
# Release build into www/dist/, the directory a site ships as it is: the engine's wasm
# (scope-selector.wasm), the JS renderer and helpers, minified, and the stylesheet; and the
# spec importer for scripts (import.js and import.wasm), which no reader's page loads.
#
#   bash scripts/build.sh          the shipped build, with the size options below
#   bash scripts/build.sh --plain  a plain stable `wasm-pack build --release` into target/plain/,
#                                  which shows that the code needs none of the size options, and
#                                  what they save (scripts/size.mjs reports it beside)
#
# The size options, each kept for the figure that says it is still needed (docs/performance.md,
# "One engine"): the whole journey of a reader must stay under 64 KiB gzipped, and without them
# the engine alone is about 12 KB larger, which puts the journey over the budget of issue 17's spike.
# - core, alloc and std are rebuilt with the crate, for size (`optimize_for_size`), with panics
#   that abort at once (`-C panic=immediate-abort`), so no panic message, location or formatting
#   code is linked; no source locations (`-Z location-detail=none`) and no `Debug` formatting
#   (`-Z fmt-debug=none`) either.
#   These are unstable options, enabled on the pinned stable compiler (rust-toolchain.toml)
#   through RUSTC_BOOTSTRAP for this one command; if a later compiler renames one, this build
#   fails loudly rather than quietly growing.
# - `-Z share-generics=n`: each crate compiles its own copies of the generic functions it uses, so
#   they are optimised with their callers before link-time optimisation (−3.0 KB gzipped, measured).
# - `-reference-types`: JS values cross the boundary through wasm-bindgen's JS-side table instead
#   of externref (smaller glue and module).
# - (In the code: src/allocator.rs, a size-class allocator instead of dlmalloc: −2.0 KB gzipped.)
# - wasm-opt -Oz with the features every current browser has, told that the low 1 KiB of memory
#   is unused (true of Rust's layout: the stack lies below the data and grows down).
# Strings cross into wasm memory at their exact length through the glue's own `TextEncoder` way
# and the glue points at no default wasm file (scripts/fix-glue.mjs): behaviour fixes, not size options.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

if [ "${1:-}" = "--plain" ]; then
  rm -rf target/plain
  wasm-pack build --release --target web --out-dir target/plain --out-name scope_selector -- --package scope-selector
  exit 0
fi

wasm_features=(--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals
  --enable-simd --enable-reference-types --enable-multivalue)

# The markup names the renderer needs, from the core (crates/core/src/contract.rs).
cargo run -q -p scope-selector-core --example js_contract > www/contract.generated.js
# The English catalogue, the widget's words apart from the panel markup's (scripts/catalogue.mjs).
node scripts/catalogue.mjs

# The engine. The `--config` rustflags are added to those of .cargo/config.toml (SIMD128).
RUSTC_BOOTSTRAP=1 \
CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size \
  wasm-pack build --release --target web --out-dir www/pkg --out-name scope_selector -- --package scope-selector \
  --config 'target.wasm32-unknown-unknown.rustflags = ["-Zunstable-options", "-Cpanic=immediate-abort", "-Zlocation-detail=none", "-Zfmt-debug=none", "-Ctarget-feature=-reference-types", "-Zshare-generics=n"]'
rm -f www/pkg/.gitignore www/pkg/package.json www/pkg/README.md
rm -rf www/dist && mkdir -p www/dist
wasm-opt www/pkg/scope_selector_bg.wasm -Oz "${wasm_features[@]}" --converge --low-memory-unused --strip-producers --strip-target-features -o www/dist/scope-selector.wasm
node scripts/fix-glue.mjs www/pkg/scope_selector.js

# The JS renderer and helpers, minified, the engine's glue bundled into each entry:
# - scope-selector.js: the one-tag embed (auto-mount, the API and the stylesheet link, one file);
# - index.js (the package's "." entry: the API) and auto.js ("./auto", which imports index.js);
# - tools.js ("./tools": the integrators' helpers, on the same wasm, their panel markup on the
#   scripts' module of import.js; bundled, not minified);
# - on demand: copy.js (the copy buttons, on a first click), watch.js (panels added and removed
#   later, once the first widgets are interactive), hydration.js (on React pages), own-words.js
#   (a page's own words for the panel's texts, on pages that give some);
# - loader.js: a classic script that loads scope-selector.js (for platforms without modules).
bundle=(--bundle --external:./copy.js --external:./watch.js --external:./hydration.js --external:./own-words.js --external:./locales/* --minify --format=esm --log-level=warning)
esbuild www/scope-selector.js "${bundle[@]}" --outfile=www/dist/scope-selector.js
esbuild www/index.js "${bundle[@]}" --outfile=www/dist/index.js
esbuild www/auto.js "${bundle[@]}" --external:./index.js --outfile=www/dist/auto.js
# (Not minified: minifying drops the magic comments that keep bundlers off Node's `fs`, which the
# helpers load in Node only; it is for scripts, not a reader's page.)
# (import.js stays its own file: a script using both entries loads the scripts' wasm once.)
esbuild www/tools.js --bundle --external:./locales/* --external:./import.js --format=esm --log-level=warning --outfile=www/dist/tools.js
for part in copy watch hydration own-words; do esbuild "www/$part.js" "${bundle[@]}" --outfile="www/dist/$part.js"; done
# The built-in translations (fetched when a page's language picks one) and every language's words
# of a table's problems (fetched when a table has one), from scripts/catalogue.mjs.
esbuild www/locales/*.js www/locales/problems/*.js --minify --format=esm --log-level=warning --outbase=www/locales --outdir=www/dist/locales
esbuild www/loader.js --minify --log-level=warning --outfile=www/dist/loader.js
esbuild www/scope-selector.css --minify --log-level=warning --outfile=www/dist/scope-selector.css

# The scripts' module ("./import": import.js and import.wasm, the spec importer and the panel
# markup of the helpers' renderPanel), its own wasm module, which
# no reader's page loads (the YAML and OpenAPI readers stay off the reader's journey): so none of
# the engine's size options, a plain `wasm-pack build --release` (the workspace profile:
# opt-level z, LTO). wasm-opt -Oz, not -O3: in scripts speed would count more than size, but -O3
# measured no steady gain (the Figma and Gmail fixtures in Node: medians within the noise of
# repeated runs) and is 2.9 KB larger (185,308 B against 188,215 B). Its glue gets the same
# behaviour fixes; bundled, not minified, for the same reason as tools.js.
wasm-pack --quiet build crates/import-wasm --release --target web --out-dir ../../target/import-pkg --out-name scope_selector_import
wasm-opt target/import-pkg/scope_selector_import_bg.wasm -Oz "${wasm_features[@]}" --strip-producers --strip-target-features -o www/dist/import.wasm
node scripts/fix-glue.mjs target/import-pkg/scope_selector_import.js
esbuild www/import.js --bundle --format=esm --log-level=warning --outfile=www/dist/import.js

# The package's declarations, generated from the JSDoc of the entries (tsconfig.json).
rm -rf target/declarations
tsc -p tsconfig.declarations.json
node scripts/declarations.mjs
