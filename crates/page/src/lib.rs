//! The page side shared by scope-selector's two wasm modules, the widget and the panel's extras
//! (loaded on demand): small web-sys helpers that write only text ([`dom`]), event listeners
//! owned by the Rust value that added them ([`listener`]), the list's class names ([`rows`]),
//! where a panel root keeps its table ([`table_json`]), case and diacritic folding by the JS
//! engine ([`fold_case`], which the helpers' module uses too), and, with the `allocator` feature
//! (the two page modules), the wasm build's memory allocator (`allocator`, a few hundred bytes
//! instead of dlmalloc's kilobytes).

#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

#[cfg(all(feature = "allocator", target_arch = "wasm32", not(target_feature = "atomics")))]
mod allocator;
pub mod dom;
pub mod listener;
pub mod rows;

use scope_selector_core::contract::{ACTIONS_JSON, ACTIONS_SCRIPT};
use web_sys::Element;

/// A root's table as JSON text: `option` when given, else the root's attribute, else its
/// `<script>` child (`None` when it has neither).
#[inline]
pub fn table_json(root: &Element, option: Option<String>) -> Option<String> {
    if let Some(json) = option.or_else(|| root.get_attribute(ACTIONS_JSON.name)) {
        return Some(json);
    }
    let script = root.query_selector(ACTIONS_SCRIPT.selector()).ok().flatten();
    script.and_then(|script| script.text_content())
}

/// Folds text for every search and comparison that ignores case and diacritics, with the JS
/// engine's Unicode support (so the wasm carries no Unicode tables): lower-cased, decomposed
/// (NFD) and without nonspacing marks (`\p{Mn}`: accents, diaeresis, the dot of İ, Greek tonos),
/// so "apfel" finds "Äpfel" and "istanbul" "İstanbul". Spacing marks (Indic vowel signs) stay; kana
/// lose their voicing marks (が is found by か). Folding never adds or removes a line break (the search index relies on it). (Lowering
/// ASCII text in Rust instead, without the crossing, cost 117 B gzipped and measured no faster.)
#[cfg(target_arch = "wasm32")]
#[inline]
pub fn fold_case(text: &str) -> String {
    // (A new expression each time: a cached one costs more code than its creation costs time,
    // at one fold per 64 KiB of table and one per query.)
    let marks = js_sys::RegExp::new("\\p{Mn}+", "gu");
    js_sys::JsString::from(text).to_lower_case().normalize("NFD").replace_by_pattern(&marks, "").into()
}

/// Lower-cases (natively, where there is no JS engine: the wasm build folds with the engine's).
#[cfg(not(target_arch = "wasm32"))]
#[inline]
pub fn fold_case(text: &str) -> String {
    text.to_lowercase()
}
