//! The importer's rules and errors on small hand-written documents: one test per rule of issue
//! 27 and per kind of bad input.

use scope_selector_import::{
    import, DropReason, Format, GroupBy, ImportError, Imported, Options, RefProblem, SchemeReason, Warning,
    MAX_INPUT_BYTES,
};
use serde_json::Value;

/// A 3.0 document with an OAuth scheme `oauth` (scopes `a`, `b`, `c`), an API key `key`, and
/// `paths` as given (YAML, indented under `paths:`).
fn spec(paths: &str) -> String {
    format!(
        "openapi: 3.0.3\ninfo: {{title: T, version: '1'}}\ncomponents:\n  securitySchemes:\n    key: {{type: apiKey, in: header, name: K}}\n    oauth:\n      type: oauth2\n      flows:\n        implicit:\n          authorizationUrl: https://x/a\n          scopes:\n            a: '**Read** things. More text.'\n            b: Write things\n            c: ''\npaths:\n{paths}"
    )
}

fn run(text: &str) -> Imported {
    import(text, &Options::default()).unwrap_or_else(|error| panic!("{}", error.message()))
}

fn error(text: &str) -> ImportError {
    import(text, &Options::default()).expect_err("an error")
}

fn actions(imported: &Imported) -> Vec<Value> {
    let table: Value = serde_json::from_str(&imported.json).expect("the table is JSON");
    table["actions"].as_array().expect("actions").clone()
}

