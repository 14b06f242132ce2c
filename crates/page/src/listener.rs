//! An event listener owned by the widget (or the extras): added when created, removed when dropped, so a dropped
//! widget leaves no handler (and no leaked closure) behind. gloo-events' `EventListener` does the
//! same, but needs the standard library, which the wasm build leaves out (see the widget's `src/lib.rs`).

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Event, EventTarget};

/// Removes its listener when dropped.
#[must_use = "the listener is removed when this is dropped"]
pub struct Listener {
    target: EventTarget,
    kind: &'static str,
    callback: Closure<dyn Fn(Event)>,
}

impl Listener {
    /// Calls `handler` for every `kind` event on `target` until the listener is dropped. (`Fn`,
    /// not `FnMut`: an event dispatched from inside a handler, by a page's change callback,
    /// may call it again while it runs.)
    #[inline]
    pub fn new(target: &EventTarget, kind: &'static str, handler: impl Fn(&Event) + 'static) -> Listener {
        let callback = Closure::<dyn Fn(Event)>::new(move |event: Event| handler(&event));
        // Cannot fail: the callback is a function.
        let _ = target.add_event_listener_with_callback(kind, callback.as_ref().unchecked_ref());
        Listener { target: target.clone(), kind, callback }
    }
}

impl Drop for Listener {
    #[inline]
    fn drop(&mut self) {
        let _ = self.target.remove_event_listener_with_callback(self.kind, self.callback.as_ref().unchecked_ref());
    }
}
