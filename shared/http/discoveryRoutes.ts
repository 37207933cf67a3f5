/**
 * Handlers of the routes over discovery's results: a flow's mapping review (read, correct, reject,
 * approve), corrections outside a flow, the inventory and the dependencies. They reach the import
 * and analysis phases and the memory hooks, which the table loads on the first such request.
 */
import {
  correctFlowMapping,
  dependencyView,
  flowMappings,
  listInventory,
  parseTarget,
  recordCorrection,
} from '#flows/engagementQueries.ts';
import { FlowOrchestrator } from '#flows/orchestrator.ts';
import type { RouteContext, RouteResult } from './apiTypes.ts';
import { engagementParam, visibleFlow } from './baseRoutes.ts';
import { withSamples } from './mappingReview.ts';

/** A flow's mappings as the review screen shows them, with sample values. */
async function reviewOf(ctx: RouteContext) {
  const flow = await visibleFlow(ctx);
  return withSamples(ctx.services, ctx.caller, flow, await flowMappings(ctx.services, ctx.caller, flow));
}

/** POST /flows/{flowId}/approve: applies the corrections, then continues the flow. */
export async function approveFlow(ctx: RouteContext): Promise<RouteResult> {
  const flow = await visibleFlow(ctx);
  for (const c of (ctx.body as { corrections?: { source: string; target: string | null }[] }).corrections ??
    []) {
    await correctFlowMapping(ctx.services, ctx.caller, flow.flowId, {
      source: c.source,
      target: parseTarget(c.target),
    });
  }
  return { status: 202, body: await new FlowOrchestrator(ctx.services).approve(ctx.caller, flow.flowId) };
}

/** GET /flows/{flowId}/mappings. */
export async function mappingReview(ctx: RouteContext): Promise<RouteResult> {
  return { status: 200, body: await reviewOf(ctx) };
}

/** PUT /flows/{flowId}/mappings: corrects one mapping (the tenant learns it). */
export async function correctMapping(ctx: RouteContext): Promise<RouteResult> {
  const flow = await visibleFlow(ctx);
  const body = ctx.body as { source: string; target: string | null };
  await correctFlowMapping(ctx.services, ctx.caller, flow.flowId, {
    source: body.source,
    target: parseTarget(body.target),
  });
  return { status: 200, body: await reviewOf(ctx) };
}

/** POST /flows/{flowId}/mappings/reject: the pair is not proposed again for this tenant. */
export async function rejectMapping(ctx: RouteContext): Promise<RouteResult> {
  const flow = await visibleFlow(ctx);
  const { source } = ctx.body as { source: string };
  await correctFlowMapping(ctx.services, ctx.caller, flow.flowId, { source, target: null, reject: true });
  return { status: 200, body: await reviewOf(ctx) };
}

/** POST /mappings/corrections: a header -> field correction outside any flow. */
export async function teachCorrection(ctx: RouteContext): Promise<RouteResult> {
  const body = ctx.body as { source: string; target: string | null };
  const target = parseTarget(body.target);
  await recordCorrection(ctx.services, ctx.caller, body.source, target);
  return { status: 201, body: { source: body.source, target } };
}

/** GET /engagements/{engagementId}/assets: the inventory, filtered by the query. */
export async function inventory(ctx: RouteContext): Promise<RouteResult> {
  const { assetType, application, environment, techDebt, q } = ctx.query;
  const needle = q?.toLowerCase();
  const assets = (await listInventory(ctx.services, ctx.caller, engagementParam(ctx))).filter(
    (a) =>
      (!assetType || a.assetType === assetType) &&
      (!application || a.application === application) &&
      (!environment || a.environment === environment) &&
      (!techDebt || a.techDebt.some((t) => t.status === techDebt)) &&
      (!needle ||
        `${a.name} ${a.hostname ?? ''} ${(a.ipAddress ?? []).join(' ')}`.toLowerCase().includes(needle)),
  );
  return { status: 200, body: { assets } };
}

/** GET /engagements/{engagementId}/dependencies: edges, move groups and cycles. */
export async function dependencies(ctx: RouteContext): Promise<RouteResult> {
  return { status: 200, body: await dependencyView(ctx.services, ctx.caller, engagementParam(ctx)) };
}
