/**
 * Per-tenant quotas checked before work starts: the monthly LLM token budget. (Upload size, rows
 * and columns are enforced by the importers with the tenant's limits, see `resolveLimits`.)
 */
import type { AgentMetricsStore } from '#ports/agentMetricsStore.ts';
import type { TenantContext } from '#ports/tenant.ts';
import { type LimitsServices, resolveLimits } from './tenantLimits.ts';

/** What the budget check needs (a subset of Services; AgentSessionServices fits). */
export interface BudgetServices extends LimitsServices {
  readonly agentMetrics?: Pick<AgentMetricsStore, 'listUsage'>;
}

/** The calendar month (UTC) budgets count in: `2026-11`, from its first instant. */
export interface BudgetMonth {
  readonly month: string;
  /** ISO instant of the month's start (inclusive). */
  readonly from: string;
}

/** The calendar month (UTC) that `now` falls in. */
export function budgetMonth(now: Date): BudgetMonth {
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  return { month: start.toISOString().slice(0, 7), from: start.toISOString() };
}

/** Where a tenant stands against its LLM token budget this month. */
export interface TokenBudgetStatus {
  /** Tokens per month; 0 = no budget. */
  readonly budget: number;
  /** Prompt + completion tokens recorded this month (calls with unknown counts count 0). */
  readonly used: number;
  readonly exhausted: boolean;
  /** The month counted, e.g. `2026-11`. */
  readonly month: string;
  /** Why no LLM call is made, when exhausted (goes to the flow's notes through the crew). */
  readonly reason?: string;
}

/** Prompt + completion tokens the tenant's agents recorded in the month of `now` (one key range). */
export async function monthlyTokenUsage(
  metrics: Pick<AgentMetricsStore, 'listUsage'>,
  tenant: TenantContext,
  now: Date,
): Promise<{ month: string; used: number; calls: number }> {
  const { month, from } = budgetMonth(now);
  let used = 0;
  let calls = 0;
  for (const r of await metrics.listUsage(tenant, { from })) {
    used += (r.promptTokens ?? 0) + (r.completionTokens ?? 0);
    if (r.source === 'llm') calls++;
  }
  return { month, used, calls };
}

/** The one-line reason a flow records when the budget stops LLM calls. */
export function budgetExhaustedReason(status: Pick<TokenBudgetStatus, 'budget' | 'used' | 'month'>): string {
  return `LLM token budget of ${status.budget} tokens for ${status.month} exhausted (used ${status.used}); rules used`;
}

/**
 * Compares the tenant's tokens of the current calendar month (UTC, by the injected clock) with its
 * budget (resolveLimits: client record > configuration). Without a budget (0) nothing is read.
 * When exhausted, agent sessions make no LLM call and the crews run by rules with `reason`.
 */
export async function tokenBudgetStatus(
  services: BudgetServices,
  tenant: TenantContext,
): Promise<TokenBudgetStatus> {
  const now = services.clock?.now() ?? new Date();
  const { month } = budgetMonth(now);
  const budget = (await resolveLimits(services, tenant.clientAccountId)).llmTokenBudget;
  if (!budget || !services.agentMetrics) return { budget: 0, used: 0, exhausted: false, month };
  const { used } = await monthlyTokenUsage(services.agentMetrics, tenant, now);
  const exhausted = used >= budget;
  return {
    budget,
    used,
    exhausted,
    month,
    ...(exhausted ? { reason: budgetExhaustedReason({ budget, used, month }) } : {}),
  };
}
