/**
 * Tasks and crews. A crew runs its tasks in order (sequential process); each task's output
 * joins the context of the tasks after it. A task goes to its agent; if the agent fails
 * (answer invalid after the repair retry, turn limit, a tool error) its fallback agent gets
 * the task; if no model can answer (no key, endpoint down past retries, circuit open) the
 * task runs its rules: the same tools, called directly (degraded mode, `method: "rules"`) through
 * the same authorise-and-audit path as the model's tool calls (`mode: 'rules'` in the audit log).
 */
import type * as z from 'zod/v4';
import { AllFallbacksFailedError, errorText, runWithFallbacks } from '#reliability/fallback.ts';
import { type AuditedToolCall, runAuditedTool, ToolCallKeys } from '#security/auditToolCalls.ts';
import type { TaskRunEvent } from './agentMemory.ts';
import type { TenantScopedAgentPool } from './agentPool.ts';
import { AgentError, AgentUnavailableError } from './errors.ts';
import { type AgentName, FALLBACK_AGENTS } from './specs.ts';
import type { ToolRegistry } from './toolRegistry.ts';
import type { ToolContext } from './tools/toolTypes.ts';

/** What a task's rules (degraded mode) receive. */
export interface RulesInput {
  readonly inputs: Readonly<Record<string, unknown>>;
  readonly context: Readonly<Record<string, unknown>>;
  /** Runs a registered tool directly, with validated arguments. */
  readonly tool: (name: string, args: unknown) => Promise<unknown>;
}

/** A unit of work for one agent. */
export interface Task<T = unknown> {
  readonly name: string;
  readonly description: string;
  readonly expectedOutput: string;
  readonly agent: AgentName;
  /** The answer's schema: the model's JSON is validated against it. */
  readonly output: z.ZodType<T>;
  /** Which crew inputs this task's prompt carries as data blocks (default: all). */
  readonly inputs?: readonly string[];
  /** The same work without a model: the tools run directly. */
  readonly rules: (input: RulesInput) => T | Promise<T>;
}

/** How one task was done. */
export interface TaskOutcome<T = unknown> {
  readonly task: string;
  readonly output: T;
  readonly method: 'llm' | 'rules';
  /** The agent that answered, or `rules`. */
  readonly answeredBy: string;
  readonly source: 'llm' | 'cache' | 'rules';
  /** What went wrong on the way (failed agents, degraded mode), for the flow notes. */
  readonly escalations: readonly string[];
}

/** A crew's result. */
export interface CrewResult {
  readonly tasks: readonly TaskOutcome[];
  readonly outputs: Readonly<Record<string, unknown>>;
  /** `llm` when every task had a model answer, `rules` when none did, else `mixed`. */
  readonly method: 'llm' | 'rules' | 'mixed';
  readonly notes: readonly string[];
}

export interface CrewOptions {
  readonly pool: TenantScopedAgentPool;
  readonly tools: ToolRegistry;
  readonly toolContext: Omit<ToolContext, 'agent'>;
  readonly tasks: readonly Task[];
  readonly process?: 'sequential';
  /** Why there is no model at all (no key): every task runs its rules. */
  readonly noModelReason?: string;
  /** Told when each task ends (memory of outcomes, performance); a failing observer never fails the crew. */
  readonly onTaskDone?: (event: TaskRunEvent) => void | Promise<void>;
  /**
   * Audits each tool call the rules make (degraded mode), awaited: if it throws, the task fails
   * rather than run a tool unaudited. The model's own tool calls are audited by the agent runtime.
   */
  readonly onToolCall?: (call: AuditedToolCall) => unknown;
}

const DEGRADED = 'degraded mode, ran by rules';

export class Crew {
  private readonly options: CrewOptions;
  constructor(options: CrewOptions) {
    this.options = options;
  }

  /** Runs the tasks in order with `inputs` as data. */
  async kickoff(inputs: Readonly<Record<string, unknown>>): Promise<CrewResult> {
    const outcomes: TaskOutcome[] = [];
    const context: Record<string, unknown> = {};
    let unavailable = this.options.noModelReason;
    for (const task of this.options.tasks) {
      const started = performance.now();
      let outcome: TaskOutcome;
      try {
        outcome = await this.runTask(task, inputs, { ...context }, unavailable);
      } catch (error) {
        await this.report(task, started, { error: errorText(error) });
        throw error;
      }
      await this.report(task, started, { outcome });
      const degraded = outcome.escalations.find((e) => e.startsWith(DEGRADED));
      if (degraded && !unavailable) unavailable = degraded;
      outcomes.push(outcome);
      context[task.name] = outcome.output;
    }
    const methods = new Set(outcomes.map((o) => o.method));
    return {
      tasks: outcomes,
      outputs: context,
      method: methods.size === 1 ? ([...methods][0] as 'llm' | 'rules') : 'mixed',
      notes: [
        ...(this.options.noModelReason
          ? [`agents: ${DEGRADED} (${this.options.noModelReason}): ${outcomes.map((o) => o.task).join(', ')}`]
          : []),
        ...outcomes.flatMap((o) => o.escalations.map((e) => `agents: ${o.task}: ${e}`)),
      ],
    };
  }

