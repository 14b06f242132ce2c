//! The view written as JSON, the form it crosses into the page in (one string, read by the
//! engine's `JSON.parse`; measured against serde-wasm-bindgen in docs/performance.md). Rows are
//! arrays rather than objects, so a long list does not repeat its field names.
//!
//! - view: `{"list": {"total", "windowed", "start", "rowHeight", "rows": [[action, id,
//!   label, scopes, checked, labelMarks, idMarks, scopesMarks]], "headers": [[before, module,
//!   name, chosen, count, matches | -1, state, expanded, [[scope, display, state]], more]]}` (states 0
//!   off, 1 mixed, 2 pressed), "status": message, "choice":
//!   null | {"output", "separator", "url", "notices": [message], "guide": [[element, hidden,
//!   badge | null]], "presets": [pressed], "key": null | report, "changed", "writeUrl"}}`, marks
//!   flat `[start, end, start, end, …]` in UTF-16 code units;
//! - key report: `{"summary", "missing": [[name, display | null]], "unneeded", "unknown": [text],
//!   "runnable", "choose": message | null}`;
//! - a message: `{"code", "args": {name: number | string | message}}`.

use super::key::{KeyReport, ScopeRef};
use super::list::ListView;
use super::{ChoiceView, Event, GuideInput, GuideKind, Opened, Setup, View};
use crate::json::{push_string, push_strings, Value};
use crate::message::Message;
use crate::modules::Toggle;
use crate::text::push_decimal;

/// Appends `items`, each written by `write`, as a JSON array.
fn push_array<T>(out: &mut String, items: &[T], mut write: impl FnMut(&mut String, &T)) {
    out.push('[');
    for (at, item) in items.iter().enumerate() {
        if at > 0 {
            out.push(',');
        }
        write(out, item);
    }
    out.push(']');
}

fn push_bool(out: &mut String, value: bool) {
    out.push_str(if value { "true" } else { "false" });
}

fn push_messages(out: &mut String, messages: &[Message]) {
    push_array(out, messages, |out, message| message.push_json(out));
}

fn push_list(out: &mut String, list: &ListView) {
    out.push_str("{\"total\":");
    push_decimal(out, list.total);
    out.push_str(",\"windowed\":");
    push_bool(out, list.windowed);
    out.push_str(",\"start\":");
    push_decimal(out, list.start);
    out.push_str(",\"rowHeight\":");
    // Heights are whole pixels (`offsetHeight`); a fraction would only move rows by less than one.
    push_decimal(out, (list.row_height + 0.5) as usize);
    out.push_str(",\"rows\":");
    push_array(out, &list.rows, |out, row| {
        out.push('[');
        push_decimal(out, row.action as usize);
        for text in [&row.id, &row.label, &row.scopes] {
            out.push(',');
            push_string(out, text);
        }
        out.push(',');
        push_bool(out, row.checked);
        for marks in &row.marks {
            out.push(',');
            push_array(out, marks, |out, range| {
                push_decimal(out, range.start);
                out.push(',');
                push_decimal(out, range.end);
            });
        }
        out.push(']');
    });
    out.push_str(",\"headers\":");
    let state = |toggle: Toggle| match toggle {
        Toggle::Off => "0",
        Toggle::Mixed => "1",
        Toggle::Pressed => "2",
    };
    push_array(out, &list.headers, |out, header| {
        out.push('[');
        push_decimal(out, header.before);
        out.push(',');
        push_decimal(out, header.module as usize);
        out.push(',');
        push_string(out, &header.name);
        for number in [header.chosen, header.count] {
            out.push(',');
            push_decimal(out, number);
        }
        out.push(',');
        match header.matches {
            Some(matches) => push_decimal(out, matches),
            None => out.push_str("-1"),
        }
        out.extend([",", state(header.state), ","]);
        push_bool(out, header.expanded);
        out.push(',');
        push_array(out, &header.toggles, |out, (scope, display, toggle)| {
            out.push('[');
            push_decimal(out, *scope as usize);
            out.push(',');
            push_string(out, display);
            out.extend([",", state(*toggle), "]"]);
        });
        out.push(',');
        push_decimal(out, header.more);
        out.push(']');
    });
    out.push('}');
}

