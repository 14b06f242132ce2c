//! The pure core: no browser types, tested natively with `cargo test`.
//!
//! - [`raw`]: the table as read from JSON, keeping the wrong kinds for error messages;
//! - [`catalog`]: a table with its search index;
//! - [`table`]: validation, interned scopes, look-ups and scope unions;
//! - [`search`]: the prepared search index;
//! - [`find`]: substring search (SIMD128 in the wasm build);
//! - [`bitset`]: the chosen actions and scope sets;
//! - [`sort`]: the one sort the core uses;
//! - [`separator`]: how the scope union is joined;
//! - [`guide_url`]: the choice as URL parameters;
//! - [`guide`]: what the guide shows for a choice;
//! - [`text`]: messages without `core::fmt`;
//! - [`window`]: which list rows to render.

pub mod bitset;
pub mod catalog;
pub mod find;
pub mod guide;
pub mod guide_url;
pub mod raw;
pub mod search;
pub mod separator;
pub mod sort;
pub mod table;
pub mod text;
pub mod window;

pub use bitset::BitSet;
pub use catalog::Catalog;
pub use guide::{GuideChoice, GuideScopes};
pub use guide_url::{Decoded, LinkNotice, ParamNames};
pub use raw::{Kind, RawTable};
pub use search::SearchIndex;
pub use separator::Separator;
pub use table::{Action, Loaded, Table, TableError, TableNotice};
