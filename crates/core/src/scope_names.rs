//! Display names of scopes ("Candidates: Read" for `candidatesRead`): given by the table
//! (`scopeLabels`) or by the page (`data-guide-scope-labels`, which wins), and used where people
//! read scopes (the key report, the Markdown checklist), never in the scopes a reader copies.

use crate::json::{JsonError, Value};
use crate::message::{write_english, Describe, Message};
use crate::Table;
use std::fmt;

/// The display names of a table's scopes, by scope id.
#[derive(Debug, Clone, Default)]
pub struct ScopeNames {
    names: Vec<Option<String>>,
}

/// What is wrong with a page's display names (`data-guide-scope-labels`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScopeNamesProblem {
    /// The attribute is not JSON.
    NotJson(JsonError),
    /// The attribute is JSON, but not an object.
    NotAnObject,
    /// The display name of this scope is not a non-empty string.
    NotAName(String),
    /// The table has no scope of this name.
    UnknownScope(String),
}

impl Describe for ScopeNamesProblem {
    /// What is wrong, for the page's author.
    fn describe(&self) -> Message {
        let problem = |code| Message::new(code).text("attribute", crate::contract::SCOPE_LABELS.name);
        match self {
            ScopeNamesProblem::NotJson(error) => problem("scopeLabels.notJson").message("error", error.describe()),
            ScopeNamesProblem::NotAnObject => problem("scopeLabels.notAnObject"),
            ScopeNamesProblem::NotAName(scope) => problem("scopeLabels.notAName").text("scope", scope.as_str()),
            ScopeNamesProblem::UnknownScope(scope) => problem("scopeLabels.unknownScope").text("scope", scope.as_str()),
        }
    }
}

impl fmt::Display for ScopeNamesProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_english(self, f)
    }
}

impl ScopeNames {
    /// The display names the table gives (a name for a scope the table does not use is ignored).
    pub fn new(table: &Table) -> ScopeNames {
        let mut names = ScopeNames { names: vec![None; table.scope_count()] };
        for (scope, name) in table.scope_labels() {
            names.set(table, scope, name);
        }
        names
    }

    /// The table's display names, then the page's (`data-guide-scope-labels`: a JSON object of
    /// scope names and display names), with what is wrong with the page's. A problem leaves out
    /// the names it is about, or all the page's when the attribute cannot be read.
    ///
    /// ```
    /// use scope_selector_core::{scope_names::{ScopeNames, ScopeNamesProblem}, Table};
    /// let table = Table::from_json(r#"[{"id":"a","label":"A","scopes":["jobsRead","x"]}]"#).unwrap().table;
    /// let (names, problems) = ScopeNames::with_page(&table, r#"{"jobsRead": "Jobs: Read", "nope": "N", "x": 3}"#);
    /// assert_eq!(names.get(0), Some("Jobs: Read"));
    /// assert_eq!(names.display(&table, 1), "x");
    /// assert_eq!(problems, [ScopeNamesProblem::UnknownScope("nope".into()), ScopeNamesProblem::NotAName("x".into())]);
    /// ```
    pub fn with_page(table: &Table, attribute: &str) -> (ScopeNames, Vec<ScopeNamesProblem>) {
        let mut names = ScopeNames::new(table);
        let mut problems = Vec::new();
        match Value::parse(attribute) {
            Err(error) => problems.push(ScopeNamesProblem::NotJson(error)),
            Ok(value) => match value.as_object() {
                None => problems.push(ScopeNamesProblem::NotAnObject),
                Some(entries) => {
                    for (scope, name) in entries {
                        let scope = scope.trim();
                        match name.as_str().map(str::trim) {
                            Some(name) if !name.is_empty() => {
                                if !names.set(table, scope, name) {
                                    problems.push(ScopeNamesProblem::UnknownScope(scope.into()));
                                }
                            }
                            _ => problems.push(ScopeNamesProblem::NotAName(scope.into())),
                        }
                    }
                }
            },
        }
        (names, problems)
    }

    /// Names `scope` (false when the table has no such scope).
    fn set(&mut self, table: &Table, scope: &str, name: &str) -> bool {
        match table.scope_id(scope.trim()).and_then(|id| self.names.get_mut(id as usize)) {
            Some(slot) => {
                *slot = Some(name.trim().to_owned());
                true
            }
            None => false,
        }
    }

    /// The display name of scope `scope`, if it has one.
    pub fn get(&self, scope: usize) -> Option<&str> {
        self.names.get(scope).and_then(Option::as_deref)
    }

    /// The display name of scope `scope`, else its name.
    pub fn display<'a>(&'a self, table: &'a Table, scope: usize) -> &'a str {
        self.get(scope).unwrap_or_else(|| table.scope_name(scope))
    }
}
