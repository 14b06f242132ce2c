//! Checking a key the reader already has: the scopes they paste (any separator; scope names or
//! the page's display names such as "Candidates: Read") read against the table, then compared
//! with the chosen actions: the least scopes to add to it ([`least_to_add`]: an action with
//! alternatives is allowed by any one of them, and the key's own scopes come free), what it
//! grants that the choice does not use, and which actions of the table it can already run (one of
//! their alternatives within the key). Text the table does not know is kept and listed, never
//! dropped.

use crate::least_privilege::least_to_add;
use crate::scope_names::ScopeNames;
use crate::search::Fold;
use crate::sort::sort_indices;
use crate::text::join;
use crate::{BitSet, Table};

/// The most words a display name may have and still be recognised in a paste.
const MAX_NAME_WORDS: usize = 8;

/// A pasted key, read against a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PastedKey {
    /// The table's scopes found in the paste.
    pub scopes: BitSet,
    /// The parts of the paste that are not scopes of the table, each once, in paste order.
    pub unknown: Vec<String>,
}

/// Whether `c` separates the scopes of a paste (commas, semicolons, pipes, line breaks, tabs;
/// a space separates words, which a display name may have several of).
fn separates(c: char) -> bool {
    matches!(c, ',' | ';' | '|' | '\n' | '\r' | '\t')
}

/// Quotes, brackets and list marks around a pasted scope.
fn is_decoration(c: char) -> bool {
    matches!(c, '"' | '\'' | '`' | '[' | ']' | '(' | ')' | '{' | '}' | '*' | '•' | '-') || c.is_whitespace()
}

/// The scopes of a table by their names and display names, folded, for a paste to be read
/// ignoring case.
struct Lookup<'a> {
    table: &'a Table,
    fold: Fold,
    /// (folded name or display name, scope), in table order.
    lowered: Vec<(String, u32)>,
    /// Positions in `lowered`, sorted by its entries (by the core's one sort, `sort_indices`).
    sorted: Vec<u32>,
}

impl<'a> Lookup<'a> {
    fn new(table: &'a Table, names: &ScopeNames, fold: Fold) -> Lookup<'a> {
        let mut lowered = Vec::with_capacity(table.scope_count() * 2);
        for scope in 0..table.scope_count() {
            lowered.push((fold(table.scope_name(scope)), scope as u32));
            if let Some(name) = names.get(scope) {
                lowered.push((fold(name), scope as u32));
            }
        }
        let mut sorted: Vec<u32> = (0..lowered.len() as u32).collect();
        sort_indices(&mut sorted, &mut |a, b| lowered[a as usize] < lowered[b as usize]);
        Lookup { table, fold, lowered, sorted }
    }

    /// The scope a piece of a paste names: a scope name exactly, else a scope name or display
    /// name ignoring case.
    fn scope_named(&self, text: &str) -> Option<u32> {
        // A scope whose own name starts or ends with a decoration character is found as written.
        if let Some(scope) = self.table.scope_id(text) {
            return Some(scope);
        }
        let text = text.trim_matches(is_decoration);
        if text.is_empty() {
            return None;
        }
        self.table.scope_id(text).or_else(|| {
            let lower = (self.fold)(text);
            let entry = |at: u32| &self.lowered[at as usize];
            let at = self.sorted.partition_point(|&at| entry(at).0 < lower);
            self.sorted.get(at).map(|&at| entry(at)).filter(|(name, _)| *name == lower).map(|&(_, scope)| scope)
        })
    }
}

/// Reads a pasted key: pieces between separators, and within a piece the longest runs of words
/// that name a scope; the words between them are one unknown entry. `fold` lower-cases, for the
/// comparisons that ignore case (the browser's engine in the wasm build).
///
/// ```
/// use scope_selector_core::{key_check::read_key, scope_names::ScopeNames, Table};
/// let table = Table::from_json(r#"{"actions":[{"id":"a","label":"A","scopes":["jobsRead","candidatesRead"]}],
///     "scopeLabels":{"candidatesRead":"Candidates: Read"}}"#).unwrap().table;
/// let key = read_key("jobsRead Candidates: Read, Payroll: Write; \"jobsread\"", &table, &ScopeNames::new(&table), str::to_lowercase);
/// assert_eq!(key.scopes.iter().collect::<Vec<_>>(), [0, 1]);
/// assert_eq!(key.unknown, ["Payroll: Write"]);
/// ```
pub fn read_key(text: &str, table: &Table, names: &ScopeNames, fold: Fold) -> PastedKey {
    let lookup = Lookup::new(table, names, fold);
    let mut key = PastedKey { scopes: BitSet::new(table.scope_count()), unknown: Vec::new() };
    for piece in text.split(separates) {
        let words: Vec<&str> = piece.split_whitespace().collect();
        let mut unknown_from: Option<usize> = None;
        let mut at = 0;
        // (Runs of words joined by `text::join`, whose copy `concat` shares, not `[&str]::join`.)
        while at < words.len() {
            let longest = (at + 1..=words.len().min(at + MAX_NAME_WORDS)).rev().find_map(|end| {
                lookup.scope_named(&join(words[at..end].iter().copied(), " ")).map(|scope| (end, scope))
            });
            match longest {
                Some((end, scope)) => {
                    key.keep_unknown(&words, unknown_from.take(), at);
                    key.scopes.insert(scope as usize);
                    at = end;
                }
                None => {
                    unknown_from.get_or_insert(at);
                    at += 1;
                }
            }
        }
        key.keep_unknown(&words, unknown_from, words.len());
    }
    key
}

impl PastedKey {
    /// Keeps `words[from..to]` as one unknown entry (unless it is only decoration, or listed).
    fn keep_unknown(&mut self, words: &[&str], from: Option<usize>, to: usize) {
        let Some(from) = from else { return };
        let text = join(words[from..to].iter().copied(), " ");
        let text = text.trim_matches(is_decoration);
        if !text.is_empty() && !self.unknown.iter().any(|known| known == text) {
            self.unknown.push(text.to_owned());
        }
    }
}

/// A key compared with a choice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyCheck {
    /// The least scopes to add so that the key allows every chosen action (table order; without
    /// alternatives, the scopes the chosen actions need that the key lacks).
    pub missing: Vec<u32>,
    /// Scopes of the key that no chosen action uses, once `missing` is added: each chosen action
    /// uses its earliest alternative within the key and `missing` (table order).
    pub unneeded: Vec<u32>,
    /// The actions of the table the key can run (one of their alternatives within it).
    pub runnable: BitSet,
    /// Whether the key allows every chosen action as it is (`missing` is empty).
    pub enough: bool,
}

