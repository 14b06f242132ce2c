//! The JS helpers of scope-selector for integrators, in Node ≥ 20 and browsers:
//! `buildGuideUrl`, `parseGuideUrl`, `renderPanel` and the `Catalog` class, the core compiled to wasm, so they build
//! and read exactly what the widget and the `scope-selector` CLI do (the same messages too). Loaded
//! by `www/tools.js`; a page showing the widget loads it only to describe a table the widget
//! rejected or repaired.

#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

use js_sys::{Array, Object, Reflect};
use scope_selector_core::guide_url::{guide_url, read_url, ParamNames, UrlError};
use scope_selector_core::{Separator, Table};
// Folded as the widget folds, so searches match the widget's.
use scope_selector_page::fold_case;
use wasm_bindgen::prelude::*;

/// An `Error` with this message.
fn error(message: &str) -> JsValue {
    js_sys::Error::new(message).into()
}

/// A string option of `options` (`undefined` when absent), or an error naming it.
fn string_option(options: &JsValue, name: &str) -> Result<Option<String>, JsValue> {
    if options.is_undefined() || options.is_null() {
        return Ok(None);
    }
    let value = Reflect::get(options, &JsValue::from_str(name))?;
    if value.is_undefined() {
        return Ok(None);
    }
    value.as_string().map(Some).ok_or_else(|| error(&format!("options.{name} must be a string")))
}

/// The table of `options.table` (an array of actions, or JSON text), read by the core.
fn table(options: &JsValue) -> Result<Table, JsValue> {
    let value =
        if options.is_object() { Reflect::get(options, &JsValue::from_str("table"))? } else { JsValue::UNDEFINED };
    read_table(&value)
        .map_err(|_| error("options.table must be the action table: an array of actions, or JSON text"))?
}

/// A table given as an array of actions or as JSON text, read by the core; `Err(())` when it is
/// neither, an `Ok(Err(..))` naming the problem when the core rejects it.
fn read_table(value: &JsValue) -> Result<Result<Table, JsValue>, ()> {
    let json = match value.as_string() {
        Some(json) => json,
        None if value.is_object() => match js_sys::JSON::stringify(value) {
            Ok(json) => String::from(json),
            Err(_) => return Err(()),
        },
        None => return Err(()),
    };
    Ok(Table::from_json(&json).map(|loaded| loaded.table).map_err(|problem| error(&problem.message())))
}

/// The guide URL that chooses `actions` (an array of ids, or one string of ids separated by
/// spaces or commas) on the page at `base`. Options: `table` (required), `separator`
/// (`"space"` by default), `key` (the widget's key). Throws, naming them, on unknown ids, a choice
/// too large for a link, or an unknown separator.
#[wasm_bindgen(js_name = buildGuideUrl)]
pub fn build_guide_url(
    base: &str,
    #[wasm_bindgen(unchecked_param_type = "string[] | string")] actions: JsValue,
    #[wasm_bindgen(unchecked_param_type = "{ table: unknown[] | string; separator?: string; key?: string }")]
    options: JsValue,
) -> Result<String, JsValue> {
    let table = table(&options)?;
    let ids: Vec<String> = match actions.as_string() {
        Some(ids) => vec![ids],
        None if Array::is_array(&actions) => Array::from(&actions)
            .iter()
            .map(|id| id.as_string())
            .collect::<Option<_>>()
            .ok_or_else(|| error("actions must be action ids (strings)"))?,
        None => return Err(error("actions must be an array of action ids, or a string of them")),
    };
    let name = string_option(&options, "separator")?.unwrap_or_else(|| "space".into());
    let separator = Separator::from_name(&name).ok_or_else(|| error(&UrlError::UnknownSeparator(name).message()))?;
    let key = string_option(&options, "key")?.unwrap_or_default();
    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    guide_url(base, &table, &ids, separator, &key).map_err(|problem| error(&problem.message()))
}

