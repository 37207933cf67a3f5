/**
 * How retrieved memories are ranked and when they stop surfacing. Pure functions of a record,
 * its similarity to the query and the current time.
 *
 * Rank (0..1):
 *
 *     rank = max(0, similarity) × (0.60 + 0.25 × confidence + 0.15 × recency)
 *     recency = 0.5 ^ (days since last use / half-life)       (last use = last access or last update)
 *
 * Similarity multiplies everything, so an off-topic memory never wins on freshness or trust
 * alone; among equally similar memories, the trusted one ranks first, then the recently used.
 *
 * Stale (never surfaces): invalidated by a user, or confidence below the floor AND not used for
 * `staleAfterDays`. A validated memory does not go stale by age.
 */
import type { MemoryRecord } from '#ports/memoryStore.ts';

export interface RankingSettings {
  /** Days after which recency halves. */
  readonly recencyHalfLifeDays: number;
  /** Unused for longer than this, a low-confidence memory is stale. */
  readonly staleAfterDays: number;
  /** Below this confidence, an unused memory goes stale. */
  readonly confidenceFloor: number;
  /** Hits less similar than this are dropped. */
  readonly minSimilarity: number;
}

export const DEFAULT_RANKING: RankingSettings = {
  recencyHalfLifeDays: 30,
  staleAfterDays: 90,
  confidenceFloor: 0.3,
  minSimilarity: 0.2,
};

export const RANK_WEIGHTS = { base: 0.6, confidence: 0.25, recency: 0.15 } as const;

const DAY_MS = 86_400_000;

/** When the memory was last used or changed. */
export function lastUsedAt(record: MemoryRecord): number {
  const accessed = record.metadata.lastAccessed ? Date.parse(record.metadata.lastAccessed) : 0;
  return Math.max(accessed, Date.parse(record.updatedAt) || 0, Date.parse(record.createdAt) || 0);
}

/** 1 when used just now, 0.5 after one half-life, towards 0 after that. */
export function recencyOf(
  record: MemoryRecord,
  now: Date,
  settings: RankingSettings = DEFAULT_RANKING,
): number {
  const days = Math.max(0, (now.getTime() - lastUsedAt(record)) / DAY_MS);
  return 0.5 ** (days / settings.recencyHalfLifeDays);
}

/** True when the memory must no longer surface (see the module comment). */
export function isStale(
  record: MemoryRecord,
  now: Date,
  settings: RankingSettings = DEFAULT_RANKING,
): boolean {
  const { validationStatus, confidenceScore } = record.metadata;
  if (validationStatus === 'invalidated') return true;
  if (validationStatus === 'validated') return false;
  const idleDays = (now.getTime() - lastUsedAt(record)) / DAY_MS;
  return confidenceScore < settings.confidenceFloor && idleDays > settings.staleAfterDays;
}

/** The rank of one memory for a query it has `similarity` to. */
export function rankScore(
  similarity: number,
  record: MemoryRecord,
  now: Date,
  settings: RankingSettings = DEFAULT_RANKING,
): number {
  const confidence = Math.min(1, Math.max(0, record.metadata.confidenceScore));
  return (
    Math.max(0, similarity) *
    (RANK_WEIGHTS.base +
      RANK_WEIGHTS.confidence * confidence +
      RANK_WEIGHTS.recency * recencyOf(record, now, settings))
  );
}

/** A memory as retrieval returns it. */
export interface RankedMemory {
  readonly record: MemoryRecord;
  /** Cosine similarity of the memory's text to the query. */
  readonly similarity: number;
  readonly rank: number;
}

/** Drops stale and too-dissimilar candidates, ranks the rest best first (ties: newer first). */
export function rankMemories(
  candidates: readonly { record: MemoryRecord; similarity: number }[],
  now: Date,
  settings: RankingSettings = DEFAULT_RANKING,
  options: { includeStale?: boolean } = {},
): RankedMemory[] {
  return candidates
    .filter((c) => c.similarity >= settings.minSimilarity)
    .filter((c) => options.includeStale || !isStale(c.record, now, settings))
    .map((c) => ({ ...c, rank: rankScore(c.similarity, c.record, now, settings) }))
    .sort((a, b) => b.rank - a.rank || lastUsedAt(b.record) - lastUsedAt(a.record));
}
