//! Guide URLs, the one place their rules are written: which query parameters a widget owns, how
//! a choice is written into them and read back, the size cap, and what a mangled link is told.
//! The widget, the `scope-selector` CLI and the package's JS helpers all call these functions.
//!
//! A widget owns three parameters, named from its key ([`ParamNames`]): the chosen action ids in
//! table order joined by spaces (`+` in the URL; commas are read too); on a grouped panel, the
//! modules chosen whole, by name, joined by commas ([`ModuleIndex`]: a module of thousands of
//! actions still makes a short link), their actions then left out of the ids; and the
//! separator's name when it is not the default `space`. Every other part of the URL is kept; the
//! query is written the way `URLSearchParams` writes it (`query`), so a URL built here is the one
//! a browser builds.

mod query;

use crate::bitset::BitSet;
use crate::message::{write_english, Describe, Message};
use crate::modules::ModuleIndex;
use crate::separator::Separator;
use crate::table::Table;
use crate::text::{concat, decimal, join};
use std::fmt;

/// The longest `actions` value read or written, in bytes (many servers reject request lines over
/// 8 KB, so a longer link might never reach the page). Longer values are ignored with a notice;
/// a choice that would need more is left out of the URL with a notice.
///
/// ```
/// assert_eq!(scope_selector_core::guide_url::MAX_ACTIONS_PARAM, 8192);
/// ```
pub const MAX_ACTIONS_PARAM: usize = 8 * 1024;

/// Whether `c` separates action ids in a guide URL (white space or a comma), which is also why an
/// id may not contain one.
///
/// ```
/// use scope_selector_core::guide_url::is_id_separator;
/// assert!(is_id_separator(',') && is_id_separator(' ') && !is_id_separator('_'));
/// ```
pub fn is_id_separator(c: char) -> bool {
    c == ',' || c.is_whitespace()
}

/// The query parameter names one widget owns.
///
/// ```
/// use scope_selector_core::guide_url::ParamNames;
/// assert_eq!(ParamNames::for_key("ats").actions, "ats-actions");
/// assert_eq!(ParamNames::for_key("").separator, "separator");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParamNames {
    /// The parameter holding the chosen ids.
    pub actions: String,
    /// The parameter holding the modules chosen whole.
    pub modules: String,
    /// The parameter holding the separator's name.
    pub separator: String,
}

impl ParamNames {
    /// `actions` / `modules` / `separator` for the empty key; `KEY-actions` / `KEY-modules` /
    /// `KEY-separator` otherwise.
    ///
    /// ```
    /// use scope_selector_core::guide_url::ParamNames;
    /// assert_eq!(ParamNames::for_key(" 2 ").actions, "2-actions");
    /// ```
    pub fn for_key(key: &str) -> Self {
        let key = key.trim();
        if key.is_empty() {
            ParamNames { actions: "actions".into(), modules: "modules".into(), separator: "separator".into() }
        } else {
            ParamNames {
                actions: concat(&[key, "-actions"]),
                modules: concat(&[key, "-modules"]),
                separator: concat(&[key, "-separator"]),
            }
        }
    }

    /// The names of the widget at `position` (0-based) among the roots of a page, whose root
    /// attribute is `key` (see [`root_key`]): a named one owns its key's; an unnamed one owns the
    /// plain names if it is the first root and `N-actions` / `N-separator` (N = position + 1)
    /// otherwise.
    ///
    /// ```
    /// use scope_selector_core::guide_url::ParamNames;
    /// assert_eq!(ParamNames::for_root("", 0).actions, "actions");
    /// assert_eq!(ParamNames::for_root("", 2).actions, "3-actions");
    /// assert_eq!(ParamNames::for_root("crm", 2).actions, "crm-actions");
    /// assert_eq!(ParamNames::for_root("true", 0).actions, "actions");
    /// ```
    pub fn for_root(key: &str, position: usize) -> Self {
        match root_key(key) {
            "" if position > 0 => ParamNames::for_key(&decimal(position + 1)),
            key => ParamNames::for_key(key),
        }
    }
}

