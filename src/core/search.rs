//! Case-insensitive search over label, id and scopes.
//!
//! The index is prepared once: every action's label, id and scopes are lower-cased into one
//! contiguous buffer, one line per action, fields split by tabs. A query is split into words; an
//! action matches when every word occurs in its line. The first word is found with one pass of a
//! substring finder over the whole buffer; the others only check the survivors. When the new query
//! extends the previous one (typing letter by letter), only the previous result is re-checked.
//! Results are action indices in table order.
//!
//! Case folding is a parameter ([`Fold`]): the browser build uses the engine's own
//! `toLowerCase`, so no Unicode case tables ship in the wasm; native code uses `str::to_lowercase`.

use super::find::find;
use super::table::Table;

/// Lower-cases text. It must keep tabs and newlines as they are (both JS and Rust lower-casing do).
pub type Fold = fn(&str) -> String;

/// A prepared search index for one table.
#[derive(Debug, Clone)]
pub struct SearchIndex {
    /// Lower-cased `label \t id \t scope \t scope … \n` for every action, in table order.
    text: Vec<u8>,
    /// Byte offset where each action's line starts, plus the end of the buffer.
    starts: Vec<u32>,
    fold: Fold,
    /// The last lower-cased query and its result, reused when the next query extends it.
    last_query: String,
    last_result: Vec<u32>,
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

/// How many words of a (folded) query are complete: all of them when it ends with a space,
/// otherwise all but the last, which typing may still extend.
fn completed_words(query: &str) -> usize {
    let words = query.split(' ').filter(|word| !word.is_empty()).count();
    if query.ends_with(' ') {
        words
    } else {
        words.saturating_sub(1)
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
        SearchIndex { text, starts, fold, last_query: String::new(), last_result: (0..table.len() as u32).collect() }
    }

    /// Number of actions indexed.
    pub fn len(&self) -> usize {
        self.starts.len() - 1
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn line(&self, action: u32) -> &[u8] {
        let at = action as usize;
        match (self.starts.get(at), self.starts.get(at + 1)) {
            (Some(&start), Some(&end)) => &self.text[start as usize..end as usize],
            _ => &[],
        }
    }

    /// Indices of the actions matching every word of `query`, in table order.
    /// An empty query matches everything.
    pub fn search(&mut self, query: &str) -> &[u32] {
        let mut folded = String::with_capacity(query.len());
        push_field(&mut folded, &(self.fold)(query));
        if folded == self.last_query {
            return &self.last_result;
        }
        // Every word of an extended query holds a word of the previous one, so its matches are a
        // subset of the previous matches. Refining "everything" gains nothing over one scan.
        let refine = folded.starts_with(&self.last_query) && self.last_query.contains(|c| c != ' ');
        // When refining, the previous query's completed words are unchanged and already matched
        // by every previous result: only the words after them need checking.
        let settled = if refine { completed_words(&self.last_query) } else { 0 };
        let mut words = folded.split(' ').filter(|word| !word.is_empty()).skip(settled);
        let mut result = if refine {
            std::mem::take(&mut self.last_result)
        } else {
            match words.next() {
                Some(first) => self.scan(first.as_bytes()),
                None => (0..self.len() as u32).collect(),
            }
        };
        for word in words {
            result.retain(|&action| find(self.line(action), word.as_bytes()).is_some());
        }
        self.last_query = folded;
        self.last_result = result;
        &self.last_result
    }

    /// One pass over the whole buffer: every action whose line holds `word`.
    fn scan(&self, word: &[u8]) -> Vec<u32> {
        let mut found = Vec::new();
        let mut from = 0usize;
        while let Some(offset) = find(&self.text[from..], word) {
            let at = (from + offset) as u32;
            // The line holding the match: the last start at or before it.
            let action = self.starts.partition_point(|&start| start <= at).saturating_sub(1);
            found.push(action as u32);
            from = self.starts.get(action + 1).map_or(self.text.len(), |&end| end as usize);
        }
        found
    }
}
