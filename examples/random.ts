/**
 * The seeded random source of the example generator: one fixed seed, so every run draws the same values
 * in the same order and writes byte-identical files.
 */
import type { OsSpec } from './catalog.ts';

/** mulberry32: a tiny, well-distributed 32-bit PRNG, enough for sample data. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = prng(20261126);
export const int = (min: number, max: number): number => min + Math.floor(random() * (max - min + 1));
export const chance = (p: number): boolean => random() < p;
export const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
export const pickOs = (family: readonly OsSpec[]): OsSpec => {
  let roll = random() * family.reduce((sum, os) => sum + os.weight, 0);
  for (const os of family) {
    roll -= os.weight;
    if (roll <= 0) return os;
  }
  return family[family.length - 1] as OsSpec;
};
export const hex = (length: number): string => Array.from({ length }, () => int(0, 15).toString(16)).join('');