#[test]
fn security_alternatives_follow_openapi_semantics() {
    let text = spec(
        "  /x:
    get:
      operationId: both
      security: [{key: []}, {oauth: [b]}, {oauth: [' a ']}, {oauth: [a, b, '', a]}, {oauth: [b]}]
    post:
      operationId: optional
      security: [{}, {oauth: [b]}]
    put:
      operationId: keyOnly
      security: [{key: []}]
    delete:
      operationId: open
      security: []
    patch:
      operationId: loginOnly
      security: [{oauth: []}]
  /y:
    get:
      operationId: inherits
    put:
      operationId: writer
      security: [{oauth: [b]}]
",
    );
    let text = text.replace("paths:\n", "security: [{oauth: [c]}]\npaths:\n");
    let imported = run(&text);
    let actions = actions(&imported);
    let ids: Vec<&str> = actions.iter().map(|action| action["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["both", "optional", "loginOnly", "inherits", "writer"]);
    // Scopes are trimmed, blank and repeated ones left out, as the core would.
    // [] is a subset of any set, so every set allows optional and loginOnly. [a] also allows both
    // (3), [b] both and writer (4), [a, b] the same 4: a first, then b, then a+b (document order).
    assert_eq!(actions[0]["scopes"], serde_json::json!(["a"]));
    assert_eq!(actions[0]["alternatives"], serde_json::json!([["b"], ["a", "b"]]));
    // {} is an alternative that needs no scope, and it allows fewest (optional and loginOnly: 2).
    assert_eq!(actions[1]["scopes"], serde_json::json!([]));
    assert_eq!(actions[1]["alternatives"], serde_json::json!([["b"]]));
    assert_eq!(actions[2]["scopes"], serde_json::json!([]));
    assert!(actions[2].get("alternatives").is_none());
    assert_eq!(actions[3]["scopes"], serde_json::json!(["c"]), "the document's security applies");
    assert_eq!((imported.read, imported.kept), (7, 5));
    assert_eq!(imported.dropped, [(DropReason::NoSecurity, 1), (DropReason::OtherSchemesOnly, 1)]);
    assert_eq!((imported.scheme.as_str(), &imported.reason), ("oauth", &SchemeReason::OnlyOAuth));
    assert_eq!(imported.format, Format::OpenApi3);
}

#[test]
fn labels_ids_groups_and_scope_labels() {
    let text = spec(
        "  /pets/{petId}:
    get:
      tags: [' pets ', other]
      description: |
        Returns <b>one</b> [pet](https://x/p). Needs an id.
      security: [{oauth: [a]}]
    put:
      operationId: 'update pet, now'
      summary: ''
      deprecated: true
      security: [{oauth: [b]}]
    post:
      operationId: get_pets_petId
      summary: '`Create`'
      security: [{oauth: [c]}]
",
    );
    let imported = run(&text);
    let actions = actions(&imported);
    assert_eq!(actions[0]["id"], "get_pets_petId");
    assert_eq!(actions[0]["label"], "Returns one pet");
    assert_eq!(actions[0]["group"], "pets");
    assert_eq!(actions[1]["id"], "update_pet_now");
    assert_eq!(actions[1]["label"], "PUT /pets/{petId} (deprecated)");
    assert!(actions[1].get("group").is_none());
    assert_eq!(actions[2]["id"], "get_pets_petId_2", "made unique");
    assert_eq!(actions[2]["label"], "Create");
    let table: Value = serde_json::from_str(&imported.json).unwrap();
    // c's description is empty, so it has no display name.
    assert_eq!(table["scopeLabels"], serde_json::json!({"a": "Read things", "b": "Write things"}));

    let by_path = Options { group_by: GroupBy::Path, skip_deprecated: true, ..Options::default() };
    let imported = import(&text, &by_path).unwrap();
    let actions = self::actions(&imported);
    assert_eq!(actions.len(), 2);
    assert_eq!(actions[0]["group"], "pets");
    assert_eq!(imported.dropped, [(DropReason::Deprecated, 1)]);
}

#[test]
fn output_is_the_same_bytes_for_the_same_input_and_json_equals_yaml() {
    let text = spec("  /x:\n    get: {operationId: x, security: [{oauth: [a]}, {oauth: [b]}]}\n");
    assert_eq!(run(&text).json, run(&text).json);
    let json = r#"{"openapi": "3.1.0", "info": {"title": "T", "version": "1"},
        "components": {"securitySchemes": {"oauth": {"type": "oauth2", "flows": {"implicit": {"authorizationUrl": "https://x/a",
            "scopes": {"a": "**Read** things. More text.", "b": "Write things", "c": ""}}}}, "key": {"type": "apiKey", "in": "header", "name": "K"}}},
        "webhooks": {"w": {"post": {"operationId": "hook", "security": [{"oauth": ["a"]}]}}},
        "paths": {"/x": {"get": {"operationId": "x", "security": [{"oauth": ["a"]}, {"oauth": ["b"]}]}}}}"#;
    let imported = run(json);
    assert_eq!(imported.json, run(&text).json, "webhooks are not read");
    assert_eq!(imported.read, 1);
}

#[test]
fn the_scheme_is_chosen_or_refused() {
    let two = spec("  /x:\n    get: {security: [{oauth: [a]}, {second: [z]}]}\n    put: {security: [{second: [z]}]}\n")
        .replace("    key:", "    second: {type: openIdConnect, openIdConnectUrl: https://x/o}\n    key:");
    let imported = run(&two);
    assert_eq!(imported.scheme, "second");
    assert_eq!(imported.reason, SchemeReason::MostUsed { operations: 2, candidates: 2 });
    // A tie goes to the first declared.
    let tie = two.replace("put: {security: [{second: [z]}]}", "put: {security: [{key: []}]}");
    assert_eq!(run(&tie).scheme, "second");
    let given = Options { scheme: Some("oauth".into()), ..Options::default() };
    assert_eq!(import(&two, &given).unwrap().reason, SchemeReason::Given);
    let unknown = Options { scheme: Some("nope".into()), ..Options::default() };
    let error = import(&two, &unknown).unwrap_err();
    assert_eq!(
        error.message(),
        "the document declares no security scheme \"nope\" (found: second (openIdConnect), key (apiKey), oauth (oauth2))"
    );
    let keys_only = "swagger: '2.0'\nsecurityDefinitions: {k: {type: apiKey, in: header, name: K}}\npaths: {}\n";
    assert_eq!(
        error_message(keys_only),
        "the document declares no OAuth 2 or OpenID Connect security scheme (found: k (apiKey)); choose one with --scheme"
    );
}

fn error_message(text: &str) -> String {
    error(text).message()
}

#[test]
fn swagger_2_and_discovery_documents() {
    let swagger = "swagger: '2.0'
info: {title: T, version: '1'}
securityDefinitions:
  o: {type: oauth2, flow: implicit, authorizationUrl: 'https://x', scopes: {r: Read., w: Write.}}
security: [{o: [r]}]
paths:
  /a: {get: {operationId: a}, post: {operationId: b, security: [{o: [w]}, {o: [r, w]}]}}
";
    let imported = run(swagger);
    assert_eq!(imported.format, Format::OpenApi2);
    let actions = actions(&imported);
    assert_eq!(actions[0]["scopes"], serde_json::json!(["r"]));
    assert_eq!(actions[1]["scopes"], serde_json::json!(["w"]));
    // [r, w] is a superset of [w] and is kept.
    assert_eq!(actions[1]["alternatives"], serde_json::json!([["r", "w"]]));

    let discovery = r#"{"discoveryVersion": "v1", "kind": "discovery#restDescription",
        "auth": {"oauth2": {"scopes": {"s/full": {"description": "Full access"}, "s/read": {"description": "Read only"}}}},
        "methods": {"top": {"id": "api.top", "httpMethod": "GET", "path": "top", "scopes": ["s/full"]}},
        "resources": {"users": {"methods": {"get": {"id": "api.users.get", "httpMethod": "GET", "path": "users/{id}",
              "description": "Gets a user. More.", "scopes": ["s/full", "s/read"], "request": {"$ref": "User"}}},
            "resources": {"messages": {"methods": {"send": {"id": "api.users.messages.send", "httpMethod": "POST",
              "path": "users/{id}/messages/send", "deprecated": true}}}}}}}"#;
    let imported = run(discovery);
    assert_eq!(imported.format, Format::Discovery);
    assert!(imported.warnings.is_empty(), "discovery $refs name schemas");
    let actions = self::actions(&imported);
    assert_eq!(actions.len(), 2);
    assert_eq!(actions[0]["id"], "api.top");
    assert_eq!(actions[0]["label"], "GET /top");
    assert!(actions[0].get("group").is_none());
    // s/read allows one method, s/full two.
    assert_eq!(actions[1]["scopes"], serde_json::json!(["s/read"]));
    assert_eq!(actions[1]["alternatives"], serde_json::json!([["s/full"]]));
    assert_eq!(actions[1]["group"], "users");
    assert_eq!(imported.dropped, [(DropReason::NoSecurity, 1)]);
}

#[test]
fn bad_input_gives_clear_errors_that_say_where() {
    assert!(matches!(error("openapi: [3.0\n paths: {"), ImportError::Syntax { syntax: "YAML", .. }));
    assert!(matches!(error("{\"openapi\": \"3.0.0\",}"), ImportError::Syntax { syntax: "JSON", .. }));
    assert_eq!(error("title: just some YAML\n"), ImportError::UnknownFormat);
    assert_eq!(error("[1, 2]"), ImportError::UnknownFormat);
    assert_eq!(error("openapi: 4.0.0\n"), ImportError::UnsupportedVersion("4.0.0".into()));

    let undeclared = spec("  /pets:\n    get: {security: [{oauth: [a]}, {nope: []}]}\n");
    assert_eq!(
        error(&undeclared),
        ImportError::UndeclaredScheme { at: "paths./pets.get.security[1]".into(), name: "nope".into() }
    );
    let not_strings = spec("  /pets:\n    get: {security: [{oauth: [a, 7]}]}\n");
    assert_eq!(
        error_message(&not_strings),
        "at paths./pets.get.security[0].oauth[1]: a scope must be a string, found a number"
    );
    let not_a_list = spec("  /pets:\n    get: {security: {oauth: [a]}}\n");
    assert_eq!(error_message(&not_a_list), "at paths./pets.get.security: must be an array, found an object");

    let dangling = spec("  /pets:\n    $ref: '#/components/pathItems/Pets'\n");
    assert_eq!(
        error(&dangling),
        ImportError::Ref {
            at: "paths./pets".into(),
            target: "#/components/pathItems/Pets".into(),
            problem: RefProblem::Unresolved
        }
    );
    let looping = spec("  /a: {$ref: '#/paths/~1b'}\n  /b: {$ref: '#/paths/~1a'}\n");
    assert!(matches!(error(&looping), ImportError::Ref { problem: RefProblem::Loop, .. }), "{:?}", error(&looping));
    let extension = spec("  x-note: not a path\n  /a: {get: {operationId: a, security: [{oauth: [a]}]}}\n");
    assert_eq!(run(&extension).read, 1, "x- members of paths are extensions");
    let followed =
        spec("  /a: {$ref: '#/x-items/a'}\nx-items:\n  a: {get: {operationId: viaRef, security: [{oauth: [a]}]}}\n");
    assert!(run(&followed).json.contains("\"viaRef\""));

    // An external $ref blocks when an operation's security is behind it, else it is a warning.
    let blocking = spec("  /a: {$ref: 'other.yaml#/a'}\n");
    assert_eq!(
        error_message(&blocking),
        "at paths./a: $ref \"other.yaml#/a\" points into another file, which the importer does not read; this \
         operation's security cannot be known without it"
    );
    let harmless = spec(
        "  /a:\n    get:\n      security: [{oauth: [a]}]\n      responses: {'200': {$ref: 'responses.yaml#/ok'}}\n",
    );
    assert_eq!(
        run(&harmless).warnings,
        [Warning::ExternalRef { at: "paths./a.get.responses.200".into(), target: "responses.yaml#/ok".into() }]
    );

    let nothing_left = spec("  /a:\n    get: {security: [{key: []}]}\n");
    assert_eq!(
        error_message(&nothing_left),
        "none of the 1 operations read is left for the table (1 only other security schemes)"
    );
}

#[test]
fn hostile_input_is_bounded() {
    let mut bomb = String::from(
        "openapi: 3.0.0\nx-a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    for level in 1..12u8 {
        let (name, previous) = (char::from(b'a' + level), char::from(b'a' + level - 1));
        bomb.push_str(&format!("x-{name}: &{name} [{}]\n", vec![format!("*{previous}"); 9].join(",")));
    }
    let start = std::time::Instant::now();
    assert_eq!(error(&bomb), ImportError::AliasBomb);
    assert!(start.elapsed().as_secs() < 5, "{:?}", start.elapsed());

    // A 50 MB spec is refused before it is parsed.
    let huge = format!("openapi: 3.0.0\nx-padding: '{}'\n", "x".repeat(50_000_000));
    assert!(huge.len() > MAX_INPUT_BYTES);
    let start = std::time::Instant::now();
    assert_eq!(
        error_message(&huge),
        format!("the document is {} bytes, over the 33554432 bytes (32 MiB) the importer reads", huge.len())
    );
    assert!(start.elapsed().as_millis() < 500);

    // Many distinct alternatives sharing one scope: ordering them stays far from operations times
    // alternatives.
    let mut paths = String::new();
    for at in 0..4_000 {
        paths.push_str(&format!(
            "  /p{at}:\n    get: {{operationId: o{at}, security: [{{oauth: [a, u{at}]}}, {{oauth: [a, v{at}]}}, {{oauth: [a]}}]}}\n"
        ));
    }
    let start = std::time::Instant::now();
    let imported = run(&spec(&paths));
    assert_eq!(imported.kept, 4_000);
    // Every operation has [a], so every alternative allows all 4,000: the document's order.
    assert!(
        imported.json.contains(
            r#"{"id": "o7", "label": "GET /p7", "scopes": ["a", "u7"], "alternatives": [["a", "v7"], ["a"]]}"#
        ),
        "{}",
        &imported.json[..300]
    );
    assert!(imported.warnings.is_empty());
    assert!(start.elapsed().as_secs() < 20, "{:?}", start.elapsed());
}
