//! The search's words marked (`<mark>`) in the rows of the list: in each shown row's label, id and
//! scopes, found through the search's fold ([`scope_selector_core::highlight`]). The widget's
//! wasm has no room for it, so the extras do it, for every panel whose reader searches: after each
//! search (the search box's `input`, heard after the widget's own listener, and Esc, which
//! clears the box without one) and whenever the widget writes or shows rows (scrolling a long
//! list, a new result), which a mutation observer of the list reports.

use scope_selector_core::contract::SEARCH;
use scope_selector_core::highlight::{matched_parts, query_words};
use scope_selector_core::text::concat;
use scope_selector_page::dom::{document, find_as, report};
use scope_selector_page::listener::Listener;
use scope_selector_page::{fold_case, rows};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, HtmlInputElement, KeyboardEvent, MutationObserver, MutationObserverInit};

/// The marks of one panel; dropping it stops them (the rows are the widget's, which puts the
/// panel's markup back when it goes).
pub struct Marks {
    observer: MutationObserver,
    _callback: Closure<dyn Fn(JsValue, MutationObserver)>,
    _listeners: [Listener; 2],
}

/// The rows' text fields: label, id and scopes of every shown row.
fn fields_selector() -> String {
    concat(&[".", rows::ROWS, " > :not([hidden]) :is(.", rows::LABEL, ", .", rows::ID, ", .", rows::SCOPES, ")"])
}

/// Writes `text` into `element` with the byte ranges `parts` of it as `<mark>` elements: text
/// nodes and elements only, never markup.
fn write_marked(element: &Element, text: &str, parts: &[core::ops::Range<usize>]) -> Result<(), JsValue> {
    if parts.is_empty() {
        element.set_text_content(Some(text));
        return Ok(());
    }
    // Strings among the nodes given to `replaceChildren` become text nodes.
    let nodes = js_sys::Array::new();
    let mut at = 0;
    for part in parts {
        nodes.push(&text.get(at..part.start).unwrap_or_default().into());
        let mark = document()?.create_element("mark")?;
        mark.set_text_content(text.get(part.clone()));
        nodes.push(&mark);
        at = part.end;
    }
    nodes.push(&text.get(at..).unwrap_or_default().into());
    element.replace_children_with_node(&nodes);
    Ok(())
}

/// Marks the words of `search`'s query in the shown rows of `root`, and drops the mutations that
/// caused (and those the observer had not reported yet: every shown row was just marked).
fn mark(root: &Element, search: &HtmlInputElement, observer: &MutationObserver) -> Result<(), JsValue> {
    let words = query_words(&search.value(), fold_case);
    // Each marked field remembers the words it was marked for (in a property of the element, not
    // in the document): the widget takes the marks away whenever it writes a field's text, so a
    // field that still has marks for these words is up to date.
    let marked_for = JsValue::from_str(&words.join(" "));
    let fields = root.query_selector_all(&fields_selector())?;
    for at in 0..fields.length() {
        let Some(field) = fields.item(at).and_then(|node| node.dyn_into::<Element>().ok()) else { continue };
        let has_marks = field.first_element_child().is_some();
        if has_marks && js_sys::Reflect::get(&field, &MARKED_FOR.into())? == marked_for {
            continue;
        }
        let text = field.text_content().unwrap_or_default();
        let parts = matched_parts(&text, words.iter().map(String::as_str), fold_case);
        // (A field without marks that needs none is left as it is.)
        if !parts.is_empty() || has_marks {
            write_marked(&field, &text, &parts)?;
            js_sys::Reflect::set(&field, &MARKED_FOR.into(), &marked_for)?;
        }
    }
    observer.take_records();
    Ok(())
}

/// The property of a field that holds the words its marks are for.
const MARKED_FOR: &str = "scopeSelectorMarkedFor";

impl Marks {
    /// Marks the rows of the panel `root` from now on (`None` when it has no search box or list).
    pub fn attach(root: &Element) -> Result<Option<Marks>, JsValue> {
        let (Some(search), Some(list)) =
            (find_as::<HtmlInputElement>(root, SEARCH), root.query_selector(&concat(&[".", rows::ROWS]))?)
        else {
            return Ok(None);
        };
        let on_change = {
            let (root, search) = (root.clone(), search.clone());
            Closure::<dyn Fn(JsValue, MutationObserver)>::new(move |_, observer: MutationObserver| {
                report(mark(&root, &search, &observer));
            })
        };
        let observer = MutationObserver::new(on_change.as_ref().unchecked_ref())?;
        let options = MutationObserverInit::new();
        options.set_child_list(true);
        options.set_subtree(true);
        options.set_attribute_filter(&js_sys::Array::of1(&"hidden".into()));
        observer.observe_with_options(&list, &options)?;
        let listen = |kind: &'static str, escape_only: bool| {
            let (root, search, observer) = (root.clone(), search.clone(), observer.clone());
            Listener::new(&search.clone(), kind, move |event: &Event| {
                let key = event.dyn_ref::<KeyboardEvent>().map(KeyboardEvent::key);
                if !escape_only || key.as_deref() == Some("Escape") {
                    report(mark(&root, &search, &observer));
                }
            })
        };
        let listeners = [listen("input", false), listen("keyup", true)];
        // The search that loaded the extras.
        mark(root, &search, &observer)?;
        Ok(Some(Marks { observer, _callback: on_change, _listeners: listeners }))
    }
}

impl Drop for Marks {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}
