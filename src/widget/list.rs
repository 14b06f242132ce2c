//! The action rows. A short table has one row per action, shown or hidden by a search that keeps
//! table order; otherwise a pool of rows shows the search result (best first) in order. Short
//! results are rendered whole; long ones only around the scroll position (see
//! [`scope_selector_core::window`]), so a keystroke costs the same at 137 actions or 100,000.

use super::parts::Parts;
use scope_selector_core::text::{decimal, join};
use scope_selector_core::window::{is_windowed, rows_to_render};
use scope_selector_core::{BitSet, Table};
use scope_selector_page::dom::{create, document, write_hidden};
use scope_selector_page::rows;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, FocusOptions, HtmlElement, HtmlInputElement};

/// Row height used until a rendered row can be measured.
const DEFAULT_ROW_HEIGHT: f64 = 40.0;

struct Row {
    element: HtmlElement,
    check: HtmlInputElement,
    label: Element,
    id: Element,
    scopes: Element,
    /// The action this row shows (or showed last, while hidden).
    action: Option<u32>,
    /// Whether the row element carries `hidden` (kept here, so showing a shown row costs no call).
    hidden: bool,
}

/// The element tree of a row, without text or slot; rows are deep clones of it, which crosses
/// into the browser far fewer times than building each row element by element.
fn row_template() -> Result<HtmlElement, JsValue> {
    let row = create("div", rows::ROW)?;
    row.set_attribute("role", "listitem")?;
    let label = create("label", "guides-scope-selector__row-label")?;
    let check: HtmlInputElement = create("input", "guides-scope-selector__check")?.unchecked_into();
    check.set_type("checkbox");
    let text = create("span", "guides-scope-selector__action")?;
    let name = create("span", rows::LABEL)?;
    let id = create("code", rows::ID)?;
    let scopes = create("span", rows::SCOPES)?;
    text.append_with_node_2(&name, &id)?;
    label.append_with_node_3(&check, &text, &scopes)?;
    row.append_child(&label)?;
    Ok(row)
}

/// An element of the row template, which is always there.
fn present(element: Option<Element>) -> Result<Element, JsValue> {
    element.ok_or_else(|| JsValue::from_str("row template"))
}

impl Row {
    /// A clone of `template` for pool slot `slot`.
    fn new(template: &HtmlElement, slot: usize) -> Result<Row, JsValue> {
        let element: HtmlElement = template.clone_node_with_deep(true)?.unchecked_into();
        element.set_attribute("data-slot", &decimal(slot))?;
        // The template's shape: row > label > (check, text > (label, id), scopes).
        let check = present(present(element.first_element_child())?.first_element_child())?;
        let text = present(check.next_element_sibling())?;
        let label = present(text.first_element_child())?;
        let id = present(label.next_element_sibling())?;
        let scopes = present(text.next_element_sibling())?;
        Ok(Row { element, check: check.unchecked_into(), label, id, scopes, action: None, hidden: false })
    }

    fn show(
        &mut self,
        table: &Table,
        action: u32,
        position: usize,
        total: usize,
        chosen: &BitSet,
    ) -> Result<(), JsValue> {
        if self.action != Some(action) {
            // A new action means new text: written without reading the old one first.
            self.label.set_text_content(Some(table.label(action as usize)));
            self.id.set_text_content(Some(table.id(action as usize)));
            let scopes = table.action_scopes(action as usize).iter().map(|&scope| table.scope_name(scope as usize));
            self.scopes.set_text_content(Some(&join(scopes, ", ")));
            self.action = Some(action);
        }
        if is_windowed(total) {
            self.element.set_attribute("aria-posinset", &decimal(position + 1))?;
            self.element.set_attribute("aria-setsize", &decimal(total))?;
        }
        self.check.set_checked(chosen.contains(action as usize));
        self.set_hidden(false);
        Ok(())
    }

    fn set_hidden(&mut self, hidden: bool) {
        if self.hidden != hidden {
            self.hidden = hidden;
            write_hidden(&self.element, hidden);
        }
    }
}

/// A CSS length, rounded to whole pixels (which keeps float printing out of the wasm).
fn pixels(value: f64) -> String {
    decimal((value + 0.5) as usize) + "px"
}

/// The rendered rows of one widget.
#[derive(Default)]
pub struct ActionList {
    rows: Vec<Row>,
    /// Made with the first row.
    template: Option<HtmlElement>,
    /// The height of a shown row when last measured.
    row_height: Option<f64>,
}

impl ActionList {
    /// The height of a row (as last measured).
    pub fn row_height(&self) -> f64 {
        self.row_height.unwrap_or(DEFAULT_ROW_HEIGHT)
    }

