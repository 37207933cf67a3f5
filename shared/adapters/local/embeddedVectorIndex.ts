/**
 * The embedded platform's vector index: an approximate-nearest-neighbour (HNSW) index from
 * usearch per tenant and vector space, persisted under $MODERNIZE_HOME as two files per index
 * (`{name}.usearch`, the graph, and `{name}.json`, the id map and filter attributes).
 *
 * Indexes load lazily on first use and are kept open, least recently used first out. Writes
 * save both files (write to a temporary file, then rename) unless `persist: 'flush'`, where
 * `flush()` saves. Another process writing the same index (a CLI command next to `serve`) is
 * noticed by the id map's modification stamp, and the index is reloaded before use.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import usearch, { type Index as UsearchIndex } from 'usearch';
import { VectorIndexError } from '#memory/errors.ts';
import { matchesFilter, normalizedVector, tenantIndexName } from '#memory/vectorSpace.ts';
import type { TenantContext } from '#ports/tenant.ts';
import type {
  VectorIndex,
  VectorItem,
  VectorMatch,
  VectorSearchOptions,
  VectorSpace,
} from '#ports/vectorIndex.ts';

export interface EmbeddedVectorIndexOptions {
  /** Directory of the index files (e.g. `$MODERNIZE_HOME/memory`). */
  readonly directory: string;
  /** HNSW graph degree (links per node). */
  readonly connectivity?: number;
  /** Candidate list size while inserting (graph quality). */
  readonly expansionAdd?: number;
  /** Candidate list size while searching (recall against speed). */
  readonly expansionSearch?: number;
  /** Indexes kept open at once. */
  readonly maxOpenIndexes?: number;
  /** `write` saves on every write (default); `flush` saves when `flush()` is called. */
  readonly persist?: 'write' | 'flush';
}

interface Entry {
  readonly key: bigint;
  readonly attributes: Record<string, string>;
}

interface OpenIndex {
  readonly name: string;
  readonly space: VectorSpace;
  readonly index: UsearchIndex;
  readonly entries: Map<string, Entry>;
  readonly idsByKey: Map<bigint, string>;
  nextKey: bigint;
  /** Modification stamp of the id map when last loaded or saved ('' when never saved). */
  stamp: string;
  dirty: boolean;
}

interface IdMapFile {
  readonly format: 1;
  readonly model: string;
  readonly dimensions: number;
  readonly nextKey: string;
  readonly entries: [string, string, Record<string, string>][];
}

export class EmbeddedVectorIndex implements VectorIndex {
  private readonly options: Required<EmbeddedVectorIndexOptions>;
  private readonly open = new Map<string, OpenIndex>();

  constructor(options: EmbeddedVectorIndexOptions) {
    this.options = {
      connectivity: 16,
      expansionAdd: 128,
      expansionSearch: 64,
      maxOpenIndexes: 64,
      persist: 'write',
      ...options,
    };
  }

  async upsert(tenant: TenantContext, space: VectorSpace, items: readonly VectorItem[]): Promise<void> {
    if (items.length === 0) return;
    const latest = [...new Map(items.map((item) => [item.id, item])).values()];
    const dims = space.dimensions;
    for (const item of latest) if (item.vector.length !== dims) normalizedVector(item.vector, dims);
    const target = this.acquire(tenant, space, true) as OpenIndex;
    const keys = new BigUint64Array(latest.length);
    const flat = new Float32Array(latest.length * dims);
    latest.forEach((item, i) => {
      flat.set(item.vector, i * dims);
      normalizeInPlace(flat.subarray(i * dims, (i + 1) * dims));
      const existing = target.entries.get(item.id);
      if (existing && target.index.contains(existing.key)) target.index.remove(existing.key);
      const key = existing?.key ?? target.nextKey++;
      target.entries.set(item.id, { key, attributes: { ...(item.attributes ?? {}) } });
      target.idsByKey.set(key, item.id);
      keys[i] = key;
    });
    target.index.add(keys, flat);
    target.dirty = true;
    if (this.options.persist === 'write') this.save(target);
  }

  async search(
    tenant: TenantContext,
    space: VectorSpace,
    vector: Float32Array | readonly number[],
    options: VectorSearchOptions,
  ): Promise<VectorMatch[]> {
    const query = normalizedVector(vector, space.dimensions);
    const target = this.acquire(tenant, space, false);
    if (!target || options.k <= 0) return [];
    const size = target.index.size();
    if (size === 0) return [];
    let wanted = Math.min(size, options.filter ? Math.max(options.k * 4, 32) : options.k);
    for (;;) {
      const found = target.index.search(query, wanted, 0);
      const matches: VectorMatch[] = [];
      for (let i = 0; i < found.keys.length && matches.length < options.k; i++) {
        const id = target.idsByKey.get(found.keys[i] as bigint);
        if (id === undefined || !matchesFilter(target.entries.get(id)?.attributes, options.filter)) continue;
        matches.push({ id, similarity: 1 - (found.distances[i] as number) });
      }
      if (matches.length >= options.k || wanted >= size) return matches;
      wanted = Math.min(size, wanted * 4);
    }
  }

