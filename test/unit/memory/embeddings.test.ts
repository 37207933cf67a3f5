import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmbedder, embeddingWords, LocalHashEmbedder, OpenAiEmbedder } from '#memory/embeddings.ts';
import { EmbeddingError } from '#memory/errors.ts';

const cos = (a: Float32Array, b: Float32Array) => a.reduce((s, x, i) => s + x * (b[i] as number), 0);

describe('local embedder', () => {
  const embedder = new LocalHashEmbedder();

  it('is deterministic, unit length and records its model and dimension', async () => {
    const a = await embedder.embed(['CPU Count', 'CPU Count']);
    const b = await new LocalHashEmbedder().embed(['CPU Count']);

    expect(a.model).toBe(b.model);
    expect(a.dimensions).toBe(256);
    expect(Array.from(a.vectors[0] as Float32Array)).toEqual(Array.from(b.vectors[0] as Float32Array));
    expect(cos(a.vectors[0] as Float32Array, a.vectors[0] as Float32Array)).toBeCloseTo(1, 5);
  });

  it('finds spellings of the same header alike and different headers apart', () => {
    const v = (t: string) => embedder.embedOne(t);

    expect(cos(v('Server Name'), v('server_name'))).toBeGreaterThan(0.99);
    expect(cos(v('ServerName'), v('Server Name'))).toBeGreaterThan(0.99);
    expect(cos(v('Total Memory GB'), v('Memory GB'))).toBeGreaterThan(0.6);
    expect(cos(v('Server Name'), v('CPU Count'))).toBeLessThan(0.2);
    expect(cos(v('Memory GB'), v('Memory (MB)'))).toBeGreaterThan(cos(v('Memory GB'), v('Disk GB')));
  });

  it('splits identifiers into words', () => {
    expect(embeddingWords('CPUCount')).toEqual(['cpu', 'count']);
    expect(embeddingWords('u_cost_center')).toEqual(['u', 'cost', 'center']);
    expect(embeddingWords('Disk1 Size (GiB)')).toEqual(['disk', '1', 'size', 'gi', 'b']);
  });
});

describe('OpenAI-compatible embedder', () => {
  let server: Server;
  let baseURL: string;
  const bodies: Record<string, unknown>[] = [];
  let fail = false;
  beforeAll(async () => {
    server = createServer((req, res) => {
      let raw = '';
      req.on('data', (c) => {
        raw += c;
      });
      req.on('end', () => {
        const body = JSON.parse(raw) as { input: string[]; dimensions?: number };
        bodies.push(body);
        res.writeHead(fail ? 400 : 200, { 'content-type': 'application/json' });
        if (fail) return res.end(JSON.stringify({ error: { message: 'bad model' } }));
        const dims = body.dimensions ?? 4;
        // Answer out of order: the embedder must put vectors back in input order.
        const data = body.input
          .map((text, index) => ({
            object: 'embedding',
            index,
            embedding: Array.from({ length: dims }, (_, i) => (i === 0 ? text.length : i)),
          }))
          .reverse();
        res.end(
          JSON.stringify({ object: 'list', model: 'm', data, usage: { prompt_tokens: 1, total_tokens: 1 } }),
        );
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  });
  afterAll(() => {
    server.close();
  });

  it('asks for floats, keeps input order and reports the model and dimension', async () => {
    const client = new OpenAI({ apiKey: 'k', baseURL, maxRetries: 0 });
    const embedder = new OpenAiEmbedder({
      client,
      model: 'BAAI/bge-base-en-v1.5',
      dimensions: 6,
      batchSize: 2,
    });

    const batch = await embedder.embed(['a', 'bbb', 'cc']);

    expect(bodies.at(-1)).toMatchObject({
      encoding_format: 'float',
      model: 'BAAI/bge-base-en-v1.5',
      dimensions: 6,
    });
    expect(bodies).toHaveLength(2);
    expect(batch.model).toBe('BAAI/bge-base-en-v1.5');
    expect(batch.dimensions).toBe(6);
    expect(batch.vectors.map((v) => v[0])).toEqual([1, 3, 2]);
  });

  it('raises EmbeddingError when the endpoint refuses', async () => {
    fail = true;
    const client = new OpenAI({ apiKey: 'k', baseURL, maxRetries: 0 });
    await expect(new OpenAiEmbedder({ client, model: 'x' }).embed(['a'])).rejects.toBeInstanceOf(
      EmbeddingError,
    );
    fail = false;
  });

  it('uses the local embedder when no model is configured or no key resolves', async () => {
    const settings = { baseUrl: baseURL, localDimensions: 32, timeoutMs: 1000, maxRetries: 0 };
    const none = createEmbedder(settings, async () => 'k');
    const keyless = createEmbedder({ ...settings, model: 'remote' }, async () => undefined);
    const remote = createEmbedder({ ...settings, model: 'remote' }, async () => 'k');

    expect((await none.embed(['x'])).model).toMatch(/^local-hash/);
    expect((await keyless.embed(['x'])).dimensions).toBe(32);
    expect((await remote.embed(['x'])).model).toBe('remote');
  });
});
