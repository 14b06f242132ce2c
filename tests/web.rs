//! Browser tests of the wasm boundary (`wasm-pack test --headless --chrome`): `mount`, the
//! `Widget` it returns, and `destroy` on real DOM.
#![cfg(target_arch = "wasm32")]

use scope_selector::{mount, Widget};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, Event, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

const TABLE: &str = r#"[
  {"id":"deals_list","label":"List Deals","scopes":["deals:read"]},
  {"id":"deals_update","label":"Update Deal","scopes":["deals:write","deals:read"]},
  {"id":"audit_export","label":"Export Audit Log","scopes":["audit:read"]}
]"#;

const PANEL: &str = r#"
  <input data-guide-action-search><button data-guide-select-all>Select all</button><button data-guide-clear>Clear</button>
  <div class="list"><div data-guide-loading>Loading</div><div data-guide-no-results hidden>None</div></div>
  <input data-guide-url readonly><pre data-guide-scopes-output></pre>
  <select data-guide-scope-delimiter><option value="space">Space</option><option value="comma">Comma</option></select>"#;

const GUIDE: &str = r#"
  <section data-guide-section data-guide-scopes="audit:read" id="audit"><p>Audit</p></section>
  <div data-guide-step data-guide-scopes="" id="always">Always</div>
  <div data-guide-step data-guide-scopes="deals:read,deals:write" id="deals">
    <div data-guide-actions-badge data-guide-actions-badge-scopes="deals:read,deals:write">
      <span data-guide-actions-badge-labels>All deal actions</span></div>
    <ul><li data-guide-display-scope="deals:read" id="item-read">deals:read</li>
        <li data-guide-display-scope="deals:write" id="item-write">deals:write</li></ul>
  </div>"#;

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Fills a fixture container with one root per table (and a guide after each), on an address with
/// no query. The body itself is left alone: the test harness reports through it.
fn page_with(tables: &[&str]) -> Vec<Element> {
    // No choice left in the address bar by an earlier test.
    let window = web_sys::window().unwrap();
    let path = window.location().pathname().unwrap();
    window.history().unwrap().replace_state_with_url(&JsValue::NULL, "", Some(&path)).unwrap();
    let body = match document().get_element_by_id("fixture") {
        Some(fixture) => fixture,
        None => {
            let fixture = document().create_element("div").unwrap();
            fixture.set_id("fixture");
            document().body().unwrap().append_child(&fixture).unwrap();
            fixture
        }
    };
    body.set_inner_html("");
    tables
        .iter()
        .map(|table| {
            let root = document().create_element("div").unwrap();
            root.set_attribute("data-guides-scope-selector", "").unwrap();
            root.set_attribute("data-guide-actions-json", table).unwrap();
            root.set_inner_html(PANEL);
            body.append_child(&root).unwrap();
            let guide = document().create_element("div").unwrap();
            guide.set_inner_html(GUIDE);
            body.append_child(&guide).unwrap();
            root
        })
        .collect()
}

fn noop() -> js_sys::Function {
    js_sys::Function::new_no_args("")
}

/// Mounts `root` with its own table and key, ignoring failures and changes.
fn mount_root(root: &Element) -> Result<Widget, JsValue> {
    mount(root, None, None, noop(), &noop(), &noop()).map_err(JsValue::from)
}

/// The message of a thrown `Error`.
fn message(error: JsValue) -> String {
    error.dyn_into::<js_sys::Error>().unwrap().message().as_string().unwrap()
}

/// The calls a recording callback received, each as an array of its arguments.
fn recorder() -> (js_sys::Array, js_sys::Function) {
    let calls = js_sys::Array::new();
    let record = js_sys::Function::new_no_args("this.push([...arguments])").bind0(&calls);
    (calls, record)
}

fn find<T: JsCast>(root: &Element, selector: &str) -> T {
    root.query_selector(selector).unwrap().unwrap().dyn_into::<T>().unwrap()
}

fn shown_rows(root: &Element) -> u32 {
    root.query_selector_all(".guides-scope-selector__row:not([hidden])").unwrap().length()
}

