/**
 * The agent memory manager: stores what a tenant taught an agent, retrieves it by meaning
 * (ranked by similarity, confidence and recency, see ranking.ts), learns from feedback and
 * records users' validation. Holds no tenant data: every method takes the tenant.
 *
 * Records (DynamoDB) are the truth; vectors (VectorIndex) are an index of their `searchText`
 * in the embedder's vector space. A record remembers the model and dimension of its vector.
 */
import { BadInputError } from '#errors/errors.ts';
import { type Clock, systemClock } from '#ports/clock.ts';
import {
  MEMORY_TYPES,
  type MemoryRecord,
  type MemoryStore,
  type MemoryType,
  type ValidationStatus,
} from '#ports/memoryStore.ts';
import type { TenantContext } from '#ports/tenant.ts';
import type { VectorIndex, VectorSpace } from '#ports/vectorIndex.ts';
import type { Embedder } from './embeddings.ts';
import { type AgentFeedback, planFeedback } from './feedback.ts';
import { type LearnedHeaderProposal, similarHeaderProposals } from './headerProposals.ts';
import {
  clampConfidence,
  MAX_CONTENT_BYTES,
  MAX_SEARCH_TEXT,
  memoryIdOf,
  type StoreMemoryInput,
  searchTextOf,
  stableJson,
} from './memoryInput.ts';
import { DEFAULT_RANKING, type RankedMemory, type RankingSettings, rankMemories } from './ranking.ts';

export interface MemoryManagerDeps {
  readonly store: MemoryStore;
  readonly index: VectorIndex;
  readonly embedder: Embedder;
  readonly clock?: Clock;
  readonly ranking?: Partial<RankingSettings>;
}

/** A retrieval (the seed's `retrieve_memories(agent_type, query, memory_type, limit)`). */
export interface RetrieveOptions {
  readonly query: string;
  /** Only this agent's memories; all agents' when absent. */
  readonly agentType?: string;
  readonly memoryType?: MemoryType;
  /** Extra exact-match attributes (e.g. `{kind: 'header_correction'}`). */
  readonly attributes?: Record<string, string>;
  /** Default 10, at most 100. */
  readonly limit?: number;
  /** Count this read as a use (usage count, last access). Default true. */
  readonly touch?: boolean;
  /** Also return stale memories (inspection). Default false. */
  readonly includeStale?: boolean;
  readonly minSimilarity?: number;
}

/** Result of learning from one feedback. */
export interface FeedbackOutcome {
  readonly stored: MemoryRecord[];
  /** Applied memories whose confidence changed. */
  readonly adjusted: MemoryRecord[];
}

const MAX_LIMIT = 100;

export class AgentMemoryManager {
  private readonly store: MemoryStore;
  private readonly index: VectorIndex;
  private readonly embedder: Embedder;
  private readonly clock: Clock;
  private readonly ranking: RankingSettings;

  constructor(deps: MemoryManagerDeps) {
    this.store = deps.store;
    this.index = deps.index;
    this.embedder = deps.embedder;
    this.clock = deps.clock ?? systemClock;
    this.ranking = { ...DEFAULT_RANKING, ...deps.ranking };
  }

