//! Reading the files the CLI is given: a table (JSON) or a guide page (HTML, parsed with
//! lol_html), with where each thing stands in the file, for messages with line numbers.

use lol_html::{element, HtmlRewriter, Settings};
use scope_selector_core::contract::{
    Attr, ACTIONS_JSON, BADGE_SCOPES, CONTROLS, DISPLAY_SCOPE, PRESETS, ROOT, SCOPES, SCOPE_LABELS, STRINGS,
};
use scope_selector_core::guide_url::root_key;
use std::cell::RefCell;
use std::rc::Rc;

/// A panel root of a page.
pub struct Root {
    /// Its key (the attribute's value, see `root_key`).
    pub key: String,
    /// Its line in the file.
    pub line: usize,
    /// The table JSON of its attribute (entities decoded), if it has one.
    pub table: Option<String>,
    /// Its presets (`data-guide-presets`, entities decoded), if it has them.
    pub presets: Option<String>,
    /// Its display names of scopes (`data-guide-scope-labels`, entities decoded), if it has them.
    pub scope_labels: Option<String>,
    /// Its own words for some texts (`data-guide-strings`, entities decoded), if it has them.
    pub strings: Option<String>,
    /// Its language: its own `lang`, else the page's (`<html lang>`), else `en`.
    pub lang: String,
    /// The controls found inside it.
    pub controls: Vec<Attr>,
    /// Where it starts and ends in the file (bytes).
    span: (usize, usize),
}

/// An attribute of a guide element that names scopes.
pub struct ScopeAttr {
    /// The attribute's name.
    pub name: &'static str,
    /// Its value (entities decoded).
    pub value: String,
    /// Its element's line in the file.
    pub line: usize,
    /// Which root controls it (page order: the root before it; the first root for those before
    /// every root), if the page has any.
    pub root: Option<usize>,
}

/// What a guide page holds.
pub struct Page {
    pub roots: Vec<Root>,
    pub scope_attrs: Vec<ScopeAttr>,
}

/// Whether a file's text is a table (JSON) rather than a page.
pub fn is_table(text: &str) -> bool {
    matches!(text.trim_start_matches('\u{feff}').trim_start().as_bytes().first(), Some(b'[' | b'{'))
}

/// The 1-based line of byte `offset` of `text` (the core's reckoning, as in its JSON errors).
pub fn line_of(text: &str, offset: usize) -> usize {
    scope_selector_core::json::line_and_column(text, offset).0
}

/// Reads a guide page.
pub fn read_page(html: &str) -> Result<Page, String> {
    // Shared with the end-tag handlers, which lol_html wants 'static.
    let roots: Rc<RefCell<Vec<Root>>> = Rc::default();
    let attrs: RefCell<Vec<(usize, &'static str, String)>> = RefCell::new(Vec::new());
    let elements: RefCell<Vec<(usize, Vec<Attr>)>> = RefCell::new(Vec::new());
    let decode = |value: String| html_escape::decode_html_entities(&value).into_owned();
    let page_lang = RefCell::new(String::from("en"));
    {
        let handlers = vec![element!("*", |el| {
            let start = el.source_location().bytes().start;
            if el.tag_name() == "html" {
                if let Some(lang) = el.get_attribute("lang") {
                    *page_lang.borrow_mut() = decode(lang);
                }
            }
            if let Some(key) = el.get_attribute(ROOT.name) {
                let table = el.get_attribute(ACTIONS_JSON.name).map(decode);
                let index = roots.borrow().len();
                roots.borrow_mut().push(Root {
                    key: root_key(&decode(key)).to_owned(),
                    line: line_of(html, start),
                    table,
                    presets: el.get_attribute(PRESETS.name).map(decode),
                    scope_labels: el.get_attribute(SCOPE_LABELS.name).map(decode),
                    strings: el.get_attribute(STRINGS.name).map(decode),
                    lang: el.get_attribute("lang").map_or_else(|| page_lang.borrow().clone(), decode),
                    controls: Vec::new(),
                    span: (start, usize::MAX),
                });
                let shared = Rc::clone(&roots);
                let on_end: lol_html::EndTagHandler<'static> = Box::new(move |end| {
                    if let Some(root) = shared.borrow_mut().get_mut(index) {
                        root.span.1 = end.source_location().bytes().end;
                    }
                    Ok(())
                });
                // A root that cannot have content (a void element) ends where it starts.
                if el.on_end_tag(on_end).is_err() {
                    if let Some(root) = roots.borrow_mut().get_mut(index) {
                        root.span.1 = start;
                    }
                }
            }
            let present: Vec<Attr> = CONTROLS.iter().copied().filter(|attr| el.has_attribute(attr.name)).collect();
            if !present.is_empty() {
                elements.borrow_mut().push((start, present));
            }
            for attr in [SCOPES, DISPLAY_SCOPE, BADGE_SCOPES] {
                if let Some(value) = el.get_attribute(attr.name) {
                    attrs.borrow_mut().push((start, attr.name, decode(value)));
                }
            }
            Ok(())
        })];
        let mut rewriter =
            HtmlRewriter::new(Settings { element_content_handlers: handlers, ..Settings::new() }, |_: &[u8]| {});
        rewriter.write(html.as_bytes()).map_err(|error| error.to_string())?;
        rewriter.end().map_err(|error| error.to_string())?;
    }
    let mut roots = std::mem::take(&mut *roots.borrow_mut());
    for (start, present) in elements.into_inner() {
        // A control belongs to the innermost root around it.
        if let Some(root) = roots.iter_mut().rev().find(|root| root.span.0 < start && start < root.span.1) {
            root.controls.extend(present);
        }
    }
    let scope_attrs = attrs
        .into_inner()
        .into_iter()
        .map(|(start, name, value)| {
            let before = roots.iter().filter(|root| root.span.0 < start).count();
            let root = if roots.is_empty() { None } else { Some(before.saturating_sub(1)) };
            ScopeAttr { name, value, line: line_of(html, start), root }
        })
        .collect();
    Ok(Page { roots, scope_attrs })
}
