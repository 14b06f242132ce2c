//! One panel's state and what it shows (its view model): the reader's choice, separator and
//! search, and the plain data the widget writes into the page (status line, scopes text,
//! notices, the guide URL, the list rows in view). The widget only reads the page into a
//! [`Panel`] and applies [`Panel::view`] to it; every decision is made here and tested natively.

use crate::bitset::BitSet;
use crate::catalog::Catalog;
use crate::guide::GuideChoice;
use crate::guide_url::{write_url, Decoded, LinkNotice, ParamNames};
use crate::separator::Separator;
use crate::strings::{Key, Strings};
use crate::table::{Table, TableNotice};
use crate::text::{decimal, join};
use crate::window::rows_to_render;
use std::ops::Range;
use std::rc::Rc;

/// A notice shown in the panel for as long as it applies.
///
/// ```
/// use scope_selector_core::{panel::Notice, strings::Strings};
/// let notice = Notice::ParamCollision("2-actions".into());
/// assert!(notice.describe(&Strings::english()).contains("\"2-actions\""));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// Something repaired in the table (shown while the widget lives).
    Table(TableNotice),
    /// Something in the link the page was opened with (shown until the choice changes).
    Link(LinkNotice),
    /// Another widget on the page owns this parameter too.
    ParamCollision(String),
}

impl Notice {
    /// The notice's text.
    ///
    /// ```
    /// use scope_selector_core::{guide_url::LinkNotice, panel::Notice, strings::Strings};
    /// assert_eq!(Notice::Link(LinkNotice::UnknownActions(2)).describe(&Strings::english()), "2 actions in the link were not found in this guide");
    /// ```
    pub fn describe(&self, strings: &Strings) -> String {
        match self {
            Notice::Table(notice) => notice.describe(strings),
            Notice::Link(notice) => notice.describe(strings),
            Notice::ParamCollision(parameter) => strings.text(Key::ParamCollision, &[("parameter", parameter)]),
        }
    }
}

/// How the list is scrolled, as the widget measured it (all in CSS pixels).
///
/// ```
/// use scope_selector_core::panel::Viewport;
/// let viewport = Viewport { scroll_top: 0.0, height: 240.0, row_height: 40.0 };
/// assert_eq!(viewport.height, 240.0);
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Viewport {
    /// How far the list is scrolled past the top of its rows.
    pub scroll_top: f64,
    /// The visible height of the list.
    pub height: f64,
    /// The height of one row.
    pub row_height: f64,
}

/// What the panel shows: plain data, applied to the page by the widget.
///
/// ```
/// use scope_selector_core::{panel::Panel, strings::Strings, Catalog};
/// let catalog = Catalog::from_json(r#"[{"id":"a","label":"A","scopes":["x"]},{"id":"b","label":"B","scopes":["y"]}]"#, str::to_lowercase).unwrap();
/// let mut panel = Panel::new(catalog.into(), Default::default());
/// panel.toggle(1, true);
/// let view = panel.view(&Strings::english(), "https://h/p", None);
/// assert_eq!(view.status, "1 of 2 actions selected");
/// assert_eq!(view.scopes, "y");
/// assert_eq!(view.url, "https://h/p?actions=b");
/// assert_eq!(view.rows, 0..2);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct View {
    /// The status line ("3 of 137 actions selected · 7 shown").
    pub status: String,
    /// The chosen scopes joined by the separator: exactly what "Copy scopes" copies.
    pub scopes: String,
    /// The notices, one per line (empty: none).
    pub notices: String,
    /// The guide URL of the choice.
    pub url: String,
    /// Whether the search matches nothing.
    pub no_results: bool,
    /// Positions in [`Panel::shown`] of the rows to render (every row of a short list).
    pub rows: Range<usize>,
}

/// The state of one panel.
///
/// ```
/// use scope_selector_core::{panel::Panel, Catalog};
/// let catalog = Catalog::from_json(r#"[{"id":"a","label":"List","scopes":["x"]},{"id":"b","label":"Create","scopes":["y"]}]"#, str::to_lowercase).unwrap();
/// let mut panel = Panel::new(catalog.into(), Default::default());
/// panel.search("crea");
/// panel.select_shown();
/// assert_eq!(panel.selected_ids(), ["b"]);
/// ```
#[derive(Debug, Clone)]
pub struct Panel {
    catalog: Rc<Catalog>,
    names: ParamNames,
    chosen: BitSet,
    separator: Separator,
    /// The actions the search shows, in list order.
    shown: Vec<u32>,
    notices: Vec<Notice>,
}

