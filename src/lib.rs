//! scope-selector: the WebAssembly widget that lets a reader pick the API actions they need and
//! adapts an API-permission guide to that choice. This crate is the thin wasm boundary over
//! [`scope_selector_core`], which decides everything:
//!
//! - `table`: reading a panel's table with the JS engine's case and diacritic folding;
//! - `widget`: `mount(root, …)` and the `Widget` it returns (web-sys, owned event listeners).
//!
//! Its page helpers, listeners and memory allocator are `scope_selector_page`'s, shared with the
//! panel's extras.

#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

mod table;
mod widget;

pub use widget::{mount, Widget};
