/**
 * What the agents persist per tenant: one usage record per LLM call (tokens and cost, for
 * billing and the performance view) and cached agent answers (a repeat of an identical
 * request costs no LLM call). Every method takes the tenant: nothing is shared across tenants.
 */
import type { TenantContext } from './tenant.ts';

/** One chat-completion call (or a cache hit) made by an agent. Unknown token counts are `null`, never 0. */
export interface AgentUsageRecord {
  /** Unique per call: the same call is never recorded twice. */
  readonly callId: string;
  readonly engagementId: string | null;
  readonly flowId: string | null;
  /** Agent name (e.g. `field_mapping_specialist`). */
  readonly agent: string;
  readonly model: string;
  readonly endpoint: string;
  readonly promptTokens: number | null;
  readonly completionTokens: number | null;
  /** USD; null when the token counts are unknown. */
  readonly costUsd: number | null;
  /** `llm` for a real call, `cache` for an answer served from the tenant's cache (0 tokens, no cost). */
  readonly source: 'llm' | 'cache';
  readonly at: string;
}

/** A cached agent answer: the validated output of a task for one exact request. */
export interface CachedAgentAnswer {
  readonly key: string;
  readonly agent: string;
  readonly output: unknown;
  readonly createdAt: string;
  /** Epoch seconds after which the answer is stale. */
  readonly expiresAt: number;
}

/** Which usage records to list: one flow's, those since an instant, or both. */
export interface UsageFilter {
  readonly flowId?: string;
  /** ISO instant (inclusive), compared with `AgentUsageRecord.at`. */
  readonly from?: string;
}

export interface AgentMetricsStore {
  recordUsage(tenant: TenantContext, record: AgentUsageRecord): Promise<void>;
  /**
   * The tenant's usage records, optionally for one flow and/or made at or after `from` (an ISO
   * instant; the monthly token budget reads only the current month, a key range in the table).
   */
  listUsage(tenant: TenantContext, filter?: UsageFilter): Promise<AgentUsageRecord[]>;
  getCachedAnswer(tenant: TenantContext, key: string): Promise<CachedAgentAnswer | null>;
  putCachedAnswer(tenant: TenantContext, answer: CachedAgentAnswer): Promise<void>;
}
