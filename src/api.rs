//! The public JavaScript API of the built package: `new Catalog(jsonText)`, `catalog.length`,
//! `catalog.search(query)` and `catalog.scopes(indices)`.

use crate::core::{self, RawTable, TableError};
use crate::js_json::{JsJson, NotJson};
use crate::prelude::*;
use js_sys::Uint32Array;
use serde::Deserialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Parses and validates table JSON with the browser's own parser.
pub fn parse_catalog(json: &str) -> Result<core::Catalog, TableError> {
    let value = js_sys::JSON::parse(json).map_err(|error| TableError::Syntax(error_message(&error)))?;
    let raw = RawTable::deserialize(JsJson(value)).map_err(|_: NotJson| TableError::Syntax(NotJson::MESSAGE.into()))?;
    core::Catalog::from_raw(raw, fold_case)
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

/// The message of a thrown JS value.
pub fn error_message(error: &JsValue) -> String {
    match error.dyn_ref::<js_sys::Error>() {
        Some(error) => error.message().into(),
        None => error.as_string().unwrap_or_else(|| "unknown error".into()),
    }
}

/// An action table prepared for search and scope unions.
#[wasm_bindgen(js_name = Catalog)]
pub struct JsCatalog {
    inner: core::Catalog,
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
        let scopes = self.inner.scopes(indices).map_err(|message| JsError::new(&message))?;
        Ok(scopes.iter().map(|scope| JsValue::from_str(scope)).collect())
    }

    /// What was repaired while reading the table (repeated ids, blank scopes).
    #[wasm_bindgen(getter, unchecked_return_type = "string[]")]
    pub fn warnings(&self) -> js_sys::Array {
        self.inner.notices.iter().map(|notice| JsValue::from(notice.message())).collect()
    }
}
