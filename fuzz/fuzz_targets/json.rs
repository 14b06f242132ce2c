//! Any text as JSON: the core's reader accepts exactly what serde_json accepts (but numbers too
//! large for a double, which `JSON.parse` accepts too, and a leading byte-order mark, which both
//! the reader and browsers' text decoding skip), and never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;
use scope_selector_core::json::Value;

fuzz_target!(|text: &str| {
    let ours = Value::parse(text);
    if text.starts_with('\u{feff}') || text.contains("\\ud") || text.contains("\\uD") {
        return;
    }
    match serde_json::from_str::<serde_json::Value>(text) {
        Ok(_) => assert!(ours.is_ok(), "serde_json accepts {text:?}, the reader says {ours:?}"),
        Err(error) if error.to_string().starts_with("number out of range") => {}
        // serde_json stops at its recursion limit (128); the reader has none.
        Err(error) if error.to_string().starts_with("recursion limit exceeded") => {}
        Err(error) => assert!(ours.is_err(), "serde_json rejects {text:?} ({error}), the reader accepts it"),
    }
});
