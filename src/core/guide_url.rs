//! The choice as guide-URL query parameters, and what a mangled link is told.
//!
//! A widget owns two parameters, named from its key (see [`ParamNames`]): the chosen action ids
//! joined by spaces (written `+` in a URL; commas are accepted too) in table order, and the
//! separator name when it is not the default `space`. Reading and writing the URL itself is the
//! browser's job (`URL` / `URLSearchParams`); this module only turns values into a choice and back.

use super::bitset::BitSet;
use super::separator::Separator;
use super::table::Table;
use super::text::{concat, decimal};
use crate::prelude::*;
use core::fmt;

/// The longest `actions` value read or written, in bytes (many servers reject request lines over
/// 8 KB, so a longer link might never reach the page). Longer values are ignored with a
/// notice; a choice that would need more is left out of the URL with a notice.
pub const MAX_ACTIONS_PARAM: usize = 8 * 1024;

/// The query parameter names one widget owns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParamNames {
    pub actions: String,
    pub separator: String,
}

impl ParamNames {
    /// `actions` / `separator` for the empty key; `KEY-actions` / `KEY-separator` otherwise.
    pub fn for_key(key: &str) -> Self {
        let key = key.trim();
        if key.is_empty() {
            ParamNames { actions: "actions".into(), separator: "separator".into() }
        } else {
            ParamNames { actions: concat(&[key, "-actions"]), separator: concat(&[key, "-separator"]) }
        }
    }
}

/// Something in a link that could not be used as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkNotice {
    /// Ids that name no action of the table (counted once each).
    UnknownActions(usize),
    /// A parameter given more than once: actions are merged, the first separator is used.
    Repeated(String),
    /// A parameter longer than [`MAX_ACTIONS_PARAM`]: ignored.
    TooLong(String),
    /// A separator name we do not know: the default is used.
    UnknownSeparator(String),
    /// The choice is too large to fit a link: the URL leaves it out.
    ChoiceTooLarge,
}

impl LinkNotice {
    /// What happened to the link, for the reader.
    pub fn message(&self) -> String {
        match self {
            LinkNotice::UnknownActions(1) => "1 action in the link was not found in this guide".into(),
            LinkNotice::UnknownActions(count) => {
                concat(&[&decimal(*count), " actions in the link were not found in this guide"])
            }
            LinkNotice::Repeated(name) => concat(&["the link repeats \"", name, "\"; its values were combined"]),
            LinkNotice::TooLong(name) => concat(&[
                "the link's \"",
                name,
                "\" is longer than ",
                &decimal(MAX_ACTIONS_PARAM),
                " characters and was ignored",
            ]),
            LinkNotice::UnknownSeparator(name) => {
                let shown: String = name.chars().take(40).collect();
                concat(&["unknown separator \"", &shown, "\" in the link; using space"])
            }
            LinkNotice::ChoiceTooLarge => concat(&[
                "the choice is too large for a link (over ",
                &decimal(MAX_ACTIONS_PARAM),
                " characters); the URL leaves it out",
            ]),
        }
    }
}

impl fmt::Display for LinkNotice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

/// A choice read from a link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub actions: BitSet,
    pub separator: Separator,
    pub notices: Vec<LinkNotice>,
}

/// The `actions` value for a choice: `None` when nothing is chosen (the parameter is removed).
pub fn encode_actions(table: &Table, chosen: &BitSet) -> Result<Option<String>, LinkNotice> {
    if chosen.is_empty() {
        return Ok(None);
    }
    let ids = chosen.iter().filter_map(|index| table.action(index).map(|action| action.id.as_str()));
    let value = Separator::Space.join(ids);
    if value.len() > MAX_ACTIONS_PARAM {
        return Err(LinkNotice::ChoiceTooLarge);
    }
    Ok(Some(value))
}

/// The `separator` value: `None` for the default.
pub fn encode_separator(separator: Separator) -> Option<&'static str> {
    (separator != Separator::default()).then(|| separator.name())
}

/// Reads the values of a widget's two parameters (every occurrence, in URL order).
pub fn decode(table: &Table, names: &ParamNames, actions: &[String], separators: &[String]) -> Decoded {
    let mut notices = Vec::new();
    let mut chosen = BitSet::new(table.len());
    if actions.len() > 1 {
        notices.push(LinkNotice::Repeated(names.actions.clone()));
    }
    let mut unknown: Vec<&str> = Vec::new();
    for value in actions {
        if value.len() > MAX_ACTIONS_PARAM {
            notices.push(LinkNotice::TooLong(names.actions.clone()));
            continue;
        }
        for id in value.split(|c: char| c == ',' || c.is_whitespace()).filter(|id| !id.is_empty()) {
            match table.index_of(id) {
                Some(index) => chosen.insert(index as usize),
                None if !unknown.contains(&id) => unknown.push(id),
                None => {}
            }
        }
    }
    if !unknown.is_empty() {
        notices.push(LinkNotice::UnknownActions(unknown.len()));
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
