/**
 * Runs the real statemachines/*.asl.json in-process with aws-local-stepfunctions.
 * Each Task's `FunctionName` placeholder resolves to the local handler of the same
 * Lambda function, called with the same payload shape Lambda receives.
 */
import { randomUUID } from 'node:crypto';
import { StateMachine } from 'aws-local-stepfunctions';
import { definitionOf } from '#flows/stateMachineFiles.ts';
import type { ExecutionDescription, WorkflowEngine } from '#ports/workflowEngine.ts';

/** A local stand-in for a Lambda function: receives the Payload, returns the Payload. */
export type LocalFunction = (payload: unknown) => Promise<unknown>;

interface Execution {
  description: ExecutionDescription;
  abort: () => void;
  settled: Promise<ExecutionDescription>;
}

export interface LocalWorkflowOptions {
  /** Placeholder name (e.g. `FlowPhaseFunctionArn`) -> local function. */
  readonly functions: Record<string, LocalFunction>;
  /** Retry wait per attempt in ms (tests shorten real backoff); undefined keeps the file's intervals. */
  readonly retryIntervalMs?: number;
}

export class LocalWorkflowEngine implements WorkflowEngine {
  private readonly executions = new Map<string, Execution>();
  private readonly options: LocalWorkflowOptions;

  constructor(options: LocalWorkflowOptions) {
    this.options = options;
  }

  async start(
    flowType: string,
    name: string,
    input: Record<string, unknown>,
  ): Promise<{ executionArn: string }> {
    const definition = definitionOf(flowType);
    const executionArn = `arn:aws:states:local:000000000000:execution:${flowType}:${name}-${randomUUID().slice(0, 8)}`;
    const handlers: Record<string, (input: unknown) => Promise<unknown>> = {};
    const retryOverrides: Record<string, number> = {};
    for (const [stateName, state] of Object.entries(definition.States)) {
      if (state.Type !== 'Task') continue;
      const fnName = String((state.Parameters as { FunctionName?: string } | undefined)?.FunctionName ?? '');
      const placeholder = /^\$\{([A-Za-z0-9]+)\}$/.exec(fnName)?.[1];
      const fn = placeholder ? this.options.functions[placeholder] : undefined;
      if (!fn) throw new Error(`state ${stateName}: no local function for ${fnName || 'its resource'}`);
      handlers[stateName] = async (taskInput) => ({
        Payload: await fn((taskInput as { Payload: unknown }).Payload),
      });
      if (this.options.retryIntervalMs !== undefined)
        retryOverrides[stateName] = this.options.retryIntervalMs;
    }
    const machine = new StateMachine(definition as never, {
      validationOptions: { checkArn: false },
    });
    const run = machine.run(input as never, {
      overrides: { taskResourceLocalHandlers: handlers as never, retryIntervalOverrides: retryOverrides },
      context: {
        Execution: { Id: executionArn, Name: name, Input: input, StartTime: new Date().toISOString() },
      } as never,
    });
    const execution: Execution = {
      description: { executionArn, status: 'RUNNING' },
      abort: run.abort,
      settled: Promise.resolve(undefined as never),
    };
    execution.settled = run.result.then(
      (output) => {
        execution.description = { executionArn, status: 'SUCCEEDED', output };
        return execution.description;
      },
      (error: unknown) => {
        const e = error as { name?: string; message?: string };
        const status =
          e.name === 'ExecutionAbortedError'
            ? 'ABORTED'
            : e.name === 'ExecutionTimeoutError'
              ? 'TIMED_OUT'
              : 'FAILED';
        execution.description = { executionArn, status, error: e.name, cause: e.message };
        return execution.description;
      },
    );
    this.executions.set(executionArn, execution);
    return { executionArn };
  }

  async describe(executionArn: string): Promise<ExecutionDescription> {
    const execution = this.executions.get(executionArn);
    if (!execution) throw new Error(`execution ${executionArn} not found`);
    return execution.description;
  }

  async stop(executionArn: string): Promise<void> {
    this.executions.get(executionArn)?.abort();
  }

  /** Resolves when the execution has ended (the embedded platform and tests await this; no polling). */
  async settled(executionArn: string): Promise<ExecutionDescription> {
    const execution = this.executions.get(executionArn);
    if (!execution) throw new Error(`execution ${executionArn} not found`);
    return execution.settled;
  }

  /** Resolves when every execution started so far has ended. */
  async idle(): Promise<void> {
    let pending: Promise<unknown>[];
    do {
      pending = [...this.executions.values()]
        .filter((e) => e.description.status === 'RUNNING')
        .map((e) => e.settled);
      await Promise.all(pending);
    } while (pending.length > 0);
  }
}
