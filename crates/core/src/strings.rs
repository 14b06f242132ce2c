//! Every text the widget writes, replaceable: the catalogue of keys with their English defaults,
//! the overrides a page gives (`data-guide-strings` JSON, or the `strings` option of `mount`),
//! named placeholders (`{selected}`, `{total}`…) and plural forms chosen by the browser's
//! `Intl.PluralRules` (the caller supplies the plural rule: the core has no locale data).
//! Messages of the core (table errors, link notices) are written through it too, so the CLI's
//! English and the widget's text come from the same place. Keys are documented in
//! `docs/strings.md`; a test checks that every key is there.

use crate::json::{Kind, Value};
use crate::text::concat;
use std::fmt;
use std::rc::Rc;

/// A text of the catalogue: plain, or plural forms chosen by the number in one placeholder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Text {
    /// One form.
    Plain(&'static str),
    /// The English singular and plural, chosen by the placeholder `by`.
    Plural {
        /// The placeholder whose number chooses the form.
        by: &'static str,
        /// The `one` form.
        one: &'static str,
        /// The `other` form.
        other: &'static str,
    },
}

macro_rules! catalogue {
    ($($(#[doc = $doc:literal])* $key:ident $name:literal = $text:expr;)*) => {
        /// A string of the catalogue. See `docs/strings.md` for every key, its placeholders and default.
        ///
        /// ```
        /// use scope_selector_core::strings::Key;
        /// assert_eq!(Key::Copied.name(), "copied");
        /// assert_eq!(Key::from_name("copied"), Some(Key::Copied));
        /// ```
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Key {
            $($(#[doc = $doc])* $key,)*
        }

        /// Every key with its JSON name and English default, in [`Key`] order.
        const CATALOGUE: &[(&str, Text)] = &[$(($name, $text),)*];

        impl Key {
            /// Every key, in catalogue order.
            ///
            /// ```
            /// use scope_selector_core::strings::Key;
            /// assert!(Key::ALL.contains(&Key::Unavailable));
            /// ```
            pub const ALL: &'static [Key] = &[$(Key::$key,)*];
        }
    };
}

use Text::{Plain, Plural};

catalogue! {
    /// The status line while the search shows every action. `{selected}`, `{total}`.
    Status "status" = Plural { by: "total", one: "{selected} of {total} action selected", other: "{selected} of {total} actions selected" };
    /// The status line while searching. `{selected}`, `{total}`, `{shown}`.
    StatusFiltered "statusFiltered" = Plural { by: "total", one: "{selected} of {total} action selected · {shown} shown", other: "{selected} of {total} actions selected · {shown} shown" };
    /// The accessible name of the action list.
    ListLabel "listLabel" = Plain("Actions");
    /// The accessible name given to a search box the markup left unnamed.
    SearchLabel "searchLabel" = Plain("Search actions");
    /// The accessible name given to a URL field the markup left unnamed.
    UrlLabel "urlLabel" = Plain("Dynamic guide URL");
    /// The accessible name given to a separator menu the markup left unnamed.
    SeparatorLabel "separatorLabel" = Plain("Separator");
    /// Copy feedback: copied.
    Copied "copied" = Plain("Copied");
    /// Copy feedback: the browser refused, the text is selected instead.
    CopyBlocked "copyBlocked" = Plain("Copy blocked: press Ctrl+C (⌘C)");
    /// Copy feedback: nothing is chosen yet.
    NothingToCopy "nothingToCopy" = Plain("Nothing to copy yet");
    /// The panel's alert when its table or markup is wrong. `{reason}`.
    Failed "failed" = Plain("The action selector could not start: {reason}.");
    /// The panel's alert when the module cannot load in this browser.
    Unavailable "unavailable" = Plain("The action selector is unavailable in this browser right now. Every step of the guide below still applies.");
    /// A panel without a table. `{attribute}`.
    NoTable "noTable" = Plain("the {attribute} attribute is missing");
    /// Two widgets own the same link parameter. `{parameter}`.
    ParamCollision "paramCollision" = Plain("another widget on this page also uses the link parameter \"{parameter}\"; give each widget its own key");
    /// Link notice. `{count}`.
    LinkUnknownActions "linkUnknownActions" = Plural { by: "count", one: "{count} action in the link was not found in this guide", other: "{count} actions in the link were not found in this guide" };
    /// Link notice. `{parameter}`.
    LinkRepeated "linkRepeated" = Plain("the link repeats \"{parameter}\"; its values were combined");
    /// Link notice. `{parameter}`, `{max}`.
    LinkTooLong "linkTooLong" = Plain("the link's \"{parameter}\" is longer than {max} characters and was ignored");
    /// Link notice. `{name}`.
    LinkUnknownSeparator "linkUnknownSeparator" = Plain("unknown separator \"{name}\" in the link; using space");
    /// The choice cannot be written into a link. `{max}`.
    ChoiceTooLarge "choiceTooLarge" = Plain("the choice is too large for a link (over {max} characters); the URL leaves it out");
    /// Table error. `{detail}` (a JSON problem, below).
    TableNotJson "tableNotJson" = Plain("the action table is not valid JSON ({detail})");
    /// Table error. `{kind}`.
    TableNotArray "tableNotArray" = Plain("the action table must be a JSON array, found {kind}");
    /// Table error, for an object without `actions`. `{kind}`.
    TableNotArrayOrObject "tableNotArrayOrObject" = Plain("the action table must be a JSON array (or an object with an \"actions\" array), found {kind}");
    /// Table error.
    TableEmpty "tableEmpty" = Plain("the action table has no actions");
    /// Table error: one entry. `{index}`, `{problem}` (an entry problem, below).
    Entry "entry" = Plain("action at index {index}: {problem}");
    /// Entry problem. `{kind}`.
    EntryNotObject "entryNotObject" = Plain("must be an object, found {kind}");
    /// Entry problem. `{field}`.
    EntryMissing "entryMissing" = Plain("{field} is missing");
    /// Entry problem. `{field}`, `{kind}`.
    EntryNotString "entryNotString" = Plain("{field} must be a string, found {kind}");
    /// Entry problem. `{kind}`.
    EntryScopesNotArray "entryScopesNotArray" = Plain("\"scopes\" must be an array of strings, found {kind}");
    /// Entry problem. `{position}`, `{kind}`.
    EntryScopeNotString "entryScopeNotString" = Plain("\"scopes\"[{position}] must be a string, found {kind}");
    /// Entry problem.
    EntryEmptyId "entryEmptyId" = Plain("\"id\" is empty");
    /// Entry problem.
    EntryIdSeparator "entryIdSeparator" = Plain("\"id\" must not contain spaces or commas");
    /// Table notice. `{index}`, `{id}`, `{first}`.
    DuplicateId "duplicateId" = Plain("action at index {index} repeats the id \"{id}\" of index {first} and was left out");
    /// Table notice. `{index}`, `{position}`.
    BlankScope "blankScope" = Plain("action at index {index}: blank \"scopes\"[{position}] was left out");
    /// Table notice. `{kind}`.
    ScopeLabelsNotObject "scopeLabelsNotObject" = Plain("\"scopeLabels\" must be an object, found {kind}; it was ignored");
    /// Table notice. `{scope}`, `{kind}`.
    ScopeLabelNotString "scopeLabelNotString" = Plain("\"scopeLabels\" of \"{scope}\" must be a string, found {kind}; it was left out");
    /// Table notice. `{scope}`.
    BlankScopeLabel "blankScopeLabel" = Plain("\"scopeLabels\" of \"{scope}\" is blank and was left out");
    /// A JSON value's kind.
    KindNull "kindNull" = Plain("null");
    /// A JSON value's kind.
    KindBoolean "kindBoolean" = Plain("a boolean");
    /// A JSON value's kind.
    KindNumber "kindNumber" = Plain("a number");
    /// A JSON value's kind.
    KindString "kindString" = Plain("a string");
    /// A JSON value's kind.
    KindArray "kindArray" = Plain("an array");
    /// A JSON value's kind.
    KindObject "kindObject" = Plain("an object");
    /// Where a JSON problem is. `{problem}`, `{line}`, `{column}`.
    JsonAt "jsonAt" = Plain("{problem} at line {line}, column {column}");
    /// JSON problem.
    JsonEmpty "jsonEmpty" = Plain("the text is empty");
    /// JSON problem.
    JsonEndsEarly "jsonEndsEarly" = Plain("the text ends where a value was expected");
    /// JSON problem.
    JsonValue "jsonValue" = Plain("expected a value");
    /// JSON problem.
    JsonString "jsonString" = Plain("expected a string");
    /// JSON problem.
    JsonControl "jsonControl" = Plain("a control character must be escaped in a string");
    /// JSON problem.
    JsonUnclosedString "jsonUnclosedString" = Plain("the text ends inside a string");
    /// JSON problem.
    JsonEscape "jsonEscape" = Plain("unknown escape in a string");
    /// JSON problem.
    JsonHex "jsonHex" = Plain("expected four hex digits after \\u");
    /// JSON problem.
    JsonFraction "jsonFraction" = Plain("expected digits after the decimal point");
    /// JSON problem.
    JsonExponent "jsonExponent" = Plain("expected digits in the exponent");
    /// JSON problem.
    JsonArray "jsonArray" = Plain("expected an array");
    /// JSON problem.
    JsonObject "jsonObject" = Plain("expected an object");
    /// JSON problem.
    JsonUnclosedArray "jsonUnclosedArray" = Plain("the text ends inside an array");
    /// JSON problem.
    JsonItem "jsonItem" = Plain("expected ',' or ']' after an array item");
    /// JSON problem.
    JsonUnclosedObject "jsonUnclosedObject" = Plain("the text ends inside an object");
    /// JSON problem.
    JsonMember "jsonMember" = Plain("expected ',' or '}' after an object member");
    /// JSON problem.
    JsonKey "jsonKey" = Plain("expected a key (a string)");
    /// JSON problem.
    JsonColon "jsonColon" = Plain("expected ':' after a key");
    /// JSON problem.
    JsonTrailing "jsonTrailing" = Plain("unexpected text after the value");
    /// A separator's name in the separator menu: space.
    SeparatorSpace "separatorSpace" = Plain("Space");
    /// A separator's name: comma.
    SeparatorComma "separatorComma" = Plain("Comma");
    /// A separator's name: semicolon.
    SeparatorSemicolon "separatorSemicolon" = Plain("Semicolon");
    /// A separator's name: pipe.
    SeparatorPipe "separatorPipe" = Plain("Pipe");
    /// A separator's name: new line.
    SeparatorNewline "separatorNewline" = Plain("New line");
}

impl Key {
    /// The key's name in `data-guide-strings` JSON.
    ///
    /// ```
    /// use scope_selector_core::strings::Key;
    /// assert_eq!(Key::StatusFiltered.name(), "statusFiltered");
    /// ```
    pub fn name(self) -> &'static str {
        CATALOGUE.get(self as usize).map_or("", |(name, _)| *name)
    }

    /// The key's English default.
    ///
    /// ```
    /// use scope_selector_core::strings::{Key, Text};
    /// assert_eq!(Key::Copied.default_text(), Text::Plain("Copied"));
    /// ```
    pub fn default_text(self) -> Text {
        CATALOGUE.get(self as usize).map_or(Text::Plain(""), |(_, text)| *text)
    }

    /// The key with this JSON name.
    ///
    /// ```
    /// use scope_selector_core::strings::Key;
    /// assert_eq!(Key::from_name("nope"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<Key> {
        Key::ALL.iter().copied().find(|key| key.name() == name)
    }
}

/// The CLDR plural categories a replacement may give, as `Intl.PluralRules` names them.
pub const PLURAL_CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

/// A page's replacement for one key: one form, or forms by plural category.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Replacement {
    Plain(String),
    /// `(category, text)` pairs; `other` is required.
    Plural(Vec<(String, String)>),
}

/// The English plural rule, for the CLI and tests (the browser passes `Intl.PluralRules`).
///
/// ```
/// use scope_selector_core::strings::english_plural;
/// assert_eq!((english_plural(1), english_plural(0), english_plural(2)), ("one", "other", "other"));
/// ```
pub fn english_plural(count: usize) -> &'static str {
    if count == 1 {
        "one"
    } else {
        "other"
    }
}

