//! The panel's extras on the Ashby table: modules, display names, the key check, presets and the
//! exports, as a reader of the Ashby guide would use them.

use scope_selector_core::export::markdown_checklist;
use scope_selector_core::key_check::{check_key, read_key};
use scope_selector_core::message::english;
use scope_selector_core::modules::{action_module, by_module, scope_module, Access};
use scope_selector_core::presets::{read_presets, PresetProblem};
use scope_selector_core::scope_names::{ScopeNames, ScopeNamesProblem};
use scope_selector_core::view::{Event, Panel, Setup};
use scope_selector_core::Table;

fn ashby() -> Table {
    Table::from_json(include_str!("../../../tests/fixtures/ashby-actions.json")).unwrap().table
}

/// The display names of the Ashby guide's permission table.
const ASHBY_NAMES: &str = r#"{"candidatesRead": "Candidates: Read", "candidatesWrite": "Candidates: Write",
    "jobsRead": "Jobs: Read", "hiringProcessRead": "Hiring Process Metadata: Read",
    "hiringProcessWrite": "Hiring Process Metadata: Write", "offersRead": "Offers: Read"}"#;

fn scope(table: &Table, name: &str) -> u32 {
    table.scope_id(name).unwrap()
}

#[test]
fn every_ashby_scope_has_a_module_and_an_access() {
    let table = ashby();
    let names = ScopeNames::new(&table);
    for scope in 0..table.scope_count() {
        let (module, access) = scope_module(&table, &names, scope);
        assert!(!module.is_empty() && module.chars().next().unwrap().is_uppercase(), "{module}");
        assert!(access.is_some(), "{}", table.scope_name(scope));
    }
    assert_eq!(scope_module(&table, &names, scope(&table, "apiKeysWebhooksWrite") as usize).0, "Api Keys Webhooks");
    let modules = by_module((0..table.len()).map(|action| (action_module(&table, &names, action), action)));
    let module_names: Vec<&str> = modules.iter().map(|(name, _)| name.as_str()).collect();
    assert!(module_names.contains(&"Candidates") && module_names.contains(&"Hiring Process"), "{module_names:?}");
    assert_eq!(modules.iter().map(|(_, actions)| actions.len()).sum::<usize>(), table.len());
}

#[test]
fn display_names_from_the_page_name_modules_and_are_found_in_a_paste() {
    let table = ashby();
    let (names, problems) = ScopeNames::with_page(&table, ASHBY_NAMES);
    assert!(problems.is_empty(), "{problems:?}");
    let hiring = scope(&table, "hiringProcessWrite") as usize;
    assert_eq!(scope_module(&table, &names, hiring), ("Hiring Process Metadata".into(), Some(Access::Write)));
    let (_, problems) = ScopeNames::with_page(&table, "[1]");
    assert_eq!(problems, [ScopeNamesProblem::NotAnObject]);
    assert!(problems[0].to_string().contains("data-guide-scope-labels"));
    let (_, problems) = ScopeNames::with_page(&table, "{");
    assert!(matches!(&problems[..], [ScopeNamesProblem::NotJson(_)]));
}

#[test]
fn a_key_pasted_as_the_guide_lists_it_is_checked_against_the_choice() {
    let table = ashby();
    let (names, _) = ScopeNames::with_page(&table, ASHBY_NAMES);
    // The seed guide's permission table, pasted from its first column, with a scope of another
    // product and a typo.
    let paste =
        "Jobs: Read\nCandidates: Read\nCandidates: Write\nInterviews: Read\nPayroll: Write\ncandidatesread, offersReed";
    let key = read_key(paste, &table, &names, str::to_lowercase);
    let found: Vec<&str> = key.scopes.iter().map(|scope| table.scope_name(scope)).collect();
    assert_eq!(found.len(), 3, "{found:?}");
    for name in ["jobsRead", "candidatesRead", "candidatesWrite"] {
        assert!(found.contains(&name), "{name} in {found:?}");
    }
    // "Interviews: Read" has no display name on this page: it is not recognised, and listed.
    assert_eq!(key.unknown, ["Interviews: Read", "Payroll: Write", "offersReed"]);

    let chosen = table.ids_to_set(["ashby_list_candidates", "ashby_create_offer"]).0;
    let check = check_key(&table, &chosen, &key.scopes);
    let needed = table.scope_union(chosen.iter());
    let missing: Vec<&str> = check.missing.iter().map(|&scope| table.scope_name(scope as usize)).collect();
    assert!(!missing.is_empty());
    for &scope in &check.missing {
        assert!(needed.contains(scope as usize) && !key.scopes.contains(scope as usize));
    }
    for &scope in &check.unneeded {
        assert!(key.scopes.contains(scope as usize) && !needed.contains(scope as usize));
    }
    // What the key can run: exactly the actions whose scopes it all has.
    for action in 0..table.len() {
        let runs = table.action_scopes(action).iter().all(|&scope| key.scopes.contains(scope as usize));
        assert_eq!(check.runnable.contains(action), runs, "{}", table.id(action));
    }
    assert!(check.runnable.contains(table.index_of("ashby_list_candidates").unwrap() as usize));
}

