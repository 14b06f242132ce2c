//! YAML text into the core's [`Value`], from saphyr-parser's events: the first document of the
//! stream, plain scalars resolved as YAML 1.2's core schema (null, booleans, numbers, else
//! strings), keys as their text. Aliases are expanded by copying the anchored node, and every copy
//! is charged to a budget ([`crate::MAX_ALIAS_COPY`]), so a billion laughs stops at the first
//! copies past it instead of filling memory. Nesting is bounded by [`crate::MAX_DEPTH`]. Merge
//! keys (`<<: *base`, YAML 1.1, common in hand-written specs) are applied.

use crate::error::ImportError;
use crate::{MAX_ALIAS_COPY, MAX_DEPTH};
use saphyr_parser::{Event, Parser, ScalarStyle, Tag};
use scope_selector_core::json::Value;
use std::collections::{HashMap, HashSet};

/// What one node costs against the alias budget besides its strings' bytes.
const NODE_COST: usize = 32;

/// A sequence or mapping being read.
enum Container {
    Seq(Vec<Value>),
    /// Members so far, and the key waiting for its value.
    Map(Vec<(String, Value)>, Option<String>),
}

/// An open sequence or mapping, with its anchor (0: none) and what it costs so far.
struct Frame {
    container: Container,
    anchor: usize,
    cost: usize,
}

/// Builds the tree from events.
struct Builder {
    frames: Vec<Frame>,
    /// Completed anchored nodes, with their cost.
    anchors: HashMap<usize, (Value, usize)>,
    /// What alias copies (and the copies kept for anchors) have cost so far.
    copied: usize,
    root: Option<Value>,
}

fn syntax(message: String) -> ImportError {
    ImportError::Syntax { syntax: "YAML", message }
}

impl Builder {
    /// Charges `cost` to the alias budget.
    fn charge(&mut self, cost: usize) -> Result<(), ImportError> {
        self.copied = self.copied.saturating_add(cost);
        if self.copied > MAX_ALIAS_COPY {
            return Err(ImportError::AliasBomb);
        }
        Ok(())
    }

    /// Places a finished node in its parent (or as the root), keeping a copy for its anchor.
    fn complete(&mut self, value: Value, cost: usize, anchor: usize) -> Result<(), ImportError> {
        if anchor != 0 {
            self.charge(cost)?;
            self.anchors.insert(anchor, (value.clone(), cost));
        }
        let Some(frame) = self.frames.last_mut() else {
            self.root = Some(value);
            return Ok(());
        };
        frame.cost = frame.cost.saturating_add(cost);
        match &mut frame.container {
            Container::Seq(items) => items.push(value),
            Container::Map(members, pending) => match pending.take() {
                Some(key) => members.push((key, value)),
                None => {
                    *pending = Some(match value {
                        Value::String(text) | Value::Number(text) => text,
                        Value::Bool(flag) => flag.to_string(),
                        Value::Null => "null".into(),
                        Value::Array(_) | Value::Object(_) => {
                            return Err(syntax("a mapping key is a sequence or a mapping, not a scalar".into()))
                        }
                    })
                }
            },
        }
        Ok(())
    }

    fn open(&mut self, container: Container, anchor: usize) -> Result<(), ImportError> {
        if self.frames.len() >= MAX_DEPTH {
            return Err(ImportError::TooDeep);
        }
        self.frames.push(Frame { container, anchor, cost: NODE_COST });
        Ok(())
    }

    fn close(&mut self) -> Result<(), ImportError> {
        let Some(frame) = self.frames.pop() else { return Err(syntax("an unbalanced end of a collection".into())) };
        let value = match frame.container {
            Container::Seq(items) => Value::Array(items),
            Container::Map(members, _) => Value::Object(merge_keys(members)),
        };
        self.complete(value, frame.cost, frame.anchor)
    }
}

