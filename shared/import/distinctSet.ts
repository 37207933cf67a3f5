/**
 * The set of distinct values a column profile counts. The CSV profile pass looks cells up by their range in
 * the decoded text, so a value already seen costs no string: only new distinct values are sliced out.
 */

const INITIAL_CAPACITY = 64;

/**
 * A 32-bit hash (FNV-1a over UTF-16 code units) of `text[from, to)`; never 0, which marks an empty slot.
 * The same text hashes the same whether it is a whole string or a range of a larger one.
 */
export function hashRange(text: string, from: number, to: number): number {
  let hash = 0x811c9dc5 ^ (to - from);
  for (let i = from; i < to; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  hash ^= hash >>> 15;
  return hash === 0 ? 1 : hash;
}

function sameRange(value: string, text: string, from: number, to: number): boolean {
  if (value.length !== to - from) return false;
  for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) !== text.charCodeAt(from + i)) return false;
  return true;
}

/** An insert-only set of strings (open addressing, hashes inline) that can be probed with a text range. */
export class DistinctSet {
  private hashes = new Int32Array(INITIAL_CAPACITY);
  /** Value number + 1 per slot (0 = empty). */
  private entries = new Int32Array(INITIAL_CAPACITY);
  private mask = INITIAL_CAPACITY - 1;
  private readonly values: string[] = [];

  /** Distinct values held. */
  get size(): number {
    return this.values.length;
  }

  /** True when `text[from, to)` is in the set; `hash` is its hashRange. */
  hasRange(text: string, from: number, to: number, hash: number): boolean {
    return this.indexOfRange(text, from, to, hash) >= 0;
  }

  /** The number of `text[from, to)` in the set (0-based, in the order values were added), or -1. */
  indexOfRange(text: string, from: number, to: number, hash: number): number {
    const hashes = this.hashes;
    const entries = this.entries;
    const mask = this.mask;
    for (let at = hash & mask; ; at = (at + 1) & mask) {
      const entry = entries[at] as number;
      if (entry === 0) return -1;
      if (hashes[at] === hash && sameRange(this.values[entry - 1] as string, text, from, to))
        return entry - 1;
    }
  }

  /** Adds a value known to be absent; `hash` is its hashRange. Returns its number. */
  add(value: string, hash: number): number {
    const number = this.values.push(value);
    if (number * 2 > this.entries.length) this.grow();
    else this.place(hash, number);
    return number - 1;
  }

  private place(hash: number, number: number): void {
    const hashes = this.hashes;
    const entries = this.entries;
    const mask = this.mask;
    let at = hash & mask;
    while (entries[at] !== 0) at = (at + 1) & mask;
    hashes[at] = hash;
    entries[at] = number;
  }

  private grow(): void {
    const capacity = this.entries.length * 2;
    this.hashes = new Int32Array(capacity);
    this.entries = new Int32Array(capacity);
    this.mask = capacity - 1;
    const values = this.values;
    for (let i = 0; i < values.length; i++) {
      const value = values[i] as string;
      this.place(hashRange(value, 0, value.length), i + 1);
    }
  }
}
