//! The languages the panel speaks: the built-in catalogues (`locales/*.json` beside this crate),
//! the one a page's language tag picks, and the words that stay English in every language.
//!
//! A tag picks a catalogue case-insensitively, truncated subtag by subtag (BCP 47 lookup) until
//! one matches, with aliases where truncation cannot reach a file (`pt` → `pt-BR`, `zh-Hans` →
//! `zh-CN`) or must not (`zh-Hant` and `zh-TW` stay English until a file exists). The renderer
//! (`www/messages.js`) applies the same rule; `crates/core/tests/languages.json` holds the cases
//! both are tested on.

use crate::json::Value;
use crate::message::{Catalogue, Message, ENGLISH};

/// The built-in catalogues: file name (its language tag) and text.
pub const BUILT_IN: [(&str, &str); 12] = [
    ("en", ENGLISH),
    ("ar", include_str!("../locales/ar.json")),
    ("de", include_str!("../locales/de.json")),
    ("es", include_str!("../locales/es.json")),
    ("fr", include_str!("../locales/fr.json")),
    ("it", include_str!("../locales/it.json")),
    ("ja", include_str!("../locales/ja.json")),
    ("ko", include_str!("../locales/ko.json")),
    ("nl", include_str!("../locales/nl.json")),
    ("pl", include_str!("../locales/pl.json")),
    ("pt-BR", include_str!("../locales/pt-BR.json")),
    ("zh-CN", include_str!("../locales/zh-CN.json")),
];

/// The plural categories each built-in language uses (CLDR 46, as the engines' `Intl.PluralRules`
/// reports them; `tests/languages.test.mjs` checks this table against the browser's).
pub const PLURAL_CATEGORIES: [(&str, &[&str]); 12] = [
    ("en", &["one", "other"]),
    ("ar", &["zero", "one", "two", "few", "many", "other"]),
    ("de", &["one", "other"]),
    ("es", &["one", "many", "other"]),
    ("fr", &["one", "many", "other"]),
    ("it", &["one", "many", "other"]),
    ("ja", &["other"]),
    ("ko", &["other"]),
    ("nl", &["one", "other"]),
    ("pl", &["one", "few", "many", "other"]),
    ("pt-BR", &["one", "many", "other"]),
    ("zh-CN", &["other"]),
];

/// The plural categories of built-in language `name`, if it is one.
pub fn plural_categories(name: &str) -> Option<&'static [&'static str]> {
    PLURAL_CATEGORIES.iter().find(|(language, _)| *language == name).map(|(_, categories)| *categories)
}

/// Tags truncation would send elsewhere: each to its file, or to English (`None`).
const ALIASES: [(&str, Option<&str>); 8] = [
    ("pt", Some("pt-BR")),
    ("zh", Some("zh-CN")),
    ("zh-hans", Some("zh-CN")),
    ("zh-sg", Some("zh-CN")),
    ("zh-hant", None),
    ("zh-tw", None),
    ("zh-hk", None),
    ("zh-mo", None),
];

/// Whether `code`'s words stay English in every language: they speak to the page's author or to
/// a script (console warnings, errors thrown by the API, the helpers' errors), not to a reader.
pub fn for_developers(code: &str) -> bool {
    ["presets.", "scopeLabels.", "guide.", "api.", "url."].iter().any(|prefix| code.starts_with(prefix))
        || matches!(code, "panel.noTable" | "link.sharedParameter")
}

/// Whether `tag` has the form of a BCP 47 language tag: a language of 2 to 8 letters, then
/// subtags of 1 to 8 letters or digits, joined by `-`.
pub fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let language = parts.next().unwrap_or_default();
    (2..=8).contains(&language.len())
        && language.bytes().all(|byte| byte.is_ascii_alphabetic())
        && parts.all(|part| (1..=8).contains(&part.len()) && part.bytes().all(|byte| byte.is_ascii_alphanumeric()))
}

/// The built-in catalogue `tag` picks (its file name, `"en"` when none matches), or `None` when
/// `tag` is not a language tag.
///
/// ```
/// use scope_selector_core::language::resolve;
/// assert_eq!(resolve("de-AT"), Some("de"));
/// assert_eq!(resolve("ZH-hans-CN"), Some("zh-CN"));
/// assert_eq!(resolve("zh-TW"), Some("en"));
/// assert_eq!(resolve("sv"), Some("en"));
/// assert_eq!(resolve("not a tag"), None);
/// ```
pub fn resolve(tag: &str) -> Option<&'static str> {
    if !is_language_tag(tag) {
        return None;
    }
    let mut candidate = tag.to_ascii_lowercase();
    loop {
        if let Some((_, target)) = ALIASES.iter().find(|(alias, _)| *alias == candidate) {
            return Some(target.unwrap_or("en"));
        }
        if let Some((name, _)) = BUILT_IN.iter().find(|(name, _)| name.eq_ignore_ascii_case(&candidate)) {
            return Some(name);
        }
        match candidate.rfind('-') {
            Some(cut) => candidate.truncate(cut),
            None => return Some("en"),
        }
    }
}