impl Panel {
    /// A panel over `catalog`, owning the link parameters of `names`, with nothing chosen.
    ///
    /// ```
    /// # use scope_selector_core::{panel::Panel, Catalog, guide_url::ParamNames};
    /// # let catalog = Catalog::from_json(r#"[{"id":"a","label":"A","scopes":[]}]"#, str::to_lowercase).unwrap();
    /// let panel = Panel::new(catalog.into(), ParamNames::for_key("crm"));
    /// assert_eq!(panel.names().actions, "crm-actions");
    /// ```
    pub fn new(catalog: Rc<Catalog>, names: ParamNames) -> Panel {
        let len = catalog.table.len();
        let notices = catalog.notices.iter().cloned().map(Notice::Table).collect();
        Panel {
            names,
            chosen: BitSet::new(len),
            separator: Separator::default(),
            shown: (0..len as u32).collect(),
            notices,
            catalog,
        }
    }

    /// Restores the choice and separator of a link, keeping what it could not use as notices.
    ///
    /// ```
    /// # use scope_selector_core::{panel::Panel, Catalog, guide_url::read_url};
    /// # let catalog = Catalog::from_json(r#"[{"id":"a","label":"A","scopes":[]}]"#, str::to_lowercase).unwrap();
    /// let mut panel = Panel::new(catalog.into(), Default::default());
    /// let link = read_url("?actions=a+zz", panel.names(), panel.table());
    /// panel.restore(link);
    /// assert_eq!(panel.selected_ids(), ["a"]);
    /// ```
    pub fn restore(&mut self, link: Decoded) {
        self.chosen = link.actions;
        self.separator = link.separator;
        self.notices.extend(link.notices.into_iter().map(Notice::Link));
    }

    /// Adds a notice that lasts as long as the panel.
    ///
    /// ```
    /// # use scope_selector_core::{panel::{Notice, Panel}, strings::Strings, Catalog};
    /// # let catalog = Catalog::from_json(r#"[{"id":"a","label":"A","scopes":[]}]"#, str::to_lowercase).unwrap();
    /// let mut panel = Panel::new(catalog.into(), Default::default());
    /// panel.add_notice(Notice::ParamCollision("actions".into()));
    /// assert!(!panel.view(&Strings::english(), "https://h/", None).notices.is_empty());
    /// ```
    pub fn add_notice(&mut self, notice: Notice) {
        self.notices.push(notice);
    }

    /// The table.
    ///
    /// ```
    /// # use scope_selector_core::{panel::Panel, Catalog};
    /// # let catalog = Catalog::from_json(r#"[{"id":"a","label":"A","scopes":[]}]"#, str::to_lowercase).unwrap();
    /// assert_eq!(Panel::new(catalog.into(), Default::default()).table().len(), 1);
    /// ```
    pub fn table(&self) -> &Table {
        &self.catalog.table
    }

    /// The catalogue (table and search index).
    ///
    /// ```
    /// # use scope_selector_core::{panel::Panel, Catalog};
    /// # let catalog = Catalog::from_json(r#"[{"id":"a","label":"A","scopes":[]}]"#, str::to_lowercase).unwrap();
    /// assert!(Panel::new(catalog.into(), Default::default()).catalog().notices.is_empty());
    /// ```
    pub fn catalog(&self) -> &Rc<Catalog> {
        &self.catalog
    }

    /// The link parameters this panel owns.
    ///
    /// ```
    /// # use scope_selector_core::{panel::Panel, Catalog};
    /// # let catalog = Catalog::from_json(r#"[{"id":"a","label":"A","scopes":[]}]"#, str::to_lowercase).unwrap();
    /// assert_eq!(Panel::new(catalog.into(), Default::default()).names().separator, "separator");
    /// ```
    pub fn names(&self) -> &ParamNames {
        &self.names
    }

    /// The chosen actions.
    ///
    /// ```
    /// # use scope_selector_core::{panel::Panel, Catalog};
    /// # let catalog = Catalog::from_json(r#"[{"id":"a","label":"A","scopes":[]}]"#, str::to_lowercase).unwrap();
    /// assert!(Panel::new(catalog.into(), Default::default()).chosen().is_empty());
    /// ```
    pub fn chosen(&self) -> &BitSet {
        &self.chosen
    }

    /// The separator.
    ///
    /// ```
    /// # use scope_selector_core::{panel::Panel, Catalog, Separator};
    /// # let catalog = Catalog::from_json(r#"[{"id":"a","label":"A","scopes":[]}]"#, str::to_lowercase).unwrap();
    /// assert_eq!(Panel::new(catalog.into(), Default::default()).separator(), Separator::Space);
    /// ```
    pub fn separator(&self) -> Separator {
        self.separator
    }

