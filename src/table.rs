//! Reading a panel's action table with the core, folding case with the JS engine (so the wasm
//! carries no Unicode case tables). The `Catalog` class for scripts lives in the helpers' module
//! (`crates/tools`), which a page showing the widget never loads.

use scope_selector_core::{Catalog, TableError};
use scope_selector_page::fold_case;

/// Reads and validates table JSON with the core's reader.
pub fn parse_catalog(json: &str) -> Result<Catalog, TableError> {
    Catalog::from_json(json, fold_case)
}