    /// The action shown by the row of slot `slot`.
    pub fn action_at(&self, slot: usize) -> Option<u32> {
        self.rows.get(slot).filter(|row| !row.hidden).and_then(|row| row.action)
    }

    /// Shows the rows of `result` that are in view (all of a short list).
    pub fn render(&mut self, parts: &Parts, table: &Table, result: &[u32], chosen: &BitSet) -> Result<(), JsValue> {
        let total = result.len();
        let windowed = is_windowed(total);
        if windowed {
            self.measure_row_height();
        }
        let row_height = self.row_height.unwrap_or(DEFAULT_ROW_HEIGHT);
        // How far the list is scrolled past the top of the rows (a layout read, so only when
        // the list is long enough to be windowed).
        let window = if windowed {
            let into_rows = parts.list.get_bounding_client_rect().top() - parts.rows.get_bounding_client_rect().top();
            rows_to_render(total, into_rows, f64::from(parts.list.client_height()), row_height)
        } else {
            0..total
        };

        let style = parts.rows.style();
        if windowed {
            style.set_property("height", &pixels(total as f64 * row_height))?;
            style.set_property("padding-top", &pixels(window.start as f64 * row_height))?;
        } else {
            style.remove_property("height")?;
            style.remove_property("padding-top")?;
        }

        // A table short enough to render whole keeps one row per action, in table order, for as
        // long as the result is in table order (no query, or only equally ranked matches): a
        // search then only shows and hides rows and never rewrites their text (which the browser
        // would lay out and shape again). Otherwise the rows are a pool showing the result in its
        // order (the part in view of a long one).
        let keyed = !is_windowed(table.len()) && result.is_sorted();
        let slots = if keyed { table.len() } else { window.len() };
        // Pooled rows change actions, so the focus is carried to the row now showing its action
        // (also when the rows go from a pool back to one per action).
        let focused = self.focused_action();
        while self.rows.len() < slots {
            let template = match &self.template {
                Some(template) => template,
                None => self.template.insert(row_template()?),
            };
            let row = Row::new(template, self.rows.len())?;
            parts.rows.append_child(&row.element)?;
            self.rows.push(row);
        }
        let mut matching = result.iter().copied().peekable();
        for (slot, row) in self.rows.iter_mut().enumerate() {
            let action = if keyed {
                matching.next_if_eq(&(slot as u32))
            } else {
                result.get(window.start + slot).copied().filter(|_| window.start + slot < window.end)
            };
            match action {
                Some(action) => row.show(table, action, window.start + slot, total, chosen)?,
                None => row.set_hidden(true),
            }
        }
        self.restore_focus(focused)
    }

    /// Measures a shown row, on every windowed render rather than once: rows may have been built
    /// before the stylesheet arrived, or restyled since. (A layout read; the render reads layout
    /// right after, so the browser lays out once for both.)
    fn measure_row_height(&mut self) {
        if let Some(row) = self.rows.iter().find(|row| !row.hidden) {
            let measured = row.element.offset_height();
            if measured > 0 {
                self.row_height = Some(f64::from(measured));
            }
        }
    }

    /// Updates the checkboxes of the shown rows after the choice changed (a hidden row gets its
    /// check when it is shown again).
    pub fn refresh_checks(&self, chosen: &BitSet) {
        for row in self.rows.iter().filter(|row| !row.hidden) {
            if let Some(action) = row.action {
                row.check.set_checked(chosen.contains(action as usize));
            }
        }
    }

    /// Moves the keyboard focus to the checkbox of `action`'s row, if it is rendered (the browser
    /// scrolls the list to it; false when it is not rendered).
    pub fn focus(&self, action: u32) -> Result<bool, JsValue> {
        match self.rows.iter().find(|row| !row.hidden && row.action == Some(action)) {
            Some(row) => row.check.focus().map(|()| true),
            None => Ok(false),
        }
    }

    /// The action whose checkbox has the keyboard focus, if one does.
    pub fn focused_action(&self) -> Option<u32> {
        let active = document().ok()?.active_element()?;
        self.rows.iter().find(|row| row.check.is_same_node(Some(&active))).and_then(|row| row.action)
    }

    /// After rows were reassigned, keeps the focus on the same action's checkbox.
    fn restore_focus(&self, action: Option<u32>) -> Result<(), JsValue> {
        let Some(action) = action else { return Ok(()) };
        match self.rows.iter().find(|row| !row.hidden && row.action == Some(action)) {
            Some(row) if self.focused_action() != Some(action) => {
                let options = FocusOptions::new();
                options.set_prevent_scroll(true);
                row.check.focus_with_options(&options)
            }
            _ => Ok(()),
        }
    }
}
