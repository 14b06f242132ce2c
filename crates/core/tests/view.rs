//! The view model on the Ashby demo's table and on generated long tables: what the page shows for
//! each of the reader's events, checked against the table itself (independently of the core's
//! helpers where the rule is simple enough to restate).

use scope_selector_core::message::english;
use scope_selector_core::view::{Event, GuideInput, GuideKind, Panel, Setup, UnknownIds};
use scope_selector_core::Table;

const ASHBY: &str = include_str!("../../../tests/fixtures/ashby-actions.json");

fn ashby(setup: Setup<'_>) -> Panel {
    Panel::new(Table::from_json(ASHBY).unwrap(), setup, str::to_lowercase)
}

#[test]
fn the_first_view_has_every_row_and_the_full_guide() {
    let guide = vec![
        GuideInput { roots_before: 1, kind: GuideKind::Block("offersRead,offersWrite") },
        GuideInput { roots_before: 1, kind: GuideKind::ScopeItem("jobsRead") },
        GuideInput { roots_before: 1, kind: GuideKind::Badge("jobsRead,jobsWrite") },
    ];
    let mut panel = ashby(Setup { url: "https://d/", roots: vec![""], guide, ..Setup::default() });
    let view = panel.view();
    assert_eq!(view.list.rows.len(), 137);
    assert!(!view.list.windowed);
    assert_eq!(english(&view.status), "0 of 137 actions selected");
    let choice = view.choice.unwrap();
    assert!(
        choice.guide.iter().all(|element| !element.hidden && element.badge.is_none()),
        "nothing chosen: the static guide"
    );
    assert!(!choice.changed && !choice.write_url);
    assert!(panel.view().choice.is_none(), "nothing changed since");
}

#[test]
fn a_tick_follows_into_the_output_the_url_the_guide_and_the_badges() {
    let guide = vec![
        GuideInput { roots_before: 1, kind: GuideKind::Block("offersRead,offersWrite") },
        GuideInput { roots_before: 1, kind: GuideKind::ScopeItem("jobsRead") },
        GuideInput { roots_before: 1, kind: GuideKind::ScopeItem("offersWrite") },
        GuideInput { roots_before: 1, kind: GuideKind::Badge("jobsRead,jobsWrite") },
        // After a second root: another panel's.
        GuideInput { roots_before: 2, kind: GuideKind::Block("jobsRead") },
    ];
    let setup = Setup { url: "https://d/ashby#keys", roots: vec!["", "other"], guide, ..Setup::default() };
    let mut panel = ashby(setup);
    assert_eq!(panel.opened().guide, [0, 1, 2, 3]);
    let list_jobs = panel.catalog().table.index_of("ashby_list_jobs").unwrap();
    panel.update(Event::Toggle { action: list_jobs, chosen: true }).unwrap();
    let choice = panel.view().choice.unwrap();
    assert_eq!(choice.output, "jobsRead");
    assert_eq!(choice.url, "https://d/ashby?actions=ashby_list_jobs#keys");
    assert!(choice.changed && choice.write_url);
    let hidden: Vec<bool> = choice.guide.iter().map(|element| element.hidden).collect();
    assert_eq!(hidden, [true, false, true, false]);
    assert_eq!(choice.guide[3].badge.as_deref(), Some("List Jobs"));
    panel.update(Event::Separator("comma".into())).unwrap();
    panel.update(Event::Select("ashby_list_jobs ashby_create_offer".into())).unwrap();
    let choice = panel.view().choice.unwrap();
    assert_eq!(choice.output, "jobsRead,offersWrite");
    assert_eq!(choice.url, "https://d/ashby?actions=ashby_list_jobs+ashby_create_offer&separator=comma#keys");
    assert_eq!(panel.update(Event::Select("nope ashby_list_jobs".into())), Err(UnknownIds(1)));
    assert_eq!(panel.choice().0, ["ashby_list_jobs", "ashby_create_offer"], "a refused select changes nothing");
}

