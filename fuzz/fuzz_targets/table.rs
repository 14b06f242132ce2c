//! Any text as a table: it is read and validated (or rejected with a message) without panicking,
//! every error and notice points inside the text, and a valid table can be searched and united.
#![no_main]

use libfuzzer_sys::fuzz_target;
use scope_selector_core::table::read;
use scope_selector_core::Catalog;

fuzz_target!(|text: &str| {
    let reading = read(text);
    assert!(reading.errors.iter().all(|error| error.offset <= text.len() && !error.value.to_string().is_empty()));
    assert!(reading.notices.iter().all(|notice| notice.offset <= text.len()));
    assert_eq!(reading.table.is_some(), reading.errors.is_empty());
    if let Ok(mut catalog) = Catalog::from_json(text, str::to_lowercase) {
        let all: Vec<u32> = (0..catalog.table.len() as u32).collect();
        assert!(catalog.scopes(&all).is_ok());
        let query: String = text.chars().filter(|c| c.is_alphanumeric()).take(6).collect();
        let found = catalog.index.search(&query).to_vec();
        assert!(found.iter().all(|&index| (index as usize) < catalog.table.len()));
    }
});
