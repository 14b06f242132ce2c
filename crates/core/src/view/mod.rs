//! The view model: one panel's state, the reader's events that change it, and everything the
//! page shows for it, as plain data. The JS renderer reads the page into a [`Setup`], sends the
//! reader's [`Event`]s and applies the [`View`] it gets back; it decides nothing this module
//! decides (the search result and its order, the window of rows, the marks, the scopes to grant, the
//! guide's visibility and badges, the URL, the presets' state, the key report, every message).
//!
//! - [`list`]: the rows to draw and their marked words;
//! - [`groups`]: a grouped panel's module headers, scope toggles and lines;
//! - [`key`]: the report on a key the reader pasted;
//! - [`json`]: the view written as JSON, the form it crosses the wasm boundary in.
//!
//! ```
//! use scope_selector_core::view::{Event, Panel, Setup};
//! use scope_selector_core::Table;
//! let loaded = Table::from_json(r#"[{"id":"jobs_list","label":"List jobs","scopes":["jobsRead"]},
//!     {"id":"offer_create","label":"Create offer","scopes":["offersWrite","jobsRead"]}]"#).unwrap();
//! let mut panel = Panel::new(loaded, Setup { url: "https://docs.example/ashby", ..Setup::default() }, str::to_lowercase);
//! panel.update(Event::Toggle { action: 1, chosen: true }).unwrap();
//! let view = panel.view();
//! let choice = view.choice.unwrap();
//! assert_eq!(choice.output, "jobsRead offersWrite");
//! assert_eq!(choice.url, "https://docs.example/ashby?actions=offer_create");
//! assert!(choice.changed && choice.write_url);
//! ```

pub mod groups;
pub mod json;
pub mod key;
pub mod list;

use crate::guide::{scope_item_visible, unknown_scopes, GuideChoice, GuideScopes};
use crate::guide_url::{choose, collisions, read_url, write_url, LinkNotice, ParamNames};
use crate::highlight::query_words;
use crate::least_privilege::scopes_to_grant;
use crate::message::{Describe, Message};
use crate::modules::{declares_groups, offered_scopes, press_scope, ModuleIndex};
use crate::presets::{read_presets, Preset};
use crate::scope_names::ScopeNames;
use crate::search::Fold;
use crate::table::Loaded;
use crate::window::is_windowed;
use crate::{BitSet, Catalog, Separator};

/// What the renderer read from the page for one panel root.
#[derive(Debug, Clone, Default)]
pub struct Setup<'a> {
    /// The page's address.
    pub url: &'a str,
    /// The key of every panel root of the page, in document order (a root's
    /// `data-guides-scope-selector` value, or the `key` option for the root being mounted).
    pub roots: Vec<&'a str>,
    /// This root's position among them.
    pub at: usize,
    /// Every guide element of the page, in document order.
    pub guide: Vec<GuideInput<'a>>,
    /// The root's `data-guide-presets`.
    pub presets: Option<&'a str>,
    /// The root's `data-guide-scope-labels`.
    pub scope_labels: Option<&'a str>,
    /// What the search box holds already (a browser may restore it).
    pub query: &'a str,
    /// The root's `data-guide-group-by` is `module`: the list is grouped by module (as it is
    /// when the table gives its actions a `group`).
    pub group_by_module: bool,
}

/// A guide element as the page has it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GuideInput<'a> {
    /// How many panel roots come before it in the document.
    pub roots_before: usize,
    /// What it is.
    pub kind: GuideKind<'a>,
}

