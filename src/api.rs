//! The public JavaScript API of the built package: `new Catalog(jsonText)`, `catalog.length`,
//! `catalog.search(query)` and `catalog.scopes(indices)`.

use js_sys::Uint32Array;
use scope_selector_core::{Catalog, TableError};
use wasm_bindgen::prelude::*;

/// Reads and validates table JSON with the core's reader, folding case with the JS engine.
pub fn parse_catalog(json: &str) -> Result<Catalog, TableError> {
    Catalog::from_json(json, fold_case)
}

/// Lower-cases with the JS engine, so the wasm carries no Unicode case tables.
#[cfg(target_arch = "wasm32")]
fn fold_case(text: &str) -> String {
    js_sys::JsString::from(text).to_lower_case().into()
}

#[cfg(not(target_arch = "wasm32"))]
fn fold_case(text: &str) -> String {
    text.to_lowercase()
}

/// An action table prepared for search and scope unions.
#[wasm_bindgen(js_name = Catalog)]
pub struct JsCatalog {
    inner: Catalog,
}

#[wasm_bindgen(js_class = Catalog)]
impl JsCatalog {
    /// Reads a JSON array of `{id, label, scopes}`; throws an `Error` naming the problem.
    #[wasm_bindgen(constructor)]
    pub fn new(json: &str) -> Result<JsCatalog, JsError> {
        parse_catalog(json).map(|inner| JsCatalog { inner }).map_err(|error| JsError::new(&error.message()))
    }

    /// Number of actions.
    #[wasm_bindgen(getter)]
    pub fn length(&self) -> u32 {
        self.inner.table.len() as u32
    }

    /// Indices of the actions matching every word of `query`, in table order.
    pub fn search(&mut self, query: &str) -> Uint32Array {
        Uint32Array::from(self.inner.index.search(query))
    }

    /// The union of the given actions' scopes, in table order of first appearance.
    #[wasm_bindgen(unchecked_return_type = "string[]")]
    pub fn scopes(&self, indices: &[u32]) -> Result<js_sys::Array, JsError> {
        let scopes = self.inner.scopes(indices).map_err(|error| JsError::new(&error.message()))?;
        Ok(scopes.iter().map(|scope| JsValue::from_str(scope)).collect())
    }

    /// What was repaired while reading the table (repeated ids, blank scopes).
    #[wasm_bindgen(getter, unchecked_return_type = "string[]")]
    pub fn warnings(&self) -> js_sys::Array {
        self.inner.notices.iter().map(|notice| JsValue::from(notice.message())).collect()
    }
}
