/**
 * The bodies the HTTP API accepts for memory feedback. Kept apart from `memoryApi.ts` so that the
 * route table (loaded at every API cold start) validates them without importing the memory manager,
 * which only the memory routes need, on their first request.
 */
import * as z from 'zod/v4';

/** Body of `POST /memories/{memoryId}/feedback`. */
export const memoryValidationBody = z.object({
  validation: z.enum(['validated', 'invalidated']),
  note: z.string().max(1000).optional(),
});

/** Body of `POST /feedback` (the seed's learn_from_feedback, camelCase). */
export const agentFeedbackBody = z.object({
  agentType: z.string().min(1).max(100),
  type: z.string().min(1).max(50),
  corrections: z
    .array(
      z.object({
        source: z.string().min(1).max(500),
        target: z.string().max(200).nullable(),
        original: z.string().max(200).nullable().optional(),
        reason: z.string().max(1000).optional(),
      }),
    )
    .max(500)
    .optional(),
  successMetrics: z.record(z.string().max(100), z.number()).optional(),
  improvements: z.array(z.string().max(1000)).max(50).optional(),
  sessionId: z.string().max(200).optional(),
  appliedMemoryIds: z.array(z.string().max(100)).max(100).optional(),
  engagementId: z.string().max(64).optional(),
  flowId: z.string().max(100).optional(),
});
