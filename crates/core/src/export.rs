//! A choice exported for the admin who creates the key: a Markdown checklist of the scopes to
//! grant, by module and with display names. The scopes to grant are the
//! [least privilege](crate::least_privilege) set (the scope union when no chosen action has
//! alternatives). (The JSON download is the change event's choice, `{actions, scopes, url}`, which
//! the renderer indents.)

use crate::least_privilege::scopes_to_grant;
use crate::message::Message;
use crate::modules::{by_module, scope_module};
use crate::scope_names::ScopeNames;
use crate::text::concat;
use crate::{BitSet, Table};

/// How many action labels a checklist line names before "and N more".
const LABELS_PER_SCOPE: usize = 4;

/// `text` with the characters Markdown would read as formatting escaped.
///
/// ```
/// assert_eq!(scope_selector_core::export::markdown_text("a*b_[c]"), r"a\*b\_\[c\]");
/// ```
pub fn markdown_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~') {
            out.push('\\');
        }
        out.push(if c == '\n' || c == '\r' { ' ' } else { c });
    }
    out
}

/// `text` as a Markdown code span (a longer fence when it holds backticks).
///
/// ```
/// # use scope_selector_core::export::code_span;
/// assert_eq!(code_span("a"), "`a`");
/// assert_eq!(code_span("a``b"), "``` a``b ```");
/// ```
pub fn code_span(text: &str) -> String {
    // The fence is one backtick longer than the longest run of backticks in the text (counted
    // by bytes: a `str::split` by a closure links a searcher of its own).
    let (mut longest, mut run) = (0, 0);
    for byte in text.bytes() {
        run = if byte == b'`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    if longest == 0 {
        return concat(&["`", text, "`"]);
    }
    let fence = "`".repeat(longest + 1);
    concat(&[&fence, " ", text, " ", &fence])
}

/// The scopes to grant for the chosen actions (their least privilege set) as a Markdown
/// checklist: one heading per module, one box per scope (its display name and its name, and the
/// chosen actions that need it: those whose alternative in use with that set has it), then the
/// guide URL that reopens the choice. Its own words (the heading, the summary line) are
/// `export.*` messages, put in words by `words` (the reader's language in the widget).
///
/// ```
/// use scope_selector_core::{export::markdown_checklist, message::english, scope_names::ScopeNames, Table};
/// let table = Table::from_json(r#"{"actions":[{"id":"a","label":"List jobs","scopes":["jobsRead"]},
///     {"id":"b","label":"Create offer","scopes":["offersWrite","jobsRead"]}],"scopeLabels":{"jobsRead":"Jobs: Read"}}"#).unwrap().table;
/// let chosen = table.ids_to_set(["a", "b"]).0;
/// let text = markdown_checklist(&table, &ScopeNames::new(&table), &chosen, "https://docs.example/x?actions=a,b", &english);
/// assert!(text.contains("### Jobs\n\n- [ ] Jobs: Read (`jobsRead`): List jobs, Create offer\n"));
/// assert!(text.contains("### Offers\n\n- [ ] `offersWrite`: Create offer\n"));
/// assert!(text.ends_with("Reopen this choice: <https://docs.example/x?actions=a,b>\n"));
/// ```
pub fn markdown_checklist(
    table: &Table,
    names: &ScopeNames,
    chosen: &BitSet,
    url: &str,
    words: &dyn Fn(&Message) -> String,
) -> String {
    let scopes = scopes_to_grant(table, chosen);
    let intro = Message::new("export.intro")
        .message("scopes", Message::new("export.scopes").number("count", scopes.len()))
        .message("actions", Message::new("export.actions").number("count", chosen.len()));
    let mut text = concat(&["## ", &words(&Message::new("export.title")), "\n\n", &words(&intro), "\n"]);
    let modules = by_module(scopes.iter().map(|scope| (scope_module(table, names, scope).0, scope)));
    for (module, members) in modules {
        text.push_str("\n### ");
        text.push_str(&markdown_text(&module));
        text.push_str("\n\n");
        for scope in members {
            let name = table.scope_name(scope);
            text.push_str("- [ ] ");
            if let Some(display) = names.get(scope) {
                text.push_str(&markdown_text(display));
                text.push_str(" (");
                text.push_str(&code_span(name));
                text.push(')');
            } else {
                text.push_str(&code_span(name));
            }
            let users: Vec<usize> = chosen
                .iter()
                .filter(|&action| table.scopes_in_use(action, &scopes).contains(&(scope as u32)))
                .collect();
            let labels: Vec<String> =
                users.iter().take(LABELS_PER_SCOPE).map(|&action| markdown_text(table.label(action))).collect();
            text.push_str(": ");
            text.push_str(&labels.join(", "));
            if users.len() > LABELS_PER_SCOPE {
                text.push(' ');
                text.push_str(&words(&Message::new("export.more").number("count", users.len() - LABELS_PER_SCOPE)));
            }
            text.push('\n');
        }
    }
    if !url.is_empty() {
        text.push('\n');
        text.push_str(&words(&Message::new("export.reopen")));
        text.push_str(" <");
        text.push_str(url);
        text.push_str(">\n");
    }
    text
}
