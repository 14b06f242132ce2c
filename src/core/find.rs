//! Substring search for the search index: where a query word first occurs in a byte string.
//!
//! In the wasm build (compiled with SIMD128) sixteen candidate positions are tested at once: a
//! position can start a match only if its byte equals the word's first byte and the byte
//! `len - 1` further on equals the word's last byte; only those candidates are compared in full.
//! Elsewhere (native builds and tests) the same question is answered one position at a time.

/// The first position where `word` occurs in `text`. An empty word occurs at 0.
pub fn find(text: &[u8], word: &[u8]) -> Option<usize> {
    let (&first, &last) = match (word.first(), word.last()) {
        (Some(first), Some(last)) => (first, last),
        _ => return Some(0),
    };
    let last_start = text.len().checked_sub(word.len())?;
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    let at = match simd::find_from(text, word, first, last, last_start) {
        Ok(found) => return Some(found),
        Err(resume) => resume,
    };
    #[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
    let at = 0;
    (at..=last_start).find(|&start| {
        text[start] == first && text[start + word.len() - 1] == last && &text[start..start + word.len()] == word
    })
}

#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
mod simd {
    use std::arch::wasm32::{u8x16_bitmask, u8x16_eq, u8x16_splat, v128, v128_and, v128_load};

    /// Sixteen bytes from `bytes[at..]`.
    fn load(bytes: &[u8], at: usize) -> Option<v128> {
        let block = bytes.get(at..at + 16)?;
        // SAFETY: `block` holds 16 readable bytes; `v128_load` has no alignment requirement.
        Some(unsafe { v128_load(block.as_ptr().cast()) })
    }

    /// Tests blocks of sixteen start positions up to `last_start`: `Ok` with the first match, or
    /// `Err` with the first position the blocks did not cover.
    pub fn find_from(text: &[u8], word: &[u8], first: u8, last: u8, last_start: usize) -> Result<usize, usize> {
        let (first, last) = (u8x16_splat(first), u8x16_splat(last));
        let mut at = 0;
        while at + 16 <= last_start + 1 {
            let (Some(starts), Some(ends)) = (load(text, at), load(text, at + word.len() - 1)) else { break };
            let mut candidates = u8x16_bitmask(v128_and(u8x16_eq(starts, first), u8x16_eq(ends, last)));
            while candidates != 0 {
                let start = at + candidates.trailing_zeros() as usize;
                if text.get(start..start + word.len()) == Some(word) {
                    return Ok(start);
                }
                candidates &= candidates - 1;
            }
            at += 16;
        }
        Err(at)
    }
}
