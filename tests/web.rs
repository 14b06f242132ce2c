//! Browser tests of the wasm boundary (`wasm-pack test --headless --chrome`): the public
//! `Catalog` API and mounting on real DOM.
#![cfg(target_arch = "wasm32")]

use scope_selector::api::JsCatalog;
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

/// Fills a fixture container with one root per table (and a guide after each). The body itself
/// is left alone: the test harness reports through it.
fn page_with(tables: &[&str]) -> Vec<Element> {
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

/// Mounts every root, ignoring failures (a test that expects one uses `failures_of_mount`).
fn mount_page() -> scope_selector::Page {
    scope_selector::mount_page(&js_sys::Function::new_no_args("")).unwrap()
}

/// Mounts every root; gives the failures passed to the shell's callback, as (root, message).
fn failures_of_mount() -> (scope_selector::Page, Vec<(Element, String)>) {
    let failures = js_sys::Array::new();
    let record = js_sys::Function::new_with_args("root, message", "this.push([root, message])").bind0(&failures);
    let page = scope_selector::mount_page(&record).unwrap();
    let failures = failures
        .iter()
        .map(|pair| {
            let pair: js_sys::Array = pair.unchecked_into();
            (pair.get(0).unchecked_into(), pair.get(1).as_string().unwrap())
        })
        .collect();
    (page, failures)
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
fn catalog_api_searches_and_unites() {
    let mut catalog = JsCatalog::new(TABLE).unwrap();
    assert_eq!(catalog.length(), 3);
    assert_eq!(catalog.search("DEAL").to_vec(), vec![0, 1]);
    assert_eq!(catalog.search("deal write").to_vec(), vec![1]);
    let strings = |array: js_sys::Array| array.iter().map(|value| value.as_string().unwrap()).collect::<Vec<_>>();
    assert_eq!(strings(catalog.scopes(&[2, 1, 0]).unwrap()), vec!["deals:read", "deals:write", "audit:read"]);
    assert!(strings(catalog.warnings()).is_empty());
    let repeated = JsCatalog::new(r#"[{"id":"a","label":"A","scopes":["s"]},{"id":"a","label":"B","scopes":["s"]}]"#);
    assert_eq!(
        strings(repeated.unwrap().warnings()),
        vec!["action at index 1 repeats the id \"a\" of index 0 and was left out"]
    );
}

#[wasm_bindgen_test]
fn catalog_errors_name_the_problem() {
    let message = |json: &str| {
        let error: JsValue = JsCatalog::new(json).err().unwrap().into();
        error.dyn_into::<js_sys::Error>().unwrap().message().as_string().unwrap()
    };
    assert!(message("[{").starts_with("the action table is not valid JSON ("), "{}", message("[{"));
    assert_eq!(message("[]"), "the action table has no actions");
    assert_eq!(message("5"), "the action table must be a JSON array, found a number");
    assert_eq!(message(r#"[{"id":"a","label":"A"}]"#), "action at index 0: \"scopes\" is missing");
    let catalog = JsCatalog::new(TABLE).unwrap();
    let error: JsValue = catalog.scopes(&[3]).err().unwrap().into();
    assert!(error.dyn_into::<js_sys::Error>().is_ok());
}

#[wasm_bindgen_test]
fn mounting_builds_rows_and_the_choice_drives_the_guide() {
    let roots = page_with(&[TABLE]);
    let root = &roots[0];
    let page = mount_page();
    assert_eq!(page.mounted(), 1);
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
    drop(page);
}

#[wasm_bindgen_test]
fn guide_elements_before_the_first_root_follow_the_first_widget() {
    let roots = page_with(&[TABLE, TABLE]);
    let early = document().create_element("div").unwrap();
    early.set_inner_html(r#"<div data-guide-step data-guide-scopes="audit:read" id="early">Audit early</div>"#);
    roots[0].before_with_node_1(&early).unwrap();
    let page = mount_page();
    assert_eq!(page.mounted(), 2);
    assert!(!hidden("early"));

    // Choosing in the second widget leaves the step alone; choosing in the first hides it.
    let second: HtmlInputElement = find(&roots[1], ".guides-scope-selector__check");
    second.click();
    assert!(!hidden("early"), "the second widget does not control what precedes the first root");
    let first: HtmlInputElement = find(&roots[0], ".guides-scope-selector__check");
    first.click();
    assert!(hidden("early"), "deals_list shares no scope with the audit step");
    drop(page);
}

#[wasm_bindgen_test]
fn a_broken_table_shows_an_alert_and_the_other_widget_still_works() {
    let roots = page_with(&[r#"[{"id":"a","label":"A","scopes":"oops"}]"#, TABLE]);
    let (page, failures) = failures_of_mount();
    assert_eq!((page.mounted(), page.failed()), (1, 1));
    assert_eq!(failures.len(), 1);
    assert_eq!(failures[0].0, roots[0], "the failing root is handed to the shell");
    assert_eq!(
        failures[0].1,
        "The action selector could not start: action at index 0: \"scopes\" must be an array of strings, found a string."
    );
    assert_eq!(shown_rows(&roots[1]), 3);
    assert_eq!(mount_page().mounted(), 0, "mounting again skips mounted roots");
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
