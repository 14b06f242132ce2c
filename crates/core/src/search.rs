//! Search over label, id and scopes that ignores case (and, with the browser build's fold,
//! diacritics).
//!
//! The index is prepared once: every action's label, id and scopes are folded into one
//! contiguous buffer, one line per action, fields split by tabs. A query is split into words; an
//! action matches when every word occurs in its line. Each line also has a mask of the kinds of
//! bytes it holds, so most lines that cannot hold a word are ruled out without being read. The first
//! word is looked for in every line; the others only in the survivors. When the new query
//! extends the previous one (typing letter by letter), only the previous result is re-checked, only
//! against the words that changed. For a word that grew, each result remembers where its shorter
//! form matched and the eight bytes that follow: the word almost always still matches there, and
//! those bytes tell so without touching the text (reading 100,000 scattered lines costs more than
//! the comparison).
//! Results are action indices, best first (see [`rank`]), in table order within a rank.
//!
//! Folding is a parameter ([`Fold`]): the browser build uses the engine's own `toLowerCase`,
//! `normalize("NFD")` and a `\p{Mn}` expression (`scope_selector_page::fold_case`), so no Unicode
//! tables ship in the wasm; native code uses `str::to_lowercase`.

use crate::find::find;
use crate::table::Table;
use crate::text::join;

/// Lower-cases text. It must keep tabs and newlines as they are (both JS and Rust lower-casing do).
///
/// ```
/// use scope_selector_core::search::Fold;
/// let fold: Fold = str::to_lowercase;
/// assert_eq!(fold("ÄPFEL"), "äpfel");
/// ```
pub type Fold = fn(&str) -> String;

/// A prepared search index for one table.
///
/// ```
/// use scope_selector_core::{Table, search::SearchIndex};
/// let table = Table::from_json(r#"[{"id":"a","label":"List Jobs","scopes":["jobs:read"]},{"id":"b","label":"Create Job","scopes":["jobs:write"]}]"#).unwrap().table;
/// let mut index = SearchIndex::new(&table, str::to_lowercase);
/// assert_eq!(index.search("job"), &[0, 1]);
/// assert_eq!(index.search("job WRITE"), &[1]);
/// ```
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
    /// The last query's matches, best first.
    ranked: Vec<u32>,
    /// Each action's [`rank`] for the last query (for its matches): a query that extends it ranks
    /// no action better, so one that ranked last stays last without being read again.
    ranks: Vec<u8>,
}

/// Matching actions (table order) and, for each, where the query's final word first occurs in
/// its line and the bytes that follow that occurrence (empty when the query had no words).
#[derive(Debug, Clone, Default)]
struct Matches {
    actions: Vec<u32>,
    offsets: Vec<u32>,
    /// The [`AHEAD`] bytes of the text after each occurrence of the final word, packed by
    /// [`pack`]: a word that grows by a few letters is checked against them without reading the
    /// text. Bytes not known (used up by earlier growth, or past the end) are 0xFF, which UTF-8
    /// text never holds, so they never match: such entries are checked in the text instead.
    ahead: Vec<u64>,
}

/// How many bytes after a match are kept with it (see [`Matches::ahead`]).
const AHEAD: usize = 8;

impl Matches {
    /// Every action of a table of `len`: the result of a query without words.
    fn everything(len: usize) -> Matches {
        Matches { actions: (0..len as u32).collect(), ..Matches::default() }
    }

    fn push(&mut self, action: u32, offset: usize, ahead: u64) {
        self.actions.push(action);
        self.offsets.push(offset as u32);
        self.ahead.push(ahead);
    }
}

/// The first [`AHEAD`] bytes of `bytes`, first byte lowest, the missing ones 0xFF.
fn pack(bytes: &[u8]) -> u64 {
    match bytes.first_chunk::<AHEAD>() {
        Some(&chunk) => u64::from_le_bytes(chunk),
        None => bytes.iter().rev().fold(u64::MAX, |packed, &byte| packed << 8 | u64::from(byte)),
    }
}

/// Packed bytes without their first `count` (the rest moved down, 0xFF coming in).
fn skip(packed: u64, count: usize) -> u64 {
    let shift = 8 * count as u32;
    packed.checked_shr(shift).unwrap_or(0) | !u64::MAX.checked_shr(shift).unwrap_or(0)
}

/// The bytes a grown word added, as a test of packed bytes (at most [`AHEAD`] of them).
#[derive(Clone, Copy)]
struct Added {
    packed: u64,
    mask: u64,
    len: usize,
}

