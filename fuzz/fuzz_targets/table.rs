//! Any text as a table: it is read and validated (or rejected) without panicking, and a valid
//! table can be searched and united.
#![no_main]

use libfuzzer_sys::fuzz_target;
use scope_selector::core::{Catalog, RawTable};

fuzz_target!(|text: &str| {
    let Ok(raw) = serde_json::from_str::<RawTable>(text) else { return };
    match Catalog::from_raw(raw, str::to_lowercase) {
        Ok(mut catalog) => {
            let all: Vec<u32> = (0..catalog.table.len() as u32).collect();
            assert!(catalog.scopes(&all).is_ok());
            let query: String = text.chars().filter(|c| c.is_alphanumeric()).take(6).collect();
            let found = catalog.index.search(&query).to_vec();
            assert!(found.iter().all(|&index| (index as usize) < catalog.table.len()));
        }
        Err(error) => assert!(!error.to_string().is_empty()),
    }
});
