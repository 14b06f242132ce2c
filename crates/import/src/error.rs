//! What can stop an import, what it warns about and why it leaves operations out: values, each
//! with the English message the integrator reads.

use scope_selector_core::json::Kind;

/// Where something is in the document: object keys joined with `.`, array positions as `[N]`
/// (`paths./pets.get.security[0]`). The empty string is the document itself.
pub type Location = String;

/// What is wrong with a `$ref`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RefProblem {
    /// The reference points inside this document, at nothing.
    Unresolved,
    /// Following the reference comes back to it.
    Loop,
    /// The reference points into another file, which the importer does not read.
    External,
}

/// Why a document cannot be imported. Each names where the problem is when it is in the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// The input is larger than [`crate::MAX_INPUT_BYTES`].
    TooLarge {
        /// Its size in bytes.
        size: usize,
    },
    /// The text is neither JSON nor YAML (the parser's message, with a line and column).
    Syntax {
        /// `"JSON"` or `"YAML"`: the syntax the text was read as.
        syntax: &'static str,
        /// The parser's message.
        message: String,
    },
    /// The document nests deeper than [`crate::MAX_DEPTH`].
    TooDeep,
    /// YAML aliases would copy more than [`crate::MAX_ALIAS_COPY`] units (a "billion laughs").
    AliasBomb,
    /// The document is neither OpenAPI 2.0/3.x nor a Google discovery document.
    UnknownFormat,
    /// An OpenAPI version the importer does not read.
    UnsupportedVersion(String),
    /// A value has the wrong kind.
    WrongKind {
        /// Where it is.
        at: Location,
        /// What it should be ("an object").
        expected: &'static str,
        /// What it is.
        found: Kind,
    },
    /// A scope in a security requirement or a method's `scopes` is not a string.
    ScopeNotString {
        /// Where it is.
        at: Location,
        /// What it is.
        found: Kind,
    },
    /// A security requirement names a scheme the document does not declare.
    UndeclaredScheme {
        /// Where the requirement is.
        at: Location,
        /// The scheme's name.
        name: String,
    },
    /// A `$ref` needed to read an operation's security cannot be followed.
    Ref {
        /// Where the `$ref` is.
        at: Location,
        /// Its target, as written.
        target: String,
        /// What is wrong with it.
        problem: RefProblem,
    },
    /// No scheme was given and the document declares no OAuth 2 or OpenID Connect scheme.
    NoOAuthScheme {
        /// The schemes it declares, with their types (`api_key (apiKey)`).
        found: Vec<String>,
    },
    /// `--scheme` names a scheme the document does not declare.
    UnknownScheme {
        /// The name given.
        name: String,
        /// The schemes it declares, with their types.
        found: Vec<String>,
    },
    /// No operation is left for the table (which needs at least one action).
    NoActions {
        /// Operations read.
        read: usize,
        /// Why they were left out, with counts.
        dropped: Vec<(DropReason, usize)>,
    },
}

/// `"a", "b"` or `none`.
fn list(names: &[String]) -> String {
    if names.is_empty() {
        return "none".into();
    }
    names.join(", ")
}

/// The location as a message shows it: `at paths./pets.get` or `at the document's root`.
fn at(location: &str) -> String {
    if location.is_empty() {
        "at the document's root".into()
    } else {
        format!("at {location}")
    }
}

