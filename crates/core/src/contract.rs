//! The markup contract: every `data-guide-*` attribute a page uses, written once. The build writes
//! them into a module for the JS renderer, which finds elements by them
//! (`examples/js_contract.rs`); the CLI reads pages by them. The reference for page authors is the
//! markup table of docs/contract.md.

/// An attribute of the markup contract.
///
/// ```
/// use scope_selector_core::contract::SEARCH;
/// assert_eq!(SEARCH.name, "data-guide-action-search");
/// assert_eq!(SEARCH.selector(), "[data-guide-action-search]");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Attr {
    /// The attribute's name.
    pub name: &'static str,
    /// A CSS selector matching elements that carry the attribute.
    selector: &'static str,
}

impl Attr {
    /// A CSS selector matching elements that carry the attribute.
    ///
    /// ```
    /// use scope_selector_core::contract::ROOT;
    /// assert_eq!(ROOT.selector(), "[data-guides-scope-selector]");
    /// ```
    pub fn selector(self) -> &'static str {
        self.selector
    }
}

/// An attribute with its selector, both written at compile time.
macro_rules! attr {
    ($name:literal) => {
        Attr { name: $name, selector: concat!("[", $name, "]") }
    };
}

/// The panel root: a widget. Its value is the widget's key (see `guide_url::ParamNames`).
///
/// ```
/// assert_eq!(scope_selector_core::contract::ROOT.selector(), "[data-guides-scope-selector]");
/// ```
pub const ROOT: Attr = attr!("data-guides-scope-selector");
/// On the root: the action table as (HTML-escaped) JSON.
///
/// ```
/// assert_eq!(scope_selector_core::contract::ACTIONS_JSON.selector(), "[data-guide-actions-json]");
/// ```
pub const ACTIONS_JSON: Attr = attr!("data-guide-actions-json");
/// On a `<script type="application/json">` inside the root: the action table as plain JSON, the
/// alternative to [`ACTIONS_JSON`] that needs no HTML escaping (a `<` in the JSON is written `\u003c`).
///
/// ```
/// assert_eq!(scope_selector_core::contract::ACTIONS_SCRIPT.selector(), "[data-guide-actions]");
/// ```
pub const ACTIONS_SCRIPT: Attr = attr!("data-guide-actions");
/// On the root: `light` or `dark` forces the panel's theme. Read by the stylesheet only (without
/// it the panel follows the site's theme toggle, else the reader's system setting).
///
/// ```
/// assert_eq!(scope_selector_core::contract::THEME.selector(), "[data-guide-theme]");
/// ```
pub const THEME: Attr = attr!("data-guide-theme");
/// Set by the widget on the root: `ready`, `failed` or `unavailable`.
///
/// ```
/// assert_eq!(scope_selector_core::contract::STATE.selector(), "[data-guide-state]");
/// ```
pub const STATE: Attr = attr!("data-guide-state");
/// The search box.
///
/// ```
/// assert_eq!(scope_selector_core::contract::SEARCH.selector(), "[data-guide-action-search]");
/// ```
pub const SEARCH: Attr = attr!("data-guide-action-search");
/// Selects the actions the search shows.
///
/// ```
/// assert_eq!(scope_selector_core::contract::SELECT_ALL.selector(), "[data-guide-select-all]");
/// ```
pub const SELECT_ALL: Attr = attr!("data-guide-select-all");
/// Deselects every action.
///
/// ```
/// assert_eq!(scope_selector_core::contract::CLEAR.selector(), "[data-guide-clear]");
/// ```
pub const CLEAR: Attr = attr!("data-guide-clear");
/// The placeholder hidden once the list is built; its parent is the scrolling list.
///
/// ```
/// assert_eq!(scope_selector_core::contract::LOADING.selector(), "[data-guide-loading]");
/// ```
pub const LOADING: Attr = attr!("data-guide-loading");
/// Shown while the search matches nothing.
///
/// ```
/// assert_eq!(scope_selector_core::contract::NO_RESULTS.selector(), "[data-guide-no-results]");
/// ```
pub const NO_RESULTS: Attr = attr!("data-guide-no-results");
/// The dynamic guide URL field.
///
/// ```
/// assert_eq!(scope_selector_core::contract::URL.selector(), "[data-guide-url]");
/// ```
pub const URL: Attr = attr!("data-guide-url");
/// Copies the guide URL.
///
/// ```
/// assert_eq!(scope_selector_core::contract::COPY_URL.selector(), "[data-guide-copy-url]");
/// ```
pub const COPY_URL: Attr = attr!("data-guide-copy-url");
/// Shows the chosen scopes, joined by the separator.
///
/// ```
/// assert_eq!(scope_selector_core::contract::SCOPES_OUTPUT.selector(), "[data-guide-scopes-output]");
/// ```
pub const SCOPES_OUTPUT: Attr = attr!("data-guide-scopes-output");
/// The separator `<select>`.
///
/// ```
/// assert_eq!(scope_selector_core::contract::DELIMITER.selector(), "[data-guide-scope-delimiter]");
/// ```
pub const DELIMITER: Attr = attr!("data-guide-scope-delimiter");
/// Copies the scopes output.
///
/// ```
/// assert_eq!(scope_selector_core::contract::COPY_SCOPES.selector(), "[data-guide-copy-scopes]");
/// ```
pub const COPY_SCOPES: Attr = attr!("data-guide-copy-scopes");
/// A guide section shown or hidden by its `data-guide-scopes`.
///
/// ```
/// assert_eq!(scope_selector_core::contract::SECTION.selector(), "[data-guide-section]");
/// ```
pub const SECTION: Attr = attr!("data-guide-section");
/// A guide step shown or hidden by its `data-guide-scopes`.
///
/// ```
/// assert_eq!(scope_selector_core::contract::STEP.selector(), "[data-guide-step]");
/// ```
pub const STEP: Attr = attr!("data-guide-step");
/// The scopes a section or step is about (comma-separated; empty: always shown).
///
/// ```
/// assert_eq!(scope_selector_core::contract::SCOPES.selector(), "[data-guide-scopes]");
/// ```
pub const SCOPES: Attr = attr!("data-guide-scopes");
/// A scope item, shown while its scope is chosen.
///
/// ```
/// assert_eq!(scope_selector_core::contract::DISPLAY_SCOPE.selector(), "[data-guide-display-scope]");
/// ```
pub const DISPLAY_SCOPE: Attr = attr!("data-guide-display-scope");
/// A button copying its own value.
///
/// ```
/// assert_eq!(scope_selector_core::contract::COPY.selector(), "[data-copy]");
/// ```
pub const COPY: Attr = attr!("data-copy");
/// Set on a copy button for a moment: the result of copying, shown as a bubble.
///
/// ```
/// assert_eq!(scope_selector_core::contract::COPY_FEEDBACK.selector(), "[data-copy-feedback]");
/// ```
pub const COPY_FEEDBACK: Attr = attr!("data-copy-feedback");
/// An "Enables actions" badge.
///
/// ```
/// assert_eq!(scope_selector_core::contract::BADGE.selector(), "[data-guide-actions-badge]");
/// ```
pub const BADGE: Attr = attr!("data-guide-actions-badge");
/// The scopes a badge is about (comma-separated).
///
/// ```
/// assert_eq!(scope_selector_core::contract::BADGE_SCOPES.selector(), "[data-guide-actions-badge-scopes]");
/// ```
pub const BADGE_SCOPES: Attr = attr!("data-guide-actions-badge-scopes");
/// The element of a badge that lists the chosen actions.
///
/// ```
/// assert_eq!(scope_selector_core::contract::BADGE_LABELS.selector(), "[data-guide-actions-badge-labels]");
/// ```
pub const BADGE_LABELS: Attr = attr!("data-guide-actions-badge-labels");

