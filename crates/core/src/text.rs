//! Text for people, built without `core::fmt`: messages are concatenated from pieces and numbers
//! are written by [`push_decimal`], so the wasm build carries none of Rust's formatting machinery
//! (several kilobytes). Types with a message implement `Display` by writing that same text.

/// `n` in decimal digits.
///
/// ```
/// use scope_selector_core::text::decimal;
/// assert_eq!(decimal(8192), "8192");
/// assert_eq!(decimal(0), "0");
/// ```
pub fn decimal(n: usize) -> String {
    let mut out = String::new();
    push_decimal(&mut out, n);
    out
}

/// Appends `n` in decimal digits to `out` (JSON numbers are written straight into their text).
///
/// ```
/// let mut out = String::from("[");
/// scope_selector_core::text::push_decimal(&mut out, 40);
/// assert_eq!(out, "[40");
/// ```
pub fn push_decimal(out: &mut String, n: usize) {
    // Digits are found last first: fill a buffer from its end (20 digits hold any `u64`).
    let mut digits = [b'0'; 20];
    let mut first = digits.len();
    let mut rest = n;
    for slot in digits.iter_mut().rev() {
        *slot = b'0' + (rest % 10) as u8;
        first -= 1;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    out.extend(digits.get(first..).unwrap_or_default().iter().map(|&digit| char::from(digit)));
}

/// The pieces one after another (as `[..].concat()`, without the standard library's overflow
/// check, whose panic message would bring string formatting into the wasm).
///
/// ```
/// use scope_selector_core::text::concat;
/// assert_eq!(concat(&["a", "b", "c"]), "abc");
/// ```
pub fn concat(pieces: &[&str]) -> String {
    join(pieces.iter().copied(), "")
}

/// The pieces with `separator` between them.
///
/// ```
/// use scope_selector_core::text::join;
/// assert_eq!(join(["a", "b"], ", "), "a, b");
/// ```
pub fn join<'a>(pieces: impl IntoIterator<Item = &'a str>, separator: &str) -> String {
    let mut joined = String::new();
    for (at, piece) in pieces.into_iter().enumerate() {
        if at > 0 {
            joined.push_str(separator);
        }
        joined.push_str(piece);
    }
    joined
}

/// The pieces of `text` between the ASCII byte `mark`, as `text.split(mark)` cuts them, found by
/// bytes (each kind of `str` pattern links a searcher of its own).
///
/// ```
/// use scope_selector_core::text::pieces;
/// assert_eq!(pieces("a,,b", b',').collect::<Vec<_>>(), ["a", "", "b"]);
/// assert_eq!(pieces("", b',').collect::<Vec<_>>(), [""]);
/// ```
pub fn pieces(text: &str, mark: u8) -> Pieces<'_> {
    Pieces { rest: Some(text), mark }
}

/// The pieces of a text ([`pieces`]).
#[derive(Debug, Clone)]
pub struct Pieces<'a> {
    /// The text after the last piece returned (`None` once the last piece was).
    rest: Option<&'a str>,
    mark: u8,
}

impl<'a> Iterator for Pieces<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let rest = self.rest?;
        match rest.bytes().position(|byte| byte == self.mark) {
            Some(at) => {
                self.rest = Some(&rest[at + 1..]);
                Some(&rest[..at])
            }
            None => {
                self.rest = None;
                Some(rest)
            }
        }
    }
}