/// The kinds of guide elements, with the attribute each is read by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GuideKind<'a> {
    /// A `data-guide-section` or `data-guide-step` and its `data-guide-scopes`.
    Block(&'a str),
    /// A `data-guide-display-scope` item and its scope.
    ScopeItem(&'a str),
    /// A `data-guide-actions-badge` and its scopes (its own `-scopes`, else its step's).
    Badge(&'a str),
}

/// Whether the guide element that follows `roots_before` roots belongs to the root at `at`: a root
/// controls the elements after it up to the next root, and the first root also those before it.
///
/// ```
/// use scope_selector_core::view::controls;
/// assert!(controls(0, 0) && controls(0, 1) && !controls(0, 2) && controls(1, 2));
/// ```
pub fn controls(at: usize, roots_before: usize) -> bool {
    roots_before == at + 1 || (at == 0 && roots_before == 0)
}

/// Something the reader (or the page's script) did.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// The search box holds this text.
    Search(String),
    /// An action's checkbox was ticked or unticked.
    Toggle {
        /// The action.
        action: u32,
        /// Whether it is now chosen.
        chosen: bool,
    },
    /// Choose every action the search shows.
    SelectAll,
    /// Choose nothing.
    Clear,
    /// Replace the choice with these ids (spaces or commas between them), as the API's `select`.
    Select(String),
    /// Replace the choice with these actions, by index (those out of range are ignored), as the
    /// helpers' `Catalog.scopes` does.
    Choose(Vec<usize>),
    /// The separator `<select>` holds this name.
    Separator(String),
    /// Where the list is: how far it is scrolled past the top of the rows, how tall its viewport
    /// is, and how tall a row is (all in pixels).
    Window {
        /// Scrolled past the top of the rows.
        scrolled: f64,
        /// The list's visible height.
        viewport: f64,
        /// A row's height.
        row_height: f64,
    },
    /// A preset's button was pressed (by position).
    Preset(usize),
    /// The key field holds this text.
    Key(String),
    /// Choose the actions the pasted key can run.
    ChooseRunnable,
    /// The page's address changed (another panel wrote its choice into it).
    Url(String),
    /// A module header's checkbox: choose or release the module's actions (those the search
    /// shows, while one is active).
    Module {
        /// The module (its position among the modules).
        module: usize,
        /// Whether they are now chosen.
        chosen: bool,
    },
    /// A module header was expanded or collapsed.
    Expand {
        /// The module.
        module: usize,
        /// Whether it now shows its actions.
        expanded: bool,
    },
    /// A module header's scope toggle was pressed or released ([`press_scope`]).
    Scope {
        /// The module.
        module: usize,
        /// The scope.
        scope: usize,
        /// Whether it is now pressed.
        pressed: bool,
    },
}

/// A guide element this panel controls, resolved against the table.
#[derive(Debug, Clone)]
enum GuideElement {
    Block(GuideScopes),
    ScopeItem(String),
    Badge(GuideScopes),
}

/// What a guide element shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GuideView {
    /// Its position among the page's guide elements ([`Setup::guide`]).
    pub element: usize,
    /// Whether it is hidden.
    pub hidden: bool,
    /// For a badge: the labels it lists; `None` keeps the author's text.
    pub badge: Option<String>,
}

/// The parts of the view that follow the choice (the separator, the key and the link too).
#[derive(Debug, Clone, PartialEq)]
pub struct ChoiceView {
    /// The scopes to grant, joined by the separator.
    pub output: String,
    /// The separator's name.
    pub separator: &'static str,
    /// The guide URL of the choice.
    pub url: String,
    /// Notices about the table, the page and the link.
    pub notices: Vec<Message>,
    /// The guide elements this panel controls.
    pub guide: Vec<GuideView>,
    /// Whether each preset is the choice (pressed).
    pub presets: Vec<bool>,
    /// The report on the pasted key (`None` while the key field is empty).
    pub key: Option<key::KeyReport>,
    /// The choice changed: the page tells its listeners.
    pub changed: bool,
    /// The reader changed the choice: the address bar follows it.
    pub write_url: bool,
}

/// Everything the page shows for the panel now.
#[derive(Debug, Clone, PartialEq)]
pub struct View {
    /// The rows to draw.
    pub list: list::ListView,
    /// "N of T actions selected", and how many are shown.
    pub status: Message,
    /// The parts that follow the choice, when they changed since the last view.
    pub choice: Option<ChoiceView>,
}

/// What mounting found that the page's author should fix (written to the console).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Opened {
    /// The presets' labels, in order.
    pub presets: Vec<String>,
    /// Problems with the page's presets, display names and guide scopes.
    pub warnings: Vec<Message>,
    /// The page's guide elements this panel controls (positions in [`Setup::guide`]).
    pub guide: Vec<usize>,
    /// Whether the table is long enough that only the rows in view are drawn for some searches
    /// (the renderer then reports where the list is scrolled, [`Event::Window`]).
    pub windowable: bool,
    /// Whether the list is grouped by module (its views have headers, [`groups`]).
    pub grouped: bool,
    /// Whether the first views have notices, or mounting found warnings, whose words the renderer
    /// loads before it shows the panel (they are not in its everyday words): the table was
    /// repaired, the link could not be used as written, another panel owns the same parameter, or
    /// the page's presets, display names or guide scopes have problems.
    pub problems: bool,
}

