//! The rows of the action list to draw: all of a short result, only those in view (and a margin)
//! of a long one, each with the parts of its label, id and scopes that hold the search's words.

use super::Panel;
use crate::highlight::{matched_parts, query_words};
use crate::text::join;
use crate::window::{is_windowed, rows_to_render};
use core::ops::Range;

/// The row height assumed until the renderer measured one.
pub const DEFAULT_ROW_HEIGHT: f64 = 40.0;

/// The list as the page shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct ListView {
    /// How many actions the search shows (the rows drawn are some of them when `windowed`).
    pub total: usize,
    /// Only the rows in view are drawn: the renderer sizes the list for `total` rows of
    /// `row_height` and places the first drawn row at `start`.
    pub windowed: bool,
    /// The rows are one per action in table order (a short table whose result keeps table
    /// order): the renderer may keep an element per action and only show and hide them.
    pub keyed: bool,
    /// The position in the result of the first row drawn.
    pub start: usize,
    /// The row height the window was computed with.
    pub row_height: f64,
    /// The rows drawn, in result order.
    pub rows: Vec<RowView>,
}

/// One row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowView {
    /// The action's index in the table.
    pub action: u32,
    /// Its id.
    pub id: String,
    /// Its label.
    pub label: String,
    /// Its scopes, as the row lists them: each alternative's, joined by ", ", the alternatives
    /// apart by " | ".
    pub scopes: String,
    /// Whether it is chosen.
    pub checked: bool,
    /// The marked parts of the label, the id and the scopes, as ranges of UTF-16 code units (the
    /// unit of JS strings), whole characters, in order.
    pub marks: [Vec<Range<usize>>; 3],
}

/// `range` of `text` (bytes) in UTF-16 code units.
fn utf16_range(text: &str, range: Range<usize>) -> Range<usize> {
    let units = |bytes: &str| bytes.chars().map(char::len_utf16).sum::<usize>();
    let start = units(text.get(..range.start).unwrap_or_default());
    start..start + units(text.get(range).unwrap_or_default())
}

/// The parts of `text` holding one of `words`, in UTF-16 code units.
fn marks(panel: &Panel, text: &str, words: &[String]) -> Vec<Range<usize>> {
    let parts = matched_parts(text, words.iter().map(String::as_str), panel.fold);
    if text.is_ascii() {
        return parts;
    }
    parts.into_iter().map(|part| utf16_range(text, part)).collect()
}

/// The list of `panel` as it stands.
pub(super) fn view(panel: &Panel) -> ListView {
    let table = &panel.catalog.table;
    let result = panel.catalog.index.last();
    let total = result.len();
    let windowed = is_windowed(total);
    let geometry = panel.geometry;
    let row_height = if geometry.row_height > 0.0 { geometry.row_height } else { DEFAULT_ROW_HEIGHT };
    let window = rows_to_render(total, geometry.scrolled, geometry.viewport, row_height);
    let words = if panel.query.trim().is_empty() { Vec::new() } else { query_words(&panel.query, panel.fold) };
    let rows = result
        .get(window.clone())
        .unwrap_or_default()
        .iter()
        .map(|&action| {
            let index = action as usize;
            let (label, id) = (table.label(index), table.id(index));
            // Each alternative's scopes, the alternatives apart by " | " (any one of them suffices).
            let mut scopes = String::new();
            for (number, alternative) in table.alternatives(index).enumerate() {
                if number > 0 {
                    scopes.push_str(" | ");
                }
                scopes.push_str(&join(alternative.iter().map(|&scope| table.scope_name(scope as usize)), ", "));
            }
            let marks = if words.is_empty() {
                Default::default()
            } else {
                [marks(panel, label, &words), marks(panel, id, &words), marks(panel, &scopes, &words)]
            };
            RowView {
                action,
                id: id.to_owned(),
                label: label.to_owned(),
                checked: panel.chosen.contains(index),
                scopes,
                marks,
            }
        })
        .collect();
    ListView {
        total,
        windowed,
        keyed: !is_windowed(table.len()) && result.is_sorted(),
        start: window.start,
        row_height,
        rows,
    }
}

#[cfg(test)]
mod tests {
    use super::utf16_range;

    #[test]
    fn byte_ranges_become_utf16_ranges() {
        // "Ä" is 2 bytes and 1 unit; "𝄞" is 4 bytes and 2 units.
        assert_eq!(utf16_range("Äpfel", 0..4), 0..3);
        assert_eq!(utf16_range("𝄞 ab", 5..7), 3..5);
    }
}
