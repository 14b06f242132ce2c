//! The built-in translations: each has every key a reader can meet, only the placeholders of the
//! English words, only the plural categories its language uses (the core's table, which
//! `tests/languages.test.mjs` checks against the browser's `Intl.PluralRules`), and words of its
//! own; and the language a page's tag picks (`crates/core/tests/languages.json`, which the
//! renderer's test reads too).

use scope_selector_core::language::{for_developers, plural_categories, resolve, BUILT_IN};
use serde_json::{Map, Value};
use std::collections::BTreeSet;

fn entries(text: &str) -> Map<String, Value> {
    match serde_json::from_str(text).unwrap() {
        Value::Object(map) => map,
        other => panic!("a catalogue must be an object, found {other}"),
    }
}

/// The `{name}` placeholders of an entry (every form of a plural one).
fn placeholders(value: &Value) -> BTreeSet<String> {
    let texts: Vec<&str> = match value {
        Value::String(text) => vec![text],
        Value::Object(forms) => forms.values().filter_map(Value::as_str).collect(),
        other => panic!("an entry must be a string or plural forms, found {other}"),
    };
    let mut names = BTreeSet::new();
    for text in texts {
        let mut rest = text;
        while let Some(open) = rest.find('{') {
            let Some(close) = rest[open..].find('}') else { break };
            names.insert(rest[open + 1..open + close].to_owned());
            rest = &rest[open + close + 1..];
        }
    }
    names
}

#[test]
fn every_translation_has_every_key_a_reader_meets_with_the_english_placeholders() {
    let english = entries(BUILT_IN[0].1);
    for (name, text) in &BUILT_IN[1..] {
        let own = entries(text);
        let used = plural_categories(name).unwrap();
        for (code, words) in &english {
            if for_developers(code) {
                assert!(!own.contains_key(code), "{name}: {code} speaks to developers and stays English");
                continue;
            }
            let translated = own.get(code).unwrap_or_else(|| panic!("{name} has no {code}"));
            let unknown: Vec<_> = placeholders(translated).difference(&placeholders(words)).cloned().collect();
            assert!(unknown.is_empty(), "{name}: {code} uses placeholders the English words lack: {unknown:?}");
            match (words, translated) {
                (Value::String(_), Value::String(_)) => {}
                (Value::Object(_), Value::Object(forms)) => {
                    assert!(forms.contains_key("other"), "{name}: {code} has no \"other\" form");
                    for category in forms.keys() {
                        assert!(
                            used.contains(&category.as_str()),
                            "{name}: {code} has a form \"{category}\", which {name} does not use ({used:?})"
                        );
                    }
                }
                _ => panic!("{name}: {code} must have plural forms exactly where English has them"),
            }
        }
        for code in own.keys() {
            assert!(english.contains_key(code), "{name}: {code} is not a key of the English catalogue");
        }
    }
}

#[test]
fn every_translation_has_words_of_its_own() {
    let english = entries(BUILT_IN[0].1);
    for (name, text) in &BUILT_IN[1..] {
        let own = entries(text);
        let same = own.iter().filter(|(code, words)| english.get(*code) == Some(words)).count();
        assert!(same * 10 < own.len(), "{name}: {same} of its {} entries are the English words", own.len());
    }
}

#[test]
fn a_page_language_picks_its_catalogue() {
    let cases: Vec<(String, Option<String>)> = serde_json::from_str(include_str!("languages.json")).unwrap();
    for (tag, expected) in cases {
        assert_eq!(resolve(&tag).map(str::to_owned), expected, "{tag:?}");
    }
}
