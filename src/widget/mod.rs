//! The wasm boundary that touches the page: `mount(root, options)` turns one panel root into a
//! [`Widget`], `sweep()` destroys the widgets whose roots left the document. The JS shell's
//! `mountAll` and auto-mount call these; which roots exist is the page's business.
//!
//! Which guide elements a root controls, and which URL parameters an unnamed root owns, are read
//! from the document when the root is mounted (see `docs/api.md`): the guide elements after it in
//! document order up to the next root (the first root also controls those before it), and
//! `actions` for the first root of the page, `N-actions` for the N-th.

mod copy;
mod dom;
mod guide;
mod journal;
mod list;
mod parts;
mod state;

use crate::api::{fold_case, JsCatalog};
use dom::{document_of, find_all, report, warn, window};
use gloo_events::EventListener;
use guide::{warn_unknown, GuideElement};
use journal::Journal;
use js_sys::{Array, Function, Object, Reflect};
use parts::Parts;
use scope_selector_core::contract::{selector_of, ACTIONS_JSON, ACTIONS_SCRIPT, GUIDE_ELEMENTS, ROOT, STATE, STRINGS};
use scope_selector_core::guide_url::{read_url, ParamNames};
use scope_selector_core::panel::{Notice, Panel};
use scope_selector_core::strings::{Key, Strings};
use scope_selector_core::text::concat;
use scope_selector_core::Catalog;
use state::{page_url, Outcome, State, CHANGE, URL_CHANGED};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CustomEvent, CustomEventInit, Element, Event, EventTarget};

/// A mounted widget, as JS holds it.
#[wasm_bindgen]
pub struct Widget {
    mounted: Rc<Mounted>,
}

struct Mounted {
    state: Rc<RefCell<State>>,
    listeners: RefCell<Vec<EventListener>>,
    root: Element,
    on_change: Option<Function>,
    destroyed: Cell<bool>,
}

thread_local! {
    /// Every widget mounted and not destroyed, in mounting order.
    static MOUNTED: RefCell<Vec<Rc<Mounted>>> = const { RefCell::new(Vec::new()) };
}

/// An `Error` with this message.
fn error(message: &str) -> JsValue {
    js_sys::Error::new(message).into()
}

/// The message of a thrown JS value.
fn error_message(error: &JsValue) -> String {
    match error.dyn_ref::<js_sys::Error>() {
        Some(error) => error.message().into(),
        None => error.as_string().unwrap_or_else(|| "unknown error".into()),
    }
}

/// What `mount`'s options give, checked.
struct Options {
    table: Option<String>,
    key: Option<String>,
    strings: Option<String>,
    on_change: Option<Function>,
}

/// Reads an options object (`undefined` or `null`: no options).
fn read_options(options: &JsValue) -> Result<Options, JsValue> {
    let mut read = Options { table: None, key: None, strings: None, on_change: None };
    if options.is_undefined() || options.is_null() {
        return Ok(read);
    }
    if !options.is_object() {
        return Err(error("mount(root, options): options must be an object"));
    }
    let field = |name: &str| {
        Reflect::get(options, &JsValue::from_str(name)).map(|value| (!value.is_undefined()).then_some(value))
    };
    // The table: JSON text as it is, anything else written as JSON for the core to read (so a
    // wrongly shaped table gets the same message as one in the markup).
    read.table = match field("table")? {
        Some(table) if table.is_string() => table.as_string(),
        Some(table) if table.is_object() => Some(String::from(js_sys::JSON::stringify(&table)?)),
        Some(_) => return Err(error("mount(root, options): options.table must be an array of actions or JSON text")),
        None => None,
    };
    read.key = match field("key")? {
        Some(key) => Some(key.as_string().ok_or_else(|| error("mount(root, options): options.key must be a string"))?),
        None => None,
    };
    read.strings = match field("strings")? {
        Some(strings) if strings.is_string() => strings.as_string(),
        Some(strings) if strings.is_object() => Some(String::from(js_sys::JSON::stringify(&strings)?)),
        Some(_) => return Err(error("mount(root, options): options.strings must be an object")),
        None => None,
    };
    read.on_change = match field("onChange")? {
        Some(callback) => {
            Some(callback.dyn_into().map_err(|_| error("mount(root, options): options.onChange must be a function"))?)
        }
        None => None,
    };
    Ok(read)
}

/// The widget's strings: the defaults, the root's `data-guide-strings`, then the option; plural
/// forms follow the language of the root (its `lang`, or the document's).
fn strings_for(root: &Element, option: Option<&str>) -> Strings {
    let mut strings = Strings::english();
    let sources = [root.get_attribute(STRINGS.name), option.map(str::to_owned)];
    for problem in sources.iter().flatten().flat_map(|json| strings.add_json(json)) {
        warn(&problem.message());
    }
    let lang = root.closest("[lang]").ok().flatten().and_then(|element| element.get_attribute("lang"));
    let locales = Array::new();
    if let Some(lang) = lang.filter(|lang| !lang.trim().is_empty()) {
        locales.push(&JsValue::from_str(&lang));
    }
    let rules = js_sys::Intl::PluralRules::new(&locales, &Object::new());
    strings.set_plural_rule(move |count| rules.select(count as f64).into());
    strings
}

