//! The key report: what a pasted key lacks for the choice, what it grants that the choice does not
//! need, what in the paste is not a scope of the table, and what the key can run, with a button
//! that chooses that. Written as text nodes only.

use scope_selector_core::key_check::{KeyCheck, PastedKey};
use scope_selector_core::scope_names::ScopeNames;
use scope_selector_core::text::{concat, decimal};
use scope_selector_core::{BitSet, Table};
use scope_selector_page::dom::{create, set_hidden, set_text};
use wasm_bindgen::prelude::*;
use web_sys::Element;

/// Marks the report's button that chooses the actions the key can run.
pub const CHOOSE_RUNNABLE: &str = "data-guide-choose-runnable";

/// `n` and the noun, singular or plural.
fn count(n: usize, one: &str, many: &str) -> String {
    concat(&[&decimal(n), " ", if n == 1 { one } else { many }])
}

/// Appends `child` to `parent`.
fn add(parent: &Element, child: &Element) -> Result<(), JsValue> {
    parent.append_child(child).map(drop)
}

/// A new element with a class and a text.
fn text_element(tag: &str, class: &str, text: &str) -> Result<Element, JsValue> {
    let element = create(tag, class)?;
    element.set_text_content(Some(text));
    Ok(element.into())
}

/// A list of scopes: each its display name (when it has one) and its name.
fn scope_list(heading: &str, table: &Table, names: &ScopeNames, scopes: &[u32]) -> Result<Element, JsValue> {
    let section = create("div", "guides-scope-selector__key-section")?;
    add(&section, &text_element("div", "guides-scope-selector__muted", heading)?)?;
    let list = create("ul", "guides-scope-selector__key-scopes")?;
    for &scope in scopes {
        let item = create("li", "")?;
        if let Some(name) = names.get(scope as usize) {
            add(&item, &text_element("span", "", &concat(&[name, " "]))?)?;
        }
        add(&item, &text_element("code", "", table.scope_name(scope as usize))?)?;
        list.append_child(&item)?;
    }
    section.append_child(&list)?;
    Ok(section.into())
}

/// The key report in the panel: a summary line that stays in place (a live region announces
/// changes of its text, not a region that appears with one) and the lists below it, rewritten.
pub struct KeyReport {
    place: Element,
    summary: Element,
    details: Element,
}

impl KeyReport {
    /// The report's parts, added to `place` (hidden until there is a key to report on).
    pub fn new(place: Element) -> Result<KeyReport, JsValue> {
        let summary: Element = create("p", "guides-scope-selector__key-summary")?.into();
        summary.set_attribute("role", "status")?;
        let details: Element = create("div", "")?.into();
        place.append_with_node_2(&summary, &details)?;
        set_hidden(&place, true);
        Ok(KeyReport { place, summary, details })
    }

    /// The elements it added (removed with the extras).
    pub fn parts(&self) -> [Element; 2] {
        [self.summary.clone(), self.details.clone()]
    }

    /// Nothing to report: emptied and hidden.
    pub fn clear(&self) -> Result<(), JsValue> {
        set_text(&self.summary, "");
        self.details.replace_children_with_node_0();
        set_hidden(&self.place, true);
        Ok(())
    }

    /// Shows the check of `key` against the choice `chosen`.
    pub fn show(
        &self,
        table: &Table,
        names: &ScopeNames,
        chosen: &BitSet,
        key: &PastedKey,
        check: &KeyCheck,
    ) -> Result<(), JsValue> {
        let parts = js_sys::Array::new();
        let needed = table.scope_union(chosen.iter()).len();
        let summary = if chosen.is_empty() {
            concat(&[
                "Your key has ",
                &count(key.scopes.len(), "scope", "scopes"),
                " of this table. Choose actions to see what it lacks.",
            ])
        } else if check.missing.is_empty() {
            concat(&["Your key has all ", &count(needed, "scope", "scopes"), " your choice needs."])
        } else {
            concat(&[
                "Your key lacks ",
                &decimal(check.missing.len()),
                " of the ",
                &count(needed, "scope", "scopes"),
                " your choice needs.",
            ])
        };
        set_text(&self.summary, &summary);
        if !chosen.is_empty() && !check.missing.is_empty() {
            parts.push(scope_list("Missing from your key", table, names, &check.missing)?.as_ref());
        }
        if !chosen.is_empty() && !check.unneeded.is_empty() {
            parts.push(scope_list("In your key, not needed by your choice", table, names, &check.unneeded)?.as_ref());
        }
        if !key.unknown.is_empty() {
            let section = create("div", "guides-scope-selector__key-section")?;
            add(&section, &text_element("div", "guides-scope-selector__muted", "Not scopes of this table")?)?;
            let list = create("ul", "guides-scope-selector__key-scopes")?;
            for unknown in &key.unknown {
                add(&list, &text_element("li", "", unknown)?)?;
            }
            section.append_child(&list)?;
            parts.push(&section);
        }
        let runnable = check.runnable.len();
        let line = create("p", "guides-scope-selector__key-runnable")?;
        add(
            &line,
            &text_element(
                "span",
                "",
                &concat(&[
                    "Your key can run ",
                    &decimal(runnable),
                    " of the ",
                    &count(table.len(), "action", "actions"),
                    ". ",
                ]),
            )?,
        )?;
        if runnable > 0 && check.runnable != *chosen {
            let label = if runnable == 1 {
                "Choose this action".into()
            } else {
                concat(&["Choose these ", &decimal(runnable), " actions"])
            };
            let button = text_element("button", "guides-scope-selector__quick-btn", &label)?;
            button.set_attribute("type", "button")?;
            button.set_attribute(CHOOSE_RUNNABLE, "")?;
            line.append_child(&button)?;
        }
        parts.push(&line);
        self.details.replace_children_with_node(&parts);
        set_hidden(&self.place, false);
        Ok(())
    }
}
