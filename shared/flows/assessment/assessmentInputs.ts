/**
 * What the assessment phases read: the engagement's inventory, dependency picture,
 * criteria, overrides and decision history.
 */

import {
  type DependencyEdgeInput,
  type EngagementCriteria,
  type MoveGroupInput,
  type PastDecision,
  STRATEGIES,
  type Strategy,
  type StrategyOverride,
} from '#domain/assessment/index.ts';
import type { Asset } from '#domain/assetSchema.ts';
import { objectKeys } from '#ports/objectStore.ts';
import type { TenantContext } from '#ports/tenant.ts';
import { dependencyDocKey } from '../discovery/analysisPhases.ts';
import type { Services } from '../services.ts';

/** The engagement's latest assessment document (recommendations, risks, waves, totals). */
export function assessmentDocKey(clientAccountId: string, engagementId: string): string {
  return objectKeys.engagementDoc(clientAccountId, engagementId, 'assessment');
}

export interface AssessmentInputs {
  readonly assets: Asset[];
  readonly edges: DependencyEdgeInput[];
  readonly moveGroups: MoveGroupInput[];
  readonly criteria: EngagementCriteria;
  readonly overrides: StrategyOverride[];
  readonly decisionHistory: PastDecision[];
}

/** Loads everything an assessment decides from. */
export async function loadAssessmentInputs(
  services: Services,
  tenant: TenantContext,
  engagementId: string,
): Promise<AssessmentInputs> {
  const [assets, depsText, engagement, overrides, history] = await Promise.all([
    services.assets.list(tenant, engagementId),
    services.objects.getText(tenant, dependencyDocKey(tenant.clientAccountId, engagementId)),
    services.engagements.get(tenant, engagementId),
    services.overrides.list(tenant, engagementId),
    services.overrides.listAll(tenant),
  ]);
  const deps = depsText
    ? (JSON.parse(depsText) as { edges: DependencyEdgeInput[]; moveGroups: MoveGroupInput[] })
    : { edges: [], moveGroups: [] };
  const isStrategy = (s: string): s is Strategy => (STRATEGIES as readonly string[]).includes(s);
  return {
    assets: assets.filter((a) => !a.isTemplate),
    edges: deps.edges,
    moveGroups: deps.moveGroups,
    criteria: (engagement?.settings.criteria ?? {}) as EngagementCriteria,
    overrides: overrides
      .filter((o) => isStrategy(o.strategy))
      .map((o) => ({
        application: o.application,
        strategy: o.strategy as Strategy,
        by: o.by,
        reason: o.reason,
        at: o.at,
      })),
    decisionHistory: history
      .filter((o) => o.engagementId !== engagementId && o.traits && isStrategy(o.strategy))
      .map((o) => ({
        traits: o.traits as PastDecision['traits'],
        strategy: o.strategy as Strategy,
        application: o.application,
        decidedBy: o.by,
      })),
  };
}
