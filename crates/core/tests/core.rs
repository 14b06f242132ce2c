//! Native tests of the pure core: table validation, search, unions, separators, guide URLs,
//! guide visibility and list windowing.
#![cfg(not(target_arch = "wasm32"))]

use scope_selector_core::guide::{scope_item_visible, scope_list, GuideChoice, GuideScopes};
use scope_selector_core::guide_url::{
    decode, encode_choice, encode_separator, LinkNotice, ParamNames, MAX_ACTIONS_PARAM,
};
use scope_selector_core::json::{line_and_column, Kind};
use scope_selector_core::table::{read, EntryProblem, Field, TableNotice};
use scope_selector_core::window::{rows_to_render, OVERSCAN, RENDER_ALL_UP_TO};
use scope_selector_core::{BitSet, Catalog, Separator, Table, TableError};

fn catalog(json: &str) -> Catalog {
    Catalog::from_json(json, str::to_lowercase).expect("valid table")
}

fn ashby() -> Catalog {
    catalog(include_str!("../../../tests/fixtures/ashby-actions.json"))
}

const SMALL: &str = r#"[
  {"id": "deals_list", "label": "List Deals", "scopes": ["deals:read"]},
  {"id": "deals_update", "label": "Update Deal", "scopes": ["deals:write", "deals:read"]},
  {"id": "contacts_merge", "label": "Merge Contacts", "scopes": ["contacts:write", "contacts:read", "deals:write"]},
  {"id": "audit_export", "label": "Export Audit Log", "scopes": ["audit:read"]}
]"#;

fn chosen(table: &Table, ids: &[&str]) -> BitSet {
    let mut set = BitSet::new(table.len());
    for id in ids {
        set.insert(table.index_of(id).expect("known id") as usize);
    }
    set
}

fn names(table: &Table, set: &BitSet) -> Vec<String> {
    table.scope_names(set).map(str::to_owned).collect()
}

// --- table -----------------------------------------------------------------------------------

#[test]
fn ashby_table_loads_all_actions_and_scopes() {
    let catalog = ashby();
    assert_eq!(catalog.table.len(), 137);
    assert_eq!(catalog.table.scope_count(), 17);
    assert!(catalog.notices.is_empty());
    let start = catalog.table.index_of("ashby_start_offer").unwrap() as usize;
    let process = catalog.table.index_of("ashby_start_offer_process").unwrap() as usize;
    assert_ne!(start, process);
    assert_eq!(catalog.table.label(start), catalog.table.label(process));
}

#[test]
fn scope_ids_follow_first_appearance() {
    let table = catalog(SMALL).table;
    let order: Vec<&str> = (0..table.scope_count()).map(|scope| table.scope_name(scope)).collect();
    assert_eq!(order, ["deals:read", "deals:write", "contacts:write", "contacts:read", "audit:read"]);
}

fn error_of(json: &str) -> TableError {
    Catalog::from_json(json, str::to_lowercase).expect_err("table should be rejected")
}

