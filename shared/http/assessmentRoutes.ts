/**
 * Handlers of the assessment routes (criteria, start, recommendations, overrides, waves): the
 * assessment flow and its phases load on the first such request, not at the API's cold start.
 */
import {
  latestAssessment,
  recommendationsView,
  recordOverride,
} from '#flows/assessment/assessmentQueries.ts';
import { startAssessment } from '#flows/assessment/index.ts';
import { ensureEngagement } from '#flows/discovery/startDiscovery.ts';
import type { RouteContext, RouteResult } from './apiTypes.ts';
import { engagementParam } from './baseRoutes.ts';

/** PUT /engagements/{engagementId}/criteria: merges criteria and wave caps into the settings. */
export async function setCriteria(ctx: RouteContext): Promise<RouteResult> {
  const engagementId = engagementParam(ctx);
  await ensureEngagement(ctx.services, ctx.caller, engagementId);
  const current = await ctx.services.engagements.get(ctx.caller, engagementId);
  const body = ctx.body as { criteria?: Record<string, unknown>; waves?: Record<string, unknown> };
  const settings = { ...(current?.settings ?? {}), ...body };
  const updated = await ctx.services.engagements.put(ctx.caller, {
    ...(current as NonNullable<typeof current>),
    settings,
  });
  return { status: 200, body: updated };
}

/** POST /engagements/{engagementId}/assessments. */
export async function startAssessmentFlow(ctx: RouteContext): Promise<RouteResult> {
  return { status: 202, body: await startAssessment(ctx.services, ctx.caller, engagementParam(ctx)) };
}

/** GET /engagements/{engagementId}/recommendations: the latest assessment's, per application. */
export async function recommendations(ctx: RouteContext): Promise<RouteResult> {
  const doc = await latestAssessment(ctx.services, ctx.caller, engagementParam(ctx));
  return {
    status: 200,
    body: {
      flowId: doc.flowId,
      assessedAt: doc.assessedAt,
      recommendations: recommendationsView(doc),
      totals: doc.totals,
    },
  };
}

/** PUT /engagements/{engagementId}/recommendations/{application}/override: records it, re-assesses. */
export async function overrideRecommendation(ctx: RouteContext): Promise<RouteResult> {
  const engagementId = engagementParam(ctx);
  const body = ctx.body as { strategy: string; reason: string };
  const override = await recordOverride(ctx.services, ctx.caller, engagementId, {
    application: ctx.params.application ?? '',
    strategy: body.strategy,
    reason: body.reason,
  });
  const flow = await startAssessment(ctx.services, ctx.caller, engagementId);
  return { status: 202, body: { override, flow } };
}

/** GET /engagements/{engagementId}/waves: the latest assessment's waves. */
export async function waves(ctx: RouteContext): Promise<RouteResult> {
  const doc = await latestAssessment(ctx.services, ctx.caller, engagementParam(ctx));
  return { status: 200, body: { ...doc.waves, totals: doc.totals } };
}
