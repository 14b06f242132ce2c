//! scope-selector: the WebAssembly widget that lets a reader pick the API actions they need and
//! adapts an API-permission guide to that choice. This crate is the thin wasm boundary over
//! [`scope_selector_core`], which decides everything:
//!
//! - `table`: reading a panel's table with the JS engine's case folding;
//! - `widget`: `mount(root, …)` and the `Widget` it returns (web-sys, owned event listeners);
//! - `allocator`: the wasm build's small size-class allocator.

#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
mod allocator;
mod table;
mod widget;

pub use widget::{mount, Widget};
