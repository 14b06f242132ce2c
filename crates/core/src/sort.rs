//! One stable sort for every ordering the core needs (an action's scope ids, badge labels, a pasted
//! key's lookup), all of them as sorts of `u32` indices. It is deliberately not generic: each
//! `sort_by` call site of the standard library adds a few kilobytes of wasm, this one function is
//! shared by all of them.

/// Sorts `items` stably so that `less(a, b)` holds for no `b` placed after `a`.
///
/// A bottom-up merge sort: `O(n log n)` comparisons and one scratch buffer of `n` indices.
///
/// ```
/// use scope_selector_core::sort::sort_indices;
/// let keys = [3, 1, 3, 2];
/// let mut order = [0, 1, 2, 3];
/// sort_indices(&mut order, &mut |a, b| keys[a as usize] < keys[b as usize]);
/// assert_eq!(order, [1, 3, 0, 2]);
/// ```
pub fn sort_indices(items: &mut [u32], less: &mut dyn FnMut(u32, u32) -> bool) {
    let len = items.len();
    if len < 2 {
        return;
    }
    let mut from = items.to_vec();
    let mut into = vec![0; len];
    let mut width = 1;
    while width < len {
        let mut start = 0;
        while start < len {
            let middle = (start + width).min(len);
            let end = (start + 2 * width).min(len);
            let (mut left, mut right) = (start, middle);
            for slot in &mut into[start..end] {
                // Ties take the left run first, which keeps equal items in their original order.
                let take_right = right < end && (left >= middle || less(from[right], from[left]));
                let source = if take_right { &mut right } else { &mut left };
                *slot = from[*source];
                *source += 1;
            }
            start = end;
        }
        core::mem::swap(&mut from, &mut into);
        width *= 2;
    }
    items.copy_from_slice(&from);
}
