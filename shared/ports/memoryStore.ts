/**
 * Agent memory records: what each tenant taught the agents (patterns, decisions, feedback,
 * knowledge, errors, successes) with the metadata retrieval ranks by. Vectors live in the
 * VectorIndex; these records are the source of truth and carry the embedding's model.
 */
import type { TenantContext } from './tenant.ts';

export const MEMORY_TYPES = ['pattern', 'decision', 'feedback', 'knowledge', 'error', 'success'] as const;
export type MemoryType = (typeof MEMORY_TYPES)[number];

export const VALIDATION_STATUSES = ['pending', 'validated', 'invalidated'] as const;
export type ValidationStatus = (typeof VALIDATION_STATUSES)[number];

/** What retrieval ranks and filters by; users change `validationStatus`, reads change usage. */
export interface MemoryMetadata {
  /** 0..1: how much the memory is trusted (feedback moves it). */
  confidenceScore: number;
  /** Times an agent retrieved it. */
  usageCount: number;
  /** ISO time of the last retrieval; null until first used. */
  lastAccessed: string | null;
  contextTags: string[];
  relatedFlows: string[];
  validationStatus: ValidationStatus;
  validationNote?: string;
  validatedBy?: string;
  validatedAt?: string;
}

/** One memory. `version` increases by one on every write (optimistic locking). */
export interface MemoryRecord {
  readonly memoryId: string;
  readonly agentType: string;
  readonly memoryType: MemoryType;
  /** The memory itself, as JSON (e.g. `{kind: 'header_correction', header, target}`). */
  content: Record<string, unknown>;
  /** The text that was embedded (what a query is compared with). */
  searchText: string;
  /** Where it was learned (session, engagement, flow...). */
  context: Record<string, unknown>;
  /** Exact-match attributes also stored with the vector (filters). */
  attributes: Record<string, string>;
  metadata: MemoryMetadata;
  /** The vector's model and dimension: the vector space it was indexed in. */
  embedding: { model: string; dimensions: number };
  readonly createdAt: string;
  readonly createdBy: string;
  updatedAt: string;
  version: number;
}

export interface MemoryListFilter {
  readonly agentType?: string;
  readonly memoryType?: MemoryType;
}

export interface MemoryStore {
  /** Writes a new record; false (and nothing written) when the id already exists. */
  create(tenant: TenantContext, record: MemoryRecord): Promise<boolean>;
  get(tenant: TenantContext, memoryId: string): Promise<MemoryRecord | null>;
  /** The records of those ids that exist (any order). */
  getMany(tenant: TenantContext, memoryIds: readonly string[]): Promise<MemoryRecord[]>;
  list(tenant: TenantContext, filter?: MemoryListFilter): Promise<MemoryRecord[]>;
  /**
   * Applies `mutate` to the latest record and writes it if nobody wrote in between; re-reads
   * and re-applies on conflict (bounded). Null when the memory does not exist.
   */
  update(
    tenant: TenantContext,
    memoryId: string,
    mutate: (record: MemoryRecord) => void,
  ): Promise<MemoryRecord | null>;
  /** Atomically adds one use and sets the last access of each existing id. */
  recordUsage(tenant: TenantContext, memoryIds: readonly string[], at: string): Promise<void>;
}
