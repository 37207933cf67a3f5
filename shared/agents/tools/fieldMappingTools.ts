/**
 * field_mapping_tool, data_analysis_tool and pattern_recognition_tool: the seed's mapping
 * tools, backed by the rule engine (mapColumns, analyzeHeader, normalizeHeader).
 */
import * as z from 'zod/v4';
import type { FileKind } from '#domain/assetSchema.ts';
import { ASSET_FIELD_NAMES, CONNECTION_FIELD_NAMES } from '#domain/assetSchema.ts';
import { analyzeHeader, mapColumns, normalizeHeader } from '#domain/mapping/index.ts';
import type { ColumnProfile, MappingResult } from '#domain/tableTypes.ts';
import { defineTool, type ToolContext } from './toolTypes.ts';

const headerList = z.array(z.string().max(200)).min(1).max(100);

/** The canonical fields a column of this kind of file may map to. */
export function canonicalTargets(kind: FileKind): readonly string[] {
  return kind === 'assets' ? ASSET_FIELD_NAMES : CONNECTION_FIELD_NAMES;
}

function columnsOf(ctx: ToolContext): readonly ColumnProfile[] {
  return ctx.workspace.columns ?? [];
}

function engineMapping(ctx: ToolContext): MappingResult {
  return ctx.workspace.mapping ?? mapColumns(columnsOf(ctx), { learned: ctx.workspace.learned ?? [] });
}

function findColumns(ctx: ToolContext, headers: readonly string[]) {
  const byHeader = new Map(columnsOf(ctx).map((c) => [c.header, c]));
  return headers.map((h) => ({ header: h, column: byHeader.get(h) }));
}

/** Value evidence of a column, small enough for a model turn (samples capped). */
function describeColumn(column: ColumnProfile) {
  return {
    header: column.header,
    inferredType: column.inferredType,
    fillRate: Math.round(column.fillRate * 100) / 100,
    distinct: column.distinct,
    nonEmpty: column.nonEmpty,
    unit: analyzeHeader(column.header).unit ?? null,
    samples: column.samples.slice(0, 8),
  };
}

export const fieldMappingTool = defineTool({
  name: 'field_mapping_tool',
  description:
    'Field mapping engine. action=query_field_mapping: the rule engine mapping, confidence and reason for the ' +
    'given headers, with the allowed targets. action=analyze_data_columns: value evidence of the given columns. ' +
    'action=learn_field_mapping: propose that the client always maps `headers[0]` to `target` (a user confirms it).',
  capabilities: ['field_mapping', 'column_analysis', 'learning'],
  parameters: z.object({
    action: z.enum(['query_field_mapping', 'analyze_data_columns', 'learn_field_mapping']),
    headers: headerList,
    target: z.string().max(60).nullable().optional(),
    reason: z.string().max(300).nullable().optional(),
  }),
  run: async (args, ctx) => {
    const found = findColumns(ctx, args.headers);
    const mapping = engineMapping(ctx);
    if (args.action === 'analyze_data_columns')
      return found.map((f) =>
        f.column ? describeColumn(f.column) : { header: f.header, error: 'no such column' },
      );
    if (args.action === 'query_field_mapping') {
      return {
        kind: mapping.kind,
        allowedTargets: canonicalTargets(mapping.kind),
        mappings: found.map(
          (f) =>
            mapping.mappings.find((m) => m.source === f.header) ?? {
              source: f.header,
              error: 'no such column',
            },
        ),
      };
    }
    return learnFieldMapping(
      args.headers[0] as string,
      args.target ?? null,
      args.reason ?? '',
      mapping.kind,
      ctx,
    );
  },
});

/**
 * Records a rule the agent wants the tenant to learn. In a flow it is only a proposal (the
 * flow notes show it; a user confirms it with `modernize correct`), because a model, possibly
 * steered by data, must not silently teach the tenant. A task a user ran for that purpose
 * (`allowLearning`) writes the rule.
 */
async function learnFieldMapping(
  header: string,
  target: string | null,
  reason: string,
  kind: FileKind,
  ctx: ToolContext,
) {
  if (!columnsOf(ctx).some((c) => c.header === header))
    return { recorded: false, error: `no column ${header}` };
  if (target !== null && !canonicalTargets(kind).includes(target))
    return { recorded: false, error: `${target} is no canonical field of a ${kind} file` };
  if (!ctx.allowLearning || !ctx.mappings) {
    ctx.proposals.push({ header, target, reason: reason.slice(0, 300), agent: ctx.agent });
    return { recorded: false, proposed: true, note: 'recorded as a proposal for a user to confirm' };
  }
  await ctx.mappings.put(ctx.tenant, {
    header,
    target: target as never,
    kind: 'correction',
    createdAt: ctx.now().toISOString(),
    createdBy: `${ctx.tenant.userId} via ${ctx.agent}`,
  });
  return { recorded: true };
}

export const dataAnalysisTool = defineTool({
  name: 'data_analysis_tool',
  description:
    'Profiles columns of the upload: inferred value type, fill rate, distinct values, size unit, samples.',
  capabilities: ['column_analysis'],
  parameters: z.object({ headers: headerList }),
  run: (args, ctx) =>
    findColumns(ctx, args.headers).map((f) =>
      f.column ? describeColumn(f.column) : { header: f.header, error: 'no such column' },
    ),
});

export const patternRecognitionTool = defineTool({
  name: 'pattern_recognition_tool',
  description:
    'Header patterns: the normalised header, its words, unit and qualifiers, and the tenant rules learned for it.',
  capabilities: ['pattern_recognition'],
  parameters: z.object({ headers: headerList }),
  run: (args, ctx) =>
    args.headers.map((header) => {
      const analysis = analyzeHeader(header);
      const normalized = normalizeHeader(header);
      const learned = (ctx.workspace.learned ?? []).filter((r) => normalizeHeader(r.header) === normalized);
      return {
        header,
        normalized,
        words: analysis.words,
        unit: analysis.unit ?? null,
        qualifiers: analysis.qualifiers,
        learned: learned.map((r) => ({ kind: r.kind, target: r.target })),
      };
    }),
});
