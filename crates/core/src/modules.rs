//! Modules: the part of an API an action belongs to, for the key report, the presets and the
//! Markdown checklist. An action's module is its table `group` when it has one; otherwise the
//! module of its first scope (in the table's order of scopes), taken from the scope's display
//! name when that reads "Module: Access", else from the scope's name:
//! `candidatesRead` → "Candidates", `hiringProcessWrite` → "Hiring Process", `channels:read` →
//! "channels". Actions with neither a group nor a scope are under [`NO_MODULE`].

use crate::scope_names::ScopeNames;
use crate::{BitSet, Table};

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

/// Whether the table gives some action a `group`: its panel is then grouped by module, and its
/// guide URLs name the modules chosen whole.
///
/// ```
/// # let table = scope_selector_core::Table::from_json(r#"[{"id":"a","label":"A","scopes":[]}]"#).unwrap().table;
/// assert!(!scope_selector_core::modules::declares_groups(&table));
/// ```
pub fn declares_groups(table: &Table) -> bool {
    (0..table.len()).any(|action| !table.group(action).is_empty())
}

/// A table's actions by module ([`action_module`], the table's own display names): the modules
/// in order of first appearance, each with its actions in table order and the scopes they need.
/// The panel groups its list by it, and guide URLs name whole modules by it (so a link reads the
/// same on every page showing the table, whatever display names the page adds).
///
/// ```
/// use scope_selector_core::{modules::ModuleIndex, Table};
/// let table = Table::from_json(r#"[{"id":"a","label":"A","scopes":["jobsRead"]},
///     {"id":"b","label":"B","scopes":["offersWrite"]},{"id":"c","label":"C","scopes":["jobsWrite","jobsRead"]}]"#).unwrap().table;
/// let modules = ModuleIndex::new(&table);
/// assert_eq!((modules.len(), modules.name(0), modules.name(1)), (2, "Jobs", "Offers"));
/// assert_eq!((modules.actions(0), modules.module_of(2)), (&[0, 2][..], 0));
/// assert_eq!(modules.find("Offers"), Some(1));
/// ```
#[derive(Debug, Clone)]
pub struct ModuleIndex {
    names: Vec<String>,
    /// Each action's module.
    of_action: Vec<u32>,
    /// The actions, module by module (table order within one).
    members: Vec<u32>,
    /// Where each module's actions start in `members`, plus the end.
    starts: Vec<u32>,
}

impl ModuleIndex {
    /// The modules of `table`.
    pub fn new(table: &Table) -> ModuleIndex {
        let names = ScopeNames::new(table);
        let mut modules: Vec<String> = Vec::new();
        // An action without a group is in its first scope's module, found once per scope (a
        // search of the names for each of 100,000 actions would be slow); `NO_MODULE` is the
        // module of the scope past the last.
        let mut of_scope = vec![u32::MAX; table.scope_count() + 1];
        let mut of_action = Vec::with_capacity(table.len());
        let module_of = |modules: &mut Vec<String>, name: &str| {
            let known = modules.iter().position(|known| known == name);
            known.unwrap_or_else(|| {
                modules.push(name.to_owned());
                modules.len() - 1
            }) as u32
        };
        for action in 0..table.len() {
            let group = table.group(action);
            let previous = of_action.last().map(|&module: &u32| modules[module as usize].as_str());
            let module = if group.is_empty() {
                let scope = table.action_scopes(action).first().map_or(table.scope_count(), |&scope| scope as usize);
                if of_scope[scope] == u32::MAX {
                    let name = if scope < table.scope_count() {
                        scope_module(table, &names, scope).0
                    } else {
                        NO_MODULE.to_owned()
                    };
                    of_scope[scope] = module_of(&mut modules, &name);
                }
                of_scope[scope]
            } else if previous == Some(group) {
                // (Actions of a group mostly come together.)
                of_action[action - 1]
            } else {
                module_of(&mut modules, group)
            };
            of_action.push(module);
        }
        // The actions by module: counted, then placed.
        let mut starts = vec![0u32; modules.len() + 1];
        for &module in &of_action {
            starts[module as usize + 1] += 1;
        }
        for at in 1..starts.len() {
            starts[at] += starts[at - 1];
        }
        let mut next = starts.clone();
        let mut members = vec![0u32; of_action.len()];
        for (action, &module) in of_action.iter().enumerate() {
            members[next[module as usize] as usize] = action as u32;
            next[module as usize] += 1;
        }
        ModuleIndex { names: modules, of_action, members, starts }
    }

