/**
 * Flows: the phase and batch handlers, one state machine per file in statemachines/ (loaded from
 * that file with its placeholders substituted), and the S3 trigger that starts discovery.
 *
 * Cycles are broken with constructed ARNs: state machines have fixed names, so the phase function
 * (which starts assessment after discovery) and the state machines (which invoke the phase
 * function) need not reference each other's attributes.
 */
import { readFileSync } from 'node:fs';
import { ArnFormat, Duration, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { S3EventSourceV2 } from 'aws-cdk-lib/aws-lambda-event-sources';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { EventType, type IBucket } from 'aws-cdk-lib/aws-s3';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { DefinitionBody, LogLevel, StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import { HandlerFunction } from '../constructs/handlerFunction.ts';
import { stateMachineFiles } from '../paths.ts';
import { type DataStack, memoryAccessPolicy } from './dataStack.ts';

export interface FlowsStackProps extends StackProps {
  readonly data: DataStack;
  /** Directory of the state-machine files (tests may point elsewhere). */
  readonly stateMachinesDir?: string;
}

/** Environment every handler that runs flows reads (see shared/config/config.ts). */
export function flowEnvironment(
  data: DataStack,
  stateMachineArns: Record<string, string>,
): Record<string, string> {
  return {
    MODERNIZE_TABLE: data.tableName,
    MODERNIZE_BUCKET: data.uploadsBucketName,
    MODERNIZE_WORKFLOW: 'sfn',
    MODERNIZE_STATE_MACHINES: JSON.stringify(stateMachineArns),
    // Tenant isolation: stores of tenant data sign with credentials vended per tenant (the table and
    // bucket ARNs the session policy names derive from the role's account, table and bucket names).
    MODERNIZE_TENANT_ROLE_ARN: data.tenantRole.roleArn,
    MODERNIZE_KMS_KEY_ARNS: data.key.keyArn,
    MODERNIZE_MEMORY_COLLECTION_ARN: data.collectionArn,
    MODERNIZE_LLM_SECRET_ARN: data.llmSecret.secretArn,
    MODERNIZE_OPENSEARCH_ENDPOINT: data.collection.attrCollectionEndpoint,
    MODERNIZE_OPENSEARCH_SERVICE: 'aoss',
  };
}

export class FlowsStack extends Stack {
  readonly flowPhase: IFunction;
  readonly connectionBatch: IFunction;
  readonly s3Upload: IFunction;
  readonly uploadDlq: Queue;
  readonly stateMachines = new Map<string, StateMachine>();
  /** Flow type -> state machine ARN (constructed from the fixed names). */
  readonly stateMachineArns: Record<string, string> = {};
  private uploads!: IBucket;

  constructor(scope: Construct, id: string, props: FlowsStackProps) {
    super(scope, id, props);
    const { data } = props;
    const files = stateMachineFiles(props.stateMachinesDir);
    const names = new Map([...files.keys()].map((flowType) => [flowType, `${this.stackName}-${flowType}`]));
    for (const [flowType, name] of names) {
      this.stateMachineArns[flowType] = this.formatArn({
        service: 'states',
        resource: 'stateMachine',
        resourceName: name,
        arnFormat: ArnFormat.COLON_RESOURCE_NAME,
      });
    }
    const env = flowEnvironment(data, this.stateMachineArns);

    const flowPhase = new HandlerFunction(this, 'FlowPhase', {
      handler: 'flowPhase',
      description: 'One phase or bookkeeping step of a flow (invoked by its state machine)',
      serviceName: 'flow-phase',
      environment: env,
      memorySize: 3008,
      timeout: Duration.minutes(15),
      // A phase runs LLM-backed agents: a stuck retry loop must not fan out into a large bill.
      reservedConcurrentExecutions: 50,
      vendsTenantCredentials: true,
    }).fn;
    const connectionBatch = new HandlerFunction(this, 'ConnectionBatch', {
      handler: 'connectionBatch',
      description: 'Maps and cleanses one batch of a large connection log (ingestion Distributed Map)',
      serviceName: 'connection-batch',
      environment: env,
      memorySize: 1024,
      timeout: Duration.minutes(5),
      reservedConcurrentExecutions: 100,
      vendsTenantCredentials: true,
    }).fn;
    this.flowPhase = flowPhase;
    this.connectionBatch = connectionBatch;

    const uploads = data.uploadsBucketIn(this);
    const table = data.tableIn(this);
    this.uploads = uploads;
    for (const fn of [flowPhase, connectionBatch]) {
      table.grantReadWriteData(fn);
      uploads.grantReadWrite(fn);
      data.llmSecret.grantRead(fn);
      fn.addToRolePolicy(tenantVending(data));
    }
    flowPhase.addToRolePolicy(
      new PolicyStatement({
        actions: ['states:StartExecution'],
        resources: Object.values(this.stateMachineArns),
      }),
    );

    const substitutions: Record<string, string> = {
      FlowPhaseFunctionArn: flowPhase.functionArn,
      ConnectionBatchFunctionArn: connectionBatch.functionArn,
      UploadsBucketName: data.uploadsBucketName,
    };
    const invokable: Record<string, IFunction> = {
      FlowPhaseFunctionArn: flowPhase,
      ConnectionBatchFunctionArn: connectionBatch,
    };
    for (const [flowType, file] of files) {
      this.stateMachines.set(
        flowType,
        this.stateMachine(flowType, file, names.get(flowType) ?? flowType, substitutions, invokable),
      );
    }

    this.uploadDlq = new Queue(this, 'UploadTriggerDlq', {
      encryption: QueueEncryption.KMS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.uploadDlq).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is the on-failure destination (the dead-letter store) of the S3 trigger itself.',
    });
    const s3Upload = new HandlerFunction(this, 'S3Upload', {
      handler: 's3Upload',
      description: 'An object created under an upload prefix starts discovery',
      serviceName: 's3-upload',
      environment: env,
      timeout: Duration.minutes(2),
      reservedConcurrentExecutions: 20,
      vendsTenantCredentials: true,
    }).fn;
    s3Upload.configureAsyncInvoke({ onFailure: new SqsDestination(this.uploadDlq), retryAttempts: 2 });
    table.grantReadWriteData(s3Upload);
    uploads.grantRead(s3Upload);
    s3Upload.addToRolePolicy(tenantVending(data));
    s3Upload.addToRolePolicy(
      new PolicyStatement({
        actions: ['states:StartExecution'],
        resources: Object.values(this.stateMachineArns),
      }),
    );
    // The bucket is referenced, not owned, so the notification lives in this stack (no cycle with data).
    s3Upload.addEventSource(
      new S3EventSourceV2(uploads, { events: [EventType.OBJECT_CREATED], filters: [{ prefix: 't/' }] }),
    );
    this.s3Upload = s3Upload;
    // Only the phases reach agent memory: the upload trigger and the connection batches are built
    // without memory ports (shared/flows/storageServices.ts), so their roles get no collection access.
    grantMemory(this, data, 'FlowsMemory', [flowPhase]);
  }

  /** A state machine loaded from its file, with a role that may invoke only its own functions. */
  private stateMachine(
    flowType: string,
    file: string,
    name: string,
    substitutions: Record<string, string>,
    invokable: Record<string, IFunction>,
  ): StateMachine {
    const body = DefinitionBody.fromFile(file);
    const used = placeholdersIn(file);
    const unknown = used.filter((p) => !(p in substitutions));
    if (unknown.length > 0) throw new Error(`${file} uses placeholders with no value: ${unknown.join(', ')}`);
    const role = new Role(this, `${pascal(flowType)}Role`, {
      assumedBy: new ServicePrincipal('states.amazonaws.com'),
      description: `State machine ${flowType}: invokes only its phase functions`,
    });
    for (const placeholder of used) invokable[placeholder]?.grantInvoke(role);
    const logs = new LogGroup(this, `${pascal(flowType)}Logs`, {
      logGroupName: `/aws/vendedlogs/states/${name}`,
      retention: RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const machine = new StateMachine(this, `${pascal(flowType)}StateMachine`, {
      stateMachineName: name,
      definitionBody: body,
      definitionSubstitutions: Object.fromEntries(used.map((p) => [p, substitutions[p] as string])),
      role,
      tracingEnabled: true,
      logs: { destination: logs, level: LogLevel.ALL, includeExecutionData: false },
    });
    if (used.includes('UploadsBucketName')) this.grantDistributedMap(role, name, flowType);
    return machine;
  }

  /** A Distributed Map reads the CSV, writes its results and starts child executions of itself. */
  private grantDistributedMap(role: Role, name: string, flowType: string): void {
    this.uploads.grantRead(role, 't/*');
    this.uploads.grantPut(role, 't/*');
    const executions = this.formatArn({
      service: 'states',
      resource: 'execution',
      resourceName: `${name}:*`,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
    role.addToPolicy(
      new PolicyStatement({
        actions: ['states:StartExecution'],
        resources: [this.stateMachineArns[flowType] as string],
      }),
    );
    role.addToPolicy(
      new PolicyStatement({
        actions: ['states:DescribeExecution', 'states:StopExecution'],
        resources: [executions],
      }),
    );
  }
}

/** Handler roles that use the memory collection: IAM access plus a data-access policy in `scope`'s stack. */
export function grantMemory(scope: Construct, data: DataStack, id: string, fns: IFunction[]): void {
  for (const fn of fns) {
    fn.addToRolePolicy(
      new PolicyStatement({ actions: ['aoss:APIAccessAll'], resources: [data.collectionArn] }),
    );
  }
  memoryAccessPolicy(
    scope,
    id,
    `${data.collectionName}-${id.replace(/Memory$/, '').toLowerCase()}`.slice(0, 32),
    data.collectionName,
    fns.map((fn) => fn.role?.roleArn).filter((arn): arn is string => Boolean(arn)),
  );
}

/** May assume the tenant-access role (always with a session policy) and tag the session. */
export function tenantVending(data: DataStack): PolicyStatement {
  return new PolicyStatement({
    actions: ['sts:AssumeRole', 'sts:TagSession'],
    resources: [data.tenantRole.roleArn],
  });
}

function placeholdersIn(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...new Set((text.match(/\$\{([A-Za-z0-9]+)\}/g) ?? []).map((p) => p.slice(2, -1)))];
}

const pascal = (s: string) => s.replace(/(^|[-_])(\w)/g, (_, __, c: string) => c.toUpperCase());
