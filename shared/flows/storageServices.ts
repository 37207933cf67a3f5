/**
 * The ports a flow, handler or command needs, built once per configuration, with the memory
 * adapters (vector index, embedder) supplied by the caller: `services.ts` supplies the real ones
 * (OpenSearch or the embedded index, the configured embedder) for every handler, command and test
 * that may touch agent memory; a handler that never does (the S3 upload trigger, the connection
 * batches) builds its services here with `NO_MEMORY_ADAPTERS`, so its artifact holds neither
 * openai nor the OpenSearch client nor the embedded index. Holds no tenant data: every method takes
 * the tenant explicitly.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import type { STSClient } from '@aws-sdk/client-sts';
import { DynamoAgentMetricsStore } from '#adapters/aws/dynamoAgentMetricsStore.ts';
import { DynamoAuditStore } from '#adapters/aws/dynamoAuditStore.ts';
import { DynamoFlowStore } from '#adapters/aws/dynamoFlowStore.ts';
import {
  DynamoAssetStore,
  DynamoEdgeStore,
  DynamoEngagementStore,
  DynamoMappingStore,
  DynamoOverrideStore,
  DynamoUploadStore,
} from '#adapters/aws/dynamoInventoryStores.ts';
import { DynamoMemoryStore } from '#adapters/aws/dynamoMemoryStore.ts';
import { createDynamoTable } from '#adapters/aws/dynamoTable.ts';
import { DynamoClientRegistry, DynamoUserStore } from '#adapters/aws/dynamoUserStore.ts';
import { S3ObjectStore } from '#adapters/aws/s3ObjectStore.ts';
import { loadConfig, type ModernizeConfig, type TenantIsolationConfig } from '#config/config.ts';
import type { Embedder } from '#memory/embeddings.ts';
import type { AgentMetricsStore } from '#ports/agentMetricsStore.ts';
import type { AuditStore } from '#ports/auditStore.ts';
import { type Clock, systemClock } from '#ports/clock.ts';
import type { FlowStore } from '#ports/flowStore.ts';
import type {
  AssetStore,
  EdgeStore,
  EngagementStore,
  OverrideStore,
  UploadStore,
} from '#ports/inventoryStore.ts';
import type { MappingStore } from '#ports/mappingStore.ts';
import type { MemoryStore } from '#ports/memoryStore.ts';
import type { ObjectStore } from '#ports/objectStore.ts';
import { isSafeId, type TenantContext } from '#ports/tenant.ts';
import type { ClientRegistry, UserStore } from '#ports/userStore.ts';
import type { VectorIndex } from '#ports/vectorIndex.ts';
import type { WorkflowEngine } from '#ports/workflowEngine.ts';
import {
  type AssumeRoleClient,
  type TenantCredentials,
  TenantCredentialsError,
  TenantCredentialVendor,
} from '#security/tenantCredentials.ts';
import { lazyPort, unavailablePort } from './lazyPort.ts';

export interface Services {
  readonly config: ModernizeConfig;
  readonly flows: FlowStore;
  readonly engagements: EngagementStore;
  readonly uploads: UploadStore;
  readonly assets: AssetStore;
  readonly edges: EdgeStore;
  readonly mappings: MappingStore;
  readonly overrides: OverrideStore;
  readonly objects: ObjectStore;
  readonly workflow: WorkflowEngine;
  readonly clock: Clock;
  /** Agent usage records and the tenant's cache of agent answers. */
  readonly agentMetrics: AgentMetricsStore;
  /** Agent memory records (shared/memory). */
  readonly memoryStore: MemoryStore;
  /** Memory vectors: OpenSearch in the cloud, the embedded index under $MODERNIZE_HOME locally. */
  readonly vectorIndex: VectorIndex;
  /** Embeddings of memory texts (the configured model, or the local embedder). */
  readonly embedder: Embedder;
  /** The append-only audit log (API mutations, denials, approvals, agent tool calls). */
  readonly audit: AuditStore;
  /** The tenant's users and their engagement assignments (read once per API request). */
  readonly users: UserStore;
  /** The platform's client registry (platform partition; platform admins only, never tenant-routed). */
  readonly clients: ClientRegistry;
}

let localWorkflow: WorkflowEngine | undefined;

/** The embedded platform registers its in-process workflow engine here (config `workflow: local`). */
export function registerLocalWorkflowEngine(engine: WorkflowEngine | undefined): void {
  localWorkflow = engine;
}

