/**
 * Token usage and cost per LLM call, and sums per tenant, flow and agent. Each call is
 * recorded once, from its own completion (never from the runner's running total as well),
 * and a call whose response carried no usage counts as unknown, not as zero tokens.
 */
import { randomUUID } from 'node:crypto';
import type { LlmConfig } from '#config/config.ts';
import type { AgentMetricsStore, AgentUsageRecord } from '#ports/agentMetricsStore.ts';
import type { TenantContext } from '#ports/tenant.ts';

/** Usage as the API reports it (any field may be missing on an open endpoint). */
export interface ReportedUsage {
  readonly prompt_tokens?: number | null;
  readonly completion_tokens?: number | null;
}

/** Sums over usage records; `unknownCalls` had no usage reported. */
export interface UsageTotals {
  calls: number;
  cachedAnswers: number;
  unknownCalls: number;
  promptTokens: number;
  completionTokens: number;
  costUsd: number;
}

/** Where the calls of one agent session are attributed. */
export interface UsageScope {
  readonly tenant: TenantContext;
  readonly engagementId: string | null;
  readonly flowId: string | null;
}

const count = (n: number | null | undefined): number | null =>
  typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : null;

/** The cost of a call, or null when its token counts are unknown. */
export function costOf(
  prompt: number | null,
  completion: number | null,
  prices: Pick<LlmConfig, 'inputPricePerMTok' | 'outputPricePerMTok'>,
): number | null {
  if (prompt === null || completion === null) return null;
  return (prompt * prices.inputPricePerMTok + completion * prices.outputPricePerMTok) / 1_000_000;
}

/** Collects one session's usage records and writes each one once to the tenant's store. */
export class UsageLedger {
  private readonly records: AgentUsageRecord[] = [];
  private readonly pending: Promise<void>[] = [];
  private readonly scope: UsageScope;
  private readonly store: AgentMetricsStore | undefined;
  private readonly now: () => Date;

  constructor(scope: UsageScope, store: AgentMetricsStore | undefined, now: () => Date = () => new Date()) {
    this.scope = scope;
    this.store = store;
    this.now = now;
  }

  /** Records one chat completion of `agent`. */
  recordCall(
    agent: string,
    model: string,
    endpoint: string,
    usage: ReportedUsage | null | undefined,
    prices: LlmConfig,
  ): AgentUsageRecord {
    const promptTokens = count(usage?.prompt_tokens);
    const completionTokens = count(usage?.completion_tokens);
    const known = promptTokens !== null && completionTokens !== null;
    return this.add({
      callId: randomUUID(),
      engagementId: this.scope.engagementId,
      flowId: this.scope.flowId,
      agent,
      model,
      endpoint,
      promptTokens: known ? promptTokens : null,
      completionTokens: known ? completionTokens : null,
      costUsd: costOf(known ? promptTokens : null, known ? completionTokens : null, prices),
      source: 'llm',
      at: this.now().toISOString(),
    });
  }

  /** Records an answer served from the tenant's cache (no tokens, no cost). */
  recordCacheHit(agent: string, model: string, endpoint: string): AgentUsageRecord {
    return this.add({
      callId: randomUUID(),
      engagementId: this.scope.engagementId,
      flowId: this.scope.flowId,
      agent,
      model,
      endpoint,
      promptTokens: 0,
      completionTokens: 0,
      costUsd: 0,
      source: 'cache',
      at: this.now().toISOString(),
    });
  }

  private add(record: AgentUsageRecord): AgentUsageRecord {
    this.records.push(record);
    if (this.store) this.pending.push(this.store.recordUsage(this.scope.tenant, record));
    return record;
  }

  /** Records of this session so far. */
  get calls(): readonly AgentUsageRecord[] {
    return this.records;
  }

  /** Waits until every record is written. */
  async flush(): Promise<void> {
    await Promise.all(this.pending.splice(0));
  }
}

/** Sums records. */
export function totalUsage(records: readonly AgentUsageRecord[]): UsageTotals {
  const totals: UsageTotals = {
    calls: 0,
    cachedAnswers: 0,
    unknownCalls: 0,
    promptTokens: 0,
    completionTokens: 0,
    costUsd: 0,
  };
  for (const r of records) {
    if (r.source === 'cache') {
      totals.cachedAnswers += 1;
      continue;
    }
    totals.calls += 1;
    if (r.promptTokens === null || r.completionTokens === null) {
      totals.unknownCalls += 1;
      continue;
    }
    totals.promptTokens += r.promptTokens;
    totals.completionTokens += r.completionTokens;
    totals.costUsd += r.costUsd ?? 0;
  }
  return totals;
}

/** Sums records by agent or by flow. */
export function usageBy(
  records: readonly AgentUsageRecord[],
  key: 'agent' | 'flowId',
): Record<string, UsageTotals> {
  const groups = new Map<string, AgentUsageRecord[]>();
  for (const r of records) {
    const k = String(r[key] ?? '-');
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  return Object.fromEntries([...groups].map(([k, rs]) => [k, totalUsage(rs)]));
}

/** A tenant's usage totals, optionally for one flow, read from the store. */
export async function tenantUsage(
  store: AgentMetricsStore,
  tenant: TenantContext,
  flowId?: string,
): Promise<UsageTotals> {
  return totalUsage(await store.listUsage(tenant, flowId ? { flowId } : {}));
}
