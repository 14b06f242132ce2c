//! The grouped list on the Ashby demo's table (grouped by the root's `data-guide-group-by`, its
//! display names from the page) and on a generated table of 100,000 actions: module headers,
//! their tri-state checkboxes and scope toggles, expanding, searching across modules, and links
//! that name whole modules. Expected values are restated from the table, not from the core.

use scope_selector_core::message::english;
use scope_selector_core::modules::Toggle;
use scope_selector_core::view::groups::HeaderView;
use scope_selector_core::view::{Event, Panel, Setup, View};
use scope_selector_core::Table;

const ASHBY: &str = include_str!("../../../tests/fixtures/ashby-actions.json");
const LABELS: &str = r#"{"jobsRead":"Jobs: Read","jobsWrite":"Jobs: Write","offersRead":"Offers: Read","hiringProcessRead":"Hiring Process Metadata: Read"}"#;

fn ashby(url: &str) -> Panel {
    let setup = Setup { url, scope_labels: Some(LABELS), group_by_module: true, ..Setup::default() };
    Panel::new(Table::from_json(ASHBY).unwrap(), setup, str::to_lowercase)
}

/// The Ashby table's actions whose first scope is `scope`, by id.
fn ids_needing(scope: &str) -> Vec<String> {
    let table: Vec<serde_json::Value> = serde_json::from_str(ASHBY).unwrap();
    table
        .iter()
        .filter(|action| action["scopes"][0] == scope)
        .map(|action| action["id"].as_str().unwrap().to_owned())
        .collect()
}

fn header<'a>(view: &'a View, name: &str) -> &'a HeaderView {
    view.list.headers.iter().find(|header| header.name == name).unwrap_or_else(|| panic!("no header {name}"))
}

fn chosen_ids(panel: &Panel) -> Vec<String> {
    panel.choice().0.into_iter().map(str::to_owned).collect()
}

#[test]
fn modules_start_collapsed_in_table_order() {
    let mut panel = ashby("https://d/");
    let view = panel.view();
    let names: Vec<&str> = view.list.headers.iter().map(|header| header.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Organization",
            "Interviews",
            "Jobs",
            "Candidates",
            "Hiring Process Metadata",
            "Offers",
            "Approvals",
            "Reports",
            "Api Keys Webhooks"
        ]
    );
    assert!(view.list.rows.is_empty() && view.list.headers.iter().all(|header| !header.expanded));
    assert_eq!(view.list.total, 9, "one line per header");
    let jobs = header(&view, "Jobs");
    assert_eq!((jobs.chosen, jobs.count, jobs.state, jobs.matches), (0, 23, Toggle::Off, None));
    let toggles: Vec<(&str, Toggle)> = jobs.toggles.iter().map(|(_, name, state)| (name.as_str(), *state)).collect();
    assert_eq!(toggles, [("Jobs: Read", Toggle::Off), ("Jobs: Write", Toggle::Off)], "display names from the page");
}

#[test]
fn a_module_is_ticked_then_one_action_unticked() {
    let mut panel = ashby("https://d/g");
    let jobs = panel.view().list.headers.iter().position(|header| header.name == "Jobs").unwrap();
    panel.update(Event::Module { module: jobs, chosen: true }).unwrap();
    let view = panel.view();
    let mut expected = ids_needing("jobsRead");
    expected.extend(ids_needing("jobsWrite"));
    expected.sort();
    let mut chosen = chosen_ids(&panel);
    chosen.sort();
    assert_eq!(chosen, expected);
    assert_eq!((header(&view, "Jobs").state, header(&view, "Jobs").chosen), (Toggle::Pressed, 23));
    assert_eq!(view.choice.unwrap().url, "https://d/g?modules=Jobs", "a whole module is linked by its name");

    panel.update(Event::Expand { module: jobs, expanded: true }).unwrap();
    let view = panel.view();
    assert_eq!(view.list.rows.len(), 23);
    assert_eq!(view.list.headers.iter().position(|header| header.name == "Jobs"), Some(2));
    assert_eq!(header(&view, "Jobs").before, 0, "its rows follow it");
    assert_eq!(header(&view, "Candidates").before, 23);
    let first = view.list.rows[0].clone();
    assert!(
        first.scopes.contains("Jobs: Read (jobsRead)") || first.scopes.contains("Jobs: Write (jobsWrite)"),
        "{}",
        first.scopes
    );
    panel.update(Event::Toggle { action: first.action, chosen: false }).unwrap();
    let view = panel.view();
    assert_eq!((header(&view, "Jobs").state, header(&view, "Jobs").chosen), (Toggle::Mixed, 22));
    let url = view.choice.unwrap().url;
    assert!(url.starts_with("https://d/g?actions=") && !url.contains("modules"), "{url}");

    // Collapsed again: the header alone.
    panel.update(Event::Expand { module: jobs, expanded: false }).unwrap();
    assert!(panel.view().list.rows.is_empty());
}

