/**
 * Agent health per tenant and agent type: is the model reachable (one cheap completion, or the
 * circuit breaker's state when it is open; without a key the agents are degraded, not
 * unhealthy, since the rules still do the work), is the tenant's memory reachable (a search in
 * its index and a read of its records), and does each agent have its tools. The report rolls
 * these into one status with recommendations an operator can act on.
 */
import type { ModernizeConfig } from '#config/config.ts';
import type { AgentMemoryManager } from '#memory/memoryManager.ts';
import type { MemoryStore } from '#ports/memoryStore.ts';
import type { TenantContext } from '#ports/tenant.ts';
import { type CircuitBreakerRegistry, endpointBreakers } from '#reliability/circuitBreaker.ts';
import { type ChatModel, createChatModel } from './llmClient.ts';
import { AGENT_SPECS, type AgentName } from './specs.ts';
import type { ToolRegistry } from './toolRegistry.ts';
import { createSeedToolRegistry } from './tools/index.ts';

export type HealthStatus = 'healthy' | 'degraded' | 'unhealthy';

/** One component's health and, unless healthy, why. */
export interface ComponentHealth {
  readonly status: HealthStatus;
  readonly reason?: string;
  readonly durationMs?: number;
}

export interface ModelHealth extends ComponentHealth {
  readonly keyConfigured: boolean;
  readonly model: string;
  readonly endpoint: string;
  readonly circuit: 'closed' | 'open' | 'half_open';
}

export interface AgentTypeHealth {
  readonly agent: string;
  readonly status: HealthStatus;
  readonly model: HealthStatus;
  /** `not_used` for an agent whose spec keeps no memory. */
  readonly memory: HealthStatus | 'not_used';
  readonly tools: { readonly status: HealthStatus; readonly available: string[]; readonly missing: string[] };
  readonly reasons: readonly string[];
}

export interface AgentHealthReport {
  readonly status: HealthStatus;
  readonly clientAccountId: string;
  readonly checkedAt: string;
  readonly model: ModelHealth;
  readonly memory: ComponentHealth;
  readonly agents: readonly AgentTypeHealth[];
  readonly recommendations: readonly string[];
}

/** What the monitor probes with. */
export interface AgentHealthDeps {
  readonly config: ModernizeConfig;
  /** The tenant memory manager and record store; absent: memory is reported unavailable. */
  readonly memory?: { readonly manager: AgentMemoryManager; readonly store: MemoryStore };
  readonly breakers?: CircuitBreakerRegistry;
  /** The model to probe (default: from configuration; null = no key). */
  readonly model?: ChatModel | null;
  readonly registry?: ToolRegistry;
  readonly now?: () => Date;
}

/** The seed's specialists: the agent types a report covers by default. */
export const SPECIALISTS: readonly AgentName[] = [
  'cmdb_analyst',
  'field_mapping_specialist',
  'dependency_analyst',
  'sixr_strategist',
  'risk_assessor',
];

const RANK: Record<HealthStatus, number> = { healthy: 0, degraded: 1, unhealthy: 2 };
const worst = (...statuses: HealthStatus[]): HealthStatus =>
  statuses.reduce<HealthStatus>((w, s) => (RANK[s] > RANK[w] ? s : w), 'healthy');

function describeError(error: unknown): string {
  const e = error as { name?: string; message?: string; status?: number };
  const status = typeof e?.status === 'number' ? `HTTP ${e.status}: ` : '';
  return `${status}${e?.name ?? 'Error'}: ${(e?.message ?? String(error)).split('\n')[0]?.slice(0, 200)}`;
}

async function timed(run: () => Promise<void>): Promise<ComponentHealth> {
  const started = performance.now();
  try {
    await run();
    return { status: 'healthy', durationMs: Math.round(performance.now() - started) };
  } catch (error) {
    return {
      status: 'unhealthy',
      reason: describeError(error),
      durationMs: Math.round(performance.now() - started),
    };
  }
}

export class AgentHealthMonitor {
  private readonly deps: AgentHealthDeps;
  constructor(deps: AgentHealthDeps) {
    this.deps = deps;
  }