  async remove(tenant: TenantContext, space: VectorSpace, ids: readonly string[]): Promise<void> {
    const target = this.acquire(tenant, space, false);
    if (!target) return;
    let changed = false;
    for (const id of ids) {
      const entry = target.entries.get(id);
      if (!entry) continue;
      if (target.index.contains(entry.key)) target.index.remove(entry.key);
      target.entries.delete(id);
      target.idsByKey.delete(entry.key);
      changed = true;
    }
    if (!changed) return;
    target.dirty = true;
    if (this.options.persist === 'write') this.save(target);
  }

  /** Saves every index changed since it was last saved (`persist: 'flush'`). */
  async flush(): Promise<void> {
    for (const target of this.open.values()) if (target.dirty) this.save(target);
  }

  /** Paths of the files of a tenant's index (for tests and diagnostics). */
  files(tenant: TenantContext, space: VectorSpace): { graph: string; idMap: string } {
    return this.paths(tenantIndexName(tenant.clientAccountId, space));
  }

  private paths(name: string): { graph: string; idMap: string } {
    return {
      graph: join(this.options.directory, `${name}.usearch`),
      idMap: join(this.options.directory, `${name}.json`),
    };
  }

  /** The open index, loading (or with `create`, creating) it; null when absent and not created. */
  private acquire(tenant: TenantContext, space: VectorSpace, create: boolean): OpenIndex | null {
    const name = tenantIndexName(tenant.clientAccountId, space);
    let target = this.open.get(name);
    const { idMap } = this.paths(name);
    if (target && !target.dirty && target.stamp !== stampOf(idMap)) target = undefined;
    if (!target) {
      target = existsSync(idMap) ? this.load(name, space) : create ? this.fresh(name, space) : undefined;
      if (!target) return null;
    }
    this.open.delete(name);
    this.open.set(name, target);
    this.evict();
    return target;
  }

  private newIndex(space: VectorSpace): UsearchIndex {
    return new usearch.Index({
      dimensions: space.dimensions,
      metric: usearch.MetricKind.Cos,
      quantization: usearch.ScalarKind.F32,
      connectivity: this.options.connectivity,
      expansion_add: this.options.expansionAdd,
      expansion_search: this.options.expansionSearch,
      multi: false,
    });
  }

  private fresh(name: string, space: VectorSpace): OpenIndex {
    return {
      name,
      space,
      index: this.newIndex(space),
      entries: new Map(),
      idsByKey: new Map(),
      nextKey: 1n,
      stamp: '',
      dirty: false,
    };
  }

  private load(name: string, space: VectorSpace): OpenIndex {
    const { graph, idMap } = this.paths(name);
    try {
      const stamp = stampOf(idMap);
      const file = JSON.parse(readFileSync(idMap, 'utf8')) as IdMapFile;
      if (file.model !== space.model || file.dimensions !== space.dimensions)
        throw new Error(
          `holds ${file.model}/${file.dimensions}, asked for ${space.model}/${space.dimensions}`,
        );
      const target = this.fresh(name, space);
      if (file.entries.length > 0) target.index.load(graph);
      for (const [id, key, attributes] of file.entries) {
        target.entries.set(id, { key: BigInt(key), attributes });
        target.idsByKey.set(BigInt(key), id);
      }
      target.nextKey = BigInt(file.nextKey);
      target.stamp = stamp;
      return target;
    } catch (error) {
      throw new VectorIndexError(`vector index ${name} could not be loaded`, error);
    }
  }

  private save(target: OpenIndex): void {
    const { graph, idMap } = this.paths(target.name);
    mkdirSync(this.options.directory, { recursive: true });
    const file: IdMapFile = {
      format: 1,
      model: target.space.model,
      dimensions: target.space.dimensions,
      nextKey: String(target.nextKey),
      entries: [...target.entries].map(([id, e]) => [id, String(e.key), e.attributes]),
    };
    const suffix = `.${process.pid}.tmp`;
    if (target.entries.size > 0) {
      target.index.save(graph + suffix);
      renameSync(graph + suffix, graph);
    }
    writeFileSync(idMap + suffix, JSON.stringify(file));
    renameSync(idMap + suffix, idMap);
    target.stamp = stampOf(idMap);
    target.dirty = false;
  }

  private evict(): void {
    while (this.open.size > this.options.maxOpenIndexes) {
      const [name, oldest] = this.open.entries().next().value as [string, OpenIndex];
      if (oldest.dirty) this.save(oldest);
      this.open.delete(name);
    }
  }
}

function normalizeInPlace(v: Float32Array): void {
  let norm = 0;
  for (let i = 0; i < v.length; i++) norm += (v[i] as number) ** 2;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let i = 0; i < v.length; i++) v[i] = (v[i] as number) / norm;
}

function stampOf(path: string): string {
  try {
    const s = statSync(path);
    return `${s.mtimeMs}:${s.size}:${s.ino}`;
  } catch {
    return '';
  }
}