/// The table text for `root`: the option, a `<script type="application/json" data-guide-actions>`
/// child, or the `data-guide-actions-json` attribute.
fn table_text(root: &Element, option: Option<String>) -> Option<String> {
    option
        .or_else(|| dom::find(root, ACTIONS_SCRIPT).and_then(|script| script.text_content()))
        .or_else(|| root.get_attribute(ACTIONS_JSON.name))
}

/// The roots of `root`'s document in order, `root`'s position among them, and the guide elements
/// `root` controls: those after it up to the next root, and for the first root those before it.
fn place(root: &Element) -> Result<(Vec<Element>, usize, Vec<Element>), JsValue> {
    let document = document_of(root)?;
    let mut roots = Vec::new();
    // Each guide element with the position of the root before it (`None`: before every root).
    let mut owned = Vec::new();
    for element in find_all(&document, &selector_of(&GUIDE_ELEMENTS))? {
        if element.has_attribute(ROOT.name) {
            roots.push(element);
        } else {
            owned.push((roots.len().checked_sub(1), element));
        }
    }
    let position = roots
        .iter()
        .position(|other| other == root)
        .ok_or_else(|| error("mount(root): the panel root is not in its document"))?;
    let guide = owned
        .into_iter()
        .filter(|(owner, _)| *owner == Some(position) || owner.is_none() && position == 0)
        .map(|(_, element)| element)
        .collect();
    Ok((roots, position, guide))
}

/// The parameter names every other root of the page owns: a mounted widget's own, otherwise the
/// names its markup gives it.
fn other_names(roots: &[Element], root: &Element) -> Vec<ParamNames> {
    MOUNTED.with(|mounted| {
        let mounted = mounted.borrow();
        roots
            .iter()
            .enumerate()
            .filter(|(_, other)| *other != root)
            .map(|(position, other)| {
                let widget = mounted.iter().find(|widget| &widget.root == other);
                let names =
                    widget.and_then(|widget| widget.state.try_borrow().ok().map(|state| state.panel.names().clone()));
                names.unwrap_or_else(|| {
                    ParamNames::for_root(&other.get_attribute(ROOT.name).unwrap_or_default(), position)
                })
            })
            .collect()
    })
}

/// Mounts a widget on `root`, a panel root (`[data-guides-scope-selector]`).
///
/// Options: `table` (an array of actions, or JSON text) instead of the markup's table, `key`
/// instead of the root's attribute value, `strings` replacing texts, `onChange(detail)` called
/// whenever the choice or the separator changes. Throws an `Error` when `root` is not a panel
/// root, is mounted already, or its table cannot be used (the message is the panel alert's text).
#[wasm_bindgen(js_name = mount)]
pub fn mount(root: JsValue, options: JsValue) -> Result<Widget, JsValue> {
    let root: Element =
        root.dyn_into().ok().filter(|root: &Element| root.has_attribute(ROOT.name)).ok_or_else(|| {
            error("mount(root): root must be a panel root, an element with data-guides-scope-selector")
        })?;
    if MOUNTED.with(|mounted| mounted.borrow().iter().any(|widget| widget.root == root)) {
        return Err(error("mount(root): this panel is mounted already; destroy() its widget first"));
    }
    if let Some(state) = root.get_attribute(STATE.name) {
        return Err(error(&concat(&[
            "mount(root): this panel was mounted before (",
            STATE.name,
            "=\"",
            &state,
            "\")",
        ])));
    }
    let options = read_options(&options)?;
    let strings = strings_for(&root, options.strings.as_deref());
    let fail = |reason: &str| error(&strings.text(Key::Failed, &[("reason", reason)]));
    let text = table_text(&root, options.table)
        .ok_or_else(|| fail(&strings.text(Key::NoTable, &[("attribute", ACTIONS_JSON.name)])))?;
    let catalog = Catalog::from_json(&text, fold_case).map_err(|problem| fail(&problem.describe(&strings)))?;
    let (roots, position, guide) = place(&root)?;
    let key = options.key.unwrap_or_else(|| root.get_attribute(ROOT.name).unwrap_or_default());
    let names = ParamNames::for_root(&key, position);

    let mut journal = Journal::default();
    journal.attribute(&root, STATE.name);
    let parts = Parts::find(&root, &strings, &mut journal).map_err(|problem| fail(&error_message(&problem)))?;
    let mut panel = Panel::new(Rc::new(catalog), names);
    if other_names(&roots, &root).iter().any(|other| other.actions == panel.names().actions) {
        let parameter = panel.names().actions.clone();
        warn(&Notice::ParamCollision(parameter.clone()).describe(&Strings::english()));
        panel.add_notice(Notice::ParamCollision(parameter));
    }
    let mut unknown = Vec::new();
    let guide = guide
        .into_iter()
        .filter_map(|element| GuideElement::read(element, panel.table(), &mut journal, &mut unknown))
        .collect();
    warn_unknown(&unknown);
    panel.restore(read_url(&page_url()?, panel.names(), panel.table()));
    let restored = !panel.chosen().is_empty();
    if let Some(delimiter) = &parts.delimiter {
        delimiter.set_value(panel.separator().name());
    }
    if let Some(query) = parts.search.as_ref().map(|search| search.value()).filter(|query| !query.is_empty()) {
        panel.search(&query);
    }
    let state = State { panel, parts, list: Default::default(), guide, strings, journal };
    let state = Rc::new(RefCell::new(state));
    {
        let Ok(mut current) = state.try_borrow_mut() else { return Err(error("mount(root): busy")) };
        current.render(false)?;
        if let Some(loading) = &current.parts.loading {
            dom::write_hidden(loading, true);
        }
    }
    let mounted = Rc::new(Mounted {
        state,
        listeners: RefCell::new(Vec::new()),
        root: root.clone(),
        on_change: options.on_change,
        destroyed: Cell::new(false),
    });
    *mounted.listeners.borrow_mut() = listen_all(&mounted);
    root.set_attribute(STATE.name, "ready")?;
    MOUNTED.with(|all| all.borrow_mut().push(Rc::clone(&mounted)));
    if restored {
        mounted.changed();
    }
    Ok(Widget { mounted })
}