/// A mapping's members with YAML merge keys (`<<: *base`, `<<: [*a, *b]`) applied: each `<<` is
/// replaced, where it stands, by the members of the mappings it names that the mapping does not
/// set itself (of several mappings, the first that sets a key gives it).
fn merge_keys(members: Vec<(String, Value)>) -> Vec<(String, Value)> {
    if !members.iter().any(|(key, _)| key == "<<") {
        return members;
    }
    let mut taken: HashSet<String> =
        members.iter().filter(|(key, _)| key != "<<").map(|(key, _)| key.clone()).collect();
    let mut merged = Vec::with_capacity(members.len());
    for (key, value) in members {
        if key != "<<" {
            merged.push((key, value));
            continue;
        }
        let sources = match value {
            Value::Object(source) => vec![source],
            Value::Array(items) => items
                .into_iter()
                .filter_map(|item| match item {
                    Value::Object(source) => Some(source),
                    _ => None,
                })
                .collect(),
            // Not a mapping: kept as an ordinary member.
            other => {
                merged.push((key, other));
                continue;
            }
        };
        for (key, value) in sources.into_iter().flatten() {
            if taken.insert(key.clone()) {
                merged.push((key, value));
            }
        }
    }
    merged
}

/// A scalar's value: quoted, block and `!!str` scalars are strings; plain ones follow the core
/// schema.
fn scalar(text: &str, style: ScalarStyle, tag: Option<&Tag>) -> Value {
    if style != ScalarStyle::Plain || tag.is_some_and(|tag| tag.suffix == "str") {
        return Value::String(text.to_owned());
    }
    match text {
        "" | "~" | "null" | "Null" | "NULL" => Value::Null,
        "true" | "True" | "TRUE" => Value::Bool(true),
        "false" | "False" | "FALSE" => Value::Bool(false),
        _ if is_number(text) => Value::Number(text.to_owned()),
        _ => Value::String(text.to_owned()),
    }
}

/// Whether a plain scalar is a number in YAML 1.2's core schema (decimal, `0o`, `0x`, `.inf`,
/// `.nan`).
fn is_number(text: &str) -> bool {
    let unsigned = text.strip_prefix(['-', '+']).unwrap_or(text);
    if matches!(unsigned, ".inf" | ".Inf" | ".INF") || matches!(text, ".nan" | ".NaN" | ".NAN") {
        return true;
    }
    if let Some(digits) = text.strip_prefix("0o") {
        return !digits.is_empty() && digits.bytes().all(|b| (b'0'..=b'7').contains(&b));
    }
    if let Some(digits) = text.strip_prefix("0x") {
        return !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_hexdigit());
    }
    let (mantissa, exponent) = match unsigned.find(['e', 'E']) {
        Some(at) => (&unsigned[..at], Some(&unsigned[at + 1..])),
        None => (unsigned, None),
    };
    let digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
    let mantissa_ok = match mantissa.split_once('.') {
        Some((whole, fraction)) => digits(whole) && digits(fraction) && !(whole.is_empty() && fraction.is_empty()),
        None => !mantissa.is_empty() && digits(mantissa),
    };
    let exponent_ok = exponent.is_none_or(|exponent| {
        let exponent = exponent.strip_prefix(['-', '+']).unwrap_or(exponent);
        !exponent.is_empty() && digits(exponent)
    });
    mantissa_ok && exponent_ok
}

