//! Any text as a spec: the importer never panics, stays within its limits, and what it writes is a
//! table the core reads whole, with valid, unique ids, the same bytes on a second run.
#![no_main]

use libfuzzer_sys::fuzz_target;
use scope_selector_core::guide_url::is_id_separator;
use scope_selector_core::Table;
use scope_selector_import::{import, Options};

fuzz_target!(|text: &str| {
    let Ok(imported) = import(text, &Options::default()) else { return };
    assert_eq!(import(text, &Options::default()).map(|again| again.json).ok(), Some(imported.json.clone()));
    let loaded = Table::from_json(&imported.json).expect("the core reads the table");
    assert!(loaded.notices.is_empty(), "the core repaired {:?} in {}", loaded.notices, imported.json);
    assert_eq!(loaded.table.len(), imported.kept);
    for index in 0..loaded.table.len() {
        let id = loaded.table.id(index);
        assert!(!id.is_empty() && !id.chars().any(is_id_separator), "id {id:?}");
    }
});
