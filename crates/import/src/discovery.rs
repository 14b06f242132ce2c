//! Google API discovery documents (`discoveryVersion`): methods in document order (the
//! document's own methods, then each resource's methods before its sub-resources), grouped by
//! resource path (`users.messages`). A method's `scopes` are alternatives: any one of them
//! suffices. Their one scheme is `oauth2` (`auth.oauth2.scopes`, with descriptions). Discovery's
//! `$ref`s name schemas, not JSON pointers, and are never followed.

use crate::document::{is_true, member, object, scopes, text};
use crate::error::{DropReason, ImportError};
use crate::{GroupBy, Operation, Options, Reading, SchemeReason};
use scope_selector_core::json::Value;

/// The scheme name discovery documents have, as `--scheme` names it.
const SCHEME: &str = "oauth2";

/// Whether the document is a discovery document.
pub fn is_discovery(root: &Value) -> bool {
    root.get("discoveryVersion").is_some()
}

/// The declared scopes and their descriptions, or `None` when the document has no `auth.oauth2`.
fn declared_scopes(root: &Value) -> Result<Option<Vec<(String, String)>>, ImportError> {
    let Some(oauth) = root.get("auth").and_then(|auth| auth.get(SCHEME)) else { return Ok(None) };
    let mut labels = Vec::new();
    if let Some(declared) = oauth.get("scopes") {
        for (scope, entry) in object(declared, "auth.oauth2.scopes")? {
            if let Some(description) = text(entry, "description") {
                labels.push((scope.trim().to_owned(), description.to_owned()));
            }
        }
    }
    Ok(Some(labels))
}

/// Reads a discovery document.
pub fn read(root: &Value, options: &Options) -> Result<Reading, ImportError> {
    let found = |labels: &Option<Vec<(String, String)>>| {
        if labels.is_some() {
            vec![format!("{SCHEME} ({SCHEME})")]
        } else {
            Vec::new()
        }
    };
    let labels = declared_scopes(root)?;
    let reason = match options.scheme.as_deref() {
        Some(SCHEME) if labels.is_some() => SchemeReason::Given,
        Some(name) => return Err(ImportError::UnknownScheme { name: name.to_owned(), found: found(&labels) }),
        None if labels.is_some() => SchemeReason::OnlyOAuth,
        None => return Err(ImportError::NoOAuthScheme { found: Vec::new() }),
    };
    let mut operations = Vec::new();
    // (the object holding `methods` and `resources`, its resource path, its location), taken in
    // document order: a resource's methods, then its resources depth first.
    let mut pending: Vec<(&Value, String, String)> = vec![(root, String::new(), String::new())];
    while let Some((holder, resource, location)) = pending.pop() {
        if let Some(methods) = holder.get("methods") {
            let here = member(&location, "methods");
            for (name, method) in object(methods, &here)? {
                operations.push(method_operation(method, &member(&here, name), &resource, options)?);
            }
        }
        if let Some(resources) = holder.get("resources") {
            let here = member(&location, "resources");
            for (name, child) in object(resources, &here)?.iter().rev() {
                let at = member(&here, name);
                object(child, &at)?;
                let path = if resource.is_empty() { name.clone() } else { format!("{resource}.{name}") };
                pending.push((child, path, at));
            }
        }
    }
    Ok(Reading { operations, scheme: SCHEME.into(), reason, scope_labels: labels.unwrap_or_default() })
}

/// One method: each of its scopes is an alternative on its own.
fn method_operation(
    method: &Value,
    location: &str,
    resource: &str,
    options: &Options,
) -> Result<Operation, ImportError> {
    object(method, location)?;
    let path = text(method, "flatPath").or_else(|| text(method, "path")).unwrap_or_default().to_owned();
    let mut alternatives: Vec<Vec<String>> = Vec::new();
    if let Some(listed) = method.get("scopes") {
        for scope in scopes(listed, &member(location, "scopes"))? {
            alternatives.push(vec![scope]);
        }
    }
    let group = match options.group_by {
        GroupBy::Tag => Some(resource.to_owned()).filter(|resource| !resource.is_empty()),
        GroupBy::Path => path.split('/').find(|segment| !segment.is_empty()).map(str::to_owned),
    };
    Ok(Operation {
        id: text(method, "id").map(str::to_owned),
        method: text(method, "httpMethod").unwrap_or("GET").to_ascii_uppercase(),
        path: if path.starts_with('/') { path } else { format!("/{path}") },
        summary: None,
        description: text(method, "description").map(str::to_owned),
        group,
        deprecated: is_true(method.get("deprecated")),
        dropped: if alternatives.is_empty() { Some(DropReason::NoSecurity) } else { None },
        alternatives,
    })
}