impl Added {
    fn new(bytes: &[u8]) -> Option<Added> {
        let mask = u64::MAX.checked_shr(64 - 8 * bytes.len().min(AHEAD) as u32).unwrap_or(0);
        (bytes.len() <= AHEAD).then(|| Added { packed: pack(bytes), mask, len: bytes.len() })
    }

    /// Whether packed bytes start with these.
    fn starts(self, packed: u64) -> bool {
        (packed ^ self.packed) & self.mask == 0
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

/// The words of a query prepared by [`push_field`], which left spaces as its only whitespace.
fn words(query: &str) -> impl Iterator<Item = &str> {
    query.split_ascii_whitespace()
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

/// How many ranks [`rank`] knows.
const RANKS: usize = 4;

/// How well a label (folded) answers a query (folded, its words joined by single spaces), best
/// first: 0 the label is the query; 1 it starts with it; 2 the query starts a word of the label
/// (after a space or punctuation); 3 anything else (the label holds the query inside a word, or
/// the action matched through its id or scopes).
///
/// ```
/// use scope_selector_core::search::rank;
/// assert_eq!(rank(b"list jobs", b"list jobs"), 0);
/// assert_eq!(rank(b"list jobs", b"list"), 1);
/// assert_eq!(rank(b"list jobs", b"jo"), 2);
/// assert_eq!(rank(b"re-send offer", b"send"), 2);
/// assert_eq!(rank(b"list jobs", b"obs"), 3);
/// assert_eq!(rank(b"list all jobs", b"list jobs"), 3);
/// ```
pub fn rank(label: &[u8], query: &[u8]) -> usize {
    if label.starts_with(query) {
        return usize::from(label.len() != query.len());
    }
    let mut from = 0;
    while let Some(at) = label.get(from..).and_then(|rest| find(rest, query)) {
        // (A byte of a non-ASCII letter continues its word.)
        if label
            .get((from + at).wrapping_sub(1))
            .is_some_and(|&before| before.is_ascii() && !before.is_ascii_alphanumeric())
        {
            return 2;
        }
        from += at + 1;
    }
    3
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
    /// Prepares the index of `table`, lower-casing with `fold`.
    ///
    /// ```
    /// # use scope_selector_core::{Table, search::SearchIndex};
    /// # let table = Table::from_json(r#"[{"id":"a","label":"A","scopes":[]}]"#).unwrap().table;
    /// assert_eq!(SearchIndex::new(&table, str::to_lowercase).len(), 1);
    /// ```
    pub fn new(table: &Table, fold: Fold) -> Self {
        // Folded a chunk of lines at a time: the whole text unfolded and folded at once (and, in
        // wasm, the folded string's crossing into memory, three bytes per character) made the
        // peak of a large table's index several times its size, in memory a wasm module never
        // returns.
        const CHUNK: usize = 1 << 16;
        // Sized for the unfolded text and a sixteenth more (folding rarely changes a length, and
        // then by little): no doubling as it grows.
        let size: usize = (0..table.len())
            .map(|index| {
                let scopes = table.alternatives(index).flatten();
                let names: usize = scopes.map(|&scope| table.scope_name(scope as usize).len() + 1).sum();
                table.label(index).len() + table.id(index).len() + 2 + names
            })
            .sum();
        let mut text = Vec::with_capacity(size + size / 16);
        let mut lines = String::with_capacity(CHUNK);
        // The first action of the chunk being written (each action is one line of it).
        let mut first = 0;
        for index in 0..table.len() {
            push_field(&mut lines, table.label(index));
            lines.push('\t');
            push_field(&mut lines, table.id(index));
            // The scopes of every alternative, as the row shows them.
            for &scope in table.alternatives(index).flatten() {
                lines.push('\t');
                push_field(&mut lines, table.scope_name(scope as usize));
            }
            lines.push('\n');
            if lines.len() >= CHUNK || index + 1 == table.len() {
                let folded = fold(&lines);
                if folded.bytes().filter(|&byte| byte == b'\n').count() == index + 1 - first {
                    text.extend_from_slice(folded.as_bytes());
                } else {
                    // A fold that broke the line structure: ASCII folding instead.
                    lines.make_ascii_lowercase();
                    text.extend_from_slice(lines.as_bytes());
                }
                lines.clear();
                first = index + 1;
            }
        }
        let starts = line_starts(&text);
        let last = Matches::everything(table.len());
        let ranked = last.actions.clone();
        let ranks = vec![0; table.len()];
        let mut index =
            SearchIndex { text, starts, masks: Vec::new(), fold, last_query: String::new(), last, ranked, ranks };
        index.masks = (0..table.len() as u32).map(|action| byte_mask(index.line(action))).collect();
        index
    }

    /// Number of actions indexed.
    ///
    /// ```
    /// # use scope_selector_core::{Table, search::SearchIndex};
    /// # let table = Table::from_json(r#"[{"id":"a","label":"A","scopes":[]}]"#).unwrap().table;
    /// assert_eq!(SearchIndex::new(&table, str::to_lowercase).len(), 1);
    /// ```
    pub fn len(&self) -> usize {
        self.starts.len() - 1
    }

    /// The result of the last search, best first (every action, in table order, before the first).
    ///
    /// ```
    /// # use scope_selector_core::{Table, search::SearchIndex};
    /// # let table = Table::from_json(r#"[{"id":"a","label":"Apples","scopes":[]},{"id":"b","label":"Pears","scopes":[]}]"#).unwrap().table;
    /// let mut index = SearchIndex::new(&table, str::to_lowercase);
    /// assert_eq!(index.last(), &[0, 1]);
    /// index.search("pear");
    /// assert_eq!(index.last(), &[1]);
    /// ```
    pub fn last(&self) -> &[u32] {
        &self.ranked
    }

    /// Whether no action is indexed.
    ///
    /// ```
    /// # use scope_selector_core::{Table, search::SearchIndex};
    /// # let table = Table::from_json(r#"[{"id":"a","label":"A","scopes":[]}]"#).unwrap().table;
    /// assert!(!SearchIndex::new(&table, str::to_lowercase).is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The line of `action` (empty when out of range).
    fn line(&self, action: u32) -> &[u8] {
        let line = action as usize;
        self.text.get(self.start(line)..self.start(line + 1)).unwrap_or_default()
    }

    /// The packed bytes of the text from byte `from` of the line of `action`. (They may run into
    /// the next line: a line ends with a newline, which no word holds, so that never makes a word
    /// match.)
    fn ahead(&self, action: u32, from: usize) -> u64 {
        pack(self.text.get(self.start(action as usize) + from..).unwrap_or_default())
    }

    /// Records that `word` occurs at `at` in the line of `action`.
    fn found(&self, matches: &mut Matches, action: u32, word: &[u8], at: usize) {
        matches.push(action, at, self.ahead(action, at + word.len()));
    }

    /// Indices of the actions matching every word of `query`, best first (see [`rank`]), in table
    /// order within a rank. An empty query matches everything, in table order.
    ///
    /// ```
    /// # use scope_selector_core::{Table, search::SearchIndex};
    /// # let table = Table::from_json(r#"[{"id":"a","label":"A","scopes":[]},{"id":"b","label":"B","scopes":[]}]"#).unwrap().table;
    /// let mut index = SearchIndex::new(&table, str::to_lowercase);
    /// assert_eq!(index.search("  "), &[0, 1]);
    /// ```
    pub fn search(&mut self, query: &str) -> &[u32] {
        let mut folded = String::with_capacity(query.len());
        push_field(&mut folded, &(self.fold)(query));
        if folded == self.last_query {
            return &self.ranked;
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
        self.last = found.unwrap_or_else(|| Matches::everything(self.len()));
        self.ranked = self.rank_all(&folded, refine);
        self.last_query = folded;
        &self.ranked
    }

    /// The last matches sorted by their [`rank`] for the folded query `query` (stable: table
    /// order within a rank; all of them in table order for a query without words). `extended`:
    /// the query extends the one the ranks were made for.
    fn rank_all(&mut self, query: &str, extended: bool) -> Vec<u32> {
        let query = join(words(query), " ");
        let mut ranks: [Vec<u32>; RANKS] = Default::default();
        let mut known = core::mem::take(&mut self.ranks);
        for &action in &self.last.actions {
            let Some(known) = known.get_mut(action as usize) else { continue };
            if query.is_empty() {
                *known = 0;
            } else if !extended || usize::from(*known) < RANKS - 1 {
                let line = self.line(action);
                let label = line.get(..find(line, b"\t").unwrap_or(line.len())).unwrap_or_default();
                *known = rank(label, query.as_bytes()) as u8;
            }
            if let Some(rank) = ranks.get_mut(usize::from(*known)) {
                rank.push(action);
            }
        }
        self.ranks = known;
        ranks.concat()
    }

    /// The matches that also hold `word`. With `grown` (a length), `word` extends the word of
    /// that length the offsets point at, so its first occurrence is there or later; when it grew
    /// by no more than [`AHEAD`] bytes, the bytes kept after each match tell whether it is still
    /// there without reading the text.
    fn check(&self, matches: Matches, word: &[u8], grown: Option<usize>) -> Matches {
        let capacity = matches.actions.len();
        let mut kept = Matches {
            actions: Vec::with_capacity(capacity),
            offsets: Vec::with_capacity(capacity),
            ahead: Vec::with_capacity(capacity),
        };
        let wanted = byte_mask(word);
        let known = grown.map(|known| known.min(word.len()));
        // The new bytes of a grown word, to be found among the bytes kept ahead of each match.
        let added = known.and_then(|known| Added::new(&word[known..]));
        for (position, &action) in matches.actions.iter().enumerate() {
            let offset = matches.offsets.get(position).map(|&offset| offset as usize);
            if let (Some(added), Some(from), Some(&ahead)) = (added, offset, matches.ahead.get(position)) {
                if added.starts(ahead) {
                    // Still at the same place, with the rest of the kept bytes ahead of it.
                    kept.push(action, from, skip(ahead, added.len));
                    continue;
                }
            }
            if !self.may_hold(action, wanted) {
                continue;
            }
            let line = self.line(action);
            // A grown word first occurs where its shorter form did, or later.
            let from = offset.filter(|_| known.is_some()).unwrap_or(0);
            let at = line.get(from..).and_then(|rest| find(rest, word)).map(|at| from + at);
            if let Some(at) = at {
                self.found(&mut kept, action, word, at);
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
                    self.found(&mut found, action, word, at);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Table;

    /// A table of `count` actions whose labels hold letters that fold to other lengths or by
    /// their context (Greek final sigma), far more than one chunk of the index's text.
    fn large_table(count: usize) -> Table {
        let actions: Vec<String> = (0..count)
            .map(|at| format!(r#"{{"id":"a{at}","label":"ΟΔΟΣ İstanbul Ǆemal {at}","scopes":["s{}"]}}"#, at % 7))
            .collect();
        Table::from_json(&format!("[{}]", actions.join(","))).unwrap().table
    }

    #[test]
    fn an_index_folded_a_chunk_at_a_time_reads_as_one_folded_whole() {
        let table = large_table(5_000);
        let index = SearchIndex::new(&table, str::to_lowercase);
        assert!(index.text.len() > 3 * (1 << 16), "several chunks");
        let mut whole = String::new();
        for action in 0..table.len() {
            whole.push_str(
                &[table.label(action), table.id(action), table.scope_name(table.action_scopes(action)[0] as usize)]
                    .join("\t"),
            );
            whole.push('\n');
        }
        assert_eq!(String::from_utf8(index.text.clone()).unwrap(), whole.to_lowercase());
        let mut index = index;
        assert_eq!(index.search("οδος i̇stanbul ǆemal 4999"), &[4999]);
    }

    #[test]
    fn a_fold_that_breaks_the_lines_falls_back_to_ascii_folding() {
        fn joining(text: &str) -> String {
            text.to_lowercase().replace('\n', " ")
        }
        let table = large_table(3_000);
        let mut index = SearchIndex::new(&table, joining);
        assert_eq!(index.len(), 3_000);
        assert_eq!(index.search("a2999"), &[2999]);
    }

    #[test]
    fn kept_bytes_decide_a_grown_word_until_they_are_used_up() {
        let ahead = pack(b"didate\tcandidates");
        assert!(Added::new(b"d").is_some_and(|added| added.starts(ahead)));
        assert!(Added::new(b"didate\tc").is_some_and(|added| added.starts(ahead)), "all AHEAD bytes");
        assert!(Added::new(b"didate\tca").is_none(), "more than AHEAD bytes are checked in the text");
        assert!(Added::new(b"dx").is_some_and(|added| !added.starts(ahead)));
        assert!(Added::new(b"").is_some_and(|added| added.starts(ahead)));
        let later = skip(ahead, 3);
        assert!(Added::new(b"ate\tc").is_some_and(|added| added.starts(later)));
        // Bytes moved in are unknown: they match no text, so the word is checked in the text.
        assert!(Added::new(b"ate\tcan").is_some_and(|added| !added.starts(later)));
        assert_eq!(skip(ahead, AHEAD), u64::MAX);
        assert_eq!(pack(b"ab"), 0xffff_ffff_ffff_6261);
    }
}
