/**
 * The tenant's cache of agent answers: a repeat of an identical request (same model, agent,
 * prompts and tools) is answered from the table with no LLM call. The key is a hash of the
 * request; the store keys it under the tenant's own partition, so tenants never share it.
 */
import { createHash } from 'node:crypto';
import type { AgentMetricsStore } from '#ports/agentMetricsStore.ts';
import type { TenantContext } from '#ports/tenant.ts';

/** A tenant-bound view of the answer cache. */
export interface AnswerCache {
  get(key: string): Promise<unknown | undefined>;
  put(key: string, agent: string, output: unknown): Promise<void>;
}

/** The hash identifying a request. */
export function requestKey(request: unknown): string {
  return createHash('sha256').update(JSON.stringify(request)).digest('base64url');
}

/** Binds the store to one tenant. */
export function tenantAnswerCache(
  store: AgentMetricsStore,
  tenant: TenantContext,
  ttlSeconds: number,
  now: () => Date = () => new Date(),
): AnswerCache {
  return {
    async get(key) {
      const answer = await store.getCachedAnswer(tenant, key);
      return answer ? answer.output : undefined;
    },
    async put(key, agent, output) {
      const at = now();
      await store.putCachedAnswer(tenant, {
        key,
        agent,
        output,
        createdAt: at.toISOString(),
        expiresAt: Math.floor(at.getTime() / 1000) + ttlSeconds,
      });
    },
  };
}
