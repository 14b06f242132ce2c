//! The markup of a panel, generated from a table: every control of the markup contract (with
//! `extras`, the key check and the exports too, which load the panel's extras), with the table
//! in the root's attribute. `scope-selector render` and the helpers' `renderPanel` print it; every
//! text and attribute value goes through [`escape`], the one place markup is escaped.

use crate::contract::{
    ACTIONS_JSON, CLEAR, COPY_SCOPES, COPY_URL, DELIMITER, EXPORT_JSON, EXPORT_MARKDOWN, KEY_CHECK, LOADING,
    NO_RESULTS, ROOT, SCOPES_OUTPUT, SEARCH, SELECT_ALL, URL,
};
use crate::message::Message;
use crate::separator::Separator;
use crate::text::{concat, join};

/// `text` escaped for HTML text and for double-quoted attribute values.
///
/// ```
/// use scope_selector_core::markup::escape;
/// assert_eq!(escape(r#"<a href="x">'&'</a>"#), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
/// ```
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The panel for the table whose JSON is `table_json`, as the widget root `key` (empty: unnamed).
/// The table is written as given (the widget and `check` read and validate it); the page adds the
/// guide after it and the widget's script and stylesheet. The root is `hidden` until its widget
/// mounts, so a reader without JavaScript (or before the module has loaded) sees the guide as
/// written and no controls that do nothing. The panel's texts are `markup.*` messages, put in
/// words by `words` (English in the CLI, the page's language in the helpers).
///
/// ```
/// use scope_selector_core::markup::render_panel;
/// use scope_selector_core::message::english;
/// let html = render_panel(r#"[{"id":"a","label":"<b>","scopes":["s"]}]"#, "crm", false, &english);
/// assert!(html.starts_with(r#"<div class="not-prose guides-scope-selector" data-guides-scope-selector="crm""#));
/// assert!(html.contains(r#"data-guide-actions-json="[{&quot;id&quot;:&quot;a&quot;,&quot;label&quot;:&quot;&lt;b&gt;&quot;"#));
/// assert!(html.contains("data-guide-scopes-output"));
/// assert!(html.contains(">Select all</button>"));
/// assert!(!html.contains("data-guide-key-check"));
/// let html = render_panel(r#"[{"id":"a","label":"A","scopes":["s"]}]"#, "", true, &english);
/// assert!(html.contains("data-guide-key-check") && html.contains("data-guide-export-json"));
/// assert!(html.lines().next().unwrap().ends_with(" hidden>"));
/// ```
///
/// `extras`: the key check and the export buttons too.
pub fn render_panel(table_json: &str, key: &str, extras: bool, words: &dyn Fn(&Message) -> String) -> String {
    let text = |code: &'static str| escape(&words(&Message::new(code)));
    let options: Vec<String> = Separator::ALL
        .iter()
        .map(|separator| {
            let label = match separator {
                Separator::Space => "markup.space",
                Separator::Comma => "markup.comma",
                Separator::Semicolon => "markup.semicolon",
                Separator::Pipe => "markup.pipe",
                Separator::Newline => "markup.newline",
            };
            concat(&["<option value=\"", separator.name(), "\">", &text(label), "</option>"])
        })
        .collect();
    let root = if key.trim().is_empty() {
        ROOT.name.to_owned()
    } else {
        concat(&[ROOT.name, "=\"", &escape(key.trim()), "\""])
    };
    let mut lines = vec![
        concat(&[
            "<div class=\"not-prose guides-scope-selector\" ",
            &root,
            " ",
            ACTIONS_JSON.name,
            "=\"",
            &escape(table_json.trim()),
            "\" hidden>",
        ]),
        concat(&["  <div class=\"guides-scope-selector__title\">", &text("markup.title"), "</div>"]),
        concat(&["  <div class=\"guides-scope-selector__muted\">", &text("markup.intro"), "</div>"]),
        "  <div class=\"guides-scope-selector__controls\">".into(),
        concat(&[
            "    <input type=\"text\" placeholder=\"",
            &text("markup.searchPlaceholder"),
            "\" aria-label=\"",
            &text("panel.search"),
            "\" class=\"guides-scope-selector__input\" ",
            SEARCH.name,
            ">",
        ]),
        concat(&[
            "    <button type=\"button\" class=\"guides-scope-selector__quick-btn\" ",
            SELECT_ALL.name,
            ">",
            &text("markup.selectAll"),
            "</button>",
        ]),
        concat(&[
            "    <button type=\"button\" class=\"guides-scope-selector__quick-btn\" ",
            CLEAR.name,
            ">",
            &text("markup.clear"),
            "</button>",
        ]),
        "  </div>".into(),
        "  <div class=\"guides-scope-selector__list\">".into(),
        concat(&[
            "    <div class=\"guides-scope-selector__muted\" ",
            LOADING.name,
            ">",
            &text("markup.loading"),
            "</div>",
        ]),
        concat(&[
            "    <div class=\"guides-scope-selector__muted\" ",
            NO_RESULTS.name,
            " hidden>",
            &text("markup.noResults"),
            "</div>",
        ]),
        "  </div>".into(),
        "  <div class=\"guides-scope-selector__url-section\">".into(),
        concat(&["    <div class=\"guides-scope-selector__muted\">", &text("panel.url"), "</div>"]),
        concat(&[
            "    <input type=\"text\" readonly aria-label=\"",
            &text("panel.url"),
            "\" class=\"guides-scope-selector__input\" ",
            URL.name,
            ">",
        ]),
        concat(&[
            "    <button type=\"button\" class=\"guides-scope-selector__copy-btn\" ",
            COPY_URL.name,
            ">",
            &text("markup.copyUrl"),
            "</button>",
        ]),
        "  </div>".into(),
        concat(&["  <div class=\"guides-scope-selector__muted\">", &text("markup.scopes"), "</div>"]),
        concat(&[
            "  <pre class=\"guides-scope-selector__input\" role=\"textbox\" aria-readonly=\"true\" aria-label=\"",
            &text("markup.scopes"),
            "\" tabindex=\"0\" ",
            SCOPES_OUTPUT.name,
            "></pre>",
        ]),
        concat(&[
            "  <select class=\"guides-scope-selector__input\" aria-label=\"",
            &text("panel.separator"),
            "\" ",
            DELIMITER.name,
            ">",
            &options.concat(),
            "</select>",
        ]),
        concat(&[
            "  <button type=\"button\" class=\"guides-scope-selector__copy-btn\" ",
            COPY_SCOPES.name,
            ">",
            &text("markup.copyScopes"),
            "</button>",
        ]),
    ];
    if extras {
        lines.extend([
            "  <div class=\"guides-scope-selector__url-section\">".into(),
            concat(&["    <div class=\"guides-scope-selector__muted\">", &text("markup.keyHeading"), "</div>"]),
            concat(&[
                "    <textarea class=\"guides-scope-selector__input\" rows=\"2\" aria-label=\"",
                &text("markup.keyLabel"),
                "\" placeholder=\"",
                &text("markup.keyPlaceholder"),
                "\" ",
                KEY_CHECK.name,
                " disabled></textarea>",
            ]),
            concat(&[
                "    <button type=\"button\" class=\"guides-scope-selector__quick-btn\" ",
                EXPORT_MARKDOWN.name,
                " disabled>",
                &text("markup.exportMarkdown"),
                "</button>",
            ]),
            concat(&[
                "    <button type=\"button\" class=\"guides-scope-selector__quick-btn\" ",
                EXPORT_JSON.name,
                " disabled>",
                &text("markup.exportJson"),
                "</button>",
            ]),
            "  </div>".into(),
        ]);
    }
    lines.push("</div>".into());
    let mut html = join(lines.iter().map(String::as_str), "\n");
    html.push('\n');
    html
}
