/** A fresh 32-bit seed, for when a caller names none. */
export function randomSeed(): number {
  return Math.floor(Math.random() * 0x1_0000_0000);
}

/**
 * A small deterministic generator (mulberry32): the same seed gives the same sequence of numbers
 * in [0, 1), so a chaos run's faults can be replayed exactly from its printed seed.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 0x1_0000_0000;
  };
}
