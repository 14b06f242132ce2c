//! The report on a key the reader pasted: its summary, the scopes it lacks for the choice, those it
//! grants that the choice does not need, the parts of the paste that are not scopes of the table,
//! and how many actions it can run (with the button that chooses them).

use super::Panel;
use crate::key_check::{check_key, read_key, PastedKey};
use crate::message::Message;

/// A scope as the report lists it: its display name, when it has one, and its name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScopeRef {
    /// The scope's name.
    pub name: String,
    /// Its display name.
    pub display: Option<String>,
}

/// The key report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyReport {
    /// The summary line.
    pub summary: Message,
    /// Scopes the choice needs that the key lacks (empty without a choice).
    pub missing: Vec<ScopeRef>,
    /// Scopes of the key that the choice does not need (empty without a choice).
    pub unneeded: Vec<ScopeRef>,
    /// The parts of the paste that are not scopes of the table.
    pub unknown: Vec<String>,
    /// How many of the table's actions the key can run.
    pub runnable: Message,
    /// The button that chooses them (`None` when that would change nothing or choose nothing).
    pub choose: Option<Message>,
}

/// The pasted key `text` read against the panel's table.
pub(super) fn read(panel: &Panel, text: &str) -> PastedKey {
    read_key(text, &panel.catalog.table, &panel.names, panel.fold)
}

/// The report for the panel's key and choice (`None` while the key field is blank).
pub(super) fn report(panel: &Panel) -> Option<KeyReport> {
    if panel.key.trim().is_empty() {
        return None;
    }
    let table = &panel.catalog.table;
    let chosen = &panel.chosen;
    let key = read(panel, &panel.key);
    let check = check_key(table, chosen, &key.scopes);
    // The scopes the choice then uses: the key's it needs and the ones to add (without
    // alternatives, the scope union; with them, the key's alternatives count).
    let needed = key.scopes.len() - check.unneeded.len() + check.missing.len();
    let summary = if chosen.is_empty() {
        Message::new("key.summaryNoChoice").number("count", key.scopes.len())
    } else if check.missing.is_empty() {
        Message::new("key.summaryEnough").number("count", needed)
    } else {
        Message::new("key.summaryLacks").number("missing", check.missing.len()).number("count", needed)
    };
    let refs = |scopes: &[u32]| -> Vec<ScopeRef> {
        if chosen.is_empty() {
            return Vec::new();
        }
        scopes
            .iter()
            .map(|&scope| ScopeRef {
                name: table.scope_name(scope as usize).to_owned(),
                display: panel.names.get(scope as usize).map(str::to_owned),
            })
            .collect()
    };
    let runnable = check.runnable.len();
    Some(KeyReport {
        summary,
        missing: refs(&check.missing),
        unneeded: refs(&check.unneeded),
        unknown: key.unknown,
        runnable: Message::new("key.runnable").number("runnable", runnable).number("count", table.len()),
        choose: (runnable > 0 && check.runnable != *chosen)
            .then(|| Message::new("key.chooseRunnable").number("count", runnable)),
    })
}
