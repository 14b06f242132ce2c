//! Any text as a link's parameter values, and as a whole URL: decoding never panics, stays within
//! the table, and re-encoding what was decoded gives back the same choice.
#![no_main]

use libfuzzer_sys::fuzz_target;
use scope_selector_core::guide_url::{decode, encode_actions, encode_separator, read_url, write_url, ParamNames};
use scope_selector_core::Catalog;
use std::sync::OnceLock;

fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| {
        Catalog::from_json(include_str!("../../tests/fixtures/ashby-actions.json"), str::to_lowercase).unwrap()
    })
}

fuzz_target!(|text: &str| {
    let table = &catalog().table;
    let names = ParamNames::for_key("");
    let mut parts = text.split('&');
    let actions: Vec<String> = parts.next().map(str::to_owned).into_iter().collect();
    let separators: Vec<String> = parts.map(str::to_owned).collect();
    let decoded = decode(table, &names, &actions, &separators);
    assert!(decoded.actions.iter().all(|index| index < table.len()));

    let again: Vec<String> = encode_actions(table, &decoded.actions).unwrap().into_iter().collect();
    let separator: Vec<String> = encode_separator(decoded.separator).into_iter().map(str::to_owned).collect();
    let round = decode(table, &names, &again, &separator);
    assert_eq!(round.actions, decoded.actions);
    assert_eq!(round.separator, decoded.separator);
    assert!(round.notices.is_empty());

    // The same text as a whole URL: reading never panics, and writing the choice back into it
    // and reading again gives that choice.
    let names = ParamNames::for_key("k");
    let from_url = read_url(text, &names, table);
    let (url, _) = write_url(text, &names, table, &from_url.actions, from_url.separator);
    let again = read_url(&url, &names, table);
    assert_eq!(again.actions, from_url.actions);
    assert_eq!(again.separator, from_url.separator);
});
