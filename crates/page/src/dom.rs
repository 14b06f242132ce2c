//! Small helpers over web-sys: finding, creating and changing elements, always as text.

use scope_selector_core::contract::Attr;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement, Window};

#[wasm_bindgen]
extern "C" {
    /// The page's `window`. (`web_sys::window()` looks for the global object four ways through
    /// js-sys; a widget only ever runs in a window.)
    #[wasm_bindgen(thread_local_v2, js_name = window)]
    static WINDOW: Option<Window>;
}

#[inline]
pub fn window() -> Result<Window, JsValue> {
    WINDOW.with(Clone::clone).ok_or_else(|| JsValue::from_str("no window"))
}

#[inline]
pub fn document() -> Result<Document, JsValue> {
    window()?.document().ok_or_else(|| JsValue::from_str("no document"))
}

/// The first descendant of `root` carrying `attr`.
#[inline]
pub fn find(root: &Element, attr: Attr) -> Option<Element> {
    root.query_selector(attr.selector()).ok().flatten()
}

/// The first descendant of `root` carrying `attr`, if it is a `T` (the `<input>` or `<select>` a
/// control needs to be).
#[inline]
pub fn find_as<T: JsCast>(root: &Element, attr: Attr) -> Option<T> {
    find(root, attr)?.dyn_into::<T>().ok()
}

/// Every element of the document matching `selector`, in document order.
#[inline]
pub fn find_all(selector: &str) -> Result<Vec<Element>, JsValue> {
    let list = document()?.query_selector_all(selector)?;
    // A selector matches elements only.
    Ok((0..list.length()).filter_map(|at| list.item(at)).map(JsCast::unchecked_into).collect())
}

/// A new element with a class (and nothing else).
#[inline]
pub fn create(tag: &str, class: &str) -> Result<HtmlElement, JsValue> {
    let element: HtmlElement = document()?.create_element(tag)?.unchecked_into();
    element.set_class_name(class);
    Ok(element)
}

/// Sets text content only when it changed (writes to the DOM cost more than a comparison).
#[inline]
pub fn set_text(element: &Element, text: &str) {
    if element.text_content().as_deref() != Some(text) {
        element.set_text_content(Some(text));
    }
}

/// Adds or removes `hidden`, reading the element first (see [`write_hidden`] for callers that know).
#[inline]
pub fn set_hidden(element: &Element, hidden: bool) {
    if element.has_attribute("hidden") != hidden {
        write_hidden(element, hidden);
    }
}

/// Adds or removes `hidden` without reading the element first.
#[inline]
pub fn write_hidden(element: &Element, hidden: bool) {
    // Cannot fail for a valid attribute name.
    let _ = element.toggle_attribute_with_force("hidden", hidden);
}

/// Logs an error from an event handler; handlers have nowhere else to send it.
#[inline]
pub fn report(result: Result<(), JsValue>) {
    if let Err(error) = result {
        web_sys::console::error_1(&error);
    }
}

/// Warns in the console with the message made of `parts`.
#[inline]
pub fn warn(parts: &[&str]) {
    web_sys::console::warn_1(&scope_selector_core::text::concat(parts).into());
}

/// The message of a thrown JS value.
#[inline]
pub fn error_message(error: &JsValue) -> String {
    match error.dyn_ref::<js_sys::Error>() {
        Some(error) => error.message().into(),
        None => error.as_string().unwrap_or_else(|| "unknown error".into()),
    }
}