/// The strings of one widget: the defaults with a page's replacements, and the plural rule of
/// the page's language (English when none is given).
///
/// ```
/// use scope_selector_core::strings::{Key, Strings};
/// let (mut strings, problems) = Strings::from_json(r#"{"copied": "Kopiert", "status": {"one": "{selected} von {total} Aktion", "other": "{selected} von {total} Aktionen"}}"#);
/// assert!(problems.is_empty());
/// assert_eq!(strings.text(Key::Copied, &[]), "Kopiert");
/// strings.set_plural_rule(|count| if count == 1 { "one".into() } else { "other".into() });
/// assert_eq!(strings.text(Key::Status, &[("selected", "2"), ("total", "5")]), "2 von 5 Aktionen");
/// ```
#[derive(Clone, Default)]
pub struct Strings {
    replacements: Vec<(Key, Replacement)>,
    plural: Option<Rc<dyn Fn(usize) -> String>>,
}

impl fmt::Debug for Strings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Strings").field("replacements", &self.replacements).finish_non_exhaustive()
    }
}

/// Something wrong in a page's strings JSON; the default is used instead.
///
/// ```
/// use scope_selector_core::strings::Strings;
/// let (_, problems) = Strings::from_json(r#"{"copyed": "Kopiert", "copied": 5}"#);
/// let messages: Vec<String> = problems.iter().map(|problem| problem.message()).collect();
/// assert_eq!(messages, ["unknown string key \"copyed\"", "string \"copied\" must be a string or an object of plural forms with \"other\", found a number"]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StringsProblem {
    /// The text is not JSON, or not an object.
    NotAnObject(String),
    /// A key the catalogue does not have.
    UnknownKey(String),
    /// A value that is neither a string nor an object of plural forms with `other`.
    BadValue {
        /// The key.
        key: String,
        /// What was found.
        found: Kind,
    },
}

