//! `scope-selector`: guide URLs, tables and guide pages for integrators, from scripts and CI.
//! Every rule comes from the core crate, so the CLI accepts, rejects and builds exactly what the
//! widget does. Exit codes: 0 done (or clean), 1 problems found or refused input, 2 usage errors
//! (clap's).

#[cfg(not(target_arch = "wasm32"))]
mod cli;
#[cfg(not(target_arch = "wasm32"))]
mod import;
#[cfg(not(target_arch = "wasm32"))]
mod page;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::run()
}

/// The CLI is a native tool; built for wasm32 (as `wasm-pack test` builds the whole workspace) it
/// does nothing.
#[cfg(target_arch = "wasm32")]
fn main() {}
