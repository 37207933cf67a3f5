import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES, runCli, useTempHome } from '../support/platform.ts';

describe('modernize discover on the bundled example (CLI, embedded platform)', () => {
  let temp: ReturnType<typeof useTempHome>;
  beforeAll(() => {
    temp = useTempHome();
  });
  afterAll(() => temp.cleanup());

  it('runs every phase of the state machine and reports the flow', async () => {
    const run = await runCli([
      'discover',
      join(EXAMPLES, 'cmdb-export.csv'),
      '--json',
      '--auto-approve',
      '--as-of',
      '2026-11-26',
    ]);

    expect(run.code, run.stderr).toBe(0);
    const doc = run.json();
    expect(doc.status).toBe('completed');
    expect(doc.phases.map((p: { status: string }) => p.status)).toEqual(Array(6).fill('completed'));
    expect(doc.summary.data_import.rows).toBeGreaterThan(250);
    expect(doc.summary.field_mapping.kind).toBe('assets');
    expect(doc.summary.asset_inventory.assets).toBeGreaterThan(200);
  });

  it('lists the inventory with tech debt judged at the as-of date', async () => {
    const run = await runCli(['inventory', '--json']);

    expect(run.code, run.stderr).toBe(0);
    const { assets } = run.json();
    expect(assets.length).toBeGreaterThan(200);
    const w2k8 = assets.find((a: { operatingSystem?: string }) => /2008/.test(a.operatingSystem ?? ''));
    expect(w2k8?.techDebt.find((t: { component: string }) => t.component === 'os')?.status).toBe('eol');
    for (const a of assets) {
      expect(typeof a.assetId).toBe('string');
      expect(typeof a.name).toBe('string');
    }
  });

  it('re-running the same file writes the same records, no duplicates', async () => {
    const before = (await runCli(['inventory', '--json'])).json().assets;
    const again = await runCli(['discover', join(EXAMPLES, 'cmdb-export.csv'), '--json', '--auto-approve']);
    const after = (await runCli(['inventory', '--json'])).json().assets;

    expect(again.json().status).toBe('completed');
    expect(after.map((a: { assetId: string }) => a.assetId).sort()).toEqual(
      before.map((a: { assetId: string }) => a.assetId).sort(),
    );
  });

  it('turns a connection file into dependency edges and move groups', async () => {
    const run = await runCli(['discover', join(EXAMPLES, 'connections.csv'), '--json', '--auto-approve']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.json().summary.field_mapping.kind).toBe('connections');

    const deps = (await runCli(['dependencies', '--json'])).json();
    expect(deps.edges.length).toBeGreaterThan(10);
    for (const e of deps.edges) {
      expect(Object.keys(e)).toEqual(expect.arrayContaining(['from', 'to', 'port', 'protocol', 'count']));
    }
    expect(deps.moveGroups.some((g: { members: string[] }) => g.members.length > 1)).toBe(true);
  });

  it('keeps each tenant to its own data', async () => {
    const other = await runCli(['inventory', '--json', '--tenant', 'globex']);
    expect(other.json().assets).toEqual([]);
  });

  it('maps a file with --json in the contract shape', async () => {
    const run = await runCli(['map', join(EXAMPLES, 'cmdb-export.csv'), '--json']);
    const doc = run.json();
    expect(doc.kind).toBe('assets');
    for (const m of doc.mappings) {
      expect(Object.keys(m)).toEqual(expect.arrayContaining(['source', 'target', 'confidence', 'method']));
    }
  });
});
