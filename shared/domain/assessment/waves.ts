/**
 * Wave planning: turns applications with strategies into an ordered timeline of migration waves.
 * Rules: move groups are never split (applications sharing a move group form one planning unit);
 * dependency cycles move together; an application never moves before what it depends on (its
 * dependencies are in the same or an earlier wave, listed before it); a pilot wave of low-risk
 * applications goes first; caps bound applications and servers per wave (a unit above a cap gets a
 * wave of its own, with a warning). Retired and retained applications are listed, not scheduled.
 */
import { cmp } from './applications.ts';
import { sumCosts, sumRanges } from './cost.ts';
import { stronglyConnected, UnionFind } from './graph.ts';
import {
  type AppPlanInput,
  InvalidAssessmentInputError,
  NOT_MIGRATED,
  STRATEGIES,
  type Strategy,
  type Wave,
  type WavePlan,
  type WavePlanOptions,
} from './types.ts';

const DEFAULTS = {
  maxApplicationsPerWave: 20,
  maxServersPerWave: 60,
  pilotSize: 3,
  minWaveDurationDays: 10,
  teamPersonDaysPerWeek: 50,
  parallelWaves: 1,
  waveDurationDays: 0,
};
const MAX_WARNINGS = 50;
const PILOT_STRATEGIES: ReadonlySet<Strategy> = new Set<Strategy>(['rehost', 'relocate']);

interface Unit {
  apps: number[];
  servers: number;
  deps: Set<number>;
  level: number;
  key: string;
}

/**
 * Plans migration waves. Deterministic: the same input (in any order) gives the same plan.
 * @throws InvalidAssessmentInputError when a cap or size option is not a positive number.
 */
export function planWaves(apps: readonly AppPlanInput[], options: WavePlanOptions = {}): WavePlan {
  const o = { ...DEFAULTS, ...stripUndefined(options) };
  for (const k of [
    'maxApplicationsPerWave',
    'maxServersPerWave',
    'minWaveDurationDays',
    'teamPersonDaysPerWeek',
  ] as const) {
    if (!(o[k] > 0)) throw new InvalidAssessmentInputError(`${k} must be a positive number, got ${o[k]}`);
  }
  if (!(o.pilotSize >= 0))
    throw new InvalidAssessmentInputError(`pilotSize must be 0 or more, got ${o.pilotSize}`);
  const warnings: string[] = [];
  let dropped = 0;
  const warn = (w: string): void => {
    if (warnings.length < MAX_WARNINGS) warnings.push(w);
    else dropped++;
  };
  const sorted = [...apps].sort((a, b) => cmp(a.name, b.name));
  const notMigrated = sorted
    .filter((a) => NOT_MIGRATED.has(a.strategy))
    .map((a) => ({ application: a.name, strategy: a.strategy }));
  const moving = sorted.filter((a) => !NOT_MIGRATED.has(a.strategy));
  const idx = new Map<string, number>(moving.map((a, i) => [a.name, i]));
  const fate = new Map<string, Strategy>(notMigrated.map((a) => [a.application, a.strategy]));
  const adj: number[][] = moving.map((a) => {
    const out: number[] = [];
    for (const d of a.dependsOn) {
      const j = idx.get(d);
      if (j !== undefined) out.push(j);
      else if (fate.get(d) === 'retire')
        warn(`${a.name} depends on ${d}, which is to be retired: remove the dependency first`);
    }
    return out;
  });
  const cycles = stronglyConnected(moving.length, adj)
    .filter((c) => c.length > 1)
    .map((c) => c.map((i) => (moving[i] as AppPlanInput).name).sort(cmp))
    .sort((a, b) => cmp(a[0] as string, b[0] as string));
  const units = buildUnits(moving, adj, cycles, idx, warn);
  const ordered = orderUnits(units, moving);
  const waves = packWaves(ordered, moving, o, warn);
  if (dropped) warnings.push(`… and ${dropped} more warnings`);
  const last = waves[waves.length - 1];
  return {
    waves,
    notMigrated,
    cycles,
    warnings,
    totalWeeks: last ? last.startWeek + last.durationWeeks - 1 : 0,
  };
}

function stripUndefined(o: WavePlanOptions): Partial<typeof DEFAULTS> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<typeof DEFAULTS>;
}

