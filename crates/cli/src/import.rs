//! `import`: a spec file in, an action table out, through the import crate (which holds every
//! rule); here only the file, the options and what standard error says.

use scope_selector_import::{import, ImportError, Imported, Options, MAX_INPUT_BYTES};
use std::io::Read as _;

/// The most warnings printed one by one (a spec split into many files has a `$ref` per schema).
const MAX_WARNINGS: usize = 10;

/// A spec file's text, read no further than the importer's size limit.
pub fn read_spec(path: &str) -> Result<String, String> {
    let file = std::fs::File::open(path).map_err(|error| format!("cannot read {path}: {error}"))?;
    let mut bytes = Vec::new();
    // One byte past the limit is enough to know the file is over it.
    file.take(MAX_INPUT_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|error| format!("cannot read {path}: {error}"))?;
    if bytes.len() > MAX_INPUT_BYTES {
        let size = std::fs::metadata(path).map(|meta| meta.len() as usize).unwrap_or(bytes.len());
        return Err(format!("{path}: {}", ImportError::TooLarge { size }.message()));
    }
    String::from_utf8(bytes)
        .map_err(|error| format!("{path}: not UTF-8 text (byte {})", error.utf8_error().valid_up_to()))
}

/// Imports `path` with `options`; the error is the message for standard error.
pub fn import_file(path: &str, options: &Options) -> Result<Imported, String> {
    let text = read_spec(path)?;
    import(&text, options).map_err(|error| format!("{path}: {}", error.message()))
}

/// The command: writes the table to `out` (standard output when `None`) and the chosen scheme,
/// warnings and counts to standard error.
pub fn run(spec: &str, out: Option<&str>, options: &Options) -> Result<(), String> {
    let imported = import_file(spec, options)?;
    for warning in imported.warnings.iter().take(MAX_WARNINGS) {
        eprintln!("scope-selector: warning: {spec}: {}", warning.message());
    }
    if imported.warnings.len() > MAX_WARNINGS {
        eprintln!("scope-selector: warning: {spec}: {} more warnings", imported.warnings.len() - MAX_WARNINGS);
    }
    eprintln!("scope-selector: security scheme \"{}\" ({})", imported.scheme, imported.reason.message());
    eprintln!("scope-selector: {}", summary(&imported));
    match out {
        Some(path) => std::fs::write(path, &imported.json).map_err(|error| format!("cannot write {path}: {error}"))?,
        None => {
            use std::io::Write as _;
            // A reader that has gone (`| head`) is not an error of the import.
            let _ = std::io::stdout().write_all(imported.json.as_bytes());
        }
    }
    Ok(())
}

/// `N operations read, K kept, D dropped (counts per reason)`.
fn summary(imported: &Imported) -> String {
    let dropped: usize = imported.dropped.iter().map(|(_, count)| count).sum();
    let mut line = format!("{} operations read, {} kept, {dropped} dropped", imported.read, imported.kept);
    if dropped > 0 {
        let reasons: Vec<String> =
            imported.dropped.iter().map(|(reason, count)| format!("{count} {}", reason.message())).collect();
        line.push_str(&format!(" ({})", reasons.join(", ")));
    }
    line
}
