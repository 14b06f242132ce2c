//! A small JSON reader (RFC 8259), the one every table, option and page setting goes through: in
//! the browser the text is copied into wasm memory once and read here, and the CLI reads files the
//! same way, so both accept and reject exactly the same documents.
//!
//! It is a pull reader: callers ask for the shape they expect and skip what they do not use
//! without building it, which keeps a 100,000-action table from turning into a tree of values.
//! Strings without escapes are borrowed from the text. Nesting is followed with a counter, never
//! with recursion, so hostile depth cannot exhaust the stack. Numbers are checked but kept as
//! text: nothing here needs their value (and parsing floats would add kilobytes to the wasm).
//! [`Value`] builds a whole (small) document for settings such as presets and strings.
//!
//! Chosen over serde_json for the wasm build: serde_json and its float parsing cost about 19 KB
//! gzipped there, this reader a few; it is fuzzed (`fuzz/fuzz_targets/json.rs`) and tested
//! against serde_json on arbitrary documents (`crates/core/tests/json.rs`).

use crate::message::{write_english, Describe, Message};
use std::borrow::Cow;
use std::fmt;

/// The kind of a JSON value, for messages ("found a number").
///
/// ```
/// use scope_selector_core::json::Kind;
/// assert_eq!(Kind::Number.describe().code, "kind.number");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `null`
    Null,
    /// `true` or `false`
    Boolean,
    /// A number.
    Number,
    /// A string.
    String,
    /// An array.
    Array,
    /// An object.
    Object,
}

impl Kind {
    /// The kind as a message ("a number": `kind.number`).
    ///
    /// ```
    /// use scope_selector_core::json::Kind;
    /// assert_eq!(Kind::Object.describe().code, "kind.object");
    /// ```
    pub fn describe(self) -> Message {
        Message::new(match self {
            Kind::Null => "kind.null",
            Kind::Boolean => "kind.boolean",
            Kind::Number => "kind.number",
            Kind::String => "kind.string",
            Kind::Array => "kind.array",
            Kind::Object => "kind.object",
        })
    }
}

/// What is wrong with a text that is not JSON (its message: [`Problem::describe`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// "the text is empty"
    Empty,
    /// "the text ends where a value was expected"
    EndsBeforeValue,
    /// "expected a value"
    ExpectedValue,
    /// "expected a string"
    ExpectedString,
    /// "a control character must be escaped in a string"
    UnescapedControl,
    /// "the text ends inside a string"
    EndsInString,
    /// "unknown escape in a string"
    UnknownEscape,
    /// "expected four hex digits after \u"
    ExpectedHexDigits,
    /// "expected digits after the decimal point"
    ExpectedFraction,
    /// "expected digits in the exponent"
    ExpectedExponent,
    /// "the text ends inside an array"
    EndsInArray,
    /// "expected ',' or ']' after an array item"
    AfterArrayItem,
    /// "the text ends inside an object"
    EndsInObject,
    /// "expected ',' or '}' after an object member"
    AfterObjectMember,
    /// "expected a key (a string)"
    ExpectedKey,
    /// "expected ':' after a key"
    ExpectedColon,
    /// "unexpected text after the value"
    TextAfterValue,
    /// "expected an object"
    ExpectedObject,
    /// "expected an array"
    ExpectedArray,
}

impl Problem {
    /// The problem as a message (`json.expectedColon`: "expected ':' after a key").
    ///
    /// ```
    /// use scope_selector_core::json::Problem;
    /// assert_eq!(Problem::ExpectedColon.describe().code, "json.expectedColon");
    /// ```
    pub fn describe(self) -> Message {
        Message::new(match self {
            Problem::Empty => "json.empty",
            Problem::EndsBeforeValue => "json.endsBeforeValue",
            Problem::ExpectedValue => "json.expectedValue",
            Problem::ExpectedString => "json.expectedString",
            Problem::UnescapedControl => "json.unescapedControl",
            Problem::EndsInString => "json.endsInString",
            Problem::UnknownEscape => "json.unknownEscape",
            Problem::ExpectedHexDigits => "json.expectedHexDigits",
            Problem::ExpectedFraction => "json.expectedFraction",
            Problem::ExpectedExponent => "json.expectedExponent",
            Problem::EndsInArray => "json.endsInArray",
            Problem::AfterArrayItem => "json.afterArrayItem",
            Problem::EndsInObject => "json.endsInObject",
            Problem::AfterObjectMember => "json.afterObjectMember",
            Problem::ExpectedKey => "json.expectedKey",
            Problem::ExpectedColon => "json.expectedColon",
            Problem::TextAfterValue => "json.textAfterValue",
            Problem::ExpectedObject => "json.expectedObject",
            Problem::ExpectedArray => "json.expectedArray",
        })
    }
}