/// Compares the scopes of a key with what the chosen actions need.
///
/// ```
/// use scope_selector_core::{key_check::check_key, Table};
/// let table = Table::from_json(r#"[{"id":"a","label":"A","scopes":["x"]},{"id":"b","label":"B","scopes":["x","y"]},{"id":"c","label":"C","scopes":["z"]}]"#).unwrap().table;
/// let chosen = table.ids_to_set(["b"]).0;
/// let key = table.scope_union([0, 2]); // x and z
/// let check = check_key(&table, &chosen, &key);
/// assert_eq!(check.missing, [1]); // y
/// assert_eq!(check.unneeded, [2]); // z
/// assert_eq!(check.runnable.iter().collect::<Vec<_>>(), [0, 2]);
/// assert!(!check.enough);
/// ```
///
/// With alternatives, a key that holds one of them is enough:
///
/// ```
/// use scope_selector_core::{key_check::check_key, Table};
/// let table = Table::from_json(r#"[{"id":"send","label":"Send","scopes":["mail:send"],"alternatives":[["mail:admin"]]},{"id":"read","label":"Read","scopes":["mail:read"]}]"#).unwrap().table;
/// let chosen = table.ids_to_set(["send"]).0;
/// let mut admin = scope_selector_core::BitSet::new(table.scope_count());
/// admin.insert(table.scope_id("mail:admin").unwrap() as usize);
/// let check = check_key(&table, &chosen, &admin);
/// assert!(check.enough && check.missing.is_empty() && check.unneeded.is_empty());
/// ```
pub fn check_key(table: &Table, chosen: &BitSet, key: &BitSet) -> KeyCheck {
    let added = least_to_add(table, chosen, key).scopes;
    let mut granted = key.clone();
    added.iter().for_each(|scope| granted.insert(scope));
    let used = table.scope_union_within(chosen.iter(), &granted);
    KeyCheck {
        missing: added.iter().map(|scope| scope as u32).collect(),
        unneeded: key.iter().filter(|&scope| !used.contains(scope)).map(|scope| scope as u32).collect(),
        runnable: table.actions_within(key),
        enough: added.is_empty(),
    }
}
