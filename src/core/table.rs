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
    /// Scope ids by name.
    scope_index: StrIndex,
    /// Action indices by action id.
    id_index: StrIndex,
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

/// A hash index of strings held elsewhere: its entries are `u32` keys (action indices, scope ids)
/// and `name(key)` gives an entry's string. Open addressing with FNV-1a and linear probing, never
/// more than half full, so look-ups and insertions take constant time on average (the table is
/// built in time linear in its size, with no sort of strings).
#[derive(Debug, Clone)]
struct StrIndex {
    slots: Vec<u32>,
    len: usize,
}

/// A free slot of a [`StrIndex`].
const EMPTY_SLOT: u32 = u32::MAX;

impl StrIndex {
    /// An empty index with room for `capacity` entries before it grows.
    fn with_capacity(capacity: usize) -> StrIndex {
        StrIndex { slots: vec![EMPTY_SLOT; (2 * capacity).next_power_of_two().max(64)], len: 0 }
    }

    /// The slot holding the entry whose string is `wanted`, or the free slot where it belongs.
    fn slot<'a>(&self, name: &dyn Fn(u32) -> &'a str, wanted: &str) -> usize {
        let mask = self.slots.len() - 1;
        let hash = wanted.bytes().fold(0x811c_9dc5u32, |hash, byte| (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193));
        let mut slot = hash as usize & mask;
        while self.slots[slot] != EMPTY_SLOT && name(self.slots[slot]) != wanted {
            slot = (slot + 1) & mask;
        }
        slot
    }

    /// The entry whose string is `wanted`.
    fn get<'a>(&self, name: &dyn Fn(u32) -> &'a str, wanted: &str) -> Option<u32> {
        Some(self.slots[self.slot(name, wanted)]).filter(|&key| key != EMPTY_SLOT)
    }

    /// The entry whose string is `wanted`, if there is one; otherwise adds `key` for it (the caller
    /// then stores `wanted` where `name(key)` finds it) and gives `None`.
    fn get_or_insert<'a>(&mut self, name: &dyn Fn(u32) -> &'a str, wanted: &str, key: u32) -> Option<u32> {
        if 2 * (self.len + 1) > self.slots.len() {
            let entries: Vec<u32> = self.slots.iter().copied().filter(|&key| key != EMPTY_SLOT).collect();
            self.slots = vec![EMPTY_SLOT; self.slots.len() * 2];
            for entry in entries {
                let slot = self.slot(name, name(entry));
                self.slots[slot] = entry;
            }
        }
        let slot = self.slot(name, wanted);
        if self.slots[slot] != EMPTY_SLOT {
            return Some(self.slots[slot]);
        }
        self.slots[slot] = key;
        self.len += 1;
        None
    }
}

/// The name of scope `id` in `names` (empty when out of range).
fn scope_name(names: &[String], id: usize) -> &str {
    names.get(id).map_or("", String::as_str)
}

/// The id of action `index` in `actions` (empty when out of range).
fn action_id(actions: &[Action], index: u32) -> &str {
    actions.get(index as usize).map_or("", |action| action.id.as_str())
}

/// Gives every distinct scope name an id, in order of first mention. Returns the names by id, the
/// id of each mention, and the index of the names.
fn intern(mentions: Vec<String>) -> (Vec<String>, Vec<u32>, StrIndex) {
    let mut names: Vec<String> = Vec::new();
    let mut index = StrIndex::with_capacity(0);
    let mut refs = Vec::with_capacity(mentions.len());
    for mention in mentions {
        let new = names.len() as u32;
        match index.get_or_insert(&|id| scope_name(&names, id as usize), &mention, new) {
            Some(known) => refs.push(known),
            None => {
                names.push(mention);
                refs.push(new);
            }
        }
    }
    (names, refs, index)
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

        // Keep the first action of every id; a repeat is left out with a notice naming the first.
        let mut id_index = StrIndex::with_capacity(checked.len());
        let mut actions: Vec<Action> = Vec::with_capacity(checked.len());
        // Where each kept action stands in the table, for the notices about its repeats.
        let mut table_index = Vec::with_capacity(checked.len());
        let mut scope_starts = vec![0];
        // Every scope mention of the kept actions, in table order.
        let mut mentions: Vec<String> = Vec::with_capacity(checked.len());
        for (index, entry) in checked.into_iter().enumerate() {
            let new = actions.len() as u32;
            if let Some(first) = id_index.get_or_insert(&|kept| action_id(&actions, kept), &entry.action.id, new) {
                let first = table_index.get(first as usize).map_or(0, |&first| first as usize);
                notices.push(TableNotice::DuplicateId { index, first, id: entry.action.id });
                continue;
            }
            actions.push(entry.action);
            table_index.push(index as u32);
            mentions.extend(entry.scopes);
            scope_starts.push(mentions.len() as u32);
        }
        let (scope_names, mut scope_refs, scope_index) = intern(mentions);
        for pair in scope_starts.windows(2) {
            sort_indices(&mut scope_refs[pair[0] as usize..pair[1] as usize], &mut |a, b| a < b);
        }
        let table = Table { actions, scope_starts, scope_refs, scope_names, scope_index, id_index };
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
        scope_name(&self.scope_names, scope)
    }

    pub fn scope_id(&self, name: &str) -> Option<u32> {
        self.scope_index.get(&|scope| self.scope_name(scope as usize), name)
    }

    /// The index of the action with this id.
    pub fn index_of(&self, id: &str) -> Option<u32> {
        self.id_index.get(&|index| action_id(&self.actions, index), id)
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
