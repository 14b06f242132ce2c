//! Messages as values: a code and its named arguments, never a sentence. The sentences live once,
//! in the catalogue `locales/en.json` beside this crate (and its translations), which the JS
//! renderer formats with the page's language and the CLI formats in English ([`english`]). The
//! widget's wasm only writes messages as JSON ([`Message::push_json`]), so it carries no text.
//!
//! A catalogue entry is a string with `{name}` placeholders, or an object of plural forms keyed
//! by `Intl.PluralRules` categories (`one`, `other`, …), chosen by the argument `count`.

use crate::json::{push_string, JsonError, Value};
use crate::text::push_decimal;
use std::fmt;

/// An argument of a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    /// A count or a position, formatted for the reader's language.
    Number(usize),
    /// Text from the data (an id, a scope, a JSON problem's place), shown as it is.
    Text(String),
    /// A message within the message (the kind of value found, a JSON problem).
    Message(Message),
}

/// A message: a catalogue code and its arguments.
///
/// ```
/// use scope_selector_core::message::Message;
/// let message = Message::new("link.unknownActions").number("count", 2);
/// let mut json = String::new();
/// message.push_json(&mut json);
/// assert_eq!(json, r#"{"code":"link.unknownActions","args":{"count":2}}"#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// The catalogue key.
    pub code: &'static str,
    /// The named arguments, in the order they were given.
    pub args: Vec<(&'static str, Arg)>,
}

impl Message {
    /// A message without arguments.
    pub fn new(code: &'static str) -> Message {
        Message { code, args: Vec::new() }
    }

    /// With a number argument.
    pub fn number(mut self, name: &'static str, value: usize) -> Message {
        self.args.push((name, Arg::Number(value)));
        self
    }

    /// With a text argument.
    pub fn text(mut self, name: &'static str, value: impl Into<String>) -> Message {
        self.args.push((name, Arg::Text(value.into())));
        self
    }

    /// With a message argument.
    pub fn message(mut self, name: &'static str, value: Message) -> Message {
        self.args.push((name, Arg::Message(value)));
        self
    }

    /// The argument named `name`.
    pub fn arg(&self, name: &str) -> Option<&Arg> {
        self.args.iter().find(|(have, _)| *have == name).map(|(_, arg)| arg)
    }

    /// Appends the message as JSON: `{"code": …, "args": {name: number | string | message}}`.
    pub fn push_json(&self, out: &mut String) {
        out.push_str("{\"code\":");
        push_string(out, self.code);
        out.push_str(",\"args\":{");
        for (at, (name, arg)) in self.args.iter().enumerate() {
            if at > 0 {
                out.push(',');
            }
            push_string(out, name);
            out.push(':');
            match arg {
                Arg::Number(value) => push_decimal(out, *value),
                Arg::Text(text) => push_string(out, text),
                Arg::Message(message) => message.push_json(out),
            }
        }
        out.push_str("}}");
    }
}

/// Anything the core reports to people: it has a message.
pub trait Describe {
    /// The message.
    fn describe(&self) -> Message;
}

/// A catalogue of message texts, read from its JSON file.
///
/// ```
/// use scope_selector_core::message::{Catalogue, Message};
/// let catalogue = Catalogue::parse(r#"{"n": {"one": "{count} action", "other": "{count} actions"}, "kind": "a {what}"}"#).unwrap();
/// assert_eq!(catalogue.format(&Message::new("n").number("count", 1)), "1 action");
/// assert_eq!(catalogue.format(&Message::new("n").number("count", 3)), "3 actions");
/// assert_eq!(catalogue.format(&Message::new("kind").text("what", "b")), "a b");
/// assert_eq!(catalogue.format(&Message::new("missing")), "missing");
/// ```
#[derive(Debug, Clone)]
pub struct Catalogue {
    entries: Value,
}

impl Catalogue {
    /// Reads a catalogue (a JSON object of entries).
    pub fn parse(json: &str) -> Result<Catalogue, JsonError> {
        Value::parse(json).map(|entries| Catalogue { entries })
    }

    /// Whether the catalogue has an entry for `code`.
    pub fn has(&self, code: &str) -> bool {
        self.entries.get(code).is_some()
    }

    /// The message in words, English plural rules (`one` for 1, else `other`). An unknown code is
    /// written as itself, so a missing entry shows rather than hides what happened.
    pub fn format(&self, message: &Message) -> String {
        let count = match message.arg("count") {
            Some(Arg::Number(count)) => Some(*count),
            _ => None,
        };
        let template = match self.entries.get(message.code) {
            Some(Value::String(text)) => text.as_str(),
            Some(forms @ Value::Object(_)) => {
                let category = if count == Some(1) { "one" } else { "other" };
                forms.get(category).or_else(|| forms.get("other")).and_then(Value::as_str).unwrap_or(message.code)
            }
            _ => message.code,
        };
        let mut out = String::with_capacity(template.len());
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let Some(close) = after.find('}') else {
                rest = &rest[open..];
                break;
            };
            let name = &after[..close];
            match message.arg(name) {
                Some(Arg::Number(value)) => push_decimal(&mut out, *value),
                Some(Arg::Text(text)) => out.push_str(text),
                Some(Arg::Message(inner)) => out.push_str(&self.format(inner)),
                None => {
                    out.push('{');
                    out.push_str(name);
                    out.push('}');
                }
            }
            rest = &after[close + 1..];
        }
        out.push_str(rest);
        out
    }
}

/// The English catalogue, `locales/en.json`, the one the renderer bundles.
pub const ENGLISH: &str = include_str!("../locales/en.json");

/// A message in English (for the CLI, native users and `Display`).
///
/// ```
/// use scope_selector_core::message::{english, Message};
/// assert_eq!(english(&Message::new("link.unknownActions").number("count", 1)), "1 action in the link was not found in this guide");
/// ```
pub fn english(message: &Message) -> String {
    use std::sync::OnceLock;
    static CATALOGUE: OnceLock<Option<Catalogue>> = OnceLock::new();
    match CATALOGUE.get_or_init(|| Catalogue::parse(ENGLISH).ok()) {
        Some(catalogue) => catalogue.format(message),
        None => message.code.to_owned(),
    }
}

/// Writes a described value in English, for `Display` implementations.
pub fn write_english(value: &impl Describe, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    f.write_str(&english(&value.describe()))
}
