//! A validated table with its search index: what one widget (or one `Catalog` in JS) holds.

use crate::message::{write_english, Describe, Message};
use crate::search::{Fold, SearchIndex};
use crate::table::{Loaded, Table, TableError, TableNotice};
use std::fmt;

/// A table prepared for search and scope unions.
///
/// ```
/// use scope_selector_core::Catalog;
/// let mut catalog = Catalog::from_json(r#"[
///     {"id": "deals_list", "label": "List deals", "scopes": ["deals:read"]},
///     {"id": "audit_export", "label": "Export audit log", "scopes": ["audit:read"]}
/// ]"#, str::to_lowercase).unwrap();
/// assert_eq!(catalog.index.search("AUDIT"), &[1]);
/// assert_eq!(catalog.scopes(&[1, 0]).unwrap(), ["deals:read", "audit:read"]);
/// ```
#[derive(Debug, Clone)]
pub struct Catalog {
    /// The table.
    pub table: Table,
    /// Its search index.
    pub index: SearchIndex,
    /// What was repaired while reading the table (for the page's author).
    pub notices: Vec<TableNotice>,
}

/// An action index that is not in the table.
///
/// ```
/// use scope_selector_core::catalog::IndexOutOfRange;
/// assert_eq!(IndexOutOfRange { index: 9, len: 3 }.to_string(), "action index 9 is out of range: the table has 3 actions");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IndexOutOfRange {
    /// The index asked for.
    pub index: usize,
    /// How many actions the table has.
    pub len: usize,
}

impl Describe for IndexOutOfRange {
    /// What is wrong.
    ///
    /// ```
    /// use scope_selector_core::catalog::IndexOutOfRange;
    /// assert_eq!(IndexOutOfRange { index: 1, len: 1 }.to_string(), "action index 1 is out of range: the table has 1 actions");
    /// ```
    fn describe(&self) -> Message {
        Message::new("table.indexOutOfRange").number("index", self.index).number("length", self.len)
    }
}

impl fmt::Display for IndexOutOfRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_english(self, f)
    }
}

impl std::error::Error for IndexOutOfRange {}

impl Catalog {
    /// Reads and validates table JSON and prepares its search index, lower-casing with `fold`.
    ///
    /// ```
    /// use scope_selector_core::Catalog;
    /// let error = Catalog::from_json("[]", str::to_lowercase).unwrap_err();
    /// assert_eq!(error.to_string(), "the action table has no actions");
    /// ```
    pub fn from_json(text: &str, fold: Fold) -> Result<Self, TableError> {
        Table::from_json(text).map(|loaded| Catalog::with_index(loaded, fold))
    }

    /// A table read with [`Table::from_json`], with its search index built (the index needs only
    /// the table, so a caller that owns the JSON text can free it first, which lowers the peak
    /// memory of a large table).
    ///
    /// ```
    /// use scope_selector_core::{Catalog, Table};
    /// let text = String::from(r#"[{"id": "a", "label": "Apples", "scopes": ["fruit:read"]}]"#);
    /// let loaded = Table::from_json(&text).unwrap();
    /// drop(text);
    /// assert_eq!(Catalog::with_index(loaded, str::to_lowercase).index.search("apple"), &[0]);
    /// ```
    pub fn with_index(loaded: Loaded, fold: Fold) -> Catalog {
        let index = SearchIndex::new(&loaded.table, fold);
        Catalog { table: loaded.table, index, notices: loaded.notices }
    }

    /// The scope union of `actions`, in table order of first appearance. Fails on an index that
    /// is not an action of the table.
    ///
    /// ```
    /// # let catalog = scope_selector_core::Catalog::from_json(r#"[{"id":"a","label":"A","scopes":["x"]}]"#, str::to_lowercase).unwrap();
    /// assert_eq!(catalog.scopes(&[4]).unwrap_err().index, 4);
    /// ```
    pub fn scopes(&self, actions: &[u32]) -> Result<Vec<&str>, IndexOutOfRange> {
        let len = self.table.len();
        if let Some(&bad) = actions.iter().find(|&&index| index as usize >= len) {
            return Err(IndexOutOfRange { index: bad as usize, len });
        }
        let union = self.table.scope_union(actions.iter().map(|&index| index as usize));
        Ok(union.iter().map(|scope| self.table.scope_name(scope)).collect())
    }
}
