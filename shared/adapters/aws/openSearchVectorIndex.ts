/**
 * The cloud's vector index: OpenSearch (Serverless, service `aoss`) with one k-NN index per
 * tenant and vector space (`memory-{tenant}_{dims}_{modelHash}`, see tenantIndexName). Every
 * read and write names that index, and documents also carry the tenant, which every query
 * filters on as a second fence.
 *
 * Serverless vector collections refuse custom document ids, so documents get generated ids and
 * carry `memoryId`; replacing a vector deletes the documents of that memory id first. Vectors
 * are unit length and the HNSW graph (faiss) uses inner product, which then equals cosine.
 */
import { Client } from '@opensearch-project/opensearch';
import { AwsSigv4Signer } from '@opensearch-project/opensearch/aws';
import { VectorIndexError } from '#memory/errors.ts';
import { normalizedVector, tenantIndexName } from '#memory/vectorSpace.ts';
import type { TenantContext } from '#ports/tenant.ts';
import type {
  VectorIndex,
  VectorItem,
  VectorMatch,
  VectorSearchOptions,
  VectorSpace,
} from '#ports/vectorIndex.ts';

/** AWS credentials as the signer wants them. */
export interface SigningCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
  readonly expiration?: Date;
}

export interface OpenSearchClientSettings {
  /** Collection endpoint, e.g. `https://abc123.us-east-1.aoss.amazonaws.com`. */
  readonly endpoint: string;
  readonly region: string;
  /** `aoss` for OpenSearch Serverless (default), `es` for a managed domain. */
  readonly service?: 'aoss' | 'es';
  /** Defaults to the AWS SDK's default provider chain (environment, profile, container, instance role). */
  readonly credentials?: () => Promise<SigningCredentials>;
  readonly requestTimeoutMs?: number;
}

/** An OpenSearch client whose every request is signed with AWS Signature V4. */
export function createOpenSearchClient(settings: OpenSearchClientSettings): Client {
  const getCredentials =
    settings.credentials ??
    (async () => {
      const { defaultProvider } = await import('@aws-sdk/credential-provider-node');
      return defaultProvider()();
    });
  return new Client({
    ...AwsSigv4Signer({ region: settings.region, service: settings.service ?? 'aoss', getCredentials }),
    node: settings.endpoint,
    requestTimeout: settings.requestTimeoutMs ?? 10_000,
  });
}

export interface OpenSearchVectorIndexOptions {
  readonly client: Client;
  /** HNSW graph degree and build-time candidate list size. */
  readonly m?: number;
  readonly efConstruction?: number;
}

interface Hit {
  readonly _id: string;
  readonly _score?: number;
  readonly _source?: { memoryId?: string };
}

/** OpenSearch's score for faiss inner product back to the inner product (= cosine on unit vectors). */
export function similarityFromScore(score: number): number {
  return score >= 1 ? score - 1 : 1 - 1 / score;
}

export class OpenSearchVectorIndex implements VectorIndex {
  private readonly client: Client;
  private readonly m: number;
  private readonly efConstruction: number;
  /** Index names known to exist (names embed the tenant: nothing is shared across tenants). */
  private readonly known = new Set<string>();

  constructor(options: OpenSearchVectorIndexOptions) {
    this.client = options.client;
    this.m = options.m ?? 16;
    this.efConstruction = options.efConstruction ?? 128;
  }

  async upsert(tenant: TenantContext, space: VectorSpace, items: readonly VectorItem[]): Promise<void> {
    if (items.length === 0) return;
    const latest = new Map(items.map((item) => [item.id, item]));
    const docs = [...latest.values()].map((item) => ({
      memoryId: item.id,
      tenant: tenant.clientAccountId,
      model: space.model,
      attributes: { ...(item.attributes ?? {}) },
      vector: Array.from(normalizedVector(item.vector, space.dimensions)),
    }));
    const index = tenantIndexName(tenant.clientAccountId, space);
    const created = await this.ensureIndex(index, space);
    const stale = created ? [] : await this.documentsOf(tenant, index, [...latest.keys()]);
    const body: Record<string, unknown>[] = [];
    for (const id of stale) body.push({ delete: { _index: index, _id: id } });
    for (const doc of docs) body.push({ index: { _index: index } }, doc);
    await this.bulk(index, body);
  }

