/**
 * What callers give the memory manager, and the pure helpers that turn it into records:
 * deterministic ids (storing the same memory twice never duplicates it) and the text that
 * gets embedded.
 */
import { createHash } from 'node:crypto';
import type { MemoryType, ValidationStatus } from '#ports/memoryStore.ts';

/** A memory to store (the seed's `store_memory(agent_type, memory_type, content, context)`). */
export interface StoreMemoryInput {
  readonly agentType: string;
  readonly memoryType: MemoryType;
  /** The memory, as JSON, or plain text (stored as `{text}`). */
  readonly content: Record<string, unknown> | string;
  /** Where it was learned: session, engagement, flow... */
  readonly context?: Record<string, unknown>;
  /** Text to embed; default: derived from the content. */
  readonly searchText?: string;
  /** Exact-match attributes for filtered retrieval (besides agentType and memoryType). */
  readonly attributes?: Record<string, string>;
  /** 0..1, default 0.5. */
  readonly confidence?: number;
  readonly contextTags?: readonly string[];
  readonly relatedFlows?: readonly string[];
  readonly validationStatus?: ValidationStatus;
  /** Identity of the memory: storing the same key again updates it. Default: the content. */
  readonly dedupeKey?: string;
}

/** Largest content accepted, as JSON (DynamoDB items stay far below 400 KB). */
export const MAX_CONTENT_BYTES = 32_768;
/** Longest text embedded. */
export const MAX_SEARCH_TEXT = 2_000;

/** JSON with object keys sorted, so equal content gives equal text. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

/** The memory's id: a hash of agent, type and identity (22 url-safe characters). */
export function memoryIdOf(agentType: string, memoryType: MemoryType, identity: string): string {
  return createHash('sha256')
    .update(`${agentType}\u0000${memoryType}\u0000${identity}`)
    .digest('base64url')
    .slice(0, 22);
}

/** Readable text of JSON content: `text`/`summary` when present, else `key: value` pairs. */
export function searchTextOf(content: Record<string, unknown>): string {
  for (const key of ['text', 'summary', 'description', 'header']) {
    const value = content[key];
    if (typeof value === 'string' && value.trim() !== '') return value.slice(0, MAX_SEARCH_TEXT);
  }
  const parts: string[] = [];
  const walk = (value: unknown, key: string) => {
    if (value === null || value === undefined) return;
    if (Array.isArray(value)) for (const v of value) walk(v, key);
    else if (typeof value === 'object')
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) walk(v, k);
    else parts.push(`${key}: ${String(value)}`);
  };
  walk(content, '');
  return parts.join('; ').slice(0, MAX_SEARCH_TEXT);
}

/** Clamps a confidence to 0..1 (NaN becomes the fallback). */
export function clampConfidence(value: number | undefined, fallback = 0.5): number {
  if (value === undefined || !Number.isFinite(value)) return fallback;
  return Math.min(1, Math.max(0, value));
}
