//! scope-selector: the WebAssembly widget that lets a reader pick the API actions they need and
//! adapts an API-permission guide to that choice. This crate is the thin wasm boundary over
//! [`scope_selector_core`], which decides everything:
//!
//! - `widget`: `mount(root, …)` and the `Widget` it returns (web-sys, owned event listeners); it
//!   reads a panel's table with the core and indexes it with the JS engine's case and diacritic
//!   folding (`scope_selector_page::fold_case`, so the wasm carries no Unicode case tables).
//!
//! Its page helpers, listeners and memory allocator are `scope_selector_page`'s, shared with the
//! panel's extras.

#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

mod widget;

pub use widget::{mount, Widget};
