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
use crate::text::concat;

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
    let mut html = String::with_capacity(PANEL.len() + table_json.len() * 2);
    let templates: &[&'static str] = if extras { &[PANEL, EXTRAS, "</div>\n"] } else { &[PANEL, "</div>\n"] };
    for &template in templates {
        let mut rest = template;
        // (Braces and dots found by bytes: a `char` pattern would link core's searcher.)
        while let Some(open) = rest.bytes().position(|byte| byte == b'{') {
            html.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let close = after.bytes().position(|byte| byte == b'}').unwrap_or(after.len());
            match &after[..close] {
                "root" if key.trim().is_empty() => html.push_str(ROOT.name),
                "root" => html.push_str(&concat(&[ROOT.name, "=\"", &escape(key.trim()), "\""])),
                "table" => html.push_str(&escape(table_json.trim())),
                "options" => {
                    for separator in Separator::ALL {
                        let label = Message::new(match separator {
                            Separator::Space => "markup.space",
                            Separator::Comma => "markup.comma",
                            Separator::Semicolon => "markup.semicolon",
                            Separator::Pipe => "markup.pipe",
                            Separator::Newline => "markup.newline",
                        });
                        let option =
                            ["<option value=\"", separator.name(), "\">", &escape(&words(&label)), "</option>"];
                        html.push_str(&concat(&option));
                    }
                }
                code if code.bytes().any(|byte| byte == b'.') => html.push_str(&escape(&words(&Message::new(code)))),
                attribute => html.push_str(contract_name(attribute)),
            }
            rest = after.get(close + 1..).unwrap_or_default();
        }
        html.push_str(rest);
    }
    html
}

/// The panel's markup: `{root}` is the root attribute (with its key), `{table}` the escaped
/// table, `{options}` the separators; a `{code.with.dots}` is a message's words, escaped; any
/// other `{name}` is the attribute of the markup contract of that name ([`contract_name`]).
const PANEL: &str = r#"<div class="not-prose guides-scope-selector" {root} {actions-json}="{table}" hidden>
  <div class="guides-scope-selector__title">{markup.title}</div>
  <div class="guides-scope-selector__muted">{markup.intro}</div>
  <div class="guides-scope-selector__controls">
    <input type="text" placeholder="{markup.searchPlaceholder}" aria-label="{panel.search}" class="guides-scope-selector__input" {action-search}>
    <button type="button" class="guides-scope-selector__quick-btn" {select-all}>{markup.selectAll}</button>
    <button type="button" class="guides-scope-selector__quick-btn" {clear}>{markup.clear}</button>
  </div>
  <div class="guides-scope-selector__list">
    <div class="guides-scope-selector__muted" {loading}>{markup.loading}</div>
    <div class="guides-scope-selector__muted" {no-results} hidden>{markup.noResults}</div>
  </div>
  <div class="guides-scope-selector__url-section">
    <div class="guides-scope-selector__muted">{panel.url}</div>
    <input type="text" readonly aria-label="{panel.url}" class="guides-scope-selector__input" {url}>
    <button type="button" class="guides-scope-selector__copy-btn" {copy-url}>{markup.copyUrl}</button>
  </div>
  <div class="guides-scope-selector__muted">{markup.scopes}</div>
  <pre class="guides-scope-selector__input" role="textbox" aria-readonly="true" aria-label="{markup.scopes}" tabindex="0" {scopes-output}></pre>
  <select class="guides-scope-selector__input" aria-label="{panel.separator}" {scope-delimiter}>{options}</select>
  <button type="button" class="guides-scope-selector__copy-btn" {copy-scopes}>{markup.copyScopes}</button>
"#;

/// The key check and the export buttons, disabled until the widget runs.
const EXTRAS: &str = r#"  <div class="guides-scope-selector__url-section">
    <div class="guides-scope-selector__muted">{markup.keyHeading}</div>
    <textarea class="guides-scope-selector__input" rows="2" aria-label="{markup.keyLabel}" placeholder="{markup.keyPlaceholder}" {key-check} disabled></textarea>
    <button type="button" class="guides-scope-selector__quick-btn" {export-markdown} disabled>{markup.exportMarkdown}</button>
    <button type="button" class="guides-scope-selector__quick-btn" {export-json} disabled>{markup.exportJson}</button>
  </div>
"#;

/// The attribute of the markup contract a template names.
fn contract_name(name: &str) -> &'static str {
    [
        ACTIONS_JSON,
        SEARCH,
        SELECT_ALL,
        CLEAR,
        LOADING,
        NO_RESULTS,
        URL,
        COPY_URL,
        SCOPES_OUTPUT,
        DELIMITER,
        COPY_SCOPES,
        KEY_CHECK,
        EXPORT_MARKDOWN,
        EXPORT_JSON,
    ]
    .into_iter()
    .find(|attr| attr.name.strip_prefix("data-guide-") == Some(name))
    .map_or("", |attr| attr.name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::message::english;

    #[test]
    fn every_name_of_the_templates_resolves() {
        for template in [PANEL, EXTRAS] {
            for piece in template.split('{').skip(1) {
                let name = &piece[..piece.find('}').unwrap()];
                match name {
                    "root" | "table" | "options" => {}
                    code if code.contains('.') => assert!(english(&Message::new(code)) != code, "{code}"),
                    attribute => assert!(!contract_name(attribute).is_empty(), "{attribute}"),
                }
            }
        }
    }
}
