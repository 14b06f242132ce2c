//! scope-selector: a WebAssembly widget that lets a reader pick the API actions they need and
//! adapts an API-permission guide to that choice.
//!
//! - [`core`]: the pure core (table, search, selection, scope unions, separators, guide URLs,
//!   step visibility); no browser types, tested natively.
//! - [`api`]: the public JS `Catalog` class; `js_json` reads `JSON.parse` output through serde.
//! - `widget`: mounting on the page's markup (web-sys, gloo events).
//! - `allocator`: the wasm build's small size-class allocator.

#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
mod allocator;
pub mod api;
pub mod core;
mod js_json;
mod widget;

pub use widget::{mount_page, Page};
