/**
 * Runs a flow's state machine: Step Functions in the cloud, the local interpreter on the embedded platform.
 */

export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';

export interface ExecutionDescription {
  readonly executionArn: string;
  readonly status: ExecutionStatus;
  readonly output?: unknown;
  readonly error?: string;
  readonly cause?: string;
}

export interface WorkflowEngine {
  /** Starts an execution of the flow type's state machine. `name` is unique per execution. */
  start(flowType: string, name: string, input: Record<string, unknown>): Promise<{ executionArn: string }>;
  describe(executionArn: string): Promise<ExecutionDescription>;
  stop(executionArn: string, cause: string): Promise<void>;
}
