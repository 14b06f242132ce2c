//! One mounted widget's state and how it reacts to the reader: every change goes into the core's
//! [`Panel`], and the panel's view model is then applied to the page (list, status, scopes,
//! notices, URL field, address bar, guide elements).

use super::copy::copy;
use super::dom::{set_hidden, set_text, window};
use super::guide::GuideElement;
use super::journal::Journal;
use super::list::ActionList;
use super::parts::Parts;
use scope_selector_core::contract::COPY;
use scope_selector_core::panel::Panel;
use scope_selector_core::strings::Strings;
use scope_selector_core::Separator;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, HtmlInputElement};

/// The window event a widget sends after it replaced the page URL (other widgets then show the
/// new whole URL in their fields).
pub const URL_CHANGED: &str = "scope-selector:url";

/// The event a widget's root sends whenever the choice or the separator changes.
pub const CHANGE: &str = "scope-selector:change";

pub struct State {
    pub panel: Panel,
    pub parts: Parts,
    pub list: ActionList,
    pub guide: Vec<GuideElement>,
    pub strings: Strings,
    /// Everything the widget changed in the page, undone by `destroy()`.
    pub journal: Journal,
}

/// What a handler did: whether the choice (or separator) changed, so listeners are told once the
/// state is no longer borrowed.
pub type Outcome = Result<bool, JsValue>;

/// The page's current address.
pub fn page_url() -> Result<String, JsValue> {
    window()?.location().href()
}

impl State {
    /// Renders the list and everything that follows the choice; `write_url` also replaces the
    /// address bar's URL (never adding a history entry).
    pub fn render(&mut self, write_url: bool) -> Result<(), JsValue> {
        let viewport = self.list.viewport(&self.parts, self.panel.shown().len());
        let view = self.panel.view(&self.strings, &page_url()?, viewport);
        self.list.render(
            &self.parts,
            self.panel.table(),
            self.panel.shown(),
            view.rows.clone(),
            self.panel.chosen(),
        )?;
        if let Some(no_results) = &self.parts.no_results {
            set_hidden(no_results, !view.no_results);
        }
        set_text(&self.parts.status, &view.status);
        set_text(&self.parts.notices, &view.notices);
        set_hidden(&self.parts.notices, view.notices.is_empty());
        if let Some(output) = &self.parts.scopes_output {
            set_text(output, &view.scopes);
        }
        if let Some(field) = &self.parts.url {
            field.set_value(&view.url);
        }
        if write_url {
            let window = window()?;
            window.history()?.replace_state_with_url(&JsValue::NULL, "", Some(&view.url))?;
            window.dispatch_event(&Event::new(URL_CHANGED)?)?;
        }
        self.panel.with_guide_choice(|choice| self.guide.iter().for_each(|element| element.apply(choice)));
        self.list.refresh_checks(self.panel.chosen());
        Ok(())
    }

    /// Another widget changed the address: show the new whole URL.
    pub fn on_url_changed(&mut self, _: &Event) -> Outcome {
        if let Some(field) = &self.parts.url {
            field.set_value(&self.panel.url(&page_url()?).0);
        }
        Ok(false)
    }

    pub fn on_search(&mut self, _: &Event) -> Outcome {
        let query = self.parts.search.as_ref().map(HtmlInputElement::value).unwrap_or_default();
        self.panel.search(&query);
        self.parts.list.set_scroll_top(0);
        self.render(false).map(|()| false)
    }

    pub fn on_select_all(&mut self, _: &Event) -> Outcome {
        self.panel.select_shown();
        self.render(true).map(|()| true)
    }

    pub fn on_clear(&mut self, _: &Event) -> Outcome {
        self.panel.choose(scope_selector_core::BitSet::new(self.panel.table().len()));
        self.render(true).map(|()| true)
    }

    pub fn on_check(&mut self, event: &Event) -> Outcome {
        let Some(check) = event.target().and_then(|target| target.dyn_into::<HtmlInputElement>().ok()) else {
            return Ok(false);
        };
        let slot = check.closest("[data-slot]")?.and_then(|row| row.get_attribute("data-slot"));
        match slot.and_then(|slot| slot.parse().ok()).and_then(|slot| self.list.action_at(slot)) {
            Some(action) => {
                self.panel.toggle(action as usize, check.checked());
                self.render(true).map(|()| true)
            }
            None => Ok(false),
        }
    }

    pub fn on_separator(&mut self, _: &Event) -> Outcome {
        let name = self.parts.delimiter.as_ref().map(|delimiter| delimiter.value()).unwrap_or_default();
        self.panel.set_separator(Separator::from_name(&name).unwrap_or_default());
        self.render(true).map(|()| true)
    }

    pub fn on_scroll(&mut self, _: &Event) -> Outcome {
        if scope_selector_core::window::is_windowed(self.panel.shown().len()) {
            self.render(false)?;
        }
        Ok(false)
    }

    /// A click on one of the widget's copy buttons (the target says which).
    pub fn on_copy(&mut self, event: &Event) -> Outcome {
        let Some(button) = event.current_target().and_then(|target| target.dyn_into::<Element>().ok()) else {
            return Ok(false);
        };
        let parts = &self.parts;
        let is = |control: &Option<Element>| control.as_ref().is_some_and(|control| control == &button);
        let (text, source): (String, Element) = if let Some(text) = button.get_attribute(COPY.name) {
            // A per-scope button: its label is selected if copying is refused.
            let label = button.query_selector("span")?.unwrap_or_else(|| button.clone());
            (text, label)
        } else if is(&parts.copy_url) {
            match &parts.url {
                Some(field) => (field.value(), field.clone().into()),
                None => return Ok(false),
            }
        } else {
            match &parts.scopes_output {
                Some(output) => (output.text_content().unwrap_or_default(), output.clone()),
                None => return Ok(false),
            }
        };
        copy(&button, &text, &source, &self.strings, &parts.announcer);
        Ok(false)
    }
}
