import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createOpenSearchClient,
  OpenSearchVectorIndex,
  similarityFromScore,
} from '#adapters/aws/openSearchVectorIndex.ts';
import { LocalHashEmbedder } from '#memory/embeddings.ts';
import { tenantIndexName } from '#memory/vectorSpace.ts';
import type { TenantContext } from '#ports/tenant.ts';
import { type FakeOpenSearch, startFakeOpenSearch } from './fakeOpenSearch.ts';

const acme: TenantContext = { clientAccountId: 'acme', userId: 'a', roles: ['analyst'] };
const globex: TenantContext = { clientAccountId: 'globex', userId: 'g', roles: ['analyst'] };
const embedder = new LocalHashEmbedder({ dimensions: 64 });
const space = { model: embedder.model, dimensions: 64 };
const vec = (text: string) => embedder.embedOne(text);

describe('OpenSearch vector index (request level, signed, one index per tenant)', () => {
  let server: FakeOpenSearch;
  let index: OpenSearchVectorIndex;
  beforeAll(async () => {
    server = await startFakeOpenSearch();
  });
  afterAll(async () => {
    await server.close();
  });
  beforeEach(() => {
    server.indexes.clear();
    server.requests.length = 0;
    const client = createOpenSearchClient({
      endpoint: server.url,
      region: 'eu-west-1',
      service: 'aoss',
      credentials: async () => ({ accessKeyId: 'AKIDTEST', secretAccessKey: 'secret-test' }),
    });
    index = new OpenSearchVectorIndex({ client });
  });

  it("keeps each tenant's vectors in the tenant's own index, and every request names it and is signed", async () => {
    // Prepare
    await index.upsert(acme, space, [
      { id: 'm-acme-1', vector: vec('Server Name'), attributes: { kind: 'header_correction' } },
    ]);
    await index.upsert(globex, space, [
      { id: 'm-globex-1', vector: vec('Server Name'), attributes: { kind: 'header_correction' } },
    ]);

    // Act
    const acmeHits = await index.search(acme, space, vec('server name'), { k: 5 });
    const globexHits = await index.search(globex, space, vec('server name'), {
      k: 5,
      filter: { kind: 'header_correction' },
    });

    // Assess
    expect(acmeHits.map((h) => h.id)).toEqual(['m-acme-1']);
    expect(globexHits.map((h) => h.id)).toEqual(['m-globex-1']);
    expect(acmeHits[0]?.similarity).toBeGreaterThan(0.99);
    const acmeIndex = tenantIndexName('acme', space);
    const globexIndex = tenantIndexName('globex', space);
    expect(server.indexes.has(acmeIndex) && server.indexes.has(globexIndex)).toBe(true);
    expect(server.requests.length).toBeGreaterThanOrEqual(6);
    for (const r of server.requests) {
      expect(r.path.split('/')[1]).toMatch(/^memory-(acme|globex)_64_[0-9a-f]{8}$/);
      expect(r.headers.authorization).toMatch(
        /^AWS4-HMAC-SHA256 Credential=AKIDTEST\/\d{8}\/eu-west-1\/aoss\//,
      );
      expect(r.headers['x-amz-content-sha256']).toBe(createHash('sha256').update(r.body).digest('hex'));
      for (const line of r.body.split('\n').filter((l) => l.includes('_index')))
        expect(JSON.parse(line)).toSatisfy((meta: Record<string, { _index: string }>) =>
          [acmeIndex, globexIndex].includes(Object.values(meta)[0]?._index ?? ''),
        );
    }
    const globexSearch = server.requests.find((r) => r.path.startsWith(`/${globexIndex}/_search`));
    expect(JSON.parse(globexSearch?.body ?? '{}').query.knn.vector.filter.bool.filter).toContainEqual({
      term: { tenant: 'globex' },
    });
  });

  it('creates a k-NN HNSW index sized to the vector space on first write', async () => {
    await index.upsert(acme, space, [{ id: 'm1', vector: vec('CPU Count') }]);

    const created = server.requests.find((r) => r.method === 'PUT');
    const definition = JSON.parse(created?.body ?? '{}');
    expect(created?.path).toBe(`/${tenantIndexName('acme', space)}`);
    expect(definition.settings.index.knn).toBe(true);
    expect(definition.mappings.properties.vector).toMatchObject({
      type: 'knn_vector',
      dimension: 64,
      method: { name: 'hnsw', engine: 'faiss', space_type: 'innerproduct' },
    });
    expect(definition.mappings._meta).toEqual({ model: embedder.model, dimensions: 64 });
  });

  it('replaces the vector of a memory id written again, and removes by id', async () => {
    await index.upsert(acme, space, [{ id: 'm1', vector: vec('CPU Count') }]);
    await index.upsert(acme, space, [{ id: 'm1', vector: vec('Memory GB') }]);

    const hits = await index.search(acme, space, vec('Memory GB'), { k: 5 });
    expect(hits).toHaveLength(1);
    expect(hits[0]?.similarity).toBeGreaterThan(0.99);
    expect(server.indexes.get(tenantIndexName('acme', space))?.docs.size).toBe(1);

    await index.remove(acme, space, ['m1']);
    expect(await index.search(acme, space, vec('Memory GB'), { k: 5 })).toEqual([]);
  });

  it('answers an empty result for a tenant that has no index yet', async () => {
    expect(await index.search(globex, space, vec('anything'), { k: 3 })).toEqual([]);
  });

  it('turns faiss inner-product scores back into cosine similarity', () => {
    expect(similarityFromScore(1.8)).toBeCloseTo(0.8);
    expect(similarityFromScore(1 / 1.5)).toBeCloseTo(-0.5);
  });
});
