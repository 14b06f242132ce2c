//! The query of a URL, as far as guide URLs need it: a widget's two parameters are read and
//! written the way `URLSearchParams` reads and writes them (WHATWG
//! `application/x-www-form-urlencoded`: `+` for a space, `%XX` for every byte outside
//! `A–Z a–z 0–9 * - . _`), and every other part of the URL is kept exactly as written.
//!
//! Hand-written rather than the `form_urlencoded` crate: the core depends on serde only, and the
//! browser build, the CLI and the JS helpers all carry these few lines (byte loops, no char
//! pattern searchers, which keeps them small in the wasm).

/// A URL cut into the part before its query, its query (without `?`) and its fragment (with `#`).
pub(crate) struct Parts<'a> {
    pub before: &'a str,
    pub query: &'a str,
    pub fragment: &'a str,
}

/// Where `byte` first occurs in `text`.
fn position(text: &str, byte: u8) -> Option<usize> {
    text.bytes().position(|have| have == byte)
}

pub(crate) fn split(url: &str) -> Parts<'_> {
    let (rest, fragment) = url.split_at(position(url, b'#').unwrap_or(url.len()));
    match position(rest, b'?') {
        Some(at) => Parts { before: &rest[..at], query: &rest[at + 1..], fragment },
        None => Parts { before: rest, query: "", fragment },
    }
}

/// The `name=value` pairs of a query, as written.
pub(crate) fn pairs(query: &str) -> impl Iterator<Item = &str> {
    crate::text::pieces(query, b'&').filter(|pair| !pair.is_empty())
}

/// A pair's name and value, decoded.
pub(crate) fn name_and_value(pair: &str) -> (String, String) {
    match position(pair, b'=') {
        Some(at) => (decode(&pair[..at]), decode(&pair[at + 1..])),
        None => (decode(pair), String::new()),
    }
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
    lossy_utf8(&out)
}

/// `bytes` as text, each maximal invalid sequence replaced by one U+FFFD (what
/// `String::from_utf8_lossy` and browsers' URL decoding do), written with `str::from_utf8`, which
/// the reader links anyway: `from_utf8_lossy`'s chunk iterator added about 500 bytes of code to the
/// wasm (about 300 gzipped).
fn lossy_utf8(mut bytes: &[u8]) -> String {
    let mut text = String::with_capacity(bytes.len());
    loop {
        match std::str::from_utf8(bytes) {
            Ok(valid) => {
                text.push_str(valid);
                return text;
            }
            Err(error) => {
                let (valid, rest) = bytes.split_at(error.valid_up_to());
                text.push_str(std::str::from_utf8(valid).unwrap_or_default());
                text.push('\u{FFFD}');
                bytes = rest.get(error.error_len().unwrap_or(rest.len())..).unwrap_or_default();
            }
        }
    }
}

/// Appends `name=value`, encoded, to a query being written (after a `&` unless it is empty).
pub(crate) fn push_pair(out: &mut String, name: &str, value: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    if !out.is_empty() {
        out.push('&');
    }
    for (at, text) in [name, value].into_iter().enumerate() {
        if at == 1 {
            out.push('=');
        }
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
}

#[cfg(test)]
mod tests {
    #[test]
    fn invalid_utf8_becomes_one_replacement_per_invalid_sequence_as_from_utf8_lossy_makes_it() {
        let samples: [&[u8]; 7] = [
            b"",
            b"abc",
            b"\xFF",
            "é\u{2713}".as_bytes(),
            b"a\xC3\xA9\xFFb\xC3",
            b"\xE2\x9C\xFF\xF0\x9F\x98",
            b"\xED\xA0\x80x",
        ];
        for bytes in samples {
            assert_eq!(super::lossy_utf8(bytes), String::from_utf8_lossy(bytes), "{bytes:?}");
        }
    }

    use super::*;

    #[test]
    fn pairs_decode_like_url_search_params() {
        let decoded: Vec<(String, String)> =
            pairs("q=a%20b+c&&empty&x=%E2%9C%93&bad=%zz&x=%FF").map(name_and_value).collect();
        assert_eq!(decoded[0], ("q".into(), "a b c".into()));
        assert_eq!(decoded[1], ("empty".into(), String::new()));
        assert_eq!(decoded[2].1, "✓");
        assert_eq!(decoded[3].1, "%zz");
        assert_eq!(decoded[4].1, "\u{fffd}");
    }

    #[test]
    fn pairs_are_encoded_like_url_search_params() {
        let mut out = String::new();
        push_pair(&mut out, "a b", "x+y/é*-._~");
        push_pair(&mut out, "k", "");
        assert_eq!(out, "a+b=x%2By%2F%C3%A9*-._%7E&k=");
    }

    #[test]
    fn splits_query_and_fragment() {
        let parts = split("https://h/p?a=1#f?g");
        assert_eq!((parts.before, parts.query, parts.fragment), ("https://h/p", "a=1", "#f?g"));
        let parts = split("https://h/p#x");
        assert_eq!((parts.before, parts.query, parts.fragment), ("https://h/p", "", "#x"));
    }
}
