//! The grouped list: the actions under a header per module ([`ModuleIndex`]), which modules are
//! expanded, what each header shows (its name, how many of its actions are chosen, its tri-state
//! checkbox, a toggle per scope it offers), and the lines to draw, headers among the rows.

use super::list::{row, ListView, RowView};
use super::Panel;
use crate::find::find;
use crate::modules::{offered_scopes, scope_module, scope_toggles, ModuleIndex, Toggle};
use crate::scope_names::ScopeNames;
use crate::search::Fold;
use crate::window::{is_windowed, rows_to_render};
use crate::{BitSet, Table};

/// A grouped panel's modules and which of them are expanded.
#[derive(Debug, Clone)]
pub(super) struct Groups {
    pub(super) modules: ModuleIndex,
    /// Each module's name as the panel shows it: its group, else taken from its first scope's
    /// display name as the page gives it (the modules themselves, and the names links use, are
    /// the table's: see [`ModuleIndex`]).
    titles: Vec<String>,
    /// Each title folded, for the search.
    folded: Vec<String>,
    /// Each scope's display name folded, for the search (empty without one).
    folded_displays: Vec<String>,
    /// The modules expanded while no search is active (at first, those holding chosen actions).
    pub(super) open: BitSet,
    /// The modules collapsed during the current search (a search shows its modules expanded).
    pub(super) closed: BitSet,
    /// The actions the current search shows ([`Groups::search`]); `None` without a search.
    pub(super) shown: Option<BitSet>,
}

impl Groups {
    pub(super) fn new(modules: ModuleIndex, table: &Table, names: &ScopeNames, chosen: &BitSet, fold: Fold) -> Groups {
        let titles: Vec<String> = (0..modules.len())
            .map(|module| {
                let first = modules.actions(module).first().map_or(0, |&action| action as usize);
                match table.action_scopes(first).first() {
                    Some(&scope) if table.group(first).is_empty() => scope_module(table, names, scope as usize).0,
                    _ => modules.name(module).to_owned(),
                }
            })
            .collect();
        let folded = titles.iter().map(|title| fold(title)).collect();
        let folded_displays =
            (0..table.scope_count()).map(|scope| names.get(scope).map(fold).unwrap_or_default()).collect();
        let mut open = BitSet::new(modules.len());
        for action in chosen.iter() {
            open.insert(modules.module_of(action));
        }
        Groups { closed: BitSet::new(modules.len()), shown: None, titles, folded, folded_displays, open, modules }
    }

    /// Keeps what a search shows (once per search, not per view): the actions of `table` the index
    /// `found`, every action of a module whose name holds every one of `words` (folded), and every
    /// action needing a scope whose display name holds them all (a grouped row shows it); a new
    /// search shows its modules expanded.
    pub(super) fn search(&mut self, words: &[String], found: &[u32], table: &Table) {
        self.closed.clear();
        if words.is_empty() {
            self.shown = None;
            return;
        }
        let holds_words = |text: &str| words.iter().all(|word| find(text.as_bytes(), word.as_bytes()).is_some());
        let mut shown = BitSet::new(table.len());
        for &action in found {
            shown.insert(action as usize);
        }
        for module in (0..self.modules.len()).filter(|&module| holds_words(&self.folded[module])) {
            for &action in self.modules.actions(module) {
                shown.insert(action as usize);
            }
        }
        let mut named = BitSet::new(table.scope_count());
        for (scope, display) in self.folded_displays.iter().enumerate() {
            if holds_words(display) {
                named.insert(scope);
            }
        }
        if !named.is_empty() {
            for action in 0..table.len() {
                if table.alternatives(action).flatten().any(|&scope| named.contains(scope as usize)) {
                    shown.insert(action);
                }
            }
        }
        self.shown = Some(shown);
    }

    /// Whether the search shows action `action` (every action without a search).
    fn shows(&self, action: usize) -> bool {
        self.shown.as_ref().is_none_or(|shown| shown.contains(action))
    }

    /// Whether module `module` shows its actions.
    pub(super) fn expanded(&self, module: usize, searching: bool) -> bool {
        if searching {
            !self.closed.contains(module)
        } else {
            self.open.contains(module)
        }
    }

    /// Expands or collapses module `module`.
    pub(super) fn expand(&mut self, module: usize, expanded: bool, searching: bool) {
        if searching {
            self.closed.set(module, !expanded);
        } else {
            self.open.set(module, expanded);
        }
    }
}

