/**
 * AgentFactory and TenantScopedAgentPool. A pool belongs to one tenant and engagement and
 * one invocation (a flow step): agents are created lazily on first use and reused within it.
 * There is no module-level pool, so a warm container never hands one tenant's agent (its
 * tools' context, cache or usage ledger) to another: a new invocation builds a new pool.
 */
import { Agent, type AgentRuntime } from './agent.ts';
import { AgentError } from './errors.ts';
import { AGENT_SPECS, type AgentName, type AgentSpec } from './specs.ts';
import type { ToolRegistry } from './toolRegistry.ts';

/** Which tenant and engagement a pool serves. */
export interface AgentScope {
  readonly clientAccountId: string;
  readonly engagementId: string;
}

/** Asked for an agent of another tenant or engagement than the pool's. */
export class TenantScopeError extends AgentError {
  constructor(pool: string, asked: string) {
    super(`agent pool of ${pool} cannot serve ${asked}`, 'tenant_scope');
    this.name = 'TenantScopeError';
  }
}

/** Builds agents from specs: the spec's tools (named and by capability) and the pool's runtime. */
export class AgentFactory {
  private readonly registry: ToolRegistry;
  constructor(registry: ToolRegistry) {
    this.registry = registry;
  }

  create(spec: AgentSpec, runtime: AgentRuntime): Agent {
    return new Agent(spec, this.registry.toolsFor(spec), runtime);
  }
}

/** The key of a scope: tenant first, then engagement. */
export function scopeKey(scope: AgentScope): string {
  return `${scope.clientAccountId}#${scope.engagementId}`;
}

export class TenantScopedAgentPool {
  readonly scope: AgentScope;
  private readonly factory: AgentFactory;
  private readonly runtime: AgentRuntime;
  private readonly agents = new Map<string, Agent>();

  constructor(scope: AgentScope, factory: AgentFactory, runtime: AgentRuntime) {
    if (runtime.toolContext.tenant.clientAccountId !== scope.clientAccountId)
      throw new TenantScopeError(scopeKey(scope), runtime.toolContext.tenant.clientAccountId);
    this.scope = scope;
    this.factory = factory;
    this.runtime = runtime;
  }

  /** The pool's agent `name` for `scope` (created on first use); another scope is refused. */
  agent(name: AgentName, scope: AgentScope = this.scope): Agent {
    const key = scopeKey(scope);
    if (key !== scopeKey(this.scope)) throw new TenantScopeError(scopeKey(this.scope), key);
    let agent = this.agents.get(name);
    if (!agent) {
      agent = this.factory.create(AGENT_SPECS[name], this.runtime);
      this.agents.set(name, agent);
    }
    return agent;
  }

  /** Agents created so far (for health views and tests). */
  get size(): number {
    return this.agents.size;
  }
}
