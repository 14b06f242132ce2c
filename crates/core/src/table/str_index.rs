//! A hash index of strings stored elsewhere, for looking up action ids and scope names.
//!
//! Hand-written rather than a `HashMap<String, u32>`: its entries are `u32` keys into strings
//! the table already holds, so no string is stored twice (at 100,000 actions that is megabytes
//! of wasm memory), and it adds no hasher or map code to the wasm.

/// Open addressing with FNV-1a and linear probing, never more than half full, so look-ups and
/// insertions take constant time on average. `name(key)` gives an entry's string.
#[derive(Debug, Clone)]
pub(crate) struct StrIndex {
    slots: Vec<u32>,
    len: usize,
}

/// A free slot of a [`StrIndex`].
const EMPTY_SLOT: u32 = u32::MAX;

impl StrIndex {
    /// An empty index with room for `capacity` entries before it grows.
    pub(crate) fn with_capacity(capacity: usize) -> StrIndex {
        StrIndex { slots: vec![EMPTY_SLOT; (2 * capacity).next_power_of_two().max(64)], len: 0 }
    }

    /// The slot holding the entry whose string is `wanted`, or the free slot where it belongs.
    fn slot<'a>(&self, name: &dyn Fn(u32) -> &'a str, wanted: &str) -> usize {
        let mask = self.slots.len() - 1;
        let hash = wanted.bytes().fold(0x811c_9dc5u32, |hash, byte| (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193));
        let mut slot = hash as usize & mask;
        while self.slots[slot] != EMPTY_SLOT && name(self.slots[slot]) != wanted {
            slot = (slot + 1) & mask;
        }
        slot
    }

    /// The entry whose string is `wanted`.
    pub(crate) fn get<'a>(&self, name: &dyn Fn(u32) -> &'a str, wanted: &str) -> Option<u32> {
        Some(self.slots[self.slot(name, wanted)]).filter(|&key| key != EMPTY_SLOT)
    }

    /// The entry whose string is `wanted`, if there is one; otherwise adds `key` for it (the caller
    /// then stores `wanted` where `name(key)` finds it) and gives `None`.
    pub(crate) fn get_or_insert<'a>(&mut self, name: &dyn Fn(u32) -> &'a str, wanted: &str, key: u32) -> Option<u32> {
        if 2 * (self.len + 1) > self.slots.len() {
            let entries: Vec<u32> = self.slots.iter().copied().filter(|&key| key != EMPTY_SLOT).collect();
            self.slots = vec![EMPTY_SLOT; self.slots.len() * 2];
            for entry in entries {
                let slot = self.slot(name, name(entry));
                self.slots[slot] = entry;
            }
        }
        let slot = self.slot(name, wanted);
        if self.slots[slot] != EMPTY_SLOT {
            return Some(self.slots[slot]);
        }
        self.slots[slot] = key;
        self.len += 1;
        None
    }
}
