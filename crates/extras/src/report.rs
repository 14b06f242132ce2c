//! The key report: what a pasted key lacks for the choice, what it grants that the choice does not
//! need, what in the paste is not a scope of the table, and what the key can run, with a button
//! that chooses that. Written as text nodes only.

use scope_selector_core::key_check::{KeyCheck, PastedKey};
use scope_selector_core::scope_names::ScopeNames;
use scope_selector_core::text::{concat, decimal};
use scope_selector_core::{BitSet, Table};
use scope_selector_page::dom::create;
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

/// Fills `report` with the check of `key` against the choice `chosen`.
pub fn show(
    report: &Element,
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
    let summary = text_element("p", "guides-scope-selector__key-summary", &summary)?;
    summary.set_attribute("role", "status")?;
    parts.push(&summary);
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
        let button = text_element(
            "button",
            "guides-scope-selector__quick-btn",
            &if runnable == 1 {
                "Choose this action".into()
            } else {
                concat(&["Choose these ", &decimal(runnable), " actions"])
            },
        )?;
        button.set_attribute("type", "button")?;
        button.set_attribute(CHOOSE_RUNNABLE, "")?;
        line.append_child(&button)?;
    }
    parts.push(&line);
    report.replace_children_with_node(&parts);
    Ok(())
}
