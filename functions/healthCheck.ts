/**
 * Lambda: the scheduled platform health check (EventBridge Scheduler, and `modernize health` locally
 * can call `checkPlatformHealth`). Probes that the table (DescribeTable) and the uploads bucket
 * (HeadBucket) are reachable with the configured clients and endpoints, and whether an LLM key is
 * configured (agents run in degraded, rules-only mode without one). Returns the report; a probe that
 * fails is reported, not thrown, so the schedule records the state rather than retrying blindly.
 */
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { HeadBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { loadConfig, type ModernizeConfig } from '#config/config.ts';

/** One probe's outcome. */
export interface ProbeResult {
  readonly ok: boolean;
  readonly latencyMs: number;
  readonly detail: string;
}

/** The health report. `status` is `degraded` when storage is fine but no LLM key is configured. */
export interface PlatformHealthReport {
  readonly status: 'healthy' | 'degraded' | 'unhealthy';
  readonly checkedAt: string;
  readonly table: ProbeResult & { readonly name: string };
  readonly bucket: ProbeResult & { readonly name: string };
  readonly llm: {
    readonly keyConfigured: boolean;
    readonly source: 'env' | 'secrets-manager' | 'none';
    readonly model: string;
  };
}

/** The clients a health check probes with (tests and the embedded platform pass local ones). */
export interface HealthClients {
  readonly dynamo: Pick<DynamoDBClient, 'send'>;
  readonly s3: Pick<S3Client, 'send'>;
}

async function probe(run: () => Promise<string>): Promise<ProbeResult> {
  const started = performance.now();
  try {
    const detail = await run();
    return { ok: true, latencyMs: Math.round(performance.now() - started), detail };
  } catch (error) {
    const e = error as { name?: string; message?: string };
    return {
      ok: false,
      latencyMs: Math.round(performance.now() - started),
      detail: `${e.name ?? 'Error'}: ${e.message ?? ''}`,
    };
  }
}

/** Clients for `config`, pointed at local endpoints on the embedded platform. */
export function healthClients(config: ModernizeConfig): HealthClients {
  const local = config.dynamoEndpoint || config.s3Endpoint;
  const credentials = local ? { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } : undefined;
  return {
    dynamo: new DynamoDBClient({
      region: config.region,
      ...(config.dynamoEndpoint ? { endpoint: config.dynamoEndpoint, credentials } : {}),
    }),
    s3: new S3Client({
      region: config.region,
      ...(config.s3Endpoint ? { endpoint: config.s3Endpoint, forcePathStyle: true, credentials } : {}),
    }),
  };
}

/** Probes storage and LLM configuration for `config`. */
export async function checkPlatformHealth(
  config: ModernizeConfig,
  clients: HealthClients = healthClients(config),
  now: () => Date = () => new Date(),
): Promise<PlatformHealthReport> {
  const [table, bucket] = await Promise.all([
    probe(async () => {
      const out = await clients.dynamo.send(new DescribeTableCommand({ TableName: config.tableName }));
      return `table ${out.Table?.TableStatus ?? 'UNKNOWN'}`;
    }),
    probe(async () => {
      await clients.s3.send(new HeadBucketCommand({ Bucket: config.bucket }));
      return 'bucket reachable';
    }),
  ]);
  const source = config.llm.apiKey ? 'env' : config.llm.secretArn ? 'secrets-manager' : 'none';
  const storageOk = table.ok && bucket.ok;
  return {
    status: !storageOk ? 'unhealthy' : source === 'none' ? 'degraded' : 'healthy',
    checkedAt: now().toISOString(),
    table: { name: config.tableName, ...table },
    bucket: { name: config.bucket, ...bucket },
    llm: { keyConfigured: source !== 'none', source, model: config.llm.model },
  };
}

let clients: { key: string; clients: HealthClients } | undefined;

export const handler = async (): Promise<PlatformHealthReport> => {
  const config = loadConfig();
  const key = JSON.stringify([config.region, config.dynamoEndpoint, config.s3Endpoint]);
  if (clients?.key !== key) clients = { key, clients: healthClients(config) };
  const report = await checkPlatformHealth(config, clients.clients);
  console.log(JSON.stringify({ message: 'platform health', ...report }));
  return report;
};
