#!/usr/bin/env bash
# Release build into www/dist/, the directory a site ships as it is: the wasm package in dist/pkg/,
# and the JS shell and stylesheet, minified, beside it.
#
#   bash scripts/build.sh          the shipped build, with the size options below
#   bash scripts/build.sh --plain  a plain stable `wasm-pack build --release` into target/plain/,
#                                  which shows that the code needs none of the size options
#
# The size options live here and nowhere else:
# - core, alloc and std are rebuilt with the crate, for size (`optimize_for_size`) and with panics
#   that abort at once (`-C panic=immediate-abort`), so no panic message, location or formatting
#   code is linked; no source locations (`-Z location-detail=none`: js-sys's file paths) and no
#   `Debug` formatting (`-Z fmt-debug=none`) either.
# - `-Z share-generics=n`: each crate compiles its own copies of the generic functions it uses, so
#   they are optimised with their callers before link-time optimisation, instead of reusing the
#   copies an upstream crate (core, alloc, the core crate) already optimised for its own callers,
#   which rustc does by default at opt-level "z" (-2,252 B gzipped, measured).
#   These are unstable cargo and rustc options, enabled on the pinned stable compiler
#   (rust-toolchain.toml) through RUSTC_BOOTSTRAP for this one command; if a later compiler
#   renames one, this build fails loudly rather than quietly growing.
# - `-reference-types`: JS values cross the boundary through wasm-bindgen's JS-side table instead
#   of externref (-700 B gzipped, measured).
# - wasm-opt -Oz with the features every current browser has, told that the low 1 KiB of memory
#   is unused (true of Rust's layout: the stack lies below the data and grows down), then the
#   module's internal import and export names shortened (scripts/minify-names.mjs).
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

# The size options of the two page modules (the widget and the extras), as a cargo `--config`.
size_rustflags='target.wasm32-unknown-unknown.rustflags = ["-Zunstable-options", "-Cpanic=immediate-abort", "-Zlocation-detail=none", "-Zfmt-debug=none", "-Ctarget-feature=-reference-types", "-Zshare-generics=n"]'

# The markup names the JS shell needs, from the core (crates/core/src/contract.rs).
cargo run -q -p scope-selector-core --example js_contract > www/contract.generated.js
# The `--config` rustflags are added to those of .cargo/config.toml (SIMD128), not put in their place.
# `--package`: the workspace's other wasm crates are default members too, and wasm-pack would
# otherwise take whichever module cargo built last.
RUSTC_BOOTSTRAP=1 \
CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size \
  wasm-pack build --release --target web --out-dir www/dist/pkg --out-name scope_selector -- --package scope-selector \
  --config "$size_rustflags"
