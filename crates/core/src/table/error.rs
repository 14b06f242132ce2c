//! What can be wrong with an action table, and what is repaired in it: the values the reader
//! reports, with the messages the page's author reads.

use crate::json::{JsonError, Kind};
use crate::text::{concat, decimal};
use std::fmt;

/// A field of an action object.
///
/// ```
/// use scope_selector_core::table::Field;
/// assert_eq!(Field::Scopes.name(), "\"scopes\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// `id`
    Id,
    /// `label`
    Label,
    /// `scopes`
    Scopes,
    /// `group` (optional)
    Group,
    /// `alternatives` (optional)
    Alternatives,
}

impl Field {
    /// The field as a message names it, quoted.
    ///
    /// ```
    /// use scope_selector_core::table::Field;
    /// assert_eq!(Field::Id.name(), "\"id\"");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Field::Id => "\"id\"",
            Field::Label => "\"label\"",
            Field::Scopes => "\"scopes\"",
            Field::Group => "\"group\"",
            Field::Alternatives => "\"alternatives\"",
        }
    }
}

/// What is wrong with one entry of the table.
///
/// ```
/// use scope_selector_core::json::Kind;
/// use scope_selector_core::table::{EntryProblem, Field, TableError};
/// let error = TableError::Entry { index: 2, problem: EntryProblem::Missing(Field::Label) };
/// assert_eq!(error.message(), "action at index 2: \"label\" is missing");
/// let error = TableError::Entry { index: 0, problem: EntryProblem::NotAnObject(Kind::Array) };
/// assert_eq!(error.message(), "action at index 0: must be an object, found an array");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntryProblem {
    /// The entry is not an object.
    NotAnObject(Kind),
    /// A required field is absent.
    Missing(Field),
    /// A field holds the wrong kind of value.
    WrongKind {
        /// The field.
        field: Field,
        /// What it holds.
        found: Kind,
    },
    /// An item of `scopes` is not a string.
    ScopeNotString {
        /// Its position in `scopes`.
        position: usize,
        /// What it is.
        found: Kind,
    },
    /// An item of `alternatives` is not an array.
    AlternativeNotAnArray {
        /// Its position in `alternatives`.
        alternative: usize,
        /// What it is.
        found: Kind,
    },
    /// A scope of an alternative is not a string.
    AlternativeScopeNotString {
        /// The alternative's position in `alternatives`.
        alternative: usize,
        /// The scope's position in the alternative.
        position: usize,
        /// What it is.
        found: Kind,
    },
    /// The id is empty once trimmed.
    EmptyId,
    /// The id holds a character that separates ids in a guide URL.
    IdHasSeparator,
}

/// Why a table cannot be used at all.
///
/// ```
/// use scope_selector_core::table::TableError;
/// assert_eq!(TableError::Empty.message(), "the action table has no actions");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TableError {
    /// The text is not JSON.
    Syntax(JsonError),
    /// The document is not an array (or an object with an `actions` array).
    NotAnArray(Kind),
    /// The table has no actions.
    Empty,
    /// An entry is wrong.
    Entry {
        /// The entry's position in the table.
        index: usize,
        /// What is wrong with it.
        problem: EntryProblem,
    },
}

impl TableError {
    /// What is wrong, for the page's author.
    ///
    /// ```
    /// use scope_selector_core::json::Kind;
    /// use scope_selector_core::table::TableError;
    /// assert_eq!(
    ///     TableError::NotAnArray(Kind::String).message(),
    ///     "the action table must be a JSON array, found a string"
    /// );
    /// ```
    pub fn message(&self) -> String {
        match self {
            TableError::Syntax(error) => concat(&["the action table is not valid JSON (", &error.message(), ")"]),
            TableError::NotAnArray(Kind::Object) => concat(&[
                "the action table must be a JSON array (or an object with an \"actions\" array), found ",
                Kind::Object.name(),
            ]),
            TableError::NotAnArray(kind) => concat(&["the action table must be a JSON array, found ", kind.name()]),
            TableError::Empty => "the action table has no actions".into(),
            TableError::Entry { index, problem } => {
                let (alternative, position);
                let detail: &[&str] = match problem {
                    EntryProblem::NotAnObject(kind) => &["must be an object, found ", kind.name()],
                    EntryProblem::Missing(field) => &[field.name(), " is missing"],
                    EntryProblem::WrongKind { field: Field::Scopes, found } => {
                        &["\"scopes\" must be an array of strings, found ", found.name()]
                    }
                    EntryProblem::WrongKind { field: Field::Alternatives, found } => {
                        &["\"alternatives\" must be an array of arrays of strings, found ", found.name()]
                    }
                    EntryProblem::WrongKind { field, found } => {
                        &[field.name(), " must be a string, found ", found.name()]
                    }
                    EntryProblem::ScopeNotString { position: at, found } => {
                        position = decimal(*at);
                        &["\"scopes\"[", &position, "] must be a string, found ", found.name()]
                    }
                    EntryProblem::AlternativeNotAnArray { alternative: at, found } => {
                        alternative = decimal(*at);
                        &["\"alternatives\"[", &alternative, "] must be an array of strings, found ", found.name()]
                    }
                    EntryProblem::AlternativeScopeNotString { alternative: at, position: scope, found } => {
                        alternative = decimal(*at);
                        position = decimal(*scope);
                        &[
                            "\"alternatives\"[",
                            &alternative,
                            "][",
                            &position,
                            "] must be a string, found ",
                            found.name(),
                        ]
                    }
                    EntryProblem::EmptyId => &["\"id\" is empty"],
                    EntryProblem::IdHasSeparator => &["\"id\" must not contain spaces or commas"],
                };
                concat(&["action at index ", &decimal(*index), ": ", &concat(detail)])
            }
        }
    }
}

