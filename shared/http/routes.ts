/**
 * The route table: one list serves API Gateway (and the CDK API stack) and the local server.
 */
import * as z from 'zod/v4';
import { agentHealthMonitorFor, agentPerformanceTrackerFor } from '#agents/agentStatus.ts';
import { importLimitsOf } from '#config/config.ts';
import { BadInputError, NotFoundError } from '#errors/errors.ts';
import {
  latestAssessment,
  recommendationsView,
  recordOverride,
} from '#flows/assessment/assessmentQueries.ts';
import { startAssessment } from '#flows/assessment/index.ts';
import {
  checkEngagementId,
  ensureEngagement,
  safeFileName,
  startDiscovery,
  storeUpload,
} from '#flows/discovery/startDiscovery.ts';
import {
  correctFlowMapping,
  dependencyView,
  flowMappings,
  listInventory,
  parseTarget,
  recordCorrection,
} from '#flows/engagementQueries.ts';
import { FlowOrchestrator } from '#flows/orchestrator.ts';
import { openUpload } from '#import/index.ts';
import {
  agentFeedbackBody,
  feedbackFromBody,
  memoryManagerFor,
  memorySearchQuery,
  memoryValidationBody,
  memoryView,
} from '#memory/memoryApi.ts';
import { FLOW_STATUSES, type FlowRecord } from '#ports/flowStore.ts';
import { objectKeys } from '#ports/objectStore.ts';
import { AUDIT_QUERY_PARAMETERS, auditResponse, parseAuditRequest } from '#security/auditExport.ts';
import { platformAuditLogFor } from '#security/auditPlatform.ts';
import { checkEngagementAccess } from '#security/rbac.ts';
import { resolveLimits } from '#security/tenantLimits.ts';
import { toCsv } from '../reports/csv.ts';
import { loadEngagementData } from '../reports/engagementData.ts';
import { EXPORT_DATASETS, type ExportDataset, exportTable } from '../reports/exportTables.ts';
import { renderEngagementReport } from '../reports/reportHtml.ts';
import { storeReport } from '../reports/reportLink.ts';
import { toXlsx } from '../reports/xlsx.ts';
import type { Route, RouteContext } from './apiTypes.ts';
import { withSamples } from './mappingReview.ts';
import { buildOpenApiDocument } from './openapi.ts';
import { userRoutes } from './userRoutes.ts';

const PRESIGN_SECONDS = 900;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD');
const correctionSchema = z.object({
  source: z.string().min(1).max(500),
  target: z.string().max(100).nullable(),
});

/** Loads a flow of the caller's tenant that the caller may see (404 otherwise). */
async function visibleFlow(ctx: RouteContext): Promise<FlowRecord> {
  const flow = await ctx.services.flows.get(ctx.caller, ctx.params.flowId ?? '');
  if (!flow) throw new NotFoundError(`flow ${ctx.params.flowId}`);
  checkEngagementAccess(ctx.caller, flow.engagementId);
  return flow;
}

/** The engagement named in the path, checked for access. */
function engagementParam(ctx: RouteContext): string {
  const id = checkEngagementId(ctx.params.engagementId ?? '');
  checkEngagementAccess(ctx.caller, id);
  return id;
}

const orchestrator = (ctx: RouteContext) => new FlowOrchestrator(ctx.services);

/** A flow's mappings as the review screen shows them, with sample values. */
async function reviewOf(ctx: RouteContext) {
  const flow = await visibleFlow(ctx);
  return withSamples(ctx.services, ctx.caller, flow, await flowMappings(ctx.services, ctx.caller, flow));
}

const EXPORT_FILE = new RegExp(`^(${EXPORT_DATASETS.join('|')})\\.(csv|xlsx)$`);
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The OpenAPI document, built once from the route table on first request. */
let openApiDocument: Record<string, unknown> | undefined;