/// On the root: display names of scopes, a JSON object (`{"candidatesRead": "Candidates: Read"}`),
/// used in the key report and the Markdown checklist, never in the copied scopes (see
/// `scope_names`). The table's own `scopeLabels` are used where the page gives none.
///
/// ```
/// assert_eq!(scope_selector_core::contract::SCOPE_LABELS.selector(), "[data-guide-scope-labels]");
/// ```
pub const SCOPE_LABELS: Attr = attr!("data-guide-scope-labels");
/// On the root: `module` groups the list by module, under a header per module with its scope
/// toggles (see `view::groups`), as a table that gives its actions a `group` does; its links
/// then name the modules chosen whole.
///
/// ```
/// assert_eq!(scope_selector_core::contract::GROUP_BY.selector(), "[data-guide-group-by]");
/// ```
pub const GROUP_BY: Attr = attr!("data-guide-group-by");
/// On the root: presets, a JSON list of `{"label", "actions"}` or `{"label", "scopes"}` (see
/// `presets`), shown as buttons that apply them.
///
/// ```
/// assert_eq!(scope_selector_core::contract::PRESETS.selector(), "[data-guide-presets]");
/// ```
pub const PRESETS: Attr = attr!("data-guide-presets");
/// On the root: the panel's own words for some of its texts, a JSON object of catalogue keys and
/// words (`{"copy.copied": "Done"}`, plural forms as an object), over the words of the page's
/// language (`docs/translations.md`).
///
/// ```
/// assert_eq!(scope_selector_core::contract::STRINGS.selector(), "[data-guide-strings]");
/// ```
pub const STRINGS: Attr = attr!("data-guide-strings");
/// Where the preset buttons go (optional: else before the list).
///
/// ```
/// assert_eq!(scope_selector_core::contract::PRESET_LIST.selector(), "[data-guide-preset-list]");
/// ```
pub const PRESET_LIST: Attr = attr!("data-guide-preset-list");
/// A text field where the reader pastes the scopes of a key they have (see `key_check`).
///
/// ```
/// assert_eq!(scope_selector_core::contract::KEY_CHECK.selector(), "[data-guide-key-check]");
/// ```
pub const KEY_CHECK: Attr = attr!("data-guide-key-check");
/// Where the key report goes (optional: else right after the key field).
///
/// ```
/// assert_eq!(scope_selector_core::contract::KEY_REPORT.selector(), "[data-guide-key-report]");
/// ```
pub const KEY_REPORT: Attr = attr!("data-guide-key-report");
/// Copies the scopes to grant as a Markdown checklist (see `export`): the renderer keeps the
/// checklist in this attribute's value, and the shell's copy buttons copy it.
///
/// ```
/// assert_eq!(scope_selector_core::contract::EXPORT_MARKDOWN.selector(), "[data-guide-export-markdown]");
/// ```
pub const EXPORT_MARKDOWN: Attr = attr!("data-guide-export-markdown");
/// Downloads the choice as JSON (`{actions, scopes, url}`).
///
/// ```
/// assert_eq!(scope_selector_core::contract::EXPORT_JSON.selector(), "[data-guide-export-json]");
/// ```
pub const EXPORT_JSON: Attr = attr!("data-guide-export-json");

