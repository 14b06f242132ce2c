//! What the guide shows for a choice: which sections and steps, which scope items, which badge
//! labels. Nothing chosen means the full static guide. The rules read the scopes to grant for the
//! choice, which callers compute with [`least_privilege`](crate::least_privilege::least_privilege)
//! (for a table without alternatives, the scope union of the chosen actions).

use crate::bitset::BitSet;
use crate::table::Table;
use crate::text::join;

/// The non-empty names of a comma-separated attribute (`data-guide-scopes`), trimmed.
///
/// ```
/// use scope_selector_core::guide::scope_list;
/// assert_eq!(scope_list(" a, ,b ").collect::<Vec<_>>(), ["a", "b"]);
/// ```
pub fn scope_list(attribute: &str) -> impl Iterator<Item = &str> {
    crate::text::pieces(attribute, b',').map(str::trim).filter(|name| !name.is_empty())
}

/// The names in a scope attribute that the table does not have (typos such as `fruit:raed`):
/// the widget warns about them and `scope-selector check` reports them.
///
/// ```
/// # use scope_selector_core::{Table, guide::unknown_scopes};
/// # let table = Table::from_json(r#"[{"id":"a","label":"A","scopes":["fruit:read"]}]"#).unwrap().table;
/// assert_eq!(unknown_scopes(&table, "fruit:read,fruit:raed").collect::<Vec<_>>(), ["fruit:raed"]);
/// ```
pub fn unknown_scopes<'a>(table: &'a Table, attribute: &'a str) -> impl Iterator<Item = &'a str> + 'a {
    scope_list(attribute).filter(|name| table.scope_id(name).is_none())
}

/// The current choice as the guide sees it.
///
/// ```
/// # use scope_selector_core::{BitSet, Table, guide::GuideChoice};
/// # let table = Table::from_json(r#"[{"id":"a","label":"A","scopes":["x"]}]"#).unwrap().table;
/// let nothing = BitSet::new(table.len());
/// let scopes = table.scope_union(nothing.iter());
/// assert!(GuideChoice::new(&table, &nothing, &scopes).actions.is_none());
/// ```
#[derive(Debug, Clone, Copy)]
pub struct GuideChoice<'a> {
    /// The table.
    pub table: &'a Table,
    /// The chosen actions; `None` when nothing is chosen.
    pub actions: Option<&'a BitSet>,
    /// The scopes to grant for the chosen actions: their least privilege set (which is their
    /// scope union when none of them has alternatives). Steps, scope items and badges follow it.
    pub scopes: &'a BitSet,
}

impl<'a> GuideChoice<'a> {
    /// The choice of `actions`, for which the scopes to grant are `scopes` (see
    /// [`GuideChoice::scopes`]).
    ///
    /// ```
    /// # use scope_selector_core::{Table, guide::GuideChoice, least_privilege::least_privilege};
    /// # let table = Table::from_json(r#"[{"id":"a","label":"A","scopes":["x"]}]"#).unwrap().table;
    /// let (chosen, _) = table.ids_to_set(["a"]);
    /// let scopes = least_privilege(&table, &chosen).scopes;
    /// assert!(GuideChoice::new(&table, &chosen, &scopes).actions.is_some());
    /// ```
    pub fn new(table: &'a Table, actions: &'a BitSet, scopes: &'a BitSet) -> Self {
        GuideChoice { table, actions: (!actions.is_empty()).then_some(actions), scopes }
    }
}