fn hidden(id: &str) -> bool {
    document().get_element_by_id(id).unwrap().has_attribute("hidden")
}

#[wasm_bindgen_test]
fn mounting_builds_rows_and_the_choice_drives_the_guide() {
    let roots = page_with(&[TABLE]);
    let root = &roots[0];
    let widget = mount_root(root).unwrap();
    assert_eq!(shown_rows(root), 3);
    assert!(find::<Element>(root, "[data-guide-loading]").has_attribute("hidden"));
    assert!(!hidden("audit") && !hidden("deals") && !hidden("item-read"));

    let search: HtmlInputElement = find(root, "[data-guide-action-search]");
    search.set_value("update");
    search.dispatch_event(&Event::new("input").unwrap()).unwrap();
    assert_eq!(shown_rows(root), 1);
    find::<HtmlElement>(root, "[data-guide-select-all]").click();

    let output: Element = find(root, "[data-guide-scopes-output]");
    assert_eq!(output.text_content().unwrap(), "deals:read deals:write");
    assert!(hidden("audit"), "audit section shares no scope with the choice");
    assert!(!hidden("always") && !hidden("deals"));
    let badge = document().query_selector("[data-guide-actions-badge-labels]").unwrap().unwrap();
    assert_eq!(badge.text_content().unwrap(), "Update Deal");
    let url: HtmlInputElement = find(root, "[data-guide-url]");
    let link = web_sys::Url::new(&url.value()).unwrap();
    assert_eq!(link.search(), "?actions=deals_update", "{}", url.value());
    assert_eq!(url.value(), web_sys::window().unwrap().location().href().unwrap(), "the address bar follows");

    find::<HtmlElement>(root, "[data-guide-clear]").click();
    assert_eq!(output.text_content().unwrap(), "");
    assert!(!hidden("audit"));
    assert_eq!(badge.text_content().unwrap(), "All deal actions", "the author's text comes back");
    drop(widget);
}

