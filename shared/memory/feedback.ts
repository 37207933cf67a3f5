/**
 * Learning from feedback (the seed's `learn_from_feedback`): turns one piece of feedback into
 * the memories to store and the confidence change of the memories the agent had applied.
 * Pure: the manager does the I/O.
 */
import { ASSET_FIELD_NAMES, CONNECTION_FIELD_NAMES } from '#domain/assetSchema.ts';
import type { StoreMemoryInput } from './memoryInput.ts';

/** One correction: what the source (a header, a value, a decision) should have been. */
export interface FeedbackCorrection {
  readonly source: string;
  /** The right answer; for a header, a canonical field or null for "maps to nothing". */
  readonly target: string | null;
  /** What the agent had proposed. */
  readonly original?: string | null;
  readonly reason?: string;
  /** The tenant forbade `source` -> `target` (a rejection), rather than asking for it. */
  readonly rejected?: boolean;
}

/** Feedback on an agent's work (seed: type, corrections, success_metrics, improvements, session_id). */
export interface AgentFeedback {
  /** e.g. `correction`, `approval`, `rejection`, `success`, `failure`. */
  readonly type: string;
  readonly corrections?: readonly FeedbackCorrection[];
  readonly successMetrics?: Readonly<Record<string, number>>;
  readonly improvements?: readonly string[];
  readonly sessionId?: string;
  /** Memories the agent used for the work the feedback is about: their confidence moves. */
  readonly appliedMemoryIds?: readonly string[];
  readonly engagementId?: string;
  readonly flowId?: string;
  /** `user` (default): a person said so, corrections are validated; `agent`: self-assessment, pending. */
  readonly origin?: 'user' | 'agent';
}

/** Content kind of a learned header -> canonical field correction. */
export const HEADER_CORRECTION = 'header_correction';
/** Content kind of a learned "this header is never that field". */
export const HEADER_REJECTION = 'header_rejection';

const CANONICAL = new Set<string>([...ASSET_FIELD_NAMES, ...CONNECTION_FIELD_NAMES]);
const POSITIVE = new Set(['approval', 'approved', 'accepted', 'positive', 'success', 'validated']);
const NEGATIVE = new Set(['rejection', 'rejected', 'negative', 'failure', 'failed', 'error', 'invalidated']);

/** How much applied memories' confidence moves for a feedback type. */
export function confidenceDeltaFor(type: string): number {
  const t = type.trim().toLowerCase();
  if (POSITIVE.has(t)) return 0.1;
  if (NEGATIVE.has(t)) return -0.2;
  if (t === 'correction') return -0.1;
  return 0;
}

/** Header identity for corrections: case, spacing and punctuation do not matter. */
export function normalizedHeader(header: string): string {
  return header
    .trim()
    .toLowerCase()
    .replace(/[\s_\-./]+/g, ' ');
}

/** The memories one feedback teaches, and the confidence change of the applied memories. */
export function planFeedback(
  agentType: string,
  feedback: AgentFeedback,
): { memories: StoreMemoryInput[]; confidenceDelta: number } {
  const fromUser = (feedback.origin ?? 'user') === 'user';
  const context = {
    ...(feedback.sessionId ? { sessionId: feedback.sessionId } : {}),
    ...(feedback.engagementId ? { engagementId: feedback.engagementId } : {}),
    ...(feedback.flowId ? { flowId: feedback.flowId } : {}),
    feedbackType: feedback.type,
  };
  const relatedFlows = feedback.flowId ? [feedback.flowId] : [];
  const memories: StoreMemoryInput[] = [];
  for (const c of feedback.corrections ?? []) {
    const header = c.source.trim();
    if (header === '') continue;
    const isHeader = c.target === null || CANONICAL.has(c.target);
    const kind = c.rejected ? HEADER_REJECTION : isHeader ? HEADER_CORRECTION : 'correction';
    memories.push({
      agentType,
      memoryType: 'feedback',
      content: {
        kind,
        header,
        target: c.target,
        previous: c.original ?? null,
        ...(c.reason ? { reason: c.reason } : {}),
      },
      searchText: header,
      context,
      attributes: { kind },
      confidence: fromUser ? 0.9 : 0.6,
      validationStatus: fromUser ? 'validated' : 'pending',
      contextTags: ['correction'],
      relatedFlows,
      dedupeKey: `${kind}:${normalizedHeader(header)}${c.rejected ? `:${c.target}` : ''}`,
    });
  }
  const improvements = (feedback.improvements ?? []).filter((s) => s.trim() !== '');
  const metrics = feedback.successMetrics ?? {};
  if (improvements.length > 0 || Object.keys(metrics).length > 0 || memories.length === 0) {
    const delta = confidenceDeltaFor(feedback.type);
    memories.push({
      agentType,
      memoryType: delta > 0 ? 'success' : delta < 0 ? 'error' : 'feedback',
      content: {
        kind: 'session_feedback',
        type: feedback.type,
        successMetrics: metrics,
        improvements,
        corrections: feedback.corrections?.length ?? 0,
      },
      searchText: [feedback.type, ...improvements].join('. '),
      context,
      attributes: { kind: 'session_feedback' },
      confidence: 0.5,
      contextTags: [feedback.type.toLowerCase()],
      relatedFlows,
      ...(feedback.sessionId ? { dedupeKey: `session:${feedback.sessionId}:${feedback.type}` } : {}),
    });
  }
  return { memories, confidenceDelta: confidenceDeltaFor(feedback.type) };
}
