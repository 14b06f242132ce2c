//! OpenAPI 2.0 (Swagger), 3.0 and 3.1: operations in document order with their security
//! requirements, the declared security schemes, and the choice of one scheme.
//!
//! An operation's `security` replaces the document's `security`; absent on both, the operation
//! needs no security. Each requirement is an alternative (any one suffices) needing all of the
//! scopes it lists. Only requirements that name the chosen scheme, or name none (`{}`), give an
//! alternative; `{}` and `scheme: []` give one with no scope. OpenAPI 3.1 `webhooks` are not
//! operations a client calls, so they are not read.

use crate::document::{array, is_true, item, member, object, resolve, scopes, text};
use crate::error::{DropReason, ImportError};
use crate::{GroupBy, Operation, Options, Reading, SchemeReason};
use scope_selector_core::json::Value;

/// The methods a path item holds operations under.
const METHODS: [&str; 8] = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/// A declared security scheme.
struct Scheme {
    name: String,
    /// Its `type` (`oauth2`, `openIdConnect`, `apiKey`, …; empty when absent).
    kind: String,
    /// Its scopes with their descriptions, from every flow, in declaration order.
    scopes: Vec<(String, String)>,
}

impl Scheme {
    fn is_oauth(&self) -> bool {
        matches!(self.kind.as_str(), "oauth2" | "openIdConnect")
    }

    fn described(&self) -> String {
        format!("{} ({})", self.name, if self.kind.is_empty() { "no type" } else { &self.kind })
    }
}

/// A security requirement: scheme names with their scopes.
type Requirement = Vec<(String, Vec<String>)>;

/// An operation as read, before a scheme is chosen.
struct Raw {
    operation: Operation,
    /// Empty: no `security` applies.
    requirements: Vec<Requirement>,
}

/// Whether the document is OpenAPI, and which major version (2 or 3).
pub fn version(root: &Value) -> Option<Result<u8, ImportError>> {
    if let Some(swagger) = root.get("swagger") {
        let text = version_text(swagger);
        return Some(if text == "2.0" { Ok(2) } else { Err(ImportError::UnsupportedVersion(text)) });
    }
    let openapi = root.get("openapi")?;
    let text = version_text(openapi);
    Some(if ["3.0", "3.1"].iter().any(|major| text == *major || text.starts_with(&format!("{major}."))) {
        Ok(3)
    } else {
        Err(ImportError::UnsupportedVersion(text))
    })
}

/// A version member as text (YAML may read `2.0` unquoted as a number).
fn version_text(value: &Value) -> String {
    match value {
        Value::String(text) | Value::Number(text) => text.trim().to_owned(),
        other => scope_selector_core::message::english(&other.kind().describe()),
    }
}

/// The declared schemes: `securityDefinitions` (2.0) or `components.securitySchemes` (3.x).
fn schemes(root: &Value, major: u8) -> Result<Vec<Scheme>, ImportError> {
    let (declared, location) = if major == 2 {
        (root.get("securityDefinitions"), "securityDefinitions")
    } else {
        (root.get("components").and_then(|components| components.get("securitySchemes")), "components.securitySchemes")
    };
    let Some(declared) = declared else { return Ok(Vec::new()) };
    let mut schemes = Vec::new();
    for (name, scheme) in object(declared, location)? {
        let (scheme, here) = resolve(root, scheme, &member(location, name))?;
        object(scheme, &here)?;
        let kind = text(scheme, "type").unwrap_or_default().to_owned();
        let mut scopes = Vec::new();
        let mut add = |declared: &Value| {
            for (scope, description) in declared.as_object().unwrap_or_default() {
                if let Some(description) = description.as_str() {
                    scopes.push((scope.trim().to_owned(), description.to_owned()));
                }
            }
        };
        if let Some(declared) = scheme.get("scopes") {
            add(declared);
        }
        for (_, flow) in scheme.get("flows").and_then(Value::as_object).unwrap_or_default() {
            if let Some(declared) = flow.get("scopes") {
                add(declared);
            }
        }
        schemes.push(Scheme { name: name.clone(), kind, scopes });
    }
    Ok(schemes)
}

/// Reads a `security` array into requirements, checking every scheme is declared and every scope
/// is a string.
fn requirements(
    root: &Value,
    security: &Value,
    location: &str,
    schemes: &[Scheme],
) -> Result<Vec<Requirement>, ImportError> {
    let mut read = Vec::new();
    for (index, requirement) in array(security, location)?.iter().enumerate() {
        let (requirement, here) = resolve(root, requirement, &item(location, index))?;
        let mut entries = Vec::new();
        for (name, listed) in object(requirement, &here)? {
            if !schemes.iter().any(|scheme| &scheme.name == name) {
                return Err(ImportError::UndeclaredScheme { at: here, name: name.clone() });
            }
            let (listed, at) = resolve(root, listed, &member(&here, name))?;
            entries.push((name.clone(), scopes(listed, &at)?));
        }
        read.push(entries);
    }
    Ok(read)
}

