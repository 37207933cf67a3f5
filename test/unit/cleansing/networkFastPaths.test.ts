/**
 * The network validators check common cells by character codes instead of their regular expressions: these
 * tests hold them to the patterns they replace, on hand-picked edge cases and on many seeded random cells.
 */
import { describe, expect, it } from 'vitest';
import { normaliseFqdn } from '#domain/cleansing/index.ts';
import { isIpv4 } from '#domain/cleansing/network.ts';

const IPV4 =
  /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const FQDN = /^(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const NUMERIC_TLD = /\.\d+$/;

/** normaliseFqdn as the regular expressions define it. */
function referenceFqdn(text: string): string | null {
  let name = text.toLowerCase();
  if (name.endsWith('.')) name = name.slice(0, -1);
  if (name.length < 3 || name.length > 253) return null;
  return FQDN.test(name) && !NUMERIC_TLD.test(name) ? name : null;
}

/** Seeded random cells over an alphabet that hits every branch (digits, dots, hyphens, case, spaces). */
function randomCells(alphabet: string, count: number, maxLength: number, seed: number): string[] {
  let state = seed;
  const next = (): number => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 4294967296;
  };
  const out: string[] = [];
  for (let n = 0; n < count; n++) {
    const length = Math.floor(next() * maxLength);
    let cell = '';
    for (let i = 0; i < length; i++) cell += alphabet[Math.floor(next() * alphabet.length)];
    out.push(cell);
  }
  return out;
}

describe('network validators match their patterns', () => {
  it('accepts exactly the dotted quads the IPv4 pattern accepts', () => {
    // Prepare
    const cells = [
      ...['0.0.0.0', '255.255.255.255', '256.1.1.1', '01.2.3.4', '1.2.3', '1.2.3.4.5', '1..2.3', '10.0.0.1'],
      ...['192.168.001.1', '9.99.199.249', '1.2.3.4 ', '١.2.3.4', '250.251.252.253', '1.2.3.04'],
      ...randomCells('0123456789.', 20_000, 16, 7),
      ...randomCells('0125.', 20_000, 14, 11),
    ];
    // Act + Assess
    for (const cell of cells) expect(isIpv4(cell), cell).toBe(IPV4.test(cell));
  });

  it('normalises exactly the names the FQDN patterns accept', () => {
    // Prepare
    const cells = [
      ...[
        'web01.corp.example.com',
        'WEB01.Corp.Example.COM.',
        'a.b',
        'a.b.',
        'ab',
        '-a.com',
        'a-.com',
        'a.-com',
      ],
      ...[
        '_srv.corp.com',
        'srv._tcp.com',
        'a.c_m',
        'host.123',
        'host.12a',
        '1.2.3.4',
        'a..b',
        '.a.b',
        'a.b..',
      ],
      ...[`${'a'.repeat(63)}.com`, `${'a'.repeat(64)}.com`, `${'a.'.repeat(126)}co`, 'münchen.de', 'a b.com'],
      ...randomCells('ab0_-.', 30_000, 12, 3),
      ...randomCells('aZ9_-. ', 20_000, 10, 5),
    ];
    // Act + Assess
    for (const cell of cells) expect(normaliseFqdn(cell), JSON.stringify(cell)).toBe(referenceFqdn(cell));
  });
});