/// A module's header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderView {
    /// How many of the drawn rows come before it.
    pub before: usize,
    /// The module (its position among the modules).
    pub module: u32,
    /// Its name as the panel shows it.
    pub name: String,
    /// How many of its actions are chosen.
    pub chosen: usize,
    /// How many actions it has.
    pub count: usize,
    /// While a search is active, how many of its actions match.
    pub matches: Option<usize>,
    /// Its checkbox, over the actions it chooses (those that match while a search is active):
    /// all chosen, some, none.
    pub state: Toggle,
    /// Whether its actions are shown.
    pub expanded: bool,
    /// Its scope toggles: the scope, its display name (else its name), its state.
    pub toggles: Vec<(u32, String, Toggle)>,
    /// How many scopes its actions need besides those it has toggles for
    /// ([`offered_scopes`](crate::modules::offered_scopes)).
    pub more: usize,
}

/// The actions of module `module` a header acts on: all of them, or those the search shows.
pub(super) fn acting(groups: &Groups, module: usize) -> impl Iterator<Item = usize> + '_ {
    let actions = groups.modules.actions(module).iter().map(|&action| action as usize);
    actions.filter(|&action| groups.shows(action))
}

/// The header of module `module`, to be drawn before `before` rows.
fn header(panel: &Panel, groups: &Groups, module: usize, before: usize) -> HeaderView {
    let table = &panel.catalog.table;
    let modules = &groups.modules;
    let chosen = &panel.chosen;
    // In one pass: how many of its actions are chosen, and of those it acts on (those the search
    // shows), how many there are and how many are chosen.
    let (mut chosen_count, mut acting_count, mut acting_chosen) = (0, 0, 0);
    for &action in modules.actions(module) {
        let picked = usize::from(chosen.contains(action as usize));
        chosen_count += picked;
        if groups.shows(action as usize) {
            acting_count += 1;
            acting_chosen += picked;
        }
    }
    let state = match acting_chosen {
        0 => Toggle::Off,
        picked if picked == acting_count => Toggle::Pressed,
        _ => Toggle::Mixed,
    };
    let (offered, more) = offered_scopes(table, modules, module);
    let toggles = offered
        .iter()
        .zip(scope_toggles(table, modules, module, chosen, &offered))
        .map(|(&scope, toggle)| (scope, panel.names.display(table, scope as usize).to_owned(), toggle))
        .collect();
    HeaderView {
        before,
        module: module as u32,
        name: groups.titles.get(module).cloned().unwrap_or_default(),
        chosen: chosen_count,
        count: modules.actions(module).len(),
        matches: groups.shown.as_ref().map(|_| acting_count),
        state,
        expanded: groups.expanded(module, groups.shown.is_some()),
        toggles,
        more,
    }
}

/// The grouped list of `panel`: per module shown, its header and (expanded) its actions shown, in
/// table order; windowed by lines when there are many.
pub(super) fn view(panel: &Panel, groups: &Groups, row_height: f64) -> ListView {
    let searching = groups.shown.is_some();
    let words = &panel.words;
    // Each module shown, with the actions it draws (none when collapsed).
    let mut modules: Vec<(usize, usize)> = Vec::new();
    let mut total = 0;
    for module in 0..groups.modules.len() {
        // (Without a search a module acts on every action it has: nothing to count.)
        let count = if searching { acting(groups, module).count() } else { groups.modules.actions(module).len() };
        if searching && count == 0 {
            continue;
        }
        let drawn = if groups.expanded(module, searching) { count } else { 0 };
        modules.push((module, drawn));
        total += 1 + drawn;
    }
    let geometry = panel.geometry;
    let window = rows_to_render(total, geometry.scrolled, geometry.viewport, row_height);
    let (mut rows, mut headers): (Vec<RowView>, Vec<HeaderView>) = (Vec::new(), Vec::new());
    let mut line = 0;
    for (module, drawn) in modules {
        if line >= window.end {
            break;
        }
        if line + 1 + drawn <= window.start {
            line += 1 + drawn;
            continue;
        }
        if window.contains(&line) {
            headers.push(header(panel, groups, module, rows.len()));
        }
        line += 1;
        if drawn > 0 {
            let skip = window.start.saturating_sub(line);
            let take = window.end.saturating_sub(line + skip).min(drawn - skip.min(drawn));
            let actions = acting(groups, module).skip(skip).take(take);
            rows.extend(actions.map(|action| row(panel, action as u32, words)));
            line += drawn;
        }
    }
    ListView { total, windowed: is_windowed(total), start: window.start, row_height, rows, headers }
}
