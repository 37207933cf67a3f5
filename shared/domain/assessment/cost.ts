/**
 * Effort and cost per application and strategy: person-days from the application's size (servers,
 * databases, storage) and the strategy's per-unit effort, scaled by complexity, priced at the
 * engagement's day rate (default USD 1,000 per person-day), as a low/expected/high range with the
 * arithmetic spelled out in `basis`.
 */
import { resolveCriteria } from './criteria.ts';
import { applicationFacts } from './facts.ts';
import { computeDetails } from './scoring.ts';
import type { Application, CostRange, EngagementCriteria, Range, Strategy } from './types.ts';

/** Person-days per unit of work, per strategy: fixed per application, per server, per database, per TB. */
export interface EffortModel {
  perApplication: number;
  perServer: number;
  perDatabase: number;
  perTerabyte: number;
  /** Multipliers of the expected effort for the low and high ends. */
  low: number;
  high: number;
}

/**
 * Effort model (person-days). Rehost and relocate are mostly per server (replication, cutover,
 * testing); replatform adds database migration; refactor/rearchitect/rebuild are dominated by
 * fixed engineering per application; repurchase by data migration and onboarding; retire by
 * archiving and decommissioning; retain by documentation only.
 */
export const EFFORT_MODEL: Record<Strategy, EffortModel> = {
  rehost: { perApplication: 3, perServer: 2, perDatabase: 3, perTerabyte: 0.5, low: 0.75, high: 1.5 },
  relocate: { perApplication: 2, perServer: 1, perDatabase: 1, perTerabyte: 0.25, low: 0.75, high: 1.4 },
  replatform: { perApplication: 8, perServer: 4, perDatabase: 8, perTerabyte: 1, low: 0.7, high: 1.7 },
  refactor: { perApplication: 30, perServer: 8, perDatabase: 10, perTerabyte: 1, low: 0.6, high: 2 },
  rearchitect: { perApplication: 60, perServer: 12, perDatabase: 15, perTerabyte: 1.5, low: 0.6, high: 2.2 },
  rebuild: { perApplication: 90, perServer: 15, perDatabase: 15, perTerabyte: 1.5, low: 0.6, high: 2.5 },
  repurchase: { perApplication: 20, perServer: 1, perDatabase: 6, perTerabyte: 1, low: 0.7, high: 1.8 },
  retire: { perApplication: 1, perServer: 0.5, perDatabase: 2, perTerabyte: 0.25, low: 0.8, high: 1.5 },
  retain: { perApplication: 0.5, perServer: 0.25, perDatabase: 0, perTerabyte: 0, low: 1, high: 1.5 },
};

const r1 = (n: number): number => Math.round(n * 10) / 10;
const money = (n: number): number => Math.round(n);

/** The effort and cost estimate of one application under one strategy. */
export interface CostEstimate {
  effortPersonDays: Range;
  cost: CostRange;
  basis: string;
}

/**
 * Estimates effort (person-days) and cost for an application under a strategy. Complexity (1..10,
 * from analysis_details) scales the expected effort between 0.8x (1/10) and 1.52x (10/10).
 */
export function estimateCost(
  app: Application,
  strategy: Strategy,
  criteria?: EngagementCriteria,
): CostEstimate {
  const c = resolveCriteria(criteria);
  const facts = applicationFacts(app, c.business_criticality);
  const details = computeDetails(
    facts,
    { dependsOn: app.dependsOn.length, dependedOnBy: app.dependedOnBy.length },
    c,
  );
  const m = EFFORT_MODEL[strategy];
  const servers = facts.servers;
  const dbs = facts.databases.length;
  const tb = (facts.storageGb + facts.databaseSizeGb) / 1000;
  const raw = m.perApplication + m.perServer * servers + m.perDatabase * dbs + m.perTerabyte * tb;
  const factor = 0.8 + (details.complexity_score - 1) * 0.08;
  const expected = r1(raw * factor);
  const effort: Range = { low: r1(expected * m.low), expected, high: r1(expected * m.high) };
  const cost: CostRange = {
    low: money(effort.low * c.dayRate),
    expected: money(effort.expected * c.dayRate),
    high: money(effort.high * c.dayRate),
    currency: c.currency,
  };
  const basis =
    `${strategy}: ${m.perApplication} pd per application + ${servers} server(s) × ${m.perServer} pd + ` +
    `${dbs} database(s) × ${m.perDatabase} pd + ${r1(tb)} TB × ${m.perTerabyte} pd = ${r1(raw)} pd; ` +
    `× ${r1(factor * 100) / 100} for complexity ${details.complexity_score}/10 = ${expected} pd expected ` +
    `(range ×${m.low}–×${m.high}); at ${c.currency} ${c.dayRate.toLocaleString('en-US')} per person-day`;
  return { effortPersonDays: effort, cost, basis };
}

/** Adds ranges (used for wave and engagement totals). */
export function sumRanges(ranges: readonly Range[]): Range {
  let low = 0;
  let expected = 0;
  let high = 0;
  for (const r of ranges) {
    low += r.low;
    expected += r.expected;
    high += r.high;
  }
  return { low: r1(low), expected: r1(expected), high: r1(high) };
}

/** Adds cost ranges of one currency. */
export function sumCosts(costs: readonly CostRange[], currency: string): CostRange {
  let low = 0;
  let expected = 0;
  let high = 0;
  for (const r of costs) {
    low += r.low;
    expected += r.expected;
    high += r.high;
  }
  return { low: money(low), expected: money(expected), high: money(high), currency };
}