/// Where the list stands, as last reported.
#[derive(Debug, Clone, Copy)]
struct Geometry {
    scrolled: f64,
    viewport: f64,
    row_height: f64,
}

/// The state of one mounted panel.
#[derive(Debug, Clone)]
pub struct Panel {
    catalog: Catalog,
    fold: Fold,
    names: ScopeNames,
    /// A grouped panel's modules ([`groups`]); `None` for a flat list.
    groups: Option<groups::Groups>,
    presets: Vec<Preset>,
    params: ParamNames,
    page_url: String,
    guide: Vec<(usize, GuideElement)>,
    query: String,
    /// The search's words, folded (none without a search).
    words: Vec<String>,
    chosen: BitSet,
    /// The scopes to grant for `chosen` (its least privilege set), found once per change of the
    /// choice: the view, the change event and the key report all read it.
    granted: BitSet,
    separator: Separator,
    key: String,
    /// A notice for as long as the panel lives: another panel of the page owns its link parameter
    /// too (the table's repairs, the other lasting notices, are the catalog's).
    shared: Option<LinkNotice>,
    /// Notices about the link the page was opened with, until the reader changes the choice.
    link: Vec<LinkNotice>,
    geometry: Geometry,
    opened: Opened,
    /// The choice's parts changed since the last view.
    dirty: bool,
    changed: bool,
    write_url: bool,
}

/// An API `select` named ids the table lacks: nothing was changed.
///
/// ```
/// use scope_selector_core::view::UnknownIds;
/// assert_eq!(UnknownIds(2).to_string(), "select(ids): 2 of the ids are not in this widget's table; nothing was changed");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnknownIds(pub usize);

impl Describe for UnknownIds {
    fn describe(&self) -> Message {
        Message::new("api.unknownIds").number("count", self.0)
    }
}

impl core::fmt::Display for UnknownIds {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        crate::message::write_english(self, f)
    }
}

impl Panel {
    /// A panel for a table read with [`crate::Table::from_json`] (the caller frees the JSON text
    /// first: the search index then takes its room), set up as the page has it, folding case and
    /// diacritics with `fold`. The link in `setup.url` chooses the first choice.
    pub fn new(loaded: Loaded, setup: Setup<'_>, fold: Fold) -> Panel {
        let catalog = Catalog::with_index(loaded, fold);
        let table = &catalog.table;
        let at = setup.at.min(setup.roots.len().saturating_sub(1));
        let params = ParamNames::for_root(setup.roots.get(at).copied().unwrap_or(""), at);
        let shared = collisions(&setup.roots)
            .iter()
            .any(|&(earlier, later)| earlier == at || later == at)
            .then(|| LinkNotice::SharedParameter(params.actions.clone()));
        let mut opened = Opened { windowable: is_windowed(table.len()), ..Opened::default() };
        let (names, problems) = match setup.scope_labels {
            Some(attribute) => ScopeNames::with_page(table, attribute),
            None => (ScopeNames::new(table), Vec::new()),
        };
        opened.warnings.extend(problems.iter().map(Describe::describe));
        let presets = match setup.presets {
            Some(attribute) => {
                let (presets, problems) = read_presets(attribute, table);
                opened.warnings.extend(problems.iter().map(Describe::describe));
                presets
            }
            None => Vec::new(),
        };
        opened.presets = presets.iter().map(|preset| preset.label.clone()).collect();
        let mut unknown: Vec<&str> = Vec::new();
        let mut guide = Vec::new();
        for (element, input) in setup.guide.iter().enumerate() {
            if !controls(at, input.roots_before) {
                continue;
            }
            let attribute = match input.kind {
                GuideKind::Block(scopes) | GuideKind::ScopeItem(scopes) | GuideKind::Badge(scopes) => scopes,
            };
            for scope in unknown_scopes(table, attribute) {
                if !unknown.contains(&scope) {
                    unknown.push(scope);
                }
            }
            let resolved = match input.kind {
                GuideKind::Block(scopes) => GuideElement::Block(GuideScopes::resolve(table, scopes)),
                GuideKind::ScopeItem(scope) => GuideElement::ScopeItem(scope.to_owned()),
                GuideKind::Badge(scopes) => GuideElement::Badge(GuideScopes::resolve(table, scopes)),
            };
            opened.guide.push(element);
            guide.push((element, resolved));
        }
        opened.warnings.extend(unknown.iter().map(|scope| Message::new("guide.unknownScope").text("scope", *scope)));
        let link = read_url(setup.url, &params, table);
        opened.problems =
            !(catalog.notices.is_empty() && link.notices.is_empty() && opened.warnings.is_empty()) || shared.is_some();
        let granted = scopes_to_grant(table, &link.actions);
        let groups = (setup.group_by_module || declares_groups(table))
            .then(|| groups::Groups::new(ModuleIndex::new(table), table, &names, &link.actions, fold));
        opened.grouped = groups.is_some();
        let mut panel = Panel {
            names,
            groups,
            presets,
            params,
            page_url: setup.url.to_owned(),
            guide,
            query: String::new(),
            words: Vec::new(),
            changed: !link.actions.is_empty(),
            chosen: link.actions,
            granted,
            separator: link.separator,
            link: link.notices,
            key: String::new(),
            shared,
            geometry: Geometry { scrolled: 0.0, viewport: 0.0, row_height: list::DEFAULT_ROW_HEIGHT },
            opened,
            dirty: true,
            write_url: false,
            catalog,
            fold,
        };
        panel.search(setup.query);
        panel
    }

