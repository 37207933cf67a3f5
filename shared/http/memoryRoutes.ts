/**
 * Handlers of the agent memory and agent status routes (semantic search, validation, feedback,
 * health, performance): the memory manager, the agents' health monitor and the embedder load on
 * the first such request, not at the API's cold start.
 */
import { agentHealthMonitorFor, agentPerformanceTrackerFor } from '#agents/agentStatus.ts';
import { BadInputError, NotFoundError } from '#errors/errors.ts';
import { feedbackFromBody, memoryManagerFor, memorySearchQuery, memoryView } from '#memory/memoryApi.ts';
import { checkEngagementAccess } from '#security/rbac.ts';
import type { RouteContext, RouteResult } from './apiTypes.ts';
import { checkEngagementId } from './baseRoutes.ts';

/** GET /memories: semantic search of the tenant's memories, best first. */
export async function searchMemories(ctx: RouteContext): Promise<RouteResult> {
  const parsed = memorySearchQuery.safeParse(ctx.query);
  if (!parsed.success) throw new BadInputError(parsed.error.issues[0]?.message ?? 'bad query');
  const { q, agentType, type, limit } = parsed.data;
  const ranked = await memoryManagerFor(ctx.services).retrieveMemories(ctx.caller, {
    query: q,
    agentType,
    memoryType: type,
    limit,
    touch: false,
  });
  return { status: 200, body: { memories: ranked.map((r) => memoryView(r.record, r)) } };
}

/** POST /memories/{memoryId}/feedback: validates or invalidates a memory. */
export async function memoryFeedback(ctx: RouteContext): Promise<RouteResult> {
  const body = ctx.body as { validation: 'validated' | 'invalidated'; note?: string };
  const id = ctx.params.memoryId ?? '';
  const record = await memoryManagerFor(ctx.services).setValidation(
    ctx.caller,
    id,
    body.validation,
    body.note,
  );
  if (!record) throw new NotFoundError(`memory ${id.slice(0, 60)}`);
  return { status: 200, body: memoryView(record) };
}

/** POST /feedback: feedback on an agent's work, which the agent learns from. */
export async function agentFeedback(ctx: RouteContext): Promise<RouteResult> {
  const { agentType, feedback } = feedbackFromBody(ctx.body as never);
  const outcome = await memoryManagerFor(ctx.services).learnFromFeedback(ctx.caller, agentType, feedback);
  return {
    status: 201,
    body: {
      stored: outcome.stored.map((r) => memoryView(r)),
      adjusted: outcome.adjusted.map((r) => memoryView(r)),
    },
  };
}

/** GET /agents/health: model, memory and tools of the caller's tenant. */
export async function agentHealth(ctx: RouteContext): Promise<RouteResult> {
  return { status: 200, body: await agentHealthMonitorFor(ctx.services).check(ctx.caller) };
}

/** GET /agents/performance: executions, success rate, durations, learning progress. */
export async function agentPerformance(ctx: RouteContext): Promise<RouteResult> {
  const engagementId = ctx.query.engagementId ? checkEngagementId(ctx.query.engagementId) : undefined;
  if (engagementId) checkEngagementAccess(ctx.caller, engagementId);
  const admin = ctx.caller.roles.includes('client_admin') || ctx.caller.roles.includes('platform_admin');
  const engagementIds = engagementId ? [engagementId] : admin ? undefined : ctx.caller.engagements;
  const report = await agentPerformanceTrackerFor(ctx.services).report(
    ctx.caller,
    engagementIds ? { engagementIds } : {},
  );
  return { status: 200, body: report };
}
