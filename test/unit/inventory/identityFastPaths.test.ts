/**
 * Identity checks run several times per imported row, so they take in-line paths for the usual value
 * (printable ASCII, already lower case). These tests hold each to the plain definition it replaces, on
 * hand-picked edge cases and seeded random values, and check the asset shape that all new assets share.
 */
import { describe, expect, it } from 'vitest';
import { ASSET_FIELD_NAMES } from '#domain/assetSchema.ts';
import { assetShell } from '#domain/inventory/assetRecord.ts';
import { isPlaceholderSerial, looksLikeIp, lowerTrim, shortHostName } from '#domain/inventory/identity.ts';

/** shortHostName as defined before its in-line path: trim, lower-case, drop a `DOMAIN\` prefix, first label. */
function referenceShortHostName(value: string | null | undefined): string | null {
  if (!value) return null;
  let host = value.trim().toLowerCase();
  const slash = host.lastIndexOf('\\');
  if (slash >= 0) host = host.slice(slash + 1);
  if (host === '' || looksLikeIp(host)) return null;
  const dot = host.indexOf('.');
  const label = dot === -1 ? host : host.slice(0, dot);
  return label === '' ? null : label;
}

function randomValues(alphabet: string, count: number, maxLength: number, seed: number): string[] {
  let state = seed;
  const next = (): number => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 4294967296;
  };
  const out: string[] = [];
  for (let n = 0; n < count; n++) {
    const length = Math.floor(next() * maxLength);
    let value = '';
    for (let i = 0; i < length; i++) value += alphabet[Math.floor(next() * alphabet.length)];
    out.push(value);
  }
  return out;
}

const EDGE_CASES = [
  ...['', ' ', 'web01', 'WEB01', ' web01 ', 'web01.corp.local', 'Web01.Corp.Local', '.corp', 'CORP\\WEB02'],
  ...['corp\\', '10.0.0.1', '10.0.0.1.', 'fe80::1', 'abc:def', 'dead:beef:1', 'İstanbul', 'web\u00a0', '\tx'],
  ...['a\u0001b', 'web01\\', 'x.y.z', '1.2.3', 'n/a', 'To Be Filled By O.E.M.', '00000000', 'SN-ABCD'],
];

describe('identity fast paths', () => {
  it('lowerTrim is trim then toLowerCase', () => {
    // Prepare
    const values = [...EDGE_CASES, ...randomValues('aZ09 .\\:-\u00a0é', 20_000, 12, 1)];
    // Act + Assess
    for (const value of values)
      expect(lowerTrim(value), JSON.stringify(value)).toBe(value.trim().toLowerCase());
  });

  it('shortHostName gives the first lower-case label and null for IPs and blanks, as defined', () => {
    // Prepare
    const values = [...EDGE_CASES, ...randomValues('ab09.:\\ AF', 30_000, 14, 2)];
    // Act + Assess
    for (const value of values)
      expect(shortHostName(value), JSON.stringify(value)).toBe(referenceShortHostName(value));
  });

  it('isPlaceholderSerial still recognises every placeholder whatever its case and spacing', () => {
    // Prepare
    const placeholders = [
      'N/A',
      ' none ',
      'To Be Filled By O.E.M.',
      'System Serial Number',
      '1234567890',
      'TBD',
    ];
    const real = ['SN387276917', 'VMware-42 c1 6b 83', 'CZ1234ABCD', '5CG7251XYZ'];
    // Act + Assess
    for (const serial of placeholders) expect(isPlaceholderSerial(serial), serial).toBe(true);
    for (const serial of real) expect(isPlaceholderSerial(serial), serial).toBe(false);
  });

  it('gives every new asset the schema fields in the schema order, with scalars from their slots', () => {
    // Prepare
    const scalars = Array.from({ length: 64 }, (_, slot) => `slot-${slot}`);
    // Act
    const shell = assetShell(scalars);
    // Assess
    expect(Object.keys(shell)).toEqual([
      'assetId',
      ...ASSET_FIELD_NAMES,
      'isTemplate',
      'customAttributes',
      'qualityScore',
      'qualityIssues',
      'techDebt',
      'sources',
    ]);
    const filled = ASSET_FIELD_NAMES.filter((field) => shell[field] !== null);
    expect(filled).toEqual(
      ASSET_FIELD_NAMES.filter(
        (field) => !['name', 'assetType', 'ipAddress', 'macAddress', 'tags', 'dependsOn'].includes(field),
      ),
    );
    expect(filled.map((field) => shell[field])).toEqual(filled.map((_, slot) => `slot-${slot}`));
  });
});