/// Text that is not JSON: what was expected, and where (byte offset, 1-based line and column).
///
/// ```
/// use scope_selector_core::json::Value;
/// let error = Value::parse("[1,\n 2,]").unwrap_err();
/// assert_eq!((error.line, error.column), (2, 4));
/// assert_eq!(error.to_string(), "expected a value at line 2, column 4");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError {
    /// What the reader expected or found.
    pub problem: Problem,
    /// Byte offset of the problem in the text.
    pub offset: usize,
    /// 1-based line of the problem.
    pub line: usize,
    /// 1-based column (in characters) of the problem.
    pub column: usize,
}

impl JsonError {
    fn at(text: &str, offset: usize, problem: Problem) -> JsonError {
        let (line, column) = line_and_column(text, offset);
        JsonError { problem, offset, line, column }
    }

    /// The problem and where it is (`json.error`: "expected ':' after a key at line 1, column 7").
    ///
    /// ```
    /// use scope_selector_core::json::Value;
    /// use scope_selector_core::message::english;
    /// assert_eq!(english(&Value::parse("").unwrap_err().describe()), "the text is empty at line 1, column 1");
    /// ```
    pub fn describe(&self) -> Message {
        Message::new("json.error")
            .message("problem", self.problem.describe())
            .number("line", self.line)
            .number("column", self.column)
    }
}

impl Describe for JsonError {
    fn describe(&self) -> Message {
        JsonError::describe(self)
    }
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_english(self, f)
    }
}

impl std::error::Error for JsonError {}

/// The 1-based line and column (in characters) of byte `offset` of `text`.
///
/// ```
/// use scope_selector_core::json::line_and_column;
/// assert_eq!(line_and_column("ab\ncd", 4), (2, 2));
/// ```
pub fn line_and_column(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or(text);
    let line_start = before.bytes().rposition(|byte| byte == b'\n').map_or(0, |at| at + 1);
    let line = before.bytes().filter(|&byte| byte == b'\n').count() + 1;
    (line, before.get(line_start..).map_or(0, |rest| rest.chars().count()) + 1)
}

/// A pull reader over one JSON document.
///
/// ```
/// use scope_selector_core::json::{Kind, Reader};
/// let mut reader = Reader::new(r#"{"a": [1, "x"], "b": true}"#);
/// reader.begin_object().unwrap();
/// assert_eq!(reader.next_key().unwrap().as_deref(), Some("a"));
/// reader.skip().unwrap();
/// assert_eq!(reader.next_key().unwrap().as_deref(), Some("b"));
/// assert_eq!(reader.peek().unwrap(), Kind::Boolean);
/// reader.skip().unwrap();
/// assert_eq!(reader.next_key().unwrap(), None);
/// reader.finish().unwrap();
/// ```
pub struct Reader<'a> {
    text: &'a str,
    at: usize,
    /// The arrays and objects opened by `begin_*` and not closed yet, innermost last.
    open: Vec<Open>,
}

/// An array or object being read.
#[derive(Clone, Copy)]
struct Open {
    object: bool,
    /// Whether an item or member was read (so the next one must follow a comma).
    started: bool,
}

