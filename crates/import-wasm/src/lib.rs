//! The scripts' wasm module: the spec importer ([`scope_selector_import`]) and the panel markup
//! ([`render_panel`]) behind a thin wasm-bindgen boundary, for the package's `scope-selector/import`
//! entry (`importSpec`, www/import.js) and the helpers' `renderPanel` (www/tools.js). It is its
//! own wasm module, apart from the engine, so the YAML and OpenAPI readers and the markup's
//! templates never reach a reader's page. Data in (the spec's text, the options as JSON), data out
//! (JSON, markup); a document that cannot be imported is thrown as the importer's English
//! message, as the CLI prints it; a table that cannot be used, as the engine throws it (its
//! message's JSON).

#![deny(missing_docs)]
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

use scope_selector_core::json::{push_string, Value};
use scope_selector_core::markup::render_panel;
use scope_selector_core::message::{Describe, Message};
use scope_selector_core::Table;
use scope_selector_import::{import, GroupBy, Imported, Options};
use wasm_bindgen::prelude::*;

/// Imports `text` (an OpenAPI 2.0, 3.0 or 3.1 document, JSON or YAML, or a Google discovery
/// document) with `options` (JSON: `{scheme?: string, groupBy?: "tag" | "path",
/// skipDeprecated?: boolean}`, the CLI's `--scheme`, `--group-by` and `--skip-deprecated`).
/// Returns JSON: `{table, scheme, summary: {read, kept, dropped: [[reason, count]]}, warnings}`,
/// where `table` is the table's JSON text exactly as `scope-selector import` writes it. Throws
/// the importer's message (a string) when the document or the options cannot be used.
#[wasm_bindgen(js_name = importSpec)]
pub fn import_spec(text: String, options: &str) -> Result<String, JsValue> {
    import_json(&text, options).map_err(|message| JsValue::from_str(&message))
}

/// The panel markup for `table` as the widget root `key` (with `extras`: the key check and the
/// export buttons too), as `scope-selector render` prints it, its texts from `words(message)`
/// (a message's JSON in, its words out); throws the table's problem as the engine does (the
/// message's JSON).
#[wasm_bindgen(js_name = panelMarkup)]
pub fn panel_markup(table: String, key: &str, extras: bool, words: &js_sys::Function) -> Result<String, JsValue> {
    let json = |message: &Message| {
        let mut json = String::new();
        message.push_json(&mut json);
        json
    };
    let table = Table::from_json(&table).map_err(|error| JsValue::from_str(&json(&error.describe())))?.table;
    let in_words = |message: &Message| {
        words
            .call1(&JsValue::NULL, &JsValue::from_str(&json(message)))
            .ok()
            .and_then(|text| text.as_string())
            .unwrap_or_default()
    };
    Ok(render_panel(&table.to_json(), key, extras, &in_words))
}

/// [`import_spec`] without the boundary: the result's JSON, or the message.
pub fn import_json(text: &str, options: &str) -> Result<String, String> {
    let options = read_options(options)?;
    let imported = import(text, &options).map_err(|error| error.message())?;
    Ok(result_json(&imported))
}

/// The options from their JSON; a member of the wrong kind or value is named in the message,
/// and unknown members are ignored.
pub fn read_options(json: &str) -> Result<Options, String> {
    let value = Value::parse(json).map_err(|_| "options must be a JSON object".to_string())?;
    if value.as_object().is_none() {
        return Err("options must be a JSON object".into());
    }
    let mut options = Options::default();
    match value.get("scheme") {
        None | Some(Value::Null) => {}
        Some(Value::String(scheme)) => options.scheme = Some(scheme.clone()),
        Some(_) => return Err("options.scheme must be a string".into()),
    }
    match value.get("groupBy").map(|group| (group, group.as_str())) {
        None | Some((Value::Null, _)) | Some((_, Some("tag"))) => {}
        Some((_, Some("path"))) => options.group_by = GroupBy::Path,
        Some(_) => return Err("options.groupBy must be \"tag\" or \"path\"".into()),
    }
    match value.get("skipDeprecated") {
        None | Some(Value::Null) => {}
        Some(Value::Bool(skip)) => options.skip_deprecated = *skip,
        Some(_) => return Err("options.skipDeprecated must be true or false".into()),
    }
    Ok(options)
}

