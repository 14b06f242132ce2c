//! One mounted widget: its state, how it reacts to the reader, how it updates the panel, the
//! address bar and the guide elements it controls, and how it is taken down again.

use super::guide::GuideElement;
use super::list::ActionList;
use super::parts::Parts;
use scope_selector_core::contract::{ACTIONS_JSON, ACTIONS_SCRIPT, ROOT, SEARCH, STATE};
use scope_selector_core::guide::GuideChoice;
use scope_selector_core::guide_url::{choose, read_url, write_url, LinkNotice, ParamNames};
use scope_selector_core::text::{concat, decimal};
use scope_selector_core::window::is_windowed;
use scope_selector_core::{BitSet, Catalog, Separator, Table};
use scope_selector_page::dom::{document, error_message, report, set_hidden, set_text, window};
use scope_selector_page::listener::Listener;
use scope_selector_page::{fold_case, table_json};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, EventTarget, HtmlInputElement, KeyboardEvent, Node};

/// Where a `/` is typed, not a shortcut.
const TEXT_FIELDS: &str =
    "input:not([type=checkbox],[type=radio],[type=button]),textarea,select,[contenteditable]:not([contenteditable=false])";

/// The window event a widget sends after it replaced the page URL.
const URL_CHANGED: &str = "scope-selector-url";

/// A widget mounted on a panel root (returned by `mount`; the JS shell wraps it). Dropping it
/// (`free()`, the shell's `destroy()`) removes its listeners and restores the markup.
#[wasm_bindgen]
pub struct Widget {
    state: Rc<RefCell<State>>,
    root: Element,
    /// A deep copy of the root's children as they were before mounting.
    original_children: Node,
    /// Whether the markup hid the root until a widget runs (as `renderPanel`'s does).
    was_hidden: bool,
    _listeners: Vec<Listener>,
}

struct State {
    catalog: Catalog,
    parts: Parts,
    list: ActionList,
    /// The current search result (action indices, best first).
    result: Vec<u32>,
    chosen: BitSet,
    separator: Separator,
    names: ParamNames,
    guide: Vec<GuideElement>,
    /// Notices about the table and the page, shown for as long as the widget lives.
    table_notices: Vec<String>,
    /// Notices about the link the page was opened with, until the choice changes.
    link_notices: Vec<String>,
    /// Called with `(actions, scopes, url)` after the choice changed.
    on_change: js_sys::Function,
    /// The choice changed since `on_change` was last called.
    changed: bool,
}

/// The page's current address.
fn page_url() -> Result<String, JsValue> {
    window()?.location().href()
}

/// Strings as a JS array.
fn strings<'a>(items: impl IntoIterator<Item = &'a str>) -> js_sys::Array {
    items.into_iter().map(JsValue::from_str).collect()
}

/// Why a root cannot be mounted.
pub enum MountError {
    /// The element is not a panel root.
    NotARoot,
    /// The root has a widget (or showed why it could not start) already.
    AlreadyMounted,
    /// The root is not among the document's roots (detached, or in a shadow tree), so what it
    /// owns on the page cannot be decided.
    NotInDocument,
    /// The root has no table.
    NoTable,
    /// The table (this JSON text) cannot be used. What is wrong with it is described on demand by
    /// the helpers' module (the JS shell asks it), which keeps the core's table messages out of
    /// the widget's wasm.
    Table(String),
    /// The browser refused something the widget asked of the page.
    Page(JsValue),
}

impl MountError {
    /// What is wrong, for the page's author.
    pub fn message(&self) -> String {
        match self {
            MountError::NotARoot => {
                concat(&["mount(root): the element is not a panel root (it has no ", ROOT.name, " attribute)"])
            }
            MountError::AlreadyMounted => {
                "mount(root): this root is mounted already (or showed why it could not start); destroy its widget first"
                    .into()
            }
            MountError::NotInDocument => "mount(root): the root is not in the document".into(),
            MountError::NoTable => concat(&[
                "the panel has no table (give the root a ",
                ACTIONS_JSON.name,
                " attribute or a <script type=\"application/json\" ",
                ACTIONS_SCRIPT.name,
                "> child, or pass the table option)",
            ]),
            MountError::Table(_) => "the action table cannot be used".into(),
            MountError::Page(error) => error_message(error),
        }
    }
}

