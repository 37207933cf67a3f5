/**
 * The one authorise-and-audit path of agent tool calls, for both ways a tool runs: chosen by the
 * model (`mode: 'llm'`) or called directly by a task's rules when no model answers (`mode: 'rules'`,
 * degraded mode). Either way the acting identity's role must allow the tool, and the call leaves
 * one audit event of the same shape: `tool.{name}`, the agent, engagement and flow, the outcome.
 */
import { createHash } from 'node:crypto';
import { stableJson } from '#memory/memoryInput.ts';
import type { AuditEntry } from '#ports/auditStore.ts';
import type { TenantContext } from '#ports/tenant.ts';
import { authorizeAgentOperation } from './rbac.ts';

/** One tool call as the audit sees it. */
export interface AuditedToolCall {
  readonly agent: string;
  readonly tool: string;
  readonly outcome: 'success' | 'denied' | 'failed';
  readonly reason?: string;
  /** Default `llm`. */
  readonly mode?: 'llm' | 'rules';
  /**
   * Names this call within its flow (task, tool, arguments, ordinal) so that a phase re-run after a
   * fault records it once, not twice. Absent: every call is a new event.
   */
  readonly callKey?: string;
}

/** Where a tool call happened. */
export interface ToolCallScope {
  readonly engagementId: string;
  readonly flowId?: string | null;
}

/** The audit entry of a tool call (the same for model-driven and rules-driven calls). */
export function toolCallAuditEntry(call: AuditedToolCall, scope: ToolCallScope): AuditEntry {
  const flowId = scope.flowId ?? '';
  return {
    action: `tool.${call.tool}`,
    target: { agent: call.agent, engagementId: scope.engagementId, flowId },
    outcome: call.outcome,
    ...(call.reason ? { reason: call.reason } : {}),
    mode: call.mode ?? 'llm',
    // Deduplicate only inside a flow: outside one, identical calls are separate operations.
    ...(call.callKey && flowId
      ? { idempotencyKey: `tool|${scope.engagementId}|${flowId}|${call.callKey}` }
      : {}),
  };
}

/** A tool as the path needs it. */
export interface AuthorisableTool<A, R> {
  readonly name: string;
  readonly capabilities: readonly string[];
  readonly run: (args: A) => R | Promise<R>;
}

/**
 * Checks `actor` may use `tool`, runs it, and reports the call to `report` — awaited, and a report
 * that fails fails the call: a tool call that cannot be audited does not pass silently (the phase
 * fails with the reason and a resume records it, once, thanks to `callKey`). Throws the denial or
 * the tool's own error after reporting it.
 */
export async function runAuditedTool<A, R>(
  actor: Pick<TenantContext, 'roles'>,
  tool: AuthorisableTool<A, R>,
  args: A,
  call: { readonly agent: string; readonly mode: 'llm' | 'rules'; readonly callKey?: string },
  report: ((call: AuditedToolCall) => unknown) | undefined,
): Promise<R> {
  let outcome: AuditedToolCall['outcome'] = 'denied';
  let reason: string | undefined;
  let result: R;
  try {
    authorizeAgentOperation(actor, tool);
    outcome = 'failed';
    result = await tool.run(args);
    outcome = 'success';
  } catch (error) {
    reason = (error instanceof Error ? error.message : String(error)).split('\n')[0]?.slice(0, 300);
    await report?.({ ...call, tool: tool.name, outcome, ...(reason ? { reason } : {}) });
    throw error;
  }
  await report?.({ ...call, tool: tool.name, outcome });
  return result;
}

/**
 * Keys the calls of one task: the n-th call of a tool with the same arguments gets the same key
 * on every run of the task, whatever order its calls finish in.
 */
export class ToolCallKeys {
  private readonly seen = new Map<string, number>();
  private readonly prefix: string;

  constructor(task: string, agent: string) {
    this.prefix = `${task}|${agent}`;
  }

  next(tool: string, args: unknown): string {
    const digest = createHash('sha256').update(stableJson(args)).digest('base64url').slice(0, 22);
    const base = `${this.prefix}|${tool}|${digest}`;
    const n = (this.seen.get(base) ?? 0) + 1;
    this.seen.set(base, n);
    return `${base}|${n}`;
  }
}
