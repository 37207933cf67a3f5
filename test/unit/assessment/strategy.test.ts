import { describe, expect, it } from 'vitest';
import {
  type Application,
  applicationFacts,
  type PastDecision,
  recommendStrategy,
  type SixRAnalysis,
  STRATEGIES,
  traitsOf,
} from '#domain/assessment/index.ts';
import { app, asset, debt } from '../../support/assetFactory.ts';

function expectWellFormed(r: SixRAnalysis): void {
  expect(STRATEGIES).toContain(r.primary_recommendation);
  expect(r.confidence_score).toBeGreaterThanOrEqual(0);
  expect(r.confidence_score).toBeLessThanOrEqual(1);
  expect(r.alternatives).toHaveLength(2);
  const strategies = new Set([r.primary_recommendation, ...r.alternatives.map((a) => a.strategy)]);
  expect(strategies.size).toBe(3);
  for (const a of r.alternatives) {
    expect(a.confidence).toBeLessThanOrEqual(r.confidence_score);
    expect(a.rationale.length).toBeGreaterThan(0);
  }
  for (const v of Object.values(r.analysis_details)) {
    expect(v).toBeGreaterThanOrEqual(1);
    expect(v).toBeLessThanOrEqual(10);
  }
  expect(r.method).toBe('rules');
  expect(r.estimated_effort.low).toBeLessThanOrEqual(r.estimated_effort.expected);
  expect(r.estimated_effort.expected).toBeLessThanOrEqual(r.estimated_effort.high);
}

