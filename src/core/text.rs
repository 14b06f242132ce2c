//! Text for people, built without `core::fmt`: messages are concatenated from pieces and numbers
//! are written by [`decimal`], so the wasm build carries none of Rust's formatting machinery.
//! Types with a message implement `Display` by writing that same text.

use crate::prelude::*;

/// `n` in decimal digits.
pub fn decimal(n: usize) -> String {
    let mut digits = Vec::new();
    let mut rest = n;
    loop {
        digits.push(b'0' + (rest % 10) as u8);
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    digits.iter().rev().map(|&digit| char::from(digit)).collect()
}
