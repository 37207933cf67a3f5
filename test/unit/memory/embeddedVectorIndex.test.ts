import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EmbeddedVectorIndex } from '#adapters/local/embeddedVectorIndex.ts';
import { LocalHashEmbedder } from '#memory/embeddings.ts';
import { VectorDimensionError } from '#memory/errors.ts';
import type { TenantContext } from '#ports/tenant.ts';

const tenant = (id: string): TenantContext => ({
  clientAccountId: id,
  userId: `${id}-u`,
  roles: ['analyst'],
});
const embedder = new LocalHashEmbedder({ dimensions: 128 });
const space = { model: embedder.model, dimensions: 128 };
const vec = (text: string) => embedder.embedOne(text);

describe('embedded vector index', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'modernize-vectors-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it("never returns one tenant's vectors to another, even tenants whose ids differ only by case", async () => {
    // Prepare
    const index = new EmbeddedVectorIndex({ directory: dir });
    await index.upsert(tenant('acme'), space, [{ id: 'acme-1', vector: vec('Server Name') }]);
    await index.upsert(tenant('Acme'), space, [{ id: 'Acme-1', vector: vec('Server Name') }]);
    await index.upsert(tenant('globex'), space, [{ id: 'globex-1', vector: vec('Host Name') }]);

    // Act
    const acme = await index.search(tenant('acme'), space, vec('Server Name'), { k: 10 });
    const upper = await index.search(tenant('Acme'), space, vec('Server Name'), { k: 10 });
    const initech = await index.search(tenant('initech'), space, vec('Server Name'), { k: 10 });

    // Assess
    expect(acme.map((m) => m.id)).toEqual(['acme-1']);
    expect(upper.map((m) => m.id)).toEqual(['Acme-1']);
    expect(initech).toEqual([]);
    expect(index.files(tenant('acme'), space).graph).not.toBe(index.files(tenant('Acme'), space).graph);
  });

  it('persists on write and a new process (new instance) finds the same vectors', async () => {
    const first = new EmbeddedVectorIndex({ directory: dir });
    await first.upsert(tenant('acme'), space, [
      { id: 'cpu', vector: vec('CPU Count'), attributes: { kind: 'header_correction' } },
      { id: 'mem', vector: vec('Memory (MB)'), attributes: { kind: 'pattern' } },
    ]);
    expect(existsSync(first.files(tenant('acme'), space).graph)).toBe(true);

    const second = new EmbeddedVectorIndex({ directory: dir });
    const hits = await second.search(tenant('acme'), space, vec('cpu_count'), { k: 1 });
    const filtered = await second.search(tenant('acme'), space, vec('cpu_count'), {
      k: 2,
      filter: { kind: 'pattern' },
    });

    expect(hits.map((h) => h.id)).toEqual(['cpu']);
    expect(hits[0]?.similarity).toBeGreaterThan(0.9);
    expect(filtered.map((h) => h.id)).toEqual(['mem']);
  });

  it('sees writes made by another instance on the same files', async () => {
    const reader = new EmbeddedVectorIndex({ directory: dir });
    const writer = new EmbeddedVectorIndex({ directory: dir });
    await writer.upsert(tenant('acme'), space, [{ id: 'a', vector: vec('Operating System') }]);
    expect((await reader.search(tenant('acme'), space, vec('OS'), { k: 5 })).map((h) => h.id)).toEqual(['a']);

    await writer.upsert(tenant('acme'), space, [{ id: 'b', vector: vec('OS Version') }]);

    expect((await reader.search(tenant('acme'), space, vec('OS Version'), { k: 1 }))[0]?.id).toBe('b');
  });

  it('with persist: flush, saves only when flushed', async () => {
    const index = new EmbeddedVectorIndex({ directory: dir, persist: 'flush' });
    await index.upsert(tenant('acme'), space, [{ id: 'a', vector: vec('Datacenter') }]);
    expect(existsSync(index.files(tenant('acme'), space).idMap)).toBe(false);

    await index.flush();

    const reloaded = new EmbeddedVectorIndex({ directory: dir });
    expect((await reloaded.search(tenant('acme'), space, vec('Data Center'), { k: 1 }))[0]?.id).toBe('a');
  });

  it('replaces a vector written again under the same id and removes by id', async () => {
    const index = new EmbeddedVectorIndex({ directory: dir });
    await index.upsert(tenant('acme'), space, [{ id: 'x', vector: vec('Power State') }]);
    await index.upsert(tenant('acme'), space, [{ id: 'x', vector: vec('Cost Center') }]);

    const hits = await index.search(tenant('acme'), space, vec('Cost Center'), { k: 5 });
    expect(hits).toHaveLength(1);
    expect(hits[0]?.similarity).toBeGreaterThan(0.99);

    await index.remove(tenant('acme'), space, ['x']);
    const reloaded = new EmbeddedVectorIndex({ directory: dir });
    expect(await reloaded.search(tenant('acme'), space, vec('Cost Center'), { k: 5 })).toEqual([]);
  });

  it('refuses a vector whose dimension differs from the space', async () => {
    const index = new EmbeddedVectorIndex({ directory: dir });
    await expect(
      index.upsert(tenant('acme'), space, [{ id: 'bad', vector: new Float32Array(64) }]),
    ).rejects.toBeInstanceOf(VectorDimensionError);
  });

  it('keeps vectors of another model in a separate index', async () => {
    const index = new EmbeddedVectorIndex({ directory: dir });
    const other = { model: 'text-embedding-3-small', dimensions: 128 };
    await index.upsert(tenant('acme'), other, [{ id: 'remote', vector: vec('Server Name') }]);

    expect(await index.search(tenant('acme'), space, vec('Server Name'), { k: 5 })).toEqual([]);
    expect(index.files(tenant('acme'), other).graph).not.toBe(index.files(tenant('acme'), space).graph);
  });
});