/// Reads the first document of a YAML stream (an empty stream is `null`).
pub fn parse(text: &str) -> Result<Value, ImportError> {
    let mut builder = Builder { frames: Vec::new(), anchors: HashMap::new(), copied: 0, root: None };
    for event in Parser::new_from_str(text) {
        let (event, _) = event.map_err(|error| syntax(error.to_string()))?;
        match event {
            Event::Scalar(value, style, anchor, tag) => {
                let cost = NODE_COST.saturating_add(value.len());
                builder.complete(scalar(&value, style, tag.as_deref()), cost, anchor)?;
            }
            Event::SequenceStart(anchor, _) => builder.open(Container::Seq(Vec::new()), anchor)?,
            Event::MappingStart(anchor, _) => builder.open(Container::Map(Vec::new(), None), anchor)?,
            Event::SequenceEnd | Event::MappingEnd => builder.close()?,
            Event::Alias(anchor) => {
                let Some((value, cost)) = builder.anchors.get(&anchor).map(|(value, cost)| (value.clone(), *cost))
                else {
                    return Err(syntax("an alias refers to a node that contains it".into()));
                };
                builder.charge(cost)?;
                builder.complete(value, cost, 0)?;
            }
            Event::DocumentEnd => break,
            Event::StreamStart | Event::StreamEnd | Event::DocumentStart(_) | Event::Nothing => {}
        }
    }
    Ok(builder.root.unwrap_or(Value::Null))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scalars_follow_the_core_schema_and_keys_are_text() {
        let value = parse("a: ~\nb: True\n200: 1.5e3\nc: '1'\nd: 0x1F\ne: 1.2.3\nf: [x, .inf]\n").unwrap();
        let members = value.as_object().unwrap();
        let keys: Vec<&str> = members.iter().map(|(key, _)| key.as_str()).collect();
        assert_eq!(keys, ["a", "b", "200", "c", "d", "e", "f"]);
        assert_eq!(value.get("a"), Some(&Value::Null));
        assert_eq!(value.get("b"), Some(&Value::Bool(true)));
        assert_eq!(value.get("200"), Some(&Value::Number("1.5e3".into())));
        assert_eq!(value.get("c"), Some(&Value::String("1".into())));
        assert_eq!(value.get("d"), Some(&Value::Number("0x1F".into())));
        assert_eq!(value.get("e"), Some(&Value::String("1.2.3".into())));
        assert_eq!(value.get("f").and_then(Value::as_array).map(<[Value]>::len), Some(2));
    }

    #[test]
    fn aliases_are_copied_and_a_billion_laughs_stops() {
        let value = parse("base: &b {x: 1}\nuse: *b\n").unwrap();
        assert_eq!(value.get("use"), value.get("base"));
        let mut bomb =
            String::from("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for level in 1..10 {
            let (name, previous) = (char::from(b'a' + level), char::from(b'a' + level - 1));
            let refs = vec![format!("*{previous}"); 9].join(",");
            bomb.push_str(&format!("{name}: &{name} [{refs}]\n"));
        }
        let start = std::time::Instant::now();
        assert_eq!(parse(&bomb), Err(ImportError::AliasBomb));
        assert!(start.elapsed().as_secs() < 5, "stopped early: {:?}", start.elapsed());
    }

    #[test]
    fn merge_keys_add_what_the_mapping_does_not_set() {
        let value =
            parse("a: &a {x: 1, y: 2}\nb: &b {y: 3, z: 4}\nc: {x: 0, <<: [*a, *b], w: 5}\nd: {<<: 7}\n").unwrap();
        let keys: Vec<(&str, &str)> = value
            .get("c")
            .and_then(Value::as_object)
            .unwrap()
            .iter()
            .map(|(key, value)| {
                (
                    key.as_str(),
                    match value {
                        Value::Number(number) => number.as_str(),
                        _ => "?",
                    },
                )
            })
            .collect();
        assert_eq!(keys, [("x", "0"), ("y", "2"), ("z", "4"), ("w", "5")]);
        assert_eq!(value.get("d").and_then(|d| d.get("<<")), Some(&Value::Number("7".into())));
    }

    #[test]
    fn bad_yaml_and_deep_nesting_are_errors() {
        match parse("a: [1, 2\nb: c") {
            Err(ImportError::Syntax { syntax: "YAML", message }) => assert!(message.contains("line"), "{message}"),
            other => panic!("{other:?}"),
        }
        let deep = format!("{}x", "- ".repeat(MAX_DEPTH + 1));
        assert_eq!(parse(&deep), Err(ImportError::TooDeep));
        assert!(parse(&format!("{}x", "- ".repeat(MAX_DEPTH - 1))).is_ok());
        // saphyr-parser stops deep flow collections itself.
        let flow = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
        assert!(matches!(parse(&flow), Err(ImportError::Syntax { .. })));
        assert!(matches!(parse("? [a]\n: b\n"), Err(ImportError::Syntax { .. })));
        assert!(matches!(parse("&a [*a]"), Err(ImportError::Syntax { .. })));
    }
}
