/**
 * The whole assessment of an engagement in one call, as the assessment flow uses it: applications,
 * a recommendation for every one (user overrides applied and marked), risks, costs and the wave plan,
 * with totals. Linear in assets + edges, so thousands of applications take well under seconds.
 */
import type { Asset } from '../assetSchema.ts';
import { cmp, groupApplications } from './applications.ts';
import { estimateCost, sumCosts, sumRanges } from './cost.ts';
import { resolveCriteria } from './criteria.ts';
import { applicationFacts } from './facts.ts';
import { stronglyConnected } from './graph.ts';
import { assessRisks, highestSeverity } from './risk.ts';
import { recommendStrategy, type StrategyContext } from './strategy.ts';
import {
  type Application,
  type AppPlanInput,
  type CostRange,
  type DependencyEdgeInput,
  type EngagementCriteria,
  type MoveGroupInput,
  NOT_MIGRATED,
  type PastDecision,
  type Range,
  type SixRAnalysis,
  STRATEGIES,
  type Strategy,
  type StrategyOverride,
  type WavePlan,
  type WavePlanOptions,
} from './types.ts';
import { planWaves } from './waves.ts';

/** Engagement-wide totals: every application counted, migrated or not. */
export interface EngagementTotals {
  applications: number;
  servers: number;
  migrated: number;
  notMigrated: number;
  overridden: number;
  byStrategy: Record<Strategy, number>;
  effortPersonDays: Range;
  cost: CostRange;
  /** Weeks from the first wave's start to the last wave's end. */
  durationWeeks: number;
}

/** Options of one engagement assessment. */
export interface AssessEngagementOptions {
  decisionHistory?: readonly PastDecision[];
  waves?: WavePlanOptions;
}

/** The full result. */
export interface EngagementAssessment {
  applications: SixRAnalysis[];
  waves: WavePlan;
  totals: EngagementTotals;
}

/** Step one of an assessment: a recommendation for every application (overrides applied). */
export interface EngagementRecommendations {
  applications: SixRAnalysis[];
  /** What wave planning needs of each application, in the same order. */
  plan: AppPlanInput[];
  servers: number;
  /** Overrides that named no known application. */
  warnings: string[];
}

/**
 * Recommends a strategy for every application of the engagement. Overrides (application →
 * strategy, by whom, why) replace the engine's primary recommendation; the analysis keeps what the
 * engine said in `overridden.from` and its rationale, and effort, cost and risks follow the chosen strategy.
 */
export function recommendEngagement(
  assets: readonly Asset[],
  edges: readonly DependencyEdgeInput[],
  moveGroups: readonly MoveGroupInput[],
  criteria: EngagementCriteria = {},
  overrides: readonly StrategyOverride[] = [],
  options: Pick<AssessEngagementOptions, 'decisionHistory'> = {},
): EngagementRecommendations {
  return recommendApplications(groupApplications(assets, edges, moveGroups), criteria, overrides, options);
}

/** As recommendEngagement, for applications already grouped (callers that also need the groups). */
export function recommendApplications(
  apps: readonly Application[],
  criteria: EngagementCriteria = {},
  overrides: readonly StrategyOverride[] = [],
  options: Pick<AssessEngagementOptions, 'decisionHistory'> = {},
): EngagementRecommendations {
  const c = resolveCriteria(criteria);
  const cycleMembers = applicationCycles(apps);
  const context: StrategyContext = { decisionHistory: options.decisionHistory, cycleMembers };
  const byName = new Map<string, StrategyOverride>();
  for (const o of overrides) byName.set(o.application.trim().toLowerCase(), o);
  const matched = new Set<string>();
  const analyses: SixRAnalysis[] = [];
  const plan: AppPlanInput[] = [];
  let servers = 0;
  for (const app of apps) {
    let analysis = recommendStrategy(app, criteria, context);
    const key = app.name.trim().toLowerCase();
    const o = byName.get(key);
    if (o) {
      matched.add(key);
      analysis = applyOverride(analysis, app, o, criteria, context);
    }
    analyses.push(analysis);
    const facts = applicationFacts(app, c.business_criticality);
    servers += facts.servers;
    plan.push({
      name: app.name,
      strategy: analysis.primary_recommendation,
      servers: facts.servers,
      dependsOn: app.dependsOn,
      moveGroupIds: app.moveGroupIds,
      criticality: facts.criticality,
      dependedOnBy: app.dependedOnBy.length,
      riskLevel: highestSeverity(analysis.risk_factors),
      effortPersonDays: analysis.estimated_effort,
      cost: analysis.estimated_cost,
    });
  }
  const warnings = overrides
    .filter((o) => !matched.has(o.application.trim().toLowerCase()))
    .map((o) => `override for unknown application "${o.application}" ignored`);
  return { applications: analyses, plan, servers, warnings };
}

