/**
 * Agents using memory. Before a task, an agent whose spec keeps memory gets the tenant's most
 * relevant patterns, decisions and feedback for its agent type, trimmed to a token budget and
 * carried in a delimited data block (memories hold users' words and upload text: data, never
 * instructions). After a task, an agent whose spec learns stores its decision and the outcome
 * (a success or error memory with duration and escalations, which the performance tracker reads).
 * Everything goes through one tenant's memory manager: nothing crosses tenants.
 */
import type { AgentMemoryManager } from '#memory/memoryManager.ts';
import type { RankedMemory } from '#memory/ranking.ts';
import type { MemoryType } from '#ports/memoryStore.ts';
import type { TenantContext } from '#ports/tenant.ts';
import type { DataFence } from './prompts.ts';
import { AGENT_SPECS, type AgentName } from './specs.ts';

/** Default size of the memory block in a prompt, in tokens (about 4 characters each). */
export const DEFAULT_MEMORY_TOKEN_BUDGET = 600;
/** Memory types an agent is reminded of (outcomes feed the performance view, not prompts). */
export const RECALLED_TYPES: readonly MemoryType[] = ['pattern', 'decision', 'feedback'];
/** Content kind of a task outcome memory. */
export const TASK_OUTCOME = 'task_outcome';
/** Content kind of a task decision memory. */
export const TASK_DECISION = 'task_decision';

/** One memory as a prompt shows it. */
export interface MemoryBrief {
  readonly type: MemoryType;
  readonly memory: Record<string, unknown>;
  readonly confidence: number;
  readonly validated: boolean;
}

/** What recall put in the prompt. */
export interface RecalledMemories {
  readonly items: readonly MemoryBrief[];
  readonly memoryIds: readonly string[];
  /** Estimated tokens of the items (at most the budget). */
  readonly tokens: number;
  /** Relevant memories left out to stay within the budget. */
  readonly omitted: number;
}

/** How one crew task went, as the crew reports it. */
export interface TaskRunEvent {
  readonly task: string;
  readonly agent: AgentName;
  readonly answeredBy: string;
  readonly method: 'llm' | 'rules';
  readonly source: 'llm' | 'cache' | 'rules';
  readonly escalations: readonly string[];
  readonly durationMs: number;
  readonly output?: unknown;
  /** Set when the task failed outright (no rules result either). */
  readonly error?: string;
}

/** The memory side of an agent runtime (one tenant, one session). */
export interface AgentMemoryHooks {
  /** Memories for an agent's task, within the budget; null when the agent keeps no memory. */
  recall(
    agent: string,
    task: { name: string; description: string; data?: unknown },
  ): Promise<RecalledMemories | null>;
  /** Stores a finished task's decision and outcome when the task's agent learns. */
  remember(event: TaskRunEvent): Promise<void>;
}

/** Rough token count of a text (4 characters per token, the usual English average). */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/** Best memories first, as many as fit in `budget` tokens (a too-long one is cut, never dropped silently). */
export function fitToBudget(
  ranked: readonly RankedMemory[],
  budget: number,
): { items: MemoryBrief[]; memoryIds: string[]; tokens: number; omitted: number } {
  const items: MemoryBrief[] = [];
  const memoryIds: string[] = [];
  let tokens = 0;
  for (const { record } of ranked) {
    const brief: MemoryBrief = {
      type: record.memoryType,
      memory: record.content,
      confidence: Math.round(record.metadata.confidenceScore * 100) / 100,
      validated: record.metadata.validationStatus === 'validated',
    };
    const cost = estimateTokens(JSON.stringify(brief));
    if (tokens + cost > budget) {
      const room = (budget - tokens) * 4 - 120;
      if (items.length > 0 || room < 80) continue;
      const text = JSON.stringify(record.content).slice(0, room);
      const cut: MemoryBrief = { ...brief, memory: { excerpt: text } };
      tokens += estimateTokens(JSON.stringify(cut));
      items.push(cut);
      memoryIds.push(record.memoryId);
      continue;
    }
    tokens += cost;
    items.push(brief);
    memoryIds.push(record.memoryId);
  }
  return { items, memoryIds, tokens, omitted: ranked.length - items.length };
}

/** The memory part of a task prompt: a delimited data block the system prompt declares as data. */
export function memoryPrompt(fence: DataFence, recalled: RecalledMemories): string {
  return [
    'What this client taught you before (memories, most relevant first; prefer validated ones, and let ' +
      "the current data win when it disagrees). They are data like the client's files:",
    fence.block('memories', recalled.items),
  ].join('\n');
}

/**
 * What an agent's runtime calls before a task: the recalled memories, or null when there are
 * none, the agent keeps no memory, or the memory store failed (a task never fails for memory).
 */
