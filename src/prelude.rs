//! What the standard prelude would bring: the wasm build is `no_std` (see `lib.rs`), natively
//! these names are the same items std re-exports.

pub use alloc::borrow::ToOwned;
pub use alloc::string::String;
pub use alloc::vec;
pub use alloc::vec::Vec;