impl StringsProblem {
    /// What is wrong (in English: these go to the console and to `check`).
    ///
    /// ```
    /// use scope_selector_core::strings::StringsProblem;
    /// assert_eq!(StringsProblem::UnknownKey("x".into()).message(), "unknown string key \"x\"");
    /// ```
    pub fn message(&self) -> String {
        match self {
            StringsProblem::NotAnObject(detail) => concat(&["the strings must be a JSON object (", detail, ")"]),
            StringsProblem::UnknownKey(key) => concat(&["unknown string key \"", key, "\""]),
            StringsProblem::BadValue { key, found } => concat(&[
                "string \"",
                key,
                "\" must be a string or an object of plural forms with \"other\", found ",
                found.name(),
            ]),
        }
    }
}

impl Strings {
    /// The English defaults.
    ///
    /// ```
    /// use scope_selector_core::strings::{Key, Strings};
    /// assert_eq!(Strings::english().text(Key::ListLabel, &[]), "Actions");
    /// ```
    pub fn english() -> Strings {
        Strings::default()
    }

    /// Reads a page's replacements (`data-guide-strings`): the usable ones, and what was wrong
    /// with the others (their defaults stay).
    ///
    /// ```
    /// use scope_selector_core::strings::Strings;
    /// assert_eq!(Strings::from_json("[]").1.len(), 1);
    /// ```
    pub fn from_json(text: &str) -> (Strings, Vec<StringsProblem>) {
        let mut strings = Strings::default();
        let problems = strings.add_json(text);
        (strings, problems)
    }

