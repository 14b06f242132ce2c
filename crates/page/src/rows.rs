//! The class names of the action list the widget writes, which the extras read to mark a search's
//! words in the rows.

/// The element holding the rows.
pub const ROWS: &str = "guides-scope-selector__rows";
/// One row.
pub const ROW: &str = "guides-scope-selector__row";
/// A row's action label.
pub const LABEL: &str = "guides-scope-selector__action-label";
/// A row's action id.
pub const ID: &str = "guides-scope-selector__action-id";
/// A row's scopes.
pub const SCOPES: &str = "guides-scope-selector__action-scopes";
