/**
 * The one seeded random source of test data, benches and generated fixtures (mulberry32: tiny and
 * well distributed): the same seed gives the same values in the same order on every machine, so
 * generated files and fuzz cases are reproducible.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
