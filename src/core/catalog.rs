//! A validated table with its search index: what one widget (or one `Catalog` in JS) holds.

use super::raw::RawTable;
use super::search::{Fold, SearchIndex};
use super::table::{Table, TableError, TableNotice};
use super::text::{concat, decimal};
use crate::prelude::*;

#[derive(Debug, Clone)]
pub struct Catalog {
    pub table: Table,
    pub index: SearchIndex,
    /// What was repaired while reading the table (for the page's author).
    pub notices: Vec<TableNotice>,
}

impl Catalog {
    /// Validates `raw` and prepares its search index, lower-casing with `fold`.
    pub fn from_raw(raw: RawTable, fold: Fold) -> Result<Self, TableError> {
        let loaded = Table::from_raw(raw)?;
        let index = SearchIndex::new(&loaded.table, fold);
        Ok(Catalog { table: loaded.table, index, notices: loaded.notices })
    }

    /// The scope union of `actions`, in table order of first appearance. Fails on an index that
    /// is not an action of the table.
    pub fn scopes(&self, actions: &[u32]) -> Result<Vec<String>, String> {
        if let Some(&bad) = actions.iter().find(|&&index| index as usize >= self.table.len()) {
            let (bad, len) = (decimal(bad as usize), decimal(self.table.len()));
            return Err(concat(&["action index ", &bad, " is out of range: the table has ", &len, " actions"]));
        }
        let union = self.table.scope_union(actions.iter().map(|&index| index as usize));
        Ok(self.table.scope_names(&union).map(str::to_owned).collect())
    }
}