/// The key a root's `data-guides-scope-selector` value gives: the value trimmed, and none for
/// `true`, which is how React (MDX, Docusaurus, Mintlify) writes the bare attribute
/// `<div data-guides-scope-selector>`.
///
/// ```
/// use scope_selector_core::guide_url::root_key;
/// assert_eq!(root_key(" crm "), "crm");
/// assert_eq!(root_key("true"), "");
/// assert_eq!(root_key(""), "");
/// ```
pub fn root_key(value: &str) -> &str {
    match value.trim() {
        "true" => "",
        key => key,
    }
}

/// Pairs of roots (positions on the page, the earlier first) that would own the same
/// parameters, given every root's key in page order.
///
/// ```
/// use scope_selector_core::guide_url::collisions;
/// // A root keyed "2" beside an unnamed second root: both own `2-actions`.
/// assert_eq!(collisions(&["", "", "2"]), [(1, 2)]);
/// assert!(collisions(&["a", "b", ""]).is_empty());
/// ```
pub fn collisions(keys: &[&str]) -> Vec<(usize, usize)> {
    let names: Vec<ParamNames> = keys.iter().enumerate().map(|(at, key)| ParamNames::for_root(key, at)).collect();
    let mut found = Vec::new();
    for (later, name) in names.iter().enumerate() {
        if let Some(earlier) = names[..later].iter().position(|other| other.actions == name.actions) {
            found.push((earlier, later));
        }
    }
    found
}

/// Something in a link that could not be used as written.
///
/// ```
/// use scope_selector_core::guide_url::LinkNotice;
/// assert_eq!(LinkNotice::UnknownActions(2).to_string(), "2 actions in the link were not found in this guide");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkNotice {
    /// Ids that name no action of the table (counted once each).
    UnknownActions(usize),
    /// Names that name no module of the table (counted once each).
    UnknownModules(usize),
    /// A parameter given more than once: actions are merged, the first separator is used.
    Repeated(String),
    /// A parameter longer than [`MAX_ACTIONS_PARAM`]: ignored.
    TooLong(String),
    /// A separator name we do not know: the default is used.
    UnknownSeparator(String),
    /// The choice is too large to fit a link: the URL leaves it out.
    ChoiceTooLarge,
    /// Another widget of the page owns the same parameter (see [`collisions`]).
    SharedParameter(String),
}

impl Describe for LinkNotice {
    /// What happened to the link, for the reader.
    ///
    /// ```
    /// use scope_selector_core::guide_url::LinkNotice;
    /// assert_eq!(LinkNotice::UnknownSeparator("tab".into()).to_string(), "unknown separator \"tab\" in the link; using space");
    /// ```
    fn describe(&self) -> Message {
        match self {
            LinkNotice::UnknownActions(count) => Message::new("link.unknownActions").number("count", *count),
            LinkNotice::UnknownModules(count) => Message::new("link.unknownModules").number("count", *count),
            LinkNotice::Repeated(name) => Message::new("link.repeated").text("name", name.as_str()),
            LinkNotice::TooLong(name) => {
                Message::new("link.tooLong").text("name", name.as_str()).number("limit", MAX_ACTIONS_PARAM)
            }
            LinkNotice::UnknownSeparator(name) => {
                let shown: String = name.chars().take(40).collect();
                Message::new("link.unknownSeparator").text("name", shown)
            }
            LinkNotice::ChoiceTooLarge => Message::new("link.choiceTooLarge").number("limit", MAX_ACTIONS_PARAM),
            LinkNotice::SharedParameter(name) => Message::new("link.sharedParameter").text("name", name.as_str()),
        }
    }
}

impl fmt::Display for LinkNotice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_english(self, f)
    }
}

