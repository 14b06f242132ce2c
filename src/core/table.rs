//! The validated action table: actions in table order, interned scopes and look-ups by id.

use super::bitset::BitSet;
use super::raw::{Kind, RawAction, RawTable, Shaped};
use super::sort::sort_indices;
use super::text::{concat, decimal};
use crate::prelude::*;
use core::fmt;

/// A field of an action object.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Id,
    Label,
    Scopes,
}

impl Field {
    /// The field as a message names it, quoted.
    pub fn name(self) -> &'static str {
        match self {
            Field::Id => "\"id\"",
            Field::Label => "\"label\"",
            Field::Scopes => "\"scopes\"",
        }
    }
}

/// What is wrong with one entry of the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntryProblem {
    NotAnObject(Kind),
    Missing(Field),
    WrongKind { field: Field, found: Kind },
    ScopeNotString { position: usize, found: Kind },
    EmptyId,
    IdHasSeparator,
}

/// Why a table cannot be used at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TableError {
    /// The text is not JSON; the message is the parser's.
    Syntax(String),
    NotAnArray(Kind),
    Empty,
    Entry {
        index: usize,
        problem: EntryProblem,
    },
}

impl TableError {
    /// What is wrong, for the page's author.
    pub fn message(&self) -> String {
        match self {
            TableError::Syntax(message) => concat(&["the action table is not valid JSON (", message, ")"]),
            TableError::NotAnArray(kind) => concat(&["the action table must be a JSON array, found ", kind.name()]),
            TableError::Empty => "the action table has no actions".into(),
            TableError::Entry { index, problem } => {
                let position;
                let detail: &[&str] = match problem {
                    EntryProblem::NotAnObject(kind) => &["must be an object, found ", kind.name()],
                    EntryProblem::Missing(field) => &[field.name(), " is missing"],
                    EntryProblem::WrongKind { field: Field::Scopes, found } => {
                        &["\"scopes\" must be an array of strings, found ", found.name()]
                    }
                    EntryProblem::WrongKind { field, found } => {
                        &[field.name(), " must be a string, found ", found.name()]
                    }
                    EntryProblem::ScopeNotString { position: at, found } => {
                        position = decimal(*at);
                        &["\"scopes\"[", &position, "] must be a string, found ", found.name()]
                    }
                    EntryProblem::EmptyId => &["\"id\" is empty"],
                    EntryProblem::IdHasSeparator => &["\"id\" must not contain spaces or commas"],
                };
                concat(&["action at index ", &decimal(*index), ": ", &concat(detail)])
            }
        }
    }
}

impl fmt::Display for TableError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl core::error::Error for TableError {}

/// Something in a usable table that was repaired; worth telling the page's author.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TableNotice {
    /// A later action repeats an earlier id; the first one is kept.
    DuplicateId { index: usize, first: usize, id: String },
    /// A scope string was blank and was left out.
    BlankScope { index: usize, position: usize },
}

impl TableNotice {
    /// What was repaired, for the page's author.
    pub fn message(&self) -> String {
        match self {
            TableNotice::DuplicateId { index, first, id } => concat(&[
                "action at index ",
                &decimal(*index),
                " repeats the id \"",
                id,
                "\" of index ",
                &decimal(*first),
                " and was left out",
            ]),
            TableNotice::BlankScope { index, position } => concat(&[
                "action at index ",
                &decimal(*index),
                ": blank \"scopes\"[",
                &decimal(*position),
                "] was left out",
            ]),
        }
    }
}

impl fmt::Display for TableNotice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

/// One action of the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Action {
    pub id: String,
    pub label: String,
}

/// A validated table.
#[derive(Debug, Clone)]
pub struct Table {
    actions: Vec<Action>,
    /// `scope_refs[scope_starts[i]..scope_starts[i + 1]]` are action `i`'s scope ids, ascending.
    scope_starts: Vec<u32>,
    scope_refs: Vec<u32>,
    /// Scope names by id; ids follow first appearance in the table.
    scope_names: Vec<String>,
    /// Scope ids sorted by name, for look-ups.
    scopes_by_name: Vec<u32>,
    /// Action indices sorted by id, for look-ups.
    by_id: Vec<u32>,
}

/// A table together with what was repaired while reading it.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub table: Table,
    pub notices: Vec<TableNotice>,
}

/// An entry that passed the per-entry checks.
struct Checked {
    action: Action,
    scopes: Vec<String>,
}

fn entry_error(index: usize, problem: EntryProblem) -> TableError {
    TableError::Entry { index, problem }
}

