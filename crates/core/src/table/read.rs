//! Reading a table from JSON text: every entry is checked as it is read, valid ones go straight
//! into the table, and each problem or repair is reported with its index, field and place in the
//! text. The widget stops at the first error; `scope-selector check` lists them all.
//!
//! Shape tolerance: a table is an array of actions, or an object whose `actions` member is that
//! array (beside optional `scopeLabels`). An action is an object with `id`, `label` and `scopes`
//! (and an optional `group` and `alternatives`); other members are skipped without being built,
//! whatever their depth.
//!
//! `alternatives` is an array of further scope sets (arrays of strings). Their blank scopes are
//! left out with a notice, as in `scopes`; an alternative naming the same scopes as `scopes` or as
//! an earlier alternative changes nothing and is left out with a notice (it is most likely a slip
//! the author wants to hear about). An alternative left empty needs no scope.

use super::error::{EntryProblem, Field, TableError, TableNotice};
use super::{Builder, Entry, Table};
use crate::guide_url::is_id_separator;
use crate::json::{JsonError, Kind, Reader};
use std::borrow::Cow;

/// A value reported at a place in the JSON text.
///
/// ```
/// use scope_selector_core::table::read;
/// let reading = read("[\n  5\n]");
/// assert_eq!(reading.errors[0].offset, 4);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located<T> {
    /// Byte offset in the text: where the entry (or the syntax error) is.
    pub offset: usize,
    /// What is reported.
    pub value: T,
}

/// Everything reading a table found.
///
/// ```
/// use scope_selector_core::table::read;
/// let reading = read(r#"[{"id": "a", "label": "A", "scopes": []}, {"id": 1}]"#);
/// assert!(reading.table.is_none());
/// let messages: Vec<String> = reading.errors.iter().map(|error| error.value.to_string()).collect();
/// assert_eq!(messages, ["action at index 1: \"id\" must be a string, found a number"]);
/// ```
#[derive(Debug, Clone)]
pub struct Reading {
    /// The table, when nothing is wrong with it.
    pub table: Option<Table>,
    /// Everything wrong, in text order (only the syntax error, when the text is not JSON).
    pub errors: Vec<Located<TableError>>,
    /// What was repaired, in text order.
    pub notices: Vec<Located<TableNotice>>,
}

/// A string as read, or the kind of value found instead.
type Shaped<'a> = Result<Cow<'a, str>, Kind>;

/// A field as read: absent, the wrong kind, or its text.
type RawField<'a> = Option<Shaped<'a>>;

/// A list of strings as read, or the kind of value found instead.
type RawList<'a> = Result<Vec<Shaped<'a>>, Kind>;

/// One action object's fields as read.
#[derive(Default)]
struct RawEntry<'a> {
    id: RawField<'a>,
    label: RawField<'a>,
    group: RawField<'a>,
    scopes: Option<RawList<'a>>,
    alternatives: Option<Result<Vec<RawList<'a>>, Kind>>,
}

/// Reads table JSON. See [`Reading`].
///
/// ```
/// use scope_selector_core::table::read;
/// let reading = read(r#"[{"id": "a", "label": "A", "scopes": ["s"]}, {"id": "a", "label": "B", "scopes": []}]"#);
/// assert_eq!(reading.table.map(|table| table.len()), Some(1));
/// assert_eq!(reading.notices[0].value.to_string(), "action at index 1 repeats the id \"a\" of index 0 and was left out");
/// ```
pub fn read(text: &str) -> Reading {
    let mut reading = Reading { table: None, errors: Vec::new(), notices: Vec::new() };
    let mut reader = Reader::new(text);
    if let Err(error) = read_document(&mut reader, &mut reading, text.len()).and_then(|()| reader.finish()) {
        // Text that is not JSON: nothing else read from it can be trusted.
        reading = Reading {
            table: None,
            errors: vec![Located { offset: error.offset, value: TableError::Syntax(error) }],
            notices: Vec::new(),
        };
    }
    if !reading.errors.is_empty() {
        reading.table = None;
    }
    reading
}

