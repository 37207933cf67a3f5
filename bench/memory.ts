/**
 * Benchmark of the embedded vector index (usearch HNSW behind EmbeddedVectorIndex) against
 * exact search (brute-force cosine over Float32Arrays) on 100,000 clustered vectors:
 * recall@10, query latency, speed-up, build time, bytes of the saved index and RSS delta.
 * Tunes connectivity (M) and the search expansion until recall >= 0.95 and >= 10x faster.
 *
 * Data: two-level clusters (topics, then sub-topics, then points with noise), unit length,
 * like embeddings of a tenant's headers and notes: neither uniform random (no structure, every
 * neighbour almost equidistant) nor a few tight blobs (trivially easy).
 * Run: npx node bench/memory.ts [dims...]   (default: 256 768)
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { EmbeddedVectorIndex } from '#adapters/local/embeddedVectorIndex.ts';
import type { TenantContext } from '#ports/tenant.ts';
import { seededRandom } from '#test/support/seededRandom.ts';

const N = 100_000;
const QUERIES = 200;
const K = 10;
const TOPICS = 60;
const SUBTOPICS = 25;
const TARGET_RECALL = 0.95;
const TARGET_SPEEDUP = 10;
const tenant: TenantContext = { clientAccountId: 'bench', userId: 'bench', roles: ['analyst'] };

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(random() || 1e-12)) * Math.cos(2 * Math.PI * random());
}

function normalize(v: Float32Array): Float32Array {
  let n = 0;
  for (const x of v) n += x * x;
  n = Math.sqrt(n) || 1;
  for (let i = 0; i < v.length; i++) v[i] = (v[i] as number) / n;
  return v;
}

/** Topic centroids, sub-topic centroids around them, points around those (unit vectors). */
function clusteredData(dims: number, seed: number): { data: Float32Array; queries: Float32Array[] } {
  const random = seededRandom(seed);
  const noisy = (center: Float32Array, spread: number) => {
    const v = new Float32Array(dims);
    for (let i = 0; i < dims; i++)
      v[i] = (center[i] as number) + (spread * gaussian(random)) / Math.sqrt(dims);
    return normalize(v);
  };
  const origin = new Float32Array(dims);
  const topics = Array.from({ length: TOPICS }, () => noisy(origin, 1));
  const subs = topics.flatMap((t) => Array.from({ length: SUBTOPICS }, () => noisy(t, 0.7)));
  const point = () => noisy(subs[Math.floor(random() * subs.length)] as Float32Array, 0.5 + random() * 0.4);
  const data = new Float32Array(N * dims);
  for (let i = 0; i < N; i++) data.set(point(), i * dims);
  return { data, queries: Array.from({ length: QUERIES }, point) };
}

function exactTopK(data: Float32Array, dims: number, query: Float32Array): number[] {
  const bestI = new Int32Array(K).fill(-1);
  const bestS = new Float32Array(K).fill(Number.NEGATIVE_INFINITY);
  for (let row = 0, off = 0; row < N; row++, off += dims) {
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let j = 0; j < dims; j += 4) {
      s0 += (data[off + j] as number) * (query[j] as number);
      s1 += (data[off + j + 1] as number) * (query[j + 1] as number);
      s2 += (data[off + j + 2] as number) * (query[j + 2] as number);
      s3 += (data[off + j + 3] as number) * (query[j + 3] as number);
    }
    const s = s0 + s1 + s2 + s3;
    if (s <= (bestS[K - 1] as number)) continue;
    let at = K - 1;
    while (at > 0 && (bestS[at - 1] as number) < s) {
      bestS[at] = bestS[at - 1] as number;
      bestI[at] = bestI[at - 1] as number;
      at--;
    }
    bestS[at] = s;
    bestI[at] = row;
  }
  return Array.from(bestI);
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

