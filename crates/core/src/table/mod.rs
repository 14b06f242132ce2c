//! The validated action table: actions in table order (id, label, optional group), interned
//! scopes, each action's alternatives (scope sets any one of which allows it), look-ups by id and
//! by scope name, and scope unions.
//!
//! One rule decides what scopes allow: *scopes S allow an action when one of its alternatives
//! (the first being its `scopes`) is a subset of S* ([`Table::allows`]).
//!
//! - [`read()`](read()): the JSON text read into a table, with every problem and repair it found;
//! - `error`: what can be wrong or repaired, and the messages;
//! - `str_index`: the hash index behind the look-ups.

mod error;
mod read;
mod str_index;

pub use error::{EntryProblem, Field, TableError, TableNotice};
pub use read::{read, Located, Reading};

use crate::bitset::BitSet;
use crate::sort::sort_indices;
use str_index::StrIndex;

/// A validated table of actions.
///
/// ```
/// use scope_selector_core::Table;
/// let table = Table::from_json(r#"[
///     {"id": "deals_list", "label": "List deals", "scopes": ["deals:read"]},
///     {"id": "deals_update", "label": "Update deal", "scopes": ["deals:write", "deals:read"]}
/// ]"#).unwrap().table;
/// assert_eq!(table.len(), 2);
/// assert_eq!(table.label(1), "Update deal");
/// assert_eq!(table.index_of("deals_list"), Some(0));
/// let union = table.scope_union([1]);
/// assert_eq!(table.scope_names(&union).collect::<Vec<_>>(), ["deals:read", "deals:write"]);
/// ```
#[derive(Debug, Clone)]
pub struct Table {
    /// Every action's id, label and group, back to back (one allocation, not three per action).
    text: String,
    /// Where each action's id, label and group start in `text` (three per action), then the end.
    bounds: Vec<u32>,
    /// `scope_refs[scope_starts[i]..scope_starts[i + 1]]` are action `i`'s scope ids, ascending.
    scope_starts: Vec<u32>,
    scope_refs: Vec<u32>,
    /// Further alternatives (after `scopes`): action `i`'s are numbers
    /// `alt_starts[i]..alt_starts[i + 1]`, and `alt_refs[alt_bounds[j]..alt_bounds[j + 1]]` are
    /// alternative `j`'s scope ids, ascending. `alt_starts` stays empty while no action has one,
    /// so a table without alternatives pays nothing for them (not 4 bytes per action).
    alt_starts: Vec<u32>,
    alt_bounds: Vec<u32>,
    alt_refs: Vec<u32>,
    /// Scope names by id; ids follow first appearance in the table (an action's `scopes` before
    /// its alternatives).
    scope_names: Vec<String>,
    /// Scope ids by name.
    scope_index: StrIndex,
    /// Action indices by action id.
    id_index: StrIndex,
    /// Display names given by the table (`scopeLabels`), as written: scope name, display name.
    scope_labels: Vec<(String, String)>,
}

/// A table together with what was repaired while reading it.
///
/// ```
/// use scope_selector_core::Table;
/// let loaded = Table::from_json(r#"[{"id": "a", "label": "A", "scopes": ["s", " "]}]"#).unwrap();
/// assert_eq!(loaded.notices.len(), 1);
/// ```
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The table.
    pub table: Table,
    /// What was repaired.
    pub notices: Vec<TableNotice>,
}

/// The fields of one entry that passed its checks, trimmed.
pub(crate) struct Entry<'a> {
    pub id: &'a str,
    pub label: &'a str,
    pub group: &'a str,
    pub scopes: Vec<&'a str>,
    /// The further alternatives, blank scopes and repeated alternatives already left out.
    pub alternatives: Vec<Vec<&'a str>>,
}

/// Builds a table one checked entry at a time, in table order.
pub(crate) struct Builder {
    table: Table,
    /// Where each kept action stands in the JSON array, for the notices about its repeats.
    positions: Vec<u32>,
}