    /// Chooses plural forms with `rule` (a count's CLDR category, as `Intl.PluralRules#select`
    /// gives it) instead of the English rule.
    ///
    /// ```
    /// use scope_selector_core::strings::{Key, Strings};
    /// let mut strings = Strings::english();
    /// strings.set_plural_rule(|_| "other".into());
    /// assert_eq!(strings.text(Key::LinkUnknownActions, &[("count", "1")]), "1 actions in the link were not found in this guide");
    /// ```
    pub fn set_plural_rule(&mut self, rule: impl Fn(usize) -> String + 'static) {
        self.plural = Some(Rc::new(rule));
    }

    /// Adds replacements from JSON (later ones win), reporting what could not be used.
    ///
    /// ```
    /// use scope_selector_core::strings::{Key, Strings};
    /// let mut strings = Strings::default();
    /// strings.add_json(r#"{"copied": "Copié"}"#);
    /// strings.add_json(r#"{"copied": "Kopiert"}"#);
    /// assert_eq!(strings.text(Key::Copied, &[]), "Kopiert");
    /// ```
    pub fn add_json(&mut self, text: &str) -> Vec<StringsProblem> {
        let value = match Value::parse(text) {
            Ok(value) => value,
            Err(error) => return vec![StringsProblem::NotAnObject(error.message())],
        };
        let Some(members) = value.as_object() else {
            return vec![StringsProblem::NotAnObject(concat(&["found ", value.kind().name()]))];
        };
        let mut problems = Vec::new();
        for (name, value) in members {
            let Some(key) = Key::from_name(name) else {
                problems.push(StringsProblem::UnknownKey(name.clone()));
                continue;
            };
            let replacement = match value {
                Value::String(text) => Some(Replacement::Plain(text.clone())),
                Value::Object(forms) => {
                    let forms: Vec<(String, String)> = forms
                        .iter()
                        .filter(|(category, _)| PLURAL_CATEGORIES.contains(&category.as_str()))
                        .filter_map(|(category, text)| Some((category.clone(), text.as_str()?.to_owned())))
                        .collect();
                    forms.iter().any(|(category, _)| category == "other").then_some(Replacement::Plural(forms))
                }
                _ => None,
            };
            match replacement {
                Some(replacement) => {
                    self.replacements.retain(|(known, _)| *known != key);
                    self.replacements.push((key, replacement));
                }
                None => problems.push(StringsProblem::BadValue { key: name.clone(), found: value.kind() }),
            }
        }
        problems
    }

