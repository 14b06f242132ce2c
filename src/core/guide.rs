//! What the guide shows for a choice: which sections and steps, which scope items, which badge
//! labels. Nothing chosen means the full static guide.

use super::bitset::BitSet;
use super::table::Table;
use super::text::join;
use crate::prelude::*;

/// The non-empty names of a comma-separated attribute, trimmed.
pub fn scope_list(attribute: &str) -> impl Iterator<Item = &str> {
    // An array pattern, not `','`: a `char` pattern links a larger searcher, used nowhere else.
    attribute.split([',']).map(str::trim).filter(|name| !name.is_empty())
}

/// The current choice as the guide sees it: `None` when nothing is chosen.
#[derive(Debug, Clone, Copy)]
pub struct GuideChoice<'a> {
    pub table: &'a Table,
    pub actions: Option<&'a BitSet>,
    pub scopes: &'a BitSet,
}

impl<'a> GuideChoice<'a> {
    pub fn new(table: &'a Table, actions: &'a BitSet, scopes: &'a BitSet) -> Self {
        GuideChoice { table, actions: (!actions.is_empty()).then_some(actions), scopes }
    }
}

/// A guide element's `data-guide-scopes` (or badge scopes), resolved against a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GuideScopes {
    /// Whether the attribute names any scope at all (empty means "always shown").
    declared: bool,
    /// The named scopes that exist in the table.
    known: BitSet,
}

impl GuideScopes {
    pub fn resolve(table: &Table, attribute: &str) -> Self {
        let mut known = BitSet::new(table.scope_count());
        let mut declared = false;
        for name in scope_list(attribute) {
            declared = true;
            if let Some(scope) = table.scope_id(name) {
                known.insert(scope as usize);
            }
        }
        GuideScopes { declared, known }
    }

    /// A section or step is hidden only when something is chosen, it names scopes, and it
    /// shares none of them with the choice.
    pub fn visible(&self, choice: GuideChoice<'_>) -> bool {
        !self.declared || choice.actions.is_none() || self.known.intersects(choice.scopes)
    }

    /// The badge text: `None` with nothing chosen (keep the author's text), otherwise the sorted
    /// labels of chosen actions these scopes enable, comma-separated (empty hides the badge).
    pub fn badge_labels(&self, choice: GuideChoice<'_>) -> Option<String> {
        let actions = choice.actions?;
        Some(join(choice.table.labels_enabled_by(actions, &self.known), ", "))
    }
}

/// A `data-guide-display-scope` item is shown with nothing chosen, or when its scope is chosen.
pub fn scope_item_visible(scope: &str, choice: GuideChoice<'_>) -> bool {
    choice.actions.is_none()
        || choice.table.scope_id(scope.trim()).is_some_and(|scope| choice.scopes.contains(scope as usize))
}