impl Widget {
    /// Mounts a widget on `root`, owning the link parameters `names` and controlling `guide`;
    /// `page_notice` is shown in the panel for as long as the widget lives. When the table had to
    /// be repaired, `on_repaired(json)` is called: the shell has the helpers' module describe the
    /// repairs and shows them with [`Widget::show_table_notices`] (the core's messages for them
    /// stay out of the widget's wasm).
    pub fn mount(
        root: &Element,
        table: Option<String>,
        names: ParamNames,
        guide: Vec<Element>,
        page_notice: Option<String>,
        on_change: js_sys::Function,
        on_repaired: &js_sys::Function,
    ) -> Result<Widget, MountError> {
        let json = table_json(root, table).ok_or(MountError::NoTable)?;
        let Ok(loaded) = Table::from_json(&json) else { return Err(MountError::Table(json)) };
        if !loaded.notices.is_empty() {
            report(on_repaired.call1(&JsValue::NULL, &JsValue::from_str(&json)).map(drop));
        }
        // The index is built once the JSON text is freed, in its room (the widget's memory after
        // mounting 100,000 actions went from 60.7 MB to 43.8 MB).
        drop(json);
        let catalog = Catalog::with_index(loaded, fold_case);
        let original_children = root.clone_node_with_deep(true).map_err(MountError::Page)?;
        let state = State::new(root, names, catalog, guide, page_notice, on_change).map_err(MountError::Page)?;
        let state = Rc::new(RefCell::new(state));
        let listeners = listen_all(&state);
        report(root.set_attribute(STATE.name, "ready"));
        let was_hidden = root.has_attribute("hidden");
        set_hidden(root, false);
        // A choice restored from the link is a change too.
        notify(&state);
        Ok(Widget { state, root: root.clone(), original_children, was_hidden, _listeners: listeners })
    }
}

/// A busy widget: only possible if the page calls it from inside its own event handler.
fn busy() -> JsError {
    JsError::new("scope-selector: the widget is busy")
}

#[wasm_bindgen]
impl Widget {
    /// The choice as `[actions, scopes, url]`: the chosen ids in table order, the scopes they
    /// need, and the guide URL that reopens it.
    #[wasm_bindgen(unchecked_return_type = "[string[], string[], string]")]
    pub fn choice(&self) -> Result<js_sys::Array, JsError> {
        Ok(self.state.try_borrow().map_err(|_| busy())?.choice())
    }

    /// Shows what was repaired in the table (one notice per line) for as long as the widget lives.
    pub fn show_table_notices(&self, notices: &str) -> Result<(), JsError> {
        let mut state = self.state.try_borrow_mut().map_err(|_| busy())?;
        state.table_notices.insert(0, notices.into());
        state.update_choice(false).map_err(|error| JsError::new(&error_message(&error)))
    }

    /// Replaces the choice with the actions `ids` (separated as in a link: spaces or commas).
    /// Throws, changing nothing, when one is not in the table.
    pub fn select(&self, ids: &str) -> Result<(), JsError> {
        {
            let mut state = self.state.try_borrow_mut().map_err(|_| busy())?;
            let (chosen, unknown) = choose(&state.catalog.table, &[ids]);
            if unknown > 0 {
                return Err(JsError::new(&concat(&[
                    "scope-selector: select(ids): ",
                    &decimal(unknown),
                    " of the ids are not in this widget's table; nothing was changed",
                ])));
            }
            state.chosen = chosen;
            state.update_choice(true).map_err(|error| JsError::new(&error_message(&error)))?;
        }
        notify(&self.state);
        Ok(())
    }
}

impl Drop for Widget {
    fn drop(&mut self) {
        if let Ok(state) = self.state.try_borrow() {
            for element in &state.guide {
                element.restore();
            }
        }
        let original = js_sys::Array::from(&self.original_children.child_nodes());
        self.root.replace_children_with_node(&original);
        let _ = self.root.remove_attribute(STATE.name);
        set_hidden(&self.root, self.was_hidden);
    }
}

/// Calls the widget's `on_change` if its choice changed (with no borrow held, so the callback may
/// use the widget).
fn notify(state: &Rc<RefCell<State>>) {
    let call = match state.try_borrow_mut() {
        Ok(mut state) if state.changed => {
            state.changed = false;
            Some((state.on_change.clone(), state.choice()))
        }
        _ => None,
    };
    if let Some((on_change, choice)) = call {
        report(on_change.call1(&JsValue::NULL, &choice).map(drop));
    }
}

