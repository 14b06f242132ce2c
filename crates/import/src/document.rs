//! The document as a tree: JSON or YAML text read into the core's [`Value`] (members in document
//! order), within the importer's limits, and local `$ref`s followed on demand.

use crate::error::{ImportError, Location, RefProblem, Warning};
use crate::{yaml, MAX_DEPTH, MAX_INPUT_BYTES};
use scope_selector_core::json::Value;

/// Reads `text` as JSON when it starts with `{` or `[` (after a byte-order mark and white space),
/// else as YAML; checks the size and depth limits first.
pub fn parse(text: &str) -> Result<Value, ImportError> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(ImportError::TooLarge { size: text.len() });
    }
    let body = text.trim_start_matches('\u{feff}').trim_start();
    if matches!(body.as_bytes().first(), Some(b'{' | b'[')) {
        // The core's reader does not recurse, but dropping a tree does: bound the depth first.
        if json_depth(body) > MAX_DEPTH {
            return Err(ImportError::TooDeep);
        }
        return Value::parse(text).map_err(|error| ImportError::Syntax { syntax: "JSON", message: error.to_string() });
    }
    yaml::parse(text)
}

/// The deepest nesting of arrays and objects in JSON text (strings skipped).
fn json_depth(text: &str) -> usize {
    let (mut depth, mut deepest, mut in_string, mut escaped) = (0usize, 0usize, false, false);
    for byte in text.bytes() {
        if in_string {
            match byte {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

/// `location` with the object member `key` appended.
pub fn member(location: &str, key: &str) -> Location {
    if location.is_empty() {
        key.to_owned()
    } else {
        format!("{location}.{key}")
    }
}

/// `location` with the array position `index` appended.
pub fn item(location: &str, index: usize) -> Location {
    format!("{location}[{index}]")
}

/// The `$ref` target of `value`, when it is an object with a string `$ref`.
fn ref_target(value: &Value) -> Option<&str> {
    value.get("$ref").and_then(Value::as_str)
}

/// Follows `value`'s `$ref`s (if any) to what they point at, with the location of the result: the
/// pointer's path for a followed reference. An external, dangling or looping reference is an error
/// naming the `$ref`'s location.
pub fn resolve<'a>(root: &'a Value, value: &'a Value, location: &str) -> Result<(&'a Value, Location), ImportError> {
    let (mut current, mut here) = (value, location.to_owned());
    let mut seen: Vec<&str> = Vec::new();
    while let Some(target) = ref_target(current) {
        let error = |problem| ImportError::Ref { at: here.clone(), target: target.to_owned(), problem };
        let Some(pointer) = target.strip_prefix('#') else { return Err(error(RefProblem::External)) };
        if seen.contains(&target) {
            return Err(error(RefProblem::Loop));
        }
        seen.push(target);
        let (found, path) = follow(root, pointer).ok_or_else(|| error(RefProblem::Unresolved))?;
        current = found;
        here = path;
    }
    Ok((current, here))
}

/// The value a JSON pointer (`/components/schemas/Pet`, RFC 6901, percent-encoding allowed as in
/// a URI fragment) designates, with its location.
fn follow<'a>(root: &'a Value, pointer: &str) -> Option<(&'a Value, Location)> {
    let mut current = root;
    let mut location = String::new();
    if pointer.is_empty() {
        return Some((root, location));
    }
    for raw in pointer.strip_prefix('/')?.split('/') {
        let token = percent_decode(raw).replace("~1", "/").replace("~0", "~");
        current = match current {
            Value::Object(_) => {
                let found = current.get(&token)?;
                location = member(&location, &token);
                found
            }
            Value::Array(items) => {
                let index: usize = token.parse().ok()?;
                location = item(&location, index);
                items.get(index)?
            }
            _ => return None,
        };
    }
    Some((current, location))
}

/// `%XX` escapes decoded (invalid ones kept as written).
fn percent_decode(text: &str) -> String {
    if !text.contains('%') {
        return text.to_owned();
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while at < bytes.len() {
        let hex = bytes.get(at + 1..at + 3).and_then(|pair| std::str::from_utf8(pair).ok());
        match (bytes[at], hex.and_then(|pair| u8::from_str_radix(pair, 16).ok())) {
            (b'%', Some(byte)) => {
                out.push(byte);
                at += 3;
            }
            (byte, _) => {
                out.push(byte);
                at += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Every `$ref` into another file anywhere in the document, in document order, as warnings (the
/// caller turns the ones an operation's security needs into errors when it meets them).
pub fn external_refs(root: &Value) -> Vec<Warning> {
    let mut found = Vec::new();
    let mut stack: Vec<(&Value, Location)> = vec![(root, String::new())];
    while let Some((value, location)) = stack.pop() {
        match value {
            Value::Object(members) => {
                if let Some(target) = ref_target(value).filter(|target| !target.starts_with('#')) {
                    found.push(Warning::ExternalRef { at: location.clone(), target: target.to_owned() });
                }
                for (key, child) in members.iter().rev() {
                    if matches!(child, Value::Object(_) | Value::Array(_)) {
                        stack.push((child, member(&location, key)));
                    }
                }
            }
            Value::Array(items) => {
                for (index, child) in items.iter().enumerate().rev() {
                    if matches!(child, Value::Object(_) | Value::Array(_)) {
                        stack.push((child, item(&location, index)));
                    }
                }
            }
            _ => {}
        }
    }
    found
}

/// `value` as an object's members, or a [`ImportError::WrongKind`] naming `location`.
pub fn object<'a>(value: &'a Value, location: &str) -> Result<&'a [(String, Value)], ImportError> {
    value.as_object().ok_or_else(|| ImportError::WrongKind {
        at: location.to_owned(),
        expected: "an object",
        found: value.kind(),
    })
}

/// `value` as an array's items, or a [`ImportError::WrongKind`] naming `location`.
pub fn array<'a>(value: &'a Value, location: &str) -> Result<&'a [Value], ImportError> {
    value.as_array().ok_or_else(|| ImportError::WrongKind {
        at: location.to_owned(),
        expected: "an array",
        found: value.kind(),
    })
}

/// A string member of an object, trimmed, if present and a string (other kinds are ignored: they
/// only feed labels and ids, which have fallbacks).
pub fn text<'a>(value: &'a Value, key: &str) -> Option<&'a str> {
    value.get(key).and_then(Value::as_str).map(str::trim).filter(|text| !text.is_empty())
}

/// The scopes of a security requirement or a discovery method: an array of strings, trimmed, blank
/// ones left out (as the core reads a table's scopes, so the table needs no repair).
pub fn scopes(value: &Value, location: &str) -> Result<Vec<String>, ImportError> {
    let mut scopes = Vec::new();
    for (index, scope) in array(value, location)?.iter().enumerate() {
        match scope {
            Value::String(scope) if scope.trim().is_empty() => {}
            Value::String(scope) => scopes.push(scope.trim().to_owned()),
            other => return Err(ImportError::ScopeNotString { at: item(location, index), found: other.kind() }),
        }
    }
    Ok(scopes)
}

/// Whether `value` is `true`.
pub fn is_true(value: Option<&Value>) -> bool {
    matches!(value, Some(Value::Bool(true)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Value {
        parse(text).unwrap()
    }

    #[test]
    fn refs_resolve_through_pointers_and_report_what_is_wrong() {
        let root = doc(r##"{"a": {"b/c": [1, {"x": true}]}, "r": {"$ref": "#/a/b~1c/1"}, "l": {"$ref": "#/m"},
                "m": {"$ref": "#/l"}, "d": {"$ref": "#/a/nope"}, "e": {"$ref": "other.yaml#/a"},
                "p": {"$ref": "#/a/b%7E1c/0"}}"##);
        let get = |key: &str| root.get(key).unwrap();
        let (found, location) = resolve(&root, get("r"), "r").unwrap();
        assert_eq!((found.get("x"), location.as_str()), (Some(&Value::Bool(true)), "a.b/c[1]"));
        let (found, _) = resolve(&root, get("p"), "p").unwrap();
        assert_eq!(found, &Value::Number("1".into()));
        let problem = |key: &str| match resolve(&root, get(key), key) {
            Err(ImportError::Ref { problem, at, .. }) => (problem, at),
            other => panic!("{other:?}"),
        };
        assert_eq!(problem("l"), (RefProblem::Loop, "l".into()));
        assert_eq!(problem("d"), (RefProblem::Unresolved, "d".into()));
        assert_eq!(problem("e"), (RefProblem::External, "e".into()));
        assert_eq!(external_refs(&root), vec![Warning::ExternalRef { at: "e".into(), target: "other.yaml#/a".into() }]);
    }

    #[test]
    fn size_and_depth_are_bounded() {
        let big = " ".repeat(MAX_INPUT_BYTES + 1);
        assert_eq!(parse(&big), Err(ImportError::TooLarge { size: MAX_INPUT_BYTES + 1 }));
        let deep = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
        assert_eq!(parse(&deep), Err(ImportError::TooDeep));
        let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(&ok).is_ok());
        assert_eq!(json_depth(r#"["[[[", {"a": "\"{{"}]"#), 2);
    }
}