impl<'a> Reader<'a> {
    /// A reader at the start of `text` (a leading byte-order mark is skipped).
    ///
    /// ```
    /// use scope_selector_core::json::{Kind, Reader};
    /// assert_eq!(Reader::new("\u{feff} [ ]").peek().unwrap(), Kind::Array);
    /// ```
    pub fn new(text: &'a str) -> Reader<'a> {
        let at = if text.starts_with('\u{feff}') { '\u{feff}'.len_utf8() } else { 0 };
        Reader { text, at, open: Vec::new() }
    }

    /// Byte offset of the next value (after white space).
    ///
    /// ```
    /// use scope_selector_core::json::Reader;
    /// assert_eq!(Reader::new("  1").offset(), 2);
    /// ```
    pub fn offset(&mut self) -> usize {
        self.skip_space();
        self.at
    }

    fn error(&self, problem: Problem) -> JsonError {
        JsonError::at(self.text, self.at, problem)
    }

    fn byte(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn skip_space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.byte() {
            self.at += 1;
        }
    }

    /// The kind of the next value, without reading it.
    ///
    /// ```
    /// use scope_selector_core::json::{Kind, Reader};
    /// assert_eq!(Reader::new(" -1.5e3").peek().unwrap(), Kind::Number);
    /// assert!(Reader::new("]").peek().is_err());
    /// ```
    pub fn peek(&mut self) -> Result<Kind, JsonError> {
        self.skip_space();
        match self.byte() {
            Some(b'{') => Ok(Kind::Object),
            Some(b'[') => Ok(Kind::Array),
            Some(b'"') => Ok(Kind::String),
            Some(b'-' | b'0'..=b'9') => Ok(Kind::Number),
            Some(b't' | b'f') => Ok(Kind::Boolean),
            Some(b'n') => Ok(Kind::Null),
            None if self.at == 0 || self.text.trim().is_empty() => Err(self.error(Problem::Empty)),
            None => Err(self.error(Problem::EndsBeforeValue)),
            Some(_) => Err(self.error(Problem::ExpectedValue)),
        }
    }

    /// Reads a string value (escapes decoded; a lone surrogate escape becomes U+FFFD, as the
    /// browser's text encoding would make it).
    ///
    /// ```
    /// use scope_selector_core::json::Reader;
    /// assert_eq!(Reader::new(r#""a\u00e9\n""#).string().unwrap(), "aé\n");
    /// ```
    pub fn string(&mut self) -> Result<Cow<'a, str>, JsonError> {
        self.skip_space();
        if self.byte() != Some(b'"') {
            return Err(self.error(Problem::ExpectedString));
        }
        self.at += 1;
        let start = self.at;
        let bytes = self.text.as_bytes();
        // The common case: no escapes, borrowed as it is.
        while let Some(&byte) = bytes.get(self.at) {
            match byte {
                b'"' => {
                    self.at += 1;
                    return Ok(Cow::Borrowed(&self.text[start..self.at - 1]));
                }
                b'\\' => break,
                0..=0x1f => return Err(self.error(Problem::UnescapedControl)),
                _ => self.at += 1,
            }
        }
        let mut owned = String::from(&self.text[start..self.at]);
        loop {
            match self.byte() {
                None => return Err(self.error(Problem::EndsInString)),
                Some(b'"') => {
                    self.at += 1;
                    return Ok(Cow::Owned(owned));
                }
                Some(b'\\') => {
                    self.at += 1;
                    let escaped = match self.byte() {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.at += 1;
                            owned.push(self.unicode_escape()?);
                            continue;
                        }
                        _ => return Err(self.error(Problem::UnknownEscape)),
                    };
                    self.at += 1;
                    owned.push(escaped);
                }
                Some(0..=0x1f) => return Err(self.error(Problem::UnescapedControl)),
                Some(_) => {
                    // Copy the run up to the next quote or backslash at once.
                    let run = self.at;
                    while let Some(byte) = self.byte() {
                        if byte == b'"' || byte == b'\\' || byte < 0x20 {
                            break;
                        }
                        self.at += 1;
                    }
                    owned.push_str(&self.text[run..self.at]);
                }
            }
        }
    }

    /// The four hex digits after `\u` (and a low surrogate's after a high one).
    fn unicode_escape(&mut self) -> Result<char, JsonError> {
        let first = self.hex4()?;
        if (0xd800..0xdc00).contains(&first) && self.text.as_bytes().get(self.at..self.at + 2) == Some(b"\\u") {
            let resume = self.at;
            self.at += 2;
            let second = self.hex4()?;
            if (0xdc00..0xe000).contains(&second) {
                let code = 0x10000 + ((first - 0xd800) << 10) + (second - 0xdc00);
                return Ok(char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER));
            }
            self.at = resume;
        }
        Ok(char::from_u32(first).unwrap_or(char::REPLACEMENT_CHARACTER))
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        let mut code = 0;
        for _ in 0..4 {
            let digit = self.byte().and_then(|byte| char::from(byte).to_digit(16));
            let Some(digit) = digit else { return Err(self.error(Problem::ExpectedHexDigits)) };
            code = code * 16 + digit;
            self.at += 1;
        }
        Ok(code)
    }

    /// Consumes a literal (`true`, `false`, `null`) or a number, checking its syntax.
    fn scalar(&mut self) -> Result<(), JsonError> {
        for literal in ["true", "false", "null"] {
            if self.text[self.at..].starts_with(literal) {
                self.at += literal.len();
                return Ok(());
            }
        }
        self.number().map(drop)
    }

    /// Consumes a number; gives its text.
    fn number(&mut self) -> Result<&'a str, JsonError> {
        let start = self.at;
        let digits = |reader: &mut Reader<'_>| {
            let from = reader.at;
            while let Some(b'0'..=b'9') = reader.byte() {
                reader.at += 1;
            }
            reader.at > from
        };
        if self.byte() == Some(b'-') {
            self.at += 1;
        }
        if self.byte() == Some(b'0') {
            self.at += 1;
        } else if !digits(self) {
            return Err(self.error(Problem::ExpectedValue));
        }
        if self.byte() == Some(b'.') {
            self.at += 1;
            if !digits(self) {
                return Err(self.error(Problem::ExpectedFraction));
            }
        }
        if let Some(b'e' | b'E') = self.byte() {
            self.at += 1;
            if let Some(b'+' | b'-') = self.byte() {
                self.at += 1;
            }
            if !digits(self) {
                return Err(self.error(Problem::ExpectedExponent));
            }
        }
        Ok(&self.text[start..self.at])
    }

    /// Consumes the `[` of an array; then call [`Reader::next_item`] before each item.
    ///
    /// ```
    /// use scope_selector_core::json::Reader;
    /// let mut reader = Reader::new("[1, 2]");
    /// reader.begin_array().unwrap();
    /// let mut items = 0;
    /// while reader.next_item().unwrap() {
    ///     reader.skip().unwrap();
    ///     items += 1;
    /// }
    /// assert_eq!(items, 2);
    /// ```
    pub fn begin_array(&mut self) -> Result<(), JsonError> {
        self.open(b'[', Problem::ExpectedArray)
    }

    /// Consumes the `{` of an object; then call [`Reader::next_key`] before each value.
    ///
    /// ```
    /// use scope_selector_core::json::Reader;
    /// let mut reader = Reader::new("{}");
    /// reader.begin_object().unwrap();
    /// assert_eq!(reader.next_key().unwrap(), None);
    /// ```
    pub fn begin_object(&mut self) -> Result<(), JsonError> {
        self.open(b'{', Problem::ExpectedObject)
    }

    fn open(&mut self, bracket: u8, problem: Problem) -> Result<(), JsonError> {
        self.skip_space();
        if self.byte() != Some(bracket) {
            return Err(self.error(problem));
        }
        self.at += 1;
        self.open.push(Open { object: bracket == b'{', started: false });
        Ok(())
    }

    /// Whether another item follows in the array opened last (consuming the `,` or the `]`).
    ///
    /// ```
    /// use scope_selector_core::json::Reader;
    /// let mut reader = Reader::new("[1 2]");
    /// reader.begin_array().unwrap();
    /// assert!(reader.next_item().unwrap());
    /// reader.skip().unwrap();
    /// assert_eq!(reader.next_item().unwrap_err().problem, scope_selector_core::json::Problem::AfterArrayItem);
    /// ```
    pub fn next_item(&mut self) -> Result<bool, JsonError> {
        let more = self.next_member(b']', Problem::EndsInArray, Problem::AfterArrayItem)?;
        if more {
            self.peek()?;
        }
        Ok(more)
    }

    /// Whether another item or member follows in the container opened last: consumes its
    /// closing bracket `close` (and closes it) or the `,` before the next one.
    fn next_member(&mut self, close: u8, ends: Problem, expected: Problem) -> Result<bool, JsonError> {
        self.skip_space();
        let started = self.open.last().is_none_or(|open| open.started);
        match self.byte() {
            Some(byte) if byte == close => {
                self.at += 1;
                self.open.pop();
                return Ok(false);
            }
            Some(b',') if started => self.at += 1,
            None => return Err(self.error(ends)),
            _ if started => return Err(self.error(expected)),
            _ => {}
        }
        if let Some(open) = self.open.last_mut() {
            open.started = true;
        }
        Ok(true)
    }

    /// The next key of the object opened last, with its `:` consumed (`None` at the `}`).
    ///
    /// ```
    /// use scope_selector_core::json::Reader;
    /// let mut reader = Reader::new(r#"{"a" 1}"#);
    /// reader.begin_object().unwrap();
    /// assert_eq!(reader.next_key().unwrap_err().problem, scope_selector_core::json::Problem::ExpectedColon);
    /// ```
    pub fn next_key(&mut self) -> Result<Option<Cow<'a, str>>, JsonError> {
        if !self.next_member(b'}', Problem::EndsInObject, Problem::AfterObjectMember)? {
            return Ok(None);
        }
        self.skip_space();
        if self.byte() != Some(b'"') {
            return Err(self.error(Problem::ExpectedKey));
        }
        let key = self.string()?;
        self.skip_space();
        if self.byte() != Some(b':') {
            return Err(self.error(Problem::ExpectedColon));
        }
        self.at += 1;
        self.peek()?;
        Ok(Some(key))
    }

    /// Reads past the next value, whatever it is, checking its syntax without building it.
    ///
    /// ```
    /// use scope_selector_core::json::Reader;
    /// let deep = "[".repeat(100_000) + &"]".repeat(100_000);
    /// let mut reader = Reader::new(&deep);
    /// reader.skip().unwrap();
    /// reader.finish().unwrap();
    /// ```
    pub fn skip(&mut self) -> Result<(), JsonError> {
        let depth = self.open.len();
        loop {
            // One value, or the opening of a container (whose items the loop then reads).
            match self.peek()? {
                Kind::Array => self.begin_array()?,
                Kind::Object => self.begin_object()?,
                Kind::String => drop(self.string()?),
                _ => self.scalar()?,
            }
            // Close containers until one has another item to read, or the value is done.
            loop {
                let Some(open) = self.open.get(depth..).and_then(<[Open]>::last).copied() else {
                    return Ok(());
                };
                let more = if open.object { self.next_key()?.is_some() } else { self.next_item()? };
                if more {
                    break;
                }
            }
        }
    }

    /// Checks that nothing but white space follows the document.
    ///
    /// ```
    /// use scope_selector_core::json::Reader;
    /// let mut reader = Reader::new("1 2");
    /// reader.skip().unwrap();
    /// assert_eq!(reader.finish().unwrap_err().problem, scope_selector_core::json::Problem::TextAfterValue);
    /// ```
    pub fn finish(&mut self) -> Result<(), JsonError> {
        self.skip_space();
        match self.byte() {
            None => Ok(()),
            Some(_) => Err(self.error(Problem::TextAfterValue)),
        }
    }
}