#[test]
fn a_search_ranks_marks_and_counts() {
    let mut panel = ashby(Setup { url: "https://d/", ..Setup::default() });
    panel.update(Event::Search("get job".into())).unwrap();
    let view = panel.view();
    assert_eq!(view.list.rows[0].label, "Get Job");
    assert_eq!(view.list.rows[1].label, "Get Job Posting");
    assert_eq!(view.list.rows[0].marks[0], [0..3, 4..7]);
    let shown = view.list.total;
    assert_eq!(english(&view.status), format!("0 of 137 actions selected · {shown} shown"));
    panel.update(Event::SelectAll).unwrap();
    assert_eq!(panel.chosen().len(), shown, "select all takes what the search shows");
    panel.update(Event::Search("zzz".into())).unwrap();
    assert_eq!(panel.view().list.total, 0);
}

#[test]
fn a_long_list_is_windowed_around_the_scroll_position() {
    let actions: Vec<String> =
        (0..5_000).map(|at| format!(r#"{{"id":"a{at}","label":"Äction {at}","scopes":["s{}"]}}"#, at % 9)).collect();
    let table = Table::from_json(&format!("[{}]", actions.join(","))).unwrap();
    let mut panel = Panel::new(table, Setup { url: "https://d/", ..Setup::default() }, str::to_lowercase);
    assert!(panel.opened().windowable);
    panel.update(Event::Window { scrolled: 40_000.0, viewport: 400.0, row_height: 40.0 }).unwrap();
    let view = panel.view();
    assert!(view.list.windowed);
    assert_eq!(view.list.start, 992, "row 1000 at the top, 8 rows of margin");
    assert_eq!(view.list.rows.first().map(|row| row.id.as_str()), Some("a992"));
    assert!(view.list.rows.len() < 40);
    // A search shows its result from the top; marks are in UTF-16 units of "Äction".
    panel.update(Event::Search("ction 4999".into())).unwrap();
    let view = panel.view();
    assert_eq!((view.list.start, view.list.rows.len()), (0, 1));
    assert_eq!(view.list.rows[0].marks[0], [1..6, 7..11], "each word, not the space between");
}

#[test]
fn presets_the_key_report_and_the_link_notices() {
    let presets = r#"[{"label":"Jobs","scopes":["jobsRead"]},{"label":"Bad"}]"#;
    let setup = Setup {
        url: "https://d/?actions=ashby_list_jobs+zz",
        presets: Some(presets),
        scope_labels: Some(r#"{"jobsRead":"Jobs: Read"}"#),
        ..Setup::default()
    };
    let mut panel = ashby(setup);
    assert_eq!(panel.opened().presets, ["Jobs"]);
    assert_eq!(panel.opened().warnings.len(), 1, "the preset without scopes or actions");
    let choice = panel.view().choice.unwrap();
    assert!(choice.changed, "the link chose an action");
    assert_eq!(
        choice.notices.iter().map(english).collect::<Vec<_>>(),
        ["1 action in the link was not found in this guide"]
    );
    panel.update(Event::Preset(0)).unwrap();
    let choice = panel.view().choice.unwrap();
    assert_eq!(choice.presets, [true]);
    assert!(choice.notices.is_empty(), "a link's notices go once the reader changes the choice");
    let jobs_read = (0..137)
        .filter(|&at| panel.catalog().table.action_scopes(at) == [panel.catalog().table.scope_id("jobsRead").unwrap()])
        .count();
    assert_eq!(panel.chosen().len(), jobs_read);
    panel.update(Event::Key("Jobs: Read, offersWrite, Payroll: Write".into())).unwrap();
    let report = panel.view().choice.unwrap().key.unwrap();
    assert_eq!(english(&report.summary), "Your key has the 1 scope your choice needs.");
    assert_eq!(report.unneeded.iter().map(|scope| scope.name.as_str()).collect::<Vec<_>>(), ["offersWrite"]);
    assert_eq!(report.unknown, ["Payroll: Write"]);
    assert!(report.choose.is_some());
    panel.update(Event::ChooseRunnable).unwrap();
    assert!(panel.view().choice.unwrap().key.unwrap().choose.is_none(), "the choice is what the key can run");
    // Pressed again, the preset releases the choice.
    panel.update(Event::Preset(0)).unwrap();
    panel.update(Event::Preset(0)).unwrap();
    assert!(panel.chosen().is_empty());
}
