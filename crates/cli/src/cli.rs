//! The commands: their arguments (clap), what they print and their exit codes.

use crate::page::{is_table, line_of, read_page, Page, Root};
use clap::{Parser, Subcommand, ValueEnum};
use scope_selector_core::contract::{REQUIRED, STRINGS};
use scope_selector_core::guide::unknown_scopes;
use scope_selector_core::guide_url::{collisions, guide_url, read_url, ParamNames, UrlError};
use scope_selector_core::language::{check_strings, resolve, words_in};
use scope_selector_core::least_privilege::{least_privilege, EXACT_LIMIT};
use scope_selector_core::markup::render_panel;
use scope_selector_core::message::english;
use scope_selector_core::modules::unnamed_modules;
use scope_selector_core::presets::{read_presets, PresetProblem};
use scope_selector_core::scope_names::{ScopeNames, ScopeNamesProblem};
use scope_selector_core::table::{read, Reading};
use scope_selector_core::{Separator, Table};
use scope_selector_import::{GroupBy, ImportError, Options};
use serde::Serialize;
use std::process::ExitCode;

/// `println!` that does not panic when the reader of the output has gone (`scope-selector … | head`).
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout(), $($arg)*);
    }};
}

#[derive(Parser)]
#[command(
    name = "scope-selector",
    version,
    about = "Build, read and check scope-selector guide URLs, tables and guide pages"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print the guide URL that chooses these actions.
    Url {
        /// The guide page's address.
        #[arg(long)]
        base: String,
        /// The action ids, separated by commas (or given several times).
        #[arg(long, value_delimiter = ',', required = true)]
        actions: Vec<String>,
        /// The separator the reader will see: space, comma, semicolon, pipe or newline.
        #[arg(long, default_value = "space")]
        separator: String,
        /// The widget's key (its data-guides-scope-selector value; N for the N-th unnamed widget).
        #[arg(long, default_value = "")]
        key: String,
        /// The action table: a JSON file, or a guide page holding it.
        #[arg(long)]
        table: String,
    },
    /// Print the choice a guide URL makes: ids, the scopes to grant and the separator.
    Decode {
        /// The guide URL.
        url: String,
        /// The action table: a JSON file, or a guide page holding it.
        #[arg(long)]
        table: String,
        /// The widget's key.
        #[arg(long, default_value = "")]
        key: String,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Print the scopes to grant for these actions (their least privilege set), in table order.
    Scopes {
        /// The action table: a JSON file, or a guide page holding it.
        #[arg(long)]
        table: String,
        /// The action ids, separated by commas.
        #[arg(long, value_delimiter = ',', required = true)]
        actions: Vec<String>,
        /// The separator: space, comma, semicolon, pipe or newline.
        #[arg(long, default_value = "space")]
        separator: String,
        /// Print the union of the actions' `scopes` (every first alternative) instead, as versions
        /// before alternatives did.
        #[arg(long)]
        union: bool,
    },
    /// Report everything the widget would reject or repair in tables and guide pages.
    Check {
        /// Table JSON files or built guide pages (HTML).
        #[arg(required = true)]
        files: Vec<String>,
        /// How to print the problems.
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
    /// Print the action table of a guide page.
    Extract {
        /// A built guide page (HTML).
        page: String,
        /// The widget whose table to print (its key); the first by default.
        #[arg(long)]
        key: Option<String>,
    },
    /// Print the panel markup for a table (every control, the table escaped into its attribute).
    Render {
        /// The action table: a JSON file, or a guide page holding it.
        #[arg(long)]
        table: String,
        /// The widget's key (empty: an unnamed widget).
        #[arg(long, default_value = "")]
        key: String,
        /// Add the key check and the export buttons (which load the panel's extras).
        #[arg(long)]
        extras: bool,
        /// The language of the panel's texts (a BCP 47 tag, picked as the widget picks the page's:
        /// `de-AT` gives German; a language without built-in words gives English).
        #[arg(long, default_value = "en")]
        lang: String,
    },
    /// Compare two tables, pages or specs: what changed, and which guide URLs would lose actions.
    Diff {
        /// The old table, page or spec (OpenAPI or discovery, imported with the defaults).
        old: String,
        /// The new table, page or spec.
        new: String,
        /// Also fail (exit 1) when an action's label or group changed.
        #[arg(long)]
        strict: bool,
    },
    /// Write the action table of an OpenAPI 2.0, 3.0 or 3.1 document (JSON or YAML) or a Google
    /// discovery document; the chosen scheme, warnings and counts go to standard error.
    Import {
        /// The spec file.
        spec: String,
        /// Write the table to this file instead of standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<String>,
        /// The security scheme whose scopes the table lists (default: the only OAuth 2 / OpenID
        /// Connect scheme, or the one most operations use).
        #[arg(long, value_name = "NAME")]
        scheme: Option<String>,
        /// How to group actions.
        #[arg(long, value_enum, default_value = "tag")]
        group_by: GroupByArg,
        /// Leave deprecated operations out (by default they are kept, their labels marked).
        #[arg(long)]
        skip_deprecated: bool,
    },
}

/// `import --group-by`.
#[derive(Clone, Copy, ValueEnum)]
enum GroupByArg {
    /// The first tag (discovery: the resource path, `users.messages`).
    Tag,
    /// The first path segment (`pets` for `/pets/{petId}`).
    Path,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// `FILE:LINE: error: message`
    Text,
    /// A JSON array of `{file, line, severity, message}`.
    Json,
    /// GitHub Actions annotations.
    Github,
}

/// What went wrong running a command: a message for standard error, and exit code 1.
struct Refused(String);

/// Runs the command line; usage errors exit with clap's code 2.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    match execute(cli.command) {
        Ok(code) => code,
        Err(Refused(message)) => {
            eprintln!("scope-selector: {message}");
            ExitCode::from(1)
        }
    }
}

