//! A seeded xorshift generator, for the tests and benches that draw tables from a fixed seed (the
//! same draws on every run and machine, without a dependency).

/// Xorshift64 state; never zero.
pub struct Xorshift(pub u64);

impl Xorshift {
    /// The next draw, below `bound` (which must not be zero).
    pub fn below(&mut self, bound: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % bound as u64) as usize
    }
}
