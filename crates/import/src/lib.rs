//! The spec importer of scope-selector: an OpenAPI 2.0, 3.0 or 3.1 document (JSON or YAML) or a
//! Google discovery document in, an action table out (`scope-selector import`, issue 27).
//!
//! [`import`] reads the text (`document`: JSON through the core's reader, YAML through
//! [`saphyr_parser`]), finds the operations in document order with their security requirements
//! (`openapi`, `discovery`), chooses one security scheme, and writes the table (`table`):
//!
//! - **id**: `operationId` (discovery: the method's `id`), else the method and path
//!   ([`text::fallback_id`]: `GET /pets/{petId}` gives `get_pets_petId`); each run of white space
//!   and commas is made one `_` and `_` at either end removed ([`text::valid_id`]; empty gives
//!   `operation`); a repeated id gets the first free suffix of `_2`, `_3`, … in document order.
//! - **label**: `summary`, else the first sentence of `description`, else `METHOD /path`, with
//!   Markdown and HTML stripped ([`text::label`]); ` (deprecated)` appended for deprecated
//!   operations (left out instead with [`Options::skip_deprecated`]).
//! - **group**: the first tag (discovery: the resource path, `users.messages`), or the first path
//!   segment with [`GroupBy::Path`].
//! - **scopes** and **alternatives**: each security requirement that uses the chosen scheme (or
//!   none, `{}`) is an alternative; they are ordered narrowest first (see `table`), `scopes` is
//!   the first, `alternatives` the others (omitted when there are none).
//! - **scopeLabels**: the first sentence of the chosen scheme's scope descriptions, for the scopes
//!   the table uses.
//!
//! Limits, so that no input can exhaust memory or time: [`MAX_INPUT_BYTES`], [`MAX_DEPTH`],
//! [`MAX_ALIAS_COPY`]. Nothing here touches files or processes: the CLI reads the file, and the
//! crate builds for `wasm32-unknown-unknown`.
//!
//! The YAML crate is `saphyr-parser`: maintained (the successor of yaml-rust's parser, by the
//! yaml-rust2 maintainers), pure safe Rust that builds for wasm32, and an event parser, so the
//! importer builds the tree itself and charges every alias expansion to a budget it sets
//! ([`MAX_ALIAS_COPY`]). Not chosen: serde_yaml (archived upstream), serde_yml (unsound history),
//! serde_norway (a serde_yaml fork: its limit on aliases is its own, and member order needs a
//! custom deserializer), and the tree loaders of yaml-rust2 and saphyr, which copy the anchored
//! node for every alias with no budget the caller sets.
//!
//! ```
//! use scope_selector_import::{import, Options};
//! let spec = r#"
//! openapi: 3.0.3
//! info: {title: Pets, version: "1"}
//! components:
//!   securitySchemes:
//!     oauth:
//!       type: oauth2
//!       flows:
//!         implicit:
//!           authorizationUrl: https://example.com/auth
//!           scopes: {"pets:read": "Read your pets.", "pets:write": "Change your pets."}
//! paths:
//!   /pets:
//!     get:
//!       operationId: listPets
//!       summary: List *all* pets
//!       tags: [pets]
//!       security: [{oauth: ["pets:read"]}, {oauth: ["pets:write"]}]
//! "#;
//! let imported = import(spec, &Options::default()).unwrap();
//! assert_eq!(imported.json, r#"{
//!   "actions": [
//!     {"id": "listPets", "label": "List all pets", "group": "pets", "scopes": ["pets:read"], "alternatives": [["pets:write"]]}
//!   ],
//!   "scopeLabels": {
//!     "pets:read": "Read your pets",
//!     "pets:write": "Change your pets"
//!   }
//! }
//! "#);
//! assert_eq!((imported.read, imported.kept, imported.scheme.as_str()), (1, 1, "oauth"));
//! ```

#![deny(missing_docs)]
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

mod discovery;
mod document;
mod error;
mod openapi;
mod table;
pub mod text;
mod yaml;

pub use error::{DropReason, ImportError, Location, RefProblem, Warning};
pub use table::MAX_ORDERING_WORK;

/// The largest input read: 32 MiB (the largest public specs, GitHub's and Stripe's, are under
/// 10 MB of YAML).
pub const MAX_INPUT_BYTES: usize = 32 * 1024 * 1024;

/// The deepest nesting of arrays and objects (mappings and sequences) read.
pub const MAX_DEPTH: usize = 512;

/// What YAML alias expansion may copy, in bytes of strings plus 32 per node: 64 MiB.
pub const MAX_ALIAS_COPY: usize = 64 * 1024 * 1024;

/// How operations are grouped.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum GroupBy {
    /// The first tag (discovery: the resource path).
    #[default]
    Tag,
    /// The first segment of the path (`pets` for `/pets/{petId}`).
    Path,
}