impl Builder {
    /// A builder for a table read from `json_len` bytes of JSON. Its text is reserved at that
    /// length, which the ids, labels and groups almost never exceed (a JSON string is never
    /// shorter than its value; only an empty label, which takes its id, adds to the text), so it
    /// is written without moving: grown by doubling, it held up to twice its size, and its
    /// previous buffer too while it moved (natively, at 100,000 actions, the read's peak went from
    /// 35.1 MB to 31.2 MB). The room left over stays with the table: it is less than the JSON
    /// text, which the caller frees after the read, and wasm memory never shrinks anyway.
    pub fn new(json_len: usize) -> Builder {
        let table = Table {
            text: String::with_capacity(json_len),
            bounds: vec![0],
            scope_starts: vec![0],
            scope_refs: Vec::new(),
            alt_starts: Vec::new(),
            alt_bounds: vec![0],
            alt_refs: Vec::new(),
            scope_names: Vec::new(),
            scope_index: StrIndex::with_capacity(0),
            id_index: StrIndex::with_capacity(0),
            scope_labels: Vec::new(),
        };
        Builder { table, positions: Vec::new() }
    }

    /// Adds the entry at `index` of the array; a repeated id is left out, with its notice.
    pub fn add(&mut self, index: usize, entry: Entry<'_>) -> Option<TableNotice> {
        let table = &mut self.table;
        let new = table.len() as u32;
        let (text, bounds) = (&table.text, &table.bounds);
        if let Some(first) = table.id_index.get_or_insert(&|kept| field(text, bounds, kept, 0), entry.id, new) {
            let first = self.positions.get(first as usize).map_or(0, |&first| first as usize);
            return Some(TableNotice::DuplicateId { index, first, id: entry.id.into() });
        }
        self.positions.push(index as u32);
        for value in [entry.id, entry.label, entry.group] {
            table.text.push_str(value);
            table.bounds.push(table.text.len() as u32);
        }
        let start = table.scope_refs.len();
        for scope in entry.scopes {
            let id = table.intern(scope);
            if !table.scope_refs[start..].contains(&id) {
                table.scope_refs.push(id);
            }
        }
        sort_indices(&mut table.scope_refs[start..], &mut |a, b| a < b);
        table.scope_starts.push(table.scope_refs.len() as u32);
        table.add_alternatives(new as usize, &entry.alternatives);
        None
    }

    /// Records a display name the table gives a scope.
    pub fn scope_label(&mut self, scope: &str, label: &str) {
        self.table.scope_labels.push((scope.into(), label.into()));
    }

    pub fn finish(self) -> Table {
        self.table
    }
}

/// Field `which` (0 id, 1 label, 2 group) of action `action` (empty when out of range).
fn field<'a>(text: &'a str, bounds: &[u32], action: u32, which: usize) -> &'a str {
    let at = action as usize * 3 + which;
    match (bounds.get(at), bounds.get(at + 1)) {
        (Some(&start), Some(&end)) => text.get(start as usize..end as usize).unwrap_or_default(),
        _ => "",
    }
}

/// Whether every scope id of `set` is in `scopes`.
pub(crate) fn is_within(set: &[u32], scopes: &BitSet) -> bool {
    set.iter().all(|&scope| scopes.contains(scope as usize))
}

/// The name of scope `id` in `names` (empty when out of range).
fn scope_name(names: &[String], id: u32) -> &str {
    names.get(id as usize).map_or("", String::as_str)
}

impl Table {
    /// Reads and validates table JSON: the first error, or the table and what was repaired.
    ///
    /// ```
    /// use scope_selector_core::Table;
    /// let error = Table::from_json(r#"[{"id": "a b", "label": "A", "scopes": []}]"#).unwrap_err();
    /// assert_eq!(error.to_string(), "action at index 0: \"id\" must not contain spaces or commas");
    /// ```
    pub fn from_json(text: &str) -> Result<Loaded, TableError> {
        let reading = read(text);
        match (reading.table, reading.errors.into_iter().next()) {
            (Some(table), None) => {
                Ok(Loaded { table, notices: reading.notices.into_iter().map(|n| n.value).collect() })
            }
            (_, Some(error)) => Err(error.value),
            (None, None) => Err(TableError::Empty),
        }
    }

