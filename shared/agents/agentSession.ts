/**
 * The agent layer's entry for one flow step: resolves the model (or none: degraded mode),
 * builds a tenant-scoped pool, usage ledger and answer cache for this tenant and engagement,
 * and runs crews. Build one per invocation; close it to write the usage records.
 */
import { randomUUID } from 'node:crypto';
import type { ModernizeConfig } from '#config/config.ts';
import type { Embedder } from '#memory/embeddings.ts';
import { memoryManagerFor } from '#memory/memoryApi.ts';
import type { AgentMetricsStore } from '#ports/agentMetricsStore.ts';
import type { AuditStore } from '#ports/auditStore.ts';
import type { MappingStore } from '#ports/mappingStore.ts';
import type { MemoryStore } from '#ports/memoryStore.ts';
import type { TenantContext } from '#ports/tenant.ts';
import type { ClientRegistry } from '#ports/userStore.ts';
import type { VectorIndex } from '#ports/vectorIndex.ts';
import { type CircuitBreakerRegistry, endpointBreakers } from '#reliability/circuitBreaker.ts';
import { type AuditedToolCall, toolCallAuditEntry } from '#security/auditToolCalls.ts';
import { tokenBudgetStatus } from '#security/quotas.ts';
import type { AgentRuntime } from './agent.ts';
import { type AgentMemoryHooks, type TaskRunEvent, tenantAgentMemory } from './agentMemory.ts';
import { AgentFactory, TenantScopedAgentPool } from './agentPool.ts';
import { tenantAnswerCache } from './answerCache.ts';
import { Crew, type CrewResult, type Task } from './crew.ts';
import { type ChatModel, createChatModel } from './llmClient.ts';
import { createSeedToolRegistry } from './tools/index.ts';
import type { AgentWorkspace, LearningProposal, ToolContext } from './tools/toolTypes.ts';
import { UsageLedger } from './usageLedger.ts';

/** What a session needs from the platform (a subset of Services). */
export interface AgentSessionServices {
  readonly config: ModernizeConfig;
  readonly agentMetrics?: AgentMetricsStore;
  readonly mappings?: MappingStore;
  readonly clock?: { now(): Date };
  /** The client registry, whose records may set the tenant's token budget (resolveLimits). */
  readonly clients?: Pick<ClientRegistry, 'get'>;
  /** Where agent tool calls are audited (the platform's audit log). */
  readonly audit?: AuditStore;
  /** Agent memory (all three, or the agents work without memory). */
  readonly memoryStore?: MemoryStore;
  readonly vectorIndex?: VectorIndex;
  readonly embedder?: Embedder;
}

export interface AgentSessionOptions {
  readonly services: AgentSessionServices;
  readonly tenant: TenantContext;
  readonly engagementId: string;
  readonly flowId?: string | null;
  readonly workspace: AgentWorkspace;
  /** Only a task a user started to teach the tenant sets this (flows never do). */
  readonly allowLearning?: boolean;
  /** Endpoint breakers (default: the process-wide registry, which holds no tenant data). */
  readonly breakers?: CircuitBreakerRegistry;
  /** The model to use; default from configuration (null = degraded mode). */
  readonly model?: ChatModel | null;
  /** Tokens of memories a prompt may carry (default DEFAULT_MEMORY_TOKEN_BUDGET). */
  readonly memoryTokenBudget?: number;
}

export class AgentSession {
  readonly pool: TenantScopedAgentPool;
  readonly ledger: UsageLedger;
  /** Rules agents proposed for the tenant to learn (they go to the flow notes). */
  readonly proposals: LearningProposal[];
  private readonly model: ChatModel | null;
  /** Why the crews run by rules when there is no model (no key, or the token budget is spent). */
  private readonly noModelReason: string;
  private readonly toolContext: Omit<ToolContext, 'agent'>;
  private readonly registry = createSeedToolRegistry();
  /** The tenant's agent memory for this session, when the services carry a memory store. */
  readonly memory: AgentMemoryHooks | undefined;
  /** Audits one tool call, model-driven or by rules, in the same shape (shared/security/auditToolCalls.ts). */
  private readonly onToolCall: (call: AuditedToolCall) => Promise<unknown>;