fn read_file(path: &str) -> Result<String, Refused> {
    std::fs::read_to_string(path).map_err(|error| Refused(format!("cannot read {path}: {error}")))
}

/// The table JSON of a file: the file itself, or the table of a page's root (the one with `key`,
/// else the first).
fn table_json(path: &str, key: Option<&str>) -> Result<String, Refused> {
    let text = read_file(path)?;
    if is_table(&text) {
        return Ok(text);
    }
    let page = read_page(&text).map_err(|error| Refused(format!("{path}: {error}")))?;
    let root = match key {
        Some(key) => page.roots.iter().find(|root| root.key == key.trim()),
        None => page.roots.first(),
    };
    let root = root.ok_or_else(|| {
        Refused(format!(
            "{path}: no panel root{}",
            key.map(|key| format!(" with the key \"{key}\"")).unwrap_or_default()
        ))
    })?;
    root.table
        .clone()
        .ok_or_else(|| Refused(format!("{path}:{}: the panel root has no data-guide-actions-json", root.line)))
}

fn load_table(path: &str, key: Option<&str>) -> Result<Table, Refused> {
    let json = table_json(path, key)?;
    Table::from_json(&json).map(|loaded| loaded.table).map_err(|error| Refused(format!("{path}: {}", error)))
}

fn separator(name: &str) -> Result<Separator, Refused> {
    Separator::from_name(name).ok_or_else(|| Refused(UrlError::UnknownSeparator(name.into()).to_string()))
}

