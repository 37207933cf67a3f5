import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES, runCli, useTempHome } from '../support/platform.ts';

describe('assessment flow after discovery (CLI, embedded platform)', () => {
  let temp: ReturnType<typeof useTempHome>;
  beforeAll(async () => {
    temp = useTempHome();
  });
  afterAll(() => temp.cleanup());

  it('refuses to assess an engagement with no completed discovery (exit 1, clear reason)', async () => {
    const run = await runCli(['assess', '--json', '--engagement', 'nothing-yet']);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/discovery/);
  });

  it('recommends a strategy for every application, with rationale, effort, cost and risks', async () => {
    for (const f of ['cmdb-export.csv', 'connections.csv']) {
      const d = await runCli([
        'discover',
        join(EXAMPLES, f),
        '--json',
        '--auto-approve',
        '--as-of',
        '2026-11-26',
      ]);
      expect(d.json().status, d.stderr).toBe('completed');
    }
    const run = await runCli(['assess', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const { recommendations, flowId } = run.json();
    expect(flowId).toEqual(expect.any(String));
    const inventory = (await runCli(['inventory', '--json'])).json().assets;
    const apps = new Set(inventory.filter((a: any) => a.application).map((a: any) => a.application));
    for (const app of apps) expect(recommendations.map((r: any) => r.application)).toContain(app);
    for (const r of recommendations) {
      expect(r.rationale.length).toBeGreaterThan(10);
      expect(r.alternatives).toHaveLength(2);
      expect(r.confidence).toBeGreaterThan(0);
      expect(r.effort.expected).toBeGreaterThanOrEqual(0);
      expect(r.cost.currency).toEqual(expect.any(String));
    }
  });

  it('plans waves and keeps a user override across re-assessment', async () => {
    const waves = (await runCli(['waves', '--json'])).json();
    expect(waves.waves.length).toBeGreaterThan(0);

    const first = (await runCli(['assess', '--json'])).json().recommendations[0];
    const other = first.strategy === 'retain' ? 'rehost' : 'retain';
    const run = await runCli([
      'override',
      '--json',
      '--application',
      first.application,
      '--strategy',
      other,
      '--reason',
      'client keeps it on premises',
    ]);
    expect(run.code, run.stderr).toBe(0);
    const again = (await runCli(['assess', '--json']))
      .json()
      .recommendations.find((r: any) => r.application === first.application);
    expect(again.strategy).toBe(other);
    expect(again.overridden.reason).toBe('client keeps it on premises');
  });
});
