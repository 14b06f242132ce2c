//! The rows of the action list to draw: all of a short result, only those in view (and a margin)
//! of a long one, each with the parts of its label, id and scopes that hold the search's words
//! (a grouped panel's list, with its module headers, is [`super::groups`]'s).

use super::groups::HeaderView;
use super::Panel;
use crate::highlight::matched_parts;
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
    /// The position in the result of the first row drawn.
    pub start: usize,
    /// The row height the window was computed with.
    pub row_height: f64,
    /// The rows drawn, in result order.
    pub rows: Vec<RowView>,
    /// A grouped panel's module headers drawn, each placed before the row it names; `total`,
    /// `start` and the window then count them as lines too.
    pub headers: Vec<HeaderView>,
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
    /// apart by " | " (on a grouped panel, a scope with a display name as "Jobs: Read (jobsRead)").
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

/// The row of action `action`, marked with the search's `words`.
pub(super) fn row(panel: &Panel, action: u32, words: &[String]) -> RowView {
    let table = &panel.catalog.table;
    let index = action as usize;
    let (label, id) = (table.label(index), table.id(index));
    // Each alternative's scopes, the alternatives apart by " | " (any one of them suffices).
    let mut scopes = String::new();
    for (number, alternative) in table.alternatives(index).enumerate() {
        if number > 0 {
            scopes.push_str(" | ");
        }
        for (at, &scope) in alternative.iter().enumerate() {
            if at > 0 {
                scopes.push_str(", ");
            }
            let name = table.scope_name(scope as usize);
            match panel.names.get(scope as usize).filter(|_| panel.groups.is_some()) {
                Some(display) => scopes.extend([display, " (", name, ")"]),
                None => scopes.push_str(name),
            }
        }
    }
    let marks = if words.is_empty() {
        Default::default()
    } else {
        [marks(panel, label, words), marks(panel, id, words), marks(panel, &scopes, words)]
    };
    RowView { action, id: id.to_owned(), label: label.to_owned(), checked: panel.chosen.contains(index), scopes, marks }
}

/// The list of `panel` as it stands.
pub(super) fn view(panel: &Panel) -> ListView {
    let geometry = panel.geometry;
    let row_height = if geometry.row_height > 0.0 { geometry.row_height } else { DEFAULT_ROW_HEIGHT };
    if let Some(groups) = &panel.groups {
        return super::groups::view(panel, groups, row_height);
    }
    let result = panel.catalog.index.last();
    let total = result.len();
    let window = rows_to_render(total, geometry.scrolled, geometry.viewport, row_height);
    let words = &panel.words;
    let rows = result.get(window.clone()).unwrap_or_default().iter().map(|&action| row(panel, action, words)).collect();
    ListView { total, windowed: is_windowed(total), start: window.start, row_height, rows, headers: Vec::new() }
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
