/**
 * The route table: one list serves API Gateway (and the CDK API stack) and the local server. Each
 * entry holds what matching, validation and OpenAPI need (method, path, permission, schemas,
 * summary); the handlers of heavy areas (uploads and discovery results, assessment, reports and
 * exports, agent memory, users and clients) sit in per-area modules that `lazyHandler` imports on
 * a route's first call, so the API's cold start loads only the table and the light handlers.
 */
import * as z from 'zod/v4';
import { BadInputError, NotFoundError } from '#errors/errors.ts';
import { FlowOrchestrator } from '#flows/orchestrator.ts';
import { agentFeedbackBody, memoryValidationBody } from '#memory/memorySchemas.ts';
import { FLOW_STATUSES, type FlowRecord } from '#ports/flowStore.ts';
import { AUDIT_QUERY_PARAMETERS, auditResponse, parseAuditRequest } from '#security/auditExport.ts';
import { platformAuditLogFor } from '#security/auditPlatform.ts';
import { checkEngagementAccess } from '#security/rbac.ts';
import type { Route, RouteContext } from './apiTypes.ts';
import {
  checkEngagementId,
  engagementParam,
  isoDate,
  lazyHandler,
  visibleFlow,
  XLSX_TYPE,
} from './baseRoutes.ts';
import { userRoutes } from './userRoutes.ts';

const correctionSchema = z.object({
  source: z.string().min(1).max(500),
  target: z.string().max(100).nullable(),
});

const orchestrator = (ctx: RouteContext) => new FlowOrchestrator(ctx.services);

const uploads = () => import('./uploadRoutes.ts');
const discovery = () => import('./discoveryRoutes.ts');
const assessment = () => import('./assessmentRoutes.ts');
const reports = () => import('./reportRoutes.ts');
const memory = () => import('./memoryRoutes.ts');

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
    handler: lazyHandler(uploads, 'createUploadUrl'),
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
    handler: lazyHandler(uploads, 'putFile'),
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
    handler: lazyHandler(uploads, 'startDiscoveryFlow'),
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
    handler: lazyHandler(discovery, 'approveFlow'),
  },
  {
    method: 'GET',
    path: '/flows/{flowId}/mappings',
    permission: 'read',
    summary:
      "A flow's field mappings with confidence, method and each column's sample values, plus the allowed targets.",
    handler: lazyHandler(discovery, 'mappingReview'),
  },
  {
    method: 'PUT',
    path: '/flows/{flowId}/mappings',
    permission: 'correct_mapping',
    summary:
      "Corrects one of a flow's mappings (target null keeps the column unmapped); the tenant learns it.",
    body: correctionSchema,
    handler: lazyHandler(discovery, 'correctMapping'),
  },
  {
    method: 'POST',
    path: '/flows/{flowId}/mappings/reject',
    permission: 'correct_mapping',
    summary: 'Rejects a proposed mapping; the pair is not proposed again for this tenant.',
    body: z.object({ source: z.string().min(1).max(500) }),
    handler: lazyHandler(discovery, 'rejectMapping'),
  },
  {
    method: 'POST',
    path: '/mappings/corrections',
    permission: 'correct_mapping',
    summary: 'Teaches the tenant a header -> field correction outside any flow.',
    body: correctionSchema,
    handler: lazyHandler(discovery, 'teachCorrection'),
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
    handler: lazyHandler(discovery, 'inventory'),
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
    handler: lazyHandler(discovery, 'dependencies'),
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
    handler: lazyHandler(assessment, 'setCriteria'),
  },
  {
    method: 'POST',
    path: '/engagements/{engagementId}/assessments',
    permission: 'run_flow',
    summary: 'Starts an assessment flow (needs a completed discovery of the engagement).',
    handler: lazyHandler(assessment, 'startAssessmentFlow'),
  },
  {
    method: 'GET',
    path: '/engagements/{engagementId}/recommendations',
    permission: 'read',
    summary: "The latest assessment's recommendation per application.",
    handler: lazyHandler(assessment, 'recommendations'),
  },
  {
    method: 'PUT',
    path: '/engagements/{engagementId}/recommendations/{application}/override',
    permission: 'override',
    summary: "Overrides an application's strategy (who and why recorded) and starts a re-assessment.",
    body: z.object({ strategy: z.string().min(1).max(30), reason: z.string().min(1).max(1000) }),
    handler: lazyHandler(assessment, 'overrideRecommendation'),
  },
  {
    method: 'GET',
    path: '/engagements/{engagementId}/waves',
    permission: 'read',
    summary: "The latest assessment's waves, ready to draw as a timeline.",
    handler: lazyHandler(assessment, 'waves'),
  },
  {
    method: 'GET',
    path: '/engagements/{engagementId}/report',
    permission: 'read',
    summary:
      'The engagement report as one self-contained HTML file; with ?format=url it is stored under the engagement and a presigned link returned.',
    produces: ['text/html', 'application/json'],
    query: { format: '"url" returns {url} to the stored report instead of the HTML' },
    handler: lazyHandler(reports, 'engagementReport'),
  },
  {
    method: 'GET',
    path: '/engagements/{engagementId}/exports/{fileName}',
    permission: 'read',
    summary:
      'Exports a dataset as a spreadsheet: fileName is inventory|dependencies|recommendations|waves followed by .csv or .xlsx.',
    produces: ['text/csv', XLSX_TYPE],
    handler: lazyHandler(reports, 'exportDataset'),
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
    handler: lazyHandler(memory, 'searchMemories'),
  },
  {
    method: 'POST',
    path: '/memories/{memoryId}/feedback',
    permission: 'correct_mapping',
    summary: 'Validates or invalidates a memory (an invalidated memory no longer surfaces).',
    body: memoryValidationBody,
    handler: lazyHandler(memory, 'memoryFeedback'),
  },
  {
    method: 'POST',
    path: '/feedback',
    permission: 'correct_mapping',
    summary:
      "Feedback on an agent's work: corrections, success metrics, improvements; the agent learns from it.",
    body: agentFeedbackBody,
    handler: lazyHandler(memory, 'agentFeedback'),
  },
  {
    method: 'GET',
    path: '/agents/health',
    permission: 'read',
    summary:
      "Agent health of the caller's tenant: model reachable, memory reachable, tools per agent type, recommendations.",
    handler: lazyHandler(memory, 'agentHealth'),
  },
  {
    method: 'GET',
    path: '/agents/performance',
    permission: 'read',
    summary:
      "Agent performance of the caller's tenant: executions, success rate, durations, error patterns, learning progress.",
    query: { engagementId: 'only this engagement (default: all the caller may see)' },
    handler: lazyHandler(memory, 'agentPerformance'),
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
      // The OpenAPI builder (with the asset schema's JSON Schema) loads on the first request for it.
      openApiDocument ??= (await import('./openapi.ts')).buildOpenApiDocument(routes);
      return { status: 200, body: openApiDocument };
    },
  },
  ...userRoutes,
];