/// Destroys the widgets whose roots are no longer in their document (after a client-side
/// navigation replaced the page's content); returns how many.
#[wasm_bindgen]
pub fn sweep() -> u32 {
    let gone: Vec<Rc<Mounted>> =
        MOUNTED.with(|mounted| mounted.borrow().iter().filter(|widget| !widget.root.is_connected()).cloned().collect());
    for widget in &gone {
        widget.destroy();
    }
    gone.len() as u32
}

impl Mounted {
    /// Tells the page that the choice changed: `onChange(detail)` and a bubbling
    /// `scope-selector:change` event on the root, with `{actions, scopes, url}`.
    fn changed(&self) {
        let detail = match self.state.try_borrow() {
            Ok(state) => detail(&state.panel),
            Err(_) => return,
        };
        let Ok(detail) = detail else { return };
        if let Some(callback) = &self.on_change {
            report(callback.call1(&JsValue::NULL, &detail).map(drop));
        }
        let init = CustomEventInit::new();
        init.set_bubbles(true);
        init.set_detail(&detail);
        if let Ok(event) = CustomEvent::new_with_event_init_dict(CHANGE, &init) {
            report(self.root.dispatch_event(&event).map(drop));
        }
    }

    fn destroy(&self) {
        if self.destroyed.replace(true) {
            return;
        }
        self.listeners.borrow_mut().clear();
        if let Ok(mut state) = self.state.try_borrow_mut() {
            std::mem::take(&mut state.journal).undo();
        }
        MOUNTED.with(|mounted| mounted.borrow_mut().retain(|widget| widget.root != self.root));
    }
}

/// `{actions, scopes, url}` of a panel's choice.
fn detail(panel: &Panel) -> Result<JsValue, JsValue> {
    let strings = |items: Vec<&str>| items.into_iter().map(JsValue::from_str).collect::<Array>();
    let detail = Object::new();
    Reflect::set(&detail, &"actions".into(), &strings(panel.selected_ids()))?;
    Reflect::set(&detail, &"scopes".into(), &strings(panel.scope_names()))?;
    Reflect::set(&detail, &"url".into(), &JsValue::from_str(&panel.url(&page_url()?).0))?;
    Ok(detail.into())
}

type Handler = fn(&mut State, &Event) -> Outcome;

