//! The pure core of scope-selector: everything the widget, the `scope-selector` CLI and the
//! package's JS helpers decide, with no browser types (this crate has no dependency at all, so the
//! compiler keeps it that way). Tested natively with `cargo test`.
//!
//! - [`json`]: the JSON reader every table and setting goes through;
//! - [`table`]: reading and validating a table; interned scopes, look-ups, scope unions;
//! - [`catalog`]: a table with its [`search`] index, which ranks what it finds ([`find`]:
//!   substring search, SIMD128 in wasm);
//! - [`bitset`]: chosen actions and scope sets; [`sort`]: the one sort the core uses;
//! - [`separator`]: how the scope union is joined;
//! - [`guide_url`]: the choice as guide-URL parameters, every rule of guide URLs;
//! - [`contract`]: the `data-guide-*` attributes of the markup, written once;
//! - [`least_privilege`]: the scopes to grant for a choice when actions have alternatives;
//! - [`guide`]: what the guide shows for a choice; [`markup`]: a panel's markup from a table;
//! - [`text`]: text without `core::fmt`; [`window`]: which list rows to render;
//! - [`message`]: every message as a code and its arguments (the words are in `locales/en.json`);
//!   [`language`]: the built-in translations of those words, and the one a page's language picks;
//! - [`view`]: the view model, a panel's state and everything the page shows for it;
//! - the panel's extras: [`presets`], [`key_check`], [`export`], with [`modules`] and display
//!   names ([`scope_names`]); [`highlight`]: a search's words in a row.
//!
//! ```
//! use scope_selector_core::{Catalog, Separator, guide_url::guide_url};
//! let catalog = Catalog::from_json(r#"[
//!     {"id": "jobs_list", "label": "List jobs", "scopes": ["jobsRead"]},
//!     {"id": "offer_create", "label": "Create offer", "scopes": ["offersWrite", "jobsRead"]}
//! ]"#, str::to_lowercase).unwrap();
//! let url = guide_url("https://docs.example.com/ashby", &catalog.table, &["offer_create"], Separator::Comma, "");
//! assert_eq!(url.unwrap(), "https://docs.example.com/ashby?actions=offer_create&separator=comma");
//! ```

#![deny(missing_docs)]
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

pub mod bitset;
pub mod catalog;
pub mod contract;
pub mod export;
pub mod find;
pub mod guide;
pub mod guide_url;
pub mod highlight;
pub mod json;
pub mod key_check;
pub mod language;
pub mod least_privilege;
pub mod markup;
pub mod message;
pub mod modules;
pub mod presets;
pub mod scope_names;
pub mod search;
pub mod separator;
pub mod sort;
pub mod table;
pub mod text;
pub mod view;
pub mod window;

pub use bitset::BitSet;
pub use catalog::Catalog;
pub use separator::Separator;
pub use table::{Table, TableError, TableNotice};
