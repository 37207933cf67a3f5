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
 */
export class IdentityIndex {
  private hashes = new Int32Array(INITIAL_CAPACITY);
  private slots = new Int32Array(INITIAL_CAPACITY);
  private keys: string[] = new Array<string>(INITIAL_CAPACITY).fill('');
  private mask = INITIAL_CAPACITY - 1;
  private count = 0;

  /** The position (or AMBIGUOUS) stored for `key`, MISSING when there is none. */
  get(key: string, hash: number): number {
    const hashes = this.hashes;
    const mask = this.mask;
    for (let at = hash & mask; ; at = (at + 1) & mask) {
      const stored = hashes[at] as number;
      if (stored === 0) return MISSING;
      if (stored === hash && this.keys[at] === key) return this.slots[at] as number;
    }
  }

  /** Stores `slot` (a position or AMBIGUOUS) for `key`, replacing what was there. */
  set(key: string, hash: number, slot: number): void {
    const hashes = this.hashes;
    const mask = this.mask;
    for (let at = hash & mask; ; at = (at + 1) & mask) {
      const stored = hashes[at] as number;
      if (stored === 0) {
        hashes[at] = hash;
        this.keys[at] = key;
        this.slots[at] = slot;
        this.count += 1;
        if (this.count * 2 > hashes.length) this.grow();
        return;
      }
      if (stored === hash && this.keys[at] === key) {
        this.slots[at] = slot;
        return;
      }
    }
  }

  /** Doubles the table (kept at most half full, so probe runs stay short). */
  private grow(): void {
    const oldHashes = this.hashes;
    const oldSlots = this.slots;
    const oldKeys = this.keys;
    const capacity = oldHashes.length * 2;
    const hashes = new Int32Array(capacity);
    const slots = new Int32Array(capacity);
    const keys = new Array<string>(capacity).fill('');
    const mask = capacity - 1;
    for (let i = 0; i < oldHashes.length; i++) {
      const hash = oldHashes[i] as number;
      if (hash === 0) continue;
      let at = hash & mask;
      while (hashes[at] !== 0) at = (at + 1) & mask;
      hashes[at] = hash;
      slots[at] = oldSlots[i] as number;
      keys[at] = oldKeys[i] as string;
    }
    this.hashes = hashes;
    this.slots = slots;
    this.keys = keys;
    this.mask = mask;
  }
}
