//! Modules: the part of an API an action belongs to, for the key report, the presets and the
//! Markdown checklist. An action's module is its table `group` when it has one; otherwise the
//! module of its first scope (in the table's order of scopes), taken from the scope's display
//! name when that reads "Module: Access", else from the scope's name:
//! `candidatesRead` → "Candidates", `hiringProcessWrite` → "Hiring Process", `channels:read` →
//! "channels". Actions with neither a group nor a scope are under [`NO_MODULE`].

use crate::scope_names::ScopeNames;
use crate::Table;

/// The module of an action with no group and no scope.
pub const NO_MODULE: &str = "Other";

/// What a scope allows, when its name says so.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Reading (`…Read`, `…:read`, `…_read`, `….read`).
    Read,
    /// Writing (`…Write`, `…:write`, `…_write`, `….write`).
    Write,
}

impl Access {
    /// The access's mark in the panel and the checklist.
    pub fn name(self) -> &'static str {
        match self {
            Access::Read => "Read",
            Access::Write => "Write",
        }
    }
}

/// A scope name split into its module and its access.
///
/// ```
/// use scope_selector_core::modules::{split_scope, Access};
/// assert_eq!(split_scope("candidatesRead"), ("Candidates".to_string(), Some(Access::Read)));
/// assert_eq!(split_scope("hiringProcessWrite"), ("Hiring Process".to_string(), Some(Access::Write)));
/// assert_eq!(split_scope("channels:read"), ("channels".to_string(), Some(Access::Read)));
/// assert_eq!(split_scope("repo"), ("repo".to_string(), None));
/// assert_eq!(split_scope("https://www.googleapis.com/auth/drive.readonly").0, "drive");
/// ```
pub fn split_scope(scope: &str) -> (String, Option<Access>) {
    // A URL scope (`https://www.googleapis.com/auth/drive.readonly`): its last path segment.
    // (Searched by bytes, here and below: each `str` pattern would link a searcher of its own.)
    let scope = match crate::find::find(scope.as_bytes(), b"://") {
        Some(_) => split_last(scope, |byte| byte == b'/').map_or(scope, |(_, last)| last),
        None => scope,
    };
    let scope = &scope[scope.bytes().position(|byte| !is_mark(byte)).unwrap_or(scope.len())..];
    if let Some(at) = scope.bytes().position(is_mark) {
        let (module, rest) = scope.split_at(at);
        let last = split_last(rest, is_mark).map_or("", |(_, last)| last);
        return (module.to_owned(), access_word(last));
    }
    if let Some((module, access)) = split_last(scope, |byte| byte == b'_') {
        if let Some(access) = access_word(access) {
            return (module.to_owned(), Some(access));
        }
    }
    for access in [Access::Read, Access::Write] {
        if let Some(module) = scope.strip_suffix(access.name()) {
            if module.chars().last().is_some_and(|c| !c.is_ascii_uppercase()) {
                return (words_of_camel_case(module), Some(access));
            }
        }
    }
    (scope.to_owned(), None)
}

/// The marks between a scope's module and its access: `channels:read`, `drive.readonly`, `a/b`.
fn is_mark(byte: u8) -> bool {
    matches!(byte, b':' | b'.' | b'/')
}

/// `text` split around its last byte that `is_mark` accepts (an ASCII byte, so both parts are
/// whole characters).
fn split_last(text: &str, is_mark: fn(u8) -> bool) -> Option<(&str, &str)> {
    let at = text.bytes().rposition(is_mark)?;
    Some((&text[..at], &text[at + 1..]))
}

/// `read` or `write`, in any case.
fn access_word(word: &str) -> Option<Access> {
    if word.eq_ignore_ascii_case("read") {
        Some(Access::Read)
    } else if word.eq_ignore_ascii_case("write") {
        Some(Access::Write)
    } else {
        None
    }
}

/// `hiringProcess` → `Hiring Process`. Only ASCII letters change case or start words: scope
/// names are ASCII in practice, and Unicode's case tables would add about 11 KB to the engine.
fn words_of_camel_case(name: &str) -> String {
    let mut words = String::with_capacity(name.len() + 4);
    for (at, c) in name.chars().enumerate() {
        if at == 0 {
            words.push(c.to_ascii_uppercase());
        } else {
            if c.is_ascii_uppercase() {
                words.push(' ');
            }
            words.push(c);
        }
    }
    words
}