/// The first path segment (`pets` for `/pets/{petId}`), if any.
fn first_segment(path: &str) -> Option<String> {
    path.split('/').find(|segment| !segment.is_empty()).map(str::to_owned)
}

/// Every operation of `paths`, in document order.
fn operations(root: &Value, schemes: &[Scheme], options: &Options) -> Result<Vec<Raw>, ImportError> {
    let top = match root.get("security") {
        Some(security) => Some(requirements(root, security, "security", schemes)?),
        None => None,
    };
    let Some(paths) = root.get("paths") else { return Ok(Vec::new()) };
    let mut raws = Vec::new();
    for (path, path_item) in object(paths, "paths")? {
        // `x-` members of `paths` are extensions, not paths.
        if path.starts_with("x-") {
            continue;
        }
        let (path_item, here) = resolve(root, path_item, &member("paths", path))?;
        for (method, operation) in object(path_item, &here)? {
            if !METHODS.contains(&method.as_str()) {
                continue;
            }
            let (operation, at) = resolve(root, operation, &member(&here, method))?;
            object(operation, &at)?;
            let requirements = match operation.get("security") {
                Some(security) => requirements(root, security, &member(&at, "security"), schemes)?,
                None => top.clone().unwrap_or_default(),
            };
            let group = match options.group_by {
                GroupBy::Tag => operation
                    .get("tags")
                    .and_then(Value::as_array)
                    .and_then(|tags| tags.first())
                    .and_then(Value::as_str)
                    .map(str::trim)
                    .filter(|tag| !tag.is_empty())
                    .map(str::to_owned),
                GroupBy::Path => first_segment(path),
            };
            raws.push(Raw {
                operation: Operation {
                    id: text(operation, "operationId").map(str::to_owned),
                    method: method.to_ascii_uppercase(),
                    path: path.clone(),
                    summary: text(operation, "summary").map(str::to_owned),
                    description: text(operation, "description").map(str::to_owned),
                    group,
                    deprecated: is_true(operation.get("deprecated")),
                    alternatives: Vec::new(),
                    dropped: None,
                },
                requirements,
            });
        }
    }
    Ok(raws)
}

/// The scheme to use: the one given, else the only OAuth 2 / OpenID Connect scheme, else the one
/// of those most operations name (ties: the first declared).
fn choose<'a>(
    schemes: &'a [Scheme],
    raws: &[Raw],
    given: Option<&str>,
) -> Result<(&'a Scheme, SchemeReason), ImportError> {
    let found = || schemes.iter().map(Scheme::described).collect();
    if let Some(name) = given {
        return match schemes.iter().find(|scheme| scheme.name == name) {
            Some(scheme) => Ok((scheme, SchemeReason::Given)),
            None => Err(ImportError::UnknownScheme { name: name.to_owned(), found: found() }),
        };
    }
    let oauth: Vec<&Scheme> = schemes.iter().filter(|scheme| scheme.is_oauth()).collect();
    match oauth.as_slice() {
        [] => Err(ImportError::NoOAuthScheme { found: found() }),
        [only] => Ok((only, SchemeReason::OnlyOAuth)),
        several => {
            let uses = |scheme: &Scheme| {
                raws.iter()
                    .filter(|raw| raw.requirements.iter().flatten().any(|(name, _)| name == &scheme.name))
                    .count()
            };
            let mut best: Option<(&Scheme, usize)> = None;
            for &scheme in several {
                let count = uses(scheme);
                if best.is_none_or(|(_, most)| count > most) {
                    best = Some((scheme, count));
                }
            }
            let (scheme, operations) = best.ok_or(ImportError::NoOAuthScheme { found: found() })?;
            Ok((scheme, SchemeReason::MostUsed { operations, candidates: several.len() }))
        }
    }
}

/// Reads an OpenAPI document of major version `major`.
pub fn read(root: &Value, major: u8, options: &Options) -> Result<Reading, ImportError> {
    let schemes = schemes(root, major)?;
    let raws = operations(root, &schemes, options)?;
    let (scheme, reason) = choose(&schemes, &raws, options.scheme.as_deref())?;
    let operations = raws
        .into_iter()
        .map(|raw| {
            let mut operation = raw.operation;
            for requirement in &raw.requirements {
                if requirement.is_empty() {
                    operation.alternatives.push(Vec::new());
                } else if let Some((_, scopes)) = requirement.iter().find(|(name, _)| name == &scheme.name) {
                    operation.alternatives.push(scopes.clone());
                }
            }
            if operation.alternatives.is_empty() {
                operation.dropped = Some(if raw.requirements.is_empty() {
                    DropReason::NoSecurity
                } else {
                    DropReason::OtherSchemesOnly
                });
            }
            operation
        })
        .collect();
    Ok(Reading { operations, scheme: scheme.name.clone(), reason, scope_labels: scheme.scopes.clone() })
}