  private async report(
    task: Task,
    started: number,
    result: { outcome: TaskOutcome } | { error: string },
  ): Promise<void> {
    if (!this.options.onTaskDone) return;
    const durationMs = performance.now() - started;
    const event: TaskRunEvent =
      'outcome' in result
        ? {
            task: task.name,
            agent: task.agent,
            answeredBy: result.outcome.answeredBy,
            method: result.outcome.method,
            source: result.outcome.source,
            escalations: result.outcome.escalations,
            durationMs,
            output: result.outcome.output,
          }
        : {
            task: task.name,
            agent: task.agent,
            answeredBy: 'none',
            method: 'rules',
            source: 'rules',
            escalations: [],
            durationMs,
            error: result.error,
          };
    try {
      await this.options.onTaskDone(event);
    } catch {
      // Observing a task (memory, metrics) never changes its result.
    }
  }

  private async runTask(
    task: Task,
    inputs: Readonly<Record<string, unknown>>,
    context: Readonly<Record<string, unknown>>,
    unavailable: string | undefined,
  ): Promise<TaskOutcome> {
    const escalations: string[] = [];
    if (!unavailable) {
      const data = Object.fromEntries(
        Object.entries(inputs).filter(([k]) => !task.inputs || task.inputs.includes(k)),
      );
      const chain: AgentName[] = [task.agent];
      const fallback = FALLBACK_AGENTS[task.agent];
      if (fallback) chain.push(fallback);
      try {
        const answered = await runWithFallbacks(
          chain.map((name) => ({
            name,
            run: () => this.options.pool.agent(name).perform({ ...task, context, data }),
          })),
          (error) => !(error instanceof AgentError) || error instanceof AgentUnavailableError,
        );
        escalations.push(
          ...answered.failures.map(
            (f, i) => `${f.name} failed (${errorText(f.error)}); ${chain[i + 1]} took the task`,
          ),
        );
        const { output, source } = answered.value;
        return {
          task: task.name,
          output,
          method: 'llm',
          answeredBy: answered.answeredBy,
          source,
          escalations,
        };
      } catch (error) {
        if (!(error instanceof AllFallbacksFailedError)) throw error;
        const failures = error.failures;
        const last = failures.at(-1)?.error;
        if (!(last instanceof AgentError)) throw last;
        failures.forEach((f, i) => {
          if (f.error instanceof AgentUnavailableError) escalations.push(`${DEGRADED}: ${f.error.message}`);
          else
            escalations.push(
              `${f.name} failed (${errorText(f.error)})${chain[i + 1] ? `; ${chain[i + 1]} took the task` : ''}`,
            );
        });
        if (!(last instanceof AgentUnavailableError)) escalations.push('no agent answered, ran by rules');
      }
    }
    const keys = new ToolCallKeys(task.name, task.agent);
    const output = await task.rules({
      inputs,
      context,
      tool: (name, args) => this.runToolDirectly(task, keys, name, args),
    });
    return {
      task: task.name,
      output: task.output.parse(output),
      method: 'rules',
      answeredBy: 'rules',
      source: 'rules',
      escalations,
    };
  }

  /**
   * A tool call of a task's rules: validated arguments, then the acting identity's role checked
   * (a viewer cannot run an analyst's tool through the fallback either) and the call audited,
   * keyed so a re-run of the task after a fault records it once.
   */
  private async runToolDirectly(
    task: Task,
    keys: ToolCallKeys,
    name: string,
    args: unknown,
  ): Promise<unknown> {
    const tool = this.options.tools.get(name);
    if (!tool) throw new AgentError(`no tool ${name}`, 'tool_missing');
    const parsed: unknown = tool.parameters.parse(args);
    const context = { ...this.options.toolContext, agent: 'rules' };
    return runAuditedTool(
      context.tenant,
      {
        name: tool.name,
        capabilities: tool.capabilities,
        run: (a: unknown) => tool.run(a as never, context),
      },
      parsed,
      { agent: task.agent, mode: 'rules', callKey: keys.next(name, parsed) },
      this.options.onToolCall,
    );
  }
}
