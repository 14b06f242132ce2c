#!/usr/bin/env bash
# Installs what building and testing need, skipping whatever is already present (idempotent):
# the toolchain pinned in rust-toolchain.toml (with clippy, rustfmt, the standard library's sources
# and the wasm32 target), wasm-pack, a wasm-bindgen CLI matching Cargo.lock, Chromium with
# ChromeDriver and Firefox ESR with geckodriver (the browser tests run in both), and the npm
# packages (binaryen's wasm-opt, esbuild, playwright-core).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '[bootstrap] %s\n' "$*"; }

# `cargo install` with the crate's own lock file, or, when the registry no longer has a version it
# locks (seen: wasm-bindgen-cli 0.2.130 locks webpki-roots 1.0.11, which the registry lacked),
# with the newest versions its manifest allows.
install_crate() {
  local log
  log=$(mktemp)
  if ! cargo install --locked "$@" 2>&1 | tee "$log"; then
    grep -q 'failed to select a version' "$log" || { rm -f "$log"; return 1; }
    say "a version locked by $1 is missing from the registry; installing with the versions it has"
    cargo install "$@"
  fi
  rm -f "$log"
}

# With no argument, installs the toolchain of rust-toolchain.toml and its components and targets.
rustup toolchain install --no-self-update >/dev/null

if ! command -v wasm-pack >/dev/null; then
  say "installing wasm-pack (a few minutes)"
  install_crate wasm-pack
fi

bindgen_version=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$bindgen_version" ]; then
  say "installing wasm-bindgen-cli $bindgen_version (a few minutes)"
  install_crate wasm-bindgen-cli --version "$bindgen_version" --force
fi

missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromium-driver)
command -v firefox-esr >/dev/null || missing+=(firefox-esr)
# WebKit for the reader's journey: WebKitGTK's WebKitWebDriver and MiniBrowser, under Xvfb; xclip
# reads back what WebKit copied (from the virtual display's clipboard).
command -v WebKitWebDriver >/dev/null || missing+=(webkit2gtk-driver)
command -v Xvfb >/dev/null || missing+=(xvfb)
command -v xclip >/dev/null || missing+=(xclip)
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]}"
  sudo_if_needed=""
  [ "$(id -u)" = 0 ] || sudo_if_needed="sudo"
  $sudo_if_needed apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_if_needed apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if ! command -v geckodriver >/dev/null; then
  say "installing geckodriver (a few minutes)"
  install_crate geckodriver
fi

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "npm ci"
  npm ci --no-audit --no-fund
fi
