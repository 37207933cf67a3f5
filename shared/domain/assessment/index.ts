/**
 * The assessment engines (pure domain, no I/O): applications from assets, 7R strategy with
 * rationale, effort and cost, risk and compliance, and wave planning. `assessEngagement` composes
 * them as the assessment flow uses them.
 */
export { cmp, groupApplications } from './applications.ts';
export { checkCompliance } from './compliance.ts';
export {
  type CostEstimate,
  EFFORT_MODEL,
  type EffortModel,
  estimateCost,
  sumCosts,
  sumRanges,
} from './cost.ts';
export {
  DEFAULT_CURRENCY,
  DEFAULT_DAY_RATE,
  isDecommissioned,
  parseCriticality,
  type ResolvedCriteria,
  resolveCriteria,
} from './criteria.ts';
export {
  type AssessEngagementOptions,
  applicationCycles,
  applyOverride,
  assessEngagement,
  type EngagementAssessment,
  type EngagementRecommendations,
  type EngagementTotals,
  planEngagement,
  recommendApplications,
  recommendEngagement,
} from './engagement.ts';
export { type AppFacts, applicationFacts, traitsOf } from './facts.ts';
export { assessRisks, highestSeverity, type RiskGraphContext } from './risk.ts';
export { recommendStrategy, type StrategyContext } from './strategy.ts';
export * from './types.ts';
export { planWaves } from './waves.ts';
