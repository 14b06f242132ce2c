//! The query string of a URL as `URLSearchParams` reads and writes it (WHATWG
//! `application/x-www-form-urlencoded`), so a guide URL built natively is byte for byte the one a
//! browser would build from the same base.
//!
//! Hand-written rather than the `form_urlencoded` crate: the core depends on serde only (so the
//! browser build, the CLI and the JS helpers all carry the same few lines), and these are the
//! whole algorithm: `+` for space, `%XX` for every byte outside `A–Z a–z 0–9 * - . _`.

/// A URL cut into the part before its query, its query (without `?`) and its fragment (with `#`).
pub(crate) struct Parts<'a> {
    pub before: &'a str,
    pub query: Option<&'a str>,
    pub fragment: &'a str,
}

pub(crate) fn split(url: &str) -> Parts<'_> {
    let (rest, fragment) = match url.find('#') {
        Some(at) => url.split_at(at),
        None => (url, ""),
    };
    match rest.split_once('?') {
        Some((before, query)) => Parts { before, query: Some(query), fragment },
        None => Parts { before: rest, query: None, fragment },
    }
}

/// The name–value pairs of a query, decoded, in order.
pub(crate) fn parse(query: &str) -> Vec<(String, String)> {
    query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            (decode(name), decode(value))
        })
        .collect()
}

/// Decodes `+` and `%XX` (an invalid escape stays as written; bytes that are not UTF-8 become
/// U+FFFD).
fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while let Some(&byte) = bytes.get(at) {
        let hex = |offset: usize| bytes.get(at + offset).and_then(|&digit| char::from(digit).to_digit(16));
        match (byte, hex(1), hex(2)) {
            (b'+', ..) => out.push(b' '),
            (b'%', Some(high), Some(low)) => {
                out.push((high * 16 + low) as u8);
                at += 2;
            }
            _ => out.push(byte),
        }
        at += 1;
    }
    String::from_utf8(out).unwrap_or_else(|error| String::from_utf8_lossy(error.as_bytes()).into_owned())
}

/// Appends `text` encoded for a query.
fn encode_into(out: &mut String, text: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for &byte in text.as_bytes() {
        match byte {
            b' ' => out.push('+'),
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'*' | b'-' | b'.' | b'_' => out.push(char::from(byte)),
            _ => {
                out.push('%');
                out.push(char::from(HEX[usize::from(byte >> 4)]));
                out.push(char::from(HEX[usize::from(byte & 15)]));
            }
        }
    }
}

/// The pairs written as a query (without `?`).
pub(crate) fn serialize(pairs: &[(String, String)]) -> String {
    let mut out = String::new();
    for (at, (name, value)) in pairs.iter().enumerate() {
        if at > 0 {
            out.push('&');
        }
        encode_into(&mut out, name);
        out.push('=');
        encode_into(&mut out, value);
    }
    out
}

/// `URLSearchParams.set`: the first pair named `name` gets `value` and the others go; without
/// one, the pair is appended.
pub(crate) fn set(pairs: &mut Vec<(String, String)>, name: &str, value: &str) {
    match pairs.iter().position(|(existing, _)| existing == name) {
        Some(first) => {
            pairs[first].1 = value.into();
            let mut at = 0;
            pairs.retain(|(existing, _)| {
                at += 1;
                at - 1 == first || existing != name
            });
        }
        None => pairs.push((name.into(), value.into())),
    }
}

/// `URLSearchParams.delete`.
pub(crate) fn delete(pairs: &mut Vec<(String, String)>, name: &str) {
    pairs.retain(|(existing, _)| existing != name);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_like_url_search_params() {
        let pairs = parse("q=a%20b+c&empty&x=%E2%9C%93&bad=%zz&actions=a+b");
        assert_eq!(pairs[0], ("q".into(), "a b c".into()));
        assert_eq!(pairs[1], ("empty".into(), String::new()));
        assert_eq!(pairs[2].1, "✓");
        assert_eq!(pairs[3].1, "%zz");
        assert_eq!(serialize(&pairs), "q=a+b+c&empty=&x=%E2%9C%93&bad=%25zz&actions=a+b");
        assert_eq!(parse("x=%FF")[0].1, "\u{fffd}");
    }

    #[test]
    fn set_keeps_the_first_place_and_drops_repeats() {
        let mut pairs = parse("a=1&b=2&a=3");
        set(&mut pairs, "a", "x");
        assert_eq!(serialize(&pairs), "a=x&b=2");
        set(&mut pairs, "c", "y");
        delete(&mut pairs, "b");
        assert_eq!(serialize(&pairs), "a=x&c=y");
    }

    #[test]
    fn splits_query_and_fragment() {
        let parts = split("https://h/p?a=1#f?g");
        assert_eq!((parts.before, parts.query, parts.fragment), ("https://h/p", Some("a=1"), "#f?g"));
        let parts = split("https://h/p#x");
        assert_eq!((parts.before, parts.query, parts.fragment), ("https://h/p", None, "#x"));
    }
}