#[test]
fn table_errors_name_index_and_field() {
    assert_eq!(error_of(r#"{"id": "x"}"#), TableError::NotAnArray(Kind::Object));
    assert_eq!(error_of("[]"), TableError::Empty);
    assert_eq!(
        error_of(r#"[{"id":"a","label":"A","scopes":[]}, 5]"#),
        TableError::Entry { index: 1, problem: EntryProblem::NotAnObject(Kind::Number) }
    );
    assert_eq!(
        error_of(r#"[{"label":"A","scopes":[]}]"#),
        TableError::Entry { index: 0, problem: EntryProblem::Missing(Field::Id) }
    );
    assert_eq!(
        error_of(r#"[{"id":"a","label":"A","scopes":[]},{"id":7,"label":"B","scopes":[]}]"#),
        TableError::Entry { index: 1, problem: EntryProblem::WrongKind { field: Field::Id, found: Kind::Number } }
    );
    assert_eq!(
        error_of(r#"[{"id":"a","label":null,"scopes":[]}]"#),
        TableError::Entry { index: 0, problem: EntryProblem::WrongKind { field: Field::Label, found: Kind::Null } }
    );
    assert_eq!(
        error_of(r#"[{"id":"a","label":"A","scopes":"x"}]"#),
        TableError::Entry { index: 0, problem: EntryProblem::WrongKind { field: Field::Scopes, found: Kind::String } }
    );
    assert_eq!(
        error_of(r#"[{"id":"a","label":"A","scopes":["x", {"y":1}]}]"#),
        TableError::Entry { index: 0, problem: EntryProblem::ScopeNotString { position: 1, found: Kind::Object } }
    );
    assert_eq!(
        error_of(r#"[{"id":"  ","label":"A","scopes":[]}]"#),
        TableError::Entry { index: 0, problem: EntryProblem::EmptyId }
    );
    assert_eq!(
        error_of(r#"[{"id":"a b","label":"A","scopes":[]}]"#),
        TableError::Entry { index: 0, problem: EntryProblem::IdHasSeparator }
    );
}

#[test]
fn table_error_messages_are_readable() {
    let error = error_of(r#"[{"id":"a","label":"A","scopes":[]},{"id":"b","label":"B","scopes":[1]}]"#);
    assert_eq!(error.to_string(), "action at index 1: \"scopes\"[0] must be a string, found a number");
    assert_eq!(error_of("true").to_string(), "the action table must be a JSON array, found a boolean");
    assert_eq!(
        error_of("{}").to_string(),
        "the action table must be a JSON array (or an object with an \"actions\" array), found an object"
    );
    assert_eq!(
        error_of("[{\"id\": \"a\",\n \"label\" \"A\"}]").to_string(),
        "the action table is not valid JSON (expected ':' after a key at line 2, column 10)"
    );
}

#[test]
fn syntax_errors_win_over_shape_errors() {
    // The first entry is wrong, and the text breaks later: the text is reported, as JSON.parse would.
    let error = error_of(r#"[{"id": 5, "label": "A", "scopes": []}, {"id": "b" "#);
    assert!(matches!(error, TableError::Syntax(_)), "{error}");
    assert_eq!(
        error_of("{} x").to_string(),
        "the action table is not valid JSON (unexpected text after the value at line 1, column 4)"
    );
}

#[test]
fn every_problem_is_reported_with_its_place() {
    let text = "[\n {\"id\": 1, \"label\": \"A\", \"scopes\": []},\n {\"id\": \"b\", \"scopes\": [\" \"]},\n 7\n]";
    let reading = read(text);
    assert!(reading.table.is_none());
    let found: Vec<((usize, usize), String)> =
        reading.errors.iter().map(|error| (line_and_column(text, error.offset), error.value.to_string())).collect();
    assert_eq!(
        found,
        [
            ((2, 2), "action at index 0: \"id\" must be a string, found a number".to_string()),
            ((3, 2), "action at index 1: \"label\" is missing".to_string()),
            ((4, 2), "action at index 2: must be an object, found a number".to_string()),
        ]
    );
    assert_eq!(reading.notices.len(), 0, "an entry with an error reports nothing else");
}

#[test]
fn object_tables_carry_actions_groups_and_scope_labels() {
    let loaded = Table::from_json(
        r#"{"scopeLabels": {"jobsRead": "Jobs: Read", "x": 5, "y": " "}, "version": [1, {"deep": []}],
            "actions": [{"id": "a", "label": "A", "scopes": ["jobsRead"], "group": " Jobs "}]}"#,
    )
    .unwrap();
    assert_eq!(loaded.table.group(0), "Jobs");
    assert_eq!(loaded.table.scope_labels(), &[("jobsRead".to_string(), "Jobs: Read".to_string())]);
    let messages: Vec<String> = loaded.notices.iter().map(TableNotice::to_string).collect();
    assert_eq!(
        messages,
        [
            "\"scopeLabels\" of \"x\" must be a string, found a number; it was left out",
            "\"scopeLabels\" of \"y\" is blank and was left out",
        ]
    );
    // A group that cannot be one is repaired: the action is kept, without a module.
    let repaired = Catalog::from_json(
        r#"[{"id": "a", "label": "A", "scopes": [], "group": 3}, {"id": "b", "label": "B", "scopes": [], "group": "  "},
            {"id": "c", "label": "C", "scopes": [], "group": "<b>Jobs</b>"}]"#,
        str::to_lowercase,
    )
    .unwrap();
    assert_eq!((repaired.table.len(), repaired.table.group(0), repaired.table.group(1)), (3, "", ""));
    assert_eq!(repaired.table.group(2), "<b>Jobs</b>", "a group is text, kept as written");
    assert_eq!(
        repaired.notices.iter().map(ToString::to_string).collect::<Vec<_>>(),
        [
            "action at index 0: \"group\" must be a string, found a number; the action is kept without a module",
            "action at index 1: \"group\" is blank; the action is kept without a module",
        ]
    );
    assert_eq!(error_of(r#"{"actions": {}}"#), TableError::NotAnArray(Kind::Object));
}

#[test]
fn duplicates_keep_the_first_and_are_reported() {
    let loaded = Catalog::from_json(
        r#"[{"id":"a","label":"First","scopes":["s"]},{"id":"b","label":"B","scopes":["t"]},
            {"id":"a","label":"Second","scopes":["u"]},{"id":"a","label":"Third","scopes":[]}]"#,
        str::to_lowercase,
    )
    .unwrap();
    assert_eq!(loaded.table.len(), 2);
    assert_eq!(loaded.table.label(loaded.table.index_of("a").unwrap() as usize), "First");
    assert_eq!(
        loaded.notices,
        vec![
            TableNotice::DuplicateId { index: 2, first: 0, id: "a".into() },
            TableNotice::DuplicateId { index: 3, first: 0, id: "a".into() },
        ]
    );
    assert_eq!(loaded.table.scope_id("u"), None, "scopes of dropped duplicates are not interned");
}

#[test]
fn scopes_are_trimmed_deduplicated_and_blank_ones_reported() {
    let loaded =
        Catalog::from_json(r#"[{"id":" a ","label":" A ","scopes":[" s ","","s","t"]}]"#, str::to_lowercase).unwrap();
    let table = &loaded.table;
    assert_eq!((table.id(0), table.label(0)), ("a", "A"));
    assert_eq!(table.action_scopes(0).len(), 2);
    assert_eq!(loaded.notices, vec![TableNotice::BlankScope { index: 0, position: 1 }]);
}

#[test]
fn unknown_fields_and_deep_values_are_skipped() {
    let deep = "[".repeat(100_000) + &"]".repeat(100_000);
    let json = format!(r#"[{{"id":"a","label":"A","scopes":["s"],"extra":{deep}}}]"#);
    assert_eq!(catalog(&json).table.len(), 1);
}

#[test]
fn empty_label_falls_back_to_the_id() {
    assert_eq!(catalog(r#"[{"id":"a","label":"","scopes":[]}]"#).table.label(0), "a");
}

// --- search ----------------------------------------------------------------------------------

fn search(catalog: &mut Catalog, query: &str) -> Vec<String> {
    let found = catalog.index.search(query).to_vec();
    found.iter().map(|&index| catalog.table.id(index as usize).to_owned()).collect()
}

#[test]
fn search_matches_label_id_and_scope_case_insensitively() {
    let mut small = catalog(SMALL);
    assert_eq!(search(&mut small, "DEAL"), ["deals_list", "deals_update", "contacts_merge"]);
    assert_eq!(search(&mut small, "merge"), ["contacts_merge"]);
    assert_eq!(search(&mut small, "audit_EXPORT"), ["audit_export"]);
    assert_eq!(search(&mut small, "contacts:read"), ["contacts_merge"]);
    assert_eq!(search(&mut small, "nothing-like-this"), Vec::<String>::new());
}

#[test]
fn every_word_must_match_in_any_field() {
    let mut small = catalog(SMALL);
    assert_eq!(search(&mut small, "deal write"), ["deals_update", "contacts_merge"]);
    assert_eq!(search(&mut small, "  update   deals:read "), ["deals_update"]);
}

#[test]
fn empty_query_matches_everything_in_table_order() {
    let mut ashby = ashby();
    assert_eq!(ashby.index.search("").len(), 137);
    assert_eq!(ashby.index.search("   ").to_vec(), (0..137).collect::<Vec<u32>>());
}

#[test]
fn words_do_not_match_across_fields() {
    let mut small = catalog(SMALL);
    // "deal" + "deals_list" would read "list dealsdeals_list" if fields were glued together.
    assert_eq!(search(&mut small, "dealsdeals"), Vec::<String>::new());
}

#[test]
fn typing_letter_by_letter_gives_the_same_results_as_fresh_searches() {
    let mut typed = ashby();
    let query = "cand wri";
    for end in 1..=query.len() {
        let prefix = &query[..end];
        let mut fresh = ashby();
        assert_eq!(typed.index.search(prefix).to_vec(), fresh.index.search(prefix).to_vec(), "prefix {prefix:?}");
    }
    // Deleting letters must not reuse a narrower result.
    let mut fresh = ashby();
    assert_eq!(typed.index.search("cand").to_vec(), fresh.index.search("cand").to_vec());
}

#[test]
fn unicode_labels_fold_case() {
    let mut table =
        catalog(r#"[{"id":"a","label":"ÉTAT Général","scopes":[]},{"id":"b","label":"other","scopes":[]}]"#);
    assert_eq!(search(&mut table, "état"), ["a"]);
    assert_eq!(search(&mut table, "GÉNÉ"), ["a"]);
}

// --- unions and separators -------------------------------------------------------------------

#[test]
fn union_is_in_first_appearance_order_without_repeats() {
    let table = catalog(SMALL).table;
    let picked = chosen(&table, &["contacts_merge", "deals_list", "deals_update"]);
    let union = table.scope_union(picked.iter());
    assert_eq!(names(&table, &union), ["deals:read", "deals:write", "contacts:write", "contacts:read"]);
}

#[test]
fn catalog_scopes_rejects_out_of_range_indices() {
    let small = catalog(SMALL);
    assert_eq!(small.scopes(&[0, 1]).unwrap(), ["deals:read", "deals:write"]);
    assert_eq!(small.scopes(&[]).unwrap(), Vec::<&str>::new());
    assert_eq!(small.scopes(&[9]).unwrap_err().to_string(), "action index 9 is out of range: the table has 4 actions");
}

#[test]
fn separators_join_and_round_trip_their_names() {
    let scopes = ["a", "b:c", "d"];
    let joined: Vec<String> = Separator::ALL.iter().map(|separator| separator.join(scopes)).collect();
    assert_eq!(joined, ["a b:c d", "a,b:c,d", "a;b:c;d", "a|b:c|d", "a\nb:c\nd"]);
    for separator in Separator::ALL {
        assert_eq!(Separator::from_name(separator.name()), Some(separator));
    }
    assert_eq!(Separator::from_name(" Comma "), Some(Separator::Comma));
    assert_eq!(Separator::from_name("tab"), None);
    assert_eq!(Separator::Space.join(std::iter::empty()), "");
}

// --- guide URL -------------------------------------------------------------------------------

#[test]
fn guide_url_values_round_trip() {
    let table = catalog(SMALL).table;
    let names = ParamNames::for_key("");
    let picked = chosen(&table, &["contacts_merge", "deals_list"]);
    let value = encode_choice(&table, &picked, None).unwrap().0.unwrap();
    assert_eq!(value, "deals_list contacts_merge", "ids in table order, space-joined");
    let separator = encode_separator(Separator::Pipe).unwrap();
    let decoded = decode(&table, &names, [&[value], &[], &[separator.to_owned()]]);
    assert_eq!(decoded.actions, picked);
    assert_eq!(decoded.separator, Separator::Pipe);
    assert!(decoded.notices.is_empty());
}

#[test]
fn empty_choice_and_default_separator_leave_the_url_clean() {
    let table = catalog(SMALL).table;
    assert_eq!(encode_choice(&table, &BitSet::new(table.len()), None), Ok((None, None)));
    assert_eq!(encode_separator(Separator::Space), None);
}

#[test]
fn param_names_follow_the_widget_key() {
    assert_eq!(
        ParamNames::for_key(""),
        ParamNames { actions: "actions".into(), modules: "modules".into(), separator: "separator".into() }
    );
    assert_eq!(
        ParamNames::for_key("crm"),
        ParamNames { actions: "crm-actions".into(), modules: "crm-modules".into(), separator: "crm-separator".into() }
    );
}

#[test]
fn decoding_accepts_commas_and_reports_unknown_ids() {
    let table = catalog(SMALL).table;
    let names = ParamNames::for_key("");
    let decoded = decode(&table, &names, [&["deals_list,nope, audit_export  nope gone".into()], &[], &[]]);
    assert_eq!(decoded.actions, chosen(&table, &["deals_list", "audit_export"]));
    assert_eq!(decoded.notices, vec![LinkNotice::UnknownActions(2)]);
    assert_eq!(decoded.notices[0].to_string(), "2 actions in the link were not found in this guide");
}

#[test]
fn repeated_oversized_and_unknown_parameters_give_notices() {
    let table = catalog(SMALL).table;
    let names = ParamNames::for_key("");
    let decoded =
        decode(&table, &names, [&["deals_list".into(), "audit_export".into()], &[], &["pipe".into(), "comma".into()]]);
    assert_eq!(decoded.actions, chosen(&table, &["deals_list", "audit_export"]));
    assert_eq!(decoded.separator, Separator::Pipe);
    assert_eq!(decoded.notices, vec![LinkNotice::Repeated("actions".into()), LinkNotice::Repeated("separator".into())]);

    let huge = "deals_list ".repeat(MAX_ACTIONS_PARAM / 10);
    let decoded = decode(&table, &names, [&[huge], &[], &["tab".into()]]);
    assert!(decoded.actions.is_empty());
    assert_eq!(decoded.separator, Separator::Space);
    assert_eq!(
        decoded.notices,
        vec![LinkNotice::TooLong("actions".into()), LinkNotice::UnknownSeparator("tab".into())]
    );
}

#[test]
fn a_choice_too_large_for_a_link_is_refused() {
    let json: Vec<String> = (0..3000)
        .map(|at| format!(r#"{{"id":"action_with_a_rather_long_identifier_{at}","label":"A","scopes":[]}}"#))
        .collect();
    let table = catalog(&format!("[{}]", json.join(","))).table;
    let mut all = BitSet::new(table.len());
    (0..table.len()).for_each(|at| all.insert(at));
    assert_eq!(encode_choice(&table, &all, None), Err(LinkNotice::ChoiceTooLarge));
}

// --- guide -----------------------------------------------------------------------------------

#[test]
fn steps_show_everything_until_something_is_chosen() {
    let table = catalog(SMALL).table;
    let none = BitSet::new(table.len());
    let empty_union = table.scope_union(none.iter());
    let choice = GuideChoice::new(&table, &none, &empty_union);
    assert!(GuideScopes::resolve(&table, "audit:read").visible(choice));
    assert!(GuideScopes::resolve(&table, "").visible(choice));
    assert!(scope_item_visible("audit:read", choice));
    assert_eq!(GuideScopes::resolve(&table, "audit:read").badge_labels(choice), None);
}

#[test]
fn steps_sharing_no_scope_with_the_choice_are_hidden() {
    let table = catalog(SMALL).table;
    let picked = chosen(&table, &["deals_update"]);
    let union = table.scope_union(picked.iter());
    let choice = GuideChoice::new(&table, &picked, &union);
    assert!(GuideScopes::resolve(&table, "").visible(choice), "no scopes: always shown");
    assert!(GuideScopes::resolve(&table, "audit:read, deals:write").visible(choice));
    assert!(!GuideScopes::resolve(&table, "audit:read").visible(choice));
    assert!(!GuideScopes::resolve(&table, "unknown:scope").visible(choice));
    assert!(scope_item_visible("deals:write", choice));
    assert!(!scope_item_visible("contacts:read", choice));
}

#[test]
fn badges_list_chosen_actions_enabled_by_their_scopes_sorted_once() {
    let ashby = ashby();
    let table = &ashby.table;
    let picked =
        chosen(table, &["ashby_start_offer_process", "ashby_start_offer", "ashby_list_jobs", "ashby_get_offer"]);
    let union = table.scope_union(picked.iter());
    let choice = GuideChoice::new(table, &picked, &union);
    let offers = GuideScopes::resolve(table, "offersRead,offersWrite");
    assert_eq!(offers.badge_labels(choice).unwrap(), "Get Offer, Start Offer Process");
    assert_eq!(GuideScopes::resolve(table, "reportsRead").badge_labels(choice).unwrap(), "");
}

#[test]
fn scope_lists_are_trimmed_and_skip_blanks() {
    assert_eq!(scope_list(" a, ,b ,").collect::<Vec<_>>(), ["a", "b"]);
}

// --- list window -----------------------------------------------------------------------------

#[test]
fn short_lists_render_whole_and_long_ones_only_around_the_view() {
    assert_eq!(rows_to_render(137, 5000.0, 240.0, 40.0), 0..137);
    assert_eq!(rows_to_render(RENDER_ALL_UP_TO + 1, 0.0, 240.0, 40.0), 0..(7 + OVERSCAN));
    assert_eq!(rows_to_render(RENDER_ALL_UP_TO + 1, 0.0, 250.0, 40.0), 0..(8 + OVERSCAN), "a part row counts");
    assert_eq!(rows_to_render(RENDER_ALL_UP_TO + 1, 79.0, 240.0, 40.0), 0..(1 + 7 + OVERSCAN));
    let window = rows_to_render(100_000, 40.0 * 50_000.0, 240.0, 40.0);
    assert_eq!(window, (50_000 - OVERSCAN)..(50_000 + 7 + OVERSCAN));
    assert_eq!(rows_to_render(100_000, 40.0 * 200_000.0, 240.0, 40.0), 100_000..100_000);
    assert_eq!(rows_to_render(100_000, 0.0, 240.0, 0.0), 0..100_000, "unmeasured rows: render all");
}

#[test]
fn a_hundred_thousand_actions_are_accepted() {
    let entries: Vec<String> = (0..100_000)
        .map(|at| {
            format!(
                r#"{{"id":"action_{at}","label":"Action number {at}","scopes":["area{}:read","area{}:write"]}}"#,
                at % 97,
                at % 89
            )
        })
        .collect();
    let mut big = catalog(&format!("[{}]", entries.join(",")));
    assert_eq!(big.table.len(), 100_000);
    assert_eq!(big.table.scope_count(), 97 + 89);
    assert_eq!(big.index.search("number 99999").len(), 1);
    assert_eq!(big.table.index_of("action_54321"), Some(54_321));
}

#[test]
fn text_helpers_write_numbers_and_join_pieces() {
    use scope_selector_core::text::{concat, decimal, join};
    assert_eq!(decimal(0), "0");
    assert_eq!(decimal(7), "7");
    assert_eq!(decimal(10), "10");
    assert_eq!(decimal(8192), "8192");
    assert_eq!(decimal(usize::MAX), usize::MAX.to_string());
    assert_eq!(concat(&["a", "", "bc"]), "abc");
    assert_eq!(concat(&[]), "");
    assert_eq!(join(["x", "y", "z"], ", "), "x, y, z");
    assert_eq!(join(["only"], "\n"), "only");
    assert_eq!(join([], "|"), "");
}