/// A choice read from a link.
///
/// ```
/// # use scope_selector_core::{Table, guide_url::{read_url, ParamNames}, Separator};
/// # let table = Table::from_json(r#"[{"id":"a","label":"A","scopes":[]}]"#).unwrap().table;
/// let decoded = read_url("https://h/?actions=a&separator=comma", &ParamNames::for_key(""), &table);
/// assert_eq!((decoded.actions.len(), decoded.separator), (1, Separator::Comma));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The chosen actions.
    pub actions: BitSet,
    /// The separator.
    pub separator: Separator,
    /// What could not be used as written.
    pub notices: Vec<LinkNotice>,
}

/// A decoded link as integrators print it: the chosen ids in table order, their scope union in
/// the documented order, the separator's name, and what the link could not use.
///
/// ```
/// # use scope_selector_core::{Table, guide_url::{read_url, ParamNames}};
/// # let table = Table::from_json(r#"[{"id":"a","label":"A","scopes":["x","y"]}]"#).unwrap().table;
/// let summary = read_url("?actions=a+zz&separator=pipe", &ParamNames::for_key(""), &table).summary(&table);
/// assert_eq!((summary.actions, summary.scopes, summary.separator), (vec!["a"], vec!["x", "y"], "pipe"));
/// assert_eq!(scope_selector_core::message::english(&summary.notices[0]), "1 action in the link was not found in this guide");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary<'a> {
    /// The chosen ids, in table order.
    pub actions: Vec<&'a str>,
    /// The scopes to grant for the choice: its least privilege set, in table order (the scope
    /// union when no chosen action has alternatives).
    pub scopes: Vec<&'a str>,
    /// The separator's name.
    pub separator: &'static str,
    /// What the link could not use.
    pub notices: Vec<Message>,
}

impl Decoded {
    /// The choice with its ids, scope names and notice texts, for printing.
    ///
    /// ```
    /// # use scope_selector_core::{Table, guide_url::{read_url, ParamNames}};
    /// # let table = Table::from_json(r#"[{"id":"a","label":"A","scopes":["x"]}]"#).unwrap().table;
    /// assert_eq!(read_url("?actions=a", &ParamNames::for_key(""), &table).summary(&table).scopes, ["x"]);
    /// ```
    pub fn summary<'a>(&self, table: &'a Table) -> Summary<'a> {
        let granted = crate::least_privilege::scopes_to_grant(table, &self.actions);
        Summary {
            actions: self.actions.iter().map(|index| table.id(index)).collect(),
            scopes: granted.iter().map(|scope| table.scope_name(scope)).collect(),
            separator: self.separator.name(),
            notices: self.notices.iter().map(LinkNotice::describe).collect(),
        }
    }
}

/// The `actions` and `modules` values for a choice (`None` for one without a value: the
/// parameter is removed). With `modules`, each module chosen whole is named (one whose name holds
/// a comma is not: its ids are written), and its actions are left out of the ids.
///
/// ```
/// # use scope_selector_core::{Table, guide_url::encode_choice, modules::ModuleIndex};
/// # let table = Table::from_json(r#"[{"id":"a","label":"A","scopes":[],"group":"Jobs"},{"id":"b","label":"B","scopes":[],"group":"Jobs"},
/// #     {"id":"c","label":"C","scopes":[],"group":"Offers"},{"id":"d","label":"D","scopes":[],"group":"Offers"}]"#).unwrap().table;
/// let (chosen, _) = table.ids_to_set(["b", "a", "c"]);
/// assert_eq!(encode_choice(&table, &chosen, None), Ok((Some("a b c".to_string()), None)));
/// let modules = ModuleIndex::new(&table);
/// assert_eq!(encode_choice(&table, &chosen, Some(&modules)), Ok((Some("c".to_string()), Some("Jobs".to_string()))));
/// ```
pub fn encode_choice(
    table: &Table,
    chosen: &BitSet,
    modules: Option<&ModuleIndex>,
) -> Result<(Option<String>, Option<String>), LinkNotice> {
    let mut ids = chosen.clone();
    let mut names = Vec::new();
    if let Some(index) = modules {
        for module in 0..index.len() {
            if index.whole(module, chosen) && !index.name(module).bytes().any(|byte| byte == b',') {
                names.push(index.name(module));
                for &action in index.actions(module) {
                    ids.set(action as usize, false);
                }
            }
        }
    }
    let actions = join(ids.iter().map(|index| table.id(index)), " ");
    let modules = join(names.iter().copied(), ",");
    if actions.len() > MAX_ACTIONS_PARAM || modules.len() > MAX_ACTIONS_PARAM {
        return Err(LinkNotice::ChoiceTooLarge);
    }
    Ok(((!actions.is_empty()).then_some(actions), (!modules.is_empty()).then_some(modules)))
}