/// A whole JSON document, for the small settings a page gives (presets, strings, scope names).
/// Tables are read with [`Reader`] instead, without building a value per field.
///
/// ```
/// use scope_selector_core::json::Value;
/// let value = Value::parse(r#"{"label": "Read-only", "scopes": ["a", "b"]}"#).unwrap();
/// assert_eq!(value.get("label").and_then(Value::as_str), Some("Read-only"));
/// assert_eq!(value.get("scopes").and_then(Value::as_array).map(<[Value]>::len), Some(2));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// `null`
    Null,
    /// `true` or `false`
    Bool(bool),
    /// A number, as written.
    Number(String),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Value>),
    /// An object's members in document order (a repeated key keeps every member; [`Value::get`]
    /// finds the last, as `JSON.parse` keeps the last).
    Object(Vec<(String, Value)>),
}

impl Value {
    /// Reads a whole document.
    ///
    /// ```
    /// use scope_selector_core::json::Value;
    /// assert_eq!(Value::parse(" [true, null] ").unwrap(), Value::Array(vec![Value::Bool(true), Value::Null]));
    /// assert!(Value::parse("[true,]").is_err());
    /// ```
    pub fn parse(text: &str) -> Result<Value, JsonError> {
        let mut reader = Reader::new(text);
        // Containers being filled, innermost last, each with the key it will be stored under.
        let mut stack: Vec<(Value, Option<String>)> = Vec::new();
        let mut key: Option<String> = None;
        loop {
            let mut value = match reader.peek()? {
                Kind::Array => {
                    reader.begin_array()?;
                    stack.push((Value::Array(Vec::new()), key.take()));
                    None
                }
                Kind::Object => {
                    reader.begin_object()?;
                    stack.push((Value::Object(Vec::new()), key.take()));
                    None
                }
                Kind::String => Some(Value::String(reader.string()?.into_owned())),
                Kind::Number => Some(Value::Number(reader.number()?.to_owned())),
                Kind::Boolean => {
                    let value = reader.text[reader.at..].starts_with("true");
                    reader.scalar()?;
                    Some(Value::Bool(value))
                }
                Kind::Null => {
                    reader.scalar()?;
                    Some(Value::Null)
                }
            };
            // Store the value in its container, and close the containers that end after it.
            loop {
                let Some((container, _)) = stack.last_mut() else {
                    reader.finish()?;
                    return Ok(value.unwrap_or(Value::Null));
                };
                let more = match container {
                    Value::Array(items) => {
                        items.extend(value.take());
                        reader.next_item()?
                    }
                    Value::Object(members) => {
                        if let (Some(member), Some(name)) = (value.take(), key.take()) {
                            members.push((name, member));
                        }
                        match reader.next_key()? {
                            Some(name) => {
                                key = Some(name.into_owned());
                                true
                            }
                            None => false,
                        }
                    }
                    _ => false,
                };
                if more {
                    break;
                }
                if let Some((done, its_key)) = stack.pop() {
                    value = Some(done);
                    key = its_key;
                }
            }
        }
    }