async function benchDims(dims: number): Promise<void> {
  console.log(
    `\n== ${N.toLocaleString('en')} vectors x ${dims} dims, clustered (${TOPICS} topics x ${SUBTOPICS} sub-topics), top-${K}, ${QUERIES} queries`,
  );
  const { data, queries } = clusteredData(dims, dims);
  const space = { model: `bench-${dims}`, dimensions: dims };

  const exactTimes: number[] = [];
  const truth = queries.map((q) => {
    const start = performance.now();
    const top = exactTopK(data, dims, q);
    exactTimes.push(performance.now() - start);
    return top;
  });
  const exactP50 = percentile(exactTimes, 50);
  console.log(
    `exact search: p50 ${exactP50.toFixed(2)} ms, p95 ${percentile(exactTimes, 95).toFixed(2)} ms per query`,
  );

  for (const connectivity of [16, 32]) {
    const dir = mkdtempSync(join(tmpdir(), 'modernize-bench-memory-'));
    try {
      const items = Array.from({ length: N }, (_, i) => ({
        id: String(i),
        vector: data.subarray(i * dims, (i + 1) * dims),
      }));
      gc();
      const rssBefore = process.memoryUsage().rss;
      const writer = new EmbeddedVectorIndex({
        directory: dir,
        connectivity,
        expansionAdd: 128,
        persist: 'flush',
      });
      const buildStart = performance.now();
      await writer.upsert(tenant, space, items);
      const buildMs = performance.now() - buildStart;
      await writer.flush();
      gc();
      const rssDelta = process.memoryUsage().rss - rssBefore;
      const files = writer.files(tenant, space);
      const graphBytes = statSync(files.graph).size;
      const idMapBytes = statSync(files.idMap).size;
      console.log(
        `\nconnectivity M=${connectivity}, expansion_add=128: build ${(buildMs / 1000).toFixed(1)} s; ` +
          `saved index ${(graphBytes / 2 ** 20).toFixed(1)} MiB + id map ${(idMapBytes / 2 ** 20).toFixed(1)} MiB ` +
          `(raw vectors ${((N * dims * 4) / 2 ** 20).toFixed(1)} MiB); RSS delta while building ${(rssDelta / 2 ** 20).toFixed(1)} MiB`,
      );
      let met = false;
      for (const expansionSearch of [16, 32, 64, 128]) {
        const reader = new EmbeddedVectorIndex({ directory: dir, connectivity, expansionSearch });
        gc();
        const rssBeforeLoad = process.memoryUsage().rss;
        await reader.search(tenant, space, queries[0] as Float32Array, { k: K });
        if (expansionSearch === 16)
          console.log(
            `  loading the saved index (first query): RSS delta ${((process.memoryUsage().rss - rssBeforeLoad) / 2 ** 20).toFixed(1)} MiB`,
          );
        for (const q of queries.slice(0, 20)) await reader.search(tenant, space, q, { k: K });
        const times: number[] = [];
        let hits = 0;
        for (let round = 0; round < 3; round++) {
          for (const [qi, q] of queries.entries()) {
            const start = performance.now();
            const found = await reader.search(tenant, space, q, { k: K });
            times.push(performance.now() - start);
            if (round === 0) {
              const want = new Set((truth[qi] as number[]).map(String));
              hits += found.filter((f) => want.has(f.id)).length;
            }
          }
        }
        const recall = hits / (QUERIES * K);
        const p50 = percentile(times, 50);
        const speedup = exactP50 / p50;
        const meets = recall >= TARGET_RECALL && speedup >= TARGET_SPEEDUP;
        if (meets && !met)
          chosen.push({ dims, connectivity, expansionAdd: 128, expansionSearch, recall, p50, speedup });
        console.log(
          `  expansion_search=${String(expansionSearch).padStart(3)}: recall@10 ${recall.toFixed(3)}  ` +
            `p50 ${p50.toFixed(3)} ms  p95 ${percentile(times, 95).toFixed(3)} ms  ${speedup.toFixed(0)}x faster than exact` +
            (meets ? '  (meets recall >= 0.95 and >= 10x)' : ''),
        );
        met ||= meets;
        if (speedup < TARGET_SPEEDUP) break;
      }
      if (met) return;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  console.log('  no tried setting met both targets');
}

const chosen: {
  dims: number;
  connectivity: number;
  expansionAdd: number;
  expansionSearch: number;
  recall: number;
  p50: number;
  speedup: number;
}[] = [];

const dimsList = process.argv
  .slice(2)
  .map(Number)
  .filter((d) => d > 0);
for (const dims of dimsList.length > 0 ? dimsList : [256, 768]) await benchDims(dims);
console.log('\n== parameters chosen (first setting meeting recall@10 >= 0.95 and >= 10x exact)');
for (const c of chosen)
  console.log(
    `  ${c.dims} dims: connectivity=${c.connectivity} expansion_add=${c.expansionAdd} expansion_search=${c.expansionSearch} ` +
      `-> recall@10 ${c.recall.toFixed(3)}, p50 ${c.p50.toFixed(3)} ms, ${c.speedup.toFixed(0)}x`,
  );
