import { describe, expect, it } from 'vitest';
import { ImportError, openUpload } from '#import/index.ts';
import { seededRandom, validCsv, validXlsx } from '../support/hostileCorpus.ts';

const CSV_CASES = 200;
const XLSX_CASES = 100;
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

async function outcome(bytes: Uint8Array, fileName: string): Promise<'profile' | 'import_error'> {
  const table = openUpload(async function* () {
    for (let i = 0; i < bytes.length; i += 997) yield bytes.subarray(i, i + 997);
  }, fileName);
  try {
    await table.profile();
    for await (const _batch of table.rows()) {
      // Reading every row must not throw anything but an ImportError either.
    }
    return 'profile';
  } catch (error) {
    if (error instanceof ImportError && /^\S[^\n]*$/.test(error.message)) return 'import_error';
    throw error;
  }
}

describe('fuzzing the importers with seeded mutations of valid files', () => {
  it(`${CSV_CASES} mutated CSV files each give a profile or an ImportError`, {
    timeout: 120_000,
  }, async () => {
    const base = new TextEncoder().encode(validCsv(20));
    const rnd = seededRandom(20261126);
    const seen = { profile: 0, import_error: 0 };

    for (let i = 0; i < CSV_CASES; i++) {
      const bytes = mutate(base, rnd);
      const result = await outcome(bytes, 'fuzz.csv').catch((error: unknown) => {
        throw new Error(
          `CSV case ${i} (${Buffer.from(bytes).toString('base64').slice(0, 200)}): ${String(error)}`,
        );
      });
      seen[result]++;
    }

    expect(seen.profile + seen.import_error).toBe(CSV_CASES);
    expect(seen.profile).toBeGreaterThan(0);
  });

  it(`${XLSX_CASES} mutated workbooks each give a profile or an ImportError`, {
    timeout: 180_000,
  }, async () => {
    const base = await validXlsx(10);
    const rnd = seededRandom(8);
    const seen = { profile: 0, import_error: 0 };

    // Cases run ten at a time: a corrupt ZIP that stalls exceljs costs the importer's stall timeout.
    const cases = Array.from({ length: XLSX_CASES }, () => mutate(base, rnd));
    for (let i = 0; i < cases.length; i += 10) {
      const results = await Promise.all(
        cases.slice(i, i + 10).map((bytes, k) =>
          outcome(bytes, 'fuzz.xlsx').catch((error: unknown) => {
            throw new Error(`XLSX case ${i + k}: ${String(error)}`);
          }),
        ),
      );
      for (const result of results) seen[result]++;
    }

    expect(seen.profile + seen.import_error).toBe(XLSX_CASES);
    expect(seen.import_error).toBeGreaterThan(0);
  });
});
