import { describe, expect, it } from 'vitest';
import {
  type AppPlanInput,
  InvalidAssessmentInputError,
  planWaves,
  type WavePlan,
} from '#domain/assessment/index.ts';

function plan(name: string, extra: Partial<AppPlanInput> = {}): AppPlanInput {
  return {
    name,
    strategy: 'replatform',
    servers: 2,
    dependsOn: [],
    moveGroupIds: [],
    criticality: 'medium',
    dependedOnBy: 0,
    riskLevel: 'medium',
    effortPersonDays: { low: 7, expected: 10, high: 15 },
    cost: { low: 7000, expected: 10000, high: 15000, currency: 'USD' },
    ...extra,
  };
}

function waveOf(p: WavePlan): Map<string, number> {
  const m = new Map<string, number>();
  for (const w of p.waves) for (const a of w.applications) m.set(a, w.number);
  return m;
}

describe('planWaves', () => {
  it('starts with a pilot of low-risk applications: single rehost, few servers, low criticality, no dependents', () => {
    // Prepare
    const apps = [
      plan('Big', { servers: 10 }),
      plan('Easy1', { strategy: 'rehost', servers: 1, criticality: 'low', riskLevel: 'low' }),
      plan('Easy2', { strategy: 'rehost', servers: 1, criticality: 'low', riskLevel: 'low' }),
      plan('Needed', { strategy: 'rehost', servers: 1, criticality: 'low', dependedOnBy: 1 }),
      plan('User', { dependsOn: ['Needed'] }),
    ];
    // Act
    const p = planWaves(apps, { pilotSize: 2 });
    // Assess
    expect(p.waves[0]).toMatchObject({
      number: 1,
      name: 'Pilot',
      pilot: true,
      applications: ['Easy1', 'Easy2'],
    });
    expect(p.waves.slice(1).every((w) => !w.pilot)).toBe(true);
  });

  it('never moves an application before what it depends on, and lists dependencies first within a wave', () => {
    // Prepare: a chain D → C → B → A with a cap that splits it.
    const apps = [
      plan('D', { dependsOn: ['C'] }),
      plan('C', { dependsOn: ['B'] }),
      plan('B', { dependsOn: ['A'] }),
      plan('A'),
      plan('E', { dependsOn: ['A'] }),
    ];
    // Act
    const p = planWaves(apps, { maxApplicationsPerWave: 2, pilotSize: 0 });
    // Assess
    const w = waveOf(p);
    for (const a of apps)
      for (const d of a.dependsOn) expect(w.get(d)).toBeLessThanOrEqual(w.get(a.name) as number);
    for (const wave of p.waves) {
      for (const [i, name] of wave.applications.entries()) {
        const deps = apps.find((a) => a.name === name)?.dependsOn ?? [];
        for (const d of deps) {
          const j = wave.applications.indexOf(d);
          if (j >= 0) expect(j).toBeLessThan(i);
        }
      }
    }
  });

  it('never splits a move group and moves a dependency cycle together, reporting it', () => {
    // Prepare
    const apps = [
      plan('X', { moveGroupIds: ['mg1'] }),
      plan('Y', { moveGroupIds: ['mg1', 'mg2'] }),
      plan('Z', { moveGroupIds: ['mg2'] }),
      plan('P', { dependsOn: ['Q'] }),
      plan('Q', { dependsOn: ['R'] }),
      plan('R', { dependsOn: ['P'] }),
      ...Array.from({ length: 6 }, (_, i) => plan(`F${i}`)),
    ];
    // Act
    const p = planWaves(apps, { maxApplicationsPerWave: 3, pilotSize: 0 });
    // Assess
    const w = waveOf(p);
    expect(new Set([w.get('X'), w.get('Y'), w.get('Z')]).size).toBe(1);
    expect(new Set([w.get('P'), w.get('Q'), w.get('R')]).size).toBe(1);
    expect(p.cycles).toEqual([['P', 'Q', 'R']]);
  });

  it('respects the caps, and gives a unit above a cap its own wave with a warning', () => {
    // Prepare
    const apps = [
      ...Array.from({ length: 9 }, (_, i) => plan(`S${i}`, { servers: 3 })),
      plan('Huge', { servers: 40 }),
    ];
    // Act
    const p = planWaves(apps, { maxApplicationsPerWave: 4, maxServersPerWave: 10, pilotSize: 0 });
    // Assess
    for (const wave of p.waves) {
      if (wave.applications.includes('Huge')) {
        expect(wave.applications).toEqual(['Huge']);
        continue;
      }
      expect(wave.applications.length).toBeLessThanOrEqual(4);
      expect(wave.servers).toBeLessThanOrEqual(10);
    }
    expect(p.warnings.some((x) => x.includes('Huge') && x.includes('exceed'))).toBe(true);
  });

  it('keeps retired and retained applications out of the waves but lists them', () => {
    // Prepare
    const apps = [plan('Keep', { strategy: 'retain' }), plan('Gone', { strategy: 'retire' }), plan('Move')];
    // Act
    const p = planWaves(apps, { pilotSize: 0 });
    // Assess
    expect(p.waves.flatMap((w) => w.applications)).toEqual(['Move']);
    expect(p.notMigrated).toEqual([
      { application: 'Gone', strategy: 'retire' },
      { application: 'Keep', strategy: 'retain' },
    ]);
  });

  it('sums each wave and lays the waves end to end as a timeline', () => {
    // Prepare
    const apps = Array.from({ length: 30 }, (_, i) => plan(`A${String(i).padStart(2, '0')}`));
    // Act
    const p = planWaves(apps, { maxApplicationsPerWave: 10, pilotSize: 0, teamPersonDaysPerWeek: 20 });
    // Assess
    expect(p.waves).toHaveLength(3);
    expect(p.waves[0]).toMatchObject({
      servers: 20,
      effortPersonDays: { low: 70, expected: 100, high: 150 },
      cost: { expected: 100000, currency: 'USD' },
      startWeek: 1,
      durationWeeks: 5,
    });
    expect(p.waves[0]?.strategyMix.replatform).toBe(10);
    expect(p.waves[1]?.startWeek).toBe(6);
    expect(p.totalWeeks).toBe(15);
  });

  it('runs waves in parallel lanes when asked, but never before the waves they depend on end', () => {
    // Prepare: W1..W4 independent; D depends on W1 and lands in a later wave.
    const apps = [
      ...Array.from({ length: 4 }, (_, i) => plan(`W${i + 1}`)),
      plan('D', { dependsOn: ['W1'], servers: 1 }),
    ];
    // Act
    const p = planWaves(apps, { maxApplicationsPerWave: 1, pilotSize: 0, parallelWaves: 2 });
    // Assess
    const [w1, w2] = p.waves;
    expect(w1?.startWeek).toBe(1);
    expect(w2?.startWeek).toBe(1);
    const d = p.waves.find((w) => w.applications.includes('D'));
    const dep = p.waves.find((w) => w.applications.includes('W1'));
    expect(d?.dependsOnWaves).toEqual([dep?.number]);
    expect(d?.startWeek).toBeGreaterThan((dep?.startWeek as number) + (dep?.durationWeeks as number) - 1);
    expect(p.totalWeeks).toBeLessThan(p.waves.reduce((s, w) => s + w.durationWeeks, 0));
  });

  it('gives the same plan for the same input in any order', () => {
    // Prepare
    const apps = Array.from({ length: 40 }, (_, i) =>
      plan(`N${i}`, { dependsOn: i % 3 ? [`N${i - 1}`] : [], moveGroupIds: i % 7 === 0 ? ['g'] : [] }),
    );
    // Act
    const a = planWaves(apps, { maxApplicationsPerWave: 8 });
    const b = planWaves([...apps].reverse(), { maxApplicationsPerWave: 8 });
    // Assess
    expect(b).toEqual(a);
  });

  it('uses a fixed wave length when one is set', () => {
    // Act
    const p = planWaves([plan('A'), plan('B')], {
      maxApplicationsPerWave: 1,
      pilotSize: 0,
      waveDurationDays: 15,
    });
    // Assess
    expect(p.waves.map((w) => [w.startWeek, w.durationWeeks])).toEqual([
      [1, 3],
      [4, 3],
    ]);
  });

  it('rejects a non-positive cap', () => {
    expect(() => planWaves([plan('A')], { maxServersPerWave: 0 })).toThrow(InvalidAssessmentInputError);
  });
});