fn read_document(reader: &mut Reader<'_>, reading: &mut Reading, json_len: usize) -> Result<(), JsonError> {
    let start = reader.offset();
    let mut builder = Builder::new(json_len);
    match reader.peek()? {
        Kind::Array => read_actions(reader, reading, &mut builder)?,
        Kind::Object => {
            let mut found_actions = false;
            reader.begin_object()?;
            while let Some(key) = reader.next_key()? {
                match key.as_ref() {
                    "actions" if reader.peek()? == Kind::Array => {
                        found_actions = true;
                        read_actions(reader, reading, &mut builder)?;
                    }
                    "actions" => {
                        found_actions = true;
                        let offset = reader.offset();
                        let kind = reader.peek()?;
                        reader.skip()?;
                        reading.errors.push(Located { offset, value: TableError::NotAnArray(kind) });
                    }
                    "scopeLabels" => read_scope_labels(reader, reading, &mut builder)?,
                    _ => reader.skip()?,
                }
            }
            if !found_actions {
                reading.errors.push(Located { offset: start, value: TableError::NotAnArray(Kind::Object) });
            }
        }
        kind => {
            reader.skip()?;
            reading.errors.push(Located { offset: start, value: TableError::NotAnArray(kind) });
        }
    }
    let table = builder.finish();
    if table.is_empty() && reading.errors.is_empty() {
        reading.errors.push(Located { offset: start, value: TableError::Empty });
    }
    reading.table = Some(table);
    Ok(())
}

fn read_actions(reader: &mut Reader<'_>, reading: &mut Reading, builder: &mut Builder) -> Result<(), JsonError> {
    reader.begin_array()?;
    let mut index = 0;
    while reader.next_item()? {
        let offset = reader.offset();
        let raw = read_entry(reader)?;
        match check(index, raw, offset, &mut reading.notices) {
            Ok(raw) if reading.errors.is_empty() => {
                let entry = Entry {
                    id: trimmed(&raw.id),
                    label: trimmed(&raw.label),
                    group: trimmed(&raw.group),
                    scopes: scope_texts(&raw),
                    alternatives: alternative_texts(&raw).0,
                };
                let entry = Entry { label: if entry.label.is_empty() { entry.id } else { entry.label }, ..entry };
                if let Some(notice) = builder.add(index, entry) {
                    reading.notices.push(Located { offset, value: notice });
                }
            }
            // Once the table is known to be rejected, entries are only checked.
            Ok(_) => {}
            Err(problem) => reading.errors.push(Located { offset, value: TableError::Entry { index, problem } }),
        }
        index += 1;
    }
    Ok(())
}

/// The text of a field that passed its checks, trimmed (empty when absent).
fn trimmed<'a>(field: &'a RawField<'_>) -> &'a str {
    match field {
        Some(Ok(text)) => text.trim(),
        _ => "",
    }
}

/// The non-blank scopes of a list that passed its checks, trimmed.
fn non_blank<'a>(scopes: &'a [Shaped<'_>]) -> Vec<&'a str> {
    scopes.iter().flatten().map(|scope| scope.trim()).filter(|scope| !scope.is_empty()).collect()
}

/// The non-blank scopes of an entry that passed its checks, trimmed.
fn scope_texts<'a>(raw: &'a RawEntry<'_>) -> Vec<&'a str> {
    match &raw.scopes {
        Some(Ok(scopes)) => non_blank(scopes),
        _ => Vec::new(),
    }
}

/// The further alternatives of an entry that passed its checks: each one's non-blank scopes,
/// trimmed, without the alternatives that repeat `scopes` or an earlier one (whose positions in
/// `alternatives` come second).
fn alternative_texts<'a>(raw: &'a RawEntry<'_>) -> (Vec<Vec<&'a str>>, Vec<usize>) {
    let Some(Ok(alternatives)) = &raw.alternatives else { return (Vec::new(), Vec::new()) };
    // Compared as sets (order and repeats do not count) without sorting: alternatives are short,
    // and a sort of strings would add its own code to the wasm.
    let same =
        |a: &[&str], b: &[&str]| a.iter().all(|scope| b.contains(scope)) && b.iter().all(|scope| a.contains(scope));
    let mut seen = vec![scope_texts(raw)];
    let (mut kept, mut repeated) = (Vec::new(), Vec::new());
    for (position, alternative) in alternatives.iter().enumerate() {
        let Ok(scopes) = alternative else { continue };
        let scopes = non_blank(scopes);
        if seen.iter().any(|earlier| same(earlier, &scopes)) {
            repeated.push(position);
            continue;
        }
        kept.push(scopes.clone());
        seen.push(scopes);
    }
    (kept, repeated)
}