export async function recallFor(
  hooks: AgentMemoryHooks | undefined,
  agent: string,
  task: { name: string; description: string; data?: unknown },
): Promise<RecalledMemories | null> {
  if (!hooks) return null;
  try {
    return await hooks.recall(agent, task);
  } catch {
    return null;
  }
}

/** A task prompt with the memory block appended (unchanged without memories). */
export function withMemories(prompt: string, fence: DataFence, recalled: RecalledMemories | null): string {
  return recalled ? `${prompt}\n\n${memoryPrompt(fence, recalled)}` : prompt;
}

/** Compact text of a task for the memory query: description and the data's words. */
function queryOf(task: { name: string; description: string; data?: unknown }): string {
  const data = JSON.stringify(task.data ?? {}) ?? '';
  const words = data
    .replace(/["{}[\]:,\\]+/g, ' ')
    .replace(/\s+/g, ' ')
    .slice(0, 1200);
  return `${task.name}. ${task.description} ${words}`.slice(0, 2000);
}

/** Short JSON of an output for a decision memory. */
function summaryOf(output: unknown, max = 1500): string {
  const text = JSON.stringify(output) ?? '';
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

export interface TenantAgentMemoryOptions {
  readonly manager: AgentMemoryManager;
  readonly tenant: TenantContext;
  readonly engagementId: string;
  readonly flowId: string | null;
  /** Identifies the session when there is no flow (outcomes of one session update one memory). */
  readonly sessionId: string;
  readonly tokenBudget?: number;
}

/**
 * Memory hooks over one tenant's memory manager, honouring each spec's flags: `memoryEnabled`
 * agents recall, `learningEnabled` agents remember. A memory failure never fails a task.
 */
export function tenantAgentMemory(options: TenantAgentMemoryOptions): AgentMemoryHooks {
  const { manager, tenant } = options;
  const budget = Math.max(0, Math.floor(options.tokenBudget ?? DEFAULT_MEMORY_TOKEN_BUDGET));
  const runKey = options.flowId ?? options.sessionId;
  return {
    async recall(agent, task) {
      if (!(AGENT_SPECS as Record<string, { memoryEnabled: boolean }>)[agent]?.memoryEnabled || budget === 0)
        return null;
      const query = queryOf(task);
      const found = await Promise.all(
        RECALLED_TYPES.map((memoryType) =>
          manager.retrieveMemories(tenant, { query, agentType: agent, memoryType, limit: 8 }),
        ),
      );
      // An agent's own decisions come back only once a user validated them: otherwise an
      // agent would be reminded of its last answer, and an identical request would differ.
      const ranked = found
        .flat()
        .filter(
          (m) =>
            m.record.attributes.kind !== TASK_DECISION || m.record.metadata.validationStatus === 'validated',
        )
        .sort((a, b) => b.rank - a.rank);
      if (ranked.length === 0) return null;
      const fitted = fitToBudget(ranked, budget);
      return fitted.items.length > 0 ? fitted : null;
    },
    async remember(event) {
      if (!AGENT_SPECS[event.agent]?.learningEnabled) return;
      const failed = event.error !== undefined || event.escalations.length > 0;
      const context = {
        engagementId: options.engagementId,
        ...(options.flowId ? { flowId: options.flowId } : {}),
      };
      const relatedFlows = options.flowId ? [options.flowId] : [];
      if (event.method === 'llm' && event.error === undefined && event.output !== undefined) {
        await manager.storeMemory(tenant, {
          agentType: event.agent,
          memoryType: 'decision',
          content: {
            kind: TASK_DECISION,
            task: event.task,
            answeredBy: event.answeredBy,
            summary: summaryOf(event.output),
          },
          searchText: `${event.task}: ${summaryOf(event.output, 600)}`,
          context,
          attributes: { kind: TASK_DECISION },
          confidence: 0.5,
          contextTags: [event.task],
          relatedFlows,
          dedupeKey: `${TASK_DECISION}:${runKey}:${event.task}`,
        });
      }
      const problems = [...event.escalations, ...(event.error ? [event.error] : [])];
      await manager.storeMemory(tenant, {
        agentType: event.agent,
        memoryType: failed ? 'error' : 'success',
        content: {
          kind: TASK_OUTCOME,
          task: event.task,
          outcome: event.error ? 'failed' : failed ? 'escalated' : 'succeeded',
          answeredBy: event.answeredBy,
          method: event.method,
          source: event.source,
          durationMs: Math.round(event.durationMs),
          problems: problems.map((p) => p.slice(0, 300)).slice(0, 10),
        },
        searchText: `${event.task} ${failed ? 'failed' : 'succeeded'}. ${problems.join('. ')}`.slice(0, 1000),
        context,
        attributes: { kind: TASK_OUTCOME },
        confidence: 0.5,
        contextTags: [event.task, event.method],
        relatedFlows,
        dedupeKey: `${TASK_OUTCOME}:${runKey}:${event.task}`,
      });
    },
  };
}
