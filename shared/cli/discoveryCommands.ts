/**
 * CLI commands of discovery: map, correct, discover, approve, flows, inventory, dependencies.
 */
import { importLimitsOf } from '#config/config.ts';
import { mapColumns } from '#domain/mapping/index.ts';
import { startDiscovery, storeUpload } from '#flows/discovery/startDiscovery.ts';
import {
  correctFlowMapping,
  dependencyView,
  flowMappings,
  listInventory,
  parseTarget,
  recordCorrection,
  recordRejection,
} from '#flows/engagementQueries.ts';
import { FlowOrchestrator } from '#flows/orchestrator.ts';
import { openUpload } from '#import/index.ts';
import { learnedMappingProposals } from '#memory/mappingProposals.ts';
import { memoryManagerFor } from '#memory/memoryApi.ts';
import type { FlowRecord } from '#ports/flowStore.ts';
import { resolveLimits } from '#security/tenantLimits.ts';
import { auditedCommand } from './cliAudit.ts';
import type { Io } from './output.ts';
import { UsageError } from './output.ts';
import { cliTenant, localFile, withPlatform } from './platformSession.ts';

export interface CommonOptions {
  readonly tenant: string;
  readonly json: boolean;
  readonly engagement: string;
}

/** `modernize map FILE` */
export async function mapCommand(io: Io, file: string, opts: CommonOptions): Promise<number> {
  const tenant = cliTenant(opts.tenant);
  const source = localFile(file);
  const { profile, learned, proposals } = await withPlatform(async (platform) => {
    // The tenant's limits (client record > configuration) need the platform's registry.
    const limits = importLimitsOf(await resolveLimits(platform.services, tenant.clientAccountId));
    const profile = await openUpload(source.open, source.name, limits).profile();
    io.err(`profiled ${profile.rows} rows x ${profile.columns.length} columns (${profile.format})`);
    const rules = await platform.services.mappings.list(tenant);
    const headers = profile.columns.map((c) => c.header);
    const similar = await learnedMappingProposals(
      memoryManagerFor(platform.services),
      tenant,
      headers,
      rules,
    );
    return { profile, learned: rules, proposals: similar };
  });
  const result = mapColumns(profile.columns, { learned, proposals });
  if (opts.json) {
    io.out(JSON.stringify({ kind: result.kind, mappings: result.mappings }));
  } else {
    io.out(`kind: ${result.kind}`);
    for (const m of result.mappings) {
      io.out(
        `${m.source.padEnd(40)} -> ${(m.target ?? '(custom attribute)').padEnd(24)} ${m.confidence.toFixed(2)} ${m.method}`,
      );
    }
  }
  return 0;
}

/** `modernize correct --source HEADER --target FIELD|none` (or `--reject FIELD`) */
export async function correctCommand(
  io: Io,
  args: { source?: string; target?: string; reject?: string; flow?: string },
  opts: CommonOptions,
): Promise<number> {
  if (!args.source) throw new UsageError('correct needs --source HEADER');
  if (args.target === undefined && args.reject === undefined)
    throw new UsageError('correct needs --target FIELD|none or --reject FIELD');
  const tenant = cliTenant(opts.tenant);
  const source = args.source;
  if (args.flow) {
    const flowId = args.flow;
    const reject = args.reject !== undefined;
    const target = reject ? null : parseTarget(args.target);
    const mappings = await withPlatform(async (p) => {
      const flow = await auditedCommand(
        p.services.audit,
        tenant,
        'correct',
        { flowId, source: source.slice(0, 200), [reject ? 'rejected' : 'target']: target ?? 'none' },
        () => correctFlowMapping(p.services, tenant, flowId, { source, target, reject }),
      );
      return flowMappings(p.services, tenant, flow);
    });
    io.out(
      opts.json
        ? JSON.stringify(mappings)
        : `flow ${flowId}: "${source}" -> ${target ?? 'none'} (learned for the tenant)`,
    );
    return 0;
  }
  if (args.reject !== undefined) {
    const target = parseTarget(args.reject);
    if (!target) throw new UsageError('--reject needs a field name');
    await withPlatform((p) =>
      auditedCommand(
        p.services.audit,
        tenant,
        'correct',
        { source: source.slice(0, 200), rejected: target },
        () => recordRejection(p.services, tenant, source, target),
      ),
    );
    io.out(
      opts.json
        ? JSON.stringify({ source, rejected: target })
        : `recorded: "${source}" will not map to ${target}`,
    );
    return 0;
  }
  const target = parseTarget(args.target);
  await withPlatform((p) =>
    auditedCommand(
      p.services.audit,
      tenant,
      'correct',
      { source: source.slice(0, 200), target: target ?? 'none' },
      () => recordCorrection(p.services, tenant, source, target),
    ),
  );
  io.out(opts.json ? JSON.stringify({ source, target }) : `recorded: "${source}" -> ${target ?? 'none'}`);
  return 0;
}