/// The `separator` value: `None` for the default.
///
/// ```
/// use scope_selector_core::{guide_url::encode_separator, Separator};
/// assert_eq!(encode_separator(Separator::Pipe), Some("pipe"));
/// assert_eq!(encode_separator(Separator::Space), None);
/// ```
pub fn encode_separator(separator: Separator) -> Option<&'static str> {
    (separator != Separator::default()).then(|| separator.name())
}

/// The actions named in `values` (ids separated by spaces or commas, as in a link), and how many
/// distinct ids name no action.
///
/// ```
/// # use scope_selector_core::{Table, guide_url::choose};
/// # let table = Table::from_json(r#"[{"id":"a","label":"A","scopes":[]},{"id":"b","label":"B","scopes":[]}]"#).unwrap().table;
/// let (chosen, unknown) = choose(&table, &["a,zz", "b zz"]);
/// assert_eq!((chosen.len(), unknown), (2, 1));
/// ```
pub fn choose(table: &Table, values: &[&str]) -> (BitSet, usize) {
    let ids = values.iter().flat_map(|value| value.split(is_id_separator)).filter(|id| !id.is_empty());
    let (chosen, unknown) = table.ids_to_set(ids);
    (chosen, unknown.len())
}

/// The values of a parameter short enough to read (a notice for each other, and for a repeat).
fn usable<'a>(values: &'a [String], name: &str, notices: &mut Vec<LinkNotice>) -> Vec<&'a str> {
    if values.len() > 1 {
        notices.push(LinkNotice::Repeated(name.to_owned()));
    }
    let mut usable = Vec::new();
    for value in values {
        if value.len() > MAX_ACTIONS_PARAM {
            notices.push(LinkNotice::TooLong(name.to_owned()));
        } else {
            usable.push(value.as_str());
        }
    }
    usable
}

/// Reads the values of a widget's parameters (every occurrence, in URL order): ids, module
/// names, separators.
///
/// ```
/// # use scope_selector_core::{Table, guide_url::{decode, ParamNames, LinkNotice}};
/// # let table = Table::from_json(r#"[{"id":"a","label":"A","scopes":[],"group":"Jobs"},{"id":"b","label":"B","scopes":[]}]"#).unwrap().table;
/// let decoded = decode(&table, &ParamNames::for_key(""), [&["b,zz".into()][..], &["Jobs,Nope".into()], &[]]);
/// assert_eq!(decoded.actions.len(), 2);
/// assert_eq!(decoded.notices, [LinkNotice::UnknownActions(1), LinkNotice::UnknownModules(1)]);
/// ```
pub fn decode(table: &Table, names: &ParamNames, [actions, modules, separators]: [&[String]; 3]) -> Decoded {
    let mut notices = Vec::new();
    let ids = usable(actions, &names.actions, &mut notices);
    let (mut chosen, unknown) = choose(table, &ids);
    if unknown > 0 {
        notices.push(LinkNotice::UnknownActions(unknown));
    }
    let named = usable(modules, &names.modules, &mut notices);
    if !named.is_empty() {
        let index = ModuleIndex::new(table);
        let mut unknown: Vec<&str> = Vec::new();
        for name in named.iter().flat_map(|value| crate::text::pieces(value, b',')).filter(|name| !name.is_empty()) {
            match index.find(name) {
                Some(module) => index.actions(module).iter().for_each(|&action| chosen.insert(action as usize)),
                None if !unknown.contains(&name) => unknown.push(name),
                None => {}
            }
        }
        if !unknown.is_empty() {
            notices.push(LinkNotice::UnknownModules(unknown.len()));
        }
    }
    if separators.len() > 1 {
        notices.push(LinkNotice::Repeated(names.separator.clone()));
    }
    let separator = match separators.first() {
        None => Separator::default(),
        Some(name) => Separator::from_name(name).unwrap_or_else(|| {
            notices.push(LinkNotice::UnknownSeparator(name.clone()));
            Separator::default()
        }),
    };
    Decoded { actions: chosen, separator, notices }
}