#[test]
fn a_key_with_every_scope_lacks_nothing_and_runs_everything() {
    let table = ashby();
    let all: Vec<&str> = (0..table.scope_count()).map(|scope| table.scope_name(scope)).collect();
    let key = read_key(&all.join(" "), &table, &ScopeNames::new(&table), str::to_lowercase);
    assert!(key.unknown.is_empty());
    let chosen = table.ids_to_set((0..table.len()).map(|action| table.id(action))).0;
    let check = check_key(&table, &chosen, &key.scopes);
    assert!(check.missing.is_empty() && check.unneeded.is_empty());
    assert_eq!(check.runnable.len(), table.len());
}

#[test]
fn presets_choose_by_ids_or_by_scopes_and_report_what_is_wrong() {
    let table = ashby();
    let presets = r#"[
        {"label": "Read-only", "scopes": ["jobsRead", "candidatesRead", "interviewsRead", "offersRead", "organizationRead", "hiringProcessRead", "approvalsRead", "reportsRead", "apiKeysWebhooksRead"]},
        {"label": "Minimum for the ATS sync", "actions": ["ashby_list_jobs", "ashby_list_candidates", "nope"]},
        {"label": "Broken"},
        {"label": "Nothing", "scopes": ["payrollWrite"]}
    ]"#;
    let (presets, problems) = read_presets(presets, &table);
    assert_eq!(presets.len(), 2);
    let read_only = &presets[0].actions;
    assert!(!read_only.is_empty());
    for action in 0..table.len() {
        let reads_only =
            table.action_scopes(action).iter().all(|&scope| table.scope_name(scope as usize).ends_with("Read"));
        assert_eq!(read_only.contains(action), reads_only, "{}", table.id(action));
    }
    assert_eq!(presets[1].actions.len(), 2);
    assert!(presets[1].is_active(&table.ids_to_set(["ashby_list_candidates", "ashby_list_jobs"]).0));
    assert!(!presets[1].is_active(&table.ids_to_set(["ashby_list_jobs"]).0));
    assert_eq!(
        problems,
        [
            PresetProblem::Unknown(2, vec!["nope".into()]),
            PresetProblem::BadEntry(3),
            PresetProblem::Unknown(4, vec!["payrollWrite".into()]),
            PresetProblem::Empty(4),
        ]
    );
    assert!(problems[0].to_string().starts_with("data-guide-presets: preset 2 "));
    assert_eq!(read_presets("{}", &table).1, [PresetProblem::NotAList]);
}

#[test]
fn the_checklist_groups_scopes_by_module_with_display_names_and_the_json_is_the_choice() {
    let table = ashby();
    let (names, _) = ScopeNames::with_page(&table, ASHBY_NAMES);
    let chosen = table.ids_to_set(["ashby_list_candidates", "ashby_create_offer", "ashby_list_jobs"]).0;
    let url = "https://docs.example.com/ashby?actions=ashby_create_offer,ashby_list_candidates,ashby_list_jobs";
    let text = markdown_checklist(&table, &names, &chosen, url, &english);
    let boxes = text.lines().filter(|line| line.starts_with("- [ ] ")).count();
    assert_eq!(boxes, table.scope_union(chosen.iter()).len());
    assert!(text.contains("### Candidates\n\n- [ ] Candidates: Read (`candidatesRead`): "), "{text}");
    assert!(text.contains("### Offers\n\n- [ ] `offersWrite`: Create Offer"), "{text}");
    assert!(text.ends_with(&format!("Reopen this choice: <{url}>\n")));

    // The JSON download is the panel's choice (the change event's): ids in table order, the
    // scopes to grant, the link (its ids in table order).
    let loaded = Table::from_json(include_str!("../../../tests/fixtures/ashby-actions.json")).unwrap();
    let mut panel =
        Panel::new(loaded, Setup { url: "https://docs.example.com/ashby", ..Setup::default() }, str::to_lowercase);
    panel.update(Event::Select("ashby_list_jobs ashby_create_offer ashby_list_candidates".into())).unwrap();
    let (ids, scopes, link) = panel.choice();
    assert_eq!(ids, chosen.iter().map(|action| table.id(action)).collect::<Vec<_>>());
    assert_eq!(scopes.len(), table.scope_union(chosen.iter()).len());
    assert_eq!(link, "https://docs.example.com/ashby?actions=ashby_list_jobs+ashby_list_candidates+ashby_create_offer");
}