fn string_field(index: usize, field: Field, value: Option<Shaped<String>>) -> Result<String, TableError> {
    match value {
        None => Err(entry_error(index, EntryProblem::Missing(field))),
        Some(Err(found)) => Err(entry_error(index, EntryProblem::WrongKind { field, found })),
        Some(Ok(text)) if text.trim().len() == text.len() => Ok(text),
        Some(Ok(text)) => Ok(text.trim().to_owned()),
    }
}

fn check_entry(index: usize, entry: Shaped<RawAction>, notices: &mut Vec<TableNotice>) -> Result<Checked, TableError> {
    let raw = entry.map_err(|kind| entry_error(index, EntryProblem::NotAnObject(kind)))?;
    let id = string_field(index, Field::Id, raw.id)?;
    if id.is_empty() {
        return Err(entry_error(index, EntryProblem::EmptyId));
    }
    if id.contains(|c: char| c == ',' || c.is_whitespace()) {
        return Err(entry_error(index, EntryProblem::IdHasSeparator));
    }
    let label = string_field(index, Field::Label, raw.label)?;
    let raw_scopes = match raw.scopes {
        None => return Err(entry_error(index, EntryProblem::Missing(Field::Scopes))),
        Some(Err(found)) => {
            return Err(entry_error(index, EntryProblem::WrongKind { field: Field::Scopes, found }));
        }
        Some(Ok(scopes)) => scopes,
    };
    let mut scopes = Vec::with_capacity(raw_scopes.len());
    for (position, scope) in raw_scopes.into_iter().enumerate() {
        let scope = scope.map_err(|found| entry_error(index, EntryProblem::ScopeNotString { position, found }))?;
        let scope = scope.trim();
        if scope.is_empty() {
            notices.push(TableNotice::BlankScope { index, position });
        } else if !scopes.iter().any(|known| known == scope) {
            scopes.push(scope.to_owned());
        }
    }
    let label = if label.is_empty() { id.clone() } else { label };
    Ok(Checked { action: Action { id, label }, scopes })
}

/// Gives every distinct scope name an id, in order of first mention. Returns the names by id,
/// the id of each mention, and the ids sorted by name. Names are found through a small
/// open-addressing hash table (FNV-1a, linear probing, at most half full), so interning is linear
/// in the mentions; only the distinct names are sorted.
fn intern(mentions: Vec<String>) -> (Vec<String>, Vec<u32>, Vec<u32>) {
    let mut names: Vec<String> = Vec::new();
    let mut slots = vec![EMPTY_SLOT; 64];
    let mut refs = Vec::with_capacity(mentions.len());
    for mention in mentions {
        if 2 * (names.len() + 1) > slots.len() {
            slots = vec![EMPTY_SLOT; slots.len() * 2];
            for (id, name) in names.iter().enumerate() {
                let slot = slot_of(&slots, &names, name);
                slots[slot] = id as u32;
            }
        }
        let slot = slot_of(&slots, &names, &mention);
        if slots[slot] == EMPTY_SLOT {
            slots[slot] = names.len() as u32;
            names.push(mention);
        }
        refs.push(slots[slot]);
    }
    let mut by_name: Vec<u32> = (0..names.len() as u32).collect();
    sort_indices(&mut by_name, &mut |a, b| names[a as usize] < names[b as usize]);
    (names, refs, by_name)
}

/// A free slot of [`intern`]'s hash table.
const EMPTY_SLOT: u32 = u32::MAX;

/// The slot holding the id of `name`, or the free slot where it belongs (FNV-1a, linear probing;
/// the table is never full).
fn slot_of(slots: &[u32], names: &[String], name: &str) -> usize {
    let mask = slots.len() - 1;
    let hash = name.bytes().fold(0x811c_9dc5u32, |hash, byte| (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193));
    let mut slot = hash as usize & mask;
    while slots[slot] != EMPTY_SLOT && names[slots[slot] as usize] != name {
        slot = (slot + 1) & mask;
    }
    slot
}

/// The entry of `sorted` (indices ordered by `key`) whose key is `wanted`.
fn find_sorted<'a>(sorted: &[u32], key: impl Fn(u32) -> &'a str, wanted: &str) -> Option<u32> {
    sorted.binary_search_by(|&index| key(index).cmp(wanted)).ok().map(|at| sorted[at])
}