function buildUnits(
  moving: readonly AppPlanInput[],
  adj: readonly number[][],
  cycles: readonly string[][],
  idx: ReadonlyMap<string, number>,
  warn: (w: string) => void,
): Unit[] {
  const uf = new UnionFind(moving.length);
  const byGroup = new Map<string, number>();
  moving.forEach((a, i) => {
    for (const g of a.moveGroupIds) {
      const j = byGroup.get(g);
      if (j === undefined) byGroup.set(g, i);
      else uf.union(i, j);
    }
  });
  for (const c of cycles)
    for (const name of c) uf.union(idx.get(c[0] as string) as number, idx.get(name) as number);
  // Units may still form cycles through move groups (A with B in a group, B → C → A): merge those too.
  let roots = collectRoots(uf, moving.length);
  const rootIds = [...roots.keys()];
  const rootIndex = new Map<number, number>(rootIds.map((r, i) => [r, i]));
  const unitAdj: number[][] = rootIds.map(() => []);
  adj.forEach((targets, i) => {
    const u = rootIndex.get(uf.find(i)) as number;
    for (const t of targets) {
      const v = rootIndex.get(uf.find(t)) as number;
      if (u !== v) unitAdj[u]?.push(v);
    }
  });
  for (const comp of stronglyConnected(rootIds.length, unitAdj)) {
    if (comp.length < 2) continue;
    const names = comp.flatMap((u) =>
      (roots.get(rootIds[u] as number) ?? []).map((i) => (moving[i] as AppPlanInput).name),
    );
    warn(
      `move groups and dependencies tie ${names.length} applications together (${names.slice(0, 5).join(', ')}${names.length > 5 ? ', …' : ''}): they move in one wave`,
    );
    for (const u of comp) uf.union(rootIds[comp[0] as number] as number, rootIds[u] as number);
  }
  roots = collectRoots(uf, moving.length);
  const unitOf = new Int32Array(moving.length);
  const units: Unit[] = [];
  for (const members of roots.values()) {
    const apps = members.sort((a, b) => a - b);
    const u = units.length;
    for (const i of apps) unitOf[i] = u;
    units.push({
      apps,
      servers: apps.reduce((s, i) => s + Math.max(0, (moving[i] as AppPlanInput).servers), 0),
      deps: new Set(),
      level: 0,
      key: (moving[apps[0] as number] as AppPlanInput).name,
    });
  }
  adj.forEach((targets, i) => {
    for (const t of targets)
      if (unitOf[i] !== unitOf[t]) units[unitOf[i] as number]?.deps.add(unitOf[t] as number);
  });
  return units;
}

function collectRoots(uf: UnionFind, n: number): Map<number, number[]> {
  const roots = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const r = uf.find(i);
    const list = roots.get(r);
    if (list) list.push(i);
    else roots.set(r, [i]);
  }
  return roots;
}

/** Orders units topologically by dependency level, then least risky first, then by name. */
function orderUnits(units: Unit[], moving: readonly AppPlanInput[]): Unit[] {
  const dependents: number[][] = units.map(() => []);
  const waiting = new Int32Array(units.length);
  units.forEach((u, i) => {
    waiting[i] = u.deps.size;
    for (const d of u.deps) dependents[d]?.push(i);
  });
  const queue: number[] = [];
  units.forEach((_, i) => {
    if (waiting[i] === 0) queue.push(i);
  });
  for (let h = 0; h < queue.length; h++) {
    const i = queue[h] as number;
    for (const j of dependents[i] ?? []) {
      const uj = units[j] as Unit;
      uj.level = Math.max(uj.level, (units[i] as Unit).level + 1);
      waiting[j] = (waiting[j] as number) - 1;
      if (waiting[j] === 0) queue.push(j);
    }
  }
  const rank = { low: 0, medium: 1, high: 2, critical: 3 };
  const risk = new Map<Unit, number>();
  for (const u of units) {
    let r = 0;
    for (const i of u.apps) r = Math.max(r, rank[(moving[i] as AppPlanInput).riskLevel ?? 'medium']);
    risk.set(u, r);
  }
  return [...units].sort(
    (a, b) => a.level - b.level || (risk.get(a) as number) - (risk.get(b) as number) || cmp(a.key, b.key),
  );
}

function isPilotCandidate(u: Unit, moving: readonly AppPlanInput[], maxCrit: 'low' | 'medium'): boolean {
  if (u.apps.length !== 1 || u.deps.size > 0 || u.servers > 2) return false;
  const a = moving[u.apps[0] as number] as AppPlanInput;
  const critOk = a.criticality === 'low' || (maxCrit === 'medium' && a.criticality === 'medium');
  const riskOk = a.riskLevel === undefined || a.riskLevel === 'low' || a.riskLevel === 'medium';
  return PILOT_STRATEGIES.has(a.strategy) && a.dependedOnBy === 0 && critOk && riskOk;
}

