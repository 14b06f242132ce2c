//! Substring search for the search index: where a query word first occurs in a byte string.
//!
//! In the wasm build (compiled with SIMD128) sixteen candidate positions are tested at once: a
//! position can start a match only if its byte equals the word's first byte and the byte
//! `len - 1` further on equals the word's last byte; only those candidates are compared in full.
//! Elsewhere (native builds and tests) the same question is answered one position at a time.

/// The first position where `word` occurs in `text`. An empty word occurs at 0.
///
/// ```
/// use scope_selector_core::find::find;
/// assert_eq!(find(b"list jobs", b"jobs"), Some(5));
/// assert_eq!(find(b"list jobs", b"offer"), None);
/// ```
pub fn find(text: &[u8], word: &[u8]) -> Option<usize> {
    let (&first, &last) = match (word.first(), word.last()) {
        (Some(first), Some(last)) => (first, last),
        _ => return Some(0),
    };
    let last_start = text.len().checked_sub(word.len())?;
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    if word.len() == 1 {
        return simd::find_byte(text, first);
    }
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
    use core::arch::wasm32::{u8x16_bitmask, u8x16_eq, u8x16_splat, v128, v128_and, v128_load};

    /// Sixteen bytes from `bytes[at..]`.
    fn load(bytes: &[u8], at: usize) -> Option<v128> {
        let block = bytes.get(at..at + 16)?;
        // SAFETY: `block` holds 16 readable bytes; `v128_load` has no alignment requirement.
        Some(unsafe { v128_load(block.as_ptr().cast()) })
    }

    /// The first position of `byte` in `text` (the first letter a reader types): sixteen bytes
    /// per step, the tail as one more block overlapping the last one.
    pub fn find_byte(text: &[u8], byte: u8) -> Option<usize> {
        let wanted = u8x16_splat(byte);
        let hits = |at: usize| load(text, at).map(|block| u8x16_bitmask(u8x16_eq(block, wanted)));
        let mut at = 0;
        while let Some(mask) = hits(at) {
            if mask != 0 {
                return Some(at + mask.trailing_zeros() as usize);
            }
            at += 16;
        }
        match text.len().checked_sub(16) {
            // Positions before `at` were tested already (and held no match).
            Some(block) => hits(block)
                .map(|mask| mask.checked_shr((at - block) as u32).unwrap_or(0))
                .filter(|&mask| mask != 0)
                .map(|mask| at + mask.trailing_zeros() as usize),
            None => text.iter().position(|&have| have == byte),
        }
    }

    /// Tests blocks of sixteen start positions up to `last_start`: `Ok` with the first match, or
    /// `Err` with the first position the blocks did not cover.
    pub fn find_from(text: &[u8], word: &[u8], first: u8, last: u8, last_start: usize) -> Result<usize, usize> {
        let (first, last) = (u8x16_splat(first), u8x16_splat(last));
        // The 16-bit mask of start positions `at..at + 16` whose first and last bytes match.
        let candidates = |at: usize| -> Option<u16> {
            let (starts, ends) = (load(text, at)?, load(text, at + word.len() - 1)?);
            Some(u8x16_bitmask(v128_and(u8x16_eq(starts, first), u8x16_eq(ends, last))))
        };
        let matching = |at: usize, mut mask: u16| -> Option<usize> {
            while mask != 0 {
                let start = at + mask.trailing_zeros() as usize;
                if text.get(start..start + word.len()) == Some(word) {
                    return Some(start);
                }
                mask &= mask - 1;
            }
            None
        };
        let mut at = 0;
        while at + 16 <= last_start + 1 {
            let Some(mask) = candidates(at) else { break };
            if let Some(start) = matching(at, mask) {
                return Ok(start);
            }
            at += 16;
        }
        // The remaining start positions: one more block ending at the last one, overlapping the
        // blocks already tested (their positions are masked out), instead of a byte-by-byte tail.
        if at <= last_start && last_start >= 15 {
            let block = last_start - 15;
            if let Some(mask) = candidates(block) {
                let tested = (at - block) as u32;
                return matching(block, mask & (u16::MAX << tested)).ok_or(last_start + 1);
            }
        }
        Err(at)
    }
}