fn push_scope_refs(out: &mut String, scopes: &[ScopeRef]) {
    push_array(out, scopes, |out, scope| {
        out.push('[');
        push_string(out, &scope.name);
        out.push(',');
        match &scope.display {
            Some(display) => push_string(out, display),
            None => out.push_str("null"),
        }
        out.push(']');
    });
}

fn push_key(out: &mut String, report: &KeyReport) {
    out.push_str("{\"summary\":");
    report.summary.push_json(out);
    out.push_str(",\"missing\":");
    push_scope_refs(out, &report.missing);
    out.push_str(",\"unneeded\":");
    push_scope_refs(out, &report.unneeded);
    out.push_str(",\"unknown\":[");
    push_strings(out, report.unknown.iter().map(String::as_str), ",");
    out.push_str("],\"runnable\":");
    report.runnable.push_json(out);
    out.push_str(",\"choose\":");
    match &report.choose {
        Some(message) => message.push_json(out),
        None => out.push_str("null"),
    }
    out.push('}');
}

fn push_choice(out: &mut String, choice: &ChoiceView) {
    out.push_str("{\"output\":");
    push_string(out, &choice.output);
    out.push_str(",\"separator\":");
    push_string(out, choice.separator);
    out.push_str(",\"url\":");
    push_string(out, &choice.url);
    out.push_str(",\"notices\":");
    push_messages(out, &choice.notices);
    out.push_str(",\"guide\":");
    push_array(out, &choice.guide, |out, element| {
        out.push('[');
        push_decimal(out, element.element);
        out.push(',');
        push_bool(out, element.hidden);
        out.push(',');
        match &element.badge {
            Some(labels) => push_string(out, labels),
            None => out.push_str("null"),
        }
        out.push(']');
    });
    out.push_str(",\"presets\":");
    push_array(out, &choice.presets, |out, &pressed| push_bool(out, pressed));
    out.push_str(",\"key\":");
    match &choice.key {
        Some(report) => push_key(out, report),
        None => out.push_str("null"),
    }
    out.push_str(",\"changed\":");
    push_bool(out, choice.changed);
    out.push_str(",\"writeUrl\":");
    push_bool(out, choice.write_url);
    out.push('}');
}

impl View {
    /// The view as JSON (see the module's documentation).
    ///
    /// ```
    /// use scope_selector_core::view::{Panel, Setup};
    /// use scope_selector_core::Table;
    /// let loaded = Table::from_json(r#"[{"id":"a","label":"Äpfel","scopes":["x"]}]"#).unwrap();
    /// let setup = Setup { url: "https://d.example/", query: "pf", ..Setup::default() };
    /// let json = Panel::new(loaded, setup, str::to_lowercase).view().to_json();
    /// // "pf" is marked at UTF-16 units 1 to 3 of "Äpfel".
    /// assert!(json.starts_with(r#"{"list":{"total":1,"windowed":false,"start":0,"rowHeight":40,"rows":[[0,"a","Äpfel","x",false,[1,3],[],[]]],"headers":[]}"#));
    /// assert!(json.contains(r#""status":{"code":"status.selected","args":{"chosen":0,"count":1,"shown":1}}"#));
    /// ```
    pub fn to_json(&self) -> String {
        let mut out = String::with_capacity(256 + 128 * self.list.rows.len());
        out.push_str("{\"list\":");
        push_list(&mut out, &self.list);
        out.push_str(",\"status\":");
        self.status.push_json(&mut out);
        out.push_str(",\"choice\":");
        match &self.choice {
            Some(choice) => push_choice(&mut out, choice),
            None => out.push_str("null"),
        }
        out.push('}');
        out
    }
}