/// What the import is asked to do.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The security scheme whose scopes the table lists; `None` chooses one (see [`SchemeReason`]).
    pub scheme: Option<String>,
    /// How to group operations.
    pub group_by: GroupBy,
    /// Leave deprecated operations out instead of marking their labels.
    pub skip_deprecated: bool,
}

/// Why the scheme was chosen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SchemeReason {
    /// `--scheme` named it.
    Given,
    /// It is the document's only OAuth 2 or OpenID Connect scheme.
    OnlyOAuth,
    /// Of the document's OAuth 2 and OpenID Connect schemes, the most operations name it (ties:
    /// the first declared).
    MostUsed {
        /// How many operations name it.
        operations: usize,
        /// How many OAuth 2 and OpenID Connect schemes there are.
        candidates: usize,
    },
}

impl SchemeReason {
    /// Why, in words ("the only OAuth 2 / OpenID Connect scheme").
    ///
    /// ```
    /// use scope_selector_import::SchemeReason;
    /// assert_eq!(SchemeReason::MostUsed { operations: 3, candidates: 2 }.message(), "used by 3 operations, the most of 2 OAuth 2 / OpenID Connect schemes");
    /// ```
    pub fn message(&self) -> String {
        match self {
            SchemeReason::Given => "given with --scheme".into(),
            SchemeReason::OnlyOAuth => "the only OAuth 2 / OpenID Connect scheme".into(),
            SchemeReason::MostUsed { operations, candidates } => {
                format!("used by {operations} operations, the most of {candidates} OAuth 2 / OpenID Connect schemes")
            }
        }
    }
}

/// An operation as read from any kind of document, before the table is written.
pub(crate) struct Operation {
    /// `operationId` or the discovery method's `id`.
    id: Option<String>,
    /// Upper case (`GET`).
    method: String,
    path: String,
    summary: Option<String>,
    description: Option<String>,
    group: Option<String>,
    deprecated: bool,
    /// The scope sets any one of which allows the operation, under the chosen scheme.
    alternatives: Vec<Vec<String>>,
    /// Why it cannot be in the table whatever the options (no alternative).
    dropped: Option<DropReason>,
}

/// A document read: its operations and the chosen scheme.
pub(crate) struct Reading {
    operations: Vec<Operation>,
    scheme: String,
    reason: SchemeReason,
    /// The chosen scheme's scopes with their descriptions, in declaration order.
    scope_labels: Vec<(String, String)>,
}

/// The kind of document read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Format {
    /// OpenAPI 2.0 (Swagger).
    OpenApi2,
    /// OpenAPI 3.0 or 3.1.
    OpenApi3,
    /// A Google discovery document.
    Discovery,
}

/// A finished import: the table and what the summary reports.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The table's JSON text (an object with `actions` and, when any, `scopeLabels`), ending in a
    /// newline.
    pub json: String,
    /// The kind of document.
    pub format: Format,
    /// The chosen security scheme.
    pub scheme: String,
    /// Why it was chosen.
    pub reason: SchemeReason,
    /// Operations read.
    pub read: usize,
    /// Operations in the table.
    pub kept: usize,
    /// Operations left out, by reason (only reasons that occurred).
    pub dropped: Vec<(DropReason, usize)>,
    /// What the import went on despite.
    pub warnings: Vec<Warning>,
}

/// Reads a document and writes its action table.
///
/// ```
/// use scope_selector_import::{import, ImportError, Options};
/// let error = import("swagger: '2.0'\npaths: {}", &Options::default()).unwrap_err();
/// assert_eq!(error, ImportError::NoOAuthScheme { found: vec![] });
/// ```
pub fn import(text: &str, options: &Options) -> Result<Imported, ImportError> {
    let root = document::parse(text)?;
    let (format, mut reading, warnings) = if let Some(major) = openapi::version(&root) {
        let major = major?;
        let format = if major == 2 { Format::OpenApi2 } else { Format::OpenApi3 };
        let reading = openapi::read(&root, major, options)?;
        (format, reading, document::external_refs(&root))
    } else if discovery::is_discovery(&root) {
        (Format::Discovery, discovery::read(&root, options)?, Vec::new())
    } else {
        return Err(ImportError::UnknownFormat);
    };
    let read = reading.operations.len();
    let built = table::build(&mut reading, options.skip_deprecated);
    let mut warnings = warnings;
    if !built.ordered {
        warnings.push(Warning::Unordered);
    }
    if built.kept == 0 {
        return Err(ImportError::NoActions { read, dropped: built.dropped });
    }
    Ok(Imported {
        json: built.json,
        format,
        scheme: reading.scheme,
        reason: reading.reason,
        read,
        kept: built.kept,
        dropped: built.dropped,
        warnings,
    })
}
