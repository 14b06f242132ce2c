//! Presets a page declares (`data-guide-presets`): named choices a reader applies in one click,
//! such as "Read-only" or "Minimum for the ATS sync". The attribute is a JSON list of
//! `{"label": …, "actions": [ids]}` or `{"label": …, "scopes": [scopes]}`; a scopes preset
//! chooses every action its list allows ([`Table::actions_within`]: all the scopes of one of the
//! action's alternatives are in the list). A preset is active while the choice equals it.

use crate::json::{JsonError, Value};
use crate::message::{write_english, Describe, Message};
use crate::text::join;
use crate::{BitSet, Table};
use std::fmt;

/// A preset, resolved against a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Preset {
    /// The button's text.
    pub label: String,
    /// The actions it chooses.
    pub actions: BitSet,
}

impl Preset {
    /// Whether the choice is this preset's.
    pub fn is_active(&self, chosen: &BitSet) -> bool {
        self.actions == *chosen
    }
}

/// What is wrong with a page's presets. Entries are counted from 1.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PresetProblem {
    /// The attribute is not JSON.
    NotJson(JsonError),
    /// The attribute is JSON, but not a list.
    NotAList,
    /// Entry N is not an object with a non-empty `label` and a list of strings in `actions` or
    /// `scopes` (one of the two).
    BadEntry(usize),
    /// Entry N names ids (or scopes) the table does not have; it is kept without them.
    Unknown(usize, Vec<String>),
    /// Entry N chooses no action of the table; it is left out.
    Empty(usize),
}

impl Describe for PresetProblem {
    /// What is wrong, for the page's author.
    fn describe(&self) -> Message {
        let problem = |code| Message::new(code).text("attribute", crate::contract::PRESETS.name);
        match self {
            PresetProblem::NotJson(error) => problem("presets.notJson").message("error", error.describe()),
            PresetProblem::NotAList => problem("presets.notAList"),
            PresetProblem::BadEntry(n) => problem("presets.badEntry").number("n", *n),
            PresetProblem::Unknown(n, names) => {
                problem("presets.unknown").number("n", *n).text("names", join(names.iter().map(String::as_str), ", "))
            }
            PresetProblem::Empty(n) => problem("presets.empty").number("n", *n),
        }
    }
}

impl fmt::Display for PresetProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_english(self, f)
    }
}

/// The strings of a JSON list, or `None` when it is not a list of strings.
fn strings(value: Option<&Value>) -> Option<Vec<&str>> {
    value?.as_array()?.iter().map(|item| item.as_str().map(str::trim)).collect()
}

/// Reads the presets of `attribute` against `table`, with what is wrong with them. A preset
/// with a problem is left out, or kept without the names the table does not have.
///
/// ```
/// use scope_selector_core::{presets::{read_presets, PresetProblem}, Table};
/// let table = Table::from_json(r#"[{"id":"a","label":"A","scopes":["r"]},{"id":"b","label":"B","scopes":["r","w"]}]"#).unwrap().table;
/// let (presets, problems) = read_presets(r#"[{"label":"Read-only","scopes":["r"]},{"label":"Both","actions":["a","b","zz"]},{"label":""}]"#, &table);
/// assert_eq!(presets.len(), 2);
/// assert_eq!(presets[0].actions.iter().collect::<Vec<_>>(), [0]);
/// assert!(presets[1].is_active(&table.ids_to_set(["a", "b"]).0));
/// assert_eq!(problems, [PresetProblem::Unknown(2, vec!["zz".into()]), PresetProblem::BadEntry(3)]);
/// ```
pub fn read_presets(attribute: &str, table: &Table) -> (Vec<Preset>, Vec<PresetProblem>) {
    let mut presets = Vec::new();
    let mut problems = Vec::new();
    let value = match Value::parse(attribute) {
        Ok(value) => value,
        Err(error) => return (presets, vec![PresetProblem::NotJson(error)]),
    };
    let Some(entries) = value.as_array() else { return (presets, vec![PresetProblem::NotAList]) };
    for (at, entry) in entries.iter().enumerate() {
        let n = at + 1;
        let label = entry.get("label").and_then(Value::as_str).map(str::trim).unwrap_or_default();
        let (actions, scopes) = (strings(entry.get("actions")), strings(entry.get("scopes")));
        let (chosen, unknown) = match (actions, scopes) {
            _ if label.is_empty() => {
                problems.push(PresetProblem::BadEntry(n));
                continue;
            }
            (Some(ids), None) => table.ids_to_set(ids),
            (None, Some(names)) => {
                let mut scopes = BitSet::new(table.scope_count());
                let mut unknown = Vec::new();
                for name in names {
                    match table.scope_id(name) {
                        Some(scope) => scopes.insert(scope as usize),
                        None if !unknown.contains(&name) => unknown.push(name),
                        None => {}
                    }
                }
                // No known scope chooses nothing (not only the actions that need no scope).
                let chosen = if scopes.is_empty() { BitSet::new(table.len()) } else { table.actions_within(&scopes) };
                (chosen, unknown)
            }
            _ => {
                problems.push(PresetProblem::BadEntry(n));
                continue;
            }
        };
        if !unknown.is_empty() {
            problems.push(PresetProblem::Unknown(n, unknown.into_iter().map(String::from).collect()));
        }
        if chosen.is_empty() {
            problems.push(PresetProblem::Empty(n));
        } else {
            presets.push(Preset { label: label.to_owned(), actions: chosen });
        }
    }
    (presets, problems)
}