describe('recommendStrategy scenarios', () => {
  it('retires a zombie server (average CPU and memory under 5%) and says why with the numbers', () => {
    // Prepare
    const a = app('Old Reports', [asset({ name: 'rpt01', cpuUtilizationPct: 3, memoryUtilizationPct: 4 })]);
    // Act
    const r = recommendStrategy(a);
    // Assess
    expectWellFormed(r);
    expect(r.primary_recommendation).toBe('retire');
    expect(r.rationale).toContain('CPU 3%');
    expect(r.rationale).toContain('memory 4%');
    expect(r.rationale).toContain('zombie');
  });

  it.each([
    ['SQL Server', '2012', '2022-07-12'],
    ['MySQL', '5.6', '2021-02-05'],
  ])(
    'replatforms an application with an end-of-life %s %s database onto a managed database',
    (product, version, date) => {
      // Prepare
      const a = app('Billing', [
        asset({ name: 'bill-app01' }),
        asset({
          name: 'bill-db01',
          assetType: 'database',
          databaseEngine: product,
          databaseVersion: version,
          techDebt: [debt('database', product, version, 'eol', date)],
        }),
      ]);
      // Act
      const r = recommendStrategy(a);
      // Assess
      expectWellFormed(r);
      expect(r.primary_recommendation).toBe('replatform');
      expect(r.rationale).toContain(`${product} ${version}`);
      expect(r.rationale).toContain(date);
      expect(r.rationale).toMatch(/RDS/);
    },
  );

  it.each([
    ['AIX', '7.1'],
    ['Solaris', '10 SPARC'],
    ['HP-UX', '11i v3'],
  ])('never rehosts or replatforms an %s application, even under urgent timelines', (os, version) => {
    // Prepare
    const a = app('Core Ledger', [
      asset({ name: 'ledger01', operatingSystem: os, osVersion: version, techDebt: [] }),
    ]);
    for (const criteria of [
      undefined,
      { timeline_pressure: 'urgent' as const },
      { modernization_priority: 'high' as const },
    ]) {
      // Act
      const r = recommendStrategy(a, criteria);
      // Assess
      expectWellFormed(r);
      expect(['retain', 'refactor', 'rearchitect']).toContain(r.primary_recommendation);
      const all = [r.primary_recommendation, ...r.alternatives.map((x) => x.strategy)];
      expect(all).not.toContain('rehost');
      expect(all).not.toContain('replatform');
      expect(r.rationale).toMatch(/cannot be rehosted|no x86 equivalent/);
    }
  });

  it('rehosts a plain supported VM and names the supported platform', () => {
    // Prepare
    const a = app('Intranet Portal', [asset({ name: 'portal01' })]);
    // Act
    const r = recommendStrategy(a);
    // Assess
    expectWellFormed(r);
    expect(r.primary_recommendation).toBe('rehost');
    expect(r.rationale).toContain('supported x86 platforms (Red Hat Enterprise Linux 9)');
  });

  it('retires an application whose lifecycle status is decommission planned', () => {
    // Prepare
    const a = app('Legacy Fax', [
      asset({ name: 'fax01', status: 'Decommission planned' }),
      asset({ name: 'fax02', status: 'Decommission planned' }),
    ]);
    // Act
    const r = recommendStrategy(a);
    // Assess
    expect(r.primary_recommendation).toBe('retire');
    expect(r.rationale).toContain('Decommission planned');
    expect(r.rationale).toContain('2 of 2 assets');
  });

  it('moves an end-of-life OS with a supported database by rehost or replatform, with the OS upgrade noted', () => {
    // Prepare
    const eolOs = { operatingSystem: 'Windows Server', osVersion: '2008 R2' };
    const osDebt = [debt('os', 'Windows Server', '2008 R2', 'eol', '2020-01-14')];
    const a = app('Timesheets Web', [
      asset({ name: 'ts-web01', ...eolOs, techDebt: osDebt }),
      asset({ name: 'ts-web02', ...eolOs, techDebt: osDebt }),
      asset({ name: 'ts-web03', operatingSystem: 'Windows Server', osVersion: '2019', techDebt: [] }),
      asset({
        name: 'ts-db01',
        assetType: 'database',
        databaseEngine: 'PostgreSQL',
        databaseVersion: '15',
        techDebt: [debt('database', 'PostgreSQL', '15', 'supported', '2027-11-11')],
      }),
    ]);
    // Act
    const r = recommendStrategy(a);
    // Assess
    expect(['rehost', 'replatform']).toContain(r.primary_recommendation);
    expect(r.rationale).toContain('2 of 3 servers run Windows Server 2008 R2 (end of support 2020-01-14)');
    expect(r.rationale).toMatch(/upgrade the OS/i);
  });

  it('refactors or rearchitects when modernization priority and business value are high and complexity moderate', () => {
    // Prepare
    const a = app(
      'Customer Portal',
      [
        asset({ name: 'cp-web01', businessCriticality: 'High' }),
        asset({ name: 'cp-web02', businessCriticality: 'High' }),
        asset({ name: 'cp-api01', businessCriticality: 'High' }),
        asset({ name: 'cp-db01', assetType: 'database', databaseEngine: 'PostgreSQL', techDebt: [] }),
      ],
      { dependsOn: ['Identity'], dependedOnBy: ['Mobile Backend'] },
    );
    // Act
    const r = recommendStrategy(a, { modernization_priority: 'high' });
    // Assess
    expectWellFormed(r);
    expect(['refactor', 'rearchitect']).toContain(r.primary_recommendation);
    expect(r.analysis_details.business_value).toBeGreaterThanOrEqual(7);
    expect(r.rationale).toContain('modernization priority is high');
    expect(r.rationale).toMatch(/business value \d+(\.\d)?\/10 with moderate complexity/);
  });

  it('favours rehost when the timeline is urgent', () => {
    // Prepare
    const a = app('Customer Portal', [
      asset({ name: 'cp-web01', businessCriticality: 'High' }),
      asset({ name: 'cp-web02', businessCriticality: 'High' }),
      asset({ name: 'cp-db01', assetType: 'database', databaseEngine: 'PostgreSQL', techDebt: [] }),
    ]);
    // Act
    const normal = recommendStrategy(a, { modernization_priority: 'high' });
    const urgent = recommendStrategy(a, { modernization_priority: 'high', timeline_pressure: 'urgent' });
    // Assess
    expect(normal.primary_recommendation).not.toBe('rehost');
    expect(urgent.primary_recommendation).toBe('rehost');
    expect(urgent.rationale).toContain('urgent timeline');
  });

  it('recommends repurchase for commodity software with a typical SaaS replacement', () => {
    // Prepare
    const a = app('Exchange 2013', [
      asset({ name: 'exch01', operatingSystem: 'Windows Server', osVersion: '2016' }),
    ]);
    // Act
    const r = recommendStrategy(a);
    // Assess
    expect(r.primary_recommendation).toBe('repurchase');
    expect(r.rationale).toContain('Exchange Online');
  });

  it('does not call a custom line-of-business application commodity', () => {
    // Prepare
    const a = app('Stock Exchange Gateway', [
      asset({ name: 'sxg01', description: 'FIX gateway for trading' }),
    ]);
    // Act
    const r = recommendStrategy(a);
    // Assess
    expect(r.primary_recommendation).not.toBe('repurchase');
  });

  it('relocates VMware workloads only when a VMware-compatible target is wanted', () => {
    // Prepare
    const a = app('Payroll Batch', [
      asset({ name: 'pb01', virtualizationPlatform: 'VMware vSphere 7' }),
      asset({ name: 'pb02', virtualizationPlatform: 'VMware vSphere 7' }),
    ]);
    // Act
    const wanted = recommendStrategy(a, { vmwareTargetWanted: true });
    const notWanted = recommendStrategy(a);
    // Assess
    expect(wanted.primary_recommendation).toBe('relocate');
    expect(wanted.rationale).toContain('VMware');
    expect([
      notWanted.primary_recommendation,
      ...notWanted.alternatives.map((x) => x.strategy),
    ]).not.toContain('relocate');
  });

  it('rebuilds an application whose runtime has no upgrade path (e.g. Visual Basic 6)', () => {
    // Prepare
    const a = app('Claims Desktop', [
      asset({ name: 'cd01', techDebt: [debt('runtime', 'Visual Basic 6', '6.0', 'eol', '2008-04-08')] }),
    ]);
    // Act
    const r = recommendStrategy(a);
    // Assess
    expectWellFormed(r);
    expect(r.primary_recommendation).toBe('rebuild');
    expect(r.rationale).toContain(
      'Visual Basic 6 6.0 (end of support 2008-04-08), which has no upgrade path',
    );
  });

  it('follows the strategy the inventory records as intended, and says so', () => {
    // Prepare
    const a = app('Reporting', [asset({ name: 'rep01', migrationStrategy: 'Rearchitect' })]);
    // Act
    const r = recommendStrategy(a, { modernization_priority: 'high' });
    // Assess
    expect(r.primary_recommendation).toBe('rearchitect');
    expect(r.rationale).toContain('intended strategy');
  });

  it('reports a higher confidence when the facts agree than when they are balanced', () => {
    // Prepare
    const clear = app('A', [
      asset({ name: 'a1', status: 'Decommissioned', cpuUtilizationPct: 1, memoryUtilizationPct: 2 }),
    ]);
    const balanced = app('B', [
      asset({ name: 'b1' }),
      asset({ name: 'b-db', assetType: 'database', databaseEngine: 'MySQL', techDebt: [] }),
    ]);
    // Act
    const rc = recommendStrategy(clear);
    const rb = recommendStrategy(balanced);
    // Assess
    expect(rc.confidence_score).toBeGreaterThan(0.9);
    expect(rb.confidence_score).toBeLessThan(rc.confidence_score);
  });

  it('business goals move the recommendation: managed services push a database app to replatform', () => {
    // Prepare
    const a = app('Orders', [
      asset({ name: 'o1' }),
      asset({ name: 'o-db', assetType: 'database', databaseEngine: 'MySQL', techDebt: [] }),
    ]);
    // Act
    const neutral = recommendStrategy(a);
    const managed = recommendStrategy(a, { goals: { reduceOperationalOverheadWithManagedServices: 5 } });
    // Assess
    expect(neutral.primary_recommendation).toBe('rehost');
    expect(managed.primary_recommendation).toBe('replatform');
  });
});

