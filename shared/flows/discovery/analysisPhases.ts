/**
 * dependency_analysis and tech_debt_analysis over the engagement's whole inventory.
 */
import { reviewDependencies } from '#agents/phaseAgents.ts';
import type { Asset } from '#domain/assetSchema.ts';
import { buildDependencyGraph, type ConnectionInput } from '#domain/dependencies/index.ts';
import type { CleansedRecord } from '#domain/tableTypes.ts';
import { assessTechDebt } from '#domain/techdebt/index.ts';
import { objectKeys } from '#ports/objectStore.ts';
import type { PhaseContext, PhaseOutcome } from '../flowRegistry.ts';
import { asOfDate } from './discoveryConfig.ts';
import { fromJsonLines } from './jsonLines.ts';

/** The engagement's dependency document (edges, move groups, cycles, applications). */
export function dependencyDocKey(clientAccountId: string, engagementId: string): string {
  return objectKeys.engagementDoc(clientAccountId, engagementId, 'dependencies');
}

export async function dependencyAnalysis(ctx: PhaseContext): Promise<PhaseOutcome> {
  const { tenant, flow, services } = ctx;
  const assets = await services.assets.list(tenant, flow.engagementId);
  const uploads = (await services.uploads.list(tenant, flow.engagementId)).filter(
    (u) => u.kind === 'connections' && u.cleansedKey,
  );
  const inputs: ConnectionInput[] = [];
  for (const upload of uploads) {
    const bytes = await services.objects.getStream(tenant, upload.cleansedKey as string);
    for await (const record of fromJsonLines<CleansedRecord>(bytes))
      inputs.push(record.fields as ConnectionInput);
  }
  const graph = buildDependencyGraph(assets, inputs);
  await services.edges.replaceAll(tenant, flow.engagementId, graph.edges);
  await services.objects.put(
    tenant,
    dependencyDocKey(flow.clientAccountId, flow.engagementId),
    JSON.stringify(graph),
    'application/json',
  );
  const agents = await reviewDependencies(ctx, graph);
  return {
    output: { review: agents.review },
    notes: agents.notes,
    summary: {
      review: agents.review.method,
      edges: graph.edges.length,
      externalNodes: graph.externalNodes.length,
      moveGroups: graph.moveGroups.length,
      cycles: graph.cycles.length,
      connectionFiles: uploads.length,
    },
  };
}

export async function techDebtAnalysis(ctx: PhaseContext): Promise<PhaseOutcome> {
  const { tenant, flow, services } = ctx;
  const asOf = asOfDate(flow);
  const assets = await services.assets.list(tenant, flow.engagementId);
  const counts: Record<string, number> = { eol: 0, eol_soon: 0, supported: 0, unknown: 0 };
  const changed: Asset[] = [];
  for (const asset of assets) {
    const techDebt = assessTechDebt(asset, asOf);
    for (const finding of techDebt) counts[finding.status] = (counts[finding.status] ?? 0) + 1;
    if (JSON.stringify(techDebt) !== JSON.stringify(asset.techDebt ?? []))
      changed.push({ ...asset, techDebt });
  }
  await services.assets.putMany(tenant, flow.engagementId, changed);
  return { summary: { asOf, assets: assets.length, updated: changed.length, findings: counts } };
}
