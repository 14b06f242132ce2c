//! The panel's extras, a wasm module of its own that the JS shell loads on demand, once a widget
//! whose panel asks for one is mounted, or on the panel's first search (so a page whose reader
//! does not search loads none of this):
//!
//! - the search's words marked in the rows ([`marks`]), on every panel with a search box;
//! - presets (`data-guide-presets` on the root): buttons that apply a named choice, pressed while
//!   the choice is theirs;
//! - the key check (`data-guide-key-check`): the scopes of a key the reader has, compared with the
//!   choice, in a report (`data-guide-key-report`) that can choose what the key can run;
//! - exports: the scopes as a Markdown checklist (`data-guide-export-markdown`, whose value is
//!   kept up to date here and copied by the shell's copy buttons) and the choice as JSON
//!   (`data-guide-export-json`, downloaded).
//!
//! Every decision is the core's ([`scope_selector_core::presets`], [`key_check`],
//! [`scope_selector_core::export`]); the extras talk to the widget through the package's public
//! `Widget` API and its change event only.

#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

mod marks;
mod report;

use scope_selector_core::contract::{
    CHANGE_EVENT, EXPORT_JSON, EXPORT_MARKDOWN, KEY_CHECK, KEY_REPORT, LOADING, PRESETS, PRESET_LIST, SCOPE_LABELS,
};
use scope_selector_core::export::{choice_json, markdown_checklist};
use scope_selector_core::key_check::{check_key, read_key};
use scope_selector_core::presets::{read_presets, Preset};
use scope_selector_core::scope_names::ScopeNames;
use scope_selector_core::{BitSet, Table};
use scope_selector_page::dom::{create, document, error_message, find, report, warn};
use scope_selector_page::listener::Listener;
use scope_selector_page::{fold_case, table_json};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CustomEvent, Element, Event, EventTarget, HtmlAnchorElement, HtmlElement};

/// The file name of the downloaded choice.
const DOWNLOAD_NAME: &str = "scope-selector-choice.json";

#[wasm_bindgen]
extern "C" {
    /// The package's `Widget` (www/index.js): the extras use its public API only.
    pub type WidgetApi;
    #[wasm_bindgen(method, getter)]
    fn root(this: &WidgetApi) -> Element;
    #[wasm_bindgen(method, catch)]
    fn selected(this: &WidgetApi) -> Result<js_sys::Array, JsValue>;
    #[wasm_bindgen(method, catch)]
    fn url(this: &WidgetApi) -> Result<String, JsValue>;
    #[wasm_bindgen(method, catch)]
    fn select(this: &WidgetApi, ids: js_sys::Array) -> Result<(), JsValue>;
}

/// The extras of one mounted widget (returned by `attach`). Dropping it (`free()`, which the
/// shell's `destroy()` calls) removes what it added to the panel and its listeners.
#[wasm_bindgen]
pub struct Extras {
    state: Rc<RefCell<State>>,
    _listeners: Vec<Listener>,
    _marks: Option<marks::Marks>,
}

struct State {
    widget: WidgetApi,
    table: Table,
    names: ScopeNames,
    chosen: BitSet,
    presets: Vec<(Preset, HtmlElement)>,
    key_field: Option<Element>,
    key_report: Option<report::KeyReport>,
    /// The Markdown export button, whose attribute holds the checklist (written when clicked).
    markdown: Option<Element>,
    /// Elements the extras added to the panel.
    added: Vec<Element>,
    /// The address of the last JSON download, freed at the next one or when the extras go (not
    /// at once: some browsers read the file after the click returns).
    download_url: Option<String>,
}

