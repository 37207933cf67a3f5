import { describe, expect, it } from 'vitest';
import { InMemoryAgentMetricsStore } from '#agents/inMemoryAgentMetricsStore.ts';
import { loadConfig } from '#config/config.ts';
import type { AgentUsageRecord } from '#ports/agentMetricsStore.ts';
import type { Clock } from '#ports/clock.ts';
import type { ClientLimits, ClientRecord } from '#ports/userStore.ts';
import { budgetMonth, tokenBudgetStatus } from '#security/quotas.ts';
import {
  clientLimitsSchema,
  describeLimits,
  forgetLimits,
  LIMITS_CACHE_TTL_MS,
  resolveLimits,
} from '#security/tenantLimits.ts';

/** A client registry in memory that counts its reads. */
class Registry {
  readonly records = new Map<string, ClientLimits | undefined>();
  reads = 0;
  failing = false;
  async get(_actor: unknown, clientId: string): Promise<ClientRecord | null> {
    this.reads++;
    if (this.failing) throw new Error('throttled');
    if (!this.records.has(clientId)) return null;
    const limits = this.records.get(clientId);
    return { clientId, name: clientId, ...(limits ? { limits } : {}), updatedAt: '', updatedBy: 'pat' };
  }
}

/** A clock the test moves by hand (no sleeps). */
function manualClock(iso: string): Clock & { advance(ms: number): void } {
  let at = Date.parse(iso);
  return { now: () => new Date(at), advance: (ms) => (at += ms) };
}

const config = loadConfig({
  MODERNIZE_MAX_ROWS: '500',
  MODERNIZE_TENANT_LIMITS: JSON.stringify({ acme: { maxRows: 100, maxColumns: 50 } }),
});

describe('resolveLimits: client record > configured tenant override > platform default', () => {
  it('each limit comes from the most specific layer that sets it', async () => {
    const clients = new Registry();
    clients.records.set('acme', { maxRows: 10 });

    const acme = await describeLimits({ config, clients }, 'acme');
    const globex = await resolveLimits({ config, clients }, 'globex');

    expect(acme.limits).toMatchObject({ maxRows: 10, maxColumns: 50, maxUploadBytes: 2 * 1024 ** 3 });
    expect(acme.sources).toEqual({
      maxRows: 'client',
      maxColumns: 'tenant_config',
      maxUploadBytes: 'default',
      llmTokenBudget: 'default',
    });
    expect(globex).toMatchObject({ maxRows: 500, maxColumns: 1000, llmTokenBudget: 0 });
  });

  it("a platform admin's change applies once the cache ages out (or at once where it was saved)", async () => {
    const clients = new Registry();
    const clock = manualClock('2026-11-26T10:00:00Z');
    clients.records.set('acme', { maxRows: 10 });
    const services = { config, clients, clock };
    expect((await resolveLimits(services, 'acme')).maxRows).toBe(10);

    clients.records.set('acme', { maxRows: 20 });
    clock.advance(LIMITS_CACHE_TTL_MS - 1);
    const cached = await resolveLimits(services, 'acme');
    clock.advance(1);
    const refreshed = await resolveLimits(services, 'acme');
    clients.records.set('acme', { maxRows: 30 });
    forgetLimits(services, 'acme');
    const forgotten = await resolveLimits(services, 'acme');

    expect([cached.maxRows, refreshed.maxRows, forgotten.maxRows]).toEqual([10, 20, 30]);
    expect(clients.reads).toBe(3);
  });

  it('concurrent lookups share one read; a failed read falls back to configuration and is retried', async () => {
    const clients = new Registry();
    clients.records.set('acme', { maxRows: 7 });
    const services = { config, clients, clock: manualClock('2026-11-26T10:00:00Z') };

    const all = await Promise.all([1, 2, 3].map(() => resolveLimits(services, 'acme')));
    expect(all.map((l) => l.maxRows)).toEqual([7, 7, 7]);
    expect(clients.reads).toBe(1);

    forgetLimits(services, 'acme');
    clients.failing = true;
    expect((await resolveLimits(services, 'acme')).maxRows).toBe(100);
    clients.failing = false;
    expect((await resolveLimits(services, 'acme')).maxRows).toBe(7);
  });
});

