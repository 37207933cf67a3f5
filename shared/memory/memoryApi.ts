/**
 * The memory manager of a Services bundle, and what the HTTP API shows of memories and accepts
 * as feedback. Handlers in shared/http/routes.ts only compose these.
 */
import * as z from 'zod/v4';
import type { Services } from '#flows/services.ts';
import { MEMORY_TYPES, type MemoryRecord } from '#ports/memoryStore.ts';
import type { AgentFeedback } from './feedback.ts';
import { AgentMemoryManager } from './memoryManager.ts';
import type { agentFeedbackBody } from './memorySchemas.ts';
import type { RankedMemory } from './ranking.ts';

/** The manager over a Services bundle's memory store, vector index, embedder and clock. */
export function memoryManagerFor(
  services: Pick<Services, 'memoryStore' | 'vectorIndex' | 'embedder' | 'clock' | 'config'>,
): AgentMemoryManager {
  const m = services.config.memory;
  return new AgentMemoryManager({
    store: services.memoryStore,
    index: services.vectorIndex,
    embedder: services.embedder,
    clock: services.clock,
    ranking: {
      recencyHalfLifeDays: m.recencyHalfLifeDays,
      staleAfterDays: m.staleAfterDays,
      confidenceFloor: m.confidenceFloor,
      minSimilarity: m.minSimilarity,
    },
  });
}

/** A memory as the API shows it. */
export function memoryView(record: MemoryRecord, ranked?: Pick<RankedMemory, 'similarity' | 'rank'>) {
  return {
    memoryId: record.memoryId,
    agentType: record.agentType,
    memoryType: record.memoryType,
    content: record.content,
    context: record.context,
    metadata: record.metadata,
    embedding: record.embedding,
    createdAt: record.createdAt,
    createdBy: record.createdBy,
    updatedAt: record.updatedAt,
    ...(ranked
      ? {
          similarity: Math.round(ranked.similarity * 1000) / 1000,
          rank: Math.round(ranked.rank * 1000) / 1000,
        }
      : {}),
  };
}

/** Query of `GET /memories`. */
export const memorySearchQuery = z.object({
  q: z.string().trim().min(1, 'q is required').max(2000),
  agentType: z.string().min(1).max(100).optional(),
  type: z.enum(MEMORY_TYPES).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});

/** The API's feedback body as the manager takes it (a person sent it). */
export function feedbackFromBody(body: z.infer<typeof agentFeedbackBody>): {
  agentType: string;
  feedback: AgentFeedback;
} {
  const { agentType, ...feedback } = body;
  return { agentType, feedback: { ...feedback, origin: 'user' } };
}
