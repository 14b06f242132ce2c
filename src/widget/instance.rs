//! One mounted widget: its state, how it reacts to the reader, and how it updates the panel,
//! the address bar and the guide elements it controls.

use super::dom::{report, set_hidden, set_text, window};
use super::guide::GuideElement;
use super::list::ActionList;
use super::listener::Listener;
use super::parts::Parts;
use crate::api::parse_catalog;
use scope_selector_core::contract::{ACTIONS_JSON, STATE};
use scope_selector_core::guide::GuideChoice;
use scope_selector_core::guide_url::{read_url, write_url, LinkNotice, ParamNames};
use scope_selector_core::text::{concat, decimal};
use scope_selector_core::window::is_windowed;
use scope_selector_core::{BitSet, Catalog, Separator, TableError, TableNotice};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, EventTarget, HtmlInputElement};

/// The window event a widget sends after it replaced the page URL.
const URL_CHANGED: &str = "scope-selector-url";

/// A mounted widget. Dropping it removes its event listeners.
pub struct Widget {
    _listeners: Vec<Listener>,
}

struct State {
    catalog: Catalog,
    parts: Parts,
    list: ActionList,
    /// The current search result (action indices, table order).
    result: Vec<u32>,
    chosen: BitSet,
    separator: Separator,
    names: ParamNames,
    guide: Vec<GuideElement>,
    /// Notices about the table, shown for as long as the widget lives.
    table_notices: Vec<String>,
    /// Notices about the link the page was opened with, until the choice changes.
    link_notices: Vec<String>,
}

/// The page's current address.
fn page_url() -> Result<String, JsValue> {
    window()?.location().href()
}

/// Why a root cannot be mounted.
pub enum MountError {
    /// The root has no table.
    NoTable,
    /// The table cannot be used.
    Table(TableError),
    /// The browser refused something the widget asked of the page.
    Page(JsValue),
}

impl MountError {
    /// What is wrong, for the page's author.
    pub fn message(&self) -> String {
        match self {
            MountError::NoTable => concat(&["the ", ACTIONS_JSON.name, " attribute is missing"]),
            MountError::Table(error) => error.message(),
            MountError::Page(error) => super::dom::error_message(error),
        }
    }
}

impl Widget {
    /// Mounts a widget on `root`, owning the link parameters `names` and controlling `guide`.
    pub fn mount(root: &Element, names: ParamNames, guide: Vec<Element>) -> Result<Widget, MountError> {
        let json = root.get_attribute(ACTIONS_JSON.name).ok_or(MountError::NoTable)?;
        let catalog = parse_catalog(&json).map_err(MountError::Table)?;
        let state = State::new(root, names, catalog, guide).map_err(MountError::Page)?;
        let state = Rc::new(RefCell::new(state));
        let listeners = listen_all(&state);
        report(root.set_attribute(STATE.name, "ready"));
        Ok(Widget { _listeners: listeners })
    }
}

impl State {
    fn new(root: &Element, names: ParamNames, catalog: Catalog, guide: Vec<Element>) -> Result<State, JsValue> {
        let parts = Parts::find(root)?;
        let link = read_url(&page_url()?, &names, &catalog.table);
        let mut unknown = Vec::new();
        let guide =
            guide.into_iter().filter_map(|element| GuideElement::read(element, &catalog.table, &mut unknown)).collect();
        super::guide::warn_unknown(&unknown);
        let mut state = State {
            result: (0..catalog.table.len() as u32).collect(),
            table_notices: catalog.notices.iter().map(TableNotice::message).collect(),
            link_notices: link.notices.iter().map(LinkNotice::message).collect(),
            chosen: link.actions,
            separator: link.separator,
            catalog,
            parts,
            list: ActionList::default(),
            names,
            guide,
        };
        if let Some(delimiter) = &state.parts.delimiter {
            delimiter.set_value(state.separator.name());
        }
        if let Some(search) = &state.parts.search {
            if !search.value().is_empty() {
                state.result = state.catalog.index.search(&search.value()).to_vec();
            }
        }
        state.render_list()?;
        state.update_choice(false)?;
        if let Some(loading) = &state.parts.loading {
            set_hidden(loading, true);
        }
        Ok(state)
    }

    fn render_list(&mut self) -> Result<(), JsValue> {
        self.list.render(&self.parts, &self.catalog.table, &self.result, &self.chosen)?;
        if let Some(no_results) = &self.parts.no_results {
            set_hidden(no_results, !self.result.is_empty());
        }
        self.show_status();
        Ok(())
    }

    fn show_status(&self) {
        let total = self.catalog.table.len();
        let shown = self.result.len();
        let (chosen, total_text) = (decimal(self.chosen.len()), decimal(total));
        let text = if shown == total {
            concat(&[&chosen, " of ", &total_text, " actions selected"])
        } else {
            concat(&[&chosen, " of ", &total_text, " actions selected · ", &decimal(shown), " shown"])
        };
        set_text(&self.parts.status, &text);
    }

