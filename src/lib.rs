//! scope-selector's engine: the core ([`scope_selector_core`]) compiled to one wasm module, behind
//! a thin wasm-bindgen boundary that takes data and returns data. The widget's renderer
//! (`www/`) and the integrators' helpers (`scope-selector/tools`) load this same module; it never
//! touches the page. (The panel markup, which only scripts write, comes from the scripts' module,
//! `crates/import-wasm`.) Everything crosses as strings: JSON in (a panel's setup, the reader's
//! events), JSON out (the view model, a choice), and a message's code and arguments, never a
//! sentence, for every problem (the renderer puts them in the reader's language).

#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
mod allocator;

use scope_selector_core::guide_url::{guide_url, UrlError};
use scope_selector_core::json::Value;
use scope_selector_core::message::{Describe, Message};
use scope_selector_core::view::{self, json};
use scope_selector_core::{Separator, Table};
use wasm_bindgen::prelude::*;

/// Folds text for search with the JS engine's Unicode support (so the wasm carries no Unicode
/// tables): lower case, decomposed (NFD), without nonspacing marks (`\p{Mn}`), so "apfel" finds
/// "Äpfel". It never adds or removes a line break, which the search index relies on.
fn fold(text: &str) -> String {
    let marks = js_sys::RegExp::new("\\p{Mn}+", "gu");
    js_sys::JsString::from(text).to_lower_case().normalize("NFD").replace_by_pattern(&marks, "").into()
}

/// A message as the value thrown to JS: its JSON (the renderer and the helpers put it in words).
fn thrown(message: &Message) -> JsValue {
    let mut json = String::new();
    message.push_json(&mut json);
    JsValue::from_str(&json)
}

/// `message` in words, by the renderer's `words(messageJson)`.
fn words_of(words: &js_sys::Function, message: &Message) -> String {
    let mut json = String::new();
    message.push_json(&mut json);
    words.call1(&JsValue::NULL, &JsValue::from_str(&json)).ok().and_then(|text| text.as_string()).unwrap_or_default()
}

/// Reads a table; a table that cannot be used is thrown as its message.
fn read_table(json: &str) -> Result<scope_selector_core::table::Loaded, JsValue> {
    Table::from_json(json).map_err(|error| thrown(&error.describe()))
}

/// One mounted panel: its state and view model ([`view::Panel`]).
#[wasm_bindgen]
pub struct Panel(view::Panel);

#[wasm_bindgen]
impl Panel {
    /// A panel for the table `table` (JSON text, freed before the search index is built) and the
    /// page as the renderer read it (`setup`: JSON, see [`json::setup`]). Throws the table's
    /// problem when it cannot be used.
    pub fn open(table: String, setup: &str) -> Result<Panel, JsValue> {
        let loaded = read_table(&table)?;
        drop(table);
        let setup = Value::parse(setup).unwrap_or(Value::Null);
        Ok(Panel(view::Panel::new(loaded, json::setup(&setup), fold)))
    }

    /// What mounting found: presets, warnings, the guide elements it controls (JSON).
    pub fn opened(&self) -> String {
        self.0.opened().to_json()
    }

    /// Applies the reader's events (JSON, see [`json::events`]) and returns the view (JSON).
    /// Throws, changing nothing, when a `select` names ids the table lacks.
    pub fn update(&mut self, events: &str) -> Result<String, JsValue> {
        for event in json::events(events) {
            self.0.update(event).map_err(|error| thrown(&error.describe()))?;
        }
        Ok(self.0.view().to_json())
    }

    /// The choice: `{actions, scopes, url}` (JSON).
    pub fn choice(&self) -> String {
        let (actions, scopes, url) = self.0.choice();
        json::choice(&actions, &scopes, &url)
    }

    /// The scopes to grant as a Markdown checklist, its own words from `words(message)` (the
    /// renderer's catalogue).
    pub fn markdown(&self, words: &js_sys::Function) -> String {
        self.0.markdown(&|message| words_of(words, message))
    }

    /// The actions matching every word of `query`, best first (the helpers' `Catalog.search`).
    pub fn search(&mut self, query: &str) -> Vec<u32> {
        self.0.ranked(query).to_vec()
    }
}

/// The guide URL choosing `ids` (spaces or commas between them) on the page at `base`, for the
/// widget named `key`; throws unknown ids, an unknown separator or a choice too large for a link.
#[wasm_bindgen(js_name = guideUrl)]
pub fn guide_url_for(table: String, base: &str, ids: &str, separator: &str, key: &str) -> Result<String, JsValue> {
    let table = read_table(&table)?.table;
    let separator = Separator::from_name(separator)
        .ok_or_else(|| thrown(&UrlError::UnknownSeparator(separator.into()).describe()))?;
    guide_url(base, &table, &[ids], separator, key).map_err(|error| thrown(&error.describe()))
}