  /**
   * Stores a memory and indexes its text. Storing the same memory again (same agent, type and
   * identity) updates it: usage is kept, confidence keeps the higher value, and a changed
   * content goes back to the given validation status (default pending).
   */
  async storeMemory(tenant: TenantContext, input: StoreMemoryInput): Promise<MemoryRecord> {
    if (!MEMORY_TYPES.includes(input.memoryType))
      throw new BadInputError(`unknown memory type ${input.memoryType}`);
    if (!input.agentType.trim()) throw new BadInputError('agentType is required');
    const content = typeof input.content === 'string' ? { text: input.content } : input.content;
    const json = stableJson(content);
    if (Buffer.byteLength(json) > MAX_CONTENT_BYTES)
      throw new BadInputError(`memory content is larger than ${MAX_CONTENT_BYTES} bytes`);
    const searchText = (input.searchText ?? searchTextOf(content)).slice(0, MAX_SEARCH_TEXT);
    const memoryId = memoryIdOf(input.agentType, input.memoryType, input.dedupeKey ?? json);
    const batch = await this.embedder.embed([searchText]);
    const space: VectorSpace = { model: batch.model, dimensions: batch.dimensions };
    const now = this.clock.now().toISOString();
    const attributes = { ...input.attributes, agentType: input.agentType, memoryType: input.memoryType };
    const confidence = clampConfidence(input.confidence);
    const fresh: MemoryRecord = {
      memoryId,
      agentType: input.agentType,
      memoryType: input.memoryType,
      content,
      searchText,
      context: input.context ?? {},
      attributes,
      metadata: {
        confidenceScore: confidence,
        usageCount: 0,
        lastAccessed: null,
        contextTags: [...new Set(input.contextTags ?? [])],
        relatedFlows: [...new Set(input.relatedFlows ?? [])],
        validationStatus: input.validationStatus ?? 'pending',
      },
      embedding: space,
      createdAt: now,
      createdBy: tenant.userId,
      updatedAt: now,
      version: 1,
    };
    let record = fresh;
    const moved: { from?: VectorSpace } = {};
    if (!(await this.store.create(tenant, fresh))) {
      const updated = await this.store.update(tenant, memoryId, (r) => {
        const changed = stableJson(r.content) !== json;
        if (r.embedding.model !== space.model || r.embedding.dimensions !== space.dimensions)
          moved.from = { ...r.embedding };
        r.content = content;
        r.searchText = searchText;
        r.context = { ...r.context, ...fresh.context };
        r.attributes = attributes;
        r.embedding = space;
        r.updatedAt = now;
        const m = r.metadata;
        m.confidenceScore = changed ? confidence : Math.max(m.confidenceScore, confidence);
        if (changed || input.validationStatus) m.validationStatus = input.validationStatus ?? 'pending';
        m.contextTags = [...new Set([...m.contextTags, ...fresh.metadata.contextTags])];
        m.relatedFlows = [...new Set([...m.relatedFlows, ...fresh.metadata.relatedFlows])];
      });
      record = updated ?? fresh;
    }
    await this.index.upsert(tenant, space, [
      { id: memoryId, vector: batch.vectors[0] as Float32Array, attributes },
    ]);
    if (moved.from) await this.index.remove(tenant, moved.from, [memoryId]);
    return record;
  }

  /**
   * Memories most relevant to `query`, best first; stale ones never surface. Each returned
   * memory counts as used (usage count + 1, last access now) unless `touch: false`.
   */
  async retrieveMemories(tenant: TenantContext, options: RetrieveOptions): Promise<RankedMemory[]> {
    const limit = Math.max(1, Math.min(MAX_LIMIT, Math.floor(options.limit ?? 10)));
    const query = options.query.slice(0, MAX_SEARCH_TEXT);
    if (query.trim() === '') return [];
    const batch = await this.embedder.embed([query]);
    const space: VectorSpace = { model: batch.model, dimensions: batch.dimensions };
    const filter: Record<string, string> = { ...options.attributes };
    if (options.agentType) filter.agentType = options.agentType;
    if (options.memoryType) filter.memoryType = options.memoryType;
    const matches = await this.index.search(tenant, space, batch.vectors[0] as Float32Array, {
      k: Math.min(400, Math.max(limit * 4, 20)),
      filter,
    });
    const records = new Map(
      (
        await this.store.getMany(
          tenant,
          matches.map((m) => m.id),
        )
      ).map((r) => [r.memoryId, r]),
    );
    const now = this.clock.now();
    const settings = {
      ...this.ranking,
      ...(options.minSimilarity !== undefined ? { minSimilarity: options.minSimilarity } : {}),
    };
    const candidates = matches.flatMap((m) => {
      const record = records.get(m.id);
      return record ? [{ record, similarity: m.similarity }] : [];
    });
    const ranked = rankMemories(candidates, now, settings, { includeStale: options.includeStale }).slice(
      0,
      limit,
    );
    if (options.touch === false || ranked.length === 0) return ranked;
    const at = now.toISOString();
    await this.store.recordUsage(
      tenant,
      ranked.map((r) => r.record.memoryId),
      at,
    );
    for (const r of ranked) {
      r.record.metadata.usageCount += 1;
      r.record.metadata.lastAccessed = at;
    }
    return ranked;
  }

