import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HostileCase, hostileCorpus } from '../support/hostileCorpus.ts';
import { runCli, useTempHome } from '../support/platform.ts';

/** One case the importers must refuse, per category that has one (default limits). */
async function rejects(): Promise<HostileCase[]> {
  const seen = new Set<string>();
  return (await hostileCorpus()).filter((c) => {
    if (c.expect !== 'reject' || c.limits || seen.has(c.category)) return false;
    seen.add(c.category);
    return true;
  });
}

describe('hostile files on the command line: exit code 2 and one line, nothing written', async () => {
  const cases = await rejects();
  let temp: ReturnType<typeof useTempHome>;
  beforeAll(() => {
    temp = useTempHome();
  });
  afterAll(() => temp.cleanup());

  it.each(cases.map((c) => [`${c.category}: ${c.name}`, c] as const))('%s', async (_label, c) => {
    const file = join(temp.home, `case${c.fileName.slice(c.fileName.lastIndexOf('.'))}`);
    writeFileSync(file, c.bytes);

    const run = await runCli(['discover', file, '--json', '--engagement', 'hostile']);

    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n').at(-1)).toMatch(/^error: \S/);
    expect(run.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('left no asset behind', async () => {
    const inventory = await runCli(['inventory', '--json', '--engagement', 'hostile']);

    expect(inventory.json().assets).toEqual([]);
  });
});