    /// Brings everything that depends on the choice up to date; `write_url` also replaces the
    /// address bar's URL (never adding a history entry).
    fn update_choice(&mut self, write_url: bool) -> Result<(), JsValue> {
        let table = &self.catalog.table;
        let scopes = table.scope_union(self.chosen.iter());
        if let Some(output) = &self.parts.scopes_output {
            set_text(output, &self.separator.join(table.scope_names(&scopes)));
        }

        let (href, too_large) = self.link()?;
        if let Some(field) = &self.parts.url {
            field.set_value(&href);
        }
        if write_url {
            self.link_notices.clear();
            let window = window()?;
            window.history()?.replace_state_with_url(&JsValue::NULL, "", Some(&href))?;
            // Other widgets on the page show the whole URL too: tell them it changed.
            window.dispatch_event(&Event::new(URL_CHANGED)?)?;
        }
        let too_large = too_large.map(|notice| notice.message());
        let notices = self.table_notices.iter().chain(&too_large).chain(&self.link_notices);
        self.parts.show_notices(notices.map(String::as_str));

        let choice = GuideChoice::new(table, &self.chosen, &scopes);
        for element in &self.guide {
            element.apply(choice);
        }
        self.list.refresh_checks(&self.chosen);
        self.show_status();
        Ok(())
    }

    /// The page URL with this widget's parameters set from its choice (other parameters kept),
    /// and a notice if the choice is too large for a link.
    fn link(&self) -> Result<(String, Option<LinkNotice>), JsValue> {
        Ok(write_url(&page_url()?, &self.names, &self.catalog.table, &self.chosen, self.separator))
    }

    /// Another widget changed the address: show the new whole URL.
    fn on_url_changed(&mut self, _: &Event) -> Result<(), JsValue> {
        if let Some(field) = &self.parts.url {
            field.set_value(&self.link()?.0);
        }
        Ok(())
    }

    fn on_search(&mut self, _: &Event) -> Result<(), JsValue> {
        let query = self.parts.search.as_ref().map(HtmlInputElement::value).unwrap_or_default();
        self.result = self.catalog.index.search(&query).to_vec();
        self.parts.list.set_scroll_top(0);
        self.render_list()
    }

    fn on_select_all(&mut self, _: &Event) -> Result<(), JsValue> {
        for &action in &self.result {
            self.chosen.insert(action as usize);
        }
        self.update_choice(true)
    }

    fn on_clear(&mut self, _: &Event) -> Result<(), JsValue> {
        self.chosen.clear();
        self.update_choice(true)
    }

    fn on_check(&mut self, event: &Event) -> Result<(), JsValue> {
        let Some(check) = event.target().and_then(|target| target.dyn_into::<HtmlInputElement>().ok()) else {
            return Ok(());
        };
        let slot = check.closest("[data-slot]")?.and_then(|row| row.get_attribute("data-slot"));
        if let Some(action) = slot.and_then(|slot| slot.parse().ok()).and_then(|slot| self.list.action_at(slot)) {
            self.chosen.set(action as usize, check.checked());
            self.update_choice(true)?;
        }
        Ok(())
    }

    fn on_separator(&mut self, _: &Event) -> Result<(), JsValue> {
        let name = self.parts.delimiter.as_ref().map(|delimiter| delimiter.value()).unwrap_or_default();
        self.separator = Separator::from_name(&name).unwrap_or_default();
        self.update_choice(true)
    }

    fn on_scroll(&mut self, _: &Event) -> Result<(), JsValue> {
        if is_windowed(self.result.len()) {
            self.render_list()?;
        }
        Ok(())
    }
}

type Handler = fn(&mut State, &Event) -> Result<(), JsValue>;

/// Wires the panel's controls. Each listener holds the state; the widget holds the listeners.
fn listen_all(state: &Rc<RefCell<State>>) -> Vec<Listener> {
    let listen = |target: &EventTarget, kind: &'static str, handler: Handler| {
        let state = Rc::clone(state);
        Listener::new(target, kind, move |event| {
            // The only synchronous re-entry is a widget hearing its own URL_CHANGED, which it
            // does not need; skipping a busy state also means no borrow can ever panic.
            if let Ok(mut state) = state.try_borrow_mut() {
                report(handler(&mut state, event));
            }
        })
    };
    // The state was just made and nothing holds it yet (`try_borrow`: no panic path in the wasm).
    let Ok(current) = state.try_borrow() else { return Vec::new() };
    let parts = &current.parts;
    let mut listeners =
        vec![listen(&parts.rows, "change", State::on_check), listen(&parts.list, "scroll", State::on_scroll)];
    if let Ok(window) = window() {
        listeners.push(listen(&window, URL_CHANGED, State::on_url_changed));
    }
    if let Some(search) = &parts.search {
        listeners.push(listen(search, "input", State::on_search));
    }
    if let Some(button) = &parts.select_all {
        listeners.push(listen(button, "click", State::on_select_all));
    }
    if let Some(button) = &parts.clear {
        listeners.push(listen(button, "click", State::on_clear));
    }
    if let Some(delimiter) = &parts.delimiter {
        listeners.push(listen(delimiter, "change", State::on_separator));
    }
    listeners
}