/** A tenant's credential provider (TenantCredentialVendor.provider); the SDK clients call it per request. */
type CredentialProvider = () => Promise<TenantCredentials>;

/** Credentials for the AWS clients: the default chain (function role), fixed local keys, or a tenant's. */
type ClientCredentials = CredentialProvider | { accessKeyId: string; secretAccessKey: string };

/** The SDK clients the stores of one Services use. */
export interface StorageClients {
  readonly dynamo: DynamoDBClient;
  readonly s3: S3Client;
}

/**
 * DynamoDB and S3 clients for `config`, signing with `credentials` when given (a tenant's provider).
 * The S3 client is constructed on its first use (reading `s3`): every request reads DynamoDB, but
 * most never touch S3.
 */
export function storageClients(config: ModernizeConfig, credentials?: CredentialProvider): StorageClients {
  const local = config.dynamoEndpoint || config.s3Endpoint;
  const signing: ClientCredentials | undefined =
    credentials ?? (local ? { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } : undefined);
  let s3: S3Client | undefined;
  return {
    dynamo: new DynamoDBClient({
      region: config.region,
      ...(config.dynamoEndpoint ? { endpoint: config.dynamoEndpoint } : {}),
      ...(signing && (credentials || config.dynamoEndpoint) ? { credentials: signing } : {}),
    }),
    get s3() {
      s3 ??= new S3Client({
        region: config.region,
        ...(config.s3Endpoint ? { endpoint: config.s3Endpoint, forcePathStyle: true } : {}),
        ...(signing && (credentials || config.s3Endpoint) ? { credentials: signing } : {}),
      });
      return s3;
    },
  };
}

/**
 * How a Services gets its memory ports: the vector index (signing with a tenant's credentials when
 * given) and the embedder. `services.ts` holds the real ones; `NO_MEMORY_ADAPTERS` refuses.
 */
export interface MemoryAdapters {
  vectorIndex(config: ModernizeConfig, credentials?: CredentialProvider): VectorIndex;
  embedder(config: ModernizeConfig): Embedder;
}

/**
 * Memory ports that refuse every call with `PortUnavailableError`: for handlers whose code never
 * reaches agent memory, so that their bundle does not carry the adapters (and their SDKs) at all.
 */
export const NO_MEMORY_ADAPTERS: MemoryAdapters = {
  vectorIndex: () => unavailablePort<VectorIndex>('vectorIndex', VECTOR_INDEX_METHODS),
  embedder: () => unavailablePort<Embedder>('embedder', ['embed']),
};

/** Builds the AWS adapters for `config` (pointed at local endpoints on the embedded platform). */
export function buildServices(
  config: ModernizeConfig,
  memory: MemoryAdapters,
  overrides: Partial<Services> = {},
): Services {
  const workflow =
    config.workflow === 'local' ? (localWorkflow ?? missingLocalEngine()) : sfnWorkflow(config);
  const clients = storageClients(config);
  return {
    ...tenantDataServices(config, memory, clients),
    clients: new DynamoClientRegistry(createDynamoTable(config.tableName, clients.dynamo)),
    config,
    workflow,
    clock: systemClock,
    embedder: memory.embedder(config),
    ...overrides,
  };
}

/**
 * The Step Functions engine, with its SDK client imported and built on the first start, describe or
 * stop: most invocations (every connection batch, most API reads) never start a flow.
 */
function sfnWorkflow(config: ModernizeConfig): WorkflowEngine {
  return lazyPort<WorkflowEngine>(['start', 'describe', 'stop'], async () => {
    const { SfnWorkflowEngine } = await import('#adapters/aws/sfnWorkflowEngine.ts');
    return new SfnWorkflowEngine(config.stateMachineArns);
  });
}

/**
 * An STS client imported and built on the first AssumeRole (the first tenant call of a container),
 * not at cold start: the vendor imports its AssumeRoleCommand then too.
 */
function lazySts(region: string): AssumeRoleClient {
  let client: Promise<STSClient> | undefined;
  return {
    send: async (command) => {
      client ??= import('@aws-sdk/client-sts').then((m) => new m.STSClient({ region }));
      return (await client).send(command);
    },
  };
}

/** The ports that hold tenant data: the ones tenant credentials confine. */
type TenantDataPorts = Omit<Services, 'config' | 'workflow' | 'clock' | 'embedder' | 'clients'>;