    /// The kind of this value.
    ///
    /// ```
    /// use scope_selector_core::json::{Kind, Value};
    /// assert_eq!(Value::parse("{}").unwrap().kind(), Kind::Object);
    /// ```
    pub fn kind(&self) -> Kind {
        match self {
            Value::Null => Kind::Null,
            Value::Bool(_) => Kind::Boolean,
            Value::Number(_) => Kind::Number,
            Value::String(_) => Kind::String,
            Value::Array(_) => Kind::Array,
            Value::Object(_) => Kind::Object,
        }
    }

    /// The text of a string value.
    ///
    /// ```
    /// use scope_selector_core::json::Value;
    /// assert_eq!(Value::parse(r#""x""#).unwrap().as_str(), Some("x"));
    /// assert_eq!(Value::parse("1").unwrap().as_str(), None);
    /// ```
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(text) => Some(text),
            _ => None,
        }
    }

    /// The items of an array value.
    ///
    /// ```
    /// use scope_selector_core::json::Value;
    /// assert_eq!(Value::parse("[1]").unwrap().as_array().map(<[Value]>::len), Some(1));
    /// ```
    pub fn as_array(&self) -> Option<&[Value]> {
        match self {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    /// The members of an object value.
    ///
    /// ```
    /// use scope_selector_core::json::Value;
    /// let value = Value::parse(r#"{"a": 1}"#).unwrap();
    /// assert_eq!(value.as_object().map(|members| members[0].0.as_str()), Some("a"));
    /// ```
    pub fn as_object(&self) -> Option<&[(String, Value)]> {
        match self {
            Value::Object(members) => Some(members),
            _ => None,
        }
    }

    /// The value of the last member named `key` of an object value.
    ///
    /// ```
    /// use scope_selector_core::json::Value;
    /// let value = Value::parse(r#"{"a": 1, "a": 2}"#).unwrap();
    /// assert_eq!(value.get("a"), Some(&Value::Number("2".into())));
    /// ```
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.as_object()?.iter().rev().find(|(name, _)| name == key).map(|(_, value)| value)
    }
}

