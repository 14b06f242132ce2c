//! Case-insensitive search over label, id and scopes.
//!
//! The index is prepared once: every action's label, id and scopes are lower-cased into one
//! contiguous buffer, one line per action, fields split by tabs. A query is split into words; an
//! action matches when every word occurs in its line. Each line also has a mask of the kinds of
//! bytes it holds, so most lines that cannot hold a word are ruled out without being read. The first
//! word is looked for in every line; the others only in the survivors. When the new query
//! extends the previous one (typing letter by letter), only the previous result is re-checked, only
//! against the words that changed, and a word that grew is first tried where its shorter form
//! matched (remembered per result), which is where it almost always still matches.
//! Results are action indices in table order.
//!
//! Case folding is a parameter ([`Fold`]): the browser build uses the engine's own
//! `toLowerCase`, so no Unicode case tables ship in the wasm; native code uses `str::to_lowercase`.

use super::find::find;
use super::table::Table;
use crate::prelude::*;

/// Lower-cases text. It must keep tabs and newlines as they are (both JS and Rust lower-casing do).
pub type Fold = fn(&str) -> String;

/// A prepared search index for one table.
#[derive(Debug, Clone)]
pub struct SearchIndex {
    /// Lower-cased `label \t id \t scope \t scope … \n` for every action, in table order.
    text: Vec<u8>,
    /// Byte offset where each action's line starts, plus the end of the buffer.
    starts: Vec<u32>,
    /// The [`byte_mask`] of each line: a line can hold a word only if it has all of the word's bits.
    masks: Vec<u64>,
    fold: Fold,
    /// The last lower-cased query and its matches, reused when the next query extends it.
    last_query: String,
    last: Matches,
}

/// Matching actions (table order) and, for each, where the query's final word first occurs in
/// its line (empty when the query had no words).
#[derive(Debug, Clone, Default)]
struct Matches {
    actions: Vec<u32>,
    offsets: Vec<u32>,
}

impl Matches {
    fn push(&mut self, action: u32, offset: usize) {
        self.actions.push(action);
        self.offsets.push(offset as u32);
    }
}

/// Which kinds of bytes `bytes` holds: one bit for each ASCII letter and digit, the other bytes
/// sharing the remaining 28 bits. Testing these masks rules out most lines without reading them.
fn byte_mask(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0, |mask, &byte| {
        let bit = match byte {
            b'a'..=b'z' => byte - b'a',
            b'0'..=b'9' => 26 + byte - b'0',
            _ => 36 + byte % 28,
        };
        mask | 1 << bit
    })
}

fn words(query: &str) -> impl Iterator<Item = &str> {
    query.split(' ').filter(|word| !word.is_empty())
}

/// Appends `field` with every whitespace character turned into a space, so that a query word
/// (which never holds whitespace) cannot match across the tab-separated fields.
fn push_field(text: &mut String, field: &str) {
    // Most fields are plain ASCII without tabs or line breaks: copy them whole.
    if field.bytes().all(|byte| byte.is_ascii() && !matches!(byte, b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)) {
        text.push_str(field);
    } else {
        text.extend(field.chars().map(|c| if c.is_whitespace() { ' ' } else { c }));
    }
}

/// Where each line of `text` starts, plus its end.
fn line_starts(text: &[u8]) -> Vec<u32> {
    let mut starts = vec![0];
    let mut from = 0;
    while let Some(at) = text.get(from..).and_then(|rest| find(rest, b"\n")) {
        from += at + 1;
        starts.push(from as u32);
    }
    starts
}

impl SearchIndex {
    pub fn new(table: &Table, fold: Fold) -> Self {
        let mut lines = String::with_capacity(table.len() * 64);
        for (index, action) in table.actions().iter().enumerate() {
            push_field(&mut lines, &action.label);
            lines.push('\t');
            push_field(&mut lines, &action.id);
            for &scope in table.action_scopes(index) {
                lines.push('\t');
                push_field(&mut lines, table.scope_name(scope as usize));
            }
            lines.push('\n');
        }
        let mut text = fold(&lines).into_bytes();
        let mut starts = line_starts(&text);
        if starts.len() != table.len() + 1 {
            // A fold that broke the line structure: fall back to ASCII folding.
            lines.make_ascii_lowercase();
            text = lines.into_bytes();
            starts = line_starts(&text);
        }
        let last = Matches { actions: (0..table.len() as u32).collect(), offsets: Vec::new() };
        let mut index = SearchIndex { text, starts, masks: Vec::new(), fold, last_query: String::new(), last };
        index.masks = (0..table.len() as u32).map(|action| byte_mask(index.line(action))).collect();
        index
    }