/** Names of the ports routed by tenant (every method of each takes the tenant first). */
const TENANT_DATA_PORTS = [
  'flows',
  'engagements',
  'uploads',
  'assets',
  'edges',
  'mappings',
  'overrides',
  'objects',
  'agentMetrics',
  'memoryStore',
  'vectorIndex',
  'audit',
  'users',
] as const satisfies readonly (keyof TenantDataPorts)[];

function tenantDataServices(
  config: ModernizeConfig,
  memory: MemoryAdapters,
  clients: StorageClients,
  credentials?: CredentialProvider,
): TenantDataPorts {
  const table = createDynamoTable(config.tableName, clients.dynamo);
  return {
    flows: new DynamoFlowStore(table),
    engagements: new DynamoEngagementStore(table),
    uploads: new DynamoUploadStore(table),
    assets: new DynamoAssetStore(table),
    edges: new DynamoEdgeStore(table),
    mappings: new DynamoMappingStore(table),
    overrides: new DynamoOverrideStore(table),
    objects: new S3ObjectStore(config.bucket, () => clients.s3),
    agentMetrics: new DynamoAgentMetricsStore(table),
    memoryStore: new DynamoMemoryStore(table),
    audit: new DynamoAuditStore(table),
    users: new DynamoUserStore(table),
    vectorIndex: memory.vectorIndex(config, credentials),
  };
}

/** The vector index's methods (what a lazy or refusing vector index port answers). */
export const VECTOR_INDEX_METHODS = ['upsert', 'search', 'remove'] as const;

/** Options of tenant-scoped services (tests inject STS and the clock). */
export interface TenantServicesOptions {
  /** The memory ports of each tenant's services (default: the ones that refuse). */
  readonly memory?: MemoryAdapters;
  readonly sts?: AssumeRoleClient;
  readonly now?: () => number;
  /** Most tenants whose services one container keeps (least recently used dropped first). */
  readonly maxTenants?: number;
}

/**
 * Services whose tenant-data stores sign with credentials vended for one tenant, so IAM (not
 * only the key builders) confines each tenant to its own rows, objects and memory index. Built
 * once per tenant and kept until shortly before the session would have to be renewed anyway;
 * the clients of one tenant are never used for another.
 */
export class TenantScopedServices {
  readonly base: Services;
  readonly #config: ModernizeConfig;
  readonly #memory: MemoryAdapters;
  readonly #vendor: TenantCredentialVendor;
  readonly #now: () => number;
  readonly #ttlMs: number;
  readonly #maxTenants: number;
  readonly #byTenant = new Map<string, { services: Services; clients: StorageClients; expiresAt: number }>();

