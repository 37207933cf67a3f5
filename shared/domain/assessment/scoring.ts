/**
 * The strategy scoring model: every fact about an application adds weighted points to the strategies
 * it argues for (or against), and platform limits rule strategies out. Primary, alternatives and
 * confidence all come from these same scores, so the rationale can name what decided.
 */
import { goalPull, type ResolvedCriteria } from './criteria.ts';
import type { AppFacts } from './facts.ts';
import { STRATEGIES, type Strategy } from './types.ts';

/** One fact and how many points it gives each strategy. */
export interface Contribution {
  fact: string;
  effects: Partial<Record<Strategy, number>>;
}

/** Scores of every strategy with the facts behind them. */
export interface ScoreCard {
  scores: Record<Strategy, number>;
  blocked: Partial<Record<Strategy, string>>;
  contributions: Contribution[];
}

/** Application-level measures reported in analysis_details and used as facts. */
export interface Details {
  complexity_score: number;
  business_value: number;
  modernization_potential: number;
}

/** Prior points: what a strategy gets before any fact (rehost is the default path). */
const PRIOR: Record<Strategy, number> = {
  rehost: 1.5,
  replatform: 1.2,
  refactor: 0.4,
  rearchitect: 0.2,
  rebuild: -0.5,
  retire: -1,
  retain: 0.2,
  repurchase: -1,
  relocate: -1,
};

/** Runtimes whose code cannot be upgraded in place, only rewritten. */
const DEAD_END_RUNTIME =
  /visual basic 6|\bvb6\b|powerbuilder|classic asp|visual foxpro|foxpro|silverlight|adobe flash|\bflash\b|coldfusion [1-9]\b|lotusscript/i;

const pct = (n: number): string => `${Math.round(n)}%`;
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
const round1 = (n: number): number => Math.round(n * 10) / 10;
const clamp = (n: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, n));

/** The decommissioned/zombie state that makes an application a retire candidate. */
export function isZombie(f: AppFacts): boolean {
  return f.cpuAvg !== null && f.cpuAvg < 5 && (f.memAvg === null || f.memAvg < 5);
}

/** Computes complexity, business value and modernization potential (each 1..10). */
export function computeDetails(
  f: AppFacts,
  deps: { dependsOn: number; dependedOnBy: number },
  c: ResolvedCriteria,
): Details {
  const complexity =
    1 +
    Math.min(3, Math.log2(1 + f.servers)) +
    Math.min(2, f.databases.length * 0.7) +
    Math.min(2, (deps.dependsOn + deps.dependedOnBy) / 4) +
    (f.legacy.length ? 2 : 0) +
    Math.min(1, f.eol.length * 0.5) +
    (f.storageGb + f.databaseSizeGb > 5000 ? 1 : 0) +
    (c.technical_complexity === 'high' ? 1 : c.technical_complexity === 'low' ? -1 : 0);
  const critBase = { low: 3, medium: 5, high: 7, critical: 9 }[f.criticality];
  const retiring = f.decommissioned.count > 0 || isZombie(f);
  const value =
    critBase + Math.min(1.5, deps.dependedOnBy * 0.3) + (f.production ? 0.5 : 0) - (retiring ? 3 : 0);
  const modernization =
    5 +
    (c.modernization_priority === 'high' ? 1.5 : c.modernization_priority === 'low' ? -1.5 : 0) +
    goalPull(c.goals.modernizeInfrastructureWithCloudNativeTechnologies) * 0.5 +
    (f.eol.length ? 1 : 0) +
    (f.databases.length ? 0.5 : 0) +
    (f.legacy.length ? 1 : 0) +
    (value >= 7 ? 1 : 0) -
    (f.commodity ? 2 : 0) -
    (retiring ? 3 : 0);
  return {
    complexity_score: round1(clamp(complexity, 1, 10)),
    business_value: round1(clamp(value, 1, 10)),
    modernization_potential: round1(clamp(modernization, 1, 10)),
  };
}

