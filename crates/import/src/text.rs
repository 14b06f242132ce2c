//! Labels and ids from a document's prose: Markdown and HTML stripped, the first sentence, and
//! the id rule.

use scope_selector_core::guide_url::is_id_separator;

/// Plain text from Markdown or HTML: tags removed, the common entities decoded, links and images
/// replaced by their text, emphasis, code and heading marks removed, white space collapsed to
/// single spaces.
///
/// ```
/// use scope_selector_import::text::plain;
/// assert_eq!(plain("**List** the [pets](https://x/pets) <b>you</b> `own` &amp; love"), "List the pets you own & love");
/// ```
pub fn plain(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        let after = &rest[c.len_utf8()..];
        match c {
            // A tag: `<` followed by a letter, `/` or `!`, up to `>`.
            '<' if after.starts_with(|next: char| next.is_ascii_alphabetic() || next == '/' || next == '!') => {
                match after.find('>') {
                    Some(end) => {
                        out.push(' ');
                        rest = &after[end + 1..];
                    }
                    None => {
                        out.push(c);
                        rest = after;
                    }
                }
                continue;
            }
            '&' => {
                let entity =
                    [("amp;", '&'), ("lt;", '<'), ("gt;", '>'), ("quot;", '"'), ("#39;", '\''), ("nbsp;", ' ')]
                        .into_iter()
                        .find(|(name, _)| after.starts_with(name));
                if let Some((name, decoded)) = entity {
                    out.push(decoded);
                    rest = &after[name.len()..];
                    continue;
                }
                out.push(c);
            }
            // `[text](url)` and `![alt](url)` keep their text.
            '[' | '!' if link_text(rest).is_some() => {
                if let Some((inner, end)) = link_text(rest) {
                    out.push_str(inner);
                    rest = &rest[end..];
                    continue;
                }
            }
            '*' | '`' => {}
            // Underscores mark emphasis only at a word's edge (`_word_`), not inside `snake_case`.
            '_' if !(out.ends_with(|prev: char| prev.is_alphanumeric())
                && after.starts_with(|next: char| next.is_alphanumeric())) => {}
            '#' if out.trim_end().is_empty() || out.ends_with('\n') => {}
            c => out.push(c),
        }
        rest = after;
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// For text starting with a Markdown link or image, its text and where the link ends.
fn link_text(text: &str) -> Option<(&str, usize)> {
    let start = if text.starts_with("![") {
        2
    } else if text.starts_with('[') {
        1
    } else {
        return None;
    };
    let close = text[start..].find("](")? + start;
    let end = text[close..].find(')')? + close;
    Some((&text[start..close], end + 1))
}

/// The first sentence of plain text: up to the first `.`, `!` or `?` that ends the text or is
/// followed by white space (that mark removed when it is a full stop).
///
/// ```
/// use scope_selector_import::text::first_sentence;
/// assert_eq!(first_sentence("Lists pets. Paged, v1.2 only."), "Lists pets");
/// assert_eq!(first_sentence("Is it on? Yes."), "Is it on?");
/// ```
pub fn first_sentence(text: &str) -> &str {
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if matches!(c, '.' | '!' | '?') && chars.peek().is_none_or(|(_, next)| next.is_whitespace()) {
            let end = if c == '.' { at } else { at + c.len_utf8() };
            return text[..end].trim_end();
        }
    }
    text
}

/// A label from a summary, else the first sentence of a description, else `fallback`, each with
/// Markdown and HTML stripped (a value left empty by stripping counts as absent).
pub fn label(summary: Option<&str>, description: Option<&str>, fallback: &str) -> String {
    if let Some(summary) = summary.map(plain).filter(|text| !text.is_empty()) {
        return summary;
    }
    if let Some(description) = description.map(plain).filter(|text| !text.is_empty()) {
        return first_sentence(&description).to_owned();
    }
    fallback.to_owned()
}

/// An id valid in a table and a guide URL: each run of white space and commas (the characters
/// that separate ids in a guide URL) becomes one `_`, and `_` at either end is removed; an id left
/// empty is `operation`.
///
/// ```
/// use scope_selector_import::text::valid_id;
/// assert_eq!(valid_id(" list pets, all "), "list_pets_all");
/// assert_eq!(valid_id(" , "), "operation");
/// ```
pub fn valid_id(raw: &str) -> String {
    let mut id = String::with_capacity(raw.len());
    let mut in_gap = false;
    for c in raw.chars() {
        if is_id_separator(c) {
            in_gap = true;
            continue;
        }
        if in_gap && !id.is_empty() {
            id.push('_');
        }
        in_gap = false;
        id.push(c);
    }
    let id = id.trim_matches('_');
    if id.is_empty() {
        "operation".into()
    } else {
        id.to_owned()
    }
}

/// The id of an operation that has none: its method and path, lower case method first, each run
/// of characters other than letters, digits, `-` and `.` made one `_` (`GET /pets/{petId}` gives
/// `get_pets_petId`).
///
/// ```
/// use scope_selector_import::text::fallback_id;
/// assert_eq!(fallback_id("GET", "/pets/{petId}"), "get_pets_petId");
/// ```
pub fn fallback_id(method: &str, path: &str) -> String {
    let mut id = method.to_ascii_lowercase();
    let mut gap = true;
    for c in path.chars() {
        if c.is_alphanumeric() || c == '-' || c == '.' {
            if gap {
                id.push('_');
            }
            gap = false;
            id.push(c);
        } else {
            gap = true;
        }
    }
    valid_id(&id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_stripped_but_plain_text_kept() {
        assert_eq!(plain("Use `snake_case` ids, _not_ <em>spaces</em>"), "Use snake_case ids, not spaces");
        assert_eq!(plain("# Title\n\nBody a < b"), "Title Body a < b");
        assert_eq!(plain("![logo](x.png) and [broken"), "logo and [broken");
        assert_eq!(plain("<p>Line<br/>two</p>"), "Line two");
        assert_eq!(plain("Tom &amp; Jerry &copy;"), "Tom & Jerry &copy;");
    }

    #[test]
    fn labels_fall_back_in_order() {
        assert_eq!(label(Some(" "), Some("Deletes a pet. Irreversible."), "DELETE /pets"), "Deletes a pet");
        assert_eq!(label(Some("<b></b>"), None, "DELETE /pets"), "DELETE /pets");
        assert_eq!(label(Some("**Find** pet"), Some("x"), "y"), "Find pet");
        assert_eq!(first_sentence("No stop at all"), "No stop at all");
        assert_eq!(first_sentence("See https://x.io/a.b for more. Next"), "See https://x.io/a.b for more");
    }

    #[test]
    fn ids_have_no_separators() {
        assert_eq!(valid_id("a\tb\u{a0}c"), "a_b_c");
        assert_eq!(fallback_id("post", "/users/{userId}/messages:send"), "post_users_userId_messages_send");
        assert_eq!(fallback_id("get", "/"), "get");
        for id in [valid_id("x , y"), fallback_id("GET", "/a b/,c")] {
            assert!(!id.is_empty() && !id.chars().any(is_id_separator), "{id}");
        }
    }
}