/// The words of built-in language `name` (a file name `resolve` gave): its catalogue's entry for
/// a message, else the English one. Plural forms follow English rules (`one` for 1), enough for
/// the panel markup's texts, which have none.
pub fn words_in(name: &str) -> impl Fn(&Message) -> String {
    let text = BUILT_IN.iter().find(|(file, _)| *file == name).map_or(ENGLISH, |(_, text)| text);
    let own = Catalogue::parse(text).ok();
    move |message: &Message| match &own {
        Some(catalogue) if catalogue.has(message.code) => catalogue.format(message),
        _ => crate::message::english(message),
    }
}

/// The `{name}` placeholders of a catalogue entry (every form of a plural one).
fn placeholders(entry: &Value) -> Vec<&str> {
    let texts: Vec<&str> = match entry {
        Value::String(text) => vec![text],
        Value::Object(forms) => forms.iter().filter_map(|(_, text)| text.as_str()).collect(),
        _ => Vec::new(),
    };
    let mut names = Vec::new();
    for text in texts {
        let mut rest = text;
        while let Some(open) = rest.find('{') {
            let Some(close) = rest[open..].find('}') else { break };
            names.push(&rest[open + 1..open + close]);
            rest = &rest[open + close + 1..];
        }
    }
    names
}

/// What the widget leaves out of a page's own words (`data-guide-strings`, JSON text) on a page in
/// language `tag`, each said as the widget's console warning says it: text that is not a JSON
/// object, a key that is not one of a panel's texts, words that are not a string (or plural forms,
/// where the English words have them), plural forms the language does not use (checked for the
/// built-in languages, whose categories are known), and placeholders the English words lack.
///
/// ```
/// use scope_selector_core::language::check_strings;
/// assert!(check_strings(r#"{"copy.copied": "Fertig"}"#, "de").is_empty());
/// assert_eq!(check_strings(r#"{"copy.copie": "x", "export.more": "{n} mehr"}"#, "de"),
///     ["\"copy.copie\": unknown key", "\"export.more\": unknown placeholder {n}"]);
/// assert_eq!(check_strings(r#"{"export.actions": {"few": "x", "other": "y"}}"#, "de"),
///     ["\"export.actions\": plural forms must be strings for one, other"]);
/// ```
pub fn check_strings(text: &str, tag: &str) -> Vec<String> {
    let entries = match Value::parse(text) {
        Err(error) => return vec![format!("it is not JSON ({})", crate::message::english(&error.describe()))],
        Ok(Value::Object(entries)) => entries,
        Ok(_) => return vec!["it must be an object of keys and words".to_owned()],
    };
    let Ok(Value::Object(english)) = Value::parse(ENGLISH) else { return Vec::new() };
    let categories = resolve(tag).and_then(plural_categories);
    let mut problems = Vec::new();
    for (key, words) in &entries {
        // (The words of the panel markup and the URL builder are the helpers', never the widget's.)
        let widget = !key.starts_with("markup.") && !key.starts_with("url.");
        let known = english.iter().rev().find(|(code, _)| widget && code == key).map(|(_, words)| words);
        let problem = match (known, words) {
            (None, _) => "unknown key".to_owned(),
            (Some(Value::String(_)), Value::String(_)) | (Some(Value::Object(_)), Value::String(_)) => String::new(),
            (Some(Value::Object(_)), Value::Object(forms)) => match categories {
                Some(categories)
                    if forms.iter().any(|(category, text)| {
                        !categories.contains(&category.as_str()) || text.as_str().is_none()
                    }) =>
                {
                    format!("plural forms must be strings for {}", categories.join(", "))
                }
                _ => String::new(),
            },
            (Some(Value::Object(_)), _) => "not a string or plural forms".to_owned(),
            (Some(_), _) => "not a string".to_owned(),
        };
        let problem = match (problem.is_empty(), known) {
            (true, Some(known)) => {
                let allowed = placeholders(known);
                placeholders(words)
                    .into_iter()
                    .find(|name| !allowed.contains(name))
                    .map_or(problem, |name| format!("unknown placeholder {{{name}}}"))
            }
            _ => problem,
        };
        if !problem.is_empty() {
            problems.push(format!("\"{key}\": {problem}"));
        }
    }
    problems
}