fn execute(command: Command) -> Result<ExitCode, Refused> {
    match command {
        Command::Url { base, actions, separator: name, key, table } => {
            let table = load_table(&table, None)?;
            let ids: Vec<&str> = actions.iter().map(String::as_str).collect();
            let url =
                guide_url(&base, &table, &ids, separator(&name)?, &key).map_err(|error| Refused(error.to_string()))?;
            say!("{url}");
        }
        Command::Decode { url, table, key, json } => {
            let table = load_table(&table, None)?;
            let summary = read_url(&url, &ParamNames::for_key(&key), &table).summary(&table);
            if json {
                let json = serde_json::json!({
                    "actions": summary.actions,
                    "scopes": summary.scopes,
                    "separator": summary.separator,
                    "notices": summary.notices.iter().map(english).collect::<Vec<_>>(),
                });
                say!("{}", serde_json::to_string_pretty(&json).map_err(|error| Refused(error.to_string()))?);
            } else {
                say!("actions: {}", summary.actions.join(" "));
                say!("scopes: {}", summary.scopes.join(" "));
                say!("separator: {}", summary.separator);
                for notice in &summary.notices {
                    say!("notice: {}", english(notice));
                }
            }
        }
        Command::Scopes { table, actions, separator: name, union } => {
            let table = load_table(&table, None)?;
            let (chosen, unknown) = table.ids_to_set(actions.iter().map(String::as_str));
            if !unknown.is_empty() {
                return Err(Refused(
                    UrlError::UnknownActions(unknown.iter().map(|id| id.to_string()).collect()).to_string(),
                ));
            }
            let separator = separator(&name)?;
            let scopes = if union {
                table.scope_union(chosen.iter())
            } else {
                let least = least_privilege(&table, &chosen);
                if !least.exact {
                    eprintln!(
                        "scope-selector: note: too many combinations of alternatives to search them all \
                         (over {EXACT_LIMIT}); these scopes allow every action but may not be the least"
                    );
                }
                least.scopes
            };
            say!("{}", separator.join(table.scope_names(&scopes)));
        }
        Command::Check { files, format } => {
            let mut problems = Vec::new();
            for file in &files {
                problems.extend(check_file(file)?);
            }
            print_problems(&problems, format)?;
            let errors = problems.iter().any(|problem| problem.severity == "error");
            return Ok(if errors { ExitCode::from(1) } else { ExitCode::SUCCESS });
        }
        Command::Extract { page, key } => {
            say!("{}", table_json(&page, key.as_deref())?.trim_end());
        }
        Command::Render { table, key, extras, lang } => {
            let language = resolve(&lang)
                .ok_or_else(|| Refused(format!("--lang \"{lang}\" is not a language tag (such as de or pt-BR)")))?;
            let html = render_panel(&load_table(&table, None)?.to_json(), &key, extras, &words_in(language));
            say!("{}", html.trim_end());
        }
        Command::Diff { old, new, strict } => return diff(&old, &new, strict),
        Command::Import { spec, out, scheme, group_by, skip_deprecated } => {
            let group_by = match group_by {
                GroupByArg::Tag => GroupBy::Tag,
                GroupByArg::Path => GroupBy::Path,
            };
            let options = Options { scheme, group_by, skip_deprecated };
            crate::import::run(&spec, out.as_deref(), &options).map_err(Refused)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// One problem `check` found.
#[derive(Serialize)]
struct Problem {
    file: String,
    line: usize,
    /// `error` (the widget rejects or misbehaves) or `warning` (the widget repairs it).
    severity: &'static str,
    message: String,
}

/// The problems of one table, whose JSON starts at line `first_line` of `file`.
fn table_problems(file: &str, json: &str, first_line: usize, reading: &Reading, problems: &mut Vec<Problem>) {
    let line = |offset: usize| first_line + line_of(json, offset) - 1;
    for error in &reading.errors {
        problems.push(Problem {
            file: file.into(),
            line: line(error.offset),
            severity: "error",
            message: error.value.to_string(),
        });
    }
    for notice in &reading.notices {
        problems.push(Problem {
            file: file.into(),
            line: line(notice.offset),
            severity: "warning",
            message: notice.value.to_string(),
        });
    }
}

/// The modules none of whose scopes has a display name while other modules' scopes do (see
/// `unnamed_modules`), said as warnings.
fn unnamed_module_warnings(table: &Table, names: &ScopeNames) -> Vec<String> {
    unnamed_modules(table, names)
        .into_iter()
        .map(|(module, scopes)| {
            format!(
                "module \"{module}\": none of its scopes ({}) has a display name, while other modules' scopes do",
                scopes.join(", ")
            )
        })
        .collect()
}

fn check_file(file: &str) -> Result<Vec<Problem>, Refused> {
    let text = read_file(file)?;
    let mut problems = Vec::new();
    if is_table(&text) {
        let reading = read(&text);
        table_problems(file, &text, 1, &reading, &mut problems);
        if let Some(table) = &reading.table {
            for message in unnamed_module_warnings(table, &ScopeNames::new(table)) {
                problems.push(Problem { file: file.into(), line: 1, severity: "warning", message });
            }
        }
        return Ok(problems);
    }
    let page = read_page(&text).map_err(|error| Refused(format!("{file}: {error}")))?;
    check_page(file, &page, &mut problems);
    Ok(problems)
}

/// What is wrong with a root's presets and display names of scopes, with its severity: `error`
/// when something the author wrote is left out, `warning` when only names the table lacks are.
fn root_settings_problems(root: &Root, table: &Table) -> Vec<(&'static str, String)> {
    let mut found = Vec::new();
    if let Some(presets) = &root.presets {
        for problem in read_presets(presets, table).1 {
            let severity = if matches!(problem, PresetProblem::Unknown(..)) { "warning" } else { "error" };
            found.push((severity, problem.to_string()));
        }
    }
    if let Some(labels) = &root.scope_labels {
        for problem in ScopeNames::with_page(table, labels).1 {
            let severity = if matches!(problem, ScopeNamesProblem::UnknownScope(_)) { "warning" } else { "error" };
            found.push((severity, problem.to_string()));
        }
    }
    found
}

fn check_page(file: &str, page: &Page, problems: &mut Vec<Problem>) {
    let mut problem = |line: usize, message: String| {
        problems.push(Problem { file: file.into(), line, severity: "error", message });
    };
    let mut tables = Vec::new();
    let mut settings = Vec::new();
    for root in &page.roots {
        let table = match &root.table {
            None => {
                problem(root.line, "the panel root has no data-guide-actions-json table".into());
                None
            }
            Some(json) => {
                let reading = read(json);
                let mut found = Vec::new();
                table_problems(file, json, root.line, &reading, &mut found);
                for found in found {
                    problem(found.line, found.message);
                }
                reading.table
            }
        };
        if let Some(table) = &table {
            for (severity, message) in root_settings_problems(root, table) {
                settings.push(Problem { file: file.into(), line: root.line, severity, message });
            }
            let names = match &root.scope_labels {
                Some(labels) => ScopeNames::with_page(table, labels).0,
                None => ScopeNames::new(table),
            };
            for message in unnamed_module_warnings(table, &names) {
                settings.push(Problem { file: file.into(), line: root.line, severity: "warning", message });
            }
        }
        if let Some(strings) = &root.strings {
            for left_out in check_strings(strings, &root.lang) {
                settings.push(Problem {
                    file: file.into(),
                    line: root.line,
                    severity: "error",
                    message: format!("{}: left out: {left_out}", STRINGS.name),
                });
            }
        }
        for control in REQUIRED {
            if !root.controls.contains(&control) {
                problem(
                    root.line,
                    format!("the panel root has no {} element, so the reader never sees the scopes", control.name),
                );
            }
        }
        tables.push(table);
    }
    let keys: Vec<&str> = page.roots.iter().map(|root| root.key.as_str()).collect();
    for (earlier, later) in collisions(&keys) {
        let names = ParamNames::for_root(keys[later], later);
        problem(
            page.roots[later].line,
            format!(
                "this panel and the one on line {} both own the link parameter \"{}\"; give each its own key",
                page.roots[earlier].line, names.actions
            ),
        );
    }
    for attr in &page.scope_attrs {
        let Some(Some(table)) = attr.root.and_then(|root| tables.get(root)) else { continue };
        for scope in unknown_scopes(table, &attr.value) {
            problem(
                attr.line,
                format!(
                    "{}=\"{}\" names the scope \"{scope}\", which is not in the action table",
                    attr.name, attr.value
                ),
            );
        }
    }
    if page.roots.is_empty() {
        problem(1, "the page has no panel root (data-guides-scope-selector)".into());
    }
    problems.extend(settings);
    let mut sorted: Vec<Problem> = std::mem::take(problems);
    sorted.sort_by_key(|problem| problem.line);
    *problems = sorted;
}

fn print_problems(problems: &[Problem], format: Format) -> Result<(), Refused> {
    match format {
        Format::Text => {
            for problem in problems {
                say!("{}:{}: {}: {}", problem.file, problem.line, problem.severity, problem.message);
            }
        }
        Format::Json => {
            say!("{}", serde_json::to_string_pretty(problems).map_err(|error| Refused(error.to_string()))?)
        }
        Format::Github => {
            for problem in problems {
                // Workflow commands escape %, CR and LF in their message.
                let message = problem.message.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A");
                say!("::{} file={},line={}::{message}", problem.severity, problem.file, problem.line);
            }
        }
    }
    Ok(())
}

/// The table of a file `diff` compares, by its content: text starting with `<` is a guide page;
/// JSON is a spec when it has `openapi`, `swagger` or `discoveryVersion`, else a table; anything
/// else is read as a YAML spec. Specs are imported with `import`'s defaults.
fn table_or_spec(path: &str) -> Result<Table, Refused> {
    let text = crate::import::read_spec(path).map_err(Refused)?;
    let start = text.trim_start_matches('\u{feff}').trim_start();
    if start.starts_with('<') {
        return load_table(path, None);
    }
    match scope_selector_import::import(&text, &Options::default()) {
        Ok(imported) => Table::from_json(&imported.json)
            .map(|loaded| loaded.table)
            .map_err(|error| Refused(format!("{path}: {}", error))),
        Err(ImportError::UnknownFormat | ImportError::Syntax { syntax: "JSON", .. }) if is_table(&text) => {
            load_table(path, None)
        }
        Err(error) => Err(Refused(format!("{path}: {}", error.message()))),
    }
}

/// Compares two tables: added, removed, relabelled, regrouped and rescoped actions; exit 1 when
/// guide URLs made for the old table would lose actions under the new one, and with `strict` also
/// when a label or a group changed.
fn diff(old: &str, new: &str, strict: bool) -> Result<ExitCode, Refused> {
    let (before, after) = (table_or_spec(old)?, table_or_spec(new)?);
    let mut renamed = false;
    let scopes = |table: &Table, index: usize| -> Vec<String> {
        table.action_scopes(index).iter().map(|&scope| table.scope_name(scope as usize).to_owned()).collect()
    };
    // The further alternatives as `[a b] [c]`, each sorted, in order (`[]` for none).
    let alternatives = |table: &Table, index: usize| -> String {
        let sets: Vec<String> = table
            .alternatives(index)
            .skip(1)
            .map(|set| {
                let mut names: Vec<&str> = set.iter().map(|&scope| table.scope_name(scope as usize)).collect();
                names.sort_unstable();
                format!("[{}]", names.join(" "))
            })
            .collect();
        if sets.is_empty() {
            "[]".into()
        } else {
            sets.join(" ")
        }
    };
    let mut removed = Vec::new();
    for index in 0..before.len() {
        let id = before.id(index);
        match after.index_of(id) {
            None => removed.push(id),
            Some(now) => {
                let now = now as usize;
                if before.label(index) != after.label(now) {
                    say!("relabelled {id}: \"{}\" -> \"{}\"", before.label(index), after.label(now));
                    renamed = true;
                }
                if before.group(index) != after.group(now) {
                    say!("regrouped {id}: \"{}\" -> \"{}\"", before.group(index), after.group(now));
                    renamed = true;
                }
                let (mut was, mut is) = (scopes(&before, index), scopes(&after, now));
                was.sort();
                is.sort();
                if was != is {
                    say!("scopes of {id}: {} -> {}", was.join(" "), is.join(" "));
                }
                let (was, is) = (alternatives(&before, index), alternatives(&after, now));
                if was != is {
                    say!("alternatives of {id}: {} -> {}", was, is);
                }
            }
        }
    }
    for index in 0..after.len() {
        if before.index_of(after.id(index)).is_none() {
            say!("added {}", after.id(index));
        }
    }
    for id in &removed {
        say!("removed {id}");
    }
    if removed.is_empty() {
        if strict && renamed {
            say!("labels or groups changed (--strict)");
            return Ok(ExitCode::from(1));
        }
        return Ok(ExitCode::SUCCESS);
    }
    say!(
        "guide URLs made for {old} that choose {} would lose {} under {new}",
        removed.join(", "),
        if removed.len() == 1 { "it" } else { "them" }
    );
    Ok(ExitCode::from(1))
}