    /// The actions the search shows, in list order.
    ///
    /// ```
    /// # use scope_selector_core::{panel::Panel, Catalog};
    /// # let catalog = Catalog::from_json(r#"[{"id":"a","label":"A","scopes":[]},{"id":"b","label":"B","scopes":[]}]"#, str::to_lowercase).unwrap();
    /// let mut panel = Panel::new(catalog.into(), Default::default());
    /// panel.search("b");
    /// assert_eq!(panel.shown(), &[1]);
    /// ```
    pub fn shown(&self) -> &[u32] {
        &self.shown
    }

    /// Searches; the list then shows the matching actions.
    ///
    /// ```
    /// # use scope_selector_core::{panel::Panel, Catalog};
    /// # let catalog = Catalog::from_json(r#"[{"id":"a","label":"A","scopes":[]},{"id":"b","label":"B","scopes":[]}]"#, str::to_lowercase).unwrap();
    /// let mut panel = Panel::new(catalog.into(), Default::default());
    /// panel.search("zzz");
    /// assert!(panel.shown().is_empty());
    /// ```
    pub fn search(&mut self, query: &str) {
        self.shown = self.catalog.index.search(query).to_vec();
    }

    /// Chooses or unchooses one action (an index out of range changes nothing).
    ///
    /// ```
    /// # use scope_selector_core::{panel::Panel, Catalog};
    /// # let catalog = Catalog::from_json(r#"[{"id":"a","label":"A","scopes":[]}]"#, str::to_lowercase).unwrap();
    /// let mut panel = Panel::new(catalog.into(), Default::default());
    /// panel.toggle(0, true);
    /// assert_eq!(panel.selected_ids(), ["a"]);
    /// ```
    pub fn toggle(&mut self, action: usize, on: bool) {
        self.chosen.set(action, on);
        self.changed();
    }

    /// Adds the actions the search shows to the choice ("Select all").
    ///
    /// ```
    /// # use scope_selector_core::{panel::Panel, Catalog};
    /// # let catalog = Catalog::from_json(r#"[{"id":"a","label":"A","scopes":[]},{"id":"b","label":"B","scopes":[]}]"#, str::to_lowercase).unwrap();
    /// let mut panel = Panel::new(catalog.into(), Default::default());
    /// panel.select_shown();
    /// assert_eq!(panel.chosen().len(), 2);
    /// ```
    pub fn select_shown(&mut self) {
        for &action in &self.shown {
            self.chosen.insert(action as usize);
        }
        self.changed();
    }

    /// Replaces the choice.
    ///
    /// ```
    /// # use scope_selector_core::{panel::Panel, Catalog, BitSet};
    /// # let catalog = Catalog::from_json(r#"[{"id":"a","label":"A","scopes":[]}]"#, str::to_lowercase).unwrap();
    /// let mut panel = Panel::new(catalog.into(), Default::default());
    /// panel.toggle(0, true);
    /// panel.choose(BitSet::new(1));
    /// assert!(panel.chosen().is_empty());
    /// ```
    pub fn choose(&mut self, chosen: BitSet) {
        if chosen.bound() == self.chosen.bound() {
            self.chosen = chosen;
        }
        self.changed();
    }

    /// Sets the separator.
    ///
    /// ```
    /// # use scope_selector_core::{panel::Panel, Catalog, Separator};
    /// # let catalog = Catalog::from_json(r#"[{"id":"a","label":"A","scopes":[]}]"#, str::to_lowercase).unwrap();
    /// let mut panel = Panel::new(catalog.into(), Default::default());
    /// panel.set_separator(Separator::Pipe);
    /// assert_eq!(panel.separator(), Separator::Pipe);
    /// ```
    pub fn set_separator(&mut self, separator: Separator) {
        self.separator = separator;
        self.changed();
    }

    /// The reader changed something: what the opening link said no longer applies.
    fn changed(&mut self) {
        self.notices.retain(|notice| !matches!(notice, Notice::Link(_)));
    }

    /// The chosen ids, in table order.
    ///
    /// ```
    /// # use scope_selector_core::{panel::Panel, Catalog};
    /// # let catalog = Catalog::from_json(r#"[{"id":"a","label":"A","scopes":[]},{"id":"b","label":"B","scopes":[]}]"#, str::to_lowercase).unwrap();
    /// let mut panel = Panel::new(catalog.into(), Default::default());
    /// panel.toggle(1, true);
    /// panel.toggle(0, true);
    /// assert_eq!(panel.selected_ids(), ["a", "b"]);
    /// ```
    pub fn selected_ids(&self) -> Vec<&str> {
        self.chosen.iter().map(|action| self.table().id(action)).collect()
    }