/// Appends `text` as a JSON string literal.
///
/// ```
/// use scope_selector_core::json::push_string;
/// let mut out = String::new();
/// push_string(&mut out, "é\"b\\\n\u{1}ü");
/// assert_eq!(out, r#""é\"b\\\n\u0001ü""#);
/// ```
pub fn push_string(out: &mut String, text: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    // The text between escapes is copied a run at a time (character by character, a choice of
    // 5,000 ids took a millisecond); every byte escaped is ASCII, so runs end on characters.
    let mut run = 0;
    for (at, byte) in text.bytes().enumerate() {
        let escape = match byte {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0..0x20 => "\\u00",
            _ => continue,
        };
        out.push_str(text.get(run..at).unwrap_or_default());
        out.push_str(escape);
        if escape.len() == 4 {
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 15)]));
        }
        run = at + 1;
    }
    out.push_str(text.get(run..).unwrap_or_default());
    out.push('"');
}

/// `items` as JSON strings with `separator` between them (the inside of an array).
///
/// ```
/// use scope_selector_core::json::push_strings;
/// let mut out = String::from("[");
/// push_strings(&mut out, ["a", "b"], ", ");
/// assert_eq!(out, "[\"a\", \"b\"");
/// ```
pub fn push_strings<'a>(out: &mut String, items: impl IntoIterator<Item = &'a str>, separator: &str) {
    for (at, item) in items.into_iter().enumerate() {
        if at > 0 {
            out.push_str(separator);
        }
        push_string(out, item);
    }
}
