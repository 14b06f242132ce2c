//! Native tests of alternatives in the table (issue 27): reading and validating them, what they
//! cost a table without them, writing them back, and the one rule that decides what scopes allow.
#![cfg(not(target_arch = "wasm32"))]

use scope_selector_core::json::Kind;
use scope_selector_core::table::{read, EntryProblem, Field, TableNotice};
use scope_selector_core::{BitSet, Table, TableError};

fn table(json: &str) -> Table {
    Table::from_json(json).expect("valid table").table
}

fn scopes(table: &Table, names: &[&str]) -> BitSet {
    let mut set = BitSet::new(table.scope_count());
    for name in names {
        set.insert(table.scope_id(name).expect("known scope") as usize);
    }
    set
}

fn names(table: &Table, set: &[u32]) -> Vec<String> {
    set.iter().map(|&scope| table.scope_name(scope as usize).to_owned()).collect()
}

const MAIL: &str = r#"[
  {"id": "send", "label": "Send mail", "scopes": ["mail:send"], "alternatives": [["mail:write"], ["mail:admin"]]},
  {"id": "read", "label": "Read mail", "scopes": ["mail:read"], "alternatives": [["mail:admin"]]},
  {"id": "list", "label": "List folders", "scopes": []},
  {"id": "purge", "label": "Purge", "scopes": ["mail:admin", "mail:write"]}
]"#;

#[test]
fn alternatives_are_read_in_order_after_scopes() {
    let table = table(MAIL);
    let send: Vec<Vec<String>> = table.alternatives(0).map(|set| names(&table, set)).collect();
    assert_eq!(send, [vec!["mail:send"], vec!["mail:write"], vec!["mail:admin"]]);
    assert_eq!(table.alternatives(0).next(), Some(table.action_scopes(0)));
    assert_eq!(table.alternative_count(0), 3);
    assert_eq!(table.alternative_count(2), 1);
    assert_eq!(table.alternative_count(9), 0);
    assert_eq!(table.alternatives(9).count(), 0);
    assert!(table.has_alternatives());
    let order: Vec<&str> = (0..table.scope_count()).map(|scope| table.scope_name(scope)).collect();
    assert_eq!(order, ["mail:send", "mail:write", "mail:admin", "mail:read"], "scopes before alternatives");
}

#[test]
fn scopes_allow_an_action_when_one_alternative_is_within_them() {
    let table = table(MAIL);
    let admin = scopes(&table, &["mail:admin"]);
    assert!(table.allows(0, &admin) && table.allows(1, &admin) && table.allows(2, &admin));
    assert!(!table.allows(3, &admin), "purge needs both");
    assert!(!table.allows(7, &admin), "out of range");
    assert_eq!(table.actions_within(&admin).iter().collect::<Vec<_>>(), [0, 1, 2]);
    assert_eq!(table.alternative_within(0, &admin), Some(2));
    let both = scopes(&table, &["mail:admin", "mail:write"]);
    assert_eq!(table.alternative_within(0, &both), Some(1), "the earliest alternative within");
    assert_eq!(table.used_alternative(0, &both).map(|set| names(&table, set)), Some(vec!["mail:write".into()]));
    assert_eq!(table.actions_within(&both).len(), 4);
    assert_eq!(table.actions_within(&BitSet::new(table.scope_count())).iter().collect::<Vec<_>>(), [2]);
}

