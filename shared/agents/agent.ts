/**
 * One agent at work: its spec, its tools bound to the task's context, and the tool-calling
 * loop on the openai package's runner (`chat.completions.runTools`, turn limit =
 * `maxChatCompletions`), wrapped only for what open models need: tool calls written as text
 * are parsed and honoured, and the final JSON is validated against the task's zod schema with
 * one repair retry. Every completion's usage is recorded once; calls go through the
 * endpoint's circuit breaker.
 */

import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type * as z from 'zod/v4';
import type { CircuitBreakerRegistry } from '#reliability/circuitBreaker.ts';
import { type AuditedToolCall, runAuditedTool } from '#security/auditToolCalls.ts';
import { type AgentMemoryHooks, recallFor, withMemories } from './agentMemory.ts';
import { type AnswerCache, requestKey } from './answerCache.ts';
import {
  AgentOutputInvalidError,
  AgentToolError,
  AgentTurnLimitError,
  AgentUnavailableError,
} from './errors.ts';
import {
  type ChatModel,
  isEndpointFailure,
  isModelUnavailable,
  loadedOpenAI,
  loadOpenAI,
} from './llmClient.ts';
import { dataFence, systemPrompt, taskPrompt } from './prompts.ts';
import type { AgentSpec } from './specs.ts';
import { parseTextToolCalls } from './textToolCalls.ts';
import type { AgentTool, ToolContext } from './tools/toolTypes.ts';
import type { UsageLedger } from './usageLedger.ts';

/** What an agent is asked to do. */
export interface AgentTaskRequest<T> {
  readonly name: string;
  readonly description: string;
  readonly expectedOutput: string;
  readonly output: z.ZodType<T>;
  /** Outputs of earlier tasks of the crew, by task name. */
  readonly context: Readonly<Record<string, unknown>>;
  /** Data blocks (upload content, engine results), by label. */
  readonly data: Readonly<Record<string, unknown>>;
}

/** An agent's answer. */
export interface AgentAnswer<T> {
  readonly output: T;
  readonly source: 'llm' | 'cache';
  /** Chat completions used (0 from the cache). */
  readonly turns: number;
}

/** What an agent needs besides its spec and tools (built per pool, i.e. per tenant and invocation). */
export interface AgentRuntime {
  readonly model: ChatModel | null;
  readonly breakers: CircuitBreakerRegistry;
  readonly ledger: UsageLedger;
  readonly cache: AnswerCache | null;
  readonly toolContext: Omit<ToolContext, 'agent'>;
  /** Told of every tool call (the audit log's hook), awaited: a call the audit cannot record fails. */
  readonly onToolCall?: (call: ToolCallEvent) => unknown;
  /** The tenant's agent memory (recall before a task); absent: the agent works without memory. */
  readonly memory?: AgentMemoryHooks;
}

/** One tool call as the audit sees it (model-driven calls have mode `llm`). */
export type ToolCallEvent = AuditedToolCall;

export class Agent {
  readonly spec: AgentSpec;
  readonly tools: readonly AgentTool[];
  private readonly runtime: AgentRuntime;

  constructor(spec: AgentSpec, tools: readonly AgentTool[], runtime: AgentRuntime) {
    this.spec = spec;
    this.tools = tools;
    this.runtime = runtime;
  }

  get name(): string {
    return this.spec.name;
  }

  /** Performs `task` with the model; throws AgentUnavailableError when no model answers. */
  async perform<T>(task: AgentTaskRequest<T>): Promise<AgentAnswer<T>> {
    const model = this.runtime.model;
    if (!model) throw new AgentUnavailableError('no LLM key configured');
    const { zodResponseFormat } = (await loadOpenAI()).zod;
    const schema = zodResponseFormat(task.output as never, 'answer').json_schema.schema;
    const recalled = await recallFor(this.runtime.memory, this.spec.name, task);
    const fence = dataFence({
      context: task.context,
      data: task.data,
      ...(recalled ? { memories: recalled.items } : {}),
    });
    const messages: ChatCompletionMessageParam[] = [
      { role: 'system', content: systemPrompt(this.spec, fence, schema) },
      {
        role: 'user',
        content: withMemories(taskPrompt(task, fence, task.context, task.data), fence, recalled),
      },
    ];
    const key = requestKey({
      model: model.model,
      agent: this.spec.name,
      tools: this.tools.map((t) => t.name),
      messages,
    });
    const cache = this.runtime.cache;
    const cached = await cache?.get(key);
    if (cached !== undefined) {
      const valid = task.output.safeParse(cached);
      if (valid.success) {
        this.runtime.ledger.recordCacheHit(this.spec.name, model.model, model.endpoint);
        return { output: valid.data, source: 'cache', turns: 0 };
      }
    }
    const { output, turns } = await this.converse(model, messages, task, fence);
    await cache?.put(key, this.spec.name, output);
    return { output, source: 'llm', turns };
  }

