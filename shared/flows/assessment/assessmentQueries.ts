/**
 * Read models and actions of assessment shared by the HTTP API and the CLI.
 */
import {
  applicationFacts,
  type EngagementAssessment,
  groupApplications,
  resolveCriteria,
  STRATEGIES,
  type Strategy,
  traitsOf,
} from '#domain/assessment/index.ts';
import { BadInputError, NotFoundError } from '#errors/errors.ts';
import { rememberStrategyOverride } from '#memory/learningHooks.ts';
import { memoryManagerFor } from '#memory/memoryApi.ts';
import type { StoredOverride } from '#ports/inventoryStore.ts';
import type { TenantContext } from '#ports/tenant.ts';
import type { Services } from '../services.ts';
import { assessmentDocKey, loadAssessmentInputs } from './assessmentInputs.ts';
import type { RiskRegister } from './assessmentPhases.ts';

export type AssessmentDoc = EngagementAssessment & {
  flowId: string;
  assessedAt: string;
  risks: RiskRegister;
};

/** The engagement's latest assessment, or NotFoundError when none has run. */
export async function latestAssessment(
  services: Services,
  tenant: TenantContext,
  engagementId: string,
): Promise<AssessmentDoc> {
  const text = await services.objects.getText(tenant, assessmentDocKey(tenant.clientAccountId, engagementId));
  if (text === null) throw new NotFoundError(`assessment of engagement ${engagementId}`);
  return JSON.parse(text) as AssessmentDoc;
}

/** Recommendations in the CLI contract's shape (`modernize assess`). */
export function recommendationsView(doc: AssessmentDoc) {
  return doc.applications.map((a) => ({
    application: a.application,
    strategy: a.primary_recommendation,
    confidence: a.confidence_score,
    rationale: a.rationale,
    alternatives: a.alternatives,
    effort: a.estimated_effort,
    cost: a.estimated_cost,
    risks: a.risk_factors,
    analysis: a.analysis_details,
    assetIds: a.asset_ids,
    method: a.method,
    ...(a.overridden ? { overridden: a.overridden } : {}),
  }));
}

/** Records a user's strategy for an application (who and why); it applies from the next assessment on. */
export async function recordOverride(
  services: Services,
  tenant: TenantContext,
  engagementId: string,
  input: { application: string; strategy: string; reason: string },
): Promise<StoredOverride> {
  const strategy = input.strategy.toLowerCase();
  if (!(STRATEGIES as readonly string[]).includes(strategy)) {
    throw new BadInputError(
      `unknown strategy "${input.strategy.slice(0, 30)}"; one of ${STRATEGIES.join(', ')}`,
    );
  }
  if (!input.reason.trim()) throw new BadInputError('an override needs a reason');
  const inputs = await loadAssessmentInputs(services, tenant, engagementId);
  const app = groupApplications(inputs.assets, inputs.edges, inputs.moveGroups).find(
    (a) => a.name.trim().toLowerCase() === input.application.trim().toLowerCase(),
  );
  if (!app) throw new NotFoundError(`application ${input.application}`);
  const override: StoredOverride = {
    engagementId,
    application: app.name,
    strategy: strategy as Strategy,
    by: tenant.userId,
    reason: input.reason.trim().slice(0, 1000),
    at: services.clock.now().toISOString(),
    traits: traitsOf(
      applicationFacts(app, resolveCriteria(inputs.criteria).business_criticality),
    ) as unknown as Record<string, unknown>,
  };
  await services.overrides.put(tenant, override);
  // The strategist remembers the decision (feedback + decision memory) for similar applications.
  await rememberStrategyOverride(() => memoryManagerFor(services), tenant, override);
  return override;
}