    /// How many modules.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// Whether there is none (a table without actions).
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// Module `module`'s name.
    pub fn name(&self, module: usize) -> &str {
        self.names.get(module).map_or("", String::as_str)
    }

    /// The module named `name`.
    pub fn find(&self, name: &str) -> Option<usize> {
        self.names.iter().position(|known| known == name)
    }

    /// The module of action `action`.
    pub fn module_of(&self, action: usize) -> usize {
        self.of_action.get(action).map_or(0, |&module| module as usize)
    }

    /// Module `module`'s actions, in table order.
    pub fn actions(&self, module: usize) -> &[u32] {
        match (self.starts.get(module), self.starts.get(module + 1)) {
            (Some(&start), Some(&end)) => &self.members[start as usize..end as usize],
            _ => &[],
        }
    }

    /// Whether every action of module `module` is in `chosen`.
    pub fn whole(&self, module: usize, chosen: &BitSet) -> bool {
        self.actions(module).iter().all(|&action| chosen.contains(action as usize))
    }
}

/// A scope toggle of a module header (see [`scope_toggles`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Toggle {
    /// No chosen action of the module needs the scope.
    Off,
    /// Some do, but the module has actions the chosen ones' scopes allow that are not chosen.
    Mixed,
    /// Some do, and every action of the module those scopes allow is chosen.
    Pressed,
}

/// U, the scopes the chosen actions of module `module` need (each action's `scopes`, its first
/// alternative, so that releasing a scope takes it out of U).
fn chosen_scopes(table: &Table, modules: &ModuleIndex, module: usize, chosen: &BitSet) -> BitSet {
    table.scope_union(
        modules.actions(module).iter().map(|&action| action as usize).filter(|&action| chosen.contains(action)),
    )
}

/// The most scope toggles a module header offers. Each module of the real APIs imported so far
/// needs at most 7 scopes (Spotify's Users); a module needing hundreds (a table grouped apart from
/// its scopes) would otherwise put them all in one header row, where a few are seen and a keyboard
/// has to Tab through every one, and restyle them all on each tick.
pub const MOST_TOGGLES: usize = 8;

/// The scopes module `module`'s header offers a toggle for, and how many other scopes its actions
/// need (each action's `scopes`, its first alternative, as U in [`scope_toggles`], so that each
/// toggle can be pressed): the first [`MOST_TOGGLES`] of them in scope order (the order of their
/// first use in the table), which is all of them in every real API imported so far.
///
/// ```
/// use scope_selector_core::{modules::{offered_scopes, ModuleIndex, MOST_TOGGLES}, Table};
/// let actions: Vec<String> =
///     (0..12).map(|at| format!(r#"{{"id":"a{at}","label":"A","scopes":["s{at}"],"group":"M"}}"#)).collect();
/// let table = Table::from_json(&format!("[{}]", actions.join(","))).unwrap().table;
/// let (offered, more) = offered_scopes(&table, &ModuleIndex::new(&table), 0);
/// assert_eq!((offered, more), ((0..MOST_TOGGLES as u32).collect(), 12 - MOST_TOGGLES));
/// ```
pub fn offered_scopes(table: &Table, modules: &ModuleIndex, module: usize) -> (Vec<u32>, usize) {
    let scopes = table.scope_union(modules.actions(module).iter().map(|&action| action as usize));
    let offered = scopes.iter().take(MOST_TOGGLES).map(|scope| scope as u32).collect();
    (offered, scopes.len().saturating_sub(MOST_TOGGLES))
}