/// The module and access of scope `scope` of `table`: from its display name when that reads
/// "Module: Access", else from its name.
///
/// ```
/// use scope_selector_core::{modules::{scope_module, Access}, scope_names::ScopeNames, Table};
/// let table = Table::from_json(r#"{"actions":[{"id":"a","label":"A","scopes":["hpmRead","x"]}],
///     "scopeLabels":{"hpmRead":"Hiring Process Metadata: Read"}}"#).unwrap().table;
/// let names = ScopeNames::new(&table);
/// assert_eq!(scope_module(&table, &names, 0), ("Hiring Process Metadata".to_string(), Some(Access::Read)));
/// assert_eq!(scope_module(&table, &names, 1), ("x".to_string(), None));
/// ```
pub fn scope_module(table: &Table, names: &ScopeNames, scope: usize) -> (String, Option<Access>) {
    if let Some((module, access)) = names.get(scope).and_then(|name| split_last(name, |byte| byte == b':')) {
        if let Some(access) = access_word(access.trim()) {
            return (module.trim().to_owned(), Some(access));
        }
    }
    split_scope(table.scope_name(scope))
}

/// The module of action `action`.
///
/// ```
/// use scope_selector_core::{modules::action_module, scope_names::ScopeNames, Table};
/// let table = Table::from_json(r#"[{"id":"a","label":"A","scopes":["offersWrite","jobsRead"]},
///     {"id":"b","label":"B","scopes":["jobsRead"],"group":"Hiring"},{"id":"c","label":"C","scopes":[]}]"#).unwrap().table;
/// let names = ScopeNames::new(&table);
/// assert_eq!(action_module(&table, &names, 0), "Offers");
/// assert_eq!(action_module(&table, &names, 1), "Hiring");
/// assert_eq!(action_module(&table, &names, 2), "Other");
/// ```
pub fn action_module(table: &Table, names: &ScopeNames, action: usize) -> String {
    let group = table.group(action);
    if !group.is_empty() {
        return group.to_owned();
    }
    match table.action_scopes(action).first() {
        Some(&scope) => scope_module(table, names, scope as usize).0,
        None => NO_MODULE.to_owned(),
    }
}

/// Modules in order of first appearance, each with its items in the order given.
///
/// ```
/// use scope_selector_core::modules::by_module;
/// let grouped = by_module([("Jobs", 1), ("Offers", 2), ("Jobs", 3)]);
/// assert_eq!(grouped, [("Jobs".to_string(), vec![1, 3]), ("Offers".to_string(), vec![2])]);
/// ```
pub fn by_module<T>(items: impl IntoIterator<Item = (impl Into<String> + AsRef<str>, T)>) -> Vec<(String, Vec<T>)> {
    let mut modules: Vec<(String, Vec<T>)> = Vec::new();
    for (module, item) in items {
        match modules.iter_mut().find(|(name, _)| name == module.as_ref()) {
            Some((_, members)) => members.push(item),
            None => modules.push((module.into(), vec![item])),
        }
    }
    modules
}

/// The modules none of whose scopes has a display name, in a table where other modules' scopes
/// have one (a list of modules would then mix "Jobs: Read" with bare names), each with its
/// scopes' names; none when no scope has a display name.
///
/// ```
/// use scope_selector_core::{modules::unnamed_modules, scope_names::ScopeNames, Table};
/// let table = Table::from_json(r#"{"actions": [{"id":"a","label":"A","scopes":["jobsRead"]},
///     {"id":"b","label":"B","scopes":["offersWrite","offersRead"]}], "scopeLabels": {"jobsRead": "Jobs: Read"}}"#)
///     .unwrap().table;
/// let names = ScopeNames::new(&table);
/// assert_eq!(unnamed_modules(&table, &names), [("Offers".to_string(), vec!["offersWrite", "offersRead"])]);
/// ```
pub fn unnamed_modules<'a>(table: &'a Table, names: &ScopeNames) -> Vec<(String, Vec<&'a str>)> {
    let modules = by_module((0..table.len()).map(|action| (action_module(table, names, action), action)));
    let scopes_of = |actions: &[usize]| table.scope_union(actions.iter().copied());
    let named = |actions: &[usize]| scopes_of(actions).iter().any(|scope| names.get(scope).is_some());
    if !modules.iter().any(|(_, actions)| named(actions)) {
        return Vec::new();
    }
    modules
        .into_iter()
        .filter(|(_, actions)| !scopes_of(actions).is_empty() && !named(actions))
        .map(|(module, actions)| (module, scopes_of(&actions).iter().map(|scope| table.scope_name(scope)).collect()))
        .collect()
}