  /** The model's health: a one-token completion, unless there is no key or the circuit is open. */
  async checkModel(): Promise<ModelHealth> {
    const llm = this.deps.config.llm;
    const model = this.deps.model !== undefined ? this.deps.model : await createChatModel(llm);
    const endpoint = model?.endpoint ?? llm.baseUrl;
    const circuit = (this.deps.breakers ?? endpointBreakers).for(endpoint).state;
    const base = { keyConfigured: model !== null, model: model?.model ?? llm.model, endpoint, circuit };
    if (!model)
      return {
        ...base,
        status: 'degraded',
        reason: 'no LLM key configured: agents run by rules (degraded mode)',
      };
    if (circuit === 'open')
      return {
        ...base,
        status: 'unhealthy',
        reason: 'circuit open after repeated model failures: agents run by rules until it closes',
      };
    const probe = await timed(async () => {
      await model.client.chat.completions.create(
        { model: model.model, messages: [{ role: 'user', content: 'Reply with OK.' }], max_tokens: 1 },
        { maxRetries: 0, timeout: Math.min(llm.timeoutMs, 10_000) },
      );
    });
    return {
      ...base,
      ...probe,
      ...(probe.reason ? { reason: `model endpoint failed: ${probe.reason}` } : {}),
    };
  }

  /** The tenant's memory: a search in its vector index and a read of its records. */
  async checkMemory(tenant: TenantContext): Promise<ComponentHealth> {
    const memory = this.deps.memory;
    if (!memory)
      return { status: 'degraded', reason: 'no memory store configured: agents work without memory' };
    const probe = await timed(async () => {
      await memory.manager.retrieveMemories(tenant, { query: 'health check', limit: 1, touch: false });
      await memory.store.get(tenant, 'health-probe');
    });
    return probe.reason ? { ...probe, reason: `memory store failed: ${probe.reason}` } : probe;
  }

  /** The full report for one tenant and the given agent types. */
  async check(tenant: TenantContext, agents: readonly AgentName[] = SPECIALISTS): Promise<AgentHealthReport> {
    const [model, memory] = await Promise.all([this.checkModel(), this.checkMemory(tenant)]);
    const registry = this.deps.registry ?? createSeedToolRegistry();
    const perAgent = agents.map((agent): AgentTypeHealth => {
      const spec = AGENT_SPECS[agent];
      const available = spec.tools.filter((t) => registry.get(t) !== undefined);
      const missing = spec.tools.filter((t) => registry.get(t) === undefined);
      const tools: AgentTypeHealth['tools'] = {
        status: missing.length > 0 ? 'unhealthy' : 'healthy',
        available,
        missing,
      };
      const memoryStatus = spec.memoryEnabled ? memory.status : 'not_used';
      const reasons = [
        ...(model.reason ? [model.reason] : []),
        ...(spec.memoryEnabled && memory.reason ? [memory.reason] : []),
        ...(missing.length > 0 ? [`missing tools: ${missing.join(', ')}`] : []),
      ];
      return {
        agent,
        status: worst(model.status, memoryStatus === 'not_used' ? 'healthy' : memoryStatus, tools.status),
        model: model.status,
        memory: memoryStatus,
        tools,
        reasons,
      };
    });
    return {
      status: worst(model.status, memory.status, ...perAgent.map((a) => a.status)),
      clientAccountId: tenant.clientAccountId,
      checkedAt: (this.deps.now ?? (() => new Date()))().toISOString(),
      model,
      memory,
      agents: perAgent,
      recommendations: recommendationsFor(model, memory, perAgent),
    };
  }
}

/** What an operator should do about each problem found. */
export function recommendationsFor(
  model: ModelHealth,
  memory: ComponentHealth,
  agents: readonly AgentTypeHealth[],
): string[] {
  const out: string[] = [];
  if (!model.keyConfigured)
    out.push(
      'Configure MODERNIZE_LLM_API_KEY (or the LLM secret in the cloud) for model answers; until then the agents run their rules.',
    );
  else if (model.circuit === 'open')
    out.push(
      `The model endpoint ${model.endpoint} failed repeatedly; check its status and quota. Rules answer meanwhile.`,
    );
  else if (model.status === 'unhealthy')
    out.push(
      `Check the model endpoint ${model.endpoint} and model ${model.model} (${model.reason ?? 'failed'}); agents fall back to rules.`,
    );
  if (memory.status === 'unhealthy')
    out.push(
      'Check the memory store and vector index (DynamoDB table, OpenSearch collection or the embedded index): agents cannot recall what the tenant taught them.',
    );
  for (const a of agents)
    if (a.tools.missing.length > 0)
      out.push(
        `Register the tools ${a.tools.missing.join(', ')} needed by ${a.agent} (a deployment or version mismatch).`,
      );
  return out;
}