/// The event a root sends (bubbling) after every change of its choice, with `{actions, scopes,
/// url}` (the renderer sends it).
///
/// ```
/// assert_eq!(scope_selector_core::contract::CHANGE_EVENT, "scope-selector:change");
/// ```
pub const CHANGE_EVENT: &str = "scope-selector:change";

/// The controls a panel root may hold (all optional for the widget).
///
/// ```
/// use scope_selector_core::contract::{CONTROLS, SEARCH};
/// assert!(CONTROLS.contains(&SEARCH));
/// ```
pub const CONTROLS: [Attr; 10] =
    [SEARCH, SELECT_ALL, CLEAR, LOADING, NO_RESULTS, URL, COPY_URL, SCOPES_OUTPUT, DELIMITER, COPY_SCOPES];

/// The controls `scope-selector check` requires of a panel: without the scopes output the reader
/// never sees what to grant.
///
/// ```
/// use scope_selector_core::contract::{REQUIRED, SCOPES_OUTPUT};
/// assert_eq!(REQUIRED, [SCOPES_OUTPUT]);
/// ```
pub const REQUIRED: [Attr; 1] = [SCOPES_OUTPUT];

/// The controls disabled while a panel cannot work.
///
/// ```
/// use scope_selector_core::contract::{DISABLED_ON_FAILURE, SEARCH};
/// assert!(DISABLED_ON_FAILURE.contains(&SEARCH));
/// ```
pub const DISABLED_ON_FAILURE: [Attr; 6] = [SEARCH, SELECT_ALL, CLEAR, COPY_URL, COPY_SCOPES, DELIMITER];

/// The guide elements a widget controls, and the roots (page order decides who controls what).
///
/// ```
/// use scope_selector_core::contract::GUIDE_ELEMENTS;
/// assert!(GUIDE_ELEMENTS.iter().any(|attr| attr.name == "data-guide-step"));
/// ```
pub const GUIDE_ELEMENTS: [Attr; 5] = [ROOT, SECTION, STEP, DISPLAY_SCOPE, BADGE];

/// A selector matching any of `attrs`.
///
/// ```
/// use scope_selector_core::contract::{selector_of, ROOT, STEP};
/// assert_eq!(selector_of(&[ROOT, STEP]), "[data-guides-scope-selector],[data-guide-step]");
/// ```
pub fn selector_of(attrs: &[Attr]) -> String {
    crate::text::join(attrs.iter().map(|attr| attr.selector()), ",")
}
