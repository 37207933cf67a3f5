import { describe, expect, it } from 'vitest';
import { AMBIGUOUS, IdentityIndex, identityHash, MISSING } from '#domain/inventory/identityIndex.ts';

describe('IdentityIndex', () => {
  it('finds what was stored, by exact text, across many growths', () => {
    // Prepare
    const index = new IdentityIndex();
    const keys = Array.from({ length: 50_000 }, (_, i) => `srv${i}.corp.example.com`);
    // Act
    keys.forEach((key, position) => {
      index.set(key, identityHash(key), position);
    });
    // Assess
    expect(keys.every((key, position) => index.get(key, identityHash(key)) === position)).toBe(true);
    expect(index.get('SRV1.corp.example.com', identityHash('SRV1.corp.example.com'))).toBe(MISSING);
  });

  it('tells keys with the same hash apart and replaces a slot in place', () => {
    // Prepare: one hash for different texts, as a collision would give
    const index = new IdentityIndex();
    index.set('web01', 42, 1);
    index.set('web02', 42, 2);
    // Act
    index.set('web01', 42, AMBIGUOUS);
    // Assess
    expect(index.get('web01', 42)).toBe(AMBIGUOUS);
    expect(index.get('web02', 42)).toBe(2);
    expect(index.get('web03', 42)).toBe(MISSING);
  });

  it('hashes deterministically and never to 0 (the empty mark)', () => {
    const texts = ['', 'a', '10.0.0.1', 'sn-001', 'ünïcødé'];
    expect(texts.map(identityHash)).toEqual(texts.map(identityHash));
    expect(texts.every((text) => identityHash(text) !== 0)).toBe(true);
  });
});
