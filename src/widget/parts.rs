//! The panel elements of one widget root, found by their `data-guide-*` attributes, plus the
//! few elements the widget adds (action rows, a selection count, notices, an error line).

use scope_selector_core::contract::{CLEAR, DELIMITER, LOADING, NO_RESULTS, SCOPES_OUTPUT, SEARCH, SELECT_ALL, URL};
use scope_selector_core::text::join;
use scope_selector_page::dom::{create, find, find_as, set_hidden, set_text};
use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlSelectElement};

/// The elements of a mounted panel. Only the list is required; it is created when missing.
pub struct Parts {
    pub search: Option<HtmlInputElement>,
    pub select_all: Option<Element>,
    pub clear: Option<Element>,
    /// The scrolling container of the action rows.
    pub list: HtmlElement,
    /// Holds the rendered rows; sized to the whole list when only part of it is rendered.
    pub rows: HtmlElement,
    pub loading: Option<Element>,
    pub no_results: Option<Element>,
    pub url: Option<HtmlInputElement>,
    pub scopes_output: Option<Element>,
    pub delimiter: Option<HtmlSelectElement>,
    /// "N selected · M of T shown", announced politely.
    pub status: HtmlElement,
    /// Notices about the table or the link.
    pub notices: HtmlElement,
}

impl Parts {
    pub fn find(root: &Element) -> Result<Parts, JsValue> {
        let loading = find(root, LOADING);
        let list = match loading.as_ref().and_then(|loading| loading.parent_element()) {
            Some(list) => list.unchecked_into::<HtmlElement>(),
            None => {
                let list = create("div", "guides-scope-selector__list")?;
                root.append_child(&list)?;
                list
            }
        };
        let rows = create("div", scope_selector_page::rows::ROWS)?;
        rows.set_attribute("role", "list")?;
        rows.set_attribute("aria-label", "Actions")?;
        list.insert_before(&rows, loading.as_ref().map(|loading| loading.as_ref()))?;

        let status = create("div", "guides-scope-selector__status")?;
        status.set_attribute("role", "status")?;
        let notices = create("div", "guides-scope-selector__notices")?;
        notices.set_attribute("role", "status")?;
        set_hidden(&notices, true);
        list.after_with_node_2(&status, &notices)?;

        let search: Option<HtmlInputElement> = find_as(root, SEARCH);
        let url: Option<HtmlInputElement> = find_as(root, URL);
        let delimiter: Option<HtmlSelectElement> = find_as(root, DELIMITER);
        name_if_unnamed(search.as_deref(), "Search actions")?;
        name_if_unnamed(url.as_deref(), "Dynamic guide URL")?;
        name_if_unnamed(delimiter.as_deref(), "Separator")?;
        Ok(Parts {
            search,
            select_all: find(root, SELECT_ALL),
            clear: find(root, CLEAR),
            list,
            rows,
            no_results: find(root, NO_RESULTS),
            loading,
            url,
            scopes_output: find(root, SCOPES_OUTPUT),
            delimiter,
            status,
            notices,
        })
    }

    /// Shows the notices, one per line (or hides the area when there are none; a notice is never
    /// empty).
    pub fn show_notices<'a>(&self, notices: impl IntoIterator<Item = &'a str>) {
        let text = join(notices, "\n");
        set_text(&self.notices, &text);
        set_hidden(&self.notices, text.is_empty());
    }
}

/// Gives a control an accessible name when the page's markup did not.
fn name_if_unnamed(control: Option<&HtmlElement>, name: &str) -> Result<(), JsValue> {
    match control {
        Some(control) if !control.has_attribute("aria-label") => control.set_attribute("aria-label", name),
        _ => Ok(()),
    }
}
