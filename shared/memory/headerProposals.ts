/**
 * Learned header proposals for the mapping engine and the agents: headers the tenant corrected
 * before that look like a new header, with what they were mapped to. The result is plain data
 * (like `LearnedRule`, plus a confidence), so shared/domain/mapping can weigh it without I/O.
 */
import type { CanonicalField } from '#domain/assetSchema.ts';
import type { LearnedRule } from '#domain/tableTypes.ts';
import type { TenantContext } from '#ports/tenant.ts';
import { HEADER_CORRECTION, normalizedHeader } from './feedback.ts';
import type { AgentMemoryManager } from './memoryManager.ts';

/** A learned correction proposed for a header it resembles. */
export interface LearnedHeaderProposal extends LearnedRule {
  readonly kind: 'correction';
  /** The header the tenant corrected (not the one asked about). */
  readonly header: string;
  readonly target: CanonicalField | null;
  /** The memory's confidence lowered by the similarity: `confidence × similarity`. */
  readonly confidence: number;
  /** Cosine similarity of the asked header to the learned one (1 = same words). */
  readonly similarity: number;
  readonly memoryId: string;
}

/** Below this similarity a learned header says nothing about a new one. */
export const MIN_HEADER_SIMILARITY = 0.6;

/**
 * Learned proposals for `header`, best first: one per learned header (the latest correction of
 * it), from the tenant's validated or pending correction memories; invalidated and stale ones
 * never come back. Each read counts as a use of the memory.
 *
 * @example
 * const [best] = await similarHeaderProposals(manager, tenant, 'Srv Name', 3);
 * // { header: 'Server Name', target: 'name', confidence: 0.78, similarity: 0.87, ... }
 */
export async function similarHeaderProposals(
  manager: AgentMemoryManager,
  tenant: TenantContext,
  header: string,
  limit = 5,
  options: { minSimilarity?: number } = {},
): Promise<LearnedHeaderProposal[]> {
  const ranked = await manager.retrieveMemories(tenant, {
    query: header,
    memoryType: 'feedback',
    attributes: { kind: HEADER_CORRECTION },
    limit: Math.max(limit * 3, 10),
    minSimilarity: options.minSimilarity ?? MIN_HEADER_SIMILARITY,
  });
  const byHeader = new Map<string, LearnedHeaderProposal & { updatedAt: string }>();
  for (const { record, similarity } of ranked) {
    const content = record.content as { header?: unknown; target?: unknown };
    if (typeof content.header !== 'string') continue;
    const proposal = {
      kind: 'correction' as const,
      header: content.header,
      target: typeof content.target === 'string' ? (content.target as CanonicalField) : null,
      confidence:
        Math.round(record.metadata.confidenceScore * Math.max(0, Math.min(1, similarity)) * 1000) / 1000,
      similarity: Math.round(similarity * 1000) / 1000,
      memoryId: record.memoryId,
      updatedAt: record.updatedAt,
    };
    const key = normalizedHeader(content.header);
    const seen = byHeader.get(key);
    if (!seen || seen.updatedAt < proposal.updatedAt) byHeader.set(key, proposal);
  }
  return [...byHeader.values()]
    .sort((a, b) => b.confidence - a.confidence)
    .slice(0, limit)
    .map(({ updatedAt: _updatedAt, ...proposal }) => proposal);
}