/** `modernize discover FILE [--engagement E] [--as-of YYYY-MM-DD] [--auto-approve]` */
export async function discoverCommand(
  io: Io,
  file: string,
  args: { asOf?: string; autoApprove?: boolean; assess?: boolean },
  opts: CommonOptions,
): Promise<number> {
  const tenant = cliTenant(opts.tenant);
  if (args.asOf !== undefined && !isIsoDate(args.asOf))
    throw new UsageError(`--as-of must be YYYY-MM-DD, got "${args.asOf}"`);
  const source = localFile(file);
  io.err(`checking ${source.name} ...`);
  const flow = await withPlatform(async (platform) => {
    const { services } = platform;
    // Checked before anything is stored, within the tenant's limits (client record > configuration).
    const limits = importLimitsOf(await resolveLimits(services, tenant.clientAccountId));
    await openUpload(source.open, source.name, limits).profile();
    const started = await auditedCommand(
      services.audit,
      tenant,
      'discover',
      { engagementId: opts.engagement, fileName: source.name },
      async () => {
        const upload = await storeUpload(services, tenant, {
          engagementId: opts.engagement,
          fileName: source.name,
          body: source.open(),
          size: source.size,
        });
        return startDiscovery(services, tenant, upload, {
          ...(args.asOf ? { asOf: args.asOf } : {}),
          ...(args.autoApprove ? { autoApprove: true } : {}),
          ...(args.assess ? { startAssessment: true } : {}),
        });
      },
      (flow) => ({ flowId: flow.flowId }),
    );
    io.err(`discovery flow ${started.flowId} started`);
    return settle(platform, tenant, started);
  });
  return printFlow(io, flow, opts.json);
}

/** Waits for the flow's current execution (and any flow it hands over to) and re-reads it. */
async function settle(
  platform: Parameters<Parameters<typeof withPlatform>[0]>[0],
  tenant: ReturnType<typeof cliTenant>,
  flow: FlowRecord,
): Promise<FlowRecord> {
  const arn = flow.executionArns.at(-1);
  if (arn) await platform.workflow.settled(arn);
  await platform.idle();
  return (await platform.services.flows.get(tenant, flow.flowId)) as FlowRecord;
}

/** Prints a flow as `discover` does; exit 1 when it failed. */
function printFlow(io: Io, flow: FlowRecord, json: boolean): number {
  const doc = flowDocument(flow);
  if (json) io.out(JSON.stringify(doc));
  else {
    io.out(`flow ${flow.flowId}: ${flow.status}`);
    for (const p of flow.phases)
      io.out(`  ${p.name.padEnd(22)} ${p.status}${p.error ? `: ${p.error.message}` : ''}`);
    for (const note of flow.notes) io.out(`  note: ${note}`);
  }
  if (flow.status === 'failed') {
    io.err(`error: phase ${flow.error?.phase ?? '?'} failed: ${flow.error?.message ?? 'unknown error'}`);
    return 1;
  }
  return 0;
}

/** `modernize approve --flow ID`: continues a flow awaiting review (after any `correct --flow` changes). */
export async function approveCommand(
  io: Io,
  flowId: string | undefined,
  opts: CommonOptions,
): Promise<number> {
  if (!flowId) throw new UsageError('approve needs --flow FLOW_ID');
  const tenant = cliTenant(opts.tenant);
  const flow = await withPlatform(async (platform) => {
    const approved = await auditedCommand(platform.services.audit, tenant, 'approve', { flowId }, () =>
      new FlowOrchestrator(platform.services).approve(tenant, flowId),
    );
    io.err(`flow ${flowId} approved; continuing from ${approved.currentPhase}`);
    return settle(platform, tenant, approved);
  });
  return printFlow(io, flow, opts.json);
}

/** `modernize flows [--engagement E]`: the engagement's flows, newest first. */
export async function flowsCommand(io: Io, opts: CommonOptions): Promise<number> {
  const tenant = cliTenant(opts.tenant);
  const flows = await withPlatform((p) =>
    new FlowOrchestrator(p.services).listFlows(tenant, { engagementId: opts.engagement }),
  );
  if (opts.json) io.out(JSON.stringify({ flows: flows.map(flowDocument) }));
  else
    for (const f of flows)
      io.out(`${f.flowId}  ${f.flowType.padEnd(11)} ${f.status.padEnd(16)} ${f.createdAt}`);
  return 0;
}

/** The `discover` JSON document: `{flowId, status, phases:[{name,status}], summary}`. */
export function flowDocument(flow: FlowRecord): Record<string, unknown> {
  return {
    flowId: flow.flowId,
    status: flow.status,
    phases: flow.phases.map((p) => ({ name: p.name, status: p.status })),
    summary: Object.fromEntries(flow.phases.filter((p) => p.result).map((p) => [p.name, p.result])),
    ...(flow.notes.length ? { notes: flow.notes } : {}),
    ...(flow.error ? { error: flow.error } : {}),
  };
}

/** `modernize inventory [--engagement E]` */
export async function inventoryCommand(io: Io, opts: CommonOptions): Promise<number> {
  const tenant = cliTenant(opts.tenant);
  const assets = await withPlatform((p) => listInventory(p.services, tenant, opts.engagement));
  if (opts.json) io.out(JSON.stringify({ assets }));
  else {
    for (const a of assets) {
      const debt = a.techDebt
        .filter((t) => t.status !== 'supported')
        .map((t) => `${t.component}:${t.status}`);
      io.out(
        `${a.name.padEnd(32)} ${a.assetType.padEnd(16)} ${(a.operatingSystem ?? '').padEnd(28)} ${debt.join(' ')}`,
      );
    }
    io.err(`${assets.length} assets`);
  }
  return 0;
}

/** `modernize dependencies [--engagement E]` */
export async function dependenciesCommand(io: Io, opts: CommonOptions): Promise<number> {
  const tenant = cliTenant(opts.tenant);
  const view = await withPlatform((p) => dependencyView(p.services, tenant, opts.engagement));
  if (opts.json) io.out(JSON.stringify(view));
  else {
    for (const e of view.edges)
      io.out(
        `${e.from} -> ${e.to} ${e.protocol ?? ''}/${e.port ?? ''} x${e.count}${e.external ? ' (external)' : ''}`,
      );
    for (const g of view.moveGroups.filter((m) => m.members.length > 1))
      io.out(`move group ${g.id}: ${g.members.join(', ')}`);
    for (const c of view.cycles) io.out(`cycle: ${c.join(' -> ')}`);
  }
  return 0;
}

function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}
