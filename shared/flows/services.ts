/**
 * The ports a flow, handler or command needs, built once per configuration.
 * Holds no tenant data: every method takes the tenant explicitly.
 */

import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
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
import { createOpenSearchClient, OpenSearchVectorIndex } from '#adapters/aws/openSearchVectorIndex.ts';
import { S3ObjectStore } from '#adapters/aws/s3ObjectStore.ts';
import { SfnWorkflowEngine } from '#adapters/aws/sfnWorkflowEngine.ts';
import { resolveApiKey } from '#agents/llmClient.ts';
import { loadConfig, type ModernizeConfig } from '#config/config.ts';
import { createEmbedder, type Embedder } from '#memory/embeddings.ts';
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
import type { VectorIndex } from '#ports/vectorIndex.ts';
import type { WorkflowEngine } from '#ports/workflowEngine.ts';

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
}

let localWorkflow: WorkflowEngine | undefined;

/** The embedded platform registers its in-process workflow engine here (config `workflow: local`). */
export function registerLocalWorkflowEngine(engine: WorkflowEngine | undefined): void {
  localWorkflow = engine;
}

/** Builds the AWS adapters for `config` (pointed at local endpoints on the embedded platform). */
export function createServices(config: ModernizeConfig, overrides: Partial<Services> = {}): Services {
  const local = config.dynamoEndpoint || config.s3Endpoint;
  const credentials = local ? { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } : undefined;
  const dynamo = new DynamoDBClient({
    region: config.region,
    ...(config.dynamoEndpoint ? { endpoint: config.dynamoEndpoint, credentials } : {}),
  });
  const s3 = new S3Client({
    region: config.region,
    ...(config.s3Endpoint ? { endpoint: config.s3Endpoint, forcePathStyle: true, credentials } : {}),
  });
  const table = createDynamoTable(config.tableName, dynamo);
  const workflow =
    config.workflow === 'local'
      ? (localWorkflow ?? missingLocalEngine())
      : new SfnWorkflowEngine(config.stateMachineArns);
  return {
    config,
    flows: new DynamoFlowStore(table),
    engagements: new DynamoEngagementStore(table),
    uploads: new DynamoUploadStore(table),
    assets: new DynamoAssetStore(table),
    edges: new DynamoEdgeStore(table),
    mappings: new DynamoMappingStore(table),
    overrides: new DynamoOverrideStore(table),
    objects: new S3ObjectStore(config.bucket, s3),
    workflow,
    clock: systemClock,
    agentMetrics: new DynamoAgentMetricsStore(table),
    memoryStore: new DynamoMemoryStore(table),
    audit: new DynamoAuditStore(table),
    vectorIndex: createVectorIndex(config),
    embedder: createEmbedder(
      {
        model: config.memory.embeddingsModel,
        baseUrl: config.llm.baseUrl,
        dimensions: config.memory.embeddingsDimensions,
        localDimensions: config.memory.localDimensions,
        timeoutMs: config.llm.timeoutMs,
        maxRetries: config.llm.maxRetries,
      },
      () => resolveApiKey(config.llm),
    ),
    ...overrides,
  };
}

/** OpenSearch when an endpoint is configured; otherwise the embedded index under $MODERNIZE_HOME/memory. */
function createVectorIndex(config: ModernizeConfig): VectorIndex {
  const endpoint = config.memory.openSearchEndpoint;
  if (config.memory.vectorIndex === 'opensearch' && endpoint) {
    const client = createOpenSearchClient({
      endpoint,
      region: config.region,
      service: config.memory.openSearchService,
    });
    return new OpenSearchVectorIndex({ client });
  }
  return lazyEmbeddedIndex(join(config.home, 'memory'));
}

/**
 * The embedded index, loaded on first use: its native usearch binding must not load when a Lambda
 * bundle (which always uses OpenSearch) is imported.
 */
function lazyEmbeddedIndex(directory: string): VectorIndex {
  let index: Promise<VectorIndex> | undefined;
  const load = () =>
    (index ??= import('#adapters/local/embeddedVectorIndex.ts').then(
      (m) => new m.EmbeddedVectorIndex({ directory }),
    ));
  return {
    upsert: async (...args) => (await load()).upsert(...args),
    search: async (...args) => (await load()).search(...args),
    remove: async (...args) => (await load()).remove(...args),
  };
}

function missingLocalEngine(): never {
  throw new Error('MODERNIZE_WORKFLOW=local but no embedded platform is running in this process');
}

let cached: { key: string; services: Services } | undefined;

/**
 * Services for the current environment, built once per configuration and reused by
 * warm Lambda containers (it holds clients, never tenant data).
 */
export function servicesFromEnvironment(env: NodeJS.ProcessEnv = process.env): Services {
  const config = loadConfig(env);
  const key = JSON.stringify(config);
  if (cached?.key !== key) cached = { key, services: createServices(config) };
  return cached.services;
}
