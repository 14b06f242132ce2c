//! The wasm boundary that touches the page: `mount(root, …)` finds what a root owns on the page
//! (its link parameters and the guide elements it controls) and mounts a [`Widget`] on it.
//!
//! What a root owns is decided from the page as it is when the root is mounted (so the same rules
//! hold for the first page, a late `mount` and a client-side navigation):
//! - an unnamed root at position N among the page's roots owns `actions`/`separator` if it is the
//!   first and `N-actions`/`N-separator` otherwise; a named one owns `KEY-actions`/`KEY-separator`;
//!   two roots owning the same parameters are told so in their panels;
//! - a root controls the guide elements that follow it in document order up to the next root (the
//!   first root also those before it).

mod guide;
mod instance;
mod list;
mod parts;

pub use instance::Widget;

use instance::MountError;
use scope_selector_core::contract::{selector_of, GUIDE_ELEMENTS, ROOT, STATE};
use scope_selector_core::guide_url::{collisions, LinkNotice, ParamNames};
use scope_selector_core::text;
use scope_selector_page::dom;
use wasm_bindgen::prelude::*;
use web_sys::Element;

/// Every root of the page in document order, each with the guide elements it controls.
fn roots_with_guides() -> Result<Vec<(Element, Vec<Element>)>, JsValue> {
    let mut groups: Vec<(Element, Vec<Element>)> = Vec::new();
    let mut before_first = Vec::new();
    for element in dom::find_all(&selector_of(&GUIDE_ELEMENTS))? {
        if element.has_attribute(ROOT.name) {
            groups.push((element, Vec::new()));
        } else if let Some((_, guide)) = groups.last_mut() {
            guide.push(element);
        } else {
            before_first.push(element);
        }
    }
    if let Some((_, guide)) = groups.first_mut() {
        // The elements before the first root come first (appended, then swapped into place).
        before_first.append(guide);
        *guide = before_first;
    }
    Ok(groups)
}

/// Mounts a widget on the panel root `root`.
///
/// `table` replaces the root's table when given (JSON text); `key` replaces its key.
/// `on_change([actions, scopes, url])` is called after every change of the choice,
/// and once after mounting when a link restored a choice. When the root cannot start (its table is
/// missing or rejected), `on_failure(root, reason, table)` is called, with the table's JSON text
/// when the table is at fault (the JS shell has the helpers' module say what is wrong with it, and
/// shows that in the panel), and the returned `Error` says the same; an element that is not a
/// root, or one that is mounted already, is only refused with an `Error`. `on_repaired(json)` is
/// called when the table was usable after repairs (see [`Widget::mount`]).
#[wasm_bindgen]
pub fn mount(
    root: &Element,
    table: Option<String>,
    key: Option<String>,
    on_change: js_sys::Function,
    on_failure: &js_sys::Function,
    on_repaired: &js_sys::Function,
) -> Result<Widget, JsError> {
    let refuse = |error: MountError| JsError::new(&text::concat(&["scope-selector: ", &error.message()]));
    if !root.has_attribute(ROOT.name) {
        return Err(refuse(MountError::NotARoot));
    }
    if root.has_attribute(STATE.name) {
        return Err(refuse(MountError::AlreadyMounted));
    }
    let page = roots_with_guides().map_err(|error| refuse(MountError::Page(error)))?;
    let Some(position) = page.iter().position(|(other, _)| other == root) else {
        return Err(refuse(MountError::NotInDocument));
    };
    let keys: Vec<String> = page
        .iter()
        .enumerate()
        .map(|(at, (other, _))| match &key {
            Some(key) if at == position => key.clone(),
            _ => other.get_attribute(ROOT.name).unwrap_or_default(),
        })
        .collect();
    let names = ParamNames::for_root(keys.get(position).map_or("", String::as_str), position);
    let shared = collisions(&keys.iter().map(String::as_str).collect::<Vec<_>>())
        .iter()
        .any(|&(earlier, later)| earlier == position || later == position)
        .then(|| LinkNotice::SharedParameter(names.actions.clone()).message());
    let guide = page.into_iter().nth(position).map(|(_, guide)| guide);

    Widget::mount(root, table, names, guide.unwrap_or_default(), shared, on_change, on_repaired).map_err(|error| {
        let table = match &error {
            MountError::Table(json) => JsValue::from_str(json),
            _ => JsValue::UNDEFINED,
        };
        let _ = on_failure.call3(&JsValue::NULL, root, &JsValue::from_str(&error.message()), &table);
        refuse(error)
    })
}