impl Opened {
    /// What mounting found, as JSON: `{"presets": [label], "warnings": [message], "guide":
    /// [element], "windowable": bool, "grouped": bool, "problems": bool}`.
    pub fn to_json(&self) -> String {
        let mut out = String::from("{\"presets\":[");
        push_strings(&mut out, self.presets.iter().map(String::as_str), ",");
        out.push_str("],\"warnings\":");
        push_messages(&mut out, &self.warnings);
        out.push_str(",\"guide\":");
        push_array(&mut out, &self.guide, |out, &element| push_decimal(out, element));
        out.push_str(",\"windowable\":");
        push_bool(&mut out, self.windowable);
        out.push_str(",\"grouped\":");
        push_bool(&mut out, self.grouped);
        out.push_str(",\"problems\":");
        push_bool(&mut out, self.problems);
        out.push('}');
        out
    }
}

/// A choice as JSON: `{"actions": [ids], "scopes": [names], "url": text}`.
///
/// ```
/// assert_eq!(scope_selector_core::view::json::choice(&["a"], &["x"], "u"), r#"{"actions":["a"],"scopes":["x"],"url":"u"}"#);
/// ```
pub fn choice(actions: &[&str], scopes: &[&str], url: &str) -> String {
    let mut out = String::from("{\"actions\":[");
    push_strings(&mut out, actions.iter().copied(), ",");
    out.push_str("],\"scopes\":[");
    push_strings(&mut out, scopes.iter().copied(), ",");
    out.push_str("],\"url\":");
    push_string(&mut out, url);
    out.push('}');
    out
}

/// A whole number written by the renderer (a position, or pixels it rounded): digits only.
fn whole(value: &Value) -> Option<usize> {
    let Value::Number(digits) = value else { return None };
    digits.bytes().try_fold(0usize, |sum, digit| {
        digit.is_ascii_digit().then(|| sum.saturating_mul(10).saturating_add(usize::from(digit - b'0')))
    })
}

/// The events of an update, as the renderer writes them: an object whose members each name one,
/// applied in order: `{"search": text}`, `{"toggle": [action, chosen]}`, `{"selectAll": true}`,
/// `{"clear": true}`, `{"select": ids}`, `{"separator": name}`, `{"window": [scrolled, viewport,
/// rowHeight]}` (whole pixels), `{"preset": position}`, `{"key": text}`, `{"runnable": true}`,
/// `{"url": address}`, `{"module": [module, chosen]}`, `{"expand": [module, expanded]}`,
/// `{"scope": [module, scope, pressed]}`, `{"choose": [action]}`. Members it does not know, or of
/// the wrong shape, are skipped.
///
/// ```
/// use scope_selector_core::view::{json::events, Event};
/// assert_eq!(events(r#"{"window":[0,400,40],"search":"jobs"}"#), [
///     Event::Window { scrolled: 0.0, viewport: 400.0, row_height: 40.0 },
///     Event::Search("jobs".into()),
/// ]);
/// assert_eq!(events(r#"{"toggle":[3,true],"nope":1}"#), [Event::Toggle { action: 3, chosen: true }]);
/// assert!(events("not json").is_empty());
/// ```
pub fn events(text: &str) -> Vec<Event> {
    let Ok(value) = Value::parse(text) else { return Vec::new() };
    let text_of = |value: &Value| value.as_str().map(str::to_owned);
    let mut events = Vec::new();
    for (name, value) in value.as_object().unwrap_or_default() {
        let items = value.as_array().unwrap_or_default();
        let event = match name.as_str() {
            "search" => text_of(value).map(Event::Search),
            "toggle" => match items {
                [action, Value::Bool(chosen)] => whole(action)
                    .map(|action| Event::Toggle { action: u32::try_from(action).unwrap_or(u32::MAX), chosen: *chosen }),
                _ => None,
            },
            "selectAll" => Some(Event::SelectAll),
            "clear" => Some(Event::Clear),
            "select" => text_of(value).map(Event::Select),
            "choose" => value.as_array().map(|actions| Event::Choose(actions.iter().filter_map(whole).collect())),
            "separator" => text_of(value).map(Event::Separator),
            "window" => match items {
                [scrolled, viewport, row_height] => match (whole(scrolled), whole(viewport), whole(row_height)) {
                    (Some(scrolled), Some(viewport), Some(row_height)) => Some(Event::Window {
                        scrolled: scrolled as f64,
                        viewport: viewport as f64,
                        row_height: row_height as f64,
                    }),
                    _ => None,
                },
                _ => None,
            },
            "preset" => whole(value).map(Event::Preset),
            "key" => text_of(value).map(Event::Key),
            "runnable" => Some(Event::ChooseRunnable),
            "url" => text_of(value).map(Event::Url),
            "module" | "expand" => match items {
                [module, Value::Bool(on)] => whole(module).map(|module| match name.as_str() {
                    "module" => Event::Module { module, chosen: *on },
                    _ => Event::Expand { module, expanded: *on },
                }),
                _ => None,
            },
            "scope" => match items {
                [module, scope, Value::Bool(pressed)] => match (whole(module), whole(scope)) {
                    (Some(module), Some(scope)) => Some(Event::Scope { module, scope, pressed: *pressed }),
                    _ => None,
                },
                _ => None,
            },
            _ => None,
        };
        events.extend(event);
    }
    events
}