grep -q 'export function mount' www/dist/pkg/scope_selector.js || { echo "build: www/dist/pkg is not the widget's module" >&2; exit 1; }
wasm=www/dist/pkg/scope_selector_bg.wasm
wasm-opt "$wasm" -Oz "${wasm_features[@]}" --converge --low-memory-unused --strip-producers --strip-target-features -o "$wasm"
# Short names for the module's internal imports and exports, in the wasm and the glue alike.
node scripts/minify-names.mjs "${wasm_features[@]}"
# The glue's two long warnings shortened, strings passed at their exact length.
node scripts/trim-glue.mjs
# The JS shell, minified, with the glue bundled in (one request fewer, and the glue's unused
# exports left out):
# - scope-selector.js: the one-tag embed (auto-mount, the API and the stylesheet link, one file);
# - index.js (the package's "." entry: the API) and auto.js ("./auto", which imports index.js);
# - on demand: copy.js (the copy buttons' code, on a first click), watch.js (panels added and
#   removed later, once the first widgets are interactive), hydration.js (on React pages),
#   extras.js (below);
# - loader.js: a classic script that loads scope-selector.js (for platforms without modules).
bundle=(--bundle --external:./copy.js --external:./watch.js --external:./hydration.js --external:./tools.js --external:./extras.js --minify --format=esm --log-level=warning)
esbuild www/scope-selector.js "${bundle[@]}" --outfile=www/dist/scope-selector.js
esbuild www/index.js "${bundle[@]}" --outfile=www/dist/index.js
esbuild www/auto.js "${bundle[@]}" --external:./index.js --outfile=www/dist/auto.js
for part in copy watch hydration; do esbuild "www/$part.js" "${bundle[@]}" --outfile="www/dist/$part.js"; done
esbuild www/loader.js --minify --log-level=warning --outfile=www/dist/loader.js
cp www/types/*.d.ts www/dist/
# The glue is in the bundles; only the wasm stays in pkg/.
rm www/dist/pkg/scope_selector.js
esbuild www/scope-selector.css --minify --log-level=warning --outfile=www/dist/scope-selector.css

# The helpers for integrators (guide URLs, `Catalog`, `renderPanel` in Node and browsers): their
# own module, which a page showing the widget loads only to describe a table the widget rejected
# or repaired, so none of the size options above and optimised for speed instead (the `tools`
# profile of Cargo.toml: opt-level 3; wasm-opt -O3).
wasm-pack build crates/tools --profile tools --target web --out-dir ../../www/dist/tools --out-name scope_selector_tools
grep -q 'buildGuideUrl' www/dist/tools/scope_selector_tools.js || { echo "build: www/dist/tools is not the helpers' module" >&2; exit 1; }
tools=www/dist/tools/scope_selector_tools_bg.wasm
wasm-opt "$tools" -O3 "${wasm_features[@]}" --strip-producers -o "$tools"
node scripts/trim-glue.mjs --strings www/dist/tools/scope_selector_tools.js
esbuild www/dist/tools/scope_selector_tools.js --minify --format=esm --log-level=warning --outfile=www/dist/tools/scope_selector_tools.js --allow-overwrite
# Not minified: its magic comments keep bundlers away from Node's `fs`, which it loads in Node only.
cp www/tools.js www/dist/tools.js

# The panel's extras (presets, key check, exports, the search's words marked in the rows): their
# own module (and styles), loaded after a widget whose panel asks for one is interactive, else
# on the panel's first search, so a page whose reader does not search never loads it. Built with the
# widget's size options (the same std build is reused); the glue stays next to its wasm, where
# its default wasm location points (extras.js imports it), and is minified in place.
RUSTC_BOOTSTRAP=1 \
CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size \
  wasm-pack build crates/extras --release --target web --out-dir ../../www/dist/extras --out-name scope_selector_extras -- \
  --config "$size_rustflags"
grep -q 'export function attach' www/dist/extras/scope_selector_extras.js || { echo "build: www/dist/extras is not the extras' module" >&2; exit 1; }
extras=www/dist/extras/scope_selector_extras_bg.wasm
wasm-opt "$extras" -Oz "${wasm_features[@]}" --converge --low-memory-unused --strip-producers --strip-target-features -o "$extras"
node scripts/trim-glue.mjs --strings www/dist/extras/scope_selector_extras.js
esbuild www/dist/extras/scope_selector_extras.js --minify --format=esm --log-level=warning --outfile=www/dist/extras/scope_selector_extras.js --allow-overwrite
# extras.js with its styles bundled in as text: www/extras.css minified first, next to a copy of
# extras.js, whose import of ./extras.css then finds the minified file.
rm -rf target/extras-js && mkdir -p target/extras-js
cp www/extras.js target/extras-js/
esbuild www/extras.css --minify --log-level=warning --outfile=target/extras-js/extras.css
esbuild target/extras-js/extras.js --bundle --loader:.css=text --external:./extras/scope_selector_extras.js --minify \
  --format=esm --log-level=warning --outfile=www/dist/extras.js

# wasm-pack's extras are not part of the package (its `.gitignore` of `*` would even keep the wasm
# out of `npm pack`): the modules, their glue and the declarations of www/types/ ship.
for out in www/dist/pkg www/dist/tools www/dist/extras; do
  rm -f "$out"/.gitignore "$out"/package.json "$out"/README.md "$out"/LICENSE* "$out"/*.d.ts
done