/** Scores every strategy for one application (without decision history). */
export function scoreStrategies(
  f: AppFacts,
  d: Details,
  deps: { dependsOn: number; dependedOnBy: number },
  c: ResolvedCriteria,
  intended: Strategy | null,
): ScoreCard {
  const out: Contribution[] = [];
  const add = (fact: string, effects: Partial<Record<Strategy, number>>): void => {
    out.push({ fact, effects });
  };
  const blocked: Partial<Record<Strategy, string>> = {};
  const assets = f.hosts.length + f.databases.length || 1;

  if (f.decommissioned.count > 0) {
    const frac = Math.min(1, f.decommissioned.count / assets);
    add(
      `lifecycle status "${f.decommissioned.statuses.join('", "')}" on ${f.decommissioned.count} of ${assets} assets`,
      { retire: 4 + 4 * frac },
    );
  }
  if (isZombie(f)) {
    const mem = f.memAvg === null ? ' (memory not reported)' : ` and memory ${pct(f.memAvg)}`;
    add(
      `average CPU ${pct(f.cpuAvg ?? 0)}${mem} over ${plural(f.utilSamples, 'server')} → zombie (under 5%)`,
      { retire: f.memAvg === null ? 3.5 : 6 },
    );
  } else if (f.cpuAvg !== null && f.cpuAvg < 20 && (f.memAvg === null || f.memAvg < 20)) {
    const mem = f.memAvg === null ? '' : ` and memory ${pct(f.memAvg)}`;
    add(`average CPU ${pct(f.cpuAvg)}${mem} → idle (5–20%): right-size on the move, or consider retiring`, {
      retire: 1.2,
      rehost: 0.3,
    });
  }
  if (f.servers > 0 && f.poweredOff > 0) {
    const frac = f.poweredOff / f.servers;
    add(`${f.poweredOff} of ${plural(f.servers, 'server')} powered off`, { retire: 3 * frac });
  }
  if (f.legacy.length) {
    const names = f.legacy.map((l) => `${l.label} (${l.assets.length})`).join(', ');
    const why = `${names} has no x86 equivalent on AWS`;
    blocked.rehost = why;
    blocked.replatform = why;
    blocked.relocate = why;
    add(`runs on ${names}: cannot be rehosted → retain, or refactor/rearchitect to move`, {
      retain: 3,
      refactor: 2,
      rearchitect: 1.6,
      rebuild: 0.5,
    });
  }
  for (const e of f.eol) {
    const when = e.eolDate
      ? `${e.status === 'eol' ? 'end of support' : 'support ends'} ${e.eolDate}`
      : 'end of life';
    const pool = e.component === 'database' ? f.databases : f.hosts;
    const inPool = new Set(pool.map((a) => a.name));
    const total = pool.length + e.assets.filter((n) => !inPool.has(n)).length;
    const whose = `${e.assets.length} of ${plural(total, e.component === 'database' ? 'database' : 'server')}`;
    const run = e.assets.length === 1 ? 'runs' : 'run';
    const strength = e.status === 'eol' ? 1 : 0.45;
    if (e.component === 'database') {
      add(
        `${whose} ${run} ${e.label} (${when}) → managed database on a supported version (e.g. Amazon RDS)`,
        {
          replatform: 3.5 * strength,
          refactor: 0.5 * strength,
        },
      );
    } else if (e.component === 'os') {
      const frac = Math.max(0.5, e.assets.length / Math.max(1, total));
      add(`${whose} ${run} ${e.label} (${when}) → upgrade the OS to a supported version during the move`, {
        replatform: 2 * frac * strength,
        rehost: -0.5 * strength,
      });
    } else if (e.component === 'runtime' && DEAD_END_RUNTIME.test(e.label)) {
      add(
        `${whose} ${e.assets.length === 1 ? 'uses' : 'use'} ${e.label} (${when}), which has no upgrade path → rebuild on a current stack`,
        {
          rebuild: 3.5 * strength,
          rearchitect: 1 * strength,
        },
      );
    } else if (e.component === 'runtime') {
      add(`${whose} ${e.assets.length === 1 ? 'uses' : 'use'} ${e.label} (${when})`, {
        refactor: strength,
        replatform: 0.8 * strength,
      });
    }
  }
  if (f.databases.length && !f.eol.some((e) => e.component === 'database' && e.status === 'eol')) {
    const ops = goalPull(c.goals.reduceOperationalOverheadWithManagedServices);
    add(`${plural(f.databases.length, 'database')} could run on a managed service (e.g. Amazon RDS)`, {
      replatform: 0.6 + 0.4 * ops,
    });
  }
  if (!f.legacy.length && !f.eol.length && f.decommissioned.count === 0 && f.servers > 0) {
    const os = f.osLabels.slice(0, 2).join(', ') || 'x86 platforms';
    add(`${plural(f.servers, 'server')} on supported x86 platforms (${os}) can move as they are`, {
      rehost: 0.5,
    });
  }
  if (f.commodity) {
    add(
      `commodity ${f.commodity.label} software ("${f.commodity.evidence}") → replace with ${f.commodity.saas} (SaaS)`,
      { repurchase: f.commodity.weight },
    );
  }
  if (c.vmwareTargetWanted && f.vmware > 0 && !f.legacy.length) {
    add(
      `runs on VMware (${f.vmware} of ${plural(f.hosts.length || f.vmware, 'asset')}) and a VMware-compatible target is wanted → relocate (VMware Cloud on AWS)`,
      { relocate: 4.5 },
    );
  } else if (!blocked.relocate) {
    blocked.relocate = c.vmwareTargetWanted
      ? 'not running on VMware'
      : 'the engagement does not ask for a VMware-compatible target';
  }
  if (intended) {
    add(`the inventory records the intended strategy "${intended}"`, { [intended]: 2.5 });
  }
  criteriaFacts(c, d, deps, f, add);
  const scores = { ...PRIOR };
  for (const con of out) {
    for (const [s, w] of Object.entries(con.effects) as [Strategy, number][]) scores[s] += w;
  }
  for (const s of STRATEGIES) if (blocked[s]) scores[s] = Number.NEGATIVE_INFINITY;
  return { scores, blocked, contributions: out };
}

