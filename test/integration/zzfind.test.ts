import { it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { openUpload } from '#import/index.ts';
import { seededRandom, validXlsx } from '../support/hostileCorpus.ts';
const SPECIALS = [
  0x00, 0x0a, 0x0d, 0x22, 0x2c, 0x3b, 0x09, 0xef, 0xbb, 0xbf, 0xff, 0xfe, 0x80, 0x5c, 0x7b, 0x5b,
];

/** One seeded mutation of `base`: flips, inserts, deletes, duplicates or truncates bytes. */
function mutate(base: Uint8Array, rnd: () => number): Uint8Array {
  const bytes = Array.from(base);
  const edits = 1 + Math.floor(rnd() * 8);
  for (let e = 0; e < edits && bytes.length > 0; e++) {
    const at = Math.floor(rnd() * bytes.length);
    const pick = () =>
      rnd() < 0.6 ? (SPECIALS[Math.floor(rnd() * SPECIALS.length)] as number) : Math.floor(rnd() * 256);
    switch (Math.floor(rnd() * 6)) {
      case 0:
        bytes[at] = pick();
        break;
      case 1:
        bytes.splice(at, 0, ...Array.from({ length: 1 + Math.floor(rnd() * 16) }, pick));
        break;
      case 2:
        bytes.splice(at, 1 + Math.floor(rnd() * 32));
        break;
      case 3:
        bytes.splice(at, 0, ...bytes.slice(at, at + Math.floor(rnd() * 200)));
        break;
      case 4:
        bytes.length = Math.max(0, at);
        break;
      default:
        bytes[at] = (bytes[at] as number) ^ (1 << Math.floor(rnd() * 8));
    }
  }
  return new Uint8Array(bytes);
}


it('find', { timeout: 600_000 }, async () => {
  const base = await validXlsx(10);
  const rnd = seededRandom(8);
  for (let i = 0; i < 100; i++) {
    const bytes = mutate(base, rnd);
    const t0 = Date.now();
    const table = openUpload(async function* () { yield bytes; }, 'f.xlsx');
    const r = await Promise.race([
      (async () => { try { await table.profile(); for await (const _b of table.rows()) {} return 'ok'; } catch (e) { return 'err ' + String(e).slice(0,80); } })(),
      new Promise((res) => setTimeout(() => res('TIMEOUT'), 5000)),
    ]);
    if (r === 'TIMEOUT' || Date.now() - t0 > 2000) { writeFileSync(`/tmp/fz/hang-${i}.xlsx`, bytes); console.log('HANG', i, Date.now()-t0, r); }
  }
});
