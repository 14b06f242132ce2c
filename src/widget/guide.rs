//! The guide elements one widget controls: sections and steps (shown or hidden), scope items
//! (shown when their scope is chosen) and "Enables actions" badges (listing chosen actions).

use scope_selector_core::contract::{BADGE, BADGE_LABELS, BADGE_SCOPES, DISPLAY_SCOPE, SCOPES};
use scope_selector_core::guide::{scope_item_visible, unknown_scopes, GuideChoice, GuideScopes};
use scope_selector_core::Table;
use scope_selector_page::dom::{find, set_hidden, set_text};
use web_sys::Element;

pub struct GuideElement {
    element: Element,
    /// Whether the markup hid the element before mounting (restored by [`GuideElement::restore`]).
    was_hidden: bool,
    kind: Kind,
}

enum Kind {
    /// A `data-guide-section` or `data-guide-step` with its `data-guide-scopes`.
    Block { scopes: GuideScopes },
    /// A `data-guide-display-scope` list item.
    ScopeItem { scope: String },
    /// A `data-guide-actions-badge` with its labels element and the author's text, and whether
    /// the widget made it focusable (a badge of many labels scrolls, and keyboard readers must
    /// reach what it lists).
    Badge { labels: Element, scopes: GuideScopes, original: String, made_focusable: bool },
}

impl GuideElement {
    /// Reads one guide element; the scope names it gives that the table lacks are added to
    /// `unknown` (each once).
    pub fn read(element: Element, table: &Table, unknown: &mut Vec<String>) -> Option<GuideElement> {
        let mut note = |attribute: &str| {
            for scope in unknown_scopes(table, attribute) {
                if !unknown.iter().any(|known| known == scope) {
                    unknown.push(scope.to_owned());
                }
            }
        };
        let kind = if element.has_attribute(BADGE.name) {
            let labels = find(&element, BADGE_LABELS)?;
            let scopes = element
                .get_attribute(BADGE_SCOPES.name)
                .or_else(|| element.closest(SCOPES.selector()).ok()??.get_attribute(SCOPES.name))
                .unwrap_or_default();
            note(&scopes);
            let original = labels.text_content().unwrap_or_default();
            let scopes = GuideScopes::resolve(table, &scopes);
            let made_focusable = !element.has_attribute("tabindex") && element.set_attribute("tabindex", "0").is_ok();
            Kind::Badge { labels, scopes, original, made_focusable }
        } else if let Some(scope) = element.get_attribute(DISPLAY_SCOPE.name) {
            note(&scope);
            Kind::ScopeItem { scope }
        } else {
            let scopes = element.get_attribute(SCOPES.name).unwrap_or_default();
            note(&scopes);
            Kind::Block { scopes: GuideScopes::resolve(table, &scopes) }
        };
        Some(GuideElement { was_hidden: element.has_attribute("hidden"), element, kind })
    }

    pub fn apply(&self, choice: GuideChoice<'_>) {
        let element = &self.element;
        match &self.kind {
            Kind::Block { scopes } => set_hidden(element, !scopes.visible(choice)),
            Kind::ScopeItem { scope } => set_hidden(element, !scope_item_visible(scope, choice)),
            Kind::Badge { labels, scopes, original, .. } => {
                let text = scopes.badge_labels(choice);
                set_text(labels, text.as_deref().unwrap_or(original));
                set_hidden(element, text.is_some_and(|text| text.is_empty()));
            }
        }
    }

    /// Puts the element back as the markup had it.
    pub fn restore(&self) {
        set_hidden(&self.element, self.was_hidden);
        if let Kind::Badge { labels, original, made_focusable, .. } = &self.kind {
            set_text(labels, original);
            if *made_focusable {
                let _ = self.element.remove_attribute("tabindex");
            }
        }
    }
}

/// Warns once, in the console, about each scope the guide names that the table lacks: a step
/// that names only unknown scopes is hidden as soon as anything is chosen, so a typo such as
/// `fruit:raed` would hide it from every reader without a word.
pub fn warn_unknown(unknown: &[String]) {
    for scope in unknown {
        scope_selector_page::dom::warn(&[
            "scope-selector: the guide names the scope \"",
            scope,
            "\", which is not in the action table (steps that need only unknown scopes are hidden as soon as anything is chosen)",
        ]);
    }
}
