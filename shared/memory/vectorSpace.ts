/**
 * Names of per-tenant vector indexes and the vector arithmetic both index adapters share.
 * Pure: no I/O.
 */
import { createHash } from 'node:crypto';
import type { VectorSpace } from '#ports/vectorIndex.ts';
import { VectorDimensionError } from './errors.ts';

/**
 * The index of one tenant and vector space, e.g. `memory-acme_256_1f2e3d4c`.
 *
 * OpenSearch index names must be lowercase, and file names on some file systems ignore case,
 * while tenant ids may differ only by case: an upper-case letter is written as `~` + the letter
 * (`~` is outside the tenant-id alphabet), so two tenants never share a name. The suffix holds
 * the dimension and a hash of the model: a model change gives a new index, never a mixed one.
 */
export function tenantIndexName(clientAccountId: string, space: VectorSpace): string {
  const tenant = clientAccountId.replace(/[A-Z]/g, (c) => `~${c.toLowerCase()}`);
  const model = createHash('sha256')
    .update(`${space.model}\u0000${space.dimensions}`)
    .digest('hex')
    .slice(0, 8);
  return `memory-${tenant}_${space.dimensions}_${model}`;
}

/** A unit-length Float32Array copy of `vector` (zero vectors stay zero). Checks the dimension. */
export function normalizedVector(vector: Float32Array | readonly number[], dimensions: number): Float32Array {
  if (vector.length !== dimensions) throw new VectorDimensionError(dimensions, vector.length);
  const out = Float32Array.from(vector);
  let norm = 0;
  for (let i = 0; i < out.length; i++) norm += (out[i] as number) ** 2;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) / norm;
  return out;
}

/** True when every filter entry equals the item's attribute. */
export function matchesFilter(
  attributes: Readonly<Record<string, string>> | undefined,
  filter: Readonly<Record<string, string>> | undefined,
): boolean {
  if (!filter) return true;
  for (const [key, value] of Object.entries(filter)) if (attributes?.[key] !== value) return false;
  return true;
}
