/**
 * What the field_mapping phase asks memory before the engine runs: for each column whose header
 * the tenant never corrected exactly, the learned correction of the most similar header, as a
 * `MappingProposal` the pure engine weighs (shared/domain/mapping keeps no I/O).
 */
import { normalizeHeader } from '#domain/mapping/index.ts';
import type { MappingProposal } from '#domain/mapping/learnedRules.ts';
import type { LearnedRule } from '#domain/tableTypes.ts';
import type { TenantContext } from '#ports/tenant.ts';
import type { AgentMemoryManager } from './memoryManager.ts';

/** A proposal never reaches the exact learned rule's 0.99: it is a resemblance, not the same header. */
export const MAX_PROPOSAL_CONFIDENCE = 0.95;

/** Look-ups run this many headers at a time (each is one embedding and one index search). */
const CONCURRENCY = 8;

/**
 * Learned proposals for `headers`, one per header at most (the strongest), for the tenant only.
 * Headers with an exact learned correction are skipped (the engine applies the rule itself).
 *
 * @example
 * // the tenant corrected "Srv_Moniker" -> name
 * await learnedMappingProposals(manager, acme, ['SrvMonikerName'], learned);
 * // [{ header: 'SrvMonikerName', target: 'name', confidence: 0.74,
 * //    reason: 'learned: resembles "Srv_Moniker", which the tenant corrected to name (similarity 0.82)' }]
 */
export async function learnedMappingProposals(
  manager: AgentMemoryManager,
  tenant: TenantContext,
  headers: readonly string[],
  learned: readonly LearnedRule[] = [],
): Promise<MappingProposal[]> {
  const exact = new Set(learned.filter((r) => r.kind === 'correction').map((r) => normalizeHeader(r.header)));
  const pending = [...new Set(headers)].filter((h) => h.trim() !== '' && !exact.has(normalizeHeader(h)));
  const proposals: MappingProposal[] = [];
  for (let start = 0; start < pending.length; start += CONCURRENCY) {
    const chunk = pending.slice(start, start + CONCURRENCY);
    const found = await Promise.all(chunk.map((h) => manager.similarHeaderProposals(tenant, h, 3)));
    chunk.forEach((header, i) => {
      const best = found[i]?.[0];
      if (!best) return;
      proposals.push({
        header,
        target: best.target,
        confidence: Math.min(MAX_PROPOSAL_CONFIDENCE, best.confidence),
        reason: `learned: resembles "${best.header.slice(0, 80)}", which the tenant corrected to ${
          best.target ?? 'nothing'
        } (similarity ${best.similarity})`,
      });
    });
  }
  return proposals;
}
