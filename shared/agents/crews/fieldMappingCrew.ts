/**
 * The field-mapping crew: the CMDB analyst studies the columns the rule engine is unsure of,
 * then the field-mapping specialist proposes mappings for them, all columns in one request
 * (never one call per column or row). A proposal changes the engine's mapping only after
 * validation: the column was under review, the target is a canonical field of the file's
 * kind, no confident mapping or tenant rule owns it, and the tenant has not rejected it.
 */
import * as z from 'zod/v4';
import type { CanonicalField } from '#domain/assetSchema.ts';
import { normalizeHeader } from '#domain/mapping/index.ts';
import type { ColumnProfile, FieldMapping, LearnedRule, MappingResult } from '#domain/tableTypes.ts';
import type { Task } from '../crew.ts';
import { canonicalTargets } from '../tools/fieldMappingTools.ts';

/** Columns per request at most (the rest keep the engine's mapping). */
export const MAX_REVIEWED_COLUMNS = 60;
/** Highest confidence an agent's mapping gets (below a user's or the tenant's own rules). */
export const LLM_CONFIDENCE_CAP = 0.9;
/** Least confidence for an agent's target on a column the rules left unmapped (the engine's own minimum). */
export const MIN_PROPOSAL_CONFIDENCE = 0.5;
const SAMPLE_CHARS = 80;

const analysisSchema = z.object({
  columns: z
    .array(
      z.object({
        source: z.string(),
        observation: z.string().max(600),
        likelyMeaning: z.string().max(120).nullable(),
      }),
    )
    .max(MAX_REVIEWED_COLUMNS * 2),
});

const proposalSchema = z.object({
  mappings: z
    .array(
      z.object({
        source: z.string(),
        target: z.string().nullable(),
        confidence: z.number().min(0).max(1),
        reason: z.string().max(600),
      }),
    )
    .max(MAX_REVIEWED_COLUMNS * 2),
});
export type MappingProposals = z.infer<typeof proposalSchema>;

/** The columns to review: mapped with low confidence, or unmapped although they carry values. */
export function unsureColumns(
  result: MappingResult,
  columns: readonly ColumnProfile[],
  threshold: number,
): FieldMapping[] {
  const byHeader = new Map(columns.map((c) => [c.header, c]));
  const lowConfidence = result.mappings.filter(
    (m) => m.method === 'rules' && m.target && m.confidence < threshold,
  );
  const unmapped = result.mappings.filter(
    (m) => m.method === 'rules' && !m.target && (byHeader.get(m.source)?.nonEmpty ?? 0) > 0,
  );
  unmapped.sort((a, b) => a.confidence - b.confidence);
  return [...lowConfidence, ...unmapped].slice(0, MAX_REVIEWED_COLUMNS);
}

/** The data block describing the columns under review (cell values truncated, never outside a data block). */
function reviewData(unsure: readonly FieldMapping[], columns: readonly ColumnProfile[]) {
  const byHeader = new Map(columns.map((c) => [c.header, c]));
  return unsure.map((m) => {
    const c = byHeader.get(m.source);
    return {
      header: m.source,
      inferredType: c?.inferredType ?? 'empty',
      fillRate: c ? Math.round(c.fillRate * 100) / 100 : 0,
      distinct: c?.distinct ?? 0,
      samples: (c?.samples ?? []).slice(0, 8).map((s) => s.slice(0, SAMPLE_CHARS)),
      engine: { target: m.target, confidence: m.confidence, reason: m.reason },
    };
  });
}

