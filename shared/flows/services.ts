/**
 * The ports a flow, handler or command needs, built once per configuration, memory included: the
 * storage, workflow and audit ports of `storageServices.ts` plus the real memory adapters (the
 * OpenSearch or embedded vector index, the configured embedder). Every handler that may touch agent
 * memory, the CLI, the embedded platform and tests use these. Holds no tenant data: every method
 * takes the tenant explicitly.
 */

import { join } from 'node:path';
import { resolveApiKey } from '#agents/llmClient.ts';
import type { ModernizeConfig, TenantIsolationConfig } from '#config/config.ts';
import { createEmbedder } from '#memory/embeddings.ts';
import type { TenantContext } from '#ports/tenant.ts';
import type { VectorIndex } from '#ports/vectorIndex.ts';
import { lazyPort } from './lazyPort.ts';
import {
  buildServices,
  environmentServices,
  type MemoryAdapters,
  type Services,
  TenantScopedServices as StorageTenantScopedServices,
  type TenantServicesOptions,
  VECTOR_INDEX_METHODS,
} from './storageServices.ts';

export {
  type MemoryAdapters,
  NO_MEMORY_ADAPTERS,
  registerLocalWorkflowEngine,
  type Services,
  type StorageClients,
  storageClients,
  type TenantServicesOptions,
} from './storageServices.ts';

/** OpenSearch when an endpoint is configured; otherwise the embedded index under $MODERNIZE_HOME/memory. */
function createVectorIndex(
  config: ModernizeConfig,
  credentials?: Parameters<MemoryAdapters['vectorIndex']>[1],
): VectorIndex {
  const endpoint = config.memory.openSearchEndpoint;
  if (config.memory.vectorIndex === 'opensearch' && endpoint) {
    // The OpenSearch client (~250 KB) loads on the first memory operation, not at cold start.
    return lazyPort<VectorIndex>(VECTOR_INDEX_METHODS, () =>
      import('#adapters/aws/openSearchVectorIndex.ts').then((m) => {
        const client = m.createOpenSearchClient({
          endpoint,
          region: config.region,
          service: config.memory.openSearchService,
          ...(credentials ? { credentials: () => credentials() } : {}),
        });
        return new m.OpenSearchVectorIndex({ client });
      }),
    );
  }
  // The embedded index's native usearch binding must not load when a Lambda bundle is imported.
  const directory = join(config.home, 'memory');
  return lazyPort<VectorIndex>(VECTOR_INDEX_METHODS, () =>
    import('#adapters/local/embeddedVectorIndex.ts').then((m) => new m.EmbeddedVectorIndex({ directory })),
  );
}

/** The real memory adapters: the configured vector index and embedder (openai loads on first use). */
export const MEMORY_ADAPTERS: MemoryAdapters = {
  vectorIndex: createVectorIndex,
  embedder: (config) =>
    createEmbedder(
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
};

/** Builds the AWS adapters for `config` (pointed at local endpoints on the embedded platform). */
export function createServices(config: ModernizeConfig, overrides: Partial<Services> = {}): Services {
  return buildServices(config, MEMORY_ADAPTERS, overrides);
}

/**
 * Services whose tenant-data stores (memory included) sign with credentials vended for one tenant,
 * so IAM (not only the key builders) confines each tenant to its own rows, objects and memory
 * index. See the base class in `storageServices.ts`.
 */
export class TenantScopedServices extends StorageTenantScopedServices {
  constructor(base: Services, isolation: TenantIsolationConfig, options: TenantServicesOptions = {}) {
    super(base, isolation, { memory: MEMORY_ADAPTERS, ...options });
  }
}

/**
 * Services for the current environment, built once per configuration and reused by warm Lambda
 * containers. With MODERNIZE_TENANT_ROLE_ARN set, every tenant-data port routes each call to the
 * services of the tenant it names (vended credentials, see TenantScopedServices); unset (embedded
 * platform, tests), the function's own clients serve every tenant, as the key builders confine them.
 */
export function servicesFromEnvironment(env: NodeJS.ProcessEnv = process.env): Services {
  return environmentServices(MEMORY_ADAPTERS, env).services;
}

/**
 * The services of one tenant: built with that tenant's vended credentials when
 * MODERNIZE_TENANT_ROLE_ARN is set, else the environment's services.
 */
export function servicesForTenant(
  tenant: TenantContext | string,
  env: NodeJS.ProcessEnv = process.env,
): Services {
  const { services, tenants } = environmentServices(MEMORY_ADAPTERS, env);
  return tenants ? tenants.forTenant(tenant) : services;
}