/// The state of each of `scopes`, toggles of module `module`: with U the scopes its chosen actions
/// need, a scope is pressed when it is in U and every action of the module U allows is chosen,
/// mixed when it is in U otherwise, off when it is not in U.
///
/// ```
/// use scope_selector_core::{modules::{scope_toggles, ModuleIndex, Toggle}, Table};
/// let table = Table::from_json(r#"[{"id":"list","label":"L","scopes":["jobsRead"]},
///     {"id":"get","label":"G","scopes":["jobsRead"]},{"id":"make","label":"M","scopes":["jobsWrite"]}]"#).unwrap().table;
/// let modules = ModuleIndex::new(&table);
/// let (mut chosen, _) = table.ids_to_set(["list"]);
/// assert_eq!(scope_toggles(&table, &modules, 0, &chosen, &[0, 1]), [Toggle::Mixed, Toggle::Off]);
/// chosen.insert(1);
/// assert_eq!(scope_toggles(&table, &modules, 0, &chosen, &[0, 1]), [Toggle::Pressed, Toggle::Off]);
/// ```
pub fn scope_toggles(
    table: &Table,
    modules: &ModuleIndex,
    module: usize,
    chosen: &BitSet,
    scopes: &[u32],
) -> Vec<Toggle> {
    let used = chosen_scopes(table, modules, module, chosen);
    let complete = modules
        .actions(module)
        .iter()
        .all(|&action| chosen.contains(action as usize) || !table.allows(action as usize, &used));
    let on = if complete { Toggle::Pressed } else { Toggle::Mixed };
    scopes.iter().map(|&scope| if used.contains(scope as usize) { on } else { Toggle::Off }).collect()
}

/// Presses (`pressed`) or releases scope `scope` of module `module`: pressing chooses every
/// action of the module that U ∪ {scope} allows (U as in [`scope_toggles`]); releasing releases
/// every action of the module whose `scopes` hold it.
///
/// ```
/// use scope_selector_core::{modules::{press_scope, ModuleIndex}, BitSet, Table};
/// let table = Table::from_json(r#"[{"id":"list","label":"L","scopes":["jobsRead"]},
///     {"id":"make","label":"M","scopes":["jobsWrite","jobsRead"]},{"id":"o","label":"O","scopes":["offersRead"]}]"#).unwrap().table;
/// let modules = ModuleIndex::new(&table);
/// let mut chosen = BitSet::new(3);
/// press_scope(&table, &modules, 0, 0, true, &mut chosen);
/// assert_eq!(chosen.iter().collect::<Vec<_>>(), [0], "Jobs: Read chooses the read action");
/// press_scope(&table, &modules, 0, 1, true, &mut chosen);
/// assert_eq!(chosen.iter().collect::<Vec<_>>(), [0, 1], "Jobs: Write then adds the write one");
/// press_scope(&table, &modules, 0, 0, false, &mut chosen);
/// assert!(chosen.is_empty(), "releasing Read releases every action needing it");
/// ```
pub fn press_scope(
    table: &Table,
    modules: &ModuleIndex,
    module: usize,
    scope: usize,
    pressed: bool,
    chosen: &mut BitSet,
) {
    let actions = modules.actions(module).iter().map(|&action| action as usize);
    if pressed {
        let mut allowed = chosen_scopes(table, modules, module, chosen);
        allowed.insert(scope);
        for action in actions {
            if table.allows(action, &allowed) {
                chosen.insert(action);
            }
        }
    } else {
        for action in actions {
            if table.action_scopes(action).contains(&(scope as u32)) {
                chosen.set(action, false);
            }
        }
    }
}