/** The crew's tasks and inputs for one file. */
export function fieldMappingTasks(
  result: MappingResult,
  unsure: readonly FieldMapping[],
  columns: readonly ColumnProfile[],
) {
  const headers = unsure.map((m) => m.source);
  const taken = result.mappings.filter((m) => m.target && !headers.includes(m.source)).map((m) => m.target);
  const inputs = {
    'columns under review': reviewData(unsure, columns),
    'allowed targets': canonicalTargets(result.kind),
    'targets already taken': taken,
  };
  const analyse: Task<z.infer<typeof analysisSchema>> = {
    name: 'analyze_columns',
    agent: 'cmdb_analyst',
    description:
      `Study each column under review in this ${result.kind} file: what its header and sample values show ` +
      '(identifiers, host names, IPs, OS strings, sizes and their units, owners, statuses). Use the tools for more ' +
      'evidence if the samples are not conclusive.',
    expectedOutput:
      'One entry per column under review with your observation and its likely meaning (or null).',
    output: analysisSchema,
    rules: async ({ tool }) => {
      if (headers.length === 0) return { columns: [] };
      const described = (await tool('data_analysis_tool', { headers })) as {
        header: string;
        inferredType?: string;
        fillRate?: number;
        distinct?: number;
      }[];
      return {
        columns: described.map((d) => ({
          source: d.header,
          observation: `values look like ${d.inferredType ?? 'unknown'}, ${Math.round((d.fillRate ?? 0) * 100)}% filled, ${d.distinct ?? 0} distinct`,
          likelyMeaning: null,
        })),
      };
    },
  };
  const propose: Task<MappingProposals> = {
    name: 'propose_mappings',
    agent: 'field_mapping_specialist',
    description:
      'Propose a canonical target for every column under review, using the analysis of the earlier task, the ' +
      'allowed targets and the tools. Use null when no allowed target fits; never use a target already taken. ' +
      'Give a calibrated confidence (0..1) and a short reason based on the evidence.',
    expectedOutput: 'One mapping per column under review: source header, target or null, confidence, reason.',
    output: proposalSchema,
    rules: async ({ tool }) => {
      if (headers.length === 0) return { mappings: [] };
      const answer = (await tool('field_mapping_tool', { action: 'query_field_mapping', headers })) as {
        mappings: FieldMapping[];
      };
      return {
        mappings: answer.mappings.map((m) => ({
          source: m.source,
          target: m.target,
          confidence: m.confidence,
          reason: m.reason,
        })),
      };
    },
  };
  return { tasks: [analyse, propose] as Task[], inputs };
}

/**
 * Applies validated proposals to the engine's result. Returns the new result and what was
 * refused (for the notes). The engine stays the source of truth for every column not under
 * review and for every proposal that fails validation.
 */
export function mergeProposals(
  result: MappingResult,
  unsure: readonly FieldMapping[],
  proposals: MappingProposals,
  learned: readonly LearnedRule[],
  agent: string,
): { result: MappingResult; changed: string[]; refused: string[] } {
  const reviewed = new Set(unsure.map((m) => m.source));
  const allowed = new Set(canonicalTargets(result.kind));
  const owners = new Map<string, string>();
  for (const m of result.mappings) if (m.target && !reviewed.has(m.source)) owners.set(m.target, m.source);
  const rejected = new Set(
    learned.filter((r) => r.kind === 'rejection').map((r) => `${normalizeHeader(r.header)}\u0000${r.target}`),
  );
  const accepted = new Map<string, FieldMapping>();
  const changed: string[] = [];
  const refused: string[] = [];
  const seen = new Set<string>();
  for (const p of proposals.mappings) {
    const current = result.mappings.find((m) => m.source === p.source);
    if (!current || !reviewed.has(p.source) || seen.has(p.source)) {
      refused.push(`${p.source.slice(0, 60)}: not a column under review`);
      continue;
    }
    seen.add(p.source);
    if (p.target !== null && !allowed.has(p.target)) {
      refused.push(`${p.source} -> ${p.target.slice(0, 40)}: no canonical ${result.kind} field`);
      continue;
    }
    if (p.target !== null && owners.has(p.target)) {
      refused.push(`${p.source} -> ${p.target}: already mapped from ${owners.get(p.target)}`);
      continue;
    }
    if (p.target !== null && rejected.has(`${normalizeHeader(p.source)}\u0000${p.target}`)) {
      refused.push(`${p.source} -> ${p.target}: rejected by this client before`);
      continue;
    }
    const confidence = Math.min(LLM_CONFIDENCE_CAP, Math.round(p.confidence * 1000) / 1000);
    const agrees = p.target === current.target;
    // Filling a column the rules left unmapped needs the engine's own bar; replacing or removing a
    // target the rules chose needs more confidence than the rules had.
    const bar = current.target === null ? MIN_PROPOSAL_CONFIDENCE : current.confidence;
    if (!agrees && confidence < bar) continue;
    if (p.target !== null) owners.set(p.target, p.source);
    accepted.set(p.source, {
      ...current,
      target: p.target as CanonicalField | null,
      confidence: agrees ? Math.max(current.confidence, confidence) : confidence,
      method: 'llm',
      reason: `${agent}: ${p.reason.slice(0, 300)}${agrees ? ` (agrees with the rules: ${current.reason})` : ` (rules said: ${current.reason})`}`,
    });
    if (!agrees) changed.push(`${p.source} -> ${p.target ?? 'none'}`);
  }
  // A target the agent moved to a reviewed column is freed from the reviewed column that held it.
  const mappings = result.mappings.map((m) => {
    const next = accepted.get(m.source) ?? m;
    if (next.target && owners.get(next.target) !== m.source && reviewed.has(m.source))
      return {
        ...next,
        target: null,
        reason: `${next.target} was given to ${owners.get(next.target)} on review`,
      };
    return next;
  });
  return { result: { kind: result.kind, mappings }, changed, refused };
}
