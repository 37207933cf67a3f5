/**
 * data_import and field_mapping: profile the upload, then map its columns onto the canonical schema.
 */
import { reviewFieldMappings } from '#agents/phaseAgents.ts';
import { importLimitsOf } from '#config/config.ts';
import type { FileKind } from '#domain/assetSchema.ts';
import { mapColumns } from '#domain/mapping/index.ts';
import type { FieldMapping, ImportProfile, MappingResult } from '#domain/tableTypes.ts';
import { openUpload, type UploadTable } from '#import/index.ts';
import { learnedMappingProposals } from '#memory/mappingProposals.ts';
import { memoryManagerFor } from '#memory/memoryApi.ts';
import { resolveLimits } from '#security/tenantLimits.ts';
import type { PhaseContext, PhaseOutcome } from '../flowRegistry.ts';
import { discoveryConfigOf } from './discoveryConfig.ts';
import { readPhaseOutput } from './phaseOutputs.ts';

/**
 * Opens the flow's upload for (re-)reading from the object store, within the tenant's limits
 * (resolveLimits, read on first use: uploads started by S3 triggers are checked here too).
 */
export function uploadTable(ctx: PhaseContext): UploadTable {
  const { upload } = discoveryConfigOf(ctx.flow);
  let opened: Promise<UploadTable> | undefined;
  const table = () =>
    (opened ??= resolveLimits(ctx.services, ctx.tenant.clientAccountId).then((limits) =>
      openUpload(
        () => ctx.services.objects.getStream(ctx.tenant, upload.objectKey),
        upload.fileName,
        importLimitsOf(limits),
      ),
    ));
  return {
    profile: async () => (await table()).profile(),
    rows: async function* () {
      yield* (await table()).rows();
    },
  };
}

export async function dataImport(ctx: PhaseContext): Promise<PhaseOutcome> {
  const profile = await uploadTable(ctx).profile();
  return {
    summary: {
      rows: profile.rows,
      columns: profile.columns.length,
      format: profile.format,
      sheets: profile.sheets.length,
      ...(profile.composition ? { composition: profile.composition } : {}),
    },
    output: profile,
  };
}

export async function fieldMapping(ctx: PhaseContext): Promise<PhaseOutcome> {
  const profile = await readPhaseOutput<ImportProfile>(ctx, 'data_import');
  const learned = await ctx.services.mappings.list(ctx.tenant);
  const config = discoveryConfigOf(ctx.flow);
  const threshold = config.reviewThreshold ?? ctx.services.config.reviewThreshold;
  const memoryNotes: string[] = [];
  const proposals = await Promise.resolve()
    .then(() =>
      learnedMappingProposals(
        memoryManagerFor(ctx.services),
        ctx.tenant,
        profile.columns.map((c) => c.header),
        learned,
      ),
    )
    .catch((error: unknown) => {
      // Memory only adds proposals: mapping goes on without them when the store is unreachable.
      memoryNotes.push(`memory: learned proposals unavailable (${(error as Error).message?.slice(0, 120)})`);
      return [];
    });
  const engine = mapColumns(profile.columns, { learned, proposals });
  const agents = await reviewFieldMappings(ctx, profile.columns, engine, threshold);
  const result = agents.result;
  const reasons = reviewReasons(result, threshold);
  const needsReview = reasons.length > 0 && !config.autoApprove;
  const notes =
    reasons.length > 0 && config.autoApprove ? [`auto-approved despite: ${reasons.join('; ')}`] : [];
  return {
    summary: {
      kind: result.kind,
      mapped: result.mappings.filter((m) => m.target).length,
      unmapped: result.mappings.filter((m) => !m.target).length,
      needsReview,
      ...(needsReview ? { reviewReasons: reasons } : {}),
      agents: { method: agents.method, reviewed: agents.reviewed },
    },
    output: result,
    notes: [
      ...memoryNotes,
      ...agents.notes,
      ...(needsReview ? [`review needed: ${reasons.join('; ')}`] : notes),
    ],
  };
}

/** Required identity fields per file kind: each inner list needs at least one mapped field. */
const REQUIRED: Record<FileKind, readonly (readonly string[])[]> = {
  assets: [
    ['name', 'hostname', 'fqdn'],
    ['ipAddress', 'operatingSystem'],
  ],
  connections: [
    ['sourceIp', 'sourceHost'],
    ['destinationIp', 'destinationHost'],
  ],
};

/** Why a user should look at these mappings before the flow goes on (empty = no review needed). */
export function reviewReasons(result: MappingResult, threshold: number): string[] {
  const mapped = new Set(result.mappings.map((m) => m.target).filter(Boolean));
  const reasons: string[] = [];
  for (const group of REQUIRED[result.kind]) {
    if (!group.some((field) => mapped.has(field as never)))
      reasons.push(`no column maps to ${group.join(' or ')}`);
  }
  const unsure = result.mappings.filter(
    // A learned proposal from a similar header carries a lower confidence and is reviewed like any other.
    (m) => m.target && m.method !== 'user' && m.confidence < threshold,
  );
  if (unsure.length > 0) {
    reasons.push(
      `${unsure.length} mapping(s) below confidence ${threshold}: ${unsure
        .slice(0, 5)
        .map((m) => `${m.source} -> ${m.target}`)
        .join(', ')}`,
    );
  }
  return reasons;
}

/** The mappings cleansing uses: the engine's result with this flow's user corrections applied. */
export async function effectiveMappings(ctx: PhaseContext): Promise<MappingResult> {
  const result = await readPhaseOutput<MappingResult>(ctx, 'field_mapping');
  const corrections = discoveryConfigOf(ctx.flow).mappingCorrections ?? {};
  return applyCorrections(result, corrections);
}

/** Applies source -> target corrections; a target taken by a correction is freed from other columns. */
export function applyCorrections(
  result: MappingResult,
  corrections: Record<string, string | null>,
): MappingResult {
  const claimed = new Set(Object.values(corrections).filter((t): t is string => Boolean(t)));
  const mappings: FieldMapping[] = result.mappings.map((m) => {
    if (Object.hasOwn(corrections, m.source)) {
      const target = corrections[m.source] ?? null;
      return {
        ...m,
        target: target as FieldMapping['target'],
        confidence: 1,
        method: 'user',
        reason: 'corrected by a user',
      };
    }
    if (m.target && claimed.has(m.target)) {
      return { ...m, target: null, reason: `${m.target} was given to another column by a user` };
    }
    return m;
  });
  return { kind: result.kind, mappings };
}
