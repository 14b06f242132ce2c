//! scope-selector: a WebAssembly widget that lets a reader pick the API actions they need and
//! adapts an API-permission guide to that choice.
//!
//! - [`core`]: the pure core (table, search, selection, scope unions, separators, guide URLs,
//!   step visibility); no browser types, tested natively.
//! - [`api`]: the public JS `Catalog` class; `js_json` reads `JSON.parse` output through serde.
//! - `widget`: mounting on the page's markup (web-sys, owned event listeners).
//! - `allocator`: the wasm build's small size-class allocator.
//! - `prelude`: `String` and `Vec` for the `no_std` wasm build.

#![cfg_attr(target_arch = "wasm32", no_std)]
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

extern crate alloc;

#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
mod allocator;
pub mod api;
pub mod core;
mod js_json;
mod prelude;
mod widget;

pub use widget::{mount_page, Page};

/// The wasm build links no standard library (smaller: none of std's panic hook, payloads and
/// thread-local machinery), so it brings its own panic handler: trap at once. Shipped code denies
/// `unwrap`/`expect`/`panic!`, so only a broken invariant can get here. Builds that link std (the
/// browser tests, feature `std`) use std's handler instead.
#[cfg(all(target_arch = "wasm32", not(feature = "std")))]
#[panic_handler]
fn panic(_: &::core::panic::PanicInfo<'_>) -> ! {
    ::core::arch::wasm32::unreachable()
}
