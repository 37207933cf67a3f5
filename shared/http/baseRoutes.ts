/**
 * What every route module builds on, kept light because the route table loads it at cold start:
 * the path guards (engagement, flow) and `lazyHandler`, which lets the table name a handler whose
 * code (reports, exceljs, assessment, memory, discovery phases) is imported on its first call.
 */
import * as z from 'zod/v4';
import { BadInputError, NotFoundError } from '#errors/errors.ts';
import type { FlowRecord } from '#ports/flowStore.ts';
import { isSafeId } from '#ports/tenant.ts';
import { checkEngagementAccess } from '#security/rbac.ts';
import type { RouteContext, RouteResult } from './apiTypes.ts';

/** Media type of an XLSX export (the export route documents it; its handler answers with it). */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A calendar date parameter (`asOf`), in the table's body schemas and in the upload handler. */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD');

/**
 * A handler that imports its module on the first call and then hands every call to `name` of it
 * (Node keeps the module, so later calls only await a settled promise). The route's method, path,
 * permission and schemas stay in the table: matching, validation and OpenAPI never load the module.
 *
 * @example
 * { method: 'GET', path: '/engagements/{engagementId}/report', permission: 'read', summary: '…',
 *   handler: lazyHandler(() => import('./reportRoutes.ts'), 'engagementReport') }
 */
export function lazyHandler<M, K extends keyof M>(
  load: () => Promise<M>,
  name: K & (M[K] extends (ctx: RouteContext) => Promise<RouteResult> ? K : never),
): (ctx: RouteContext) => Promise<RouteResult> {
  return async (ctx) => {
    const handler = (await load())[name] as (ctx: RouteContext) => Promise<RouteResult>;
    return handler(ctx);
  };
}

/**
 * Validates an engagement id from a user (400 otherwise). Same rule and message as
 * `checkEngagementId` of the discovery flow, which the table cannot import without loading every
 * discovery phase at cold start.
 */
export function checkEngagementId(engagementId: string): string {
  if (!isSafeId(engagementId))
    throw new BadInputError(`invalid engagement id "${engagementId.slice(0, 40)}"`);
  return engagementId;
}

/** The engagement named in the path, checked for access (404 for one the caller may not see). */
export function engagementParam(ctx: RouteContext): string {
  const id = checkEngagementId(ctx.params.engagementId ?? '');
  checkEngagementAccess(ctx.caller, id);
  return id;
}

/** Loads a flow of the caller's tenant that the caller may see (404 otherwise). */
export async function visibleFlow(ctx: RouteContext): Promise<FlowRecord> {
  const flow = await ctx.services.flows.get(ctx.caller, ctx.params.flowId ?? '');
  if (!flow) throw new NotFoundError(`flow ${ctx.params.flowId}`);
  checkEngagementAccess(ctx.caller, flow.engagementId);
  return flow;
}