#[test]
fn a_table_without_alternatives_has_one_per_action() {
    let table = table(r#"[{"id":"a","label":"A","scopes":["x"]},{"id":"b","label":"B","scopes":[]}]"#);
    assert!(!table.has_alternatives());
    assert_eq!(table.alternatives(0).collect::<Vec<_>>(), [&[0][..]]);
    assert_eq!(table.alternatives(1).collect::<Vec<_>>(), [&[][..]]);
    assert_eq!(table.to_json(), r#"[{"id":"a","label":"A","scopes":["x"]},{"id":"b","label":"B","scopes":[]}]"#);
}

#[test]
fn alternatives_after_actions_without_them_are_stored_for_the_right_action() {
    let table = table(
        r#"[{"id":"a","label":"A","scopes":["x"]},{"id":"b","label":"B","scopes":["y"]},
            {"id":"c","label":"C","scopes":["z"],"alternatives":[["x"],["y","x"]]},{"id":"d","label":"D","scopes":["w"]}]"#,
    );
    assert_eq!([0, 1, 2, 3].map(|action| table.alternative_count(action)), [1, 1, 3, 1]);
    assert_eq!(names(&table, table.alternatives(2).nth(2).unwrap()), ["x", "y"]);
    assert_eq!(table.alternatives(3).collect::<Vec<_>>(), [&[3][..]]);
}

#[test]
fn alternatives_are_written_back_and_read_again() {
    let first = table(MAIL);
    let json = first.to_json();
    assert!(json.starts_with(
        r#"[{"id":"send","label":"Send mail","scopes":["mail:send"],"alternatives":[["mail:write"],["mail:admin"]]},"#
    ));
    assert!(json.contains(r#"{"id":"list","label":"List folders","scopes":[]}"#), "no empty alternatives member");
    let again = table(&json);
    assert_eq!(again.to_json(), json);
    for action in 0..first.len() {
        let sets = |table: &Table| table.alternatives(action).map(|set| names(table, set)).collect::<Vec<_>>();
        assert_eq!(sets(&again), sets(&first));
    }
}

fn error_of(json: &str) -> TableError {
    Table::from_json(json).expect_err("table should be rejected")
}

#[test]
fn wrong_kinds_of_alternatives_are_entry_errors() {
    let entry = |index, problem| TableError::Entry { index, problem };
    assert_eq!(
        error_of(r#"[{"id":"a","label":"A","scopes":[],"alternatives":"x"}]"#),
        entry(0, EntryProblem::WrongKind { field: Field::Alternatives, found: Kind::String })
    );
    assert_eq!(
        error_of(r#"[{"id":"a","label":"A","scopes":[],"alternatives":null}]"#),
        entry(0, EntryProblem::WrongKind { field: Field::Alternatives, found: Kind::Null })
    );
    assert_eq!(
        error_of(
            r#"[{"id":"a","label":"A","scopes":[]},{"id":"b","label":"B","scopes":[],"alternatives":[["x"],"y"]}]"#
        ),
        entry(1, EntryProblem::AlternativeNotAnArray { alternative: 1, found: Kind::String })
    );
    assert_eq!(
        error_of(r#"[{"id":"a","label":"A","scopes":[],"alternatives":[["x", 3]]}]"#),
        entry(0, EntryProblem::AlternativeScopeNotString { alternative: 0, position: 1, found: Kind::Number })
    );
}

#[test]
fn alternative_error_messages_name_index_and_position() {
    let message = |json: &str| error_of(json).to_string();
    assert_eq!(
        message(r#"[{"id":"a","label":"A","scopes":[],"alternatives":{"x":1}}]"#),
        "action at index 0: \"alternatives\" must be an array of arrays of strings, found an object"
    );
    assert_eq!(
        message(r#"[{"id":"a","label":"A","scopes":[],"alternatives":[["x"],["y"],true]}]"#),
        "action at index 0: \"alternatives\"[2] must be an array of strings, found a boolean"
    );
    assert_eq!(
        message(r#"[{"id":"a","label":"A","scopes":[],"alternatives":[[], ["y", ["z"]]]}]"#),
        "action at index 0: \"alternatives\"[1][1] must be a string, found an array"
    );
}

#[test]
fn blank_scopes_and_repeated_alternatives_are_left_out_with_notices() {
    let loaded = Table::from_json(
        r#"[{"id":"a","label":"A","scopes":["x","y"],"alternatives":[[" z ",""],["y","x"," x"],["z"],[],[" "]]}]"#,
    )
    .unwrap();
    let table = &loaded.table;
    let sets: Vec<Vec<String>> = table.alternatives(0).map(|set| names(table, set)).collect();
    assert_eq!(sets, [vec!["x", "y"], vec!["z"], vec![]]);
    assert_eq!(
        loaded.notices,
        [
            TableNotice::BlankAlternativeScope { index: 0, alternative: 0, position: 1 },
            TableNotice::BlankAlternativeScope { index: 0, alternative: 4, position: 0 },
            TableNotice::RepeatedAlternative { index: 0, alternative: 1 },
            TableNotice::RepeatedAlternative { index: 0, alternative: 2 },
            TableNotice::RepeatedAlternative { index: 0, alternative: 4 },
        ]
    );
    assert_eq!(
        loaded.notices[2].to_string(),
        "action at index 0: \"alternatives\"[1] names the same scopes as an earlier alternative and was left out"
    );
    assert_eq!(loaded.notices[0].to_string(), "action at index 0: blank \"alternatives\"[0][1] was left out");
}

#[test]
fn every_alternative_problem_is_reported_with_its_place() {
    let text = "[\n {\"id\":\"a\",\"label\":\"A\",\"scopes\":[],\"alternatives\":[[1]]},\n {\"id\":\"b\",\"label\":\"B\",\"scopes\":[],\"alternatives\":[5]}\n]";
    let reading = read(text);
    assert!(reading.table.is_none());
    let indices: Vec<(usize, usize)> = reading
        .errors
        .iter()
        .map(|error| match &error.value {
            TableError::Entry { index, .. } => (*index, error.offset),
            _ => (99, 0),
        })
        .collect();
    let second = text.find("{\"id\":\"b\"").unwrap();
    assert_eq!(indices, [(0, 3), (1, second)]);
}

#[test]
fn a_hundred_thousand_actions_with_alternatives_are_accepted() {
    let entries: Vec<String> = (0..100_000)
        .map(|at| {
            format!(
                r#"{{"id":"a{at}","label":"A {at}","scopes":["m{}:read"],"alternatives":[["m{}:admin"],["all:read"]]}}"#,
                at % 97,
                at % 89
            )
        })
        .collect();
    let table = table(&format!("[{}]", entries.join(",")));
    assert_eq!(table.len(), 100_000);
    assert_eq!(table.alternative_count(99_999), 3);
    let all = scopes(&table, &["all:read"]);
    assert_eq!(table.actions_within(&all).len(), 100_000);
}

// --- the callers of the rule -----------------------------------------------------------------------

use scope_selector_core::export::markdown_checklist;
use scope_selector_core::guide::{scope_item_visible, GuideChoice, GuideScopes};
use scope_selector_core::guide_url::{read_url, ParamNames};
use scope_selector_core::key_check::check_key;
use scope_selector_core::least_privilege::least_privilege;
use scope_selector_core::message::english;
use scope_selector_core::presets::read_presets;
use scope_selector_core::scope_names::ScopeNames;

/// Sending and reading mail: each has its own scope, or `mail:admin` for both; `purge` needs
/// `mail:admin` with `audit`, so granting `mail:admin` lets no more actions run than the two
/// narrow scopes, and is one scope.
const ADMIN: &str = r#"[
  {"id": "send", "label": "Send mail", "scopes": ["mail:send"], "alternatives": [["mail:admin"]]},
  {"id": "read", "label": "Read mail", "scopes": ["mail:read"], "alternatives": [["mail:admin"]]},
  {"id": "purge", "label": "Purge", "scopes": ["mail:admin", "audit"]},
  {"id": "audit", "label": "Audit", "scopes": ["audit"]}
]"#;

#[test]
fn the_key_check_adds_the_least_and_counts_an_alternative_as_enough() {
    let table = table(ADMIN);
    let chosen = table.ids_to_set(["send", "read"]).0;
    let empty = BitSet::new(table.scope_count());
    let check = check_key(&table, &chosen, &empty);
    assert_eq!(names(&table, &check.missing), ["mail:admin"]);
    assert!(!check.enough && check.unneeded.is_empty());
    // A key with mail:send lacks only reading: mail:read adds one action (read), mail:admin too
    // (read), and both are one scope: the earlier alternative wins.
    let send = scopes(&table, &["mail:send"]);
    let check = check_key(&table, &chosen, &send);
    assert_eq!(names(&table, &check.missing), ["mail:read"]);
    let admin = scopes(&table, &["mail:admin", "audit"]);
    let check = check_key(&table, &chosen, &admin);
    assert!(check.enough && check.missing.is_empty());
    assert_eq!(names(&table, &check.unneeded), ["audit"], "no chosen action uses audit");
    assert_eq!(check.runnable.iter().collect::<Vec<_>>(), [0, 1, 2, 3]);
}

/// The names of the scopes granted for `chosen` (the least privilege set, which the exports list).
fn granted_names(table: &Table, chosen: &BitSet) -> Vec<String> {
    table.scope_names(&least_privilege(table, chosen).scopes).map(str::to_owned).collect()
}

#[test]
fn exports_list_the_least_privilege_set_and_who_uses_each_scope() {
    let table = table(ADMIN);
    let names_of = ScopeNames::new(&table);
    let chosen = table.ids_to_set(["send", "read"]).0;
    let text = markdown_checklist(&table, &names_of, &chosen, "", &english);
    assert!(text.contains("Grant these 1 scope for 2 actions."), "{text}");
    assert!(text.contains("- [ ] `mail:admin`: Send mail, Read mail\n"), "{text}");
    assert!(!text.contains("mail:send"), "{text}");
    assert_eq!(granted_names(&table, &chosen), ["mail:admin"]);
    // With audit chosen too, mail:admin and audit would also run purge: the narrow scopes let
    // fewer actions run, though they are more.
    let chosen = table.ids_to_set(["send", "read", "audit"]).0;
    let text = markdown_checklist(&table, &names_of, &chosen, "", &english);
    assert!(text.contains("Grant these 3 scopes for 3 actions."), "{text}");
    assert!(text.contains("- [ ] `mail:send`: Send mail\n- [ ] `mail:read`: Read mail\n"), "{text}");
    assert_eq!(granted_names(&table, &chosen), ["mail:send", "mail:read", "audit"]);
}

#[test]
fn the_guide_reads_the_least_privilege_set() {
    let table = table(ADMIN);
    let chosen = table.ids_to_set(["send", "read"]).0;
    let granted = least_privilege(&table, &chosen).scopes;
    let choice = GuideChoice::new(&table, &chosen, &granted);
    assert!(GuideScopes::resolve(&table, "mail:admin").visible(choice));
    assert!(!GuideScopes::resolve(&table, "mail:send,mail:read").visible(choice), "not granted");
    assert!(scope_item_visible("mail:admin", choice) && !scope_item_visible("mail:send", choice));
    assert_eq!(
        GuideScopes::resolve(&table, "mail:admin").badge_labels(choice).as_deref(),
        Some("Read mail, Send mail")
    );
    assert_eq!(GuideScopes::resolve(&table, "mail:send").badge_labels(choice).as_deref(), Some(""));
}

#[test]
fn scope_presets_and_decoded_links_follow_the_rule() {
    let table = table(ADMIN);
    let (presets, problems) = read_presets(r#"[{"label":"Admin","scopes":["mail:admin"]}]"#, &table);
    assert!(problems.is_empty());
    assert_eq!(presets[0].actions.iter().collect::<Vec<_>>(), [0, 1]);
    let summary = read_url("?actions=send+read", &ParamNames::for_key(""), &table).summary(&table);
    assert_eq!(summary.scopes, ["mail:admin"]);
}

/// A panel of the ADMIN table, on a page with no settings.
fn admin_panel() -> scope_selector_core::view::Panel {
    use scope_selector_core::view::{Panel, Setup};
    let loaded = Table::from_json(ADMIN).unwrap();
    Panel::new(loaded, Setup { url: "https://docs.example/mail", ..Setup::default() }, str::to_lowercase)
}

#[test]
fn the_view_outputs_the_least_privilege_set() {
    use scope_selector_core::view::Event;
    let mut panel = admin_panel();
    panel.update(Event::Select("send read".into())).unwrap();
    let choice = panel.view().choice.unwrap();
    assert_eq!(choice.output, "mail:admin");
    assert_eq!(panel.choice().1, ["mail:admin"]);
    panel.update(Event::Select("send".into())).unwrap();
    assert_eq!(panel.view().choice.unwrap().output, "mail:send");
}

#[test]
fn the_view_lists_searches_and_checks_keys_by_alternatives() {
    use scope_selector_core::view::Event;
    let mut panel = admin_panel();
    // A row lists every alternative; a search finds an action by a scope of a later one.
    panel.update(Event::Search("mail:admin".into())).unwrap();
    let view = panel.view();
    let send = view.list.rows.iter().find(|row| row.id == "send").expect("send matches mail:admin");
    assert_eq!(send.scopes, "mail:send | mail:admin");
    assert_eq!(send.marks[2], vec![std::ops::Range { start: 12, end: 22 }], "the later alternative's scope is marked");
    // A key that allows the choice through other alternatives than the least set is enough,
    // and counts the scopes it uses.
    panel.update(Event::Search(String::new())).unwrap();
    panel.update(Event::Select("send read".into())).unwrap();
    panel.update(Event::Key("mail:send mail:read".into())).unwrap();
    let report = panel.view().choice.unwrap().key.expect("a key report");
    assert!(report.missing.is_empty() && report.unneeded.is_empty());
    assert_eq!(report.summary.code, "key.summaryEnough");
    assert_eq!(scope_selector_core::message::english(&report.summary), "Your key has all 2 scopes your choice needs.");
    // A key with mail:send lacks one scope; mail:read is the least to add.
    panel.update(Event::Key("mail:send".into())).unwrap();
    let report = panel.view().choice.unwrap().key.expect("a key report");
    assert_eq!(report.missing.iter().map(|scope| scope.name.as_str()).collect::<Vec<_>>(), ["mail:read"]);
    assert_eq!(
        scope_selector_core::message::english(&report.summary),
        "Your key lacks 1 of the 2 scopes your choice needs."
    );
}
