/**
 * data_cleansing and asset_inventory: stream the upload through the cleanser into
 * NDJSON, then merge the cleansed rows into the engagement's inventory.
 */
import { compileCleanser } from '#domain/cleansing/index.ts';
import { InventoryBuilder } from '#domain/inventory/index.ts';
import type { CleansedRecord, ImportProfile } from '#domain/tableTypes.ts';
import { objectKeys } from '#ports/objectStore.ts';
import type { PhaseContext, PhaseOutcome } from '../flowRegistry.ts';
import { discoveryConfigOf } from './discoveryConfig.ts';
import { effectiveMappings, uploadTable } from './importPhases.ts';
import { fromJsonLines, toJsonLines } from './jsonLines.ts';
import { readPhaseOutput } from './phaseOutputs.ts';

/** Where a flow's cleansed rows live. */
export function cleansedKey(ctx: PhaseContext): string {
  const { flow } = ctx;
  return objectKeys.phaseOutput(
    flow.clientAccountId,
    flow.engagementId,
    flow.flowId,
    'data_cleansing',
    'ndjson',
  );
}

export async function dataCleansing(ctx: PhaseContext): Promise<PhaseOutcome> {
  const profile = await readPhaseOutput<ImportProfile>(ctx, 'data_import');
  const mapping = await effectiveMappings(ctx);
  const { upload } = discoveryConfigOf(ctx.flow);
  const cleanse = compileCleanser(profile.columns, mapping.mappings, { uploadId: upload.uploadId });
  const stats = { rows: 0, qualitySum: 0, withIssues: 0, templates: 0 };
  async function* records(): AsyncGenerator<CleansedRecord> {
    for await (const batch of uploadTable(ctx).rows()) {
      for (const values of batch) {
        const record = cleanse(values, ++stats.rows);
        stats.qualitySum += record.qualityScore;
        if (record.qualityIssues.length > 0) stats.withIssues++;
        if (record.isTemplate) stats.templates++;
        yield record;
      }
    }
  }
  const key = cleansedKey(ctx);
  await ctx.services.objects.put(ctx.tenant, key, toJsonLines(records()), 'application/x-ndjson');
  const stored = await ctx.services.uploads.get(ctx.tenant, ctx.flow.engagementId, upload.uploadId);
  if (stored) {
    await ctx.services.uploads.put(ctx.tenant, {
      ...stored,
      kind: mapping.kind,
      cleansedKey: key,
      rows: stats.rows,
      flowId: ctx.flow.flowId,
    });
  }
  return {
    summary: {
      kind: mapping.kind,
      rows: stats.rows,
      averageQuality: stats.rows ? Math.round((stats.qualitySum / stats.rows) * 1000) / 1000 : null,
      rowsWithIssues: stats.withIssues,
      templates: stats.templates,
    },
  };
}

export async function assetInventory(ctx: PhaseContext): Promise<PhaseOutcome> {
  const mapping = await effectiveMappings(ctx);
  if (mapping.kind === 'connections') {
    return { summary: { skipped: true, reason: 'connection file: its rows become dependency edges' } };
  }
  const existing = await ctx.services.assets.list(ctx.tenant, ctx.flow.engagementId);
  const builder = new InventoryBuilder(existing);
  const bytes = await ctx.services.objects.getStream(ctx.tenant, cleansedKey(ctx));
  for await (const record of fromJsonLines<CleansedRecord>(bytes)) builder.add(record);
  const result = builder.result();
  await ctx.services.assets.putMany(ctx.tenant, ctx.flow.engagementId, result.assets);
  return {
    summary: {
      assets: result.assets.length,
      created: result.created,
      merged: result.merged,
      rowsWithoutIdentity: result.rowsWithoutIdentity,
    },
  };
}
