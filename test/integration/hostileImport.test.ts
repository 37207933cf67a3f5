import { describe, expect, it } from 'vitest';
import { ImportError, openUpload } from '#import/index.ts';
import { type HostileCase, hostileCorpus } from '../support/hostileCorpus.ts';

const ROW_BUDGET = 50_000;

/** Profiles a case and reads its rows; returns the ImportError, or null for a readable table. */
async function importOutcome(c: HostileCase, chunk: number): Promise<ImportError | null> {
  const size = Math.max(1, chunk);
  const table = openUpload(
    async function* () {
      for (let i = 0; i < c.bytes.length; i += size) yield c.bytes.subarray(i, i + size);
    },
    c.fileName,
    c.limits,
  );
  try {
    const profile = await table.profile();
    expect(profile.columns.length).toBeGreaterThan(0);
    let rows = 0;
    for await (const batch of table.rows()) {
      rows += batch.length;
      if (rows > ROW_BUDGET) break;
    }
    return null;
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw new Error(`${c.category} / ${c.name}: ${(error as Error)?.name}: ${(error as Error)?.message}`, {
      cause: error,
    });
  }
}

describe('hostile uploads end in a profile or a one-line ImportError, never a crash', async () => {
  const corpus = await hostileCorpus();

  it('the corpus has at least 200 cases across every category', () => {
    const categories = new Set(corpus.map((c) => c.category));

    expect(corpus.length).toBeGreaterThanOrEqual(200);
    for (const category of [
      'empty',
      'header-only',
      'binary',
      'mis-encoded',
      'ragged',
      'unclosed-quotes',
      'huge-lines',
      'duplicate-headers',
      'deep-json',
      'json-not-rows',
      'lying-type',
      'xlsx-bomb',
      'path-names',
      'formula-injection',
      'prompt-injection',
    ])
      expect(categories).toContain(category);
  });

  it.each(corpus.map((c) => [`${c.category}: ${c.name}`, c] as const))('%s', async (_label, c) => {
    const error = await importOutcome(c, 64 * 1024);
    // The same file in one chunk (as the API hands it over) must end the same way.
    const whole = await importOutcome(c, c.bytes.length);
    expect(whole?.code ?? null).toBe(error?.code ?? null);

    if (c.expect === 'reject') expect(error, 'must be refused').toBeInstanceOf(ImportError);
    if (c.expect === 'accept') expect(error?.message ?? null, 'must be accepted').toBeNull();
    if (error) {
      expect(error.message).toMatch(/^\S[^\n]*$/);
      expect(error.message.length).toBeLessThan(300);
      expect(typeof (error as ImportError & { code?: unknown }).code).toBe('string');
    }
  });
});