/// An array of strings (its other items reported by kind), or the kind of value found instead
/// of the array: `scopes`, or one of the `alternatives`.
fn read_list<'a>(reader: &mut Reader<'a>) -> Result<RawList<'a>, JsonError> {
    let kind = reader.peek()?;
    if kind != Kind::Array {
        reader.skip()?;
        return Ok(Err(kind));
    }
    let mut strings = Vec::new();
    reader.begin_array()?;
    while reader.next_item()? {
        strings.push(read_string(reader)?);
    }
    Ok(Ok(strings))
}

/// Reads one item of the actions array, whatever its kind.
fn read_entry<'a>(reader: &mut Reader<'a>) -> Result<Result<RawEntry<'a>, Kind>, JsonError> {
    let kind = reader.peek()?;
    if kind != Kind::Object {
        reader.skip()?;
        return Ok(Err(kind));
    }
    let mut entry = RawEntry::default();
    reader.begin_object()?;
    // A repeated member replaces the earlier one, as `JSON.parse` does.
    while let Some(key) = reader.next_key()? {
        match key.as_ref() {
            "id" => entry.id = Some(read_string(reader)?),
            "label" => entry.label = Some(read_string(reader)?),
            "group" => entry.group = Some(read_string(reader)?),
            "scopes" => entry.scopes = Some(read_list(reader)?),
            "alternatives" => entry.alternatives = Some(read_alternatives(reader)?),
            _ => reader.skip()?,
        }
    }
    Ok(Ok(entry))
}

/// An `alternatives` array: each item an array of strings, or the kind of value found instead;
/// or the kind of value found instead of the array.
fn read_alternatives<'a>(reader: &mut Reader<'a>) -> Result<Result<Vec<RawList<'a>>, Kind>, JsonError> {
    let kind = reader.peek()?;
    if kind != Kind::Array {
        reader.skip()?;
        return Ok(Err(kind));
    }
    let mut alternatives = Vec::new();
    reader.begin_array()?;
    while reader.next_item()? {
        alternatives.push(read_list(reader)?);
    }
    Ok(Ok(alternatives))
}

/// A string, or the kind of value found instead (skipped).
fn read_string<'a>(reader: &mut Reader<'a>) -> Result<Shaped<'a>, JsonError> {
    match reader.peek()? {
        Kind::String => Ok(Ok(reader.string()?)),
        kind => {
            reader.skip()?;
            Ok(Err(kind))
        }
    }
}