/** Step two: waves over the recommendations, and engagement totals. */
export function planEngagement(
  recommended: EngagementRecommendations,
  criteria: EngagementCriteria = {},
  waveOptions: WavePlanOptions = {},
): EngagementAssessment {
  const c = resolveCriteria(criteria);
  const analyses = recommended.applications;
  const waves = planWaves(recommended.plan, {
    teamPersonDaysPerWeek: c.teamPersonDaysPerWeek,
    ...waveOptions,
  });
  waves.warnings.push(...recommended.warnings);
  const byStrategy = Object.fromEntries(STRATEGIES.map((s) => [s, 0])) as Record<Strategy, number>;
  for (const a of analyses) byStrategy[a.primary_recommendation] += 1;
  const notMigrated = analyses.filter((a) => NOT_MIGRATED.has(a.primary_recommendation)).length;
  return {
    applications: analyses,
    waves,
    totals: {
      applications: analyses.length,
      servers: recommended.servers,
      migrated: analyses.length - notMigrated,
      notMigrated,
      overridden: analyses.filter((a) => a.overridden).length,
      byStrategy,
      effortPersonDays: sumRanges(analyses.map((a) => a.estimated_effort)),
      cost: sumCosts(
        analyses.map((a) => a.estimated_cost),
        c.currency,
      ),
      durationWeeks: waves.totalWeeks,
    },
  };
}

/** The whole assessment in one call: recommendations, then waves and totals. */
export function assessEngagement(
  assets: readonly Asset[],
  edges: readonly DependencyEdgeInput[],
  moveGroups: readonly MoveGroupInput[],
  criteria: EngagementCriteria = {},
  overrides: readonly StrategyOverride[] = [],
  options: AssessEngagementOptions = {},
): EngagementAssessment {
  const recommended = recommendEngagement(assets, edges, moveGroups, criteria, overrides, options);
  return planEngagement(recommended, criteria, options.waves);
}

/**
 * Replaces an analysis's primary strategy with a user's choice. Confidence becomes 1 (a person
 * decided); the engine's own primary becomes the first alternative, so nothing it said is lost.
 */
export function applyOverride(
  analysis: SixRAnalysis,
  app: Application,
  override: StrategyOverride,
  criteria?: EngagementCriteria,
  context?: StrategyContext,
): SixRAnalysis {
  const from = analysis.primary_recommendation;
  if (override.strategy === from && !analysis.overridden) {
    return {
      ...analysis,
      confidence_score: 1,
      rationale: `Confirmed by ${override.by}: ${override.reason}. ${analysis.rationale}`,
      overridden: {
        from,
        by: override.by,
        reason: override.reason,
        ...(override.at ? { at: override.at } : {}),
      },
    };
  }
  const engine = { strategy: from, confidence: analysis.confidence_score, rationale: analysis.rationale };
  const others = analysis.alternatives.filter((a) => a.strategy !== override.strategy);
  const alternatives = [engine, others[0] ?? analysis.alternatives[0]] as SixRAnalysis['alternatives'];
  const cost = estimateCost(app, override.strategy, criteria);
  return {
    ...analysis,
    primary_recommendation: override.strategy,
    confidence_score: 1,
    alternatives,
    rationale: `Overridden by ${override.by}: ${override.reason}. The engine recommended ${from} (confidence ${analysis.confidence_score}): ${analysis.rationale}`,
    estimated_effort: { ...cost.effortPersonDays, unit: 'person_days' },
    estimated_cost: cost.cost,
    risk_factors: assessRisks(app, override.strategy, { cycleMembers: context?.cycleMembers, criteria }),
    overridden: {
      from,
      by: override.by,
      reason: override.reason,
      ...(override.at ? { at: override.at } : {}),
    },
  };
}

/** Application name → the sorted members of its dependency cycle (only applications in a cycle). */
export function applicationCycles(apps: readonly Application[]): Map<string, string[]> {
  const idx = new Map(apps.map((a, i) => [a.name, i]));
  const adj = apps.map((a) => a.dependsOn.map((d) => idx.get(d)).filter((i): i is number => i !== undefined));
  const out = new Map<string, string[]>();
  for (const comp of stronglyConnected(apps.length, adj)) {
    if (comp.length < 2) continue;
    const names = comp.map((i) => (apps[i] as Application).name).sort(cmp);
    for (const n of names) out.set(n, names);
  }
  return out;
}
