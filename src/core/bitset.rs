//! A fixed-size set of small integers, used for chosen actions and for scope unions.

use crate::prelude::*;

/// A set of indices below a fixed bound, one bit each.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BitSet {
    words: Vec<u64>,
    bound: usize,
    count: usize,
}

impl BitSet {
    /// An empty set able to hold indices `0..bound`.
    pub fn new(bound: usize) -> Self {
        BitSet { words: vec![0; bound.div_ceil(64)], bound, count: 0 }
    }

    /// How many indices the set can hold.
    pub fn bound(&self) -> usize {
        self.bound
    }

    /// How many indices are in the set.
    pub fn len(&self) -> usize {
        self.count
    }

    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    pub fn contains(&self, index: usize) -> bool {
        index < self.bound && self.words[index / 64] & (1 << (index % 64)) != 0
    }

    /// Adds or removes `index`; indices out of bounds are ignored.
    pub fn set(&mut self, index: usize, present: bool) {
        if index >= self.bound || self.contains(index) == present {
            return;
        }
        self.words[index / 64] ^= 1 << (index % 64);
        if present {
            self.count += 1;
        } else {
            self.count -= 1;
        }
    }

    pub fn insert(&mut self, index: usize) {
        self.set(index, true);
    }

    pub fn clear(&mut self) {
        self.words.iter_mut().for_each(|word| *word = 0);
        self.count = 0;
    }

    /// The indices in the set, ascending.
    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.words.iter().enumerate().flat_map(|(at, &word)| {
            let mut rest = word;
            core::iter::from_fn(move || {
                (rest != 0).then(|| {
                    let bit = rest.trailing_zeros() as usize;
                    rest &= rest - 1;
                    at * 64 + bit
                })
            })
        })
    }

    /// Whether the two sets share an index.
    pub fn intersects(&self, other: &BitSet) -> bool {
        self.words.iter().zip(&other.words).any(|(a, b)| a & b != 0)
    }
}
