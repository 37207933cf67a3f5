import { describe, expect, it } from 'vitest';
import { assessEngagement, NOT_MIGRATED, STRATEGIES } from '#domain/assessment/index.ts';
import { asset, debt, edge } from '../../support/assetFactory.ts';
import { syntheticEstate } from '../../support/syntheticEstate.ts';

describe('assessEngagement', () => {
  it.each([1, 100, 5000])('gives each of %i applications exactly one recommendation', (n) => {
    // Prepare
    const estate = syntheticEstate(n);
    // Act
    const started = performance.now();
    const result = assessEngagement(estate.assets, estate.edges, estate.moveGroups, {});
    const ms = performance.now() - started;
    // Assess
    const names = result.applications.map((a) => a.application);
    expect(names).toHaveLength(n);
    expect(new Set(names).size).toBe(n);
    for (const a of result.applications) {
      expect(STRATEGIES).toContain(a.primary_recommendation);
      expect(a.alternatives).toHaveLength(2);
      expect(a.rationale.length).toBeGreaterThan(10);
    }
    const scheduled = result.waves.waves.flatMap((w) => w.applications);
    const listed = result.waves.notMigrated.map((x) => x.application);
    expect(scheduled.length + listed.length).toBe(n);
    expect(new Set([...scheduled, ...listed]).size).toBe(n);
    if (n === 5000) {
      expect(estate.assets).toHaveLength(20000);
      expect(estate.edges.length).toBeGreaterThanOrEqual(49000);
      expect(ms).toBeLessThan(10_000);
      console.info(
        `assessEngagement: ${n} applications, ${estate.edges.length} edges in ${Math.round(ms)} ms`,
      );
    }
  });

  it('keeps wave rules on a large estate: dependencies first, move groups and cycles together', () => {
    // Prepare
    const estate = syntheticEstate(600);
    const standalone = [1, 2, 3].map((i) =>
      asset({ name: `solo${i}`, application: `Solo ${i}`, businessCriticality: 'Low' }),
    );
    estate.assets.push(...standalone);
    // Act
    const result = assessEngagement(estate.assets, estate.edges, estate.moveGroups, {});
    // Assess
    const wave = new Map<string, number>();
    for (const w of result.waves.waves) for (const a of w.applications) wave.set(a, w.number);
    const appOfAsset = new Map(estate.assets.map((a) => [a.name, a.application as string]));
    for (const e of estate.edges) {
      const [from, to] = [appOfAsset.get(e.from) as string, appOfAsset.get(e.to) as string];
      if (from === to || !wave.has(from) || !wave.has(to)) continue;
      expect(wave.get(to)).toBeLessThanOrEqual(wave.get(from) as number);
    }
    for (const g of estate.moveGroups) {
      const apps = g.members.map((m) => appOfAsset.get(m) as string).filter((a) => wave.has(a));
      expect(new Set(apps.map((a) => wave.get(a))).size).toBeLessThanOrEqual(1);
    }
    expect(result.waves.cycles.length).toBeGreaterThan(0);
    for (const c of result.waves.cycles) {
      const inWaves = c.filter((a) => wave.has(a));
      expect(new Set(inWaves.map((a) => wave.get(a))).size).toBeLessThanOrEqual(1);
    }
    expect(result.waves.waves[0]).toMatchObject({
      pilot: true,
      applications: ['Solo 1', 'Solo 2', 'Solo 3'],
    });
    expect(result.waves.waves.filter((w) => w.pilot)).toHaveLength(1);
  });

  it('totals add up across waves and applications that do not move', () => {
    // Prepare
    const estate = syntheticEstate(300);
    // Act
    const { applications, waves, totals } = assessEngagement(estate.assets, estate.edges, estate.moveGroups, {
      rates: { dayRate: 950, currency: 'GBP' },
    });
    // Assess
    const waveCost = waves.waves.reduce((s, w) => s + w.cost.expected, 0);
    const staying = applications.filter((a) => NOT_MIGRATED.has(a.primary_recommendation));
    const stayingCost = staying.reduce((s, a) => s + a.estimated_cost.expected, 0);
    expect(waveCost + stayingCost).toBe(totals.cost.expected);
    const waveEffort = waves.waves.reduce((s, w) => s + w.effortPersonDays.expected, 0);
    const stayingEffort = staying.reduce((s, a) => s + a.estimated_effort.expected, 0);
    expect(waveEffort + stayingEffort).toBeCloseTo(totals.effortPersonDays.expected, 0);
    expect(totals.cost.currency).toBe('GBP');
    expect(Object.values(totals.byStrategy).reduce((s, n) => s + n, 0)).toBe(300);
    expect(totals.notMigrated).toBe(staying.length);
    expect(totals.servers).toBe(
      waves.waves.reduce((s, w) => s + w.servers, 0) + countServers(staying, estate.assets),
    );
  });

  it('replaces the primary with a user override, marks it, and re-prices the chosen strategy', () => {
    // Prepare
    const assets = [
      asset({ name: 'web1', application: 'Shop' }),
      asset({
        name: 'db1',
        application: 'Shop',
        assetType: 'database',
        databaseEngine: 'SQL Server',
        techDebt: [debt('database', 'SQL Server', '2012', 'eol', '2022-07-12')],
      }),
      asset({ name: 'x1', application: 'Other' }),
    ];
    const before = assessEngagement(assets, [edge('web1', 'db1')], [], {});
    // Act
    const after = assessEngagement(assets, [], [], {}, [
      { application: 'Shop', strategy: 'refactor', by: 'ana@example.com', reason: 'Moving to microservices' },
      { application: 'Nope', strategy: 'retire', by: 'ana@example.com', reason: 'typo' },
    ]);
    // Assess
    const was = before.applications.find((a) => a.application === 'Shop');
    const shop = after.applications.find((a) => a.application === 'Shop');
    expect(was?.primary_recommendation).toBe('replatform');
    expect(shop?.primary_recommendation).toBe('refactor');
    expect(shop?.overridden).toMatchObject({
      from: 'replatform',
      by: 'ana@example.com',
      reason: 'Moving to microservices',
    });
    expect(shop?.alternatives[0]?.strategy).toBe('replatform');
    expect(shop?.alternatives.map((a) => a.strategy)).not.toContain('refactor');
    expect(shop?.rationale).toContain('Overridden by ana@example.com');
    expect(shop?.estimated_cost.expected).toBeGreaterThan(was?.estimated_cost.expected as number);
    expect(after.totals.overridden).toBe(1);
    expect(after.waves.warnings).toContain('override for unknown application "Nope" ignored');
  });

  it('is deterministic for the same input', () => {
    // Prepare
    const estate = syntheticEstate(200);
    // Act
    const a = assessEngagement(estate.assets, estate.edges, estate.moveGroups, {});
    const b = assessEngagement(
      [...estate.assets].reverse(),
      [...estate.edges].reverse(),
      estate.moveGroups,
      {},
    );
    // Assess
    expect(b).toEqual(a);
  });
});

function countServers(
  staying: readonly { asset_ids: string[] }[],
  assets: readonly { assetId: string; assetType: string }[],
): number {
  const byId = new Map(assets.map((a) => [a.assetId, a.assetType]));
  let n = 0;
  for (const s of staying) {
    for (const id of s.asset_ids)
      if (['server', 'virtual_machine', 'other', 'container'].includes(byId.get(id) ?? '')) n++;
  }
  return n;
}