    /// Number of actions indexed.
    pub fn len(&self) -> usize {
        self.starts.len() - 1
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The line of `action` (empty when out of range).
    fn line(&self, action: u32) -> &[u8] {
        let line = action as usize;
        self.text.get(self.start(line)..self.start(line + 1)).unwrap_or_default()
    }

    /// Indices of the actions matching every word of `query`, in table order.
    /// An empty query matches everything.
    pub fn search(&mut self, query: &str) -> &[u32] {
        let mut folded = String::with_capacity(query.len());
        push_field(&mut folded, &(self.fold)(query));
        if folded == self.last_query {
            return &self.last.actions;
        }
        // Every word of an extended query holds the previous word at its position, so its matches
        // are a subset of the previous matches. Refining "everything" gains nothing over one scan.
        let refine = folded.starts_with(&self.last_query) && self.last_query.contains(|c| c != ' ');
        let last_query = core::mem::take(&mut self.last_query);
        let previous: Vec<&str> = if refine { words(&last_query).collect() } else { Vec::new() };
        let mut found = refine.then(|| core::mem::take(&mut self.last));
        for (position, word) in words(&folded).enumerate() {
            let before = previous.get(position).copied();
            // An unchanged word is matched by every previous result already.
            if before == Some(word) {
                continue;
            }
            // Only the previous final word can have grown; the offsets remember where it matched.
            let grown = position + 1 == previous.len() && before.is_some_and(|before| word.starts_with(before));
            found = Some(match found {
                None => self.scan(word.as_bytes()),
                Some(matches) => self.check(matches, word.as_bytes(), before.filter(|_| grown).map(str::len)),
            });
        }
        self.last = found.unwrap_or_else(|| Matches { actions: (0..self.len() as u32).collect(), offsets: Vec::new() });
        self.last_query = folded;
        &self.last.actions
    }

    /// The matches that also hold `word`. With `grown` (a length), `word` extends the word of
    /// that length the offsets point at: that much of it is known to match at the offset, and its
    /// first occurrence is there or later.
    fn check(&self, matches: Matches, word: &[u8], grown: Option<usize>) -> Matches {
        let capacity = matches.actions.len();
        let mut kept = Matches { actions: Vec::with_capacity(capacity), offsets: Vec::with_capacity(capacity) };
        let wanted = byte_mask(word);
        for (position, &action) in matches.actions.iter().enumerate() {
            if !self.may_hold(action, wanted) {
                continue;
            }
            let line = self.line(action);
            let at = match (grown, matches.offsets.get(position)) {
                (Some(known), Some(&offset)) => {
                    let (from, known) = (offset as usize, known.min(word.len()));
                    let rest_matches = line
                        .get(from + known..from + word.len())
                        .is_some_and(|rest| rest.iter().zip(&word[known..]).all(|(have, want)| have == want));
                    if rest_matches {
                        Some(from)
                    } else {
                        line.get(from + 1..).and_then(|rest| find(rest, word)).map(|at| from + 1 + at)
                    }
                }
                _ => find(line, word),
            };
            if let Some(at) = at {
                kept.push(action, at);
            }
        }
        kept
    }

    /// Every action whose line holds `word`: lines without all of the word's kinds of bytes are
    /// ruled out by their mask, the others searched.
    fn scan(&self, word: &[u8]) -> Matches {
        let wanted = byte_mask(word);
        let mut found = Matches::default();
        for action in 0..self.len() as u32 {
            if self.may_hold(action, wanted) {
                if let Some(at) = find(self.line(action), word) {
                    found.push(action, at);
                }
            }
        }
        found
    }

    /// Whether the line of `action` has every bit of `wanted` (see [`byte_mask`]).
    fn may_hold(&self, action: u32, wanted: u64) -> bool {
        self.masks.get(action as usize).is_some_and(|&mask| mask & wanted == wanted)
    }

    /// Where line `line` starts (the buffer's end for the line after the last).
    fn start(&self, line: usize) -> usize {
        self.starts.get(line).map_or(self.text.len(), |&start| start as usize)
    }
}