describe('decision history', () => {
  const plain = (): Application =>
    app('Orders', [
      asset({ name: 'o1' }),
      asset({ name: 'o-db', assetType: 'database', databaseEngine: 'MySQL', techDebt: [] }),
    ]);

  it('nudges a close call toward what users chose for similar applications, and names it', () => {
    // Prepare
    const traits = traitsOf(applicationFacts(plain(), 'medium'));
    const history: PastDecision[] = [1, 2, 3].map((i) => ({
      traits: { osFamily: traits.osFamily, databaseEngine: traits.databaseEngine, size: traits.size },
      strategy: 'replatform',
      application: `Similar ${i}`,
    }));
    // Act
    const without = recommendStrategy(plain());
    const withHistory = recommendStrategy(plain(), undefined, { decisionHistory: history });
    // Assess
    expect(without.primary_recommendation).toBe('rehost');
    expect(withHistory.primary_recommendation).toBe('replatform');
    expect(withHistory.rationale).toContain('Decision history changed the outcome from rehost');
  });

  it('is modest: it does not overturn a clear decision', () => {
    // Prepare
    const zombie = app('Z', [asset({ name: 'z1', cpuUtilizationPct: 1, memoryUtilizationPct: 1 })]);
    const traits = traitsOf(applicationFacts(zombie, 'medium'));
    const history: PastDecision[] = Array.from({ length: 20 }, () => ({
      traits,
      strategy: 'rehost' as const,
    }));
    // Act
    const r = recommendStrategy(zombie, undefined, { decisionHistory: history });
    // Assess
    expect(r.primary_recommendation).toBe('retire');
  });

  it('ignores decisions about dissimilar applications', () => {
    // Prepare
    const history: PastDecision[] = [
      { traits: { platform: 'mainframe', osFamily: 'other', size: 'large' }, strategy: 'rebuild' },
    ];
    // Act
    const r = recommendStrategy(plain(), undefined, { decisionHistory: history });
    // Assess
    expect(r.rationale).not.toContain('past decisions');
  });
});