#[test]
fn scope_toggles_press_read_then_write_then_release() {
    let mut panel = ashby("https://d/");
    let view = panel.view();
    let jobs = view.list.headers.iter().position(|header| header.name == "Jobs").unwrap();
    let [(read, ..), (write, ..)] = &header(&view, "Jobs").toggles[..] else { panic!("two toggles") };
    let (read, write) = (*read as usize, *write as usize);
    panel.update(Event::Scope { module: jobs, scope: read, pressed: true }).unwrap();
    let mut expected = ids_needing("jobsRead");
    expected.sort();
    let mut chosen = chosen_ids(&panel);
    chosen.sort();
    assert_eq!(chosen, expected, "Jobs: Read chooses the module's read actions");
    let view = panel.view();
    let states: Vec<Toggle> = header(&view, "Jobs").toggles.iter().map(|toggle| toggle.2).collect();
    assert_eq!(states, [Toggle::Pressed, Toggle::Off]);
    assert_eq!(header(&view, "Jobs").state, Toggle::Mixed);

    panel.update(Event::Scope { module: jobs, scope: write, pressed: true }).unwrap();
    let view = panel.view();
    assert_eq!(header(&view, "Jobs").state, Toggle::Pressed, "Jobs: Write then adds the write ones");
    assert_eq!(view.choice.unwrap().output, "jobsRead jobsWrite");

    // Unticking one read action leaves Read mixed: its scopes allow an action not chosen.
    let list_jobs = panel.catalog().table.index_of("ashby_list_jobs").unwrap();
    panel.update(Event::Toggle { action: list_jobs, chosen: false }).unwrap();
    let view = panel.view();
    let states: Vec<Toggle> = header(&view, "Jobs").toggles.iter().map(|toggle| toggle.2).collect();
    assert_eq!(states, [Toggle::Mixed, Toggle::Mixed]);

    panel.update(Event::Scope { module: jobs, scope: write, pressed: false }).unwrap();
    let mut chosen = chosen_ids(&panel);
    chosen.sort();
    expected.retain(|id| id != "ashby_list_jobs");
    assert_eq!(chosen, expected, "releasing Write releases the actions needing it");
    // A scope the module does not need changes nothing.
    let offers_read = panel.catalog().table.scope_id("offersRead").unwrap() as usize;
    panel.update(Event::Scope { module: jobs, scope: offers_read, pressed: true }).unwrap();
    assert_eq!(chosen_ids(&panel).len(), expected.len());
}

#[test]
fn a_search_shows_its_modules_expanded_and_matches_module_names() {
    let mut panel = ashby("https://d/");
    panel.update(Event::Search("offer".into())).unwrap();
    let view = panel.view();
    let shown: Vec<(&str, Option<usize>, bool)> =
        view.list.headers.iter().map(|header| (header.name.as_str(), header.matches, header.expanded)).collect();
    assert!(shown.iter().all(|&(_, matches, expanded)| matches.unwrap() > 0 && expanded), "{shown:?}");
    assert!(shown.contains(&("Offers", Some(7), true)), "{shown:?}");
    let rows = view.list.rows.len();
    let matched: usize = shown.iter().map(|(_, matches, _)| matches.unwrap()).sum();
    assert_eq!(rows, matched);
    assert!(english(&view.status).ends_with(&format!("· {matched} shown")), "{}", english(&view.status));

    // A module's name matches all of its actions, even those whose own text lacks the words.
    panel.update(Event::Search("hiring process".into())).unwrap();
    let view = panel.view();
    let hiring = header(&view, "Hiring Process Metadata");
    assert_eq!(hiring.matches, Some(hiring.count));
    assert_eq!(hiring.count, 14);

    // Collapsed during the search, expanded by the next one.
    let module = hiring.module as usize;
    panel.update(Event::Expand { module, expanded: false }).unwrap();
    assert!(!header(&panel.view(), "Hiring Process Metadata").expanded);
    panel.update(Event::Search("hiring proces".into())).unwrap();
    assert!(header(&panel.view(), "Hiring Process Metadata").expanded);
    // A link names the module by the table's name for it, which the page's display names leave alone.
    panel.update(Event::Module { module, chosen: true }).unwrap();
    assert_eq!(panel.url().0, "https://d/?modules=Hiring+Process");
    panel.update(Event::Clear).unwrap();

    // The header's checkbox chooses the matching actions, as Select all does.
    panel.update(Event::Search("list offers".into())).unwrap();
    let offers = header(&panel.view(), "Offers").module as usize;
    panel.update(Event::Module { module: offers, chosen: true }).unwrap();
    assert_eq!(chosen_ids(&panel), ["ashby_list_offers"]);
    let view = panel.view();
    assert_eq!((header(&view, "Offers").state, header(&view, "Offers").chosen), (Toggle::Pressed, 1));
}