    /// What mounting found (see [`Opened`]).
    pub fn opened(&self) -> &Opened {
        &self.opened
    }

    /// The table and its search index.
    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// The actions matching every word of `query`, best first (the search the list shows, as the
    /// helpers' `Catalog.search` runs it).
    pub fn ranked(&mut self, query: &str) -> &[u32] {
        self.search(query);
        self.catalog.index.last()
    }

    /// The chosen actions.
    pub fn chosen(&self) -> &BitSet {
        &self.chosen
    }

    /// Applies an event. Only [`Event::Select`] can fail: on ids the table lacks it changes nothing.
    pub fn update(&mut self, event: Event) -> Result<(), UnknownIds> {
        match event {
            Event::Search(query) => {
                self.search(&query);
                // A new result is shown from its top.
                self.geometry.scrolled = 0.0;
            }
            Event::Toggle { action, chosen } => {
                if (action as usize) < self.catalog.table.len() {
                    self.chosen.set(action as usize, chosen);
                    self.choice_changed();
                }
            }
            Event::SelectAll => {
                match self.groups.as_ref().and_then(|groups| groups.shown.as_ref()) {
                    Some(shown) => shown.iter().for_each(|action| self.chosen.insert(action)),
                    None => self.catalog.index.last().iter().for_each(|&action| self.chosen.insert(action as usize)),
                }
                self.choice_changed();
            }
            Event::Clear => {
                self.chosen.clear();
                self.choice_changed();
            }
            Event::Select(ids) => {
                let (chosen, unknown) = choose(&self.catalog.table, &[ids.as_str()]);
                if unknown > 0 {
                    return Err(UnknownIds(unknown));
                }
                self.chosen = chosen;
                self.choice_changed();
            }
            Event::Choose(actions) => {
                self.chosen.clear();
                actions.into_iter().for_each(|action| self.chosen.insert(action));
                self.choice_changed();
            }
            Event::Separator(name) => {
                self.separator = Separator::from_name(&name).unwrap_or_default();
                self.choice_changed();
            }
            Event::Window { scrolled, viewport, row_height } => {
                self.geometry = Geometry { scrolled, viewport, row_height };
            }
            Event::Preset(position) => {
                if let Some(preset) = self.presets.get(position) {
                    // A pressed preset is released: the choice is cleared.
                    self.chosen = if preset.is_active(&self.chosen) {
                        BitSet::new(self.catalog.table.len())
                    } else {
                        preset.actions.clone()
                    };
                    self.choice_changed();
                }
            }
            Event::Key(text) => {
                self.key = text;
                self.dirty = true;
            }
            Event::ChooseRunnable => {
                let pasted = key::read(self, &self.key);
                self.chosen = self.catalog.table.actions_within(&pasted.scopes);
                self.choice_changed();
            }
            Event::Url(url) => {
                self.page_url = url;
                self.dirty = true;
            }
            Event::Module { module, chosen } => {
                if let Some(groups) = &self.groups {
                    groups::acting(groups, module).for_each(|action| self.chosen.set(action, chosen));
                    self.choice_changed();
                }
            }
            Event::Expand { module, expanded } => {
                if let Some(groups) = &mut self.groups {
                    groups.expand(module, expanded, groups.shown.is_some());
                }
            }
            Event::Scope { module, scope, pressed } => {
                if let Some(groups) = &self.groups {
                    if offered_scopes(&self.catalog.table, &groups.modules, module).0.contains(&(scope as u32)) {
                        press_scope(&self.catalog.table, &groups.modules, module, scope, pressed, &mut self.chosen);
                        self.choice_changed();
                    }
                }
            }
        }
        Ok(())
    }