/// Wires the panel's controls. Each listener holds the widget; the widget holds the listeners.
fn listen_all(mounted: &Rc<Mounted>) -> Vec<EventListener> {
    let listen = |target: &EventTarget, kind: &'static str, handler: Handler| {
        let weak = Rc::downgrade(mounted);
        EventListener::new(target, kind, move |event| {
            let Some(mounted) = weak.upgrade() else { return };
            // A busy state (a handler that dispatched an event someone answered synchronously)
            // skips the event instead of panicking on a second borrow.
            let outcome = match mounted.state.try_borrow_mut() {
                Ok(mut state) => handler(&mut state, event),
                Err(_) => return,
            };
            match outcome {
                Ok(true) => mounted.changed(),
                Ok(false) => {}
                Err(problem) => report(Err(problem)),
            }
        })
    };
    let Ok(state) = mounted.state.try_borrow() else { return Vec::new() };
    let parts = &state.parts;
    let mut listeners =
        vec![listen(&parts.rows, "change", State::on_check), listen(&parts.list, "scroll", State::on_scroll)];
    if let Ok(window) = window() {
        listeners.push(listen(&window, URL_CHANGED, State::on_url_changed));
    }
    let controls: [(&Option<Element>, &'static str, Handler); 4] = [
        (&parts.select_all, "click", State::on_select_all),
        (&parts.clear, "click", State::on_clear),
        (&parts.copy_url, "click", State::on_copy),
        (&parts.copy_scopes, "click", State::on_copy),
    ];
    for (control, kind, handler) in controls {
        if let Some(control) = control {
            listeners.push(listen(control, kind, handler));
        }
    }
    if let Some(search) = &parts.search {
        listeners.push(listen(search, "input", State::on_search));
    }
    if let Some(delimiter) = &parts.delimiter {
        listeners.push(listen(delimiter, "change", State::on_separator));
    }
    for element in &state.guide {
        if let GuideElement::Copy(button) = element {
            listeners.push(listen(button, "click", State::on_copy));
        }
    }
    listeners
}

impl Mounted {
    /// The state, unless the widget was destroyed (or is busy handling an event).
    fn state(&self) -> Result<std::cell::RefMut<'_, State>, JsValue> {
        if self.destroyed.get() {
            return Err(error("this widget was destroyed"));
        }
        self.state.try_borrow_mut().map_err(|_| error("this widget is busy handling an event"))
    }
}

#[wasm_bindgen]
impl Widget {
    /// The chosen action ids, in table order.
    #[wasm_bindgen(unchecked_return_type = "string[]")]
    pub fn selected(&self) -> Result<Array, JsValue> {
        let state = self.mounted.state()?;
        Ok(state.panel.selected_ids().into_iter().map(JsValue::from_str).collect())
    }

    /// The scope union of the choice, in table order of first appearance.
    #[wasm_bindgen(unchecked_return_type = "string[]")]
    pub fn scopes(&self) -> Result<Array, JsValue> {
        let state = self.mounted.state()?;
        Ok(state.panel.scope_names().into_iter().map(JsValue::from_str).collect())
    }

    /// The guide URL of the choice.
    pub fn url(&self) -> Result<String, JsValue> {
        let state = self.mounted.state()?;
        Ok(state.panel.url(&page_url()?).0)
    }

    /// Replaces the choice with these action ids; throws, changing nothing, if an id is unknown.
    pub fn select(&self, #[wasm_bindgen(unchecked_param_type = "string[]")] ids: JsValue) -> Result<(), JsValue> {
        {
            let mut state = self.mounted.state()?;
            if !Array::is_array(&ids) {
                return Err(error("select(ids): ids must be an array of action ids"));
            }
            let ids: Vec<String> = Array::from(&ids)
                .iter()
                .map(|id| id.as_string())
                .collect::<Option<_>>()
                .ok_or_else(|| error("select(ids): every id must be a string"))?;
            let (chosen, unknown) = state.panel.table().ids_to_set(ids.iter().map(String::as_str));
            if !unknown.is_empty() {
                let unknown = scope_selector_core::guide_url::UrlError::UnknownActions(
                    unknown.into_iter().map(str::to_owned).collect(),
                );
                return Err(error(&concat(&["select(ids): ", &unknown.message()])));
            }
            state.panel.choose(chosen);
            state.render(true)?;
        }
        self.mounted.changed();
        Ok(())
    }

    /// Deselects every action.
    pub fn clear(&self) -> Result<(), JsValue> {
        {
            let mut state = self.mounted.state()?;
            let len = state.panel.table().len();
            state.panel.choose(scope_selector_core::BitSet::new(len));
            state.render(true)?;
        }
        self.mounted.changed();
        Ok(())
    }

    /// Removes every listener and every element the widget added; the panel and its guide return
    /// to their markup from before mounting. A second call does nothing (and says so).
    pub fn destroy(&self) {
        if self.mounted.destroyed.get() {
            warn("destroy() was called on a widget that is already destroyed");
        }
        self.mounted.destroy();
    }

    /// The widget's catalogue (shared: searching it does not change the panel).
    #[wasm_bindgen(getter)]
    pub fn catalog(&self) -> Result<JsCatalog, JsValue> {
        let state = self.mounted.state()?;
        Ok(JsCatalog::shared(Rc::clone(state.panel.catalog())))
    }

    /// The panel root.
    #[wasm_bindgen(getter)]
    pub fn root(&self) -> Element {
        self.mounted.root.clone()
    }
}
