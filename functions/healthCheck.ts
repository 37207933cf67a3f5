/**
 * Lambda: the scheduled platform health check (EventBridge Scheduler, and `modernize health` locally
 * can call `checkPlatformHealth`). Probes that the table (DescribeTable) and the uploads bucket
 * (HeadBucket) are reachable with the configured clients and endpoints, and whether an LLM key is
 * configured (agents run in degraded, rules-only mode without one). Returns the report; a probe that
 * fails is reported, not thrown, so the schedule records the state rather than retrying blindly.
 * The handler also runs the AgentHealthMonitor (model, memory, tools per agent type) for the
 * platform and for each tenant the schedule's input names (`{"tenants": ["acme"]}`): tenants
 * cannot be listed without scanning the table, so the schedule says which ones to watch.
 */
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { HeadBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { agentHealthMonitorFor } from '#agents/agentStatus.ts';
import type { AgentHealthReport } from '#agents/healthMonitor.ts';
import { loadConfig, type ModernizeConfig } from '#config/config.ts';
import { createServices, type Services } from '#flows/services.ts';
import { isSafeId, type TenantContext } from '#ports/tenant.ts';

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

/** The platform's own health identity (its memory index is empty: it probes reachability). */
const PLATFORM: TenantContext = {
  clientAccountId: 'platform',
  userId: 'health-check',
  roles: ['platform_admin'],
};

let agentServices: { key: string; services: Services } | undefined;

/** The services the agent checks use, built once per configuration and kept by a warm container. */
function servicesOf(config: ModernizeConfig): Services {
  const key = JSON.stringify(config);
  if (agentServices?.key !== key) agentServices = { key, services: createServices(config) };
  return agentServices.services;
}

/** Agent health of each tenant; a check that cannot run is reported as unhealthy with its reason. */
export async function checkAgentHealth(
  config: ModernizeConfig,
  tenants: readonly TenantContext[],
): Promise<{ status: AgentHealthReport['status']; reports: AgentHealthReport[]; error?: string }> {
  try {
    const monitor = agentHealthMonitorFor(servicesOf(config));
    const reports = await Promise.all(tenants.map((t) => monitor.check(t)));
    const rank = { healthy: 0, degraded: 1, unhealthy: 2 } as const;
    const status = reports.reduce<AgentHealthReport['status']>(
      (w, r) => (rank[r.status] > rank[w] ? r.status : w),
      'healthy',
    );
    return { status, reports };
  } catch (error) {
    return { status: 'unhealthy', reports: [], error: (error as Error).message?.slice(0, 300) ?? 'failed' };
  }
}

let clients: { key: string; clients: HealthClients } | undefined;

export const handler = async (
  event: { tenants?: readonly string[] } = {},
): Promise<PlatformHealthReport & { agents: Awaited<ReturnType<typeof checkAgentHealth>> }> => {
  const config = loadConfig();
  const key = JSON.stringify([config.region, config.dynamoEndpoint, config.s3Endpoint]);
  if (clients?.key !== key) clients = { key, clients: healthClients(config) };
  const tenants = [
    PLATFORM,
    ...(event?.tenants ?? [])
      .filter(isSafeId)
      .map((id) => ({ clientAccountId: id, userId: 'health-check', roles: ['platform_admin' as const] })),
  ];
  const [platform, agents] = await Promise.all([
    checkPlatformHealth(config, clients.clients),
    checkAgentHealth(config, tenants),
  ]);
  const status: PlatformHealthReport['status'] =
    platform.status === 'unhealthy' || agents.status === 'unhealthy' ? 'unhealthy' : platform.status;
  const report = { ...platform, status, agents };
  console.log(JSON.stringify({ message: 'platform health', ...report }));
  return report;
};
