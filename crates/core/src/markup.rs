//! The markup of a panel, generated from a table: every control of the markup contract (with
//! `extras`, the key check and the exports too, which load the panel's extras), with the table
//! in the root's attribute. `scope-selector render` prints it; every text and attribute
//! value goes through [`escape`], the one place markup is escaped. (It uses `format!`: it is never
//! linked into the widget's wasm, where the core avoids the formatting machinery.)

use crate::contract::{
    ACTIONS_JSON, CLEAR, COPY_SCOPES, COPY_URL, DELIMITER, EXPORT_JSON, EXPORT_MARKDOWN, KEY_CHECK, LOADING,
    NO_RESULTS, ROOT, SCOPES_OUTPUT, SEARCH, SELECT_ALL, URL,
};
use crate::separator::Separator;

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
/// written and no controls that do nothing.
///
/// ```
/// use scope_selector_core::markup::render_panel;
/// let html = render_panel(r#"[{"id":"a","label":"<b>","scopes":["s"]}]"#, "crm", false);
/// assert!(html.starts_with(r#"<div class="not-prose guides-scope-selector" data-guides-scope-selector="crm""#));
/// assert!(html.contains(r#"data-guide-actions-json="[{&quot;id&quot;:&quot;a&quot;,&quot;label&quot;:&quot;&lt;b&gt;&quot;"#));
/// assert!(html.contains("data-guide-scopes-output"));
/// assert!(!html.contains("data-guide-key-check"));
/// let html = render_panel(r#"[{"id":"a","label":"A","scopes":["s"]}]"#, "", true);
/// assert!(html.contains("data-guide-key-check") && html.contains("data-guide-export-json"));
/// assert!(html.lines().next().unwrap().ends_with(" hidden>"));
/// ```
///
/// `extras`: the key check and the export buttons too, disabled until the extras' module (which
/// they make the page load after the widget) is attached.
pub fn render_panel(table_json: &str, key: &str, extras: bool) -> String {
    let options: Vec<String> = Separator::ALL
        .iter()
        .map(|separator| {
            let label = match separator {
                Separator::Space => "Space",
                Separator::Comma => "Comma",
                Separator::Semicolon => "Semicolon",
                Separator::Pipe => "Pipe",
                Separator::Newline => "New line",
            };
            format!(r#"<option value="{}">{label}</option>"#, separator.name())
        })
        .collect();
    let root =
        if key.trim().is_empty() { ROOT.name.to_owned() } else { format!(r#"{}="{}""#, ROOT.name, escape(key.trim())) };
    [
        format!(
            r#"<div class="not-prose guides-scope-selector" {root} {}="{}" hidden>"#,
            ACTIONS_JSON.name,
            escape(table_json.trim())
        ),
        r#"  <div class="guides-scope-selector__title">Select the actions to adjust the guide</div>"#.into(),
        r#"  <div class="guides-scope-selector__muted">Tick the actions your integration will call: the permissions, the steps below and the link follow your choice.</div>"#.into(),
        r#"  <div class="guides-scope-selector__controls">"#.into(),
        format!(r#"    <input type="text" placeholder="Search actions…" aria-label="Search actions" class="guides-scope-selector__input" {}>"#, SEARCH.name),
        format!(r#"    <button type="button" class="guides-scope-selector__quick-btn" {}>Select all</button>"#, SELECT_ALL.name),
        format!(r#"    <button type="button" class="guides-scope-selector__quick-btn" {}>Clear</button>"#, CLEAR.name),
        "  </div>".into(),
        r#"  <div class="guides-scope-selector__list">"#.into(),
        format!(r#"    <div class="guides-scope-selector__muted" {}>Loading actions…</div>"#, LOADING.name),
        format!(r#"    <div class="guides-scope-selector__muted" {} hidden>No actions match your search.</div>"#, NO_RESULTS.name),
        "  </div>".into(),
        r#"  <div class="guides-scope-selector__url-section">"#.into(),
        r#"    <div class="guides-scope-selector__muted">Dynamic guide URL</div>"#.into(),
        format!(r#"    <input type="text" readonly aria-label="Dynamic guide URL" class="guides-scope-selector__input" {}>"#, URL.name),
        format!(r#"    <button type="button" class="guides-scope-selector__copy-btn" {}>Copy URL</button>"#, COPY_URL.name),
        "  </div>".into(),
        r#"  <div class="guides-scope-selector__muted">Scopes selected</div>"#.into(),
        format!(
            r#"  <pre class="guides-scope-selector__input" role="textbox" aria-readonly="true" aria-label="Scopes selected" tabindex="0" {}></pre>"#,
            SCOPES_OUTPUT.name
        ),
        format!(r#"  <select class="guides-scope-selector__input" aria-label="Separator" {}>{}</select>"#, DELIMITER.name, options.concat()),
        format!(r#"  <button type="button" class="guides-scope-selector__copy-btn" {}>Copy scopes</button>"#, COPY_SCOPES.name),
    ]
    .into_iter()
    .chain(if extras { extras_markup() } else { Vec::new() })
    .chain(["</div>".to_owned()])
    .collect::<Vec<String>>()
    .join("\n")
        + "\n"
}

/// The key check and the export buttons, disabled until the extras are attached.
fn extras_markup() -> Vec<String> {
    vec![
        r#"  <div class="guides-scope-selector__url-section">"#.into(),
        r#"    <div class="guides-scope-selector__muted">Check a key you already have</div>"#.into(),
        format!(
            r#"    <textarea class="guides-scope-selector__input" rows="2" aria-label="Scopes of a key you already have" placeholder="Paste its scopes, in any form" {} disabled></textarea>"#,
            KEY_CHECK.name
        ),
        format!(
            r#"    <button type="button" class="guides-scope-selector__quick-btn" {} disabled>Copy as Markdown checklist</button>"#,
            EXPORT_MARKDOWN.name
        ),
        format!(
            r#"    <button type="button" class="guides-scope-selector__quick-btn" {} disabled>Download JSON</button>"#,
            EXPORT_JSON.name
        ),
        "  </div>".into(),
    ]
}