  constructor(base: Services, isolation: TenantIsolationConfig, options: TenantServicesOptions = {}) {
    this.base = base;
    this.#config = base.config;
    this.#memory = options.memory ?? NO_MEMORY_ADAPTERS;
    this.#now = options.now ?? Date.now;
    this.#maxTenants = options.maxTenants ?? 64;
    this.#ttlMs = Math.max(60, isolation.durationSeconds - isolation.refreshMarginSeconds) * 1000;
    this.#vendor = new TenantCredentialVendor({
      sts: options.sts ?? lazySts(base.config.region),
      roleArn: isolation.roleArn,
      resources: {
        tableArn: isolation.tableArn,
        bucketArn: isolation.bucketArn,
        kmsKeyArns: isolation.kmsKeyArns,
        ...(isolation.collectionArn ? { collectionArn: isolation.collectionArn } : {}),
      },
      durationSeconds: isolation.durationSeconds,
      refreshMarginSeconds: isolation.refreshMarginSeconds,
      now: this.#now,
    });
  }

  /** The services of `tenant`: its stores sign with its vended credentials. */
  forTenant(tenant: TenantContext | string): Services {
    return this.#entry(tenantId(tenant)).services;
  }

  /** The DynamoDB and S3 clients behind `forTenant(tenant)` (health probes and tests). */
  clientsFor(tenant: TenantContext | string): StorageClients {
    return this.#entry(tenantId(tenant)).clients;
  }

  /**
   * One Services for the whole container whose tenant-data ports hand every call to the services
   * of the tenant it names (every port method takes the tenant first), so handlers, flows and
   * routes keep their shape and still never reach data with another tenant's credentials. A call
   * without a tenant context is refused rather than run with the function's role.
   */
  routed(): Services {
    const ports = Object.fromEntries(
      TENANT_DATA_PORTS.map((name) => [name, this.#routedPort(name)]),
    ) as unknown as TenantDataPorts;
    return { ...this.base, ...ports };
  }

  #routedPort(name: (typeof TENANT_DATA_PORTS)[number]): object {
    const methods = methodNames(this.base[name]);
    return Object.fromEntries(
      methods.map((method) => [
        method,
        (...args: unknown[]) => {
          const port = this.forTenant(requireTenant(args[0], `${name}.${method}`))[name] as unknown as Record<
            string,
            (...a: unknown[]) => unknown
          >;
          return port[method]?.(...args);
        },
      ]),
    );
  }

  #entry(tenant: string): { services: Services; clients: StorageClients; expiresAt: number } {
    const now = this.#now();
    const found = this.#byTenant.get(tenant);
    if (found && found.expiresAt > now) {
      this.#byTenant.delete(tenant);
      this.#byTenant.set(tenant, found);
      return found;
    }
    for (const [key, entry] of this.#byTenant) if (entry.expiresAt <= now) this.#byTenant.delete(key);
    while (this.#byTenant.size >= this.#maxTenants) {
      const oldest = this.#byTenant.keys().next().value;
      if (oldest === undefined) break;
      this.#byTenant.delete(oldest);
    }
    const credentials = this.#vendor.provider(tenant);
    const clients = storageClients(this.#config, credentials);
    const services: Services = {
      ...this.base,
      ...tenantDataServices(this.#config, this.#memory, clients, credentials),
    };
    const entry = { services, clients, expiresAt: now + this.#ttlMs };
    this.#byTenant.set(tenant, entry);
    return entry;
  }
}

function tenantId(tenant: TenantContext | string): string {
  const id = typeof tenant === 'string' ? tenant : tenant.clientAccountId;
  if (!isSafeId(id)) throw new TenantCredentialsError(`unsafe tenant id ${JSON.stringify(id)}`, 'tenant_id');
  return id;
}

function requireTenant(value: unknown, call: string): TenantContext {
  const id = (value as { clientAccountId?: unknown } | null)?.clientAccountId;
  if (typeof value !== 'object' || typeof id !== 'string')
    throw new TenantCredentialsError(`${call} was called without a tenant context`, 'tenant_context_missing');
  return value as TenantContext;
}

/** Every method an object has, own or inherited (its class's), except the constructor. */
function methodNames(object: object): string[] {
  const names = new Set<string>();
  for (let o: object | null = object; o && o !== Object.prototype; o = Object.getPrototypeOf(o)) {
    for (const key of Object.getOwnPropertyNames(o)) {
      if (key === 'constructor') continue;
      const descriptor = Object.getOwnPropertyDescriptor(o, key);
      if (typeof descriptor?.value === 'function') names.add(key);
    }
  }
  return [...names];
}

function missingLocalEngine(): never {
  throw new Error('MODERNIZE_WORKFLOW=local but no embedded platform is running in this process');
}

interface EnvironmentServices {
  readonly key: string;
  readonly services: Services;
  readonly tenants?: TenantScopedServices;
}

/** The environment's services per memory adapters (a handler uses one; the embedded platform both). */
const cached = new Map<MemoryAdapters, EnvironmentServices>();

/**
 * Services for the current environment with `memory`, built once per configuration and reused by
 * warm Lambda containers. With MODERNIZE_TENANT_ROLE_ARN set, every tenant-data port routes each
 * call to the services of the tenant it names (vended credentials, see TenantScopedServices);
 * unset (embedded platform, tests), the function's own clients serve every tenant, as the key
 * builders confine them.
 */
export function environmentServices(memory: MemoryAdapters, env: NodeJS.ProcessEnv): EnvironmentServices {
  const config = loadConfig(env);
  const key = JSON.stringify(config);
  const found = cached.get(memory);
  if (found?.key === key) return found;
  const base = buildServices(config, memory);
  const tenants = config.tenantIsolation
    ? new TenantScopedServices(base, config.tenantIsolation, { memory })
    : undefined;
  const entry = { key, services: tenants ? tenants.routed() : base, ...(tenants ? { tenants } : {}) };
  cached.set(memory, entry);
  return entry;
}

/**
 * Services for the current environment without memory adapters (their ports refuse): for handlers
 * that only use storage, the workflow and the audit log. Otherwise as `servicesFromEnvironment`.
 */
export function storageServicesFromEnvironment(env: NodeJS.ProcessEnv = process.env): Services {
  return environmentServices(NO_MEMORY_ADAPTERS, env).services;
}