impl fmt::Display for TableError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for TableError {}

/// Something in a usable table that was repaired; worth telling the page's author.
///
/// ```
/// use scope_selector_core::table::TableNotice;
/// let notice = TableNotice::BlankScope { index: 3, position: 0 };
/// assert_eq!(notice.message(), "action at index 3: blank \"scopes\"[0] was left out");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TableNotice {
    /// A later action repeats an earlier id; the first one is kept.
    DuplicateId {
        /// The repeating entry's position.
        index: usize,
        /// The position of the entry that is kept.
        first: usize,
        /// The repeated id.
        id: String,
    },
    /// A scope string was blank and was left out.
    BlankScope {
        /// The entry's position.
        index: usize,
        /// The blank scope's position in `scopes`.
        position: usize,
    },
    /// A scope string of an alternative was blank and was left out.
    BlankAlternativeScope {
        /// The entry's position.
        index: usize,
        /// The alternative's position in `alternatives`.
        alternative: usize,
        /// The blank scope's position in the alternative.
        position: usize,
    },
    /// An alternative names the same scopes as `scopes` or an earlier alternative; it was left out.
    RepeatedAlternative {
        /// The entry's position.
        index: usize,
        /// The alternative's position in `alternatives`.
        alternative: usize,
    },
    /// `scopeLabels` is not an object; it was ignored.
    ScopeLabelsNotAnObject(Kind),
    /// A display name in `scopeLabels` is not a string; it was left out.
    ScopeLabelNotAString {
        /// The scope it names.
        scope: String,
        /// What it is.
        found: Kind,
    },
    /// A display name in `scopeLabels` (or its scope) is blank; it was left out.
    BlankScopeLabel {
        /// The scope it names.
        scope: String,
    },
}

impl TableNotice {
    /// What was repaired, for the page's author.
    ///
    /// ```
    /// use scope_selector_core::table::TableNotice;
    /// let notice = TableNotice::DuplicateId { index: 4, first: 1, id: "a".into() };
    /// assert_eq!(notice.message(), "action at index 4 repeats the id \"a\" of index 1 and was left out");
    /// ```
    pub fn message(&self) -> String {
        match self {
            TableNotice::DuplicateId { index, first, id } => concat(&[
                "action at index ",
                &decimal(*index),
                " repeats the id \"",
                id,
                "\" of index ",
                &decimal(*first),
                " and was left out",
            ]),
            TableNotice::BlankScope { index, position } => concat(&[
                "action at index ",
                &decimal(*index),
                ": blank \"scopes\"[",
                &decimal(*position),
                "] was left out",
            ]),
            TableNotice::BlankAlternativeScope { index, alternative, position } => concat(&[
                "action at index ",
                &decimal(*index),
                ": blank \"alternatives\"[",
                &decimal(*alternative),
                "][",
                &decimal(*position),
                "] was left out",
            ]),
            TableNotice::RepeatedAlternative { index, alternative } => concat(&[
                "action at index ",
                &decimal(*index),
                ": \"alternatives\"[",
                &decimal(*alternative),
                "] names the same scopes as an earlier alternative and was left out",
            ]),
            TableNotice::ScopeLabelsNotAnObject(kind) => {
                concat(&["\"scopeLabels\" must be an object, found ", kind.name(), "; it was ignored"])
            }
            TableNotice::ScopeLabelNotAString { scope, found } => concat(&[
                "\"scopeLabels\" of \"",
                scope,
                "\" must be a string, found ",
                found.name(),
                "; it was left out",
            ]),
            TableNotice::BlankScopeLabel { scope } => {
                concat(&["\"scopeLabels\" of \"", scope, "\" is blank and was left out"])
            }
        }
    }
}

impl fmt::Display for TableNotice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}