#[test]
fn a_whole_module_link_reopens_and_expands_it() {
    let mut panel = ashby("https://d/?modules=Offers,Nope&actions=ashby_list_jobs");
    let view = panel.view();
    let offers = header(&view, "Offers");
    assert_eq!((offers.chosen, offers.count, offers.expanded), (7, 7, true));
    assert!(header(&view, "Jobs").expanded && !header(&view, "Candidates").expanded);
    let choice = view.choice.unwrap();
    assert_eq!(
        choice.notices.iter().map(english).collect::<Vec<_>>(),
        ["1 module in the link was not found in this guide"]
    );
    assert_eq!(panel.url().0, "https://d/?modules=Offers&actions=ashby_list_jobs", "each parameter keeps its place");
}

/// 100,000 actions in 200 modules of 475 and one of 5,000, as the bench has them.
fn large() -> Panel {
    let mut actions = Vec::with_capacity(100_000);
    for at in 0..95_000 {
        let module = at / 475;
        actions.push(format!(
            r#"{{"id":"a{at}","label":"Action {at}","scopes":["m{module}{}"],"group":"Module {module}"}}"#,
            if at % 2 == 0 { "Read" } else { "Write" }
        ));
    }
    for at in 95_000..100_000 {
        actions.push(format!(r#"{{"id":"a{at}","label":"Big {at}","scopes":["bigRead"],"group":"Big"}}"#));
    }
    let table = Table::from_json(&format!("[{}]", actions.join(","))).unwrap();
    Panel::new(table, Setup { url: "https://d/", ..Setup::default() }, str::to_lowercase)
}

#[test]
fn a_long_grouped_list_is_windowed_by_lines_and_links_by_module() {
    let mut panel = large();
    let view = panel.view();
    assert_eq!(view.list.total, 201);
    assert!(view.list.windowed);
    panel.update(Event::Expand { module: 200, expanded: true }).unwrap();
    panel.update(Event::Window { scrolled: 200.0 * 40.0, viewport: 400.0, row_height: 40.0 }).unwrap();
    let view = panel.view();
    assert_eq!(view.list.total, 201 + 5_000);
    assert_eq!(view.list.start, 192);
    // Lines 192..219: headers 192..=200, then the first rows of "Big".
    assert_eq!(view.list.headers.len(), 9);
    assert_eq!(view.list.headers.last().map(|header| (header.name.as_str(), header.before)), Some(("Big", 0)));
    assert_eq!(view.list.rows.first().map(|row| row.id.as_str()), Some("a95000"));
    assert_eq!(view.list.headers.len() + view.list.rows.len(), 219 - 192);

    panel.update(Event::Module { module: 200, chosen: true }).unwrap();
    let view = panel.view();
    assert_eq!(english(&view.status), "5000 of 100000 actions selected");
    assert_eq!(view.choice.unwrap().url, "https://d/?modules=Big", "5,000 actions in a short link");
}

#[test]
fn odd_modules_are_text_and_lose_nothing() {
    // A thousand modules of one action each, one named like an id, one holding markup, one blank.
    let mut actions: Vec<String> = (0..1_000)
        .map(|at| format!(r#"{{"id":"a{at}","label":"A {at}","scopes":["s{at}"],"group":"M{at}"}}"#))
        .collect();
    actions.push(r#"{"id":"b","label":"B","scopes":["x"],"group":"a1"}"#.into());
    actions.push(r#"{"id":"c","label":"C","scopes":["x"],"group":"<b>Jobs</b>"}"#.into());
    actions.push(r#"{"id":"d","label":"D","scopes":["x"],"group":" "}"#.into());
    let loaded = Table::from_json(&format!("[{}]", actions.join(","))).unwrap();
    assert_eq!(loaded.notices.len(), 1, "the blank group is repaired, with a notice");
    let mut panel = Panel::new(loaded, Setup { url: "https://d/", ..Setup::default() }, str::to_lowercase);
    let view = panel.view();
    assert_eq!(view.list.total, 1_003, "every module has its header: 1,000, a1, the markup, and x for the blank");
    assert!(view.list.windowed);
    assert_eq!(
        english(&view.choice.unwrap().notices[0]),
        "action at index 1002: \"group\" is blank; the action is kept without a module"
    );
    // The module named like an id is a module; the markup is a name, kept as written.
    panel.update(Event::Search("jobs".into())).unwrap();
    let view = panel.view();
    assert_eq!(view.list.headers.iter().map(|header| header.name.as_str()).collect::<Vec<_>>(), ["<b>Jobs</b>"]);
    let module = view.list.headers[0].module as usize;
    panel.update(Event::Module { module, chosen: true }).unwrap();
    assert_eq!(panel.url().0, "https://d/?modules=%3Cb%3EJobs%3C%2Fb%3E");
    let reopened = Panel::new(
        Table::from_json(&format!("[{}]", actions.join(","))).unwrap(),
        Setup { url: &panel.url().0, ..Setup::default() },
        str::to_lowercase,
    );
    assert_eq!(reopened.choice().0, ["c"]);
}

#[test]
fn a_module_needing_many_scopes_offers_the_first_eight_and_counts_the_rest() {
    // One module of 20 actions, each needing its own scope: a header of 20 toggles would show a
    // few and make a keyboard Tab through all of them.
    let actions: Vec<String> =
        (0..20).map(|at| format!(r#"{{"id":"a{at}","label":"A {at}","scopes":["s{at}"],"group":"Wide"}}"#)).collect();
    let table = Table::from_json(&format!("[{}]", actions.join(","))).unwrap();
    let mut panel = Panel::new(table, Setup { url: "https://d/", ..Setup::default() }, str::to_lowercase);
    let view = panel.view();
    let wide = header(&view, "Wide");
    let offered: Vec<&str> = wide.toggles.iter().map(|(_, name, _)| name.as_str()).collect();
    assert_eq!(offered, ["s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7"]);
    assert_eq!(wide.more, 12);

    // An offered toggle chooses its action; a scope the header does not offer is not pressed.
    panel.update(Event::Scope { module: 0, scope: 3, pressed: true }).unwrap();
    assert_eq!(chosen_ids(&panel), ["a3"]);
    panel.update(Event::Scope { module: 0, scope: 15, pressed: true }).unwrap();
    assert_eq!(chosen_ids(&panel), ["a3"]);
    let view = panel.view();
    assert_eq!(header(&view, "Wide").toggles[3].2, Toggle::Pressed);

    // The Ashby demo's modules need at most two scopes each: every toggle is offered.
    let view = ashby("https://d/").view();
    assert!(view.list.headers.iter().all(|header| header.more == 0 && header.toggles.len() <= 2));
}

#[test]
fn a_search_matches_the_display_names_the_rows_show() {
    // "Widgets: Read" is only a display name: neither the module, the labels, the ids nor the
    // scope names hold "widgets".
    let table = Table::from_json(
        r#"{"scopeLabels": {"w:r": "Widgets: Read"}, "actions": [
            {"id":"list","label":"List things","scopes":["w:r"],"group":"Things"},
            {"id":"make","label":"Make things","scopes":["w:w"],"group":"Things"},
            {"id":"other","label":"Other","scopes":["o:r"],"group":"Other"}]}"#,
    )
    .unwrap();
    let mut panel = Panel::new(table, Setup { url: "https://d/", ..Setup::default() }, str::to_lowercase);
    panel.update(Event::Search("WIDGETS read".into())).unwrap();
    let view = panel.view();
    assert_eq!(view.list.rows.iter().map(|row| row.id.as_str()).collect::<Vec<_>>(), ["list"]);
    assert_eq!(view.list.rows[0].scopes, "Widgets: Read (w:r)");
    assert_eq!(header(&view, "Things").matches, Some(1));
    assert_eq!(view.list.headers.len(), 1, "the module without a match is not shown");
    panel.update(Event::Search("widgets write".into())).unwrap();
    assert!(panel.view().list.rows.is_empty());
}