/// The result's JSON: the table's text as a string, the scheme, the counts (each reason for
/// leaving operations out by its summary words, as the CLI prints them) and the warnings' messages.
pub fn result_json(imported: &Imported) -> String {
    let mut out = String::with_capacity(imported.json.len() + imported.json.len() / 8 + 256);
    out.push_str("{\"table\":");
    push_string(&mut out, &imported.json);
    out.push_str(",\"scheme\":");
    push_string(&mut out, &imported.scheme);
    out.push_str(&format!(",\"summary\":{{\"read\":{},\"kept\":{},\"dropped\":[", imported.read, imported.kept));
    for (at, (reason, count)) in imported.dropped.iter().enumerate() {
        if at > 0 {
            out.push(',');
        }
        out.push('[');
        push_string(&mut out, reason.message());
        out.push_str(&format!(",{count}]"));
    }
    out.push_str("]},\"warnings\":[");
    for (at, warning) in imported.warnings.iter().enumerate() {
        if at > 0 {
            out.push(',');
        }
        push_string(&mut out, &warning.message());
    }
    out.push_str("]}");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SPEC: &str = r#"
openapi: 3.0.3
info: {title: Pets, version: "1"}
components:
  securitySchemes:
    oauth:
      type: oauth2
      flows:
        implicit:
          authorizationUrl: https://example.com/auth
          scopes: {"pets:read": "Read your pets."}
paths:
  /pets:
    get:
      operationId: listPets
      tags: [pets]
      security: [{oauth: ["pets:read"]}]
    post:
      operationId: addPet
      deprecated: true
      security: [{oauth: ["pets:read"]}]
  /open:
    get: {operationId: open}
"#;

    #[test]
    fn the_table_text_is_the_importers() {
        let json = import_json(SPEC, "{}").unwrap();
        let imported = import(SPEC, &Options::default()).unwrap();
        let mut table = String::new();
        push_string(&mut table, &imported.json);
        assert!(json.starts_with(&format!("{{\"table\":{table},\"scheme\":\"oauth\",")));
        assert!(json.ends_with(
            ",\"summary\":{\"read\":3,\"kept\":2,\"dropped\":[[\"no security requirement\",1]]},\"warnings\":[]}"
        ));
        assert!(Value::parse(&json).is_ok());
    }

    #[test]
    fn options_reach_the_importer() {
        let json = import_json(SPEC, r#"{"skipDeprecated": true, "groupBy": "path", "scheme": null}"#).unwrap();
        assert!(json.contains("\"kept\":1,"), "{json}");
        assert!(json.contains("(--skip-deprecated)\",1]"), "{json}");
        let options = read_options(r#"{"groupBy": "path", "other": 1}"#).unwrap();
        assert_eq!(options.group_by, GroupBy::Path);
        assert_eq!(
            import_json(SPEC, r#"{"scheme": "key"}"#).unwrap_err(),
            "the document declares no security scheme \"key\" (found: oauth (oauth2))"
        );
    }

    #[test]
    fn bad_options_are_named() {
        assert_eq!(read_options("[]").unwrap_err(), "options must be a JSON object");
        assert_eq!(read_options("{").unwrap_err(), "options must be a JSON object");
        assert_eq!(read_options(r#"{"scheme": 1}"#).unwrap_err(), "options.scheme must be a string");
        assert_eq!(read_options(r#"{"groupBy": "tags"}"#).unwrap_err(), "options.groupBy must be \"tag\" or \"path\"");
        assert_eq!(
            read_options(r#"{"skipDeprecated": 1}"#).unwrap_err(),
            "options.skipDeprecated must be true or false"
        );
    }

    #[test]
    fn a_bad_document_is_the_importers_message() {
        assert_eq!(import_json("swagger: '2.0'\npaths: {}", "{}").unwrap_err(), "the document declares no OAuth 2 or OpenID Connect security scheme (found: none); choose one with --scheme");
    }
}
