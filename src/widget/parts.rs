//! The panel elements of one widget root, found by their `data-guide-*` attributes, plus the few
//! elements the widget adds (the rows, a status line, notices, a live region for copy results).
//! Everything changed here is recorded in the widget's [`Journal`].

use super::dom::{create, document_of, find, find_as, write_hidden};
use super::journal::Journal;
use scope_selector_core::contract::{
    Attr, CLEAR, COPY_SCOPES, COPY_URL, DELIMITER, LOADING, NO_RESULTS, SCOPES_OUTPUT, SEARCH, SELECT_ALL, URL,
};
use scope_selector_core::strings::{Key, Strings};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
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
    pub copy_url: Option<Element>,
    pub scopes_output: Option<Element>,
    pub delimiter: Option<HtmlSelectElement>,
    pub copy_scopes: Option<Element>,
    /// "N of T actions selected · M shown", announced politely.
    pub status: HtmlElement,
    /// Notices about the table, the link or the page.
    pub notices: HtmlElement,
    /// Announces copy results.
    pub announcer: HtmlElement,
}

impl Parts {
    pub fn find(root: &Element, strings: &Strings, journal: &mut Journal) -> Result<Parts, JsValue> {
        let document = document_of(root)?;
        let loading = find(root, LOADING);
        let list = match loading.as_ref().and_then(|loading| loading.parent_element()) {
            Some(list) => list.unchecked_into::<HtmlElement>(),
            None => {
                let list = create(&document, "div", "guides-scope-selector__list")?;
                root.append_child(&list)?;
                journal.added(&list);
                list
            }
        };
        let rows = create(&document, "div", "guides-scope-selector__rows")?;
        rows.set_attribute("role", "list")?;
        rows.set_attribute("aria-label", &strings.text(Key::ListLabel, &[]))?;
        list.insert_before(&rows, loading.as_ref().map(|loading| loading.as_ref()))?;
        journal.added(&rows);

        let status = create(&document, "div", "guides-scope-selector__status")?;
        status.set_attribute("role", "status")?;
        let notices = create(&document, "div", "guides-scope-selector__notices")?;
        notices.set_attribute("role", "status")?;
        write_hidden(&notices, true);
        let announcer = create(&document, "div", "guides-scope-selector__live guides-scope-selector__offscreen")?;
        announcer.set_attribute("role", "status")?;
        list.after_with_node_3(&status, &notices, &announcer)?;
        for added in [&status, &notices, &announcer] {
            journal.added(added);
        }

        let search: Option<HtmlInputElement> = find_as(root, SEARCH);
        let url: Option<HtmlInputElement> = find_as(root, URL);
        let delimiter: Option<HtmlSelectElement> = find_as(root, DELIMITER);
        name_if_unnamed(search.as_deref(), &strings.text(Key::SearchLabel, &[]), journal)?;
        name_if_unnamed(url.as_deref(), &strings.text(Key::UrlLabel, &[]), journal)?;
        name_if_unnamed(delimiter.as_deref(), &strings.text(Key::SeparatorLabel, &[]), journal)?;
        if let Some(search) = &search {
            journal.input(search);
        }
        if let Some(url) = &url {
            journal.input(url);
        }
        if let Some(delimiter) = &delimiter {
            journal.select(delimiter);
        }
        let no_results = find(root, NO_RESULTS);
        for placeholder in loading.iter().chain(&no_results) {
            journal.attribute(placeholder, "hidden");
        }
        let found = |attr: Attr| find(root, attr);
        let parts = Parts {
            search,
            select_all: found(SELECT_ALL),
            clear: found(CLEAR),
            list,
            rows,
            no_results,
            loading,
            url,
            copy_url: found(COPY_URL),
            scopes_output: found(SCOPES_OUTPUT),
            delimiter,
            copy_scopes: found(COPY_SCOPES),
            status,
            notices,
            announcer,
        };
        if let Some(output) = &parts.scopes_output {
            journal.text(output);
        }
        Ok(parts)
    }
}

/// Gives a control an accessible name when the page's markup did not.
fn name_if_unnamed(control: Option<&HtmlElement>, name: &str, journal: &mut Journal) -> Result<(), JsValue> {
    match control {
        Some(control) if !control.has_attribute("aria-label") => {
            journal.attribute(control, "aria-label");
            control.set_attribute("aria-label", name)
        }
        _ => Ok(()),
    }
}
