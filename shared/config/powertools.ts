/**
 * Powertools for AWS Lambda around the thin handlers: structured logs, EMF metrics and X-Ray traces
 * through middy, and idempotency records in the single table. In Lambda only: on the embedded
 * platform the handlers run in-process, where EMF and JSON logs on stdout would corrupt the CLI's
 * `--json` output, so the same handler runs without those middlewares.
 */

import type { IdempotencyConfig } from '@aws-lambda-powertools/idempotency';
import type { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { Tracer } from '@aws-lambda-powertools/tracer';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import middy, { type MiddyfiedHandler } from '@middy/core';
import type { Context } from 'aws-lambda';
import { TABLE_KEYS, TTL_ATTRIBUTE } from '#adapters/aws/tableDesign.ts';
import { endpointBreakers } from '#reliability/circuitBreaker.ts';
import type { ModernizeConfig } from './config.ts';

/** True inside AWS Lambda (the runtime sets the function name). */
export function inLambda(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.AWS_LAMBDA_FUNCTION_NAME);
}

/** The metric the ops stack alarms on when the LLM circuit opens (namespace, name; no dimensions). */
export const LLM_CIRCUIT_OPEN_METRIC = { namespace: 'Modernize', metricName: 'LlmCircuitOpen' } as const;

/**
 * What to run when an LLM endpoint's circuit opens: in Lambda, emit 1 of `Modernize/LlmCircuitOpen`
 * at once as an EMF record (no dimensions, as the alarm reads it; the endpoint as metadata). Outside
 * Lambda, undefined: EMF on stdout would corrupt the CLI's `--json` output.
 */
export function llmCircuitOpenPublisher(
  env: NodeJS.ProcessEnv = process.env,
): ((endpoint: string) => void) | undefined {
  if (!inLambda(env)) return undefined;
  const metrics = new Metrics({ namespace: LLM_CIRCUIT_OPEN_METRIC.namespace });
  metrics.clearDefaultDimensions();
  return (endpoint) => {
    metrics.addMetadata('endpoint', endpoint);
    metrics.addMetric(LLM_CIRCUIT_OPEN_METRIC.metricName, MetricUnit.Count, 1);
    metrics.publishStoredMetrics();
  };
}

/**
 * `handler` as a middy chain with Powertools logger, metrics (cold start) and tracer in Lambda;
 * a bare middy chain elsewhere.
 */
export function observed<E, R>(
  handler: (event: E, context: Context) => Promise<R>,
  env: NodeJS.ProcessEnv = process.env,
): (event: E, context?: Context) => Promise<R> {
  const chain = middy<E, R>();
  if (inLambda(env)) {
    const tracer = new Tracer();
    const logger = new Logger();
    const metrics = new Metrics();
    chain
      .use(captureLambdaHandler(tracer, { captureResponse: false }))
      .use(injectLambdaContext(logger, { resetKeys: true }))
      .use(logMetrics(metrics, { captureColdStartMetric: true }));
    endpointBreakers.setOnOpen(llmCircuitOpenPublisher(env));
  }
  const wrapped: MiddyfiedHandler<E, R> = chain.handler(handler);
  // The embedded platform and tests call handlers with the event only.
  return (event, context) => wrapped(event, context ?? ({} as Context));
}

/** Partition-key prefix of idempotency records: not `T#`, so they stay out of every tenant's partitions. */
export const IDEMPOTENCY_PK_PREFIX = 'IDEMPOTENCY#';

/**
 * The idempotency persistence layer on the single table: key in `sk`, a static `pk` of
 * `IDEMPOTENCY#{name}`, expiry in the table's TTL attribute. The idempotency package is imported
 * here on first use: the HTTP API needs it only for a POST or PUT, not to answer a read.
 */
export async function idempotencyStore(
  config: ModernizeConfig,
  name: string,
): Promise<DynamoDBPersistenceLayer> {
  const { DynamoDBPersistenceLayer } = await import('@aws-lambda-powertools/idempotency/dynamodb');
  const local = config.dynamoEndpoint
    ? { endpoint: config.dynamoEndpoint, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } }
    : {};
  return new DynamoDBPersistenceLayer({
    tableName: config.tableName,
    keyAttr: TABLE_KEYS.pk,
    sortKeyAttr: TABLE_KEYS.sk,
    staticPkValue: `${IDEMPOTENCY_PK_PREFIX}${name}`,
    expiryAttr: TTL_ATTRIBUTE,
    awsSdkV3Client: new DynamoDBClient({ region: config.region, ...local }),
  });
}

/**
 * Idempotency settings: `eventKeyJmesPath` selects what makes two requests the same (a null
 * selection skips idempotency); `payloadValidationJmesPath` what must then also be equal.
 * Imported on first use, like `idempotencyStore`.
 */
export async function idempotencyConfig(
  eventKeyJmesPath: string,
  options: { expiresAfterSeconds?: number; payloadValidationJmesPath?: string } = {},
): Promise<IdempotencyConfig> {
  const { IdempotencyConfig } = await import('@aws-lambda-powertools/idempotency');
  return new IdempotencyConfig({
    eventKeyJmesPath,
    expiresAfterSeconds: options.expiresAfterSeconds ?? 3600,
    throwOnNoIdempotencyKey: false,
    ...(options.payloadValidationJmesPath
      ? { payloadValidationJmesPath: options.payloadValidationJmesPath }
      : {}),
  });
}

/** In-progress records of a run without a Lambda context (embedded platform) expire after this long. */
const LOCAL_TIME_LIMIT_MS = 15 * 60_000;

/**
 * Tells the idempotency layer how long this invocation may still run (so an in-progress record of a
 * crashed invocation expires); outside Lambda, a fixed local limit.
 */
export function registerInvocation(config: IdempotencyConfig, context?: Context): void {
  const usable = context && typeof context.getRemainingTimeInMillis === 'function';
  config.registerLambdaContext(
    usable ? context : ({ getRemainingTimeInMillis: () => LOCAL_TIME_LIMIT_MS } as unknown as Context),
  );
}