    /// The text of `key` with its placeholders filled; a plural text takes the form its count
    /// placeholder (documented per key) chooses.
    ///
    /// ```
    /// use scope_selector_core::strings::{Key, Strings};
    /// let strings = Strings::english();
    /// assert_eq!(strings.text(Key::Failed, &[("reason", "the table is empty")]), "The action selector could not start: the table is empty.");
    /// assert_eq!(strings.text(Key::Status, &[("selected", "0"), ("total", "1")]), "0 of 1 action selected");
    /// ```
    pub fn text(&self, key: Key, args: &[(&str, &str)]) -> String {
        let replacement = self.replacements.iter().find(|(known, _)| *known == key).map(|(_, replacement)| replacement);
        let default = key.default_text();
        let category = || {
            let by = match default {
                Text::Plural { by, .. } => by,
                Text::Plain(_) => "count",
            };
            let count =
                args.iter().find(|(name, _)| *name == by).and_then(|(_, value)| value.parse().ok()).unwrap_or(0);
            match &self.plural {
                Some(rule) => rule(count),
                None => english_plural(count).into(),
            }
        };
        let template: &str = match (default, replacement) {
            (_, Some(Replacement::Plain(text))) => text,
            (Text::Plain(text), None) => text,
            (Text::Plural { one, other, .. }, None) => {
                if category() == "one" {
                    one
                } else {
                    other
                }
            }
            (_, Some(Replacement::Plural(forms))) => {
                let wanted = category();
                let form = forms.iter().find(|(category, _)| *category == wanted);
                let form = form.or_else(|| forms.iter().find(|(category, _)| category == "other"));
                form.map_or("", |(_, text)| text.as_str())
            }
        };
        fill_placeholders(template, args)
    }
}

/// `template` with every `{name}` of `args` replaced by its value (others left as written).
///
/// ```
/// use scope_selector_core::strings::fill_placeholders;
/// assert_eq!(fill_placeholders("{a} and {b} {c}", &[("a", "1"), ("b", "{a}")]), "1 and {a} {c}");
/// ```
pub fn fill_placeholders(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let name_end = after.find('}');
        let value = name_end.and_then(|end| args.iter().find(|(name, _)| *name == &after[..end]));
        match (name_end, value) {
            (Some(end), Some((_, value))) => {
                out.push_str(value);
                rest = &after[end + 1..];
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}