function packWaves(
  ordered: Unit[],
  moving: readonly AppPlanInput[],
  o: typeof DEFAULTS,
  warn: (w: string) => void,
): Wave[] {
  const groups: { units: Unit[]; pilot: boolean }[] = [];
  let rest = ordered;
  if (o.pilotSize > 0) {
    let cands = ordered.filter((u) => isPilotCandidate(u, moving, 'low'));
    if (!cands.length) cands = ordered.filter((u) => isPilotCandidate(u, moving, 'medium'));
    const pilot = [...cands]
      .sort((a, b) => a.servers - b.servers || cmp(a.key, b.key))
      .slice(0, Math.min(o.pilotSize, o.maxApplicationsPerWave));
    if (pilot.length) {
      groups.push({ units: pilot, pilot: true });
      const chosen = new Set(pilot);
      rest = ordered.filter((u) => !chosen.has(u));
    } else if (ordered.length) {
      warn(
        'no low-risk application qualifies for a pilot wave (single rehost, few servers, low criticality, no dependents)',
      );
    }
  }
  let cur: Unit[] = [];
  let apps = 0;
  let servers = 0;
  const close = (): void => {
    if (cur.length) groups.push({ units: cur, pilot: false });
    cur = [];
    apps = 0;
    servers = 0;
  };
  for (const u of rest) {
    const tooBig = u.apps.length > o.maxApplicationsPerWave || u.servers > o.maxServersPerWave;
    if (tooBig) {
      close();
      warn(
        `${u.key}${u.apps.length > 1 ? ` and ${u.apps.length - 1} tied application(s)` : ''} (${u.apps.length} applications, ${u.servers} servers) exceed the wave caps: given a wave of their own`,
      );
      cur = [u];
      close();
      continue;
    }
    if (apps + u.apps.length > o.maxApplicationsPerWave || servers + u.servers > o.maxServersPerWave) close();
    cur.push(u);
    apps += u.apps.length;
    servers += u.servers;
  }
  close();
  const minWeeks = Math.max(1, Math.ceil(o.minWaveDurationDays / 5));
  const fixedWeeks =
    o.waveDurationDays && o.waveDurationDays > 0 ? Math.ceil(o.waveDurationDays / 5) : undefined;
  const waveOfApp = new Map<string, number>();
  groups.forEach((g, i) => {
    for (const u of g.units) for (const k of u.apps) waveOfApp.set((moving[k] as AppPlanInput).name, i + 1);
  });
  // Waves run in `parallelWaves` lanes; a wave starts after the waves holding its dependencies (and the pilot) end.
  const laneFree: number[] = Array.from({ length: Math.floor(o.parallelWaves) }, () => 1);
  const endOf: number[] = [];
  const pilotEnd = (): number => (groups[0]?.pilot ? (endOf[0] ?? 0) : 0);
  return groups.map((g, i) => {
    const members = g.units.flatMap((u) => u.apps.map((k) => moving[k] as AppPlanInput));
    const mix = Object.fromEntries(STRATEGIES.map((s) => [s, 0])) as Record<Strategy, number>;
    const depWaves = new Set<number>();
    for (const a of members) {
      mix[a.strategy] += 1;
      for (const d of a.dependsOn) {
        const w = waveOfApp.get(d);
        if (w !== undefined && w !== i + 1) depWaves.add(w);
      }
    }
    const effort = sumRanges(members.map((a) => a.effortPersonDays));
    const durationWeeks =
      fixedWeeks ?? Math.max(minWeeks, Math.ceil(effort.expected / o.teamPersonDaysPerWeek));
    let ready = i > 0 ? pilotEnd() + 1 : 1;
    for (const w of depWaves) ready = Math.max(ready, (endOf[w - 1] ?? 0) + 1);
    let lane = 0;
    for (let l = 1; l < laneFree.length; l++)
      if ((laneFree[l] as number) < (laneFree[lane] as number)) lane = l;
    const startWeek = Math.max(ready, laneFree[lane] as number);
    endOf[i] = startWeek + durationWeeks - 1;
    laneFree[lane] = startWeek + durationWeeks;
    return {
      number: i + 1,
      name: g.pilot ? 'Pilot' : `Wave ${i + 1}`,
      pilot: g.pilot,
      applications: orderWithinWave(members),
      servers: g.units.reduce((s, u) => s + u.servers, 0),
      strategyMix: mix,
      effortPersonDays: effort,
      cost: sumCosts(
        members.map((a) => a.cost),
        members[0]?.cost.currency ?? 'USD',
      ),
      startWeek,
      durationWeeks,
      dependsOnWaves: [...depWaves].sort((a, b) => a - b),
    };
  });
}

/** Lists a wave's applications so that each comes after the applications it depends on. */
function orderWithinWave(members: readonly AppPlanInput[]): string[] {
  const inWave = new Set(members.map((m) => m.name));
  const done = new Set<string>();
  const out: string[] = [];
  const byName = new Map(members.map((m) => [m.name, m]));
  const visit = (start: string): void => {
    const stack: [string, number][] = [[start, 0]];
    const onPath = new Set<string>([start]);
    while (stack.length) {
      const top = stack[stack.length - 1] as [string, number];
      const deps = (byName.get(top[0])?.dependsOn ?? []).filter((d) => inWave.has(d));
      if (top[1] < deps.length) {
        const d = deps[top[1]++] as string;
        if (!done.has(d) && !onPath.has(d)) {
          onPath.add(d);
          stack.push([d, 0]);
        }
        continue;
      }
      stack.pop();
      onPath.delete(top[0]);
      if (!done.has(top[0])) {
        done.add(top[0]);
        out.push(top[0]);
      }
    }
  };
  for (const m of [...members].sort((a, b) => cmp(a.name, b.name))) if (!done.has(m.name)) visit(m.name);
  return out;
}