impl ImportError {
    /// The message, naming where the problem is.
    ///
    /// ```
    /// use scope_selector_import::ImportError;
    /// let error = ImportError::UndeclaredScheme { at: "paths./pets.get.security[0]".into(), name: "oauth".into() };
    /// assert_eq!(
    ///     error.message(),
    ///     "at paths./pets.get.security[0]: the security requirement names \"oauth\", which the document does not declare"
    /// );
    /// ```
    pub fn message(&self) -> String {
        match self {
            ImportError::TooLarge { size } => format!(
                "the document is {size} bytes, over the {} bytes (32 MiB) the importer reads",
                crate::MAX_INPUT_BYTES
            ),
            ImportError::Syntax { syntax, message } => format!("not valid {syntax}: {message}"),
            ImportError::TooDeep => {
                format!("the document nests deeper than {} levels", crate::MAX_DEPTH)
            }
            ImportError::AliasBomb => format!(
                "YAML aliases would copy more than {} bytes of the document (an alias bomb?)",
                crate::MAX_ALIAS_COPY
            ),
            ImportError::UnknownFormat => "neither an OpenAPI document (no \"openapi\" or \"swagger\" member) nor a \
                 Google discovery document (no \"discoveryVersion\" member)"
                .into(),
            ImportError::UnsupportedVersion(version) => {
                format!("OpenAPI version \"{version}\" is not one the importer reads (2.0, 3.0, 3.1)")
            }
            ImportError::WrongKind { at: location, expected, found } => {
                format!("{}: must be {expected}, found {}", at(location), scope_selector_core::message::english(&found.describe()))
            }
            ImportError::ScopeNotString { at: location, found } => {
                format!("{}: a scope must be a string, found {}", at(location), scope_selector_core::message::english(&found.describe()))
            }
            ImportError::UndeclaredScheme { at: location, name } => format!(
                "{}: the security requirement names \"{name}\", which the document does not declare",
                at(location)
            ),
            ImportError::Ref { at: location, target, problem } => {
                let what = match problem {
                    RefProblem::Unresolved => "points at nothing in this document",
                    RefProblem::Loop => "leads back to itself",
                    RefProblem::External => {
                        "points into another file, which the importer does not read; this operation's security \
                         cannot be known without it"
                    }
                };
                format!("{}: $ref \"{target}\" {what}", at(location))
            }
            ImportError::NoOAuthScheme { found } => format!(
                "the document declares no OAuth 2 or OpenID Connect security scheme (found: {}); choose one with --scheme",
                list(found)
            ),
            ImportError::UnknownScheme { name, found } => {
                format!("the document declares no security scheme \"{name}\" (found: {})", list(found))
            }
            ImportError::NoActions { read, dropped } => {
                let reasons: Vec<String> =
                    dropped.iter().map(|(reason, count)| format!("{count} {}", reason.message())).collect();
                format!("none of the {read} operations read is left for the table ({})", list(&reasons))
            }
        }
    }
}

/// Something the import went on despite.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// A `$ref` into another file that no operation's security depends on.
    ExternalRef {
        /// Where it is.
        at: Location,
        /// Its target.
        target: String,
    },
    /// Ordering the alternatives would take more than [`crate::MAX_ORDERING_WORK`] subset tests,
    /// so they keep the document's order.
    Unordered,
}

impl Warning {
    /// The message.
    ///
    /// ```
    /// use scope_selector_import::Warning;
    /// let warning = Warning::ExternalRef { at: "components.schemas.Pet".into(), target: "pet.yaml".into() };
    /// assert_eq!(
    ///     warning.message(),
    ///     "at components.schemas.Pet: $ref \"pet.yaml\" points into another file, not read (no operation's security depends on it)"
    /// );
    /// ```
    pub fn message(&self) -> String {
        match self {
            Warning::ExternalRef { at: location, target } => format!(
                "{}: $ref \"{target}\" points into another file, not read (no operation's security depends on it)",
                at(location)
            ),
            Warning::Unordered => format!(
                "ordering the alternatives narrowest first would take over {} subset tests; they keep the \
                 document's order",
                crate::MAX_ORDERING_WORK
            ),
        }
    }
}

/// Why an operation read is not in the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum DropReason {
    /// Neither the operation nor the document asks for any security (or `security: []`).
    NoSecurity,
    /// Every security requirement of the operation uses only other schemes.
    OtherSchemesOnly,
    /// Deprecated, and `--skip-deprecated` was given.
    Deprecated,
}

impl DropReason {
    /// What the summary says about operations dropped for this reason.
    ///
    /// ```
    /// use scope_selector_import::DropReason;
    /// assert_eq!(DropReason::Deprecated.message(), "deprecated (--skip-deprecated)");
    /// ```
    pub fn message(self) -> &'static str {
        match self {
            DropReason::NoSecurity => "no security requirement",
            DropReason::OtherSchemesOnly => "only other security schemes",
            DropReason::Deprecated => "deprecated (--skip-deprecated)",
        }
    }
}
