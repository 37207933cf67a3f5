/**
 * An AgentMetricsStore in memory, keyed by tenant like the table: for unit tests and for
 * commands that run agents without the platform. It never serves one tenant's items to another.
 */
import type {
  AgentMetricsStore,
  AgentUsageRecord,
  CachedAgentAnswer,
  UsageFilter,
} from '#ports/agentMetricsStore.ts';
import type { TenantContext } from '#ports/tenant.ts';

export class InMemoryAgentMetricsStore implements AgentMetricsStore {
  private readonly usage = new Map<string, AgentUsageRecord[]>();
  private readonly answers = new Map<string, CachedAgentAnswer>();
  private readonly now: () => number;

  constructor(now: () => number = Date.now) {
    this.now = now;
  }

  async recordUsage(tenant: TenantContext, record: AgentUsageRecord): Promise<void> {
    const list = this.usage.get(tenant.clientAccountId) ?? [];
    if (!list.some((r) => r.callId === record.callId)) list.push(record);
    this.usage.set(tenant.clientAccountId, list);
  }

  async listUsage(tenant: TenantContext, filter: UsageFilter = {}): Promise<AgentUsageRecord[]> {
    const from = filter.from ? Date.parse(filter.from) : Number.NEGATIVE_INFINITY;
    return (this.usage.get(tenant.clientAccountId) ?? []).filter(
      (r) => (!filter.flowId || r.flowId === filter.flowId) && Date.parse(r.at) >= from,
    );
  }

  async getCachedAnswer(tenant: TenantContext, key: string): Promise<CachedAgentAnswer | null> {
    const answer = this.answers.get(`${tenant.clientAccountId}\u0000${key}`);
    return answer && answer.expiresAt * 1000 >= this.now() ? answer : null;
  }

  async putCachedAnswer(tenant: TenantContext, answer: CachedAgentAnswer): Promise<void> {
    this.answers.set(`${tenant.clientAccountId}\u0000${answer.key}`, answer);
  }
}
