/**
 * Per-tenant quotas checked before work starts: the LLM token budget. (Upload size, rows and
 * columns are enforced by the importers with the tenant's limits, see `importLimits`.)
 */
import { limitsFor, type ModernizeConfig } from '#config/config.ts';
import type { AgentMetricsStore } from '#ports/agentMetricsStore.ts';
import type { TenantContext } from '#ports/tenant.ts';

/** Where a tenant stands against its LLM token budget. */
export interface TokenBudgetStatus {
  /** 0 = no budget. */
  readonly budget: number;
  readonly used: number;
  readonly exhausted: boolean;
}

/**
 * Sums the tenant's recorded prompt and completion tokens and compares them with its budget.
 * Without a budget (0) nothing is read. Calls with unknown token counts count as 0.
 */
export async function tokenBudgetStatus(
  config: ModernizeConfig,
  metrics: AgentMetricsStore | undefined,
  tenant: TenantContext,
): Promise<TokenBudgetStatus> {
  const budget = limitsFor(config, tenant.clientAccountId).llmTokenBudget;
  if (!budget || !metrics) return { budget: 0, used: 0, exhausted: false };
  let used = 0;
  for (const r of await metrics.listUsage(tenant)) used += (r.promptTokens ?? 0) + (r.completionTokens ?? 0);
  return { budget, used, exhausted: used >= budget };
}