  /** A user validates or invalidates a memory. Null when the tenant has no such memory. */
  async setValidation(
    tenant: TenantContext,
    memoryId: string,
    validation: Exclude<ValidationStatus, 'pending'>,
    note?: string,
  ): Promise<MemoryRecord | null> {
    const now = this.clock.now().toISOString();
    return this.store.update(tenant, memoryId, (r) => {
      const m = r.metadata;
      m.validationStatus = validation;
      m.validatedBy = tenant.userId;
      m.validatedAt = now;
      if (note !== undefined) m.validationNote = note;
      else delete m.validationNote;
      // A person vouched for it (or against it): trust follows.
      m.confidenceScore =
        validation === 'validated' ? Math.max(m.confidenceScore, 0.9) : Math.min(m.confidenceScore, 0.1);
      r.updatedAt = now;
    });
  }

  /** Learned header -> field proposals for a header (see headerProposals.ts). */
  similarHeaderProposals(tenant: TenantContext, header: string, limit = 5): Promise<LearnedHeaderProposal[]> {
    return similarHeaderProposals(this, tenant, header, limit);
  }

  /** One memory of the tenant, or null. */
  getMemory(tenant: TenantContext, memoryId: string): Promise<MemoryRecord | null> {
    return this.store.get(tenant, memoryId);
  }

  /**
   * Learns from feedback: stores the corrections (a header correction becomes a memory the
   * mapping engine can reuse, see headerProposals.ts) and a summary of the session, and moves
   * the confidence of the memories the agent had applied (up on approval, down on rejection).
   */
  async learnFromFeedback(
    tenant: TenantContext,
    agentType: string,
    feedback: AgentFeedback,
  ): Promise<FeedbackOutcome> {
    const plan = planFeedback(agentType, feedback);
    const stored: MemoryRecord[] = [];
    for (const input of plan.memories) stored.push(await this.storeMemory(tenant, input));
    const adjusted: MemoryRecord[] = [];
    if (plan.confidenceDelta !== 0) {
      const now = this.clock.now().toISOString();
      for (const id of new Set(feedback.appliedMemoryIds ?? [])) {
        const updated = await this.store.update(tenant, id, (r) => {
          r.metadata.confidenceScore = clampConfidence(r.metadata.confidenceScore + plan.confidenceDelta);
          r.updatedAt = now;
        });
        if (updated) adjusted.push(updated);
      }
    }
    return { stored, adjusted };
  }

  /**
   * Re-embeds every memory of the tenant with the current embedder (after a model change):
   * vectors go to the new model's index, the old index entries are removed. Returns the count.
   */
  async reindex(tenant: TenantContext): Promise<number> {
    const records = await this.store.list(tenant);
    let done = 0;
    for (let start = 0; start < records.length; start += 64) {
      const chunk = records.slice(start, start + 64);
      const batch = await this.embedder.embed(chunk.map((r) => r.searchText));
      const space: VectorSpace = { model: batch.model, dimensions: batch.dimensions };
      await this.index.upsert(
        tenant,
        space,
        chunk.map((r, i) => ({
          id: r.memoryId,
          vector: batch.vectors[i] as Float32Array,
          attributes: r.attributes,
        })),
      );
      for (const r of chunk) {
        const old = r.embedding;
        if (old.model === space.model && old.dimensions === space.dimensions) continue;
        await this.store.update(tenant, r.memoryId, (x) => {
          x.embedding = space;
        });
        await this.index.remove(tenant, old, [r.memoryId]);
      }
      done += chunk.length;
    }
    return done;
  }
}