/// Reads a widget's choice from a whole URL (or just its `?query`).
///
/// ```
/// # use scope_selector_core::{Table, guide_url::{read_url, ParamNames}};
/// # let table = Table::from_json(r#"[{"id":"a","label":"A","scopes":[]},{"id":"b","label":"B","scopes":[]}]"#).unwrap().table;
/// let decoded = read_url("?crm-actions=a+b#step-2", &ParamNames::for_key("crm"), &table);
/// assert_eq!(decoded.actions.len(), 2);
/// ```
pub fn read_url(url: &str, names: &ParamNames, table: &Table) -> Decoded {
    let mut values: [Vec<String>; 3] = Default::default();
    for pair in query::pairs(query::split(url).query) {
        let (name, value) = query::name_and_value(pair);
        if let Some(at) = [&names.actions, &names.modules, &names.separator].iter().position(|owned| **owned == name) {
            values[at].push(value);
        }
    }
    let [actions, modules, separators] = &values;
    decode(table, names, [actions, modules, separators])
}

/// `base` with a widget's parameters set from its choice. A parameter keeps its place in the
/// query (repeats of it go), a new one is added at the end, one that no longer applies is
/// removed, as `URLSearchParams.set` and `delete` do; every other part of the URL is kept as
/// written. A choice too large for a link is left out, with the notice.
///
/// ```
/// # use scope_selector_core::{Table, Separator, guide_url::{write_url, ParamNames}};
/// # let table = Table::from_json(r#"[{"id":"a","label":"A","scopes":[]},{"id":"b","label":"B","scopes":[]}]"#).unwrap().table;
/// let (chosen, _) = table.ids_to_set(["b", "a"]);
/// let (url, notice) = write_url("https://docs.example.com/ashby?lang=en&actions=x#keys", &ParamNames::for_key(""), &table, &chosen, Separator::Comma, None);
/// assert_eq!(url, "https://docs.example.com/ashby?lang=en&actions=a+b&separator=comma#keys");
/// assert_eq!(notice, None);
/// ```
pub fn write_url(
    base: &str,
    names: &ParamNames,
    table: &Table,
    chosen: &BitSet,
    separator: Separator,
    modules: Option<&ModuleIndex>,
) -> (String, Option<LinkNotice>) {
    let parts = query::split(base);
    let ((actions, named), notice) = match encode_choice(table, chosen, modules) {
        Ok(values) => (values, None),
        Err(notice) => ((None, None), Some(notice)),
    };
    let mut ours = [
        (&names.actions, actions.as_deref()),
        (&names.modules, named.as_deref()),
        (&names.separator, encode_separator(separator)),
    ];
    let mut written = String::new();
    for pair in query::pairs(parts.query) {
        let (name, _) = query::name_and_value(pair);
        match ours.iter_mut().find(|(owned, _)| **owned == name) {
            // The first occurrence of one of ours takes its new value (or goes); repeats go.
            Some((owned, value)) => {
                if let Some(value) = value.take() {
                    query::push_pair(&mut written, owned, value);
                }
            }
            None => {
                if !written.is_empty() {
                    written.push('&');
                }
                written.push_str(pair);
            }
        }
    }
    for (owned, value) in ours {
        if let Some(value) = value {
            query::push_pair(&mut written, owned, value);
        }
    }
    let url = if written.is_empty() {
        concat(&[parts.before, parts.fragment])
    } else {
        concat(&[parts.before, "?", &written, parts.fragment])
    };
    (url, notice)
}