describe('limits a platform admin saves on a client record', () => {
  it('accepts known keys with non-negative integers (0 included)', () => {
    expect(clientLimitsSchema.parse({ maxRows: 0, llmTokenBudget: 250000 })).toEqual({
      maxRows: 0,
      llmTokenBudget: 250000,
    });
  });

  it.each([
    [{ maxCats: 1 }, /unknown limit "maxCats" \(known: maxUploadBytes, maxRows/],
    [{ maxRows: -1 }, /must be a non-negative integer/],
    [{ maxRows: 1.5 }, /must be a non-negative integer/],
    [{ maxRows: '10' }, /must be a non-negative integer/],
    [[], /must be an object of limits/],
  ])('refuses %j with a one-line reason', (limits, reason) => {
    const result = clientLimitsSchema.safeParse(limits);

    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(reason);
    expect(result.error?.issues[0]?.message).not.toContain('\n');
  });
});

describe('monthly LLM token budget', () => {
  const tenant = { clientAccountId: 'acme', userId: 'u', roles: ['analyst' as const] };
  const usage = (callId: string, at: string, tokens: number): AgentUsageRecord => ({
    callId,
    engagementId: 'e1',
    flowId: 'f1',
    agent: 'cmdb_analyst',
    model: 'm',
    endpoint: 'e',
    promptTokens: tokens,
    completionTokens: 0,
    costUsd: 0,
    source: 'llm',
    at,
  });

  it('the month is the calendar month (UTC) of the clock', () => {
    expect(budgetMonth(new Date('2026-11-30T23:59:59.999Z'))).toEqual({
      month: '2026-11',
      from: '2026-11-01T00:00:00.000Z',
    });
    expect(budgetMonth(new Date('2026-12-01T00:00:00.000Z')).month).toBe('2026-12');
  });

  it("counts only this month's tokens and says why no model is used once they reach the budget", async () => {
    const agentMetrics = new InMemoryAgentMetricsStore();
    await agentMetrics.recordUsage(tenant, usage('old', '2026-10-31T23:59:59.999Z', 5000));
    await agentMetrics.recordUsage(tenant, usage('c1', '2026-11-01T00:00:00.000Z', 600));
    const clients = new Registry();
    clients.records.set('acme', { llmTokenBudget: 1000 });
    const services = { config, clients, agentMetrics, clock: manualClock('2026-11-26T10:00:00Z') };

    const before = await tokenBudgetStatus(services, tenant);
    await agentMetrics.recordUsage(tenant, usage('c2', '2026-11-26T09:00:00.000Z', 400));
    const after = await tokenBudgetStatus(services, tenant);

    expect(before).toEqual({ budget: 1000, used: 600, exhausted: false, month: '2026-11' });
    expect(after).toMatchObject({ used: 1000, exhausted: true });
    expect(after.reason).toBe(
      'LLM token budget of 1000 tokens for 2026-11 exhausted (used 1000); rules used',
    );
  });

  it('a new month starts from zero; no budget reads nothing', async () => {
    const agentMetrics = new InMemoryAgentMetricsStore();
    await agentMetrics.recordUsage(tenant, usage('c1', '2026-11-20T00:00:00.000Z', 5000));
    const clients = new Registry();
    clients.records.set('acme', { llmTokenBudget: 1000 });

    const december = await tokenBudgetStatus(
      { config, clients, agentMetrics, clock: manualClock('2026-12-01T00:00:00Z') },
      tenant,
    );
    const unlimited = await tokenBudgetStatus(
      { config, agentMetrics, clock: manualClock('2026-11-26T00:00:00Z') },
      tenant,
    );

    expect(december).toEqual({ budget: 1000, used: 0, exhausted: false, month: '2026-12' });
    expect(unlimited).toEqual({ budget: 0, used: 0, exhausted: false, month: '2026-11' });
  });
});
