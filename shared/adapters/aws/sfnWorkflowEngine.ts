/**
 * Step Functions workflow engine: one state machine per flow type, ARNs from configuration.
 */
import {
  DescribeExecutionCommand,
  SFNClient,
  type ExecutionStatus as SfnStatus,
  StartExecutionCommand,
  StopExecutionCommand,
} from '@aws-sdk/client-sfn';
import type { ExecutionDescription, ExecutionStatus, WorkflowEngine } from '#ports/workflowEngine.ts';

export class SfnWorkflowEngine implements WorkflowEngine {
  private readonly client: SFNClient;
  private readonly stateMachineArns: Record<string, string>;

  constructor(stateMachineArns: Record<string, string>, client: SFNClient = new SFNClient({})) {
    this.stateMachineArns = stateMachineArns;
    this.client = client;
  }

  async start(
    flowType: string,
    name: string,
    input: Record<string, unknown>,
  ): Promise<{ executionArn: string }> {
    const stateMachineArn = this.stateMachineArns[flowType];
    if (!stateMachineArn) throw new Error(`no state machine configured for flow type ${flowType}`);
    const out = await this.client.send(
      new StartExecutionCommand({ stateMachineArn, name: name.slice(0, 80), input: JSON.stringify(input) }),
    );
    return { executionArn: out.executionArn ?? '' };
  }

  async describe(executionArn: string): Promise<ExecutionDescription> {
    const out = await this.client.send(new DescribeExecutionCommand({ executionArn }));
    return {
      executionArn,
      status: toStatus(out.status),
      output: out.output ? JSON.parse(out.output) : undefined,
      error: out.error,
      cause: out.cause,
    };
  }

  async stop(executionArn: string, cause: string): Promise<void> {
    await this.client.send(new StopExecutionCommand({ executionArn, cause }));
  }
}

function toStatus(status: SfnStatus | undefined): ExecutionStatus {
  switch (status) {
    case 'SUCCEEDED':
    case 'FAILED':
    case 'TIMED_OUT':
    case 'ABORTED':
      return status;
    default:
      return 'RUNNING';
  }
}
