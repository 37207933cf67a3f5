/**
 * The inventory's identity index: normalised identifier -> asset position. Inventory building looks every
 * key of every row up here (four or more per row, in tables of a million entries), so it is an open-addressing
 * table that keeps each key's hash inline: a lookup that misses touches one slot of a typed array instead of
 * walking a chain of key strings scattered over the heap.
 */

/** What `get` answers for a key never seen. */
export const MISSING = -2;
/** A key seen on two assets that are not the same: it identifies nothing any more. */
export const AMBIGUOUS = -1;

const INITIAL_CAPACITY = 1024;

/**
 * A 32-bit hash of a text (FNV-1a over UTF-16 code units, then a murmur3 finaliser so the low bits that pick
 * the slot are well mixed); never 0, which marks an empty slot.
 */
export function identityHash(text: string): number {
  let hash = 0x811c9dc5 ^ text.length;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash === 0 ? 1 : hash;
}

/**
 * Maps identifier texts to asset positions (non-negative) or AMBIGUOUS. Callers pass each key's
 * `identityHash` along, so a row's hashes are computed once for its lookup and its registration.
 * Entries (key and slot) are appended to plain arrays in insertion order; the open-addressing table holds
 * each entry's hash and number, so growing it rebuilds two typed arrays and touches no key.
 */
export class IdentityIndex {
  private hashes = new Int32Array(INITIAL_CAPACITY);
  /** Entry number + 1 per table slot (0 = empty). */
  private entries = new Int32Array(INITIAL_CAPACITY);
  private mask = INITIAL_CAPACITY - 1;
  private readonly keys: string[] = [];
  private readonly slots: number[] = [];

  /** The position (or AMBIGUOUS) stored for `key`, MISSING when there is none. */
  get(key: string, hash: number): number {
    const entry = this.find(key, hash);
    return entry < 0 ? MISSING : (this.slots[entry] as number);
  }

  /** Stores `slot` (a position or AMBIGUOUS) for `key`, replacing what was there. */
  set(key: string, hash: number, slot: number): void {
    const hashes = this.hashes;
    const entries = this.entries;
    const mask = this.mask;
    for (let at = hash & mask; ; at = (at + 1) & mask) {
      const entry = entries[at] as number;
      if (entry === 0) {
        hashes[at] = hash;
        entries[at] = this.keys.push(key);
        this.slots.push(slot);
        if (this.keys.length * 2 > hashes.length) this.grow();
        return;
      }
      if (hashes[at] === hash && this.keys[entry - 1] === key) {
        this.slots[entry - 1] = slot;
        return;
      }
    }
  }

  /** Stores `slot` for `key` unless the key is there already; true when it was added. */
  addIfMissing(key: string, hash: number, slot: number): boolean {
    if (this.find(key, hash) >= 0) return false;
    this.set(key, hash, slot);
    return true;
  }

  /** The entry number of `key`, or -1. */
  private find(key: string, hash: number): number {
    const hashes = this.hashes;
    const entries = this.entries;
    const mask = this.mask;
    for (let at = hash & mask; ; at = (at + 1) & mask) {
      const entry = entries[at] as number;
      if (entry === 0) return -1;
      if (hashes[at] === hash && this.keys[entry - 1] === key) return entry - 1;
    }
  }

  /** Doubles the table (kept at most half full, so probe runs stay short). */
  private grow(): void {
    const oldHashes = this.hashes;
    const oldEntries = this.entries;
    const capacity = oldHashes.length * 2;
    const hashes = new Int32Array(capacity);
    const entries = new Int32Array(capacity);
    const mask = capacity - 1;
    for (let i = 0; i < oldHashes.length; i++) {
      const entry = oldEntries[i] as number;
      if (entry === 0) continue;
      const hash = oldHashes[i] as number;
      let at = hash & mask;
      while (entries[at] !== 0) at = (at + 1) & mask;
      hashes[at] = hash;
      entries[at] = entry;
    }
    this.hashes = hashes;
    this.entries = entries;
    this.mask = mask;
  }
}