  async search(
    tenant: TenantContext,
    space: VectorSpace,
    vector: Float32Array | readonly number[],
    options: VectorSearchOptions,
  ): Promise<VectorMatch[]> {
    const index = tenantIndexName(tenant.clientAccountId, space);
    const query = Array.from(normalizedVector(vector, space.dimensions));
    const k = Math.max(1, Math.min(options.k, 1000));
    const filters: Record<string, unknown>[] = [{ term: { tenant: tenant.clientAccountId } }];
    for (const [key, value] of Object.entries(options.filter ?? {}))
      filters.push({ term: { [`attributes.${key}`]: value } });
    const hits = await this.hits(index, {
      size: k,
      _source: ['memoryId'],
      query: { knn: { vector: { vector: query, k, filter: { bool: { filter: filters } } } } },
    });
    const best = new Map<string, number>();
    for (const hit of hits) {
      const id = hit._source?.memoryId;
      if (!id || typeof hit._score !== 'number') continue;
      const similarity = similarityFromScore(hit._score);
      if (!best.has(id) || (best.get(id) as number) < similarity) best.set(id, similarity);
    }
    return [...best]
      .map(([id, similarity]) => ({ id, similarity }))
      .sort((a, b) => b.similarity - a.similarity)
      .slice(0, options.k);
  }

  async remove(tenant: TenantContext, space: VectorSpace, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    const index = tenantIndexName(tenant.clientAccountId, space);
    const docs = await this.documentsOf(tenant, index, ids);
    if (docs.length === 0) return;
    await this.bulk(
      index,
      docs.map((id) => ({ delete: { _index: index, _id: id } })),
    );
  }

  /** Creates the index when absent; true when this call created it. */
  private async ensureIndex(index: string, space: VectorSpace): Promise<boolean> {
    if (this.known.has(index)) return false;
    try {
      const exists = await this.client.indices.exists({ index });
      if (exists.body === true) {
        this.known.add(index);
        return false;
      }
      await this.client.indices.create({ index, body: this.indexDefinition(space) as never });
      this.known.add(index);
      return true;
    } catch (error) {
      if (errorType(error) === 'resource_already_exists_exception') {
        this.known.add(index);
        return false;
      }
      throw new VectorIndexError(`vector index ${index} could not be created`, error);
    }
  }

  private indexDefinition(space: VectorSpace): Record<string, unknown> {
    return {
      settings: { index: { knn: true } },
      mappings: {
        _meta: { model: space.model, dimensions: space.dimensions },
        dynamic_templates: [
          { attributes_as_keywords: { path_match: 'attributes.*', mapping: { type: 'keyword' } } },
        ],
        properties: {
          memoryId: { type: 'keyword' },
          tenant: { type: 'keyword' },
          model: { type: 'keyword' },
          attributes: { type: 'object' },
          vector: {
            type: 'knn_vector',
            dimension: space.dimensions,
            method: {
              name: 'hnsw',
              engine: 'faiss',
              space_type: 'innerproduct',
              parameters: { m: this.m, ef_construction: this.efConstruction },
            },
          },
        },
      },
    };
  }

  /** Generated ids of the tenant's documents for these memory ids. */
  private async documentsOf(tenant: TenantContext, index: string, ids: readonly string[]): Promise<string[]> {
    const out: string[] = [];
    for (let start = 0; start < ids.length; start += 500) {
      const batch = ids.slice(start, start + 500);
      const hits = await this.hits(index, {
        size: Math.min(10_000, batch.length * 4),
        _source: false,
        query: {
          bool: { filter: [{ term: { tenant: tenant.clientAccountId } }, { terms: { memoryId: batch } }] },
        },
      });
      out.push(...hits.map((hit) => hit._id));
    }
    return out;
  }

  /** Runs a search on `index`; an index that does not exist has no hits. */
  private async hits(index: string, body: Record<string, unknown>): Promise<Hit[]> {
    try {
      const out = await this.client.search({ index, body: body as never });
      return ((out.body as { hits?: { hits?: Hit[] } }).hits?.hits ?? []) as Hit[];
    } catch (error) {
      if (errorType(error) === 'index_not_found_exception') return [];
      throw new VectorIndexError(`vector index ${index} could not be searched`, error);
    }
  }

  private async bulk(index: string, body: Record<string, unknown>[]): Promise<void> {
    let out: { body: { errors?: boolean; items?: Record<string, { status?: number; error?: unknown }>[] } };
    try {
      out = (await this.client.bulk({ index, body: body as never })) as typeof out;
    } catch (error) {
      throw new VectorIndexError(`vector index ${index} could not be written`, error);
    }
    if (!out.body.errors) return;
    const failed = (out.body.items ?? [])
      .map((item) => Object.values(item)[0])
      .filter((r) => r?.error && r.status !== 404);
    if (failed.length > 0)
      throw new VectorIndexError(`vector index ${index}: ${failed.length} writes failed`, failed[0]?.error);
  }
}

function errorType(error: unknown): string | undefined {
  const body = (error as { meta?: { body?: { error?: { type?: string } } } })?.meta?.body;
  return body?.error?.type;
}
