//! What can be wrong with an action table, and what is repaired in it: the values the reader
//! reports, with the messages the page's author reads.

use crate::json::{JsonError, Kind};
use crate::message::{write_english, Describe, Message};
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
/// assert_eq!(error.to_string(), "action at index 2: \"label\" is missing");
/// let error = TableError::Entry { index: 0, problem: EntryProblem::NotAnObject(Kind::Array) };
/// assert_eq!(error.to_string(), "action at index 0: must be an object, found an array");
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
/// assert_eq!(TableError::Empty.to_string(), "the action table has no actions");
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

impl Describe for TableError {
    /// What is wrong, for the page's author.
    ///
    /// ```
    /// use scope_selector_core::json::Kind;
    /// use scope_selector_core::message::{english, Describe};
    /// use scope_selector_core::table::TableError;
    /// assert_eq!(
    ///     english(&TableError::NotAnArray(Kind::String).describe()),
    ///     "the action table must be a JSON array, found a string"
    /// );
    /// ```
    fn describe(&self) -> Message {
        match self {
            TableError::Syntax(error) => Message::new("table.syntax").message("error", error.describe()),
            TableError::NotAnArray(Kind::Object) => {
                Message::new("table.objectWithoutActions").message("found", Kind::Object.describe())
            }
            TableError::NotAnArray(kind) => Message::new("table.notAnArray").message("found", kind.describe()),
            TableError::Empty => Message::new("table.empty"),
            TableError::Entry { index, problem } => {
                let entry = |code| Message::new(code).number("index", *index);
                match problem {
                    EntryProblem::NotAnObject(kind) => entry("table.notAnObject").message("found", kind.describe()),
                    EntryProblem::Missing(field) => entry("table.missing").text("field", field.name()),
                    EntryProblem::WrongKind { field: Field::Scopes, found } => {
                        entry("table.scopesNotAList").message("found", found.describe())
                    }
                    EntryProblem::WrongKind { field: Field::Alternatives, found } => {
                        entry("table.alternativesNotAList").message("found", found.describe())
                    }
                    EntryProblem::WrongKind { field, found } => {
                        entry("table.notAString").text("field", field.name()).message("found", found.describe())
                    }
                    EntryProblem::ScopeNotString { position, found } => {
                        entry("table.scopeNotAString").number("position", *position).message("found", found.describe())
                    }
                    EntryProblem::AlternativeNotAnArray { alternative, found } => entry("table.alternativeNotAList")
                        .number("alternative", *alternative)
                        .message("found", found.describe()),
                    EntryProblem::AlternativeScopeNotString { alternative, position, found } => {
                        entry("table.alternativeScopeNotAString")
                            .number("alternative", *alternative)
                            .number("position", *position)
                            .message("found", found.describe())
                    }
                    EntryProblem::EmptyId => entry("table.emptyId"),
                    EntryProblem::IdHasSeparator => entry("table.idHasSeparator"),
                }
            }
        }
    }
}

impl fmt::Display for TableError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_english(self, f)
    }
}

impl std::error::Error for TableError {}

/// Something in a usable table that was repaired; worth telling the page's author.
///
/// ```
/// use scope_selector_core::table::TableNotice;
/// let notice = TableNotice::BlankScope { index: 3, position: 0 };
/// assert_eq!(notice.to_string(), "action at index 3: blank \"scopes\"[0] was left out");
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
    /// An action's `group` is not a string; the action is kept without a module.
    GroupNotAString {
        /// The entry's position.
        index: usize,
        /// What it is.
        found: Kind,
    },
    /// An action's `group` is blank; the action is kept without a module.
    BlankGroup {
        /// The entry's position.
        index: usize,
    },
}

impl Describe for TableNotice {
    /// What was repaired, for the page's author.
    ///
    /// ```
    /// use scope_selector_core::message::{english, Describe};
    /// use scope_selector_core::table::TableNotice;
    /// let notice = TableNotice::DuplicateId { index: 4, first: 1, id: "a".into() };
    /// assert_eq!(english(&notice.describe()), "action at index 4 repeats the id \"a\" of index 1 and was left out");
    /// ```
    fn describe(&self) -> Message {
        match self {
            TableNotice::DuplicateId { index, first, id } => Message::new("table.duplicateId")
                .number("index", *index)
                .text("id", id.as_str())
                .number("first", *first),
            TableNotice::BlankScope { index, position } => {
                Message::new("table.blankScope").number("index", *index).number("position", *position)
            }
            TableNotice::BlankAlternativeScope { index, alternative, position } => {
                Message::new("table.blankAlternativeScope")
                    .number("index", *index)
                    .number("alternative", *alternative)
                    .number("position", *position)
            }
            TableNotice::RepeatedAlternative { index, alternative } => {
                Message::new("table.repeatedAlternative").number("index", *index).number("alternative", *alternative)
            }
            TableNotice::ScopeLabelsNotAnObject(kind) => {
                Message::new("table.scopeLabelsNotAnObject").message("found", kind.describe())
            }
            TableNotice::ScopeLabelNotAString { scope, found } => Message::new("table.scopeLabelNotAString")
                .text("scope", scope.as_str())
                .message("found", found.describe()),
            TableNotice::BlankScopeLabel { scope } => {
                Message::new("table.blankScopeLabel").text("scope", scope.as_str())
            }
            TableNotice::GroupNotAString { index, found } => {
                Message::new("table.groupNotAString").number("index", *index).message("found", found.describe())
            }
            TableNotice::BlankGroup { index } => Message::new("table.blankGroup").number("index", *index),
        }
    }
}

impl fmt::Display for TableNotice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_english(self, f)
    }
}
