/**
 * bench/assessment: assesses 5,000 applications (20,000 assets, ~50,000 edges) on the embedded
 * platform — assets in dynalite, the dependency document in s3rver, the real
 * statemachines/assessment.asl.json in the local interpreter — and prints the time per
 * application, against the bare engines (assessEngagement in memory) in the same run.
 * Run: npx node bench/assessment.ts [applications]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedPlatform } from '#adapters/local/embeddedPlatform.ts';
import { assessEngagement } from '#domain/assessment/index.ts';
import '#flows/registerFlows.ts';
import { startAssessment } from '#flows/assessment/index.ts';
import { dependencyDocKey } from '#flows/discovery/analysisPhases.ts';
import { FlowOrchestrator } from '#flows/orchestrator.ts';
import { syntheticEstate } from '../test/support/syntheticEstate.ts';

const APPS = Number(process.argv[2] ?? 5_000);

const estate = syntheticEstate(APPS);
console.log(
  `bench/assessment: ${APPS} applications, ${estate.assets.length} assets, ${estate.edges.length} edges`,
);

const engineStart = performance.now();
const bare = assessEngagement(estate.assets, estate.edges, estate.moveGroups);
const engineMs = performance.now() - engineStart;

const home = mkdtempSync(join(tmpdir(), 'bench-assess-'));
const platform = await EmbeddedPlatform.start({ home, inMemory: true, s3Events: false });
try {
  const tenant = { clientAccountId: 'bench', userId: 'bench', roles: ['analyst' as const] };
  const { services } = platform;
  const setupStart = performance.now();
  await services.assets.putMany(tenant, 'e1', estate.assets);
  await services.objects.put(
    tenant,
    dependencyDocKey('bench', 'e1'),
    JSON.stringify({ edges: estate.edges, moveGroups: estate.moveGroups }),
  );
  const orchestrator = new FlowOrchestrator(services);
  const discovery = await orchestrator.createFlow(tenant, { flowType: 'discovery', engagementId: 'e1' });
  await services.flows.update(tenant, discovery.flowId, (f) => {
    f.status = 'completed';
  });
  const setupMs = performance.now() - setupStart;

  const flowStart = performance.now();
  const flow = await startAssessment(services, tenant, 'e1');
  await platform.workflow.settled(flow.executionArns.at(-1) as string);
  const flowMs = performance.now() - flowStart;
  const done = await services.flows.get(tenant, flow.flowId);
  const assessed = done?.phases.find((p) => p.name === 'sixr_strategy')?.result?.applications;

  console.log(`setup (write ${estate.assets.length} assets)          ${(setupMs / 1000).toFixed(1)} s`);
  console.log(
    `engines in memory (baseline)        ${(engineMs / APPS).toFixed(3)} ms/application  (${bare.applications.length} apps)`,
  );
  console.log(
    `assessment flow on the platform     ${(flowMs / APPS).toFixed(3)} ms/application  (${assessed} apps, status ${done?.status})  ratio ${(flowMs / engineMs).toFixed(2)}x the engines`,
  );
  for (const p of done?.phases ?? []) console.log(`  ${p.name.padEnd(18)} ${p.durationMs} ms`);
  if (done?.status !== 'completed' || assessed !== bare.applications.length) process.exitCode = 1;
} finally {
  await platform.stop();
  rmSync(home, { recursive: true, force: true });
}
