/**
 * Read models and user actions shared by the HTTP API and the CLI: inventory,
 * dependencies, a flow's mappings, and corrections that teach the tenant's mapper.
 */
import {
  ASSET_FIELD_NAMES,
  type Asset,
  type CanonicalField,
  CONNECTION_FIELD_NAMES,
} from '#domain/assetSchema.ts';
import type { MappingResult } from '#domain/tableTypes.ts';
import { BadInputError, ConflictError, NotFoundError } from '#errors/errors.ts';
import { rememberMappingCorrection } from '#memory/learningHooks.ts';
import { memoryManagerFor } from '#memory/memoryApi.ts';
import type { FlowRecord } from '#ports/flowStore.ts';
import type { TenantContext } from '#ports/tenant.ts';
import { dependencyDocKey } from './discovery/analysisPhases.ts';
import { applyCorrections } from './discovery/importPhases.ts';
import type { Services } from './services.ts';

/** The engagement's assets, ordered by name. */
export async function listInventory(
  services: Services,
  tenant: TenantContext,
  engagementId: string,
): Promise<Asset[]> {
  const assets = await services.assets.list(tenant, engagementId);
  return assets.sort((a, b) => a.name.localeCompare(b.name) || a.assetId.localeCompare(b.assetId));
}

/** The dependency picture in the CLI contract's shape (plus cycles and external nodes). */
export interface DependencyView {
  edges: {
    from: string;
    to: string;
    port: number | null;
    protocol: string | null;
    count: number;
    external: boolean;
  }[];
  moveGroups: { id: string; members: string[] }[];
  cycles: string[][];
  externalNodes: string[];
}

export async function dependencyView(
  services: Services,
  tenant: TenantContext,
  engagementId: string,
): Promise<DependencyView> {
  const text = await services.objects.getText(tenant, dependencyDocKey(tenant.clientAccountId, engagementId));
  if (text === null) return { edges: [], moveGroups: [], cycles: [], externalNodes: [] };
  const doc = JSON.parse(text) as {
    edges: {
      from: string;
      to: string;
      port: number | null;
      protocol: string | null;
      count: number;
      fromExternal: boolean;
      toExternal: boolean;
    }[];
    moveGroups: { id: string; members: string[] }[];
    cycles: string[][];
    externalNodes: string[];
  };
  return {
    edges: doc.edges.map((e) => ({
      from: e.from,
      to: e.to,
      port: e.port,
      protocol: e.protocol,
      count: e.count,
      external: e.fromExternal || e.toExternal,
    })),
    moveGroups: doc.moveGroups.map((g) => ({ id: g.id, members: g.members })),
    cycles: doc.cycles,
    externalNodes: doc.externalNodes,
  };
}

/** Parses a user's target: a canonical field name, or `none`/null for "keep unmapped". */
export function parseTarget(target: string | null | undefined): CanonicalField | null {
  if (target === null || target === undefined || target === '' || target.toLowerCase() === 'none')
    return null;
  const all: readonly string[] = [...ASSET_FIELD_NAMES, ...CONNECTION_FIELD_NAMES];
  const found = all.find((f) => f.toLowerCase() === target.toLowerCase());
  if (!found) throw new BadInputError(`unknown target field "${target.slice(0, 60)}"`);
  return found as CanonicalField;
}

/** Records a tenant-wide correction: from now on this header (and its normalised variants) maps to `target`. */
export async function recordCorrection(
  services: Services,
  tenant: TenantContext,
  source: string,
  target: CanonicalField | null,
  origin: { original?: string | null; engagementId?: string; flowId?: string } = {},
): Promise<void> {
  if (!source.trim()) throw new BadInputError('source header is empty');
  await services.mappings.put(tenant, {
    header: source.trim(),
    target,
    kind: 'correction',
    createdAt: services.clock.now().toISOString(),
    createdBy: tenant.userId,
  });
  // Also a feedback memory: headers that resemble this one get it as a learned proposal.
  await rememberMappingCorrection(() => memoryManagerFor(services), tenant, {
    source: source.trim(),
    target,
    ...origin,
  });
}

/** Records that `source` must not map to `target` for this tenant. */
export async function recordRejection(
  services: Services,
  tenant: TenantContext,
  source: string,
  target: CanonicalField,
  origin: { engagementId?: string; flowId?: string } = {},
): Promise<void> {
  await services.mappings.put(tenant, {
    header: source.trim(),
    target,
    kind: 'rejection',
    createdAt: services.clock.now().toISOString(),
    createdBy: tenant.userId,
  });
  await rememberMappingCorrection(() => memoryManagerFor(services), tenant, {
    source: source.trim(),
    target,
    reject: true,
    ...origin,
  });
}

/** A flow's mappings as the review screen shows them (engine result + this flow's corrections). */
export async function flowMappings(
  services: Services,
  tenant: TenantContext,
  flow: FlowRecord,
): Promise<MappingResult> {
  const key = flow.phases.find((p) => p.name === 'field_mapping')?.outputKey;
  const text = key ? await services.objects.getText(tenant, key) : null;
  if (text === null) throw new NotFoundError(`mappings of flow ${flow.flowId}`);
  const corrections = (flow.config.mappingCorrections ?? {}) as Record<string, string | null>;
  return applyCorrections(JSON.parse(text) as MappingResult, corrections);
}

/**
 * Corrects (target) or rejects (reject: true) a flow's mapping before cleansing runs; the
 * correction is also learned for the tenant.
 */
export async function correctFlowMapping(
  services: Services,
  tenant: TenantContext,
  flowId: string,
  change: { source: string; target: CanonicalField | null; reject?: boolean },
): Promise<FlowRecord> {
  const flow = await services.flows.get(tenant, flowId);
  if (!flow) throw new NotFoundError(`flow ${flowId}`);
  const mappings = await flowMappings(services, tenant, flow);
  const current = mappings.mappings.find((m) => m.source === change.source);
  if (!current) throw new BadInputError(`flow ${flowId} has no column "${change.source.slice(0, 60)}"`);
  const cleansing = flow.phases.find((p) => p.name === 'data_cleansing');
  if (cleansing && cleansing.status !== 'pending') {
    throw new ConflictError('mappings can only change before data_cleansing runs');
  }
  let target = change.target;
  const origin = { engagementId: flow.engagementId, flowId };
  if (change.reject) {
    if (!current.target) throw new BadInputError(`column "${change.source}" has no mapping to reject`);
    await recordRejection(services, tenant, change.source, current.target, origin);
    target = null;
  } else {
    await recordCorrection(services, tenant, change.source, target, { ...origin, original: current.target });
  }
  return services.flows.update(tenant, flowId, (f) => {
    f.config = {
      ...f.config,
      mappingCorrections: {
        ...((f.config.mappingCorrections ?? {}) as Record<string, string | null>),
        [change.source]: target,
      },
    };
    f.updatedAt = services.clock.now().toISOString();
  });
}