impl State {
    fn new(
        root: &Element,
        names: ParamNames,
        catalog: Catalog,
        guide: Vec<Element>,
        page_notice: Option<String>,
        on_change: js_sys::Function,
    ) -> Result<State, JsValue> {
        let parts = Parts::find(root)?;
        let link = read_url(&page_url()?, &names, &catalog.table);
        let mut unknown = Vec::new();
        let guide =
            guide.into_iter().filter_map(|element| GuideElement::read(element, &catalog.table, &mut unknown)).collect();
        super::guide::warn_unknown(&unknown);
        let mut state = State {
            result: (0..catalog.table.len() as u32).collect(),
            table_notices: page_notice.into_iter().collect(),
            link_notices: link.notices.iter().map(LinkNotice::message).collect(),
            changed: !link.actions.is_empty(),
            on_change,
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
            self.changed = true;
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

    /// `[actions, scopes, url]` (see [`Widget::choice`]).
    fn choice(&self) -> js_sys::Array {
        let table = &self.catalog.table;
        let ids = strings(self.chosen.iter().map(|action| table.id(action)));
        let scopes = strings(table.scope_names(&table.scope_union(self.chosen.iter())));
        let url = self.link().map(|(href, _)| href).unwrap_or_default();
        js_sys::Array::of3(&ids, &scopes, &JsValue::from_str(&url))
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

    /// The keyboard (keys without Ctrl, Cmd or Alt): `/` outside a text field focuses the search
    /// box of the page's first panel that has one (unless the site handled the key first: a site
    /// search bound to `/` before the widget mounted keeps it); in the panel, ↓ goes from the search box to the first row, ↓/↑ from row to row and
    /// from the first row back up to the search box, and Esc in the search box clears it. (Space
    /// ticks a row: it is a checkbox.)
    fn on_key(&mut self, event: &Event) -> Result<(), JsValue> {
        let Some(event) = event.dyn_ref::<KeyboardEvent>() else { return Ok(()) };
        let key = event.key();
        // (Keys that pick an input method's candidates are the method's.)
        if !matches!(key.as_str(), "/" | "ArrowDown" | "ArrowUp" | "Escape")
            || event.ctrl_key()
            || event.meta_key()
            || event.alt_key()
            || event.is_composing()
        {
            return Ok(());
        }
        // Where the key was pressed: inside a shadow tree, the element there, not its host; a
        // key sent to the window has no element.
        let target = event.composed_path().get(0).dyn_into::<Element>().ok();
        let search = self.parts.search.clone();
        if key == "/" {
            let first = document()?.query_selector(SEARCH.selector())?;
            let typing = target.map(|target| target.closest(TEXT_FIELDS)).transpose()?.flatten().is_some();
            if let Some(search) = search.filter(|search| search.is_same_node(first.as_ref().map(AsRef::as_ref))) {
                if !event.default_prevented() && !typing {
                    event.prevent_default();
                    search.focus()?;
                }
            }
            return Ok(());
        }
        let in_search = search.as_ref().is_some_and(|search| search.is_same_node(target.as_ref().map(AsRef::as_ref)));
        // The position in the result of the focused row (None: the search box has the focus).
        let from = match self.list.focused_action() {
            _ if in_search => None,
            Some(action) => Some(self.result.iter().position(|&shown| shown == action).unwrap_or_default()),
            None => return Ok(()),
        };
        let to = match (key.as_str(), from) {
            ("Escape", None) => {
                let Some(search) = search.filter(|search| !search.value().is_empty()) else { return Ok(()) };
                search.set_value("");
                event.prevent_default();
                return self.on_search(event);
            }
            ("ArrowDown", None) => 0,
            ("ArrowDown", Some(at)) => at + 1,
            ("ArrowUp", Some(0)) => {
                event.prevent_default();
                return search.map_or(Ok(()), |search| search.focus());
            }
            ("ArrowUp", Some(at)) => at - 1,
            _ => return Ok(()),
        };
        let Some(&action) = self.result.get(to) else { return Ok(()) };
        event.prevent_default();
        if !self.list.focus(action)? {
            // Beyond the rendered rows of a long list: scrolled to, rendered, then focused.
            self.parts.list.set_scroll_top((to as f64 * self.list.row_height()) as i32);
            self.render_list()?;
            self.list.focus(action)?;
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

/// Wires the panel's controls, its keys and the page's `/`. Each listener holds the state; the
/// widget holds the listeners.
fn listen_all(state: &Rc<RefCell<State>>) -> Vec<Listener> {
    let listen = |target: &EventTarget, kind: &'static str, handler: Handler| {
        let state = Rc::clone(state);
        Listener::new(target, kind, move |event| {
            // Re-entered while busy only by a widget hearing its own URL_CHANGED, which it does
            // not need (events a page's change callback dispatches come after the borrow, as
            // `notify` runs then); skipping a busy state also means no borrow can ever panic.
            if let Ok(mut current) = state.try_borrow_mut() {
                report(handler(&mut current, event));
            }
            notify(&state);
        })
    };
    // The state was just made and nothing holds it yet (`try_borrow`: no panic path in the wasm).
    let Ok(current) = state.try_borrow() else { return Vec::new() };
    let parts = &current.parts;
    let mut listeners =
        vec![listen(&parts.rows, "change", State::on_check), listen(&parts.list, "scroll", State::on_scroll)];
    if let Ok(window) = window() {
        listeners.push(listen(&window, URL_CHANGED, State::on_url_changed));
        listeners.push(listen(&window, "keydown", State::on_key));
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
