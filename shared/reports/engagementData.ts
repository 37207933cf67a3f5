/**
 * Everything the report and the exports read about one engagement, loaded once from the stored
 * data (inventory, dependency document, latest assessment) so renderers stay pure.
 */
import type { Asset } from '#domain/assetSchema.ts';
import { NotFoundError } from '#errors/errors.ts';
import { type AssessmentDoc, latestAssessment } from '#flows/assessment/assessmentQueries.ts';
import { type DependencyView, dependencyView, listInventory } from '#flows/engagementQueries.ts';
import type { Services } from '#flows/services.ts';
import type { TenantContext } from '#ports/tenant.ts';

/** The stored facts of an engagement; `assessment` is null until an assessment has completed. */
export interface EngagementData {
  readonly engagementId: string;
  readonly name: string;
  /** ISO timestamp the data was read (printed on the report). */
  readonly generatedAt: string;
  readonly assets: readonly Asset[];
  readonly dependencies: DependencyView;
  readonly assessment: AssessmentDoc | null;
}

/** Reads the engagement's inventory, dependencies and latest assessment (if any). */
export async function loadEngagementData(
  services: Services,
  tenant: TenantContext,
  engagementId: string,
): Promise<EngagementData> {
  const [engagement, assets, dependencies, assessment] = await Promise.all([
    services.engagements.get(tenant, engagementId),
    listInventory(services, tenant, engagementId),
    dependencyView(services, tenant, engagementId),
    latestAssessment(services, tenant, engagementId).catch((error: unknown) => {
      if (error instanceof NotFoundError) return null;
      throw error;
    }),
  ]);
  return {
    engagementId,
    name: engagement?.name ?? engagementId,
    generatedAt: services.clock.now().toISOString(),
    assets,
    dependencies,
    assessment,
  };
}