export const routes: Route[] = [
  {
    method: 'GET',
    path: '/health',
    permission: 'public',
    summary: 'Liveness of the API.',
    handler: async () => ({ status: 200, body: { status: 'ok' } }),
  },
  {
    method: 'GET',
    path: '/engagements',
    permission: 'read',
    summary: "The caller's engagements.",
    handler: async (ctx) => {
      const all = await ctx.services.engagements.list(ctx.caller);
      const visible = all.filter((e) => {
        try {
          checkEngagementAccess(ctx.caller, e.engagementId);
          return true;
        } catch {
          return false;
        }
      });
      return { status: 200, body: { engagements: visible } };
    },
  },
  {
    method: 'POST',
    path: '/engagements',
    permission: 'manage_engagements',
    summary: 'Creates an engagement (idempotent).',
    body: z.object({ engagementId: z.string(), name: z.string().max(200).optional() }),
    handler: async (ctx) => {
      const body = ctx.body as { engagementId: string; name?: string };
      const engagementId = checkEngagementId(body.engagementId);
      const record = await ctx.services.engagements.ensure(ctx.caller, {
        engagementId,
        name: body.name ?? engagementId,
        createdAt: ctx.services.clock.now().toISOString(),
        createdBy: ctx.caller.userId,
        settings: {},
      });
      return { status: 201, body: record };
    },
  },
  {
    method: 'POST',
    path: '/engagements/{engagementId}/uploads',
    permission: 'upload',
    summary: 'A presigned PUT URL; uploading to it starts discovery.',
    body: z.object({ fileName: z.string().min(1).max(200) }),
    handler: async (ctx) => {
      const engagementId = engagementParam(ctx);
      await ensureEngagement(ctx.services, ctx.caller, engagementId);
      const uploadId = crypto.randomUUID();
      const fileName = safeFileName((ctx.body as { fileName: string }).fileName);
      const objectKey = objectKeys.upload(ctx.caller.clientAccountId, engagementId, uploadId, fileName);
      const url = await ctx.services.objects.presignPut(ctx.caller, objectKey, PRESIGN_SECONDS);
      return { status: 201, body: { uploadId, objectKey, url, expiresIn: PRESIGN_SECONDS } };
    },
  },
  {
    method: 'PUT',
    path: '/engagements/{engagementId}/files/{fileName}',
    permission: 'upload',
    summary: 'Uploads a file in the request body and starts discovery (query: asOf, autoApprove, assess).',
    rawBody: true,
    query: {
      asOf: 'YYYY-MM-DD the tech-debt analysis judges support status against (default today)',
      autoApprove: '"true" continues past mapping review',
      assess: '"true" starts an assessment when discovery completes',
    },
    handler: async (ctx) => {
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
    },
  },
  {
    method: 'GET',
    path: '/engagements/{engagementId}/uploads',
    permission: 'read',
    summary: "The engagement's uploads.",
    handler: async (ctx) => ({
      status: 200,
      body: { uploads: await ctx.services.uploads.list(ctx.caller, engagementParam(ctx)) },
    }),
  },
  {
    method: 'GET',
    path: '/engagements/{engagementId}/flows',
    permission: 'read',
    summary: "The engagement's flows (query: status, flowType).",
    query: { status: 'flow status filter', flowType: 'discovery or assessment' },
    handler: async (ctx) => {
      const status = ctx.query.status;
      if (status !== undefined && !FLOW_STATUSES.includes(status as never))
        throw new BadInputError(`unknown status ${status}`);
      const flows = await orchestrator(ctx).listFlows(ctx.caller, {
        engagementId: engagementParam(ctx),
        status: status as FlowRecord['status'] | undefined,
        flowType: ctx.query.flowType,
      });
      return { status: 200, body: { flows } };
    },
  },
  {
    method: 'POST',
    path: '/engagements/{engagementId}/flows',
    permission: 'run_flow',
    summary: 'Starts discovery of an upload already stored.',
    body: z.object({
      flowType: z.literal('discovery').default('discovery'),
      uploadId: z.string().min(1),
      asOf: isoDate.optional(),
      autoApprove: z.boolean().optional(),
      assess: z.boolean().optional(),
    }),
    handler: async (ctx) => {
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
    },
  },
  {
    method: 'GET',
    path: '/flows/{flowId}',
    permission: 'read',
    summary: 'A flow with its phases.',
    handler: async (ctx) => ({ status: 200, body: await visibleFlow(ctx) }),
  },
  {
    method: 'POST',
    path: '/flows/{flowId}/cancel',
    permission: 'run_flow',
    summary: 'Cancels an active flow.',
    handler: async (ctx) => ({
      status: 200,
      body: await orchestrator(ctx).cancel(ctx.caller, (await visibleFlow(ctx)).flowId),
    }),
  },
  {
    method: 'POST',
    path: '/flows/{flowId}/resume',
    permission: 'run_flow',
    summary: 'Resumes a failed flow from the phase that failed.',
    handler: async (ctx) => ({
      status: 202,
      body: await orchestrator(ctx).resume(ctx.caller, (await visibleFlow(ctx)).flowId),
    }),
  },
  {
    method: 'POST',
    path: '/flows/{flowId}/approve',
    permission: 'approve',
    summary: 'Approves reviewed mappings (optionally with corrections) and continues the flow.',
    body: z.object({ corrections: z.array(correctionSchema).max(1000).optional() }).default({}),
    handler: async (ctx) => {
      const flow = await visibleFlow(ctx);
      for (const c of (ctx.body as { corrections?: { source: string; target: string | null }[] })
        .corrections ?? []) {
        await correctFlowMapping(ctx.services, ctx.caller, flow.flowId, {
          source: c.source,
          target: parseTarget(c.target),
        });
      }
      return { status: 202, body: await orchestrator(ctx).approve(ctx.caller, flow.flowId) };
    },
  },
  {
    method: 'GET',
    path: '/flows/{flowId}/mappings',
    permission: 'read',
    summary:
      "A flow's field mappings with confidence, method and each column's sample values, plus the allowed targets.",
    handler: async (ctx) => ({ status: 200, body: await reviewOf(ctx) }),
  },
  {
    method: 'PUT',
    path: '/flows/{flowId}/mappings',
    permission: 'correct_mapping',
    summary:
      "Corrects one of a flow's mappings (target null keeps the column unmapped); the tenant learns it.",
    body: correctionSchema,
    handler: async (ctx) => {
      const flow = await visibleFlow(ctx);
      const body = ctx.body as { source: string; target: string | null };
      await correctFlowMapping(ctx.services, ctx.caller, flow.flowId, {
        source: body.source,
        target: parseTarget(body.target),
      });
      return { status: 200, body: await reviewOf(ctx) };
    },
  },
  {
    method: 'POST',
    path: '/flows/{flowId}/mappings/reject',
    permission: 'correct_mapping',
    summary: 'Rejects a proposed mapping; the pair is not proposed again for this tenant.',
    body: z.object({ source: z.string().min(1).max(500) }),
    handler: async (ctx) => {
      const flow = await visibleFlow(ctx);
      const { source } = ctx.body as { source: string };
      await correctFlowMapping(ctx.services, ctx.caller, flow.flowId, { source, target: null, reject: true });
      return { status: 200, body: await reviewOf(ctx) };
    },
  },
  {
    method: 'POST',
    path: '/mappings/corrections',
    permission: 'correct_mapping',
    summary: 'Teaches the tenant a header -> field correction outside any flow.',
    body: correctionSchema,
    handler: async (ctx) => {
      const body = ctx.body as { source: string; target: string | null };
      const target = parseTarget(body.target);
      await recordCorrection(ctx.services, ctx.caller, body.source, target);
      return { status: 201, body: { source: body.source, target } };
    },
  },
  {
    method: 'GET',
    path: '/engagements/{engagementId}/assets',
    permission: 'read',
    summary:
      'Inventory (query: assetType, application, environment, techDebt=eol|eol_soon|supported|unknown, q).',
    query: {
      assetType: 'asset type',
      application: 'application name',
      environment: 'environment',
      techDebt: 'eol | eol_soon | supported | unknown',
      q: 'text in name, host name or IP address',
    },
    handler: async (ctx) => {
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
    },
  },
  {
    method: 'GET',
    path: '/engagements/{engagementId}/assets/{assetId}',
    permission: 'read',
    summary: 'One asset.',
    handler: async (ctx) => {
      const asset = await ctx.services.assets.get(ctx.caller, engagementParam(ctx), ctx.params.assetId ?? '');
      if (!asset) throw new NotFoundError(`asset ${ctx.params.assetId}`);
      return { status: 200, body: asset };
    },
  },
  {
    method: 'GET',
    path: '/engagements/{engagementId}/dependencies',
    permission: 'read',
    summary: 'Dependency edges, move groups and cycles.',
    handler: async (ctx) => ({
      status: 200,
      body: await dependencyView(ctx.services, ctx.caller, engagementParam(ctx)),
    }),
  },
  {
    method: 'PUT',
    path: '/engagements/{engagementId}/criteria',
    permission: 'override',
    summary: "Sets the engagement's assessment criteria, business goals (1-5), rates and wave caps.",
    body: z.object({
      criteria: z.record(z.string(), z.unknown()).optional(),
      waves: z
        .object({
          maxApplicationsPerWave: z.number().int().positive().optional(),
          maxServersPerWave: z.number().int().positive().optional(),
          pilotSize: z.number().int().min(0).optional(),
          parallelWaves: z.number().int().positive().optional(),
        })
        .optional(),
    }),
    handler: async (ctx) => {
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
    },
  },
  {
    method: 'POST',
    path: '/engagements/{engagementId}/assessments',
    permission: 'run_flow',
    summary: 'Starts an assessment flow (needs a completed discovery of the engagement).',
    handler: async (ctx) => ({
      status: 202,
      body: await startAssessment(ctx.services, ctx.caller, engagementParam(ctx)),
    }),
  },
  {
    method: 'GET',
    path: '/engagements/{engagementId}/recommendations',
    permission: 'read',
    summary: "The latest assessment's recommendation per application.",
    handler: async (ctx) => {
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
    },
  },
  {
    method: 'PUT',
    path: '/engagements/{engagementId}/recommendations/{application}/override',
    permission: 'override',
    summary: "Overrides an application's strategy (who and why recorded) and starts a re-assessment.",
    body: z.object({ strategy: z.string().min(1).max(30), reason: z.string().min(1).max(1000) }),
    handler: async (ctx) => {
      const engagementId = engagementParam(ctx);
      const body = ctx.body as { strategy: string; reason: string };
      const override = await recordOverride(ctx.services, ctx.caller, engagementId, {
        application: ctx.params.application ?? '',
        strategy: body.strategy,
        reason: body.reason,
      });
      const flow = await startAssessment(ctx.services, ctx.caller, engagementId);
      return { status: 202, body: { override, flow } };
    },
  },
  {
    method: 'GET',
    path: '/engagements/{engagementId}/waves',
    permission: 'read',
    summary: "The latest assessment's waves, ready to draw as a timeline.",
    handler: async (ctx) => {
      const doc = await latestAssessment(ctx.services, ctx.caller, engagementParam(ctx));
      return { status: 200, body: { ...doc.waves, totals: doc.totals } };
    },
  },
  {
    method: 'GET',
    path: '/engagements/{engagementId}/report',
    permission: 'read',
    summary:
      'The engagement report as one self-contained HTML file; with ?format=url it is stored under the engagement and a presigned link returned.',
    produces: ['text/html', 'application/json'],
    query: { format: '"url" returns {url} to the stored report instead of the HTML' },
    handler: async (ctx) => {
      const engagementId = engagementParam(ctx);
      const format = ctx.query.format;
      if (format !== undefined && format !== 'url' && format !== 'html')
        throw new BadInputError('format must be html or url');
      const data = await loadEngagementData(ctx.services, ctx.caller, engagementId);
      const html = renderEngagementReport(data);
      if (format === 'url')
        return {
          status: 200,
          body: await storeReport(ctx.services, ctx.caller, engagementId, html, data.generatedAt),
        };
      return { status: 200, body: html, headers: { 'content-type': 'text/html; charset=utf-8' } };
    },
  },
  {
    method: 'GET',
    path: '/engagements/{engagementId}/exports/{fileName}',
    permission: 'read',
    summary:
      'Exports a dataset as a spreadsheet: fileName is inventory|dependencies|recommendations|waves followed by .csv or .xlsx.',
    produces: ['text/csv', XLSX_TYPE],
    handler: async (ctx) => {
      const engagementId = engagementParam(ctx);
      const m = EXPORT_FILE.exec(ctx.params.fileName ?? '');
      if (!m) throw new NotFoundError(`export ${String(ctx.params.fileName).slice(0, 60)}`);
      const dataset = m[1] as ExportDataset;
      const format = m[2] as 'csv' | 'xlsx';
      const table = exportTable(dataset, await loadEngagementData(ctx.services, ctx.caller, engagementId));
      const disposition = `attachment; filename="${engagementId}-${dataset}.${format}"`;
      return format === 'csv'
        ? {
            status: 200,
            body: toCsv(table),
            headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': disposition },
          }
        : {
            status: 200,
            body: await toXlsx([table]),
            headers: { 'content-type': XLSX_TYPE, 'content-disposition': disposition },
          };
    },
  },
  {
    method: 'GET',
    path: '/memories',
    permission: 'read',
    summary: "Semantic search of the tenant's agent memories, best first (stale ones never surface).",
    query: {
      q: 'what to look for (text)',
      agentType: "only this agent's memories",
      type: 'pattern | decision | feedback | knowledge | error | success',
      limit: '1-100, default 10',
    },
    handler: async (ctx) => {
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
    },
  },
  {
    method: 'POST',
    path: '/memories/{memoryId}/feedback',
    permission: 'correct_mapping',
    summary: 'Validates or invalidates a memory (an invalidated memory no longer surfaces).',
    body: memoryValidationBody,
    handler: async (ctx) => {
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
    },
  },
  {
    method: 'POST',
    path: '/feedback',
    permission: 'correct_mapping',
    summary:
      "Feedback on an agent's work: corrections, success metrics, improvements; the agent learns from it.",
    body: agentFeedbackBody,
    handler: async (ctx) => {
      const { agentType, feedback } = feedbackFromBody(ctx.body as never);
      const outcome = await memoryManagerFor(ctx.services).learnFromFeedback(ctx.caller, agentType, feedback);
      return {
        status: 201,
        body: {
          stored: outcome.stored.map((r) => memoryView(r)),
          adjusted: outcome.adjusted.map((r) => memoryView(r)),
        },
      };
    },
  },
  {
    method: 'GET',
    path: '/agents/health',
    permission: 'read',
    summary:
      "Agent health of the caller's tenant: model reachable, memory reachable, tools per agent type, recommendations.",
    handler: async (ctx) => ({
      status: 200,
      body: await agentHealthMonitorFor(ctx.services).check(ctx.caller),
    }),
  },
  {
    method: 'GET',
    path: '/agents/performance',
    permission: 'read',
    summary:
      "Agent performance of the caller's tenant: executions, success rate, durations, error patterns, learning progress.",
    query: { engagementId: 'only this engagement (default: all the caller may see)' },
    handler: async (ctx) => {
      const engagementId = ctx.query.engagementId ? checkEngagementId(ctx.query.engagementId) : undefined;
      if (engagementId) checkEngagementAccess(ctx.caller, engagementId);
      const admin = ctx.caller.roles.includes('client_admin') || ctx.caller.roles.includes('platform_admin');
      const engagementIds = engagementId ? [engagementId] : admin ? undefined : ctx.caller.engagements;
      const report = await agentPerformanceTrackerFor(ctx.services).report(
        ctx.caller,
        engagementIds ? { engagementIds } : {},
      );
      return { status: 200, body: report };
    },
  },
  {
    method: 'GET',
    path: '/audit',
    permission: 'view_audit',
    summary:
      "The tenant's audit log, oldest first (mutations, denials, approvals, agent tool calls, CLI commands); pages of JSON or a CSV export.",
    query: AUDIT_QUERY_PARAMETERS,
    produces: ['text/csv'],
    handler: async (ctx) =>
      auditResponse(
        parseAuditRequest(ctx.query),
        (query) => ctx.services.audit.list(ctx.caller, query),
        `audit-${ctx.caller.clientAccountId}`,
        ctx.services.clock.now(),
      ),
  },
  {
    method: 'GET',
    path: '/platform/audit',
    permission: 'administer_clients',
    summary:
      'The platform audit log (platform admins): requests refused before any tenant was proven (401), with reason code, route, source IP and user agent; never the token.',
    query: AUDIT_QUERY_PARAMETERS,
    produces: ['text/csv'],
    handler: async (ctx) =>
      auditResponse(
        parseAuditRequest(ctx.query),
        (query) => platformAuditLogFor(ctx.services.config).list(query),
        'platform-audit',
        ctx.services.clock.now(),
      ),
  },
  {
    method: 'GET',
    path: '/openapi.json',
    permission: 'public',
    summary: 'This API described as OpenAPI 3.1, generated from the route table and its schemas.',
    handler: async () => {
      openApiDocument ??= buildOpenApiDocument(routes);
      return { status: 200, body: openApiDocument };
    },
  },
  ...userRoutes,
];
