//! The CLI as a script runs it: every command, its output and its exit code, on the repository's
//! fixtures and demo pages and on broken copies of them.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;
use std::process::Command;

/// A file of the repository.
fn repo(path: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..").join(path).to_string_lossy().into_owned()
}

/// Runs the CLI; gives (exit code, standard output, standard error).
fn run(args: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_scope-selector")).args(args).output().expect("the CLI runs");
    let text = |bytes: Vec<u8>| String::from_utf8(bytes).expect("UTF-8 output");
    (output.status.code().unwrap_or(-1), text(output.stdout), text(output.stderr))
}

/// The messages of `check`'s output, each line without its `FILE:LINE: severity: ` start.
fn messages<'a>(out: &'a str, severity: &str) -> Vec<&'a str> {
    let mark = format!(": {severity}: ");
    out.lines().map(|line| line.split_once(mark.as_str()).map_or(line, |(_, message)| message)).collect()
}

/// Writes `text` to a temporary file named `name` and gives its path.
fn temp_file(name: &str, text: &str) -> String {
    let dir = std::env::temp_dir().join(format!("scope-selector-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, text).expect("temp file");
    path.to_string_lossy().into_owned()
}

#[test]
fn url_builds_the_link_from_a_table_or_a_page() {
    for table in [repo("tests/fixtures/ashby-actions.json"), repo("www/index.html")] {
        let (code, out, _) = run(&[
            "url",
            "--base",
            "https://docs.example.com/ashby",
            "--actions",
            "ashby_get_offer,ashby_list_jobs",
            "--separator",
            "comma",
            "--table",
            &table,
        ]);
        assert_eq!(code, 0);
        assert_eq!(out, "https://docs.example.com/ashby?actions=ashby_list_jobs+ashby_get_offer&separator=comma\n");
    }
    let (code, out, _) = run(&[
        "url",
        "--base",
        "https://h/g?lang=en#keys",
        "--actions",
        "plans_list",
        "--key",
        "billing",
        "--table",
        &repo("tests/fixtures/billing-actions.json"),
    ]);
    assert_eq!((code, out.as_str()), (0, "https://h/g?lang=en&billing-actions=plans_list#keys\n"));
}

#[test]
fn url_refuses_unknown_ids_an_oversized_choice_and_bad_usage() {
    let table = repo("tests/fixtures/ashby-actions.json");
    let (code, out, err) =
        run(&["url", "--base", "https://x/", "--actions", "nope,ashby_list_jobs,zz", "--table", &table]);
    assert_eq!((code, out.as_str()), (1, ""));
    assert_eq!(err, "scope-selector: unknown action ids: nope, zz\n");
    let ids: Vec<String> = (0..400).map(|at| format!("action_with_a_long_identifier_{at}")).collect();
    let big: Vec<String> = ids.iter().map(|id| format!(r#"{{"id":"{id}","label":"A","scopes":[]}}"#)).collect();
    let big = temp_file("big.json", &format!("[{}]", big.join(",")));
    let (code, _, err) = run(&["url", "--base", "https://x/", "--actions", &ids.join(","), "--table", &big]);
    assert_eq!(code, 1);
    assert!(err.contains("over the 8192 a guide URL may carry"), "{err}");
    let (code, _, err) =
        run(&["url", "--base", "https://x/", "--actions", "ashby_list_jobs", "--separator", "tab", "--table", &table]);
    assert_eq!(code, 1);
    assert!(err.contains("unknown separator \"tab\""), "{err}");
    assert_eq!(run(&["url", "--base", "https://x/", "--table", &table]).0, 2, "a missing argument is a usage error");
    assert_eq!(run(&["frobnicate"]).0, 2);
    let (code, _, err) = run(&["url", "--base", "https://x/", "--actions", "a", "--table", "/nonexistent/table.json"]);
    assert_eq!(code, 1);
    assert!(err.contains("cannot read /nonexistent/table.json"), "{err}");
}

#[test]
fn decode_reads_the_choice_back_with_notices() {
    let page = repo("www/index.html");
    let (code, out, _) =
        run(&["decode", "https://d/ashby?actions=ashby_list_jobs+zz&separator=pipe", "--table", &page]);
    assert_eq!(code, 0);
    assert_eq!(out, "actions: ashby_list_jobs\nscopes: jobsRead\nseparator: pipe\nnotice: 1 action in the link was not found in this guide\n");
    let (code, out, _) = run(&[
        "decode",
        "?desk-actions=tickets_list&desk-separator=comma",
        "--table",
        &repo("tests/fixtures/helpdesk-actions.json"),
        "--key",
        "desk",
        "--json",
    ]);
    assert_eq!(code, 0);
    let decoded: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(decoded["actions"], serde_json::json!(["tickets_list"]));
    assert_eq!(decoded["separator"], "comma");
    assert_eq!(decoded["notices"], serde_json::json!([]));
}

#[test]
fn scopes_prints_the_union_in_table_order() {
    let table = repo("tests/fixtures/helpdesk-actions.json");
    let (code, out, _) =
        run(&["scopes", "--table", &table, "--actions", "customers_upsert,tickets_assign", "--separator", "comma"]);
    assert_eq!((code, out.as_str()), (0, "tickets:write,customers:read,agents:read,customers:write\n"));
    let (code, _, err) = run(&["scopes", "--table", &table, "--actions", "nope"]);
    assert_eq!((code, err.as_str()), (1, "scope-selector: unknown action id: nope\n"));
}

#[test]
fn check_passes_the_demo_pages_and_fixtures() {
    let files = [
        "www/index.html",
        "www/helpdesk.html",
        "www/two-widgets.html",
        "tests/fixtures/ashby-actions.json",
        "tests/fixtures/helpdesk-actions.json",
        "tests/fixtures/billing-actions.json",
    ];
    let paths: Vec<String> = files.iter().map(|file| repo(file)).collect();
    let mut args = vec!["check"];
    args.extend(paths.iter().map(String::as_str));
    let (code, out, err) = run(&args);
    assert_eq!((code, out.as_str(), err.as_str()), (0, "", ""));
}

/// A copy of the Ashby demo page with one defect.
fn broken_page(name: &str, from: &str, to: &str) -> String {
    let page = std::fs::read_to_string(repo("www/index.html")).unwrap();
    assert!(page.contains(from), "the demo page has {from}");
    temp_file(name, &page.replacen(from, to, 1))
}

#[test]
fn check_reports_each_seeded_defect_of_a_page_with_its_line() {
    let cases = [
        (
            "typo.html",
            "data-guide-scopes=\"jobsRead,jobsWrite\"",
            "data-guide-scopes=\"jobsRead,jobsWrtie\"",
            "data-guide-scopes=\"jobsRead,jobsWrtie\" names the scope \"jobsWrtie\", which is not in the action table",
        ),
        (
            "item.html",
            "data-guide-display-scope=\"offersRead\"",
            "data-guide-display-scope=\"offersRaed\"",
            "data-guide-display-scope=\"offersRaed\" names the scope \"offersRaed\"",
        ),
        ("output.html", " data-guide-scopes-output ", " ", "the panel root has no data-guide-scopes-output element"),
        (
            "table.html",
            "data-guide-actions-json=\"[",
            "data-guide-actions-json=\"[5,",
            "action at index 0: must be an object, found a number",
        ),
        (
            "empty.html",
            "data-guide-actions-json=\"[",
            "data-guide-actions-json=\"[]\" data-old=\"[",
            "the action table has no actions",
        ),
        (
            "notable.html",
            "data-guide-actions-json=",
            "data-old-json=",
            "the panel root has no data-guide-actions-json table",
        ),
    ];
    for (name, from, to, expected) in cases {
        let path = broken_page(name, from, to);
        let (code, out, _) = run(&["check", &path]);
        assert_eq!(code, 1, "{name}: {out}");
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 1, "{name}: one defect, one problem: {out}");
        assert!(lines[0].starts_with(&format!("{path}:")) && lines[0].contains(expected), "{name}: {out}");
        let line: usize = lines[0][path.len() + 1..].split(':').next().unwrap().parse().unwrap();
        // The reported line holds the defect (or the panel root it belongs to).
        let page = std::fs::read_to_string(&path).unwrap();
        let at = page.lines().nth(line - 1).unwrap_or_default();
        assert!(at.contains(to.trim()) || at.contains("data-guides-scope-selector"), "{name}: line {line} is {at:.80}");
    }
}

#[test]
fn check_reports_colliding_keys_and_writes_json_and_github_annotations() {
    let page = std::fs::read_to_string(repo("www/two-widgets.html")).unwrap();
    // A root keyed "2" before an unnamed second root: both own `2-actions`.
    let keyed = page.replacen("data-guides-scope-selector=\"desk\"", "data-guides-scope-selector=\"2\"", 1);
    let path = temp_file(
        "keys.html",
        &keyed.replacen("data-guides-scope-selector=\"billing\"", "data-guides-scope-selector", 1),
    );
    let (code, out, _) = run(&["check", &path]);
    assert_eq!(code, 1);
    assert!(out.contains("both own the link parameter \"2-actions\""), "{out}");
    let (code, out, _) = run(&["check", "--format", "json", &path]);
    assert_eq!(code, 1);
    let problems: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(problems[0]["severity"], "error");
    assert_eq!(problems[0]["file"], path.as_str());
    let (_, out, _) = run(&["check", "--format", "github", &path]);
    assert!(out.starts_with(&format!("::error file={path},line=")), "{out}");
    let table = temp_file("dupes.json", "[\n{\"id\": \"a\", \"label\": \"A\", \"scopes\": [\" \"]},\n{\"id\": \"a\", \"label\": \"B\", \"scopes\": []}\n]");
    let (code, out, _) = run(&["check", &table]);
    assert_eq!(code, 0, "repairs are warnings: {out}");
    assert_eq!(out, format!("{table}:2: warning: action at index 0: blank \"scopes\"[0] was left out\n{table}:3: warning: action at index 1 repeats the id \"a\" of index 0 and was left out\n"));
}

#[test]
fn extract_prints_the_table_of_a_page() {
    let (code, out, _) = run(&["extract", &repo("www/index.html")]);
    assert_eq!(code, 0);
    let table: serde_json::Value = serde_json::from_str(&out).unwrap();
    let fixture: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(repo("tests/fixtures/ashby-actions.json")).unwrap()).unwrap();
    assert_eq!(table, fixture);
    let (code, out, _) = run(&["extract", &repo("www/two-widgets.html"), "--key", "billing"]);
    assert_eq!(code, 0);
    assert!(out.starts_with(r#"[{"id":"invoices_list""#), "{out}");
    let (code, _, err) = run(&["extract", &repo("www/two-widgets.html"), "--key", "nope"]);
    assert_eq!((code, err.contains("no panel root with the key \"nope\"")), (1, true), "{err}");
}

#[test]
fn diff_lists_changes_and_fails_when_links_would_lose_actions() {
    let old = repo("tests/fixtures/billing-actions.json");
    let (code, out, _) = run(&["diff", &old, &old]);
    assert_eq!((code, out.as_str()), (0, ""));
    let mut table: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&old).unwrap()).unwrap();
    let actions = table.as_array_mut().unwrap();
    actions[0]["label"] = "Renamed".into();
    let removed = actions.remove(1)["id"].as_str().unwrap().to_owned();
    actions.push(serde_json::json!({"id": "new_one", "label": "New", "scopes": ["x"]}));
    let new = temp_file("new.json", &table.to_string());
    let (code, out, _) = run(&["diff", &old, &new]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("relabelled invoices_list: \"List Invoices\" -> \"Renamed\""), "{out}");
    assert!(out.contains("added new_one"), "{out}");
    assert!(out.contains(&format!("removed {removed}")), "{out}");
    assert!(out.contains("would lose it"), "{out}");
    let (code, _, _) = run(&["diff", &new, &old]);
    assert_eq!(code, 1, "new_one is gone again");
}

#[test]
fn render_prints_a_panel_that_check_accepts_and_extract_reads_back() {
    let table = repo("tests/fixtures/helpdesk-actions.json");
    let (code, panel, _) = run(&["render", "--table", &table, "--key", "desk"]);
    assert_eq!(code, 0);
    for control in [
        "data-guide-action-search",
        "data-guide-select-all",
        "data-guide-clear",
        "data-guide-loading",
        "data-guide-no-results",
        "data-guide-url",
        "data-guide-copy-url",
        "data-guide-scopes-output",
        "data-guide-scope-delimiter",
        "data-guide-copy-scopes",
    ] {
        assert!(panel.contains(control), "{control}");
    }
    assert!(!panel.contains("data-guide-key-check"), "the extras only when asked for");
    let (code, with_extras, _) = run(&["render", "--table", &table, "--extras"]);
    assert_eq!(code, 0);
    for control in ["data-guide-key-check", "data-guide-export-markdown", "data-guide-export-json"] {
        assert!(with_extras.contains(control), "{control}");
    }
    assert!(
        panel.starts_with(r#"<div class="not-prose guides-scope-selector" data-guides-scope-selector="desk" "#),
        "{panel}"
    );
    let page = temp_file(
        "rendered.html",
        &format!(
            "<!doctype html><title>t</title>\n{panel}<p data-guide-step data-guide-scopes=\"tickets:read\">Step</p>\n"
        ),
    );
    assert_eq!(run(&["check", &page]), (0, String::new(), String::new()));
    let (_, extracted, _) = run(&["extract", &page]);
    // The same actions (each action's scopes are written in the table's order of first appearance).
    let normalised = |json: &str| -> Vec<(String, String, Vec<String>)> {
        let table: serde_json::Value = serde_json::from_str(json).unwrap();
        let actions = table.as_array().unwrap().iter().map(|action| {
            let mut scopes: Vec<String> =
                action["scopes"].as_array().unwrap().iter().map(|scope| scope.as_str().unwrap().to_owned()).collect();
            scopes.sort();
            (action["id"].as_str().unwrap().to_owned(), action["label"].as_str().unwrap().to_owned(), scopes)
        });
        actions.collect()
    };
    assert_eq!(
        normalised(&extracted),
        normalised(&std::fs::read_to_string(&table).unwrap()),
        "the table survives the attribute escaping"
    );
}

#[test]
fn render_escapes_hostile_text_and_refuses_a_broken_table() {
    let hostile =
        temp_file("hostile.json", r#"[{"id":"x","label":"</div><script>alert(1)</script>","scopes":["a\"b'c&d"]}]"#);
    let (code, panel, _) = run(&["render", "--table", &hostile, "--key", "\"><img src=x>"]);
    assert_eq!(code, 0);
    assert!(!panel.contains("<script>") && !panel.contains("<img"), "{panel}");
    assert!(panel.contains("data-guides-scope-selector=\"&quot;&gt;&lt;img src=x&gt;\""), "{panel}");
    let broken = temp_file("broken.json", r#"[{"id":"a b","label":"A","scopes":[]}]"#);
    let (code, _, err) = run(&["render", "--table", &broken]);
    assert_eq!((code, err.contains("\"id\" must not contain spaces or commas")), (1, true), "{err}");
}

#[test]
fn check_reports_broken_presets_and_display_names_of_the_demo_page() {
    // The Ashby demo's first preset loses its label, its second names an action the table lacks,
    // and one display name is for a scope the table does not have.
    let page = broken_page("extras.html", "&quot;label&quot;:&quot;Read-only&quot;", "&quot;label&quot;:&quot;&quot;");
    let text = std::fs::read_to_string(&page)
        .unwrap()
        .replace("&quot;jobsRead&quot;:&quot;Jobs: Read&quot;", "&quot;jobs&quot;:&quot;Jobs: Read&quot;");
    std::fs::write(&page, text).unwrap();
    let (code, out, _) = run(&["check", &page]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains(":18: error: data-guide-presets: preset 1 must be an object with a \"label\""), "{out}");
    assert!(out.contains(":18: warning: data-guide-scope-labels: \"jobs\" is not a scope of the table"), "{out}");
    assert_eq!(out.lines().count(), 2, "{out}");
}

/// Sending and reading mail, each with its own scope or `mail:admin` for both.
const MAIL: &str = r#"[
  {"id": "send", "label": "Send mail", "scopes": ["mail:send"], "alternatives": [["mail:admin"]]},
  {"id": "read", "label": "Read mail", "scopes": ["mail:read"], "alternatives": [["mail:admin"]]},
  {"id": "audit", "label": "Audit", "scopes": ["audit"]}
]"#;

#[test]
fn scopes_prints_the_least_privilege_set_or_the_union() {
    let table = temp_file("mail.json", MAIL);
    let (code, out, err) = run(&["scopes", "--table", &table, "--actions", "send,read"]);
    assert_eq!((code, out.as_str(), err.as_str()), (0, "mail:admin\n", ""));
    let (code, out, _) =
        run(&["scopes", "--table", &table, "--actions", "send,read", "--union", "--separator", "comma"]);
    assert_eq!((code, out.as_str()), (0, "mail:send,mail:read\n"));
    let (code, out, _) = run(&["scopes", "--table", &table, "--actions", "send"]);
    assert_eq!((code, out.as_str()), (0, "mail:send\n"), "one action: its first alternative");
}

#[test]
fn scopes_says_when_the_set_may_not_be_the_least() {
    // 17 actions with two unrelated alternatives each: 131,072 combinations, over the bound.
    let actions: Vec<String> = (0..17)
        .map(|at| format!(r#"{{"id":"a{at}","label":"A","scopes":["x{at}"],"alternatives":[["y{at}"]]}}"#))
        .collect();
    let table = temp_file("many.json", &format!("[{}]", actions.join(",")));
    let ids: Vec<String> = (0..17).map(|at| format!("a{at}")).collect();
    let (code, out, err) = run(&["scopes", "--table", &table, "--actions", &ids.join(",")]);
    assert_eq!(code, 0);
    let expected: Vec<String> = (0..17).map(|at| format!("x{at}")).collect();
    assert_eq!(out, format!("{}\n", expected.join(" ")), "the heuristic keeps the earliest alternatives");
    assert!(err.contains("may not be the least"), "{err}");
}

#[test]
fn decode_prints_the_least_privilege_set() {
    let table = temp_file("mail-decode.json", MAIL);
    let (code, out, _) = run(&["decode", "https://d.example/?actions=send+read+audit", "--table", &table]);
    assert_eq!(code, 0);
    assert!(out.contains("scopes: mail:admin audit\n"), "{out}");
}

#[test]
fn check_validates_alternatives() {
    let bad = temp_file(
        "bad-alternatives.json",
        "[\n  {\"id\": \"a\", \"label\": \"A\", \"scopes\": [], \"alternatives\": [[\"x\"], \"y\"]},\n  {\"id\": \"b\", \"label\": \"B\", \"scopes\": [], \"alternatives\": [[\"x\", 1]]}\n]\n",
    );
    let (code, out, _) = run(&["check", &bad]);
    assert_eq!(code, 1);
    assert_eq!(
        out,
        format!(
            "{bad}:2: error: action at index 0: \"alternatives\"[1] must be an array of strings, found a string\n\
             {bad}:3: error: action at index 1: \"alternatives\"[0][1] must be a string, found a number\n"
        )
    );
    let repaired = temp_file(
        "repaired-alternatives.json",
        r#"[{"id": "a", "label": "A", "scopes": ["x"], "alternatives": [["x"], ["y", " "]]}]"#,
    );
    let (code, out, _) = run(&["check", &repaired]);
    assert_eq!(code, 0, "repairs are warnings");
    assert!(out.contains("warning: action at index 0: blank \"alternatives\"[1][1] was left out"), "{out}");
    assert!(out.contains("warning: action at index 0: \"alternatives\"[0] names the same scopes"), "{out}");
    let good = temp_file("good-alternatives.json", MAIL);
    assert_eq!(run(&["check", &good]), (0, String::new(), String::new()));
}

#[test]
fn diff_lists_changed_alternatives() {
    let old = temp_file("mail-old.json", MAIL);
    let new =
        temp_file("mail-new.json", &MAIL.replace(r#"[["mail:admin"]]}"#, r#"[["mail:admin"], ["mail:all", "x"]]}"#));
    let (code, out, _) = run(&["diff", &old, &new]);
    assert_eq!(code, 0, "no action lost");
    assert_eq!(
        out,
        "alternatives of send: [mail:admin] -> [mail:admin] [mail:all x]\nalternatives of read: [mail:admin] -> [mail:admin] [mail:all x]\n"
    );
}

#[test]
fn import_writes_a_table_that_check_accepts_and_reports_counts() {
    let spec = repo("tests/fixtures/specs/petstore.oas3.yaml");
    let (code, out, err) = run(&["import", &spec]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.starts_with("{\n  \"actions\": [\n    {\"id\": \"updatePet\", \"label\": \"Update an existing pet.\""),
        "{out}"
    );
    assert_eq!(
        err,
        "scope-selector: security scheme \"petstore_auth\" (the only OAuth 2 / OpenID Connect scheme)\n\
         scope-selector: 19 operations read, 8 kept, 11 dropped (10 no security requirement, 1 only other security schemes)\n"
    );
    let written = temp_file("petstore-table.json", "");
    let (code, printed, _) = run(&["import", &spec, "--out", &written]);
    assert_eq!((code, printed.as_str()), (0, ""));
    assert_eq!(std::fs::read_to_string(&written).unwrap(), out, "--out writes what stdout shows");
    let (code, problems, _) = run(&["check", &written]);
    assert_eq!((code, problems.as_str()), (0, ""), "the widget accepts the table as it is");
    let (code, scopes, _) = run(&["scopes", "--table", &written, "--actions", "getPetById"]);
    assert_eq!((code, scopes.as_str()), (0, "write:pets read:pets\n"));

    let gmail = repo("tests/fixtures/specs/gmail.v1.json");
    let (code, out, err) = run(&["import", &gmail, "--group-by", "path", "--skip-deprecated"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("\"group\": \"gmail\""), "{out}");
    assert!(err.contains("79 operations read, 79 kept, 0 dropped"), "{err}");
}

#[test]
fn import_refuses_bad_specs_with_where_and_bad_usage_with_2() {
    let bad = temp_file(
        "undeclared.yaml",
        "openapi: 3.0.0\ncomponents:\n  securitySchemes:\n    o: {type: oauth2, flows: {}}\npaths:\n  /pets:\n    get:\n      security: [{nope: []}]\n",
    );
    let (code, out, err) = run(&["import", &bad]);
    assert_eq!((code, out.as_str()), (1, ""));
    assert_eq!(
        err,
        format!(
            "scope-selector: {bad}: at paths./pets.get.security[0]: the security requirement names \"nope\", which the document does not declare\n"
        )
    );
    let (code, _, err) = run(&["import", &repo("tests/fixtures/specs/petstore.oas3.yaml"), "--scheme", "basic"]);
    assert_eq!(code, 1);
    assert!(err.contains("no security scheme \"basic\" (found: petstore_auth (oauth2), api_key (apiKey))"), "{err}");
    let binary = temp_file("binary.yaml", "");
    std::fs::write(&binary, [0xff, 0xfe, 0x00, 0x41]).unwrap();
    let (code, _, err) = run(&["import", &binary]);
    assert_eq!((code, err.contains("not UTF-8 text")), (1, true), "{err}");
    let (code, _, err) = run(&["import", &repo("tests/fixtures/ashby-actions.json")]);
    assert_eq!((code, err.contains("neither an OpenAPI document")), (1, true), "{err}");
    let huge = temp_file("huge.yaml", "");
    std::fs::write(&huge, vec![b'#'; 33 * 1024 * 1024]).unwrap();
    let (code, _, err) = run(&["import", &huge]);
    assert_eq!(code, 1);
    assert!(err.ends_with("is 34603008 bytes, over the 33554432 bytes (32 MiB) the importer reads\n"), "{err}");
    std::fs::remove_file(&huge).unwrap();
    let mut split =
        String::from("openapi: 3.0.0\ncomponents:\n  securitySchemes: {o: {type: oauth2, flows: {}}}\n  schemas:\n");
    for at in 0..12 {
        split.push_str(&format!("    S{at}: {{$ref: 'schemas.yaml#/S{at}'}}\n"));
    }
    split.push_str("paths:\n  /a: {get: {security: [{o: []}]}}\n");
    let (code, _, err) = run(&["import", &temp_file("split.yaml", &split)]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(err.matches("points into another file").count(), 10, "{err}");
    assert!(err.contains("split.yaml: 2 more warnings"), "{err}");
    assert_eq!(run(&["import"]).0, 2, "a missing spec is a usage error");
    assert_eq!(run(&["import", &bad, "--group-by", "colour"]).0, 2);
}

#[test]
fn diff_reads_specs_and_fails_on_label_changes_only_with_strict() {
    let (v2, v3) =
        (repo("tests/fixtures/specs/petstore.swagger2.yaml"), repo("tests/fixtures/specs/petstore.oas3.yaml"));
    let (code, out, _) = run(&["diff", &v3, &v3]);
    assert_eq!((code, out.as_str()), (0, ""));
    // Petstore 2.0 lets only the API key read a pet by id, so guide URLs choosing it would lose it.
    let (code, out, _) = run(&["diff", &v3, &v2]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("removed getPetById"), "{out}");
    assert!(out.contains("relabelled updatePet: \"Update an existing pet.\" -> \"Update an existing pet\""), "{out}");
    let (code, out, _) = run(&["diff", &v2, &v3]);
    assert_eq!(code, 0, "added actions and new labels lose nothing: {out}");
    assert!(out.contains("added getPetById"), "{out}");
    let (code, out, _) = run(&["diff", "--strict", &v2, &v3]);
    assert_eq!(code, 1, "{out}");
    assert!(out.ends_with("labels or groups changed (--strict)\n"), "{out}");

    // A page on one side, a spec on the other.
    let table: serde_json::Value = serde_json::from_str(&run(&["import", &v3]).1).unwrap();
    let mut regrouped = table.clone();
    regrouped["actions"][0]["group"] = "pets".into();
    let regrouped = temp_file("regrouped.json", &regrouped.to_string());
    let (code, out, _) = run(&["diff", &v3, &regrouped]);
    assert_eq!((code, out.as_str()), (0, "regrouped updatePet: \"pet\" -> \"pets\"\n"));
    assert_eq!(run(&["diff", "--strict", &v3, &regrouped]).0, 1);
    let (code, out, _) = run(&["diff", &repo("www/index.html"), &v3]);
    assert_eq!(code, 1);
    assert!(out.contains("removed ashby_list_jobs") && out.contains("added updatePet"), "{out}");
    let (code, _, err) = run(&["diff", &v3, &temp_file("bad.yaml", "openapi: [3.0\n")]);
    assert_eq!(code, 1);
    assert!(err.contains("not valid YAML"), "a YAML file is a spec: {err}");
    let (code, _, err) = run(&["diff", &v3, &temp_file("bad.json", "[{\"id\": 1,]")]);
    assert_eq!(code, 1);
    assert!(err.contains("bad.json") && !err.contains("YAML"), "a JSON file that is no spec is a table: {err}");
    let broken = temp_file("broken-spec.yaml", "openapi: 3.0.0\npaths:\n  /a: {$ref: '#/nowhere'}\n");
    let (code, _, err) = run(&["diff", &v3, &broken]);
    assert_eq!(code, 1);
    assert!(err.contains("at paths./a: $ref \"#/nowhere\" points at nothing"), "{err}");
}

#[test]
fn render_writes_the_panel_texts_in_the_language_asked_for() {
    let table = repo("tests/fixtures/helpdesk-actions.json");
    let (code, german, _) = run(&["render", "--table", &table, "--lang", "de-AT", "--extras"]);
    assert_eq!(code, 0);
    for text in [
        "Aktionen auswählen, um die Anleitung anzupassen",
        "placeholder=\"Aktionen suchen…\"",
        ">Alle auswählen<",
        ">Neue Zeile<",
        ">JSON herunterladen<",
    ] {
        assert!(german.contains(text), "{text}: {german}");
    }
    assert!(!german.contains("Select all"), "{german}");
    // A language without built-in words gives English; a value that is no language tag is refused.
    let (code, swedish, _) = run(&["render", "--table", &table, "--lang", "sv"]);
    assert_eq!((code, swedish.contains(">Select all<")), (0, true));
    let (code, out, err) = run(&["render", "--table", &table, "--lang", "de_DE"]);
    assert_eq!((code, out.as_str()), (1, ""));
    assert!(err.contains("--lang \"de_DE\" is not a language tag"), "{err}");
}

#[test]
fn check_reports_the_words_a_page_gives_that_the_widget_leaves_out() {
    let strings = r#"{"copy.copied":"Gotowe","copy.copie":"x","export.more":"i {n} więcej","status.selected":{"one":"a","two":"b","other":"c"},"key.missing":["x"]}"#;
    let attribute = strings.replace('"', "&quot;");
    let page = broken_page(
        "strings.html",
        "data-guides-scope-selector ",
        &format!("data-guides-scope-selector data-guide-strings=\"{attribute}\" "),
    );
    let text = std::fs::read_to_string(&page).unwrap().replacen("<html lang=\"en\">", "<html lang=\"pl\">", 1);
    std::fs::write(&page, text).unwrap();
    let (code, out, _) = run(&["check", &page]);
    assert_eq!(code, 1, "{out}");
    assert_eq!(
        messages(&out, "error"),
        [
            "data-guide-strings: left out: \"copy.copie\": unknown key",
            "data-guide-strings: left out: \"export.more\": unknown placeholder {n}",
            "data-guide-strings: left out: \"status.selected\": plural forms must be strings for one, few, many, other",
            "data-guide-strings: left out: \"key.missing\": not a string",
        ],
        "{out}"
    );
    let broken = broken_page(
        "strings-broken.html",
        "data-guides-scope-selector ",
        "data-guides-scope-selector data-guide-strings=\"{nope\" ",
    );
    let (code, out, _) = run(&["check", &broken]);
    assert_eq!(code, 1);
    assert!(out.contains(": error: data-guide-strings: left out: it is not JSON ("), "{out}");
}

#[test]
fn check_warns_of_groups_it_repairs_and_of_modules_without_display_names() {
    let table = temp_file(
        "groups.json",
        r#"{"actions": [{"id":"a","label":"A","scopes":["jobsRead"],"group":3},
            {"id":"b","label":"B","scopes":["offersWrite"],"group":" "},
            {"id":"c","label":"C","scopes":["candidatesRead"]}],
          "scopeLabels": {"jobsRead": "Jobs: Read"}}"#,
    );
    let (code, out, _) = run(&["check", &table]);
    assert_eq!(code, 0, "repairs and names are warnings: {out}");
    assert_eq!(
        messages(&out, "warning"),
        [
            "action at index 0: \"group\" must be a string, found a number; the action is kept without a module",
            "action at index 1: \"group\" is blank; the action is kept without a module",
            "module \"Offers\": none of its scopes (offersWrite) has a display name, while other modules' scopes do",
            "module \"Candidates\": none of its scopes (candidatesRead) has a display name, while other modules' scopes do",
        ],
        "{out}"
    );
    // On a page, the root's display names count too: the demo names every scope but one here.
    let page = broken_page("unnamed.html", "&quot;reportsRead&quot;:&quot;Reports: Read&quot;,", "");
    let (code, out, _) = run(&["check", &page]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains(":18: warning: module \"Reports\": none of its scopes (reportsRead) has a display name"),
        "{out}"
    );
}
