/**
 * Handlers of the upload routes (presigned PUT, file upload, discovery start): they reach the
 * discovery flow, whose phases and import code the table loads only when an upload arrives.
 */
import { importLimitsOf } from '#config/config.ts';
import { BadInputError, NotFoundError } from '#errors/errors.ts';
import {
  ensureEngagement,
  safeFileName,
  startDiscovery,
  storeUpload,
} from '#flows/discovery/startDiscovery.ts';
import { openUpload } from '#import/index.ts';
import { objectKeys } from '#ports/objectStore.ts';
import { resolveLimits } from '#security/tenantLimits.ts';
import type { RouteContext, RouteResult } from './apiTypes.ts';
import { engagementParam, isoDate } from './baseRoutes.ts';

const PRESIGN_SECONDS = 900;

/** POST /engagements/{engagementId}/uploads: a presigned PUT URL under the engagement. */
export async function createUploadUrl(ctx: RouteContext): Promise<RouteResult> {
  const engagementId = engagementParam(ctx);
  await ensureEngagement(ctx.services, ctx.caller, engagementId);
  const uploadId = crypto.randomUUID();
  const fileName = safeFileName((ctx.body as { fileName: string }).fileName);
  const objectKey = objectKeys.upload(ctx.caller.clientAccountId, engagementId, uploadId, fileName);
  const url = await ctx.services.objects.presignPut(ctx.caller, objectKey, PRESIGN_SECONDS);
  return { status: 201, body: { uploadId, objectKey, url, expiresIn: PRESIGN_SECONDS } };
}

/** PUT /engagements/{engagementId}/files/{fileName}: profiles, stores and starts discovery of a file. */
export async function putFile(ctx: RouteContext): Promise<RouteResult> {
  const engagementId = engagementParam(ctx);
  const asOf = ctx.query.asOf;
  if (asOf !== undefined && !isoDate.safeParse(asOf).success)
    throw new BadInputError('asOf must be YYYY-MM-DD');
  const bytes = ctx.rawBody;
  const fileName = ctx.params.fileName ?? 'upload';
  await openUpload(
    async function* () {
      yield bytes;
    },
    fileName,
    importLimitsOf(await resolveLimits(ctx.services, ctx.caller.clientAccountId)),
  ).profile();
  const upload = await storeUpload(ctx.services, ctx.caller, {
    engagementId,
    fileName,
    body: bytes,
    size: bytes.length,
  });
  const flow = await startDiscovery(ctx.services, ctx.caller, upload, {
    ...(asOf ? { asOf } : {}),
    ...(ctx.query.autoApprove === 'true' ? { autoApprove: true } : {}),
    ...(ctx.query.assess === 'true' ? { startAssessment: true } : {}),
  });
  return { status: 202, body: { upload, flow } };
}

/** POST /engagements/{engagementId}/flows: starts discovery of an upload already stored. */
export async function startDiscoveryFlow(ctx: RouteContext): Promise<RouteResult> {
  const engagementId = engagementParam(ctx);
  const body = ctx.body as { uploadId: string; asOf?: string; autoApprove?: boolean; assess?: boolean };
  const upload = await ctx.services.uploads.get(ctx.caller, engagementId, body.uploadId);
  if (!upload) throw new NotFoundError(`upload ${body.uploadId}`);
  const flow = await startDiscovery(ctx.services, ctx.caller, upload, {
    ...(body.asOf ? { asOf: body.asOf } : {}),
    ...(body.autoApprove ? { autoApprove: true } : {}),
    ...(body.assess ? { startAssessment: true } : {}),
  });
  return { status: 202, body: flow };
}