#[wasm_bindgen_test]
fn guide_elements_before_the_first_root_follow_the_first_widget() {
    let roots = page_with(&[TABLE, TABLE]);
    let early = document().create_element("div").unwrap();
    early.set_inner_html(r#"<div data-guide-step data-guide-scopes="audit:read" id="early">Audit early</div>"#);
    roots[0].before_with_node_1(&early).unwrap();
    let widgets: Vec<Widget> = roots.iter().map(|root| mount_root(root).unwrap()).collect();
    assert!(!hidden("early"));

    // Choosing in the second widget leaves the step alone; choosing in the first hides it.
    let second: HtmlInputElement = find(&roots[1], ".guides-scope-selector__check");
    second.click();
    assert!(!hidden("early"), "the second widget does not control what precedes the first root");
    let first: HtmlInputElement = find(&roots[0], ".guides-scope-selector__check");
    first.click();
    assert!(hidden("early"), "deals_list shares no scope with the audit step");
    drop(widgets);
}

#[wasm_bindgen_test]
fn a_broken_table_is_handed_to_the_shell_and_the_other_widget_still_works() {
    let broken = r#"[{"id":"a","label":"A","scopes":"oops"}]"#;
    let roots = page_with(&[broken, TABLE]);
    let (failures, on_failure) = recorder();
    let error = mount(&roots[0], None, None, noop(), &on_failure, &noop()).err().unwrap();
    assert_eq!(message(error.into()), "scope-selector: the action table cannot be used");
    let call: js_sys::Array = failures.get(0).unchecked_into();
    assert_eq!(call.get(0), JsValue::from(roots[0].clone()), "the failing root is handed to the shell");
    assert_eq!(call.get(1).as_string().unwrap(), "the action table cannot be used");
    assert_eq!(call.get(2).as_string().unwrap(), broken, "with the table, for the helpers to describe");
    let _widget = mount_root(&roots[1]).unwrap();
    assert_eq!(shown_rows(&roots[1]), 3);
    assert_eq!(message(mount_root(&roots[1]).err().unwrap()), "scope-selector: mount(root): this root is mounted already (or showed why it could not start); destroy its widget first");
}

#[wasm_bindgen_test]
fn an_element_that_is_not_a_root_is_refused() {
    page_with(&[TABLE]);
    let other = document().create_element("div").unwrap();
    assert_eq!(
        message(mount_root(&other).err().unwrap()),
        "scope-selector: mount(root): the element is not a panel root (it has no data-guides-scope-selector attribute)"
    );
}

#[wasm_bindgen_test]
fn destroy_restores_the_markup_and_removes_the_listeners() {
    let roots = page_with(&[TABLE]);
    let root = &roots[0];
    document().get_element_by_id("deals").unwrap().set_attribute("hidden", "").unwrap();
    let before = root.outer_html();
    let guide_before = document().get_element_by_id("fixture").unwrap().inner_html();
    let (changes, on_change) = recorder();
    let widget = mount(root, None, None, on_change, &noop(), &noop()).unwrap();
    find::<HtmlElement>(root, "[data-guide-select-all]").click();
    assert_eq!(changes.length(), 1);
    assert!(root.query_selector(".guides-scope-selector__row").unwrap().is_some());
    let search: HtmlInputElement = find(root, "[data-guide-action-search]");
    drop(widget);
    assert_eq!(root.outer_html(), before, "the panel is as it was before mounting");
    assert_eq!(document().get_element_by_id("fixture").unwrap().inner_html(), guide_before, "and so is the guide");
    search.set_value("x");
    search.dispatch_event(&Event::new("input").unwrap()).unwrap();
    find::<HtmlElement>(root, "[data-guide-select-all]").click();
    assert_eq!(changes.length(), 1, "no listener is left");
    let again = mount_root(root).unwrap();
    assert_eq!(shown_rows(root), 3, "the root can be mounted again");
    drop(again);
}

#[wasm_bindgen_test]
fn select_choice_and_on_change_follow_every_change() {
    let roots = page_with(&[TABLE]);
    let (changes, on_change) = recorder();
    let widget = mount(&roots[0], None, Some("deals".into()), on_change, &noop(), &noop()).unwrap();
    widget.select("audit_export deals_list").unwrap();
    let choice = widget.choice().unwrap();
    let strings =
        |value: JsValue| js_sys::Array::from(&value).iter().map(|item| item.as_string().unwrap()).collect::<Vec<_>>();
    assert_eq!(strings(choice.get(0)), ["deals_list", "audit_export"]);
    assert_eq!(strings(choice.get(1)), ["deals:read", "audit:read"]);
    assert!(choice.get(2).as_string().unwrap().contains("?deals-actions=deals_list+audit_export"));
    assert_eq!(changes.length(), 1);
    let call: js_sys::Array = changes.get(0).unchecked_into();
    assert_eq!(strings(js_sys::Array::from(&call.get(0)).get(0)), ["deals_list", "audit_export"]);
    let error = widget.select("deals_list nope").err().unwrap();
    assert_eq!(
        message(error.into()),
        "scope-selector: select(ids): 1 of the ids are not in this widget's table; nothing was changed"
    );
    assert_eq!(strings(widget.choice().unwrap().get(0)), ["deals_list", "audit_export"], "nothing changed");
    assert_eq!(changes.length(), 1);
    widget.select("").unwrap();
    assert_eq!(strings(widget.choice().unwrap().get(0)), Vec::<String>::new());
    assert_eq!(changes.length(), 2);
}

#[wasm_bindgen_test]
fn a_table_in_a_json_script_and_a_shared_parameter_notice() {
    let roots = page_with(&[TABLE, TABLE, TABLE]);
    roots[0].remove_attribute("data-guide-actions-json").unwrap();
    let script = document().create_element("script").unwrap();
    script.set_attribute("type", "application/json").unwrap();
    script.set_attribute("data-guide-actions", "").unwrap();
    script.set_text_content(Some(r#"[{"id":"x","label":"</script> X","scopes":["s"]}]"#));
    roots[0].append_child(&script).unwrap();
    // The third root is keyed "2": the parameters the unnamed second root owns.
    roots[2].set_attribute("data-guides-scope-selector", "2").unwrap();
    let widgets: Vec<Widget> = roots.iter().map(|root| mount_root(root).unwrap()).collect();
    assert_eq!(shown_rows(&roots[0]), 1);
    assert_eq!(
        find::<Element>(&roots[0], ".guides-scope-selector__action-label").text_content().unwrap(),
        "</script> X"
    );
    for root in &roots[1..] {
        let notices: Element = find(root, ".guides-scope-selector__notices");
        let text = notices.text_content().unwrap();
        assert!(text.contains("also owns the link parameter \"2-actions\""), "{text}");
    }
    assert!(find::<Element>(&roots[0], ".guides-scope-selector__notices").has_attribute("hidden"));
    drop(widgets);
}

/// The wasm build's size-class allocator: blocks of every class and alignment keep their
/// contents while others are freed and reused, and growing or shrinking keeps the prefix.
#[wasm_bindgen_test]
fn allocator_keeps_blocks_apart_and_aligned() {
    use std::alloc::{alloc, dealloc, Layout};
    let mut live: Vec<(Vec<u8>, u8)> = Vec::new();
    for round in 0..3u32 {
        for size in [0usize, 1, 7, 8, 9, 63, 64, 65, 1000, 4096, 70_000, 300_000] {
            let fill = (size as u32 * 31 + round) as u8;
            live.push((vec![fill; size], fill));
        }
        // Free every other block, so the next round reuses them.
        let mut keep = false;
        live.retain(|_| {
            keep = !keep;
            keep
        });
    }
    for (block, fill) in &mut live {
        assert!(block.iter().all(|byte| byte == fill), "a block was overwritten");
        let old = block.len();
        block.resize(old * 3 + 5, *fill);
        assert!(block.iter().all(|byte| byte == fill), "growing lost the contents");
        block.truncate(old / 2);
        block.shrink_to_fit();
        assert!(block.iter().all(|byte| byte == fill), "shrinking lost the contents");
    }
    for align in [1usize, 8, 16, 64, 4096] {
        let layout = Layout::from_size_align(24, align).unwrap();
        // SAFETY: the layout has a non-zero size; the block is freed with the same layout.
        unsafe {
            let block = alloc(layout);
            assert!(!block.is_null());
            assert_eq!(block as usize % align, 0, "alignment {align}");
            dealloc(block, layout);
        }
    }
}

/// The SIMD substring search of the wasm build agrees with a naive scan, for words of every
/// length around the 16-byte block size and matches at every offset, including the last.
#[wasm_bindgen_test]
fn simd_find_agrees_with_a_naive_scan() {
    use scope_selector_core::find::find;
    // A deterministic pseudo-random text over a small alphabet, so partial matches are common.
    let mut state = 0x2545_f491u32;
    let text: Vec<u8> = (0..700)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            b"abc:\n"[(state % 5) as usize]
        })
        .collect();
    for len in [0usize, 1, 2, 3, 15, 16, 17, 33] {
        for start in (0..text.len().saturating_sub(len)).step_by(7).chain([text.len() - len]) {
            let word = &text[start..start + len];
            for end in [text.len(), text.len() - 1, 40, 17, 16, 3] {
                let haystack = &text[..end];
                let expected = if word.is_empty() {
                    Some(0)
                } else {
                    haystack.windows(word.len()).position(|window| window == word)
                };
                assert_eq!(find(haystack, word), expected, "word {word:?} in the first {end} bytes");
            }
        }
    }
    assert_eq!(find(b"abc", b"abcd"), None);
    // A single byte (its own routine) at every position, or nowhere, in texts of every length up
    // to three blocks, so the overlapping tail block is tested too.
    for len in 0..50 {
        for at in 0..=len {
            let mut haystack = vec![b'a'; len];
            if let Some(byte) = haystack.get_mut(at) {
                *byte = b'b';
            }
            assert_eq!(find(&haystack, b"b"), (at < len).then_some(at), "b at {at} of {len}");
        }
    }
}