    /// Runs the search (the result is the index's last one); a new search shows its modules
    /// expanded.
    fn search(&mut self, query: &str) {
        let new = query != self.query;
        self.query = query.to_owned();
        self.words = if query.trim().is_empty() { Vec::new() } else { query_words(query, self.fold) };
        let found = self.catalog.index.search(query);
        if let Some(groups) = self.groups.as_mut().filter(|_| new) {
            groups.search(&self.words, found, &self.catalog.table);
        }
    }

    /// The reader (or the page's script) changed the choice.
    fn choice_changed(&mut self) {
        self.granted = scopes_to_grant(&self.catalog.table, &self.chosen);
        self.dirty = true;
        self.changed = true;
        self.write_url = true;
        self.link.clear();
    }

    /// Everything the page shows now; the parts that follow the choice only when they changed
    /// since the last view.
    pub fn view(&mut self) -> View {
        let choice = self.dirty.then(|| self.choice_view());
        self.dirty = false;
        self.changed = false;
        self.write_url = false;
        View { list: list::view(self), status: self.status(), choice }
    }

    /// "N of T actions selected" (and "· M shown" while a search hides some).
    fn status(&self) -> Message {
        let total = self.catalog.table.len();
        let shown = match self.groups.as_ref().and_then(|groups| groups.shown.as_ref()) {
            Some(shown) => shown.len(),
            None => self.catalog.index.last().len(),
        };
        let code = if shown == total { "status.selected" } else { "status.selectedShown" };
        Message::new(code).number("chosen", self.chosen.len()).number("count", total).number("shown", shown)
    }

    /// The guide URL of the choice, and the notice when the choice is too large for a link.
    pub fn url(&self) -> (String, Option<LinkNotice>) {
        let modules = self.groups.as_ref().map(|groups| &groups.modules);
        write_url(&self.page_url, &self.params, &self.catalog.table, &self.chosen, self.separator, modules)
    }

    /// The parts of the view that follow the choice.
    fn choice_view(&self) -> ChoiceView {
        let table = &self.catalog.table;
        // The output, the guide's steps, scope items and badges follow the scopes to grant.
        let scopes = &self.granted;
        let (url, too_large) = self.url();
        // Described for each view: the table's repairs, the shared parameter, a choice too large
        // for a link, and what the opening link could not use.
        let mut notices: Vec<Message> = self.catalog.notices.iter().map(Describe::describe).collect();
        notices.extend(self.shared.iter().chain(&too_large).chain(&self.link).map(Describe::describe));
        let choice = GuideChoice::new(table, &self.chosen, scopes);
        let guide = self
            .guide
            .iter()
            .map(|(element, kind)| {
                let (hidden, badge) = match kind {
                    GuideElement::Block(scopes) => (!scopes.visible(choice), None),
                    GuideElement::ScopeItem(scope) => (!scope_item_visible(scope, choice), None),
                    GuideElement::Badge(scopes) => {
                        let labels = scopes.badge_labels(choice);
                        (labels.as_deref() == Some(""), labels)
                    }
                };
                GuideView { element: *element, hidden, badge }
            })
            .collect();
        ChoiceView {
            output: self.separator.join(table.scope_names(scopes)),
            separator: self.separator.name(),
            url,
            notices,
            guide,
            presets: self.presets.iter().map(|preset| preset.is_active(&self.chosen)).collect(),
            key: key::report(self),
            changed: self.changed,
            write_url: self.write_url,
        }
    }

    /// The choice for the page's listeners: the chosen ids in table order, the scopes to grant
    /// (their least privilege set, in table order), and the guide URL.
    pub fn choice(&self) -> (Vec<&str>, Vec<&str>, String) {
        let table = &self.catalog.table;
        let ids = self.chosen.iter().map(|action| table.id(action)).collect();
        let scopes = self.granted.iter().map(|scope| table.scope_name(scope)).collect();
        (ids, scopes, self.url().0)
    }

    /// The scopes to grant as a Markdown checklist (empty when nothing is chosen), its own words
    /// put in words by `words`.
    pub fn markdown(&self, words: &dyn Fn(&Message) -> String) -> String {
        if self.chosen.is_empty() {
            return String::new();
        }
        crate::export::markdown_checklist(&self.catalog.table, &self.names, &self.chosen, &self.url().0, words)
    }
}
