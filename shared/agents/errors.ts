/**
 * Errors of the agent layer. `AgentUnavailableError` means no model can answer (no key,
 * endpoint down past retries, circuit open): the caller runs the tools directly (degraded
 * mode). The others mean this agent failed its task: a fallback agent may try.
 */

/** Base of the agent errors. */
export class AgentError extends Error {
  readonly code: string;
  constructor(message: string, code: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'AgentError';
    this.code = code;
  }
}

/** No model answers: degraded mode. */
export class AgentUnavailableError extends AgentError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, 'agent_unavailable', options);
    this.name = 'AgentUnavailableError';
  }
}

/** The model's answer still failed the task's schema after the repair retry. */
export class AgentOutputInvalidError extends AgentError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, 'agent_output_invalid', options);
    this.name = 'AgentOutputInvalidError';
  }
}

/** The model kept calling tools past the turn limit without answering. */
export class AgentTurnLimitError extends AgentError {
  constructor(turns: number) {
    super(`no answer after ${turns} model turns`, 'agent_turn_limit');
    this.name = 'AgentTurnLimitError';
  }
}

/** A tool failed while the agent used it (not a validation problem of the model's arguments). */
export class AgentToolError extends AgentError {
  readonly tool: string;
  constructor(tool: string, options?: ErrorOptions) {
    super(
      `tool ${tool} failed: ${options?.cause instanceof Error ? options.cause.message : String(options?.cause)}`,
      'agent_tool_failed',
      options,
    );
    this.name = 'AgentToolError';
    this.tool = tool;
  }
}

/** A tool registration or lookup mistake (a programming error, not a model one). */
export class ToolRegistryError extends AgentError {
  constructor(message: string) {
    super(message, 'tool_registry');
    this.name = 'ToolRegistryError';
  }
}
