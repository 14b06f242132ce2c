//! The importer on the real specs of `tests/fixtures/specs/`, compared with the independent
//! reading beside each (`NAME.expected.json`, written by `expected.py` without the importer), and
//! with labels and display names read from the specs by hand; the core reads every table written
//! without a repair.

use scope_selector_import::{import, Imported, Options};
use serde_json::{json, Value};

fn fixture(name: &str) -> String {
    let path = format!("{}/../../tests/fixtures/specs/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{path}: {error}"))
}

fn imported(name: &str) -> (Imported, Value) {
    let imported = import(&fixture(name), &Options::default()).unwrap_or_else(|error| panic!("{}", error.message()));
    let table = serde_json::from_str(&imported.json).expect("the table is JSON");
    (imported, table)
}

/// The importer's table and counts equal the reference's for `name`.
fn matches_reference(name: &str) -> Value {
    let (imported, table) = imported(name);
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    let expected: Value = serde_json::from_str(&fixture(&format!("{stem}.expected.json"))).expect("reference");
    assert_eq!(imported.scheme, expected["scheme"], "{name}: scheme");
    assert_eq!(imported.read as u64, expected["read"], "{name}: operations read");
    assert_eq!(imported.kept as u64, expected["kept"], "{name}: operations kept");
    let dropped: serde_json::Map<String, Value> =
        imported.dropped.iter().map(|(reason, count)| (reason.message().to_owned(), json!(count))).collect();
    assert_eq!(Value::Object(dropped), expected["dropped"], "{name}: dropped");
    let loaded = scope_selector_core::Table::from_json(&imported.json).expect("the core reads the table");
    assert!(loaded.notices.is_empty(), "{name}: the core repairs {:?}", loaded.notices);
    assert_eq!(loaded.table.len(), imported.kept);
    let actions = table["actions"].as_array().expect("actions");
    let reference = expected["actions"].as_array().expect("reference actions");
    assert_eq!(actions.len(), reference.len());
    for (action, reference) in actions.iter().zip(reference) {
        let id = &reference["id"];
        assert_eq!(&action["id"], id);
        assert_eq!(action.get("group").unwrap_or(&Value::Null), &reference["group"], "{id}: group");
        assert_eq!(action["scopes"], reference["scopes"], "{id}: scopes");
        assert_eq!(action.get("alternatives"), reference.get("alternatives"), "{id}: alternatives");
        let marked = action["label"].as_str().is_some_and(|label| label.ends_with(" (deprecated)"));
        assert_eq!(Value::Bool(marked), reference["deprecated"], "{id}: deprecated mark");
    }
    table
}

/// The label of action `id`.
fn label<'a>(table: &'a Value, id: &str) -> &'a str {
    table["actions"]
        .as_array()
        .and_then(|actions| actions.iter().find(|action| action["id"] == id))
        .and_then(|action| action["label"].as_str())
        .unwrap_or_else(|| panic!("no action {id}"))
}

#[test]
fn swagger_2_petstore() {
    let table = matches_reference("petstore.swagger2.yaml");
    assert_eq!(label(&table, "uploadFile"), "uploads an image");
    assert_eq!(label(&table, "findPetsByTags"), "Finds Pets by tags (deprecated)");
    assert_eq!(
        table["scopeLabels"],
        json!({"read:pets": "read your pets", "write:pets": "modify pets in your account"})
    );
}

#[test]
fn the_json_and_yaml_forms_of_a_spec_give_the_same_table() {
    // prance ships Petstore 2.0 in both syntaxes (response codes are numbers in the YAML).
    assert_eq!(imported("petstore.swagger2.json").0.json, imported("petstore.swagger2.yaml").0.json);
}

#[test]
fn openapi_3_0_petstore() {
    let table = matches_reference("petstore.oas3.yaml");
    assert_eq!(label(&table, "updatePet"), "Update an existing pet.");
    // With the API key chosen, getPetById and getInventory are left, needing no scope.
    let options = Options { scheme: Some("api_key".into()), ..Options::default() };
    let imported = import(&fixture("petstore.oas3.yaml"), &options).expect("imports");
    assert_eq!(imported.kept, 2);
    assert!(imported
        .json
        .contains(r#"{"id": "getPetById", "label": "Find pet by ID.", "group": "pet", "scopes": []}"#));
}

#[test]
fn openapi_3_1_figma() {
    let table = matches_reference("figma.oas31.yaml");
    assert_eq!(label(&table, "getFile"), "Get file JSON");
    assert_eq!(label(&table, "getTeamProjects"), "[Deprecated] Get projects in a team (deprecated)");
    let labels = &table["scopeLabels"];
    assert_eq!(labels["file_content:read"], "Read the contents of files, such as nodes and the editor type");
    assert_eq!(labels["files:read"], "Deprecated");
}

#[test]
fn discovery_gmail() {
    let table = matches_reference("gmail.v1.json");
    assert_eq!(
        label(&table, "gmail.users.messages.send"),
        "Sends the specified message to the recipients in the To, Cc, and Bcc headers"
    );
    assert_eq!(table["scopeLabels"]["https://www.googleapis.com/auth/gmail.send"], "Send email on your behalf");
}

#[test]
fn the_same_spec_gives_the_same_bytes() {
    for name in ["petstore.swagger2.yaml", "petstore.oas3.yaml", "figma.oas31.yaml", "gmail.v1.json"] {
        assert_eq!(imported(name).0.json, imported(name).0.json, "{name}");
    }
}