/// Attaches the extras the panel of `widget` asks for. `table`: the table option the widget was
/// mounted with, if any (else the root's own table is read, as the widget did). Problems with the
/// page's presets or display names are warned about in the console (`scope-selector check` reports
/// them too) and leave out only what they are about.
#[wasm_bindgen]
pub fn attach(widget: WidgetApi, table: Option<String>) -> Result<Extras, JsError> {
    let fail = |message: &str| JsError::new(&scope_selector_core::text::concat(&["scope-selector extras: ", message]));
    let root = widget.root();
    let json = table_json(&root, table).ok_or_else(|| fail("the panel has no table"))?;
    // The widget has shown what is wrong with a table it could not use.
    let table = Table::from_json(&json).map_err(|_| fail("the action table cannot be used"))?.table;
    let names = match root.get_attribute(SCOPE_LABELS.name) {
        Some(attribute) => {
            let (names, problems) = ScopeNames::with_page(&table, &attribute);
            for problem in problems {
                warn(&["scope-selector: ", &problem.message()]);
            }
            names
        }
        None => ScopeNames::new(&table),
    };
    let presets = match root.get_attribute(PRESETS.name) {
        Some(attribute) => {
            let (presets, problems) = read_presets(&attribute, &table);
            for problem in problems {
                warn(&["scope-selector: ", &problem.message()]);
            }
            presets
        }
        None => Vec::new(),
    };
    let chosen = BitSet::new(table.len());
    let mut state = State {
        key_field: find(&root, KEY_CHECK),
        key_report: None,
        markdown: find(&root, EXPORT_MARKDOWN),
        presets: Vec::new(),
        added: Vec::new(),
        download_url: None,
        widget,
        table,
        names,
        chosen,
    };
    state.add_presets(&root, presets).map_err(|error| fail(&error_message(&error)))?;
    state.add_key_report(&root).map_err(|error| fail(&error_message(&error)))?;
    // The controls the markup disabled until the extras are ready.
    for attr in [KEY_CHECK, EXPORT_MARKDOWN, EXPORT_JSON] {
        if let Some(control) = find(&root, attr) {
            report(control.remove_attribute("disabled"));
        }
    }
    let ids = state.widget.selected().map_err(|error| fail(&error_message(&error)))?;
    state.refresh(&ids).map_err(|error| fail(&error_message(&error)))?;
    let marks = marks::Marks::attach(&root).map_err(|error| fail(&error_message(&error)))?;
    let state = Rc::new(RefCell::new(state));
    let listeners = listen_all(&state, &root);
    Ok(Extras { state, _listeners: listeners, _marks: marks })
}

impl Drop for Extras {
    fn drop(&mut self) {
        if let Ok(state) = self.state.try_borrow() {
            for element in &state.added {
                element.remove();
            }
            if let Some(button) = &state.markdown {
                let _ = button.set_attribute(EXPORT_MARKDOWN.name, "");
            }
            if let Some(url) = &state.download_url {
                let _ = web_sys::Url::revoke_object_url(url);
            }
        }
    }
}

impl State {
    /// The preset buttons, in the page's preset list, else in a group before the action list.
    fn add_presets(&mut self, root: &Element, presets: Vec<Preset>) -> Result<(), JsValue> {
        if presets.is_empty() {
            return Ok(());
        }
        let group = match find(root, PRESET_LIST) {
            Some(list) => list,
            None => {
                let group: Element = create("div", "guides-scope-selector__presets")?.into();
                let list = find(root, LOADING).and_then(|loading| loading.parent_element());
                match list {
                    Some(list) => list.before_with_node_1(&group)?,
                    None => root.append_child(&group).map(drop)?,
                }
                self.added.push(group.clone());
                group
            }
        };
        if !group.has_attribute("role") {
            group.set_attribute("role", "group")?;
            group.set_attribute("aria-label", "Presets")?;
        }
        for preset in presets {
            let button = create("button", "guides-scope-selector__quick-btn guides-scope-selector__preset")?;
            button.set_attribute("type", "button")?;
            button.set_attribute("aria-pressed", "false")?;
            button.set_text_content(Some(&preset.label));
            group.append_child(&button)?;
            self.added.push(button.clone().into());
            self.presets.push((preset, button));
        }
        Ok(())
    }

    /// The key report: in the page's, else in a new one right after the key field.
    fn add_key_report(&mut self, root: &Element) -> Result<(), JsValue> {
        let Some(field) = &self.key_field else { return Ok(()) };
        let place = match find(root, KEY_REPORT) {
            Some(place) => place,
            None => {
                let place: Element = create("div", "guides-scope-selector__key-report")?.into();
                field.after_with_node_1(&place)?;
                self.added.push(place.clone());
                place
            }
        };
        let report = report::KeyReport::new(place)?;
        self.added.extend(report.parts());
        self.key_report = Some(report);
        Ok(())
    }

    /// Takes the widget's choice (`ids`: the chosen action ids) and brings the presets and the
    /// key report up to date with it.
    fn refresh(&mut self, ids: &js_sys::Array) -> Result<(), JsValue> {
        let ids: Vec<String> = ids.iter().filter_map(|id| id.as_string()).collect();
        self.chosen = self.table.ids_to_set(ids.iter().map(String::as_str)).0;
        for (preset, button) in &self.presets {
            button.set_attribute("aria-pressed", if preset.is_active(&self.chosen) { "true" } else { "false" })?;
        }
        self.show_key_report()
    }

    /// The key field's text compared with the choice, in the report (hidden while the field is
    /// empty).
    fn show_key_report(&self) -> Result<(), JsValue> {
        let Some(report) = &self.key_report else { return Ok(()) };
        let text = self.key_text();
        if text.trim().is_empty() {
            return report.clear();
        }
        let key = read_key(&text, &self.table, &self.names, fold_case);
        let check = check_key(&self.table, &self.chosen, &key.scopes);
        report.show(&self.table, &self.names, &self.chosen, &key, &check)
    }