    /// Stores the further alternatives of the action just added, number `action`: each one's
    /// scope ids interned, each once, ascending.
    fn add_alternatives(&mut self, action: usize, alternatives: &[Vec<&str>]) {
        if !alternatives.is_empty() && self.alt_starts.is_empty() {
            // The first action with alternatives: the ones before it have none.
            self.alt_starts = vec![0; action + 1];
        }
        for alternative in alternatives {
            let start = self.alt_refs.len();
            for name in alternative {
                let id = self.intern(name);
                if !self.alt_refs[start..].contains(&id) {
                    self.alt_refs.push(id);
                }
            }
            sort_indices(&mut self.alt_refs[start..], &mut |a, b| a < b);
            self.alt_bounds.push(self.alt_refs.len() as u32);
        }
        if !self.alt_starts.is_empty() {
            self.alt_starts.push(self.alt_bounds.len() as u32 - 1);
        }
    }

    /// Gives scope `name` an id (a new one if it is new).
    fn intern(&mut self, name: &str) -> u32 {
        let new = self.scope_names.len() as u32;
        let names = &self.scope_names;
        match self.scope_index.get_or_insert(&|id| scope_name(names, id), name, new) {
            Some(known) => known,
            None => {
                self.scope_names.push(name.into());
                new
            }
        }
    }

    /// Number of actions.
    ///
    /// ```
    /// # let table = scope_selector_core::Table::from_json(r#"[{"id":"a","label":"A","scopes":[]}]"#).unwrap().table;
    /// assert_eq!(table.len(), 1);
    /// ```
    pub fn len(&self) -> usize {
        self.bounds.len() / 3
    }

    /// Whether the table has no actions (a table read from JSON never is).
    ///
    /// ```
    /// # let table = scope_selector_core::Table::from_json(r#"[{"id":"a","label":"A","scopes":[]}]"#).unwrap().table;
    /// assert!(!table.is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The id of action `index` (empty when out of range).
    ///
    /// ```
    /// # let table = scope_selector_core::Table::from_json(r#"[{"id":" a ","label":"A","scopes":[]}]"#).unwrap().table;
    /// assert_eq!(table.id(0), "a");
    /// ```
    pub fn id(&self, index: usize) -> &str {
        field(&self.text, &self.bounds, index as u32, 0)
    }

    /// The label of action `index` (its id when the table gave none).
    ///
    /// ```
    /// # let table = scope_selector_core::Table::from_json(r#"[{"id":"a","label":"","scopes":[]}]"#).unwrap().table;
    /// assert_eq!(table.label(0), "a");
    /// ```
    pub fn label(&self, index: usize) -> &str {
        field(&self.text, &self.bounds, index as u32, 1)
    }

    /// The group the table gives action `index` (empty when it gives none).
    ///
    /// ```
    /// # let table = scope_selector_core::Table::from_json(r#"[{"id":"a","label":"A","scopes":[],"group":"Jobs"}]"#).unwrap().table;
    /// assert_eq!(table.group(0), "Jobs");
    /// ```
    pub fn group(&self, index: usize) -> &str {
        field(&self.text, &self.bounds, index as u32, 2)
    }

    /// The scope ids of action `index`, ascending (empty when out of range).
    ///
    /// ```
    /// # let table = scope_selector_core::Table::from_json(r#"[{"id":"a","label":"A","scopes":["y","x","y"]}]"#).unwrap().table;
    /// assert_eq!(table.action_scopes(0), &[0, 1]);
    /// ```
    pub fn action_scopes(&self, index: usize) -> &[u32] {
        match (self.scope_starts.get(index), self.scope_starts.get(index + 1)) {
            (Some(&start), Some(&end)) => &self.scope_refs[start as usize..end as usize],
            _ => &[],
        }
    }