/// A [`Setup`] from the JSON the renderer writes: `{"url", "roots": [key], "at", "guide":
/// [[rootsBefore, kind, attribute]], "presets", "scopeLabels", "query", "groupBy"}`, kind 0 a section or step,
/// 1 a scope item, 2 a badge, whose own scopes (its attribute, or null) are followed by those of
/// the section or step around it (or null); `presets` and `scopeLabels` are the attributes' text
/// or null.
///
/// ```
/// use scope_selector_core::json::Value;
/// use scope_selector_core::view::{json::setup, GuideKind};
/// let value = Value::parse(r#"{"url":"https://d/","roots":["","crm"],"at":1,
///     "guide":[[2,2,"x,y","z"],[2,2,null,"z"]],"presets":null}"#).unwrap();
/// let setup = setup(&value);
/// assert_eq!((setup.url, setup.at, setup.roots.len()), ("https://d/", 1, 2));
/// assert_eq!(setup.guide[0].kind, GuideKind::Badge("x,y"));
/// assert_eq!(setup.guide[1].kind, GuideKind::Badge("z"), "a badge without scopes takes its step's");
/// assert_eq!(setup.presets, None);
/// ```
pub fn setup(value: &Value) -> Setup<'_> {
    let text = |name: &str| value.get(name).and_then(Value::as_str);
    let guide = value.get("guide").and_then(Value::as_array).unwrap_or_default();
    Setup {
        url: text("url").unwrap_or_default(),
        roots: value
            .get("roots")
            .and_then(Value::as_array)
            .unwrap_or_default()
            .iter()
            .filter_map(Value::as_str)
            .collect(),
        at: value.get("at").and_then(whole).unwrap_or(0),
        guide: guide
            .iter()
            .filter_map(|element| {
                let [before, kind, attribute, rest @ ..] = element.as_array()? else { return None };
                Some(GuideInput {
                    roots_before: whole(before)?,
                    kind: match whole(kind)? {
                        0 => GuideKind::Block(attribute.as_str()?),
                        1 => GuideKind::ScopeItem(attribute.as_str()?),
                        // A badge's own scopes, else those of the section or step around it.
                        _ => GuideKind::Badge(
                            attribute.as_str().or_else(|| rest.first().and_then(Value::as_str)).unwrap_or_default(),
                        ),
                    },
                })
            })
            .collect(),
        presets: text("presets"),
        scope_labels: text("scopeLabels"),
        query: text("query").unwrap_or_default(),
        group_by_module: text("groupBy").is_some_and(|value| value.trim().eq_ignore_ascii_case("module")),
    }
}