/// Why an integrator's guide URL cannot be built.
///
/// ```
/// use scope_selector_core::guide_url::UrlError;
/// let error = UrlError::UnknownActions(vec!["ashby_list_jbos".into()]);
/// assert_eq!(error.to_string(), "unknown action id: ashby_list_jbos");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UrlError {
    /// Ids the table does not have.
    UnknownActions(Vec<String>),
    /// The ids would make an `actions` value over [`MAX_ACTIONS_PARAM`] characters.
    TooLong {
        /// The length the value would have.
        length: usize,
    },
    /// A separator name that is not one of [`Separator::ALL`].
    UnknownSeparator(String),
}

impl Describe for UrlError {
    /// What is wrong, naming what to fix.
    ///
    /// ```
    /// use scope_selector_core::guide_url::UrlError;
    /// assert_eq!(
    ///     UrlError::TooLong { length: 9000 }.to_string(),
    ///     "the chosen ids make an actions value of 9000 characters, over the 8192 a guide URL may carry"
    /// );
    /// ```
    fn describe(&self) -> Message {
        match self {
            UrlError::UnknownActions(ids) => Message::new("url.unknownActions")
                .number("count", ids.len())
                .text("ids", join(ids.iter().map(String::as_str), ", ")),
            UrlError::TooLong { length } => {
                Message::new("url.tooLong").number("length", *length).number("limit", MAX_ACTIONS_PARAM)
            }
            UrlError::UnknownSeparator(name) => Message::new("url.unknownSeparator")
                .text("name", name.as_str())
                .text("names", join(Separator::ALL.iter().map(|separator| separator.name()), ", ")),
        }
    }
}

impl fmt::Display for UrlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_english(self, f)
    }
}

impl std::error::Error for UrlError {}

/// The guide URL an integrator sends: `base` with exactly these actions (given by id, in any
/// order) and separator chosen for the widget named `key` (see [`ParamNames::for_key`]).
/// Unknown ids and a choice too large for a link are errors, not notices.
///
/// ```
/// # use scope_selector_core::{Table, Separator, guide_url::{guide_url, UrlError}};
/// # let table = Table::from_json(r#"[{"id":"a","label":"A","scopes":[]},{"id":"b","label":"B","scopes":[]}]"#).unwrap().table;
/// assert_eq!(guide_url("https://h/g", &table, &["b", "a"], Separator::Space, ""), Ok("https://h/g?actions=a+b".into()));
/// assert_eq!(guide_url("https://h/g", &table, &["x"], Separator::Space, ""), Err(UrlError::UnknownActions(vec!["x".into()])));
/// ```
pub fn guide_url(base: &str, table: &Table, ids: &[&str], separator: Separator, key: &str) -> Result<String, UrlError> {
    let (chosen, unknown) =
        table.ids_to_set(ids.iter().flat_map(|ids| ids.split(is_id_separator)).filter(|id| !id.is_empty()));
    if !unknown.is_empty() {
        return Err(UrlError::UnknownActions(unknown.into_iter().map(str::to_owned).collect()));
    }
    // A table that groups its actions is linked by its modules, as its grouped panel links it.
    let modules = crate::modules::declares_groups(table).then(|| ModuleIndex::new(table));
    let (url, notice) = write_url(base, &ParamNames::for_key(key), table, &chosen, separator, modules.as_ref());
    match notice {
        Some(_) => Err(UrlError::TooLong { length: join(chosen.iter().map(|index| table.id(index)), " ").len() }),
        None => Ok(url),
    }
}
