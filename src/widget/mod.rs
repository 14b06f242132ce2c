//! The wasm boundary that touches the page: finds every widget root, gives each the guide
//! elements it controls, and mounts it. See the README for which elements a root controls.

mod dom;
mod guide;
mod instance;
mod list;
mod listener;
mod parts;

use scope_selector_core::contract::{selector_of, GUIDE_ELEMENTS, ROOT, STATE};
use scope_selector_core::guide_url::ParamNames;
use scope_selector_core::text;
use wasm_bindgen::prelude::*;
use web_sys::Element;

/// The widgets mounted on a page. Dropping it (`page.free()`) removes every listener.
#[wasm_bindgen]
pub struct Page {
    widgets: Vec<instance::Widget>,
    failed: u32,
}

#[wasm_bindgen]
impl Page {
    /// How many widgets are working.
    #[wasm_bindgen(getter)]
    pub fn mounted(&self) -> u32 {
        self.widgets.len() as u32
    }

    /// How many roots show an error instead.
    #[wasm_bindgen(getter)]
    pub fn failed(&self) -> u32 {
        self.failed
    }
}

/// Mounts a widget on every `[data-guides-scope-selector]` root not mounted yet.
///
/// Each root controls the guide elements that follow it in document order up to the next root
/// (the first root also controls any before it). A root that cannot start is passed to
/// `on_failure(root, message)` (the JS shell shows the message in the panel and leaves the guide
/// as written); the others are unaffected.
#[wasm_bindgen(js_name = mountPage)]
pub fn mount_page(on_failure: &js_sys::Function) -> Result<Page, JsValue> {
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

    let mut page = Page { widgets: Vec::new(), failed: 0 };
    for (position, (root, guide)) in groups.into_iter().enumerate() {
        if root.has_attribute(STATE.name) {
            continue;
        }
        let names = ParamNames::for_root(&root.get_attribute(ROOT.name).unwrap_or_default(), position);
        match instance::Widget::mount(&root, names, guide) {
            Ok(widget) => page.widgets.push(widget),
            Err(error) => {
                page.failed += 1;
                let message = text::concat(&["The action selector could not start: ", &error.message(), "."]);
                on_failure.call2(&JsValue::NULL, &root, &JsValue::from_str(&message))?;
            }
        }
    }
    Ok(page)
}