    /// The alternatives of action `index`: its scope id sets (ascending ids) any one of which
    /// allows it, in table order; the first is [`Table::action_scopes`]. None when out of range.
    ///
    /// ```
    /// # let table = scope_selector_core::Table::from_json(r#"[{"id":"a","label":"A","scopes":["x","y"],"alternatives":[["z"]]}]"#).unwrap().table;
    /// assert_eq!(table.alternatives(0).collect::<Vec<_>>(), [&[0, 1][..], &[2][..]]);
    /// assert_eq!(table.alternatives(1).count(), 0);
    /// ```
    pub fn alternatives(&self, index: usize) -> impl Iterator<Item = &[u32]> + '_ {
        (0..self.alternative_count(index)).map(move |number| self.alternative(index, number))
    }

    /// Alternative `number` of action `index` (0: its `scopes`); empty when out of range.
    fn alternative(&self, index: usize, number: usize) -> &[u32] {
        if number > 0 {
            let further = self.alt_starts.get(index).map_or(0, |&start| start as usize) + number - 1;
            return match (self.alt_bounds.get(further), self.alt_bounds.get(further + 1)) {
                (Some(&start), Some(&end)) => self.alt_refs.get(start as usize..end as usize).unwrap_or_default(),
                _ => &[],
            };
        }
        self.action_scopes(index)
    }

    /// How many alternatives action `index` has (1 without further `alternatives`; 0 when out of range).
    ///
    /// ```
    /// # let table = scope_selector_core::Table::from_json(r#"[{"id":"a","label":"A","scopes":["x"],"alternatives":[["y"],["z"]]}]"#).unwrap().table;
    /// assert_eq!(table.alternative_count(0), 3);
    /// ```
    pub fn alternative_count(&self, index: usize) -> usize {
        if index >= self.len() {
            return 0;
        }
        if let (Some(&start), Some(&end)) = (self.alt_starts.get(index), self.alt_starts.get(index + 1)) {
            return 1 + end.saturating_sub(start) as usize;
        }
        1
    }

    /// Whether some action has more than one alternative (when none has, every rule about
    /// alternatives comes down to the action's `scopes`).
    ///
    /// ```
    /// # let table = scope_selector_core::Table::from_json(r#"[{"id":"a","label":"A","scopes":["x"]}]"#).unwrap().table;
    /// assert!(!table.has_alternatives());
    /// ```
    pub fn has_alternatives(&self) -> bool {
        self.alt_bounds.len() > 1
    }

    /// Whether `scopes` allow action `index`: one of its alternatives is a subset of them (an
    /// action that needs no scope is always allowed; one out of range never is).
    ///
    /// ```
    /// # use scope_selector_core::BitSet;
    /// # let table = scope_selector_core::Table::from_json(r#"[{"id":"a","label":"A","scopes":["x","y"],"alternatives":[["z"]]}]"#).unwrap().table;
    /// let mut scopes = BitSet::new(table.scope_count());
    /// scopes.insert(0);
    /// assert!(!table.allows(0, &scopes));
    /// scopes.insert(2);
    /// assert!(table.allows(0, &scopes), "z alone suffices");
    /// ```
    pub fn allows(&self, index: usize, scopes: &BitSet) -> bool {
        self.alternative_within(index, scopes).is_some()
    }

    /// The earliest alternative of action `index` that is a subset of `scopes`: the one the
    /// action uses under a key with these scopes (`None` when they do not allow it).
    ///
    /// ```
    /// # use scope_selector_core::BitSet;
    /// # let table = scope_selector_core::Table::from_json(r#"[{"id":"a","label":"A","scopes":["x"],"alternatives":[["y"],["z"]]}]"#).unwrap().table;
    /// let mut scopes = BitSet::new(table.scope_count());
    /// scopes.insert(2);
    /// scopes.insert(1);
    /// assert_eq!(table.alternative_within(0, &scopes), Some(1));
    /// ```
    pub fn alternative_within(&self, index: usize, scopes: &BitSet) -> Option<usize> {
        self.alternatives(index).position(|alternative| is_within(alternative, scopes))
    }

    /// The scope ids of [`Table::alternative_within`]: what action `index` uses under a key with
    /// `scopes`.
    ///
    /// ```
    /// # use scope_selector_core::BitSet;
    /// # let table = scope_selector_core::Table::from_json(r#"[{"id":"a","label":"A","scopes":["x"],"alternatives":[["y"]]}]"#).unwrap().table;
    /// let mut scopes = BitSet::new(table.scope_count());
    /// scopes.insert(1);
    /// assert_eq!(table.used_alternative(0, &scopes), Some(&[1][..]));
    /// ```
    pub fn used_alternative(&self, index: usize, scopes: &BitSet) -> Option<&[u32]> {
        self.alternatives(index).find(|alternative| is_within(alternative, scopes))
    }

    /// The scope ids action `index` uses under a key with `granted`: its earliest alternative
    /// within them, or its `scopes` when they do not allow it (what it would need).
    ///
    /// ```
    /// # use scope_selector_core::BitSet;
    /// # let table = scope_selector_core::Table::from_json(r#"[{"id":"a","label":"A","scopes":["x"],"alternatives":[["y"]]}]"#).unwrap().table;
    /// let mut granted = BitSet::new(table.scope_count());
    /// assert_eq!(table.scopes_in_use(0, &granted), &[0]);
    /// granted.insert(1);
    /// assert_eq!(table.scopes_in_use(0, &granted), &[1]);
    /// ```
    pub fn scopes_in_use(&self, index: usize, granted: &BitSet) -> &[u32] {
        self.used_alternative(index, granted).unwrap_or(self.action_scopes(index))
    }

    /// Number of distinct scopes.
    ///
    /// ```
    /// # let table = scope_selector_core::Table::from_json(r#"[{"id":"a","label":"A","scopes":["x","y"]},{"id":"b","label":"B","scopes":["x"]}]"#).unwrap().table;
    /// assert_eq!(table.scope_count(), 2);
    /// ```
    pub fn scope_count(&self) -> usize {
        self.scope_names.len()
    }

    /// The name of scope `scope` (empty when out of range).
    ///
    /// ```
    /// # let table = scope_selector_core::Table::from_json(r#"[{"id":"a","label":"A","scopes":["x"]}]"#).unwrap().table;
    /// assert_eq!(table.scope_name(0), "x");
    /// ```
    pub fn scope_name(&self, scope: usize) -> &str {
        scope_name(&self.scope_names, scope as u32)
    }

    /// The id of the scope named `name`.
    ///
    /// ```
    /// # let table = scope_selector_core::Table::from_json(r#"[{"id":"a","label":"A","scopes":["x"]}]"#).unwrap().table;
    /// assert_eq!(table.scope_id("x"), Some(0));
    /// assert_eq!(table.scope_id("z"), None);
    /// ```
    pub fn scope_id(&self, name: &str) -> Option<u32> {
        self.scope_index.get(&|scope| self.scope_name(scope as usize), name)
    }

    /// The index of the action with this id.
    ///
    /// ```
    /// # let table = scope_selector_core::Table::from_json(r#"[{"id":"a","label":"A","scopes":[]}]"#).unwrap().table;
    /// assert_eq!(table.index_of("a"), Some(0));
    /// ```
    pub fn index_of(&self, id: &str) -> Option<u32> {
        self.id_index.get(&|index| self.id(index as usize), id)
    }

    /// The display names the table gives scopes (`scopeLabels`), as written: (scope, name).
    ///
    /// ```
    /// # let table = scope_selector_core::Table::from_json(r#"{"actions":[{"id":"a","label":"A","scopes":["x"]}],"scopeLabels":{"x":"X: Read"}}"#).unwrap().table;
    /// assert_eq!(table.scope_labels(), &[("x".to_string(), "X: Read".to_string())]);
    /// ```
    pub fn scope_labels(&self) -> &[(String, String)] {
        &self.scope_labels
    }

    /// The scopes needed by the given actions (indices out of range are ignored).
    ///
    /// ```
    /// # let table = scope_selector_core::Table::from_json(r#"[{"id":"a","label":"A","scopes":["x"]},{"id":"b","label":"B","scopes":["y"]}]"#).unwrap().table;
    /// assert_eq!(table.scope_union([1, 7]).iter().collect::<Vec<_>>(), [1]);
    /// ```
    pub fn scope_union(&self, actions: impl IntoIterator<Item = usize>) -> BitSet {
        let mut union = BitSet::new(self.scope_count());
        for action in actions {
            for &scope in self.action_scopes(action) {
                union.insert(scope as usize);
            }
        }
        union
    }

    /// The scopes the given actions use under a key with `granted`: the union of each one's
    /// earliest alternative within `granted` (actions it does not allow, or out of range, add
    /// nothing). With the [least privilege](crate::least_privilege) set, that set itself.
    ///
    /// ```
    /// # use scope_selector_core::BitSet;
    /// # let table = scope_selector_core::Table::from_json(r#"[{"id":"a","label":"A","scopes":["x"],"alternatives":[["y"]]},{"id":"b","label":"B","scopes":["z"]}]"#).unwrap().table;
    /// let mut granted = BitSet::new(table.scope_count());
    /// granted.insert(1); // y
    /// granted.insert(2); // z
    /// assert_eq!(table.scope_union_within([0, 1], &granted).iter().collect::<Vec<_>>(), [1, 2]);
    /// granted.insert(0);
    /// assert_eq!(table.scope_union_within([0], &granted).iter().collect::<Vec<_>>(), [0], "the earliest");
    /// ```
    pub fn scope_union_within(&self, actions: impl IntoIterator<Item = usize>, granted: &BitSet) -> BitSet {
        let mut union = BitSet::new(self.scope_count());
        for action in actions {
            for &scope in self.used_alternative(action, granted).unwrap_or_default() {
                union.insert(scope as usize);
            }
        }
        union
    }

    /// The actions `scopes` allow ([`Table::allows`]): what a key with these scopes can run
    /// (an action that needs no scope is always among them).
    ///
    /// ```
    /// # let table = scope_selector_core::Table::from_json(r#"[{"id":"a","label":"A","scopes":["x"]},{"id":"b","label":"B","scopes":["x","y"]},{"id":"c","label":"C","scopes":["y"],"alternatives":[["x"]]}]"#).unwrap().table;
    /// let x = table.scope_union([0]);
    /// assert_eq!(table.actions_within(&x).iter().collect::<Vec<_>>(), [0, 2]);
    /// ```
    pub fn actions_within(&self, scopes: &BitSet) -> BitSet {
        let mut actions = BitSet::new(self.len());
        for action in 0..self.len() {
            if self.allows(action, scopes) {
                actions.insert(action);
            }
        }
        actions
    }

    /// Scope names of a set, in the documented order: first appearance in the table.
    ///
    /// ```
    /// # let table = scope_selector_core::Table::from_json(r#"[{"id":"a","label":"A","scopes":["x","y"]}]"#).unwrap().table;
    /// let all = table.scope_union([0]);
    /// assert_eq!(table.scope_names(&all).collect::<Vec<_>>(), ["x", "y"]);
    /// ```
    pub fn scope_names<'a>(&'a self, scopes: &'a BitSet) -> impl Iterator<Item = &'a str> + 'a {
        scopes.iter().map(|scope| self.scope_name(scope))
    }

    /// Labels of the chosen actions that use at least one of `scopes` under the key `granted`
    /// (the scopes to grant, such as [`least_privilege`](crate::least_privilege::least_privilege)'s):
    /// an action uses its earliest alternative within `granted`, or its `scopes` when `granted`
    /// does not allow it. Sorted, without repeats.
    ///
    /// ```
    /// # use scope_selector_core::BitSet;
    /// # let table = scope_selector_core::Table::from_json(r#"[{"id":"b","label":"B","scopes":["x"]},{"id":"a","label":"A","scopes":["x"]},{"id":"c","label":"C","scopes":["y"]}]"#).unwrap().table;
    /// let chosen = table.ids_to_set(["a", "b", "c"]).0;
    /// let granted = table.scope_union(chosen.iter());
    /// let mut x = BitSet::new(table.scope_count());
    /// x.insert(0);
    /// assert_eq!(table.labels_enabled_by(&chosen, &granted, &x), ["A", "B"]);
    /// ```
    pub fn labels_enabled_by<'a>(&'a self, chosen: &BitSet, granted: &BitSet, scopes: &BitSet) -> Vec<&'a str> {
        let mut enabled: Vec<u32> = chosen
            .iter()
            .filter(|&action| self.scopes_in_use(action, granted).iter().any(|&scope| scopes.contains(scope as usize)))
            .map(|action| action as u32)
            .collect();
        let label = |action: u32| self.label(action as usize);
        sort_indices(&mut enabled, &mut |a, b| label(a) < label(b));
        let mut labels: Vec<&str> = enabled.into_iter().map(label).collect();
        labels.dedup();
        labels
    }

    /// The table as compact JSON, as it was read: trimmed, repaired (blank scopes, repeated
    /// alternatives and repeated ids left out), each action's scopes (and each alternative's) in
    /// the table's order of first appearance; `alternatives` only on the actions that have them.
    /// An object with `scopeLabels` when the table gave them.
    ///
    /// ```
    /// # let table = scope_selector_core::Table::from_json(r#"[ {"id":" a ","label":"A","scopes":["x", " ", "x"]} ]"#).unwrap().table;
    /// assert_eq!(table.to_json(), r#"[{"id":"a","label":"A","scopes":["x"]}]"#);
    /// ```
    pub fn to_json(&self) -> String {
        use crate::json::push_string;
        let mut out = String::new();
        if !self.scope_labels.is_empty() {
            out.push_str("{\"scopeLabels\":{");
            for (at, (scope, label)) in self.scope_labels.iter().enumerate() {
                if at > 0 {
                    out.push(',');
                }
                push_string(&mut out, scope);
                out.push(':');
                push_string(&mut out, label);
            }
            out.push_str("},\"actions\":");
        }
        out.push('[');
        for index in 0..self.len() {
            if index > 0 {
                out.push(',');
            }
            out.push_str("{\"id\":");
            push_string(&mut out, self.id(index));
            out.push_str(",\"label\":");
            push_string(&mut out, self.label(index));
            if !self.group(index).is_empty() {
                out.push_str(",\"group\":");
                push_string(&mut out, self.group(index));
            }
            out.push_str(",\"scopes\":[");
            let scopes = self.action_scopes(index).iter().map(|&scope| self.scope_name(scope as usize));
            crate::json::push_strings(&mut out, scopes, ",");
            out.push(']');
            if self.alternative_count(index) > 1 {
                out.push_str(",\"alternatives\":[");
                for (at, alternative) in self.alternatives(index).skip(1).enumerate() {
                    out.push_str(if at > 0 { ",[" } else { "[" });
                    let scopes = alternative.iter().map(|&scope| self.scope_name(scope as usize));
                    crate::json::push_strings(&mut out, scopes, ",");
                    out.push(']');
                }
                out.push(']');
            }
            out.push('}');
        }
        out.push(']');
        if !self.scope_labels.is_empty() {
            out.push('}');
        }
        out
    }

    /// The set of the actions with these ids, and the ids the table does not have (each once,
    /// in the order given).
    ///
    /// ```
    /// # let table = scope_selector_core::Table::from_json(r#"[{"id":"a","label":"A","scopes":[]}]"#).unwrap().table;
    /// let (chosen, unknown) = table.ids_to_set(["a", "zz", "zz"]);
    /// assert_eq!(chosen.len(), 1);
    /// assert_eq!(unknown, ["zz"]);
    /// ```
    pub fn ids_to_set<'a>(&self, ids: impl IntoIterator<Item = &'a str>) -> (BitSet, Vec<&'a str>) {
        let mut chosen = BitSet::new(self.len());
        let mut unknown: Vec<&str> = Vec::new();
        for id in ids {
            match self.index_of(id) {
                Some(index) => chosen.insert(index as usize),
                None if !unknown.contains(&id) => unknown.push(id),
                None => {}
            }
        }
        (chosen, unknown)
    }
}