/// The choice a guide URL makes: `{actions, scopes, separator, notices}` (ids in table order,
/// the scope union, the separator's name, and what the link could not use). Options: `table`
/// (required) and `key`.
#[wasm_bindgen(js_name = parseGuideUrl, unchecked_return_type = "{ actions: string[]; scopes: string[]; separator: string; notices: string[] }")]
pub fn parse_guide_url(
    url: &str,
    #[wasm_bindgen(unchecked_param_type = "{ table: unknown[] | string; key?: string }")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let table = table(&options)?;
    let key = string_option(&options, "key")?.unwrap_or_default();
    let summary = read_url(url, &ParamNames::for_key(&key), &table).summary(&table);
    let strings = |items: &[&str]| items.iter().map(|item| JsValue::from_str(item)).collect::<Array>();
    let notices: Vec<&str> = summary.notices.iter().map(String::as_str).collect();
    let result = Object::new();
    Reflect::set(&result, &"actions".into(), &strings(&summary.actions))?;
    Reflect::set(&result, &"scopes".into(), &strings(&summary.scopes))?;
    Reflect::set(&result, &"separator".into(), &JsValue::from_str(summary.separator))?;
    Reflect::set(&result, &"notices".into(), &strings(&notices))?;
    Ok(result.into())
}

/// The panel markup for `table` (an array of actions, or JSON text): every control of the markup
/// contract, the table escaped into the root's attribute; what `scope-selector render` prints.
/// Options: `key` (the widget's key), `extras` (`true`: the key check and the export buttons too,
/// which load the panel's extras). Throws, naming the problem, on a table the widget rejects.
#[wasm_bindgen(js_name = renderPanel)]
pub fn render_panel(
    #[wasm_bindgen(unchecked_param_type = "unknown[] | string")] table: JsValue,
    #[wasm_bindgen(unchecked_param_type = "{ key?: string; extras?: boolean } | undefined")] options: JsValue,
) -> Result<String, JsValue> {
    let table = read_table(&table)
        .map_err(|_| error("renderPanel(table): table must be an array of actions, or JSON text"))??;
    let key = string_option(&options, "key")?.unwrap_or_default();
    let extras = options.is_object() && Reflect::get(&options, &JsValue::from_str("extras"))?.is_truthy();
    Ok(scope_selector_core::markup::render_panel(&table.to_json(), &key, extras))
}

/// An action table prepared for search and scope unions, read and searched exactly as the widget
/// does (`createCatalog(table)` in `tools.js`).
#[wasm_bindgen]
pub struct Catalog {
    inner: scope_selector_core::Catalog,
}

#[wasm_bindgen]
impl Catalog {
    /// Reads a JSON table; throws an `Error` naming the problem. The text is freed before the
    /// search index is built, which lowers the peak memory of a large table.
    #[wasm_bindgen(constructor)]
    pub fn new(json: String) -> Result<Catalog, JsValue> {
        let loaded = scope_selector_core::Table::from_json(&json).map_err(|problem| error(&problem.message()))?;
        drop(json);
        Ok(Catalog { inner: scope_selector_core::Catalog::with_index(loaded, fold_case) })
    }

    /// Number of actions.
    #[wasm_bindgen(getter)]
    pub fn length(&self) -> u32 {
        self.inner.table.len() as u32
    }

    /// Indices of the actions matching every word of `query`, best first (as the widget lists
    /// them: the exact label, a label prefix, a word start in the label, the rest), in table order
    /// within a rank.
    pub fn search(&mut self, query: &str) -> js_sys::Uint32Array {
        js_sys::Uint32Array::from(self.inner.index.search(query))
    }

    /// The union of the given actions' scopes, in table order of first appearance.
    #[wasm_bindgen(unchecked_return_type = "string[]")]
    pub fn scopes(&self, indices: &[u32]) -> Result<Array, JsValue> {
        let scopes = self.inner.scopes(indices).map_err(|problem| error(&problem.message()))?;
        Ok(scopes.iter().map(|scope| JsValue::from_str(scope)).collect())
    }

    /// What was repaired while reading the table (repeated ids, blank scopes).
    #[wasm_bindgen(getter, unchecked_return_type = "string[]")]
    pub fn warnings(&self) -> Array {
        self.inner.notices.iter().map(|notice| JsValue::from(notice.message())).collect()
    }
}