impl Table {
    /// Validates a table read from JSON. Entries are trimmed; blank scopes and repeated ids are
    /// left out with a notice; anything else wrong is an error naming the entry and field.
    pub fn from_raw(raw: RawTable) -> Result<Loaded, TableError> {
        let entries = raw.0.map_err(TableError::NotAnArray)?;
        if entries.is_empty() {
            return Err(TableError::Empty);
        }
        let mut notices = Vec::new();
        let mut checked = Vec::with_capacity(entries.len());
        for (index, entry) in entries.into_iter().enumerate() {
            checked.push(check_entry(index, entry, &mut notices)?);
        }

        // Find repeated ids: sort positions by id (stably, so a run starts with the earliest).
        let mut order: Vec<u32> = (0..checked.len() as u32).collect();
        sort_indices(&mut order, &mut |a, b| checked[a as usize].action.id < checked[b as usize].action.id);
        let mut keep = vec![true; checked.len()];
        let mut run_first = order[0] as usize;
        for pair in order.windows(2) {
            let later = pair[1] as usize;
            if checked[run_first].action.id == checked[later].action.id {
                keep[later] = false;
                let id = checked[later].action.id.clone();
                notices.push(TableNotice::DuplicateId { index: later, first: run_first, id });
            } else {
                run_first = later;
            }
        }

        let mut new_index = vec![0u32; checked.len()];
        let mut actions = Vec::with_capacity(checked.len());
        let mut scope_starts = vec![0];
        // Every scope mention of the kept actions, in table order.
        let mut mentions: Vec<String> = Vec::with_capacity(checked.len());
        for (old, entry) in checked.into_iter().enumerate() {
            if keep[old] {
                new_index[old] = actions.len() as u32;
                actions.push(entry.action);
                mentions.extend(entry.scopes);
                scope_starts.push(mentions.len() as u32);
            }
        }
        let by_id = order.into_iter().filter(|&old| keep[old as usize]).map(|old| new_index[old as usize]).collect();
        let (scope_names, mut scope_refs, scopes_by_name) = intern(mentions);
        for pair in scope_starts.windows(2) {
            sort_indices(&mut scope_refs[pair[0] as usize..pair[1] as usize], &mut |a, b| a < b);
        }
        let table = Table { actions, scope_starts, scope_refs, scope_names, scopes_by_name, by_id };
        Ok(Loaded { table, notices })
    }

    /// Number of actions.
    pub fn len(&self) -> usize {
        self.actions.len()
    }

    pub fn is_empty(&self) -> bool {
        self.actions.is_empty()
    }

    pub fn action(&self, index: usize) -> Option<&Action> {
        self.actions.get(index)
    }

    pub fn actions(&self) -> &[Action] {
        &self.actions
    }

    /// The scope ids of action `index`, ascending (empty when out of range).
    pub fn action_scopes(&self, index: usize) -> &[u32] {
        match (self.scope_starts.get(index), self.scope_starts.get(index + 1)) {
            (Some(&start), Some(&end)) => &self.scope_refs[start as usize..end as usize],
            _ => &[],
        }
    }

    /// Number of distinct scopes.
    pub fn scope_count(&self) -> usize {
        self.scope_names.len()
    }

    pub fn scope_name(&self, scope: usize) -> &str {
        self.scope_names.get(scope).map_or("", String::as_str)
    }

    pub fn scope_id(&self, name: &str) -> Option<u32> {
        find_sorted(&self.scopes_by_name, |scope| self.scope_name(scope as usize), name)
    }

    /// The index of the action with this id.
    pub fn index_of(&self, id: &str) -> Option<u32> {
        find_sorted(&self.by_id, |index| self.actions[index as usize].id.as_str(), id)
    }

    /// The scopes needed by the given actions (indices out of range are ignored).
    pub fn scope_union(&self, actions: impl IntoIterator<Item = usize>) -> BitSet {
        let mut union = BitSet::new(self.scope_count());
        for action in actions {
            for &scope in self.action_scopes(action) {
                union.insert(scope as usize);
            }
        }
        union
    }

    /// Scope names of a set, in the documented order: first appearance in the table.
    pub fn scope_names<'a>(&'a self, scopes: &'a BitSet) -> impl Iterator<Item = &'a str> + 'a {
        scopes.iter().map(|scope| self.scope_name(scope))
    }

    /// Labels of the chosen actions that need at least one of `scopes`: sorted, without repeats.
    pub fn labels_enabled_by<'a>(&'a self, chosen: &BitSet, scopes: &BitSet) -> Vec<&'a str> {
        let mut enabled: Vec<u32> = chosen
            .iter()
            .filter(|&action| self.action_scopes(action).iter().any(|&scope| scopes.contains(scope as usize)))
            .map(|action| action as u32)
            .collect();
        let label = |action: u32| self.action(action as usize).map_or("", |action| action.label.as_str());
        sort_indices(&mut enabled, &mut |a, b| label(a) < label(b));
        let mut labels: Vec<&str> = enabled.into_iter().map(label).collect();
        labels.dedup();
        labels
    }
}
