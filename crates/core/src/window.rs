//! Which rows of the action list to put in the page: all of a short list, only those in view
//! (plus a margin) of a long one.

use core::ops::Range;

/// Lists up to this long are rendered whole (find-in-page and tabbing see every row).
///
/// ```
/// use scope_selector_core::window::{is_windowed, RENDER_ALL_UP_TO};
/// assert!(!is_windowed(RENDER_ALL_UP_TO));
/// ```
pub const RENDER_ALL_UP_TO: usize = 200;

/// Rows rendered above and below the visible ones, so tabbing and scrolling find a row ready.
///
/// ```
/// use scope_selector_core::window::{rows_to_render, OVERSCAN};
/// assert_eq!(rows_to_render(1000, 0.0, 400.0, 40.0), 0..(11 + OVERSCAN));
/// ```
pub const OVERSCAN: usize = 8;

/// Whether a list of `len` rows is long enough to render only the rows in view.
///
/// ```
/// use scope_selector_core::window::is_windowed;
/// assert!(is_windowed(100_000) && !is_windowed(137));
/// ```
pub fn is_windowed(len: usize) -> bool {
    len > RENDER_ALL_UP_TO
}

/// The rows to render for a list of `len` rows of `row_height` pixels, scrolled by `scroll_top`
/// within a viewport `viewport` pixels tall.
///
/// ```
/// use scope_selector_core::window::rows_to_render;
/// assert_eq!(rows_to_render(137, 500.0, 240.0, 40.0), 0..137, "short lists render whole");
/// assert_eq!(rows_to_render(1000, 4000.0, 240.0, 40.0), 92..115);
/// ```
pub fn rows_to_render(len: usize, scroll_top: f64, viewport: f64, row_height: f64) -> Range<usize> {
    if !is_windowed(len) || row_height.is_nan() || row_height <= 0.0 {
        return 0..len;
    }
    // Float-to-integer casts truncate, which is `floor` for these non-negative values (`f64::floor`
    // and `ceil` are not in `core`).
    let first = (scroll_top.max(0.0) / row_height) as usize;
    let in_view = viewport.max(0.0) / row_height;
    let shown = in_view as usize + usize::from((in_view as usize as f64) < in_view) + 1;
    let start = first.saturating_sub(OVERSCAN).min(len);
    let end = first.saturating_add(shown + OVERSCAN).min(len);
    start..end.max(start)
}