  private async converse<T>(
    model: ChatModel,
    messages: ChatCompletionMessageParam[],
    task: AgentTaskRequest<T>,
    fence: ReturnType<typeof dataFence>,
  ): Promise<{ output: T; turns: number }> {
    const maxTurns = model.config.maxTurns;
    const context: ToolContext = { ...this.runtime.toolContext, agent: this.spec.name };
    const { zodFunction } = (await loadOpenAI()).zod;
    const tools = this.tools.map((tool) =>
      zodFunction({
        name: tool.name,
        description: tool.description,
        parameters: tool.parameters,
        function: (args: unknown) => this.runTool(tool, args, context),
      }),
    );
    const names = new Set(this.tools.map((t) => t.name));
    let conversation = messages;
    let turns = 0;
    for (;;) {
      if (turns >= maxTurns) throw new AgentTurnLimitError(turns);
      const remaining = maxTurns - turns;
      const finished = await this.call(model, async () => {
        const runner = model.client.chat.completions.runTools(
          { model: model.model, messages: conversation, ...(tools.length > 0 ? { tools } : { tools: [] }) },
          { maxChatCompletions: remaining },
        );
        runner.on('chatCompletion', (completion) => {
          turns += 1;
          this.runtime.ledger.recordCall(
            this.spec.name,
            model.model,
            model.endpoint,
            completion.usage,
            model.config,
          );
        });
        await runner.done();
        return runner.messages;
      });
      const last = finished.at(-1);
      if (last?.role !== 'assistant' || (last.tool_calls?.length ?? 0) > 0)
        throw new AgentTurnLimitError(turns);
      const content = typeof last.content === 'string' ? last.content : '';
      const textCalls = parseTextToolCalls(content, names);
      if (textCalls.length > 0) {
        const results = [];
        for (const call of textCalls) {
          const tool = this.tools.find((t) => t.name === call.name) as AgentTool;
          const parsed = tool.parameters.safeParse(call.arguments);
          results.push({
            tool: call.name,
            result: parsed.success
              ? await this.runTool(tool, parsed.data, context)
              : { error: parsed.error.message },
          });
        }
        conversation = [
          ...finished,
          {
            role: 'user',
            content: `Results of the tool calls you wrote as text:\n${fence.block('tool results', results)}`,
          },
        ];
        continue;
      }
      const first = parseOutput(content, task.output);
      if (first.ok) return { output: first.value, turns };
      if (turns >= maxTurns)
        throw new AgentOutputInvalidError(`invalid answer and no turn left: ${first.error}`);
      const repaired = await this.repair(model, [...finished], first.error, () => {
        turns += 1;
      });
      const second = parseOutput(repaired, task.output);
      if (second.ok) return { output: second.value, turns };
      throw new AgentOutputInvalidError(`answer still invalid after the repair retry: ${second.error}`);
    }
  }

  /** One more completion asking for a corrected answer (no tools). */
  private async repair(
    model: ChatModel,
    conversation: ChatCompletionMessageParam[],
    problem: string,
    counted: () => void,
  ): Promise<string> {
    const completion = await this.call(model, () =>
      model.client.chat.completions.create({
        model: model.model,
        messages: [
          ...conversation,
          {
            role: 'user',
            content: `Your answer was not valid: ${problem.slice(0, 1000)}\nAnswer again with only the JSON object that matches the schema.`,
          },
        ],
      }),
    );
    counted();
    this.runtime.ledger.recordCall(
      this.spec.name,
      model.model,
      model.endpoint,
      completion.usage,
      model.config,
    );
    return completion.choices[0]?.message?.content ?? '';
  }

  /** Runs a model call through the endpoint's breaker; a model that cannot answer becomes AgentUnavailableError. */
  private async call<R>(model: ChatModel, operation: () => Promise<R>): Promise<R> {
    try {
      return await this.runtime.breakers
        .for(model.endpoint)
        .run(operation, (e) => isEndpointFailure(unwrap(e)));
    } catch (error) {
      const cause = unwrap(error);
      if (cause instanceof AgentToolError) throw cause;
      if (isModelUnavailable(cause))
        throw new AgentUnavailableError(`model unavailable: ${messageOf(cause)}`, { cause });
      throw cause;
    }
  }

  /**
   * Runs a tool the model chose through the one authorise-and-audit path (runAuditedTool, shared with
   * the crew's rules mode): the acting identity's role must allow it and the call is reported to
   * the audit hook, awaited; a call that cannot be audited fails like a tool error.
   */
  private async runTool(tool: AgentTool, args: unknown, context: ToolContext): Promise<unknown> {
    try {
      return await runAuditedTool(
        context.tenant,
        {
          name: tool.name,
          capabilities: tool.capabilities,
          run: (a: unknown) => tool.run(a as never, context),
        },
        args,
        { agent: this.spec.name, mode: 'llm' },
        this.runtime.onToolCall,
      );
    } catch (error) {
      throw new AgentToolError(tool.name, { cause: error });
    }
  }
}

/** The runner wraps what a tool threw in a plain OpenAIError; get the tool's error back. */
function unwrap(error: unknown): unknown {
  const sdk = loadedOpenAI();
  if (!sdk) return error;
  if (error instanceof sdk.OpenAIError && !(error instanceof sdk.APIError) && error.cause instanceof Error)
    return error.cause;
  return error;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Reads the final JSON answer (tolerating a code fence or prose around one object) and validates it. */
export function parseOutput<T>(
  content: string,
  schema: z.ZodType<T>,
): { ok: true; value: T } | { ok: false; error: string } {
  const text = content
    .trim()
    .replace(/^```(?:json)?\s*/i, '')
    .replace(/\s*```$/, '');
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start < 0 || end < start) return { ok: false, error: 'no JSON object in the answer' };
  let json: unknown;
  try {
    json = JSON.parse(text.slice(start, end + 1));
  } catch (error) {
    return { ok: false, error: `malformed JSON: ${messageOf(error)}` };
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: parsed.error.message };
}
