//! Where a search's words occur in an action's text, so that the list can show them marked: the
//! parts of the original text (whole characters) whose folded form holds a word. Folding may
//! change lengths ("İ" folds to "i", "Ä" to "a"), so each character's folded length is found by
//! folding the characters one by one, with the same [`Fold`] as the search index.

use crate::find::find;
use crate::search::Fold;
use core::ops::Range;

/// The words of a query as the search index looks for them: folded, split at whitespace.
///
/// ```
/// use scope_selector_core::highlight::query_words;
/// assert_eq!(query_words(" List\u{a0}JOBS ", str::to_lowercase), ["list", "jobs"]);
/// ```
pub fn query_words(query: &str, fold: Fold) -> Vec<String> {
    fold(query).split_whitespace().map(str::to_owned).collect()
}

/// The text folded, and the folded length of each of its characters (`None` when folding the
/// characters one by one does not add up to folding the whole, which no known fold does).
fn fold_by_character(text: &str, fold: Fold) -> Option<(String, Vec<usize>)> {
    if text.is_ascii() {
        return Some((text.to_ascii_lowercase(), vec![1; text.len()]));
    }
    // Line breaks separate the characters (a fold keeps them); whitespace, which the index's
    // fields hold as spaces, becomes a space first so it cannot be taken for a separator.
    let plain = || text.chars().map(|c| if c.is_whitespace() { ' ' } else { c });
    let whole = fold(&plain().collect::<String>());
    let mut apart = String::with_capacity(2 * text.len());
    for c in plain() {
        apart.push(c);
        apart.push('\n');
    }
    let folded = fold(&apart);
    // The lengths of its lines (as `split_terminator('\n')` would cut them, by bytes: a `char`
    // pattern would link core's searcher).
    let mut lengths = Vec::with_capacity(text.len());
    let mut start = 0;
    for (at, byte) in folded.bytes().enumerate() {
        if byte == b'\n' {
            lengths.push(at - start);
            start = at + 1;
        }
    }
    if start < folded.len() {
        lengths.push(folded.len() - start);
    }
    let adds_up = lengths.len() == text.chars().count() && lengths.iter().sum::<usize>() == whole.len();
    // (The whole, not the pieces: a Greek final sigma folds by its context.)
    adds_up.then_some((whole, lengths))
}

/// The byte ranges of `text` where one of `words` (folded as the search index folds a query, see
/// [`query_words`]) occurs once folded: whole characters, in order, not touching one another. A
/// character that folds to nothing (a combining accent) goes with the character before it.
///
/// ```
/// use scope_selector_core::highlight::matched_parts;
/// let fold = |text: &str| text.to_lowercase().replace('é', "e");
/// assert_eq!(matched_parts("List Jobs", ["jo", "s"], str::to_lowercase), [2..3, 5..7, 8..9]);
/// assert_eq!(matched_parts("Résumé", ["resume"], fold), [0..8]);
/// assert_eq!(matched_parts("Résumé", ["sum"], fold), [3..6]);
/// assert!(matched_parts("List Jobs", ["offer"], str::to_lowercase).is_empty());
/// ```
pub fn matched_parts<'a>(text: &str, words: impl IntoIterator<Item = &'a str>, fold: Fold) -> Vec<Range<usize>> {
    let words: Vec<&[u8]> = words.into_iter().map(str::as_bytes).filter(|word| !word.is_empty()).collect();
    // (Without words, no fold: for text that is not ASCII, it is a call into the JS engine.)
    let folded = if words.is_empty() { None } else { fold_by_character(text, fold) };
    let Some((folded, lengths)) = folded else { return Vec::new() };
    let folded = folded.as_bytes();
    let mut hit = vec![false; folded.len()];
    for word in words {
        let mut from = 0;
        while let Some(at) = folded.get(from..).and_then(|rest| find(rest, word)) {
            if let Some(bytes) = hit.get_mut(from + at..from + at + word.len()) {
                bytes.fill(true);
            }
            from += at + 1;
        }
    }
    let mut parts: Vec<Range<usize>> = Vec::new();
    let (mut folded_at, mut marked) = (0, false);
    for ((start, c), length) in text.char_indices().zip(lengths) {
        if length > 0 {
            marked = hit.get(folded_at..folded_at + length).is_some_and(|bytes| bytes.contains(&true));
            folded_at += length;
        }
        if marked {
            let end = start + c.len_utf8();
            match parts.last_mut() {
                Some(last) if last.end == start => last.end = end,
                _ => parts.push(start..end),
            }
        }
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The browser build's fold, for the letters these tests use: lower case, then NFD without
    /// nonspacing marks.
    fn browser_like(text: &str) -> String {
        let fold = |c| match c {
            'ä' => Some('a'),
            'é' => Some('e'),
            '\u{301}' | '\u{307}' => None,
            c => Some(c),
        };
        text.to_lowercase().chars().filter_map(fold).collect()
    }

    /// The marked pieces of `text`, as text.
    fn marked<'t>(text: &'t str, words: &[&str], fold: Fold) -> Vec<&'t str> {
        matched_parts(text, words.iter().copied(), fold).into_iter().map(|part| &text[part]).collect()
    }

    #[test]
    fn parts_are_whole_characters_of_the_original_text() {
        // "İ" lower-cases to "i" and a combining dot, which the fold removes: one byte for two.
        assert_eq!(marked("İstanbul Äpfel", &["istan", "apf"], browser_like), ["İstan", "Äpf"]);
    }

    #[test]
    fn a_combining_accent_stays_with_its_letter() {
        assert_eq!(marked("Cafe\u{301} menu", &["cafe"], browser_like), ["Cafe\u{301}"]);
    }

    #[test]
    fn overlapping_and_adjacent_matches_make_one_part() {
        assert_eq!(marked("aaaab c", &["aa", "ab"], str::to_lowercase), ["aaaab"]);
    }

    #[test]
    fn a_final_sigma_is_found_as_the_whole_text_folds_it() {
        assert_eq!(marked("ΟΔΟΣ Α", &["οδος"], str::to_lowercase), ["ΟΔΟΣ"]);
    }

    #[test]
    fn whitespace_in_the_text_is_no_separator() {
        assert_eq!(marked("Über\nalles\tdä", &["alles", "da"], browser_like), ["alles", "dä"]);
    }
}
