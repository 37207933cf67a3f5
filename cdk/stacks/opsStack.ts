/**
 * Ops: the scheduled health check (EventBridge Scheduler), alarms on what costs money or loses
 * work (failed executions, handler errors and throttles, the S3 trigger's dead letters, the LLM
 * circuit breaker opening) to an SNS topic, and one dashboard.
 */
import { Duration, Stack, type StackProps } from 'aws-cdk-lib';
import {
  Alarm,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  Metric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Schedule, ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Topic } from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import { HandlerFunction } from '../constructs/handlerFunction.ts';
import type { ApiStack } from './apiStack.ts';
import type { DataStack } from './dataStack.ts';
import { type FlowsStack, grantMemory } from './flowsStack.ts';

/** The custom metric agents emit when the LLM circuit breaker opens (Powertools metrics, EMF). */
export const LLM_CIRCUIT_OPEN_METRIC = { namespace: 'Modernize', metricName: 'LlmCircuitOpen' } as const;

export interface OpsStackProps extends StackProps {
  readonly data: DataStack;
  readonly flows: FlowsStack;
  readonly api: ApiStack;
  readonly healthCheckRate?: Duration;
}

export class OpsStack extends Stack {
  readonly healthCheck: IFunction;
  readonly alarms: Alarm[] = [];
  readonly topic: Topic;

  constructor(scope: Construct, id: string, props: OpsStackProps) {
    super(scope, id, props);
    const { data, flows, api } = props;
    const healthCheck = new HandlerFunction(this, 'HealthCheck', {
      handler: 'healthCheck',
      description: 'Scheduled check: table, bucket, agent memory and model reachable',
      serviceName: 'health-check',
      environment: {
        MODERNIZE_TABLE: data.tableName,
        MODERNIZE_BUCKET: data.uploadsBucketName,
        MODERNIZE_LLM_SECRET_ARN: data.llmSecret.secretArn,
        MODERNIZE_OPENSEARCH_ENDPOINT: data.collection.attrCollectionEndpoint,
        MODERNIZE_OPENSEARCH_SERVICE: 'aoss',
      },
      memorySize: 256,
      timeout: Duration.seconds(30),
      reservedConcurrentExecutions: 2,
    }).fn;
    const table = data.tableIn(this);
    healthCheck.addToRolePolicy(
      new PolicyStatement({ actions: ['dynamodb:DescribeTable'], resources: [table.tableArn] }),
    );
    healthCheck.addToRolePolicy(
      new PolicyStatement({ actions: ['s3:ListBucket'], resources: [data.uploadsBucketIn(this).bucketArn] }),
    );
    // The agent health monitor probes the memory store (records in the table, vectors in OpenSearch).
    healthCheck.addToRolePolicy(
      new PolicyStatement({
        actions: ['dynamodb:GetItem', 'dynamodb:Query'],
        resources: [table.tableArn],
      }),
    );
    // The table is encrypted with the data key: its reads decrypt (not encrypt: the check writes nothing).
    data.key.grantDecrypt(healthCheck);
    data.llmSecret.grantRead(healthCheck);
    grantMemory(this, data, 'HealthMemory', [healthCheck]);
    this.healthCheck = healthCheck;
    new Schedule(this, 'HealthSchedule', {
      description: 'Platform health check',
      schedule: ScheduleExpression.rate(props.healthCheckRate ?? Duration.minutes(15)),
      target: new LambdaInvoke(healthCheck, { retryAttempts: 0 }),
    });

    this.topic = new Topic(this, 'Alarms', {
      displayName: 'Modernize alarms',
      masterKey: data.key,
      enforceSSL: true,
    });
    const action = new SnsAction(this.topic);
    const alarm = (id: string, metric: Metric, description: string) => {
      const a = new Alarm(this, id, {
        metric,
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
        alarmDescription: description,
      });
      a.addAlarmAction(action);
      this.alarms.push(a);
      return a;
    };
    const period = Duration.minutes(5);
    for (const [flowType, machine] of flows.stateMachines) {
      alarm(`${flowType}Failed`, machine.metricFailed({ period }), `A ${flowType} execution failed`);
      alarm(`${flowType}TimedOut`, machine.metricTimedOut({ period }), `A ${flowType} execution timed out`);
    }
    const functions: Record<string, IFunction> = {
      FlowPhase: flows.flowPhase,
      ConnectionBatch: flows.connectionBatch,
      S3Upload: flows.s3Upload,
      HttpApi: api.httpApi,
      HealthCheck: healthCheck,
    };
    for (const [name, fn] of Object.entries(functions)) {
      alarm(`${name}Errors`, fn.metricErrors({ period }), `${name} handler errors`);
      alarm(
        `${name}Throttles`,
        fn.metricThrottles({ period }),
        `${name} throttled (reserved concurrency reached)`,
      );
    }
    alarm(
      'UploadDlqDepth',
      flows.uploadDlq.metricApproximateNumberOfMessagesVisible({ period }),
      'Upload events that failed every retry (discovery not started)',
    );
    const circuit = new Metric({ ...LLM_CIRCUIT_OPEN_METRIC, statistic: 'Sum', period });
    alarm('LlmCircuitOpen', circuit, 'The LLM circuit breaker opened: agents run in degraded (rules) mode');
    alarm('Api5xx', api.api.metricServerError({ period }), 'API answered 5xx');

    new Dashboard(this, 'Dashboard', {
      dashboardName: `${this.stackName}-overview`,
      widgets: [
        [
          new GraphWidget({
            title: 'Flow executions',
            left: [...flows.stateMachines.values()].flatMap((m) => [
              m.metricSucceeded({ period }),
              m.metricFailed({ period }),
            ]),
          }),
          new GraphWidget({
            title: 'Handler errors and throttles',
            left: Object.values(functions).map((fn) => fn.metricErrors({ period })),
            right: Object.values(functions).map((fn) => fn.metricThrottles({ period })),
          }),
        ],
        [
          new GraphWidget({
            title: 'API',
            left: [
              api.api.metricCount({ period }),
              api.api.metricClientError({ period }),
              api.api.metricServerError({ period }),
            ],
            right: [api.api.metricLatency({ period, statistic: 'p90' })],
          }),
          new GraphWidget({
            title: 'Upload trigger DLQ and LLM circuit',
            left: [flows.uploadDlq.metricApproximateNumberOfMessagesVisible({ period }), circuit],
          }),
        ],
      ],
    });
  }
}
