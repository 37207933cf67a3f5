/**
 * Nearest-neighbour search over embedding vectors, one index per tenant and vector space:
 * OpenSearch Serverless in the cloud, an embedded approximate index on the embedded platform.
 * Similarity is cosine; adapters normalise vectors, so callers may pass raw embeddings.
 */
import type { TenantContext } from './tenant.ts';

/**
 * Which vectors live together: one embedding model at one dimension. Vectors of different
 * spaces never share an index (a model change means a new index, or re-embedding).
 */
export interface VectorSpace {
  /** Embedding model name, as the embedder reports it. */
  readonly model: string;
  readonly dimensions: number;
}

/** A vector to store, with the few string attributes searches may filter on. */
export interface VectorItem {
  /** The caller's id (a memory id): writing an id again replaces its vector. */
  readonly id: string;
  readonly vector: Float32Array | readonly number[];
  /** Exact-match filter attributes (agentType, memoryType, kind...). */
  readonly attributes?: Readonly<Record<string, string>>;
}

/** One hit: the id and its cosine similarity to the query (-1..1, 1 = same direction). */
export interface VectorMatch {
  readonly id: string;
  readonly similarity: number;
}

export interface VectorSearchOptions {
  /** Hits wanted (the best `k`). */
  readonly k: number;
  /** Only items whose attributes equal every given value. */
  readonly filter?: Readonly<Record<string, string>>;
}

export interface VectorIndex {
  /** Adds or replaces vectors in the tenant's index of `space` (created on first write). */
  upsert(tenant: TenantContext, space: VectorSpace, items: readonly VectorItem[]): Promise<void>;
  /** The best matches, most similar first; empty when the tenant has no index for `space`. */
  search(
    tenant: TenantContext,
    space: VectorSpace,
    vector: Float32Array | readonly number[],
    options: VectorSearchOptions,
  ): Promise<VectorMatch[]>;
  /** Removes vectors by id (absent ids are ignored). */
  remove(tenant: TenantContext, space: VectorSpace, ids: readonly string[]): Promise<void>;
}
