//! The copy buttons a widget owns (the URL and scopes buttons of its panel, the per-scope
//! `data-copy` buttons of its guide): the text to copy, and the feedback shown on the button and
//! announced. Writing to the clipboard is the JS shell's (`www/src/clipboard.js`).

use super::dom::{report, window};
use scope_selector_core::strings::{Key, Strings};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

#[wasm_bindgen(module = "/www/src/clipboard.js")]
extern "C" {
    /// Copies `text` and calls `done(copied)`; if copying is refused, selects `source`'s text.
    #[wasm_bindgen(js_name = copyText)]
    fn copy_text(text: &str, source: &Element, done: &JsValue);
}

/// The attribute holding a button's feedback (shown by the stylesheet as a bubble).
pub const FEEDBACK: &str = "data-copy-feedback";

/// How long the feedback stays on the button.
const FEEDBACK_MS: i32 = 1600;

/// Copies `text` for `button`, selecting `source` if copying is refused, and says how it went.
pub fn copy(button: &Element, text: &str, source: &Element, strings: &Strings, announcer: &Element) {
    if text.is_empty() {
        show(button, announcer, &strings.text(Key::NothingToCopy, &[]));
        return;
    }
    let (copied, blocked) = (strings.text(Key::Copied, &[]), strings.text(Key::CopyBlocked, &[]));
    let (button, announcer) = (button.clone(), announcer.clone());
    let done = Closure::once_into_js(move |done: JsValue| {
        show(&button, &announcer, if done.is_truthy() { &copied } else { &blocked });
    });
    copy_text(text, source, &done);
}

/// Shows `message` on `button` for a moment and announces it.
fn show(button: &Element, announcer: &Element, message: &str) {
    report(button.set_attribute(FEEDBACK, message));
    announcer.set_text_content(Some(message));
    let button = button.clone();
    let owner = message.to_owned();
    let clear = Closure::once_into_js(move || {
        // Only the feedback this call showed (a later copy shows its own, for its own time).
        if button.get_attribute(FEEDBACK).as_deref() == Some(&owner) {
            let _ = button.remove_attribute(FEEDBACK);
        }
    });
    if let Ok(window) = window() {
        report(
            window.set_timeout_with_callback_and_timeout_and_arguments_0(clear.unchecked_ref(), FEEDBACK_MS).map(drop),
        );
    }
}