  private constructor(options: AgentSessionOptions, model: ChatModel | null, noModelReason?: string) {
    const now = () => options.services.clock?.now() ?? new Date();
    const scope = { engagementId: options.engagementId, flowId: options.flowId ?? null };
    this.onToolCall = async (call) =>
      options.services.audit?.record(options.tenant, toolCallAuditEntry(call, scope));
    this.model = model;
    this.noModelReason = noModelReason ?? 'no LLM key configured';
    this.proposals = [];
    this.ledger = new UsageLedger(
      { tenant: options.tenant, engagementId: options.engagementId, flowId: options.flowId ?? null },
      options.services.agentMetrics,
      now,
    );
    this.toolContext = {
      tenant: options.tenant,
      workspace: options.workspace,
      proposals: this.proposals,
      allowLearning: options.allowLearning === true,
      mappings: options.services.mappings,
      now,
    };
    this.memory = sessionMemory(options);
    const store = options.services.agentMetrics;
    const runtime: AgentRuntime = {
      ...(this.memory ? { memory: this.memory } : {}),
      model,
      breakers: options.breakers ?? endpointBreakers,
      ledger: this.ledger,
      cache: store
        ? tenantAnswerCache(store, options.tenant, options.services.config.llm.cacheTtlSeconds, now)
        : null,
      toolContext: this.toolContext,
      onToolCall: async (call) => {
        await this.onToolCall(call);
      },
    };
    this.pool = new TenantScopedAgentPool(
      { clientAccountId: options.tenant.clientAccountId, engagementId: options.engagementId },
      new AgentFactory(this.registry),
      runtime,
    );
  }

  /** Opens a session; the model comes from configuration unless given. */
  static async open(options: AgentSessionOptions): Promise<AgentSession> {
    // A tenant past its LLM token budget works in degraded mode (rules), checked before any call.
    const budget = await tokenBudgetStatus(options.services, options.tenant);
    const model = budget.exhausted
      ? null
      : options.model !== undefined
        ? options.model
        : await createChatModel(options.services.config.llm);
    return new AgentSession(options, model, budget.reason);
  }

  /** True when a model is configured. */
  get hasModel(): boolean {
    return this.model !== null;
  }

  /** A crew over this session's pool. */
  crew(tasks: readonly Task[]): Crew {
    return new Crew({
      pool: this.pool,
      tools: this.registry,
      toolContext: this.toolContext,
      tasks,
      onToolCall: this.onToolCall,
      noModelReason: this.model ? undefined : this.noModelReason,
      ...(this.memory ? { onTaskDone: (event: TaskRunEvent) => this.memory?.remember(event) } : {}),
    });
  }

  /** Runs a crew and writes its usage records. */
  async run(tasks: readonly Task[], inputs: Readonly<Record<string, unknown>>): Promise<CrewResult> {
    try {
      return await this.crew(tasks).kickoff(inputs);
    } finally {
      await this.ledger.flush();
    }
  }
}

/** The tenant's memory hooks for a session, or undefined when the services carry no memory store. */
function sessionMemory(options: AgentSessionOptions): AgentMemoryHooks | undefined {
  const { memoryStore, vectorIndex, embedder, config, clock } = options.services;
  if (!memoryStore || !vectorIndex || !embedder) return undefined;
  return tenantAgentMemory({
    manager: memoryManagerFor({
      memoryStore,
      vectorIndex,
      embedder,
      config,
      clock: clock ?? { now: () => new Date() },
    }),
    tenant: options.tenant,
    engagementId: options.engagementId,
    flowId: options.flowId ?? null,
    sessionId: randomUUID(),
    ...(options.memoryTokenBudget !== undefined ? { tokenBudget: options.memoryTokenBudget } : {}),
  });
}
