//! The guide elements one widget controls: sections and steps (shown or hidden), scope items
//! (shown when their scope is chosen) and "Enables actions" badges (listing chosen actions).

use super::dom::{find, set_hidden, set_text};
use scope_selector_core::guide::{scope_item_visible, GuideChoice, GuideScopes};
use scope_selector_core::Table;
use web_sys::Element;

/// The selector matching every element a widget may control, and the widget roots themselves.
pub const SELECTOR: &str = "[data-guides-scope-selector], [data-guide-section], [data-guide-step], \
                            [data-guide-display-scope], [data-guide-actions-badge]";

pub enum GuideElement {
    /// A `data-guide-section` or `data-guide-step` with its `data-guide-scopes`.
    Block { element: Element, scopes: GuideScopes },
    /// A `data-guide-display-scope` list item.
    ScopeItem { element: Element, scope: String },
    /// A `data-guide-actions-badge` with its labels element and the author's text.
    Badge { element: Element, labels: Element, scopes: GuideScopes, original: String },
}

impl GuideElement {
    pub fn read(element: Element, table: &Table) -> Option<GuideElement> {
        if element.has_attribute("data-guide-actions-badge") {
            let labels = find(&element, "[data-guide-actions-badge-labels]")?;
            let scopes = element
                .get_attribute("data-guide-actions-badge-scopes")
                .or_else(|| element.closest("[data-guide-scopes]").ok()??.get_attribute("data-guide-scopes"))
                .unwrap_or_default();
            let original = labels.text_content().unwrap_or_default();
            let scopes = GuideScopes::resolve(table, &scopes);
            return Some(GuideElement::Badge { element, labels, scopes, original });
        }
        if let Some(scope) = element.get_attribute("data-guide-display-scope") {
            return Some(GuideElement::ScopeItem { element, scope });
        }
        let scopes = GuideScopes::resolve(table, &element.get_attribute("data-guide-scopes").unwrap_or_default());
        Some(GuideElement::Block { element, scopes })
    }

    pub fn apply(&self, choice: GuideChoice<'_>) {
        match self {
            GuideElement::Block { element, scopes } => set_hidden(element, !scopes.visible(choice)),
            GuideElement::ScopeItem { element, scope } => set_hidden(element, !scope_item_visible(scope, choice)),
            GuideElement::Badge { element, labels, scopes, original } => {
                let text = scopes.badge_labels(choice);
                set_text(labels, text.as_deref().unwrap_or(original));
                set_hidden(element, text.is_some_and(|text| text.is_empty()));
            }
        }
    }
}
