//! The engine's wasm-bindgen boundary in real browsers (`wasm-pack test --headless --chrome` and
//! `--firefox`): data in, data out, the JS engine's folding, and problems thrown as messages.

use scope_selector::{guide_url_for, Panel};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const TABLE: &str = r#"[
  {"id":"jobs_list","label":"List Jobs","scopes":["jobsRead"]},
  {"id":"apples","label":"Äpfel kaufen","scopes":["orders:write"]},
  {"id":"offer_create","label":"Create Offer","scopes":["offersWrite","jobsRead"]}
]"#;

/// The JSON a thrown value holds, as the renderer reads it.
fn thrown_code(thrown: JsValue) -> String {
    let text = thrown.as_string().unwrap_or_default();
    let value = js_sys::JSON::parse(&text).unwrap();
    js_sys::Reflect::get(&value, &"code".into()).unwrap().as_string().unwrap()
}

fn parse(json: &str) -> JsValue {
    js_sys::JSON::parse(json).unwrap()
}

fn get(value: &JsValue, path: &[&str]) -> JsValue {
    path.iter().fold(value.clone(), |value, key| js_sys::Reflect::get(&value, &(*key).into()).unwrap())
}

#[wasm_bindgen_test]
fn a_panel_takes_events_and_returns_its_view() {
    let setup = r#"{"url":"https://docs.example/ashby?actions=jobs_list","roots":[""],"at":0,
        "guide":[[0,0,"offersWrite"],[0,2,"jobsRead"]],"query":""}"#;
    let mut panel = Panel::open(TABLE.into(), setup).unwrap();
    let opened = parse(&panel.opened());
    assert_eq!(js_sys::JSON::stringify(&get(&opened, &["guide"])).unwrap(), "[0,1]");
    // The link chose the first action: the first view says so, and that the choice changed.
    let view = parse(&panel.update("{}").unwrap());
    assert_eq!(get(&view, &["choice", "output"]).as_string().unwrap(), "jobsRead");
    assert_eq!(get(&view, &["choice", "changed"]).as_bool(), Some(true));
    // A search folded by the browser's own Unicode support, its words marked in UTF-16 units.
    let view = parse(&panel.update(r#"{"search":"APFEL"}"#).unwrap());
    let rows = js_sys::Array::from(&get(&view, &["list", "rows"]));
    assert_eq!(rows.length(), 1);
    let row = js_sys::Array::from(&rows.get(0));
    assert_eq!(row.get(1).as_string().unwrap(), "apples");
    assert_eq!(js_sys::JSON::stringify(&row.get(5)).unwrap(), "[0,5]");
    assert!(get(&view, &["choice"]).is_null(), "a search leaves the choice's parts alone");
    // A tick: the scopes, the URL, the guide (the step needs offersWrite) and the badge follow.
    let view = parse(&panel.update(r#"{"toggle":[2,true]}"#).unwrap());
    assert_eq!(get(&view, &["choice", "output"]).as_string().unwrap(), "jobsRead offersWrite");
    assert_eq!(
        get(&view, &["choice", "url"]).as_string().unwrap(),
        "https://docs.example/ashby?actions=jobs_list+offer_create"
    );
    let guide = js_sys::JSON::stringify(&get(&view, &["choice", "guide"])).unwrap();
    assert_eq!(guide, r#"[[0,false,null],[1,false,"Create Offer, List Jobs"]]"#);
    let choice = parse(&panel.choice());
    assert_eq!(js_sys::JSON::stringify(&get(&choice, &["actions"])).unwrap(), r#"["jobs_list","offer_create"]"#);
    // Unknown ids change nothing and are thrown as a message.
    assert_eq!(thrown_code(panel.update(r#"{"select":"nope"}"#).unwrap_err()), "api.unknownIds");
    assert_eq!(
        js_sys::JSON::stringify(&get(&parse(&panel.choice()), &["actions"])).unwrap(),
        r#"["jobs_list","offer_create"]"#
    );
}

#[wasm_bindgen_test]
fn the_engine_grants_the_least_privilege_set_of_a_table_with_alternatives() {
    let table = r#"[
      {"id":"send","label":"Send mail","scopes":["mail:send"],"alternatives":[["mail:admin"]]},
      {"id":"read","label":"Read mail","scopes":["mail:read"],"alternatives":[["mail:admin"]]},
      {"id":"purge","label":"Purge","scopes":["mail:admin","audit"]}
    ]"#;
    let setup = r#"{"url":"https://docs.example/mail","roots":[""],"at":0,"guide":[],"query":""}"#;
    let mut panel = Panel::open(table.into(), setup).unwrap();
    let view = parse(&panel.update(r#"{"select":"send read"}"#).unwrap());
    assert_eq!(get(&view, &["choice", "output"]).as_string().unwrap(), "mail:admin");
    let view = parse(&panel.update(r#"{"select":"send"}"#).unwrap());
    assert_eq!(get(&view, &["choice", "output"]).as_string().unwrap(), "mail:send");
}

#[wasm_bindgen_test]
fn a_table_that_cannot_be_used_is_thrown_as_its_message() {
    let error = Panel::open(r#"[{"id":1}]"#.into(), "{}").err().unwrap();
    assert_eq!(thrown_code(error), "table.notAString");
    assert_eq!(thrown_code(Panel::open("[".into(), "{}").err().unwrap()), "table.syntax");
}

#[wasm_bindgen_test]
fn the_helpers_build_and_read_links_and_search_as_the_widget_does() {
    let url = guide_url_for(TABLE.into(), "https://h/g#k", "offer_create jobs_list", "comma", "ats").unwrap();
    assert_eq!(url, "https://h/g?ats-actions=jobs_list+offer_create&ats-separator=comma#k");
    assert_eq!(
        thrown_code(guide_url_for(TABLE.into(), "https://h/", "zz", "space", "").unwrap_err()),
        "url.unknownActions"
    );
    // The helpers read a link with a panel opened at it.
    let mut reader = Panel::open(TABLE.into(), &format!(r#"{{"url":"{url}","roots":["ats"]}}"#)).unwrap();
    let read = parse(&reader.update("{}").unwrap());
    assert_eq!(get(&read, &["choice", "separator"]).as_string().unwrap(), "comma");
    assert_eq!(js_sys::Array::from(&get(&parse(&reader.choice()), &["actions"])).length(), 2);
    // The helpers' catalog is a panel of the table alone: its search, and its scopes for actions
    // chosen by index, in the table's order of first appearance.
    let mut catalog = Panel::open(TABLE.into(), "{}").unwrap();
    assert_eq!(catalog.search("äpfel"), [1]);
    catalog.update(r#"{"choose":[2,1]}"#).unwrap();
    let scopes = js_sys::JSON::stringify(&get(&parse(&catalog.choice()), &["scopes"])).unwrap();
    assert_eq!(String::from(scopes), r#"["jobsRead","orders:write","offersWrite"]"#);
}