function criteriaFacts(
  c: ResolvedCriteria,
  d: Details,
  deps: { dependsOn: number; dependedOnBy: number },
  f: AppFacts,
  add: (fact: string, effects: Partial<Record<Strategy, number>>) => void,
): void {
  if (c.timeline_pressure === 'urgent') {
    add('urgent timeline pressure favours the fastest path', {
      rehost: 2.5,
      relocate: 1.5,
      replatform: -0.3,
      refactor: -1.5,
      rearchitect: -2,
      rebuild: -2.5,
    });
  } else if (c.timeline_pressure === 'relaxed') {
    add('relaxed timeline leaves room to modernise', { refactor: 0.5, rearchitect: 0.5, rebuild: 0.3 });
  }
  const speed = goalPull(c.goals.speedOfMigration);
  if (speed !== 0) {
    add(`business goal "speed of migration" at ${c.goals.speedOfMigration}/5`, {
      rehost: 0.6 * speed,
      relocate: 0.4 * speed,
      refactor: -0.4 * speed,
      rearchitect: -0.4 * speed,
      rebuild: -0.4 * speed,
    });
  }
  if (c.budget_constraints === 'tight') {
    add('tight budget favours low-effort moves', {
      rehost: 1,
      replatform: 0.2,
      refactor: -1,
      rearchitect: -1.5,
      rebuild: -1.5,
    });
  } else if (c.budget_constraints === 'flexible') {
    add('flexible budget allows modernisation', { refactor: 0.5, rearchitect: 0.5, rebuild: 0.3 });
  }
  if (c.modernization_priority === 'high') {
    add('modernization priority is high', { refactor: 2, rearchitect: 1.5, rebuild: 0.6, replatform: 0.5 });
  } else if (c.modernization_priority === 'low') {
    add('modernization priority is low', { rehost: 1, refactor: -0.5, rearchitect: -0.5 });
  }
  const mod = goalPull(c.goals.modernizeInfrastructureWithCloudNativeTechnologies);
  if (mod !== 0) {
    add(
      `business goal "modernize with cloud-native technologies" at ${c.goals.modernizeInfrastructureWithCloudNativeTechnologies}/5`,
      {
        refactor: 0.6 * mod,
        rearchitect: 0.6 * mod,
        rebuild: 0.3 * mod,
        rehost: -0.3 * mod,
      },
    );
  }
  const lic = goalPull(c.goals.licenseCostReduction);
  if (lic !== 0 && f.licensed.length) {
    add(
      `business goal "license cost reduction" at ${c.goals.licenseCostReduction}/5 with ${f.licensed.join(', ')}`,
      {
        replatform: 0.5 * lic,
        refactor: 0.3 * lic,
        repurchase: 0.3 * lic,
      },
    );
  }
  if (
    c.modernization_priority === 'high' &&
    d.business_value >= 7 &&
    d.complexity_score >= 3 &&
    d.complexity_score <= 7
  ) {
    add(
      `business value ${d.business_value}/10 with moderate complexity ${d.complexity_score}/10 justifies modernising`,
      {
        refactor: 1.5,
        rearchitect: 1.3,
      },
    );
  }
  if (d.complexity_score >= 8) {
    add(`high complexity ${d.complexity_score}/10 (servers, databases, dependencies)`, {
      rehost: 0.5,
      rearchitect: -0.5,
      rebuild: -1,
    });
  }
  if (deps.dependedOnBy >= 5) {
    add(`${deps.dependedOnBy} applications depend on it → minimise change`, {
      rehost: 0.5,
      rearchitect: -0.3,
    });
  }
  if ((f.criticality === 'critical' || f.criticality === 'high') && f.decommissioned.count === 0) {
    add(`business criticality ${f.criticality}`, { retire: -1.5 });
  }
}
