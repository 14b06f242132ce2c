//! A fixed-size set of small integers, used for chosen actions and for scope unions.

/// A set of indices below a fixed bound, one bit each.
///
/// ```
/// use scope_selector_core::BitSet;
/// let mut set = BitSet::new(100);
/// set.insert(64);
/// set.insert(3);
/// set.insert(200); // out of bounds: ignored
/// assert_eq!(set.iter().collect::<Vec<_>>(), [3, 64]);
/// assert_eq!(set.len(), 2);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BitSet {
    words: Vec<u64>,
    bound: usize,
    count: usize,
}

impl BitSet {
    /// An empty set able to hold indices `0..bound`.
    ///
    /// ```
    /// # use scope_selector_core::BitSet;
    /// assert!(BitSet::new(10).is_empty());
    /// ```
    pub fn new(bound: usize) -> Self {
        BitSet { words: vec![0; bound.div_ceil(64)], bound, count: 0 }
    }

    /// How many indices the set can hold.
    ///
    /// ```
    /// # use scope_selector_core::BitSet;
    /// assert_eq!(BitSet::new(10).bound(), 10);
    /// ```
    pub fn bound(&self) -> usize {
        self.bound
    }

    /// How many indices are in the set.
    ///
    /// ```
    /// # use scope_selector_core::BitSet;
    /// let mut set = BitSet::new(10);
    /// set.insert(1);
    /// set.insert(1);
    /// assert_eq!(set.len(), 1);
    /// ```
    pub fn len(&self) -> usize {
        self.count
    }

    /// Whether the set holds no index.
    ///
    /// ```
    /// # use scope_selector_core::BitSet;
    /// assert!(BitSet::new(0).is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// Whether `index` is in the set.
    ///
    /// ```
    /// # use scope_selector_core::BitSet;
    /// let mut set = BitSet::new(10);
    /// set.insert(4);
    /// assert!(set.contains(4) && !set.contains(5) && !set.contains(99));
    /// ```
    pub fn contains(&self, index: usize) -> bool {
        index < self.bound && self.words[index / 64] & (1 << (index % 64)) != 0
    }

    /// Adds or removes `index`; indices out of bounds are ignored.
    ///
    /// ```
    /// # use scope_selector_core::BitSet;
    /// let mut set = BitSet::new(10);
    /// set.set(4, true);
    /// set.set(4, false);
    /// assert!(set.is_empty());
    /// ```
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

    /// Adds `index` (ignored when out of bounds).
    ///
    /// ```
    /// # use scope_selector_core::BitSet;
    /// let mut set = BitSet::new(10);
    /// set.insert(9);
    /// assert!(set.contains(9));
    /// ```
    pub fn insert(&mut self, index: usize) {
        self.set(index, true);
    }

    /// Removes every index.
    ///
    /// ```
    /// # use scope_selector_core::BitSet;
    /// let mut set = BitSet::new(10);
    /// set.insert(9);
    /// set.clear();
    /// assert!(set.is_empty());
    /// ```
    pub fn clear(&mut self) {
        self.words.iter_mut().for_each(|word| *word = 0);
        self.count = 0;
    }

    /// The indices in the set, ascending.
    ///
    /// ```
    /// # use scope_selector_core::BitSet;
    /// let mut set = BitSet::new(130);
    /// for index in [129, 0, 64] { set.insert(index); }
    /// assert_eq!(set.iter().collect::<Vec<_>>(), [0, 64, 129]);
    /// ```
    pub fn iter(&self) -> Iter<'_> {
        Iter { words: &self.words, next: 0, base: 0, rest: 0 }
    }

    /// Whether the two sets share an index.
    ///
    /// ```
    /// # use scope_selector_core::BitSet;
    /// let (mut a, mut b) = (BitSet::new(10), BitSet::new(10));
    /// a.insert(1);
    /// b.insert(2);
    /// assert!(!a.intersects(&b));
    /// b.insert(1);
    /// assert!(a.intersects(&b));
    /// ```
    pub fn intersects(&self, other: &BitSet) -> bool {
        self.words.iter().zip(&other.words).any(|(a, b)| a & b != 0)
    }

    /// Whether every index of this set is in `other`.
    ///
    /// ```
    /// # use scope_selector_core::BitSet;
    /// let (mut a, mut b) = (BitSet::new(10), BitSet::new(10));
    /// a.insert(1);
    /// b.insert(1);
    /// b.insert(2);
    /// assert!(a.is_subset(&b) && !b.is_subset(&a));
    /// ```
    pub fn is_subset(&self, other: &BitSet) -> bool {
        self.words.iter().enumerate().all(|(at, &word)| word & !other.words.get(at).copied().unwrap_or(0) == 0)
    }
}

/// The indices of a [`BitSet`], ascending ([`BitSet::iter`]): one small iterator type rather than
/// an adapter chain, which the wasm build would copy into every loop over a set.
#[derive(Debug, Clone)]
pub struct Iter<'a> {
    words: &'a [u64],
    /// The position of the next word to read.
    next: usize,
    /// The index of the current word's lowest bit.
    base: usize,
    /// The current word's bits not returned yet.
    rest: u64,
}

impl Iterator for Iter<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        while self.rest == 0 {
            self.rest = *self.words.get(self.next)?;
            self.base = self.next * 64;
            self.next += 1;
        }
        let bit = self.rest.trailing_zeros() as usize;
        self.rest &= self.rest - 1;
        Some(self.base + bit)
    }
}