    /// The change event's `detail.actions` are the chosen ids.
    fn on_change(&mut self, event: &Event) -> Result<(), JsValue> {
        let detail = event.dyn_ref::<CustomEvent>().map(CustomEvent::detail).unwrap_or_default();
        let ids = js_sys::Reflect::get(&detail, &JsValue::from_str("actions"))?;
        match ids.dyn_into::<js_sys::Array>() {
            Ok(ids) => self.refresh(&ids),
            Err(_) => self.refresh(&self.widget.selected()?),
        }
    }

    fn on_key_input(&mut self, _: &Event) -> Result<(), JsValue> {
        self.show_key_report()
    }

    fn on_click(&mut self, event: &Event) -> Result<(), JsValue> {
        let Some(target) = event.target().and_then(|target| target.dyn_into::<Element>().ok()) else {
            return Ok(());
        };
        let Some(button) = target.closest("button")? else { return Ok(()) };
        if let Some((preset, _)) = self.presets.iter().find(|(_, element)| button.is_same_node(Some(element))) {
            // A pressed preset is released: the choice is cleared.
            let actions =
                if preset.is_active(&self.chosen) { BitSet::new(self.table.len()) } else { preset.actions.clone() };
            return self.choose(&actions);
        }
        if button.has_attribute(EXPORT_JSON.name) {
            return self.download();
        }
        if button.has_attribute(EXPORT_MARKDOWN.name) {
            // Written now, before the shell's copy listener (on the document) reads it.
            let text = if self.chosen.is_empty() {
                String::new()
            } else {
                markdown_checklist(&self.table, &self.names, &self.chosen, &self.widget.url()?)
            };
            return button.set_attribute(EXPORT_MARKDOWN.name, &text);
        }
        if button.has_attribute(report::CHOOSE_RUNNABLE) {
            let key = read_key(&self.key_text(), &self.table, &self.names, fold_case);
            let runnable = self.table.actions_within(&key.scopes);
            self.choose(&runnable)?;
            // The button is gone with the report it was in: the focus goes back to the key.
            if let Some(field) = self.key_field.as_ref().and_then(|field| field.dyn_ref::<HtmlElement>()) {
                field.focus()?;
            }
            return Ok(());
        }
        Ok(())
    }

    /// Makes `actions` the widget's choice, and shows it.
    fn choose(&mut self, actions: &BitSet) -> Result<(), JsValue> {
        let ids: js_sys::Array = actions.iter().map(|action| JsValue::from_str(self.table.id(action))).collect();
        self.widget.select(ids)?;
        self.refresh(&self.widget.selected()?)
    }

    /// The key field's text.
    fn key_text(&self) -> String {
        let Some(field) = &self.key_field else { return String::new() };
        js_sys::Reflect::get(field, &JsValue::from_str("value"))
            .ok()
            .and_then(|value| value.as_string())
            .unwrap_or_default()
    }

    /// Downloads the choice as JSON.
    fn download(&mut self) -> Result<(), JsValue> {
        let json = choice_json(&self.table, &self.chosen, &self.widget.url()?);
        let options = web_sys::BlobPropertyBag::new();
        options.set_type("application/json");
        let parts = js_sys::Array::of1(&JsValue::from_str(&json));
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
        let href = web_sys::Url::create_object_url_with_blob(&blob)?;
        let link: HtmlAnchorElement = document()?.create_element("a")?.unchecked_into();
        link.set_href(&href);
        link.set_download(DOWNLOAD_NAME);
        link.click();
        if let Some(previous) = self.download_url.replace(href) {
            web_sys::Url::revoke_object_url(&previous)?;
        }
        Ok(())
    }
}

type Handler = fn(&mut State, &Event) -> Result<(), JsValue>;

/// The extras' listeners: the root's change event and clicks, and the key field's input.
fn listen_all(state: &Rc<RefCell<State>>, root: &Element) -> Vec<Listener> {
    let listen = |target: &EventTarget, kind: &'static str, handler: Handler| {
        let state = Rc::clone(state);
        Listener::new(target, kind, move |event| {
            // Busy only while a click of ours makes a choice, whose change event is then not
            // needed: the click refreshes the extras itself.
            if let Ok(mut current) = state.try_borrow_mut() {
                report(handler(&mut current, event));
            }
        })
    };
    let mut listeners = vec![listen(root, CHANGE_EVENT, State::on_change), listen(root, "click", State::on_click)];
    if let Ok(current) = state.try_borrow() {
        if let Some(field) = &current.key_field {
            listeners.push(listen(field, "input", State::on_key_input));
        }
    }
    listeners
}
