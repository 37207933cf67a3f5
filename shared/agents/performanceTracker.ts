/**
 * Agent performance per tenant: executions, success rate, average and p95 duration and error
 * patterns per agent (from the task outcome memories the crews store, see agentMemory.ts),
 * model calls, tokens and cost (from the usage ledger), and learning progress: the share of
 * column mappings users accepted without correction, flow after flow.
 *
 * `summarizePerformance` is pure (figures from records); `AgentPerformanceTracker` loads the
 * records of one tenant.
 */
import type { AgentMetricsStore, AgentUsageRecord } from '#ports/agentMetricsStore.ts';
import type { FlowStore } from '#ports/flowStore.ts';
import type { EngagementStore } from '#ports/inventoryStore.ts';
import type { MemoryRecord, MemoryStore } from '#ports/memoryStore.ts';
import type { TenantContext } from '#ports/tenant.ts';
import { TASK_OUTCOME } from './agentMemory.ts';

/** One finished task of an agent. */
export interface TaskExecution {
  readonly agent: string;
  readonly task: string;
  readonly at: string;
  readonly durationMs: number;
  /** `escalated`: finished, but a fallback agent or the rules had to take over. */
  readonly outcome: 'succeeded' | 'escalated' | 'failed';
  readonly problems: readonly string[];
}

/** A discovery flow's field mapping as users reviewed it. */
export interface MappingReview {
  readonly flowId: string;
  readonly at: string;
  /** Columns the engine decided (mapped or kept as custom attributes). */
  readonly columns: number;
  /** Columns a user corrected or rejected. */
  readonly corrected: number;
}

/** The figures of one agent. */
export interface AgentPerformance {
  readonly agent: string;
  readonly executions: number;
  readonly succeeded: number;
  readonly escalated: number;
  readonly failed: number;
  /** Executions that succeeded without escalation, 0..1 (null without executions). */
  readonly successRate: number | null;
  readonly averageDurationMs: number | null;
  readonly p95DurationMs: number | null;
  readonly llmCalls: number;
  readonly cachedAnswers: number;
  readonly tokens: number;
  readonly costUsd: number;
  /** Recurring problems, most frequent first. */
  readonly errorPatterns: readonly { readonly pattern: string; readonly count: number }[];
}

/** Learning progress: are fewer mappings corrected as the tenant teaches the platform? */
export interface LearningProgress {
  readonly flows: readonly (MappingReview & { readonly acceptedShare: number })[];
  /** Share of all reviewed columns accepted without correction (null without flows). */
  readonly acceptedShare: number | null;
  readonly earlierShare: number | null;
  readonly recentShare: number | null;
  readonly trend: 'improving' | 'steady' | 'declining' | 'insufficient_data';
}

export interface PerformanceReport {
  readonly clientAccountId: string;
  readonly generatedAt: string;
  readonly agents: readonly AgentPerformance[];
  readonly totals: {
    readonly executions: number;
    readonly successRate: number | null;
    readonly llmCalls: number;
    readonly costUsd: number;
  };
  readonly learning: LearningProgress;
}

const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Nearest-rank percentile of `values` (0 < p <= 100). */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] as number;
}

/** A problem text with its specifics (numbers, quoted values, ids) removed, so repeats group. */
export function errorPattern(problem: string): string {
  return problem
    .replace(/"[^"]*"|'[^']*'/g, '"…"')
    .replace(/\b[0-9a-f]{8}-[0-9a-f-]{27,}\b/gi, 'ID')
    .replace(/\d+(\.\d+)?/g, 'N')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 160);
}

function learningOf(reviews: readonly MappingReview[]): LearningProgress {
  const flows = [...reviews]
    .filter((r) => r.columns > 0)
    .sort((a, b) => a.at.localeCompare(b.at))
    .map((r) => ({
      ...r,
      corrected: Math.min(r.corrected, r.columns),
      acceptedShare: round(1 - Math.min(r.corrected, r.columns) / r.columns),
    }));
  const share = (list: typeof flows) => {
    const columns = list.reduce((n, r) => n + r.columns, 0);
    return columns === 0 ? null : round(1 - list.reduce((n, r) => n + r.corrected, 0) / columns);
  };
  if (flows.length < 2)
    return {
      flows,
      acceptedShare: share(flows),
      earlierShare: null,
      recentShare: null,
      trend: 'insufficient_data',
    };
  const half = Math.floor(flows.length / 2);
  const earlier = share(flows.slice(0, half)) ?? 0;
  const recent = share(flows.slice(flows.length - half)) ?? 0;
  const delta = recent - earlier;
  return {
    flows,
    acceptedShare: share(flows),
    earlierShare: earlier,
    recentShare: recent,
    trend: delta > 0.05 ? 'improving' : delta < -0.05 ? 'declining' : 'steady',
  };
}