/// The entry's problem, if it has one; blank scopes and repeated alternatives are reported as
/// notices.
fn check<'a>(
    index: usize,
    raw: Result<RawEntry<'a>, Kind>,
    offset: usize,
    notices: &mut Vec<Located<TableNotice>>,
) -> Result<RawEntry<'a>, EntryProblem> {
    let raw = raw.map_err(EntryProblem::NotAnObject)?;
    let required = |field: Field, value: &RawField<'_>| match value {
        None => Err(EntryProblem::Missing(field)),
        Some(Err(found)) => Err(EntryProblem::WrongKind { field, found: *found }),
        Some(Ok(_)) => Ok(()),
    };
    required(Field::Id, &raw.id)?;
    let id = trimmed(&raw.id);
    if id.is_empty() {
        return Err(EntryProblem::EmptyId);
    }
    if id.contains(is_id_separator) {
        return Err(EntryProblem::IdHasSeparator);
    }
    required(Field::Label, &raw.label)?;
    // A group that cannot be one is a repair: the action is kept without a module.
    match &raw.group {
        Some(Err(found)) => {
            notices.push(Located { offset, value: TableNotice::GroupNotAString { index, found: *found } })
        }
        Some(Ok(group)) if group.trim().is_empty() => {
            notices.push(Located { offset, value: TableNotice::BlankGroup { index } })
        }
        _ => {}
    }
    match &raw.scopes {
        None => return Err(EntryProblem::Missing(Field::Scopes)),
        Some(Err(found)) => return Err(EntryProblem::WrongKind { field: Field::Scopes, found: *found }),
        Some(Ok(scopes)) => {
            for (position, scope) in scopes.iter().enumerate() {
                match scope {
                    Err(found) => return Err(EntryProblem::ScopeNotString { position, found: *found }),
                    Ok(scope) if scope.trim().is_empty() => {
                        notices.push(Located { offset, value: TableNotice::BlankScope { index, position } });
                    }
                    Ok(_) => {}
                }
            }
        }
    }
    check_alternatives(index, &raw, offset, notices)?;
    Ok(raw)
}

/// The problem of an entry's `alternatives`, if it has one; blank scopes and repeated
/// alternatives are reported as notices.
fn check_alternatives(
    index: usize,
    raw: &RawEntry<'_>,
    offset: usize,
    notices: &mut Vec<Located<TableNotice>>,
) -> Result<(), EntryProblem> {
    match &raw.alternatives {
        None => {}
        Some(Err(found)) => return Err(EntryProblem::WrongKind { field: Field::Alternatives, found: *found }),
        Some(Ok(alternatives)) => {
            for (alternative, scopes) in alternatives.iter().enumerate() {
                let scopes =
                    scopes.as_ref().map_err(|&found| EntryProblem::AlternativeNotAnArray { alternative, found })?;
                for (position, scope) in scopes.iter().enumerate() {
                    match scope {
                        Err(found) => {
                            return Err(EntryProblem::AlternativeScopeNotString {
                                alternative,
                                position,
                                found: *found,
                            })
                        }
                        Ok(scope) if scope.trim().is_empty() => notices.push(Located {
                            offset,
                            value: TableNotice::BlankAlternativeScope { index, alternative, position },
                        }),
                        Ok(_) => {}
                    }
                }
            }
            for alternative in alternative_texts(raw).1 {
                notices.push(Located { offset, value: TableNotice::RepeatedAlternative { index, alternative } });
            }
        }
    }
    Ok(())
}

/// Reads `scopeLabels`: an object of display names by scope name. Members of the wrong kind are
/// left out with a notice.
fn read_scope_labels(reader: &mut Reader<'_>, reading: &mut Reading, builder: &mut Builder) -> Result<(), JsonError> {
    let offset = reader.offset();
    let kind = reader.peek()?;
    if kind != Kind::Object {
        reader.skip()?;
        reading.notices.push(Located { offset, value: TableNotice::ScopeLabelsNotAnObject(kind) });
        return Ok(());
    }
    reader.begin_object()?;
    while let Some(scope) = reader.next_key()? {
        let offset = reader.offset();
        match read_string(reader)? {
            Ok(label) if !label.trim().is_empty() && !scope.trim().is_empty() => {
                builder.scope_label(scope.trim(), label.trim());
            }
            Ok(_) => reading
                .notices
                .push(Located { offset, value: TableNotice::BlankScopeLabel { scope: scope.into_owned() } }),
            Err(found) => reading.notices.push(Located {
                offset,
                value: TableNotice::ScopeLabelNotAString { scope: scope.into_owned(), found },
            }),
        }
    }
    Ok(())
}
