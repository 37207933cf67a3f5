/**
 * CLI commands of assessment: assess, waves, override.
 */

import {
  latestAssessment,
  recommendationsView,
  recordOverride,
} from '#flows/assessment/assessmentQueries.ts';
import { startAssessment } from '#flows/assessment/index.ts';
import { auditedCommand } from './cliAudit.ts';
import type { CommonOptions } from './discoveryCommands.ts';
import type { Io } from './output.ts';
import { UsageError } from './output.ts';
import { cliTenant, withPlatform } from './platformSession.ts';

/** `modernize assess [--engagement E]`: runs the assessment flow and prints the recommendations. */
export async function assessCommand(io: Io, opts: CommonOptions): Promise<number> {
  const tenant = cliTenant(opts.tenant);
  const result = await withPlatform(async (platform) => {
    const flow = await auditedCommand(
      platform.services.audit,
      tenant,
      'assess',
      { engagementId: opts.engagement },
      () => startAssessment(platform.services, tenant, opts.engagement),
      (started) => ({ flowId: started.flowId }),
    );
    io.err(`assessment flow ${flow.flowId} started`);
    await platform.workflow.settled(flow.executionArns.at(-1) as string);
    const done = await platform.services.flows.get(tenant, flow.flowId);
    if (done?.status !== 'completed') return { flow: done, doc: null };
    return { flow: done, doc: await latestAssessment(platform.services, tenant, opts.engagement) };
  });
  if (!result.doc) {
    io.err(
      `error: phase ${result.flow?.error?.phase ?? '?'} failed: ${result.flow?.error?.message ?? 'unknown error'}`,
    );
    return 1;
  }
  const recommendations = recommendationsView(result.doc);
  if (opts.json)
    io.out(JSON.stringify({ flowId: result.flow?.flowId, recommendations, totals: result.doc.totals }));
  else {
    for (const r of recommendations) {
      io.out(
        `${r.application.padEnd(36)} ${r.strategy.padEnd(12)} ${r.confidence.toFixed(2)}  ${r.rationale.slice(0, 100)}`,
      );
    }
    io.err(`${recommendations.length} applications assessed`);
  }
  return 0;
}

/** `modernize waves [--engagement E]`: the latest assessment's wave plan. */
export async function wavesCommand(io: Io, opts: CommonOptions): Promise<number> {
  const tenant = cliTenant(opts.tenant);
  const doc = await withPlatform((p) => latestAssessment(p.services, tenant, opts.engagement));
  if (opts.json) io.out(JSON.stringify({ ...doc.waves, totals: doc.totals }));
  else {
    for (const w of doc.waves.waves) {
      io.out(
        `${w.name.padEnd(20)} week ${String(w.startWeek).padStart(3)} +${w.durationWeeks}w  ${w.applications.length} apps, ${w.servers} servers`,
      );
    }
    for (const n of doc.waves.notMigrated) io.out(`not migrated: ${n.application} (${n.strategy})`);
  }
  return 0;
}

/** `modernize override --application A --strategy S --reason R`: records the decision and re-assesses. */
export async function overrideCommand(
  io: Io,
  args: { application?: string; strategy?: string; reason?: string },
  opts: CommonOptions,
): Promise<number> {
  if (!args.application || !args.strategy || !args.reason) {
    throw new UsageError('override needs --application A --strategy S --reason "why"');
  }
  const tenant = cliTenant(opts.tenant);
  const override = await withPlatform((p) =>
    auditedCommand(
      p.services.audit,
      tenant,
      'override',
      {
        engagementId: opts.engagement,
        application: (args.application as string).slice(0, 200),
        strategy: (args.strategy as string).slice(0, 40),
      },
      () =>
        recordOverride(p.services, tenant, opts.engagement, {
          application: args.application as string,
          strategy: args.strategy as string,
          reason: args.reason as string,
        }),
    ),
  );
  io.err(`override recorded for ${override.application}: ${override.strategy}; re-assessing`);
  return assessCommand(io, opts);
}
