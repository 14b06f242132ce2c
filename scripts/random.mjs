// A small seeded pseudo-random source (mulberry32), for the benchmark's generated tables and the
// property tests: the same seed gives the same sequence, so a run can be repeated exactly.

/** A function giving numbers in [0, 1), determined by `seed`. */
export function seededRandom(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