/** The performance figures of a tenant from its records (pure). */
export function summarizePerformance(input: {
  readonly clientAccountId: string;
  readonly executions: readonly TaskExecution[];
  readonly usage: readonly AgentUsageRecord[];
  readonly reviews: readonly MappingReview[];
  readonly now: Date;
}): PerformanceReport {
  const agents = new Set([...input.executions.map((e) => e.agent), ...input.usage.map((u) => u.agent)]);
  const perAgent: AgentPerformance[] = [...agents].sort().map((agent) => {
    const runs = input.executions.filter((e) => e.agent === agent);
    const calls = input.usage.filter((u) => u.agent === agent);
    const durations = runs.map((r) => r.durationMs);
    const patterns = new Map<string, number>();
    for (const run of runs)
      for (const p of run.problems) patterns.set(errorPattern(p), (patterns.get(errorPattern(p)) ?? 0) + 1);
    const succeeded = runs.filter((r) => r.outcome === 'succeeded').length;
    return {
      agent,
      executions: runs.length,
      succeeded,
      escalated: runs.filter((r) => r.outcome === 'escalated').length,
      failed: runs.filter((r) => r.outcome === 'failed').length,
      successRate: runs.length ? round(succeeded / runs.length) : null,
      averageDurationMs: runs.length ? Math.round(durations.reduce((a, b) => a + b, 0) / runs.length) : null,
      p95DurationMs: percentile(durations, 95),
      llmCalls: calls.filter((c) => c.source === 'llm').length,
      cachedAnswers: calls.filter((c) => c.source === 'cache').length,
      tokens: calls.reduce((n, c) => n + (c.promptTokens ?? 0) + (c.completionTokens ?? 0), 0),
      costUsd: round(
        calls.reduce((n, c) => n + (c.costUsd ?? 0), 0),
        6,
      ),
      errorPatterns: [...patterns]
        .map(([pattern, count]) => ({ pattern, count }))
        .sort((a, b) => b.count - a.count || a.pattern.localeCompare(b.pattern))
        .slice(0, 10),
    };
  });
  const executions = input.executions.length;
  const succeeded = input.executions.filter((e) => e.outcome === 'succeeded').length;
  return {
    clientAccountId: input.clientAccountId,
    generatedAt: input.now.toISOString(),
    agents: perAgent,
    totals: {
      executions,
      successRate: executions ? round(succeeded / executions) : null,
      llmCalls: input.usage.filter((u) => u.source === 'llm').length,
      costUsd: round(
        input.usage.reduce((n, u) => n + (u.costUsd ?? 0), 0),
        6,
      ),
    },
    learning: learningOf(input.reviews),
  };
}

/** A task outcome memory as an execution (null for any other memory). */
export function executionOf(record: MemoryRecord): TaskExecution | null {
  const c = record.content as {
    kind?: unknown;
    task?: unknown;
    outcome?: unknown;
    durationMs?: unknown;
    problems?: unknown;
  };
  if (c.kind !== TASK_OUTCOME || typeof c.task !== 'string') return null;
  const outcome = c.outcome === 'failed' || c.outcome === 'escalated' ? c.outcome : 'succeeded';
  return {
    agent: record.agentType,
    task: c.task,
    at: record.updatedAt,
    durationMs: typeof c.durationMs === 'number' && Number.isFinite(c.durationMs) ? c.durationMs : 0,
    outcome,
    problems: Array.isArray(c.problems) ? c.problems.filter((p): p is string => typeof p === 'string') : [],
  };
}

/** What the tracker reads (a subset of Services). */
export interface PerformanceSources {
  readonly memoryStore: MemoryStore;
  readonly agentMetrics: AgentMetricsStore;
  readonly flows: FlowStore;
  readonly engagements: EngagementStore;
  readonly clock: { now(): Date };
}

/** Loads one tenant's records and summarises them. */
export class AgentPerformanceTracker {
  private readonly sources: PerformanceSources;
  constructor(sources: PerformanceSources) {
    this.sources = sources;
  }

  /** The tenant's performance report: all its engagements, or only `engagementIds`. */
  async report(
    tenant: TenantContext,
    options: { engagementIds?: readonly string[] } = {},
  ): Promise<PerformanceReport> {
    const s = this.sources;
    const only = options.engagementIds ? new Set(options.engagementIds) : null;
    const [successes, errors, usage, engagements] = await Promise.all([
      s.memoryStore.list(tenant, { memoryType: 'success' }),
      s.memoryStore.list(tenant, { memoryType: 'error' }),
      s.agentMetrics.listUsage(tenant),
      only
        ? Promise.resolve([...only])
        : s.engagements.list(tenant).then((list) => list.map((e) => e.engagementId)),
    ]);
    const inScope = (engagementId: unknown) => !only || only.has(String(engagementId));
    const executions = [...successes, ...errors]
      .filter((r) => inScope(r.context.engagementId))
      .flatMap((r) => executionOf(r) ?? []);
    const reviews = (await Promise.all(engagements.map((id) => this.mappingReviews(tenant, id)))).flat();
    return summarizePerformance({
      clientAccountId: tenant.clientAccountId,
      executions,
      usage: usage.filter((u) => inScope(u.engagementId)),
      reviews,
      now: s.clock.now(),
    });
  }

  /** Discovery flows of an engagement whose mappings were decided, with their user corrections. */
  private async mappingReviews(tenant: TenantContext, engagementId: string): Promise<MappingReview[]> {
    const flows = await this.sources.flows.list(tenant, { engagementId, flowType: 'discovery' });
    return flows.flatMap((flow) => {
      const phase = flow.phases.find((p) => p.name === 'field_mapping');
      if (phase?.status !== 'completed' || !phase.result) return [];
      const mapped = Number(phase.result.mapped ?? 0);
      const unmapped = Number(phase.result.unmapped ?? 0);
      const corrections = flow.config.mappingCorrections;
      const corrected =
        corrections && typeof corrections === 'object' ? Object.keys(corrections as object).length : 0;
      return [{ flowId: flow.flowId, at: flow.createdAt, columns: mapped + unmapped, corrected }];
    });
  }
}