/// A guide element's `data-guide-scopes` (or badge scopes), resolved against a table.
///
/// ```
/// # use scope_selector_core::{Table, guide::{GuideChoice, GuideScopes}, least_privilege::least_privilege};
/// # let table = Table::from_json(r#"[{"id":"a","label":"List","scopes":["x"],"alternatives":[["y","z"]]},{"id":"b","label":"Audit","scopes":["y"]}]"#).unwrap().table;
/// let step = GuideScopes::resolve(&table, "y");
/// let (chosen, _) = table.ids_to_set(["a"]);
/// let scopes = least_privilege(&table, &chosen).scopes; // x: y and z would also run Audit
/// let choice = GuideChoice::new(&table, &chosen, &scopes);
/// assert!(!step.visible(choice), "the step is about y, which the choice does not grant");
/// assert_eq!(GuideScopes::resolve(&table, "x,y").badge_labels(choice).as_deref(), Some("List"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GuideScopes {
    /// Whether the attribute names any scope at all (empty means "always shown").
    declared: bool,
    /// The named scopes that exist in the table.
    known: BitSet,
}

impl GuideScopes {
    /// Resolves a comma-separated attribute against `table` (unknown names match nothing).
    ///
    /// ```
    /// # use scope_selector_core::{Table, guide::GuideScopes};
    /// # let table = Table::from_json(r#"[{"id":"a","label":"A","scopes":["x"]}]"#).unwrap().table;
    /// assert_ne!(GuideScopes::resolve(&table, ""), GuideScopes::resolve(&table, "x"));
    /// ```
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
    /// shares none of them with the scopes to grant ([`GuideChoice::scopes`]).
    ///
    /// ```
    /// # use scope_selector_core::{BitSet, Table, guide::{GuideChoice, GuideScopes}};
    /// # let table = Table::from_json(r#"[{"id":"a","label":"A","scopes":["x"]}]"#).unwrap().table;
    /// let nothing = BitSet::new(1);
    /// let none = BitSet::new(1);
    /// assert!(GuideScopes::resolve(&table, "x").visible(GuideChoice::new(&table, &nothing, &none)));
    /// ```
    pub fn visible(&self, choice: GuideChoice<'_>) -> bool {
        !self.declared || choice.actions.is_none() || self.known.intersects(choice.scopes)
    }

    /// The badge text: `None` with nothing chosen (keep the author's text), otherwise the sorted
    /// labels of the chosen actions that use one of these scopes, comma-separated (empty hides
    /// the badge). An action uses its earliest alternative within the scopes to grant
    /// ([`GuideChoice::scopes`]; see [`Table::labels_enabled_by`]).
    ///
    /// ```
    /// # use scope_selector_core::{BitSet, Table, guide::{GuideChoice, GuideScopes}};
    /// # let table = Table::from_json(r#"[{"id":"a","label":"A","scopes":["x"]}]"#).unwrap().table;
    /// let nothing = BitSet::new(1);
    /// let none = BitSet::new(1);
    /// assert_eq!(GuideScopes::resolve(&table, "x").badge_labels(GuideChoice::new(&table, &nothing, &none)), None);
    /// ```
    pub fn badge_labels(&self, choice: GuideChoice<'_>) -> Option<String> {
        let actions = choice.actions?;
        Some(join(choice.table.labels_enabled_by(actions, choice.scopes, &self.known), ", "))
    }
}

/// A `data-guide-display-scope` item is shown with nothing chosen, or when its scope is among the
/// scopes to grant ([`GuideChoice::scopes`]).
///
/// ```
/// # use scope_selector_core::{Table, guide::{scope_item_visible, GuideChoice}, least_privilege::least_privilege};
/// # let table = Table::from_json(r#"[{"id":"a","label":"A","scopes":["x"]},{"id":"b","label":"B","scopes":["y"]}]"#).unwrap().table;
/// let (chosen, _) = table.ids_to_set(["a"]);
/// let scopes = least_privilege(&table, &chosen).scopes;
/// let choice = GuideChoice::new(&table, &chosen, &scopes);
/// assert!(scope_item_visible("x", choice) && !scope_item_visible("y", choice));
/// ```
pub fn scope_item_visible(scope: &str, choice: GuideChoice<'_>) -> bool {
    choice.actions.is_none()
        || choice.table.scope_id(scope.trim()).is_some_and(|scope| choice.scopes.contains(scope as usize))
}
