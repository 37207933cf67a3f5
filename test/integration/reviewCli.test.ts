import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, useTempHome } from '../support/platform.ts';

describe('review through the CLI: discover waits, correct --flow, approve continues', () => {
  let temp: ReturnType<typeof useTempHome>;
  let file: string;
  beforeAll(() => {
    temp = useTempHome();
    file = join(temp.home, 'odd.csv');
    const rows = Array.from({ length: 30 }, (_, i) => `zz-${i},10.2.0.${i + 1},Red Hat Enterprise Linux 8`);
    writeFileSync(file, `Kennung,IP Address,Operating System\n${rows.join('\n')}\n`);
  });
  afterAll(() => temp.cleanup());

  it('returns promptly with awaiting_review, then finishes after a correction and approval', async () => {
    const first = await runCli(['discover', file, '--json']);
    expect(first.code, first.stderr).toBe(0);
    const doc = first.json();
    expect(doc.status).toBe('awaiting_review');
    expect(doc.summary.field_mapping.reviewReasons.join(' ')).toMatch(/name/);

    const corrected = await runCli([
      'correct',
      '--flow',
      doc.flowId,
      '--source',
      'Kennung',
      '--target',
      'name',
      '--json',
    ]);
    expect(corrected.code, corrected.stderr).toBe(0);
    const approved = await runCli(['approve', '--flow', doc.flowId, '--json']);

    expect(approved.code, approved.stderr).toBe(0);
    expect(approved.json().status).toBe('completed');
    const names = (await runCli(['inventory', '--json'])).json().assets.map((a: { name: string }) => a.name);
    expect(names).toContain('zz-0');
  });

  it('the next file with that header maps it as learned and needs no review', async () => {
    const run = await runCli(['discover', file, '--json']);
    expect(run.json().status).toBe('completed');
    const map = (await runCli(['map', file, '--json'])).json();
    expect(map.mappings.find((m: { source: string }) => m.source === 'Kennung')).toMatchObject({
      target: 'name',
      method: 'learned',
    });
  });

  it('approving a flow that is not awaiting review is refused', async () => {
    const flows = (await runCli(['flows', '--json'])).json().flows;
    const done = flows.find((f: { status: string }) => f.status === 'completed');
    const run = await runCli(['approve', '--flow', done.flowId]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/only a flow awaiting review/);
  });
});