    /// The scope union of the choice, in table order of first appearance.
    ///
    /// ```
    /// # use scope_selector_core::{panel::Panel, Catalog};
    /// # let catalog = Catalog::from_json(r#"[{"id":"a","label":"A","scopes":["x","y"]}]"#, str::to_lowercase).unwrap();
    /// let mut panel = Panel::new(catalog.into(), Default::default());
    /// panel.toggle(0, true);
    /// assert_eq!(panel.scope_names(), ["x", "y"]);
    /// ```
    pub fn scope_names(&self) -> Vec<&str> {
        let union = self.table().scope_union(self.chosen.iter());
        union.iter().map(|scope| self.table().scope_name(scope)).collect()
    }

    /// The scope union of the choice, as a set of scope ids.
    ///
    /// ```
    /// # use scope_selector_core::{panel::Panel, Catalog};
    /// # let catalog = Catalog::from_json(r#"[{"id":"a","label":"A","scopes":["x"]}]"#, str::to_lowercase).unwrap();
    /// assert!(Panel::new(catalog.into(), Default::default()).scopes().is_empty());
    /// ```
    pub fn scopes(&self) -> BitSet {
        self.table().scope_union(self.chosen.iter())
    }

    /// The guide URL of the choice: `page` with this panel's parameters set, and whether the
    /// choice was too large to write into it.
    ///
    /// ```
    /// # use scope_selector_core::{panel::Panel, Catalog};
    /// # let catalog = Catalog::from_json(r#"[{"id":"a","label":"A","scopes":[]}]"#, str::to_lowercase).unwrap();
    /// let mut panel = Panel::new(catalog.into(), Default::default());
    /// panel.toggle(0, true);
    /// assert_eq!(panel.url("https://h/p?actions=old#x").0, "https://h/p?actions=a#x");
    /// ```
    pub fn url(&self, page: &str) -> (String, Option<LinkNotice>) {
        write_url(page, &self.names, self.table(), &self.chosen, self.separator)
    }

    /// What the panel shows for the page at `page` (its current address). `viewport` is how the
    /// list is scrolled, for a list long enough to render only the rows in view.
    ///
    /// ```
    /// # use scope_selector_core::{panel::{Panel, Viewport}, strings::Strings, Catalog};
    /// let rows: Vec<String> = (0..1000).map(|at| format!(r#"{{"id":"a{at}","label":"A","scopes":[]}}"#)).collect();
    /// let catalog = Catalog::from_json(&format!("[{}]", rows.join(",")), str::to_lowercase).unwrap();
    /// let panel = Panel::new(catalog.into(), Default::default());
    /// let viewport = Viewport { scroll_top: 4000.0, height: 240.0, row_height: 40.0 };
    /// assert_eq!(panel.view(&Strings::english(), "https://h/", Some(viewport)).rows, 92..115);
    /// ```
    pub fn view(&self, strings: &Strings, page: &str, viewport: Option<Viewport>) -> View {
        let table = self.table();
        let (selected, total, shown) = (decimal(self.chosen.len()), decimal(table.len()), decimal(self.shown.len()));
        let args = [("selected", selected.as_str()), ("total", total.as_str()), ("shown", shown.as_str())];
        let status = if self.shown.len() == table.len() { Key::Status } else { Key::StatusFiltered };
        let union = self.scopes();
        let (url, too_large) = self.url(page);
        let too_large = too_large.map(Notice::Link);
        let notices = self.notices.iter().chain(&too_large).map(|notice| notice.describe(strings));
        let notices: Vec<String> = notices.collect();
        let rows = match viewport {
            Some(viewport) => {
                rows_to_render(self.shown.len(), viewport.scroll_top, viewport.height, viewport.row_height)
            }
            None => 0..self.shown.len(),
        };
        View {
            status: strings.text(status, &args),
            scopes: self.separator.join(table.scope_names(&union)),
            notices: join(notices.iter().map(String::as_str), "\n"),
            url,
            no_results: self.shown.is_empty(),
            rows,
        }
    }

    /// Runs `apply` with the choice as the guide sees it.
    ///
    /// ```
    /// # use scope_selector_core::{panel::Panel, Catalog, guide::GuideScopes};
    /// # let catalog = Catalog::from_json(r#"[{"id":"a","label":"A","scopes":["x"]},{"id":"b","label":"B","scopes":["y"]}]"#, str::to_lowercase).unwrap();
    /// let mut panel = Panel::new(catalog.into(), Default::default());
    /// panel.toggle(0, true);
    /// let step = GuideScopes::resolve(panel.table(), "y");
    /// assert!(!panel.with_guide_choice(|choice| step.visible(choice)));
    /// ```
    pub fn with_guide_choice<T>(&self, apply: impl FnOnce(GuideChoice<'_>) -> T) -> T {
        let union = self.scopes();
        apply(GuideChoice::new(self.table(), &self.chosen, &union))
    }
}
