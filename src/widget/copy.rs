//! The copy buttons a widget owns (the URL and scopes buttons of its panel, the per-scope
//! `data-copy` buttons of its guide): the text each one copies, and the feedback in the widget's
//! strings. Writing to the clipboard and showing the result is the JS shell's
//! (`www/src/clipboard.js`).

use scope_selector_core::contract::COPY_FEEDBACK;
use scope_selector_core::strings::{Key, Strings};
use wasm_bindgen::prelude::*;
use web_sys::Element;

#[wasm_bindgen(module = "/www/src/clipboard.js")]
extern "C" {
    /// Copies `text` for `button` and shows how it went; selects `source`'s text if refused.
    #[wasm_bindgen(js_name = copyText)]
    #[allow(clippy::too_many_arguments)]
    fn copy_text(
        text: &str,
        source: &Element,
        button: &Element,
        announcer: &Element,
        feedback: &str,
        copied: &str,
        blocked: &str,
        empty: &str,
    );
}

/// Copies `text` for `button`, selecting `source` if copying is refused, and says how it went.
pub fn copy(button: &Element, text: &str, source: &Element, strings: &Strings, announcer: &Element) {
    let message = |key| strings.text(key, &[]);
    copy_text(
        text,
        source,
        button,
        announcer,
        COPY_FEEDBACK.name,
        &message(Key::Copied),
        &message(Key::CopyBlocked),
        &message(Key::NothingToCopy),
    );
}
