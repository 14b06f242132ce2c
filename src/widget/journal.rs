//! What a widget changed in the page, so that `destroy()` puts the panel and its guide back as
//! they were before mounting: elements it added are removed, and every attribute, text and
//! control value it touched gets its earlier value back (in reverse order of the changes).

use web_sys::{Element, HtmlInputElement, HtmlSelectElement};

enum Undo {
    /// An element the widget added.
    Remove(Element),
    /// An attribute and the value it had (`None`: absent).
    Attribute(Element, &'static str, Option<String>),
    /// An element's text, when the widget rewrites it (badges).
    Text(Element, Option<String>),
    /// A text field's value.
    Input(HtmlInputElement, String),
    /// A menu's value.
    Select(HtmlSelectElement, String),
}

#[derive(Default)]
pub struct Journal {
    undo: Vec<Undo>,
}

impl Journal {
    /// Records an element the widget added.
    pub fn added(&mut self, element: &Element) {
        self.undo.push(Undo::Remove(element.clone()));
    }

    /// Records an attribute's value before the widget changes it.
    pub fn attribute(&mut self, element: &Element, name: &'static str) {
        self.undo.push(Undo::Attribute(element.clone(), name, element.get_attribute(name)));
    }

    /// Records an element's text before the widget rewrites it.
    pub fn text(&mut self, element: &Element) {
        self.undo.push(Undo::Text(element.clone(), element.text_content()));
    }

    /// Records a text field's value.
    pub fn input(&mut self, input: &HtmlInputElement) {
        self.undo.push(Undo::Input(input.clone(), input.value()));
    }

    /// Records a menu's value.
    pub fn select(&mut self, select: &HtmlSelectElement) {
        self.undo.push(Undo::Select(select.clone(), select.value()));
    }

    /// Puts everything back, the last change first.
    pub fn undo(self) {
        for undo in self.undo.into_iter().rev() {
            match undo {
                Undo::Remove(element) => element.remove(),
                Undo::Attribute(element, name, Some(value)) => drop(element.set_attribute(name, &value)),
                Undo::Attribute(element, name, None) => drop(element.remove_attribute(name)),
                Undo::Text(element, text) => element.set_text_content(text.as_deref()),
                Undo::Input(input, value) => input.set_value(&value),
                Undo::Select(select, value) => select.set_value(&value),
            }
        }
    }
}
