/**
 * `modernize health [--tenant T] [--json]`: the agent health report of a tenant (model, memory
 * and tools per agent type, recommendations) with its agents' performance figures, from the
 * embedded platform under $MODERNIZE_HOME. Exit code 1 when unhealthy (a script can alert on
 * it); degraded (e.g. no LLM key) is still 0, since the rules do the work.
 */
import { agentHealthMonitorFor, agentPerformanceTrackerFor } from '#agents/agentStatus.ts';
import type { AgentHealthReport } from '#agents/healthMonitor.ts';
import type { PerformanceReport } from '#agents/performanceTracker.ts';
import type { CommonOptions } from './discoveryCommands.ts';
import type { Io } from './output.ts';
import { cliTenant, withPlatform } from './platformSession.ts';

/** Human text of a health report. */
export function healthText(report: AgentHealthReport, performance: PerformanceReport): string {
  const pct = (x: number | null) => (x === null ? '-' : `${Math.round(x * 100)}%`);
  const lines = [
    `agent health of ${report.clientAccountId}: ${report.status.toUpperCase()} (${report.checkedAt})`,
    `  model ${report.model.model}: ${report.model.status}${report.model.reason ? ` - ${report.model.reason}` : ''}`,
    `  memory: ${report.memory.status}${report.memory.reason ? ` - ${report.memory.reason}` : ''}`,
  ];
  for (const a of report.agents) {
    const perf = performance.agents.find((p) => p.agent === a.agent);
    lines.push(
      `  ${a.agent}: ${a.status} (model ${a.model}, memory ${a.memory}, tools ${a.tools.status}` +
        `${perf ? `; ${perf.executions} runs, ${pct(perf.successRate)} success, p95 ${perf.p95DurationMs ?? '-'} ms` : ''})`,
    );
  }
  const learning = performance.learning;
  lines.push(
    `  learning: ${pct(learning.acceptedShare)} of mappings accepted without correction (${learning.trend})`,
  );
  for (const r of report.recommendations) lines.push(`  - ${r}`);
  return lines.join('\n');
}

export async function healthCommand(io: Io, opts: CommonOptions): Promise<number> {
  const tenant = cliTenant(opts.tenant);
  const { report, performance } = await withPlatform(async (platform) => {
    const [report, performance] = await Promise.all([
      agentHealthMonitorFor(platform.services).check(tenant),
      agentPerformanceTrackerFor(platform.services).report(tenant),
    ]);
    return { report, performance };
  });
  io.out(opts.json ? JSON.stringify({ ...report, performance }) : healthText(report, performance));
  return report.status === 'unhealthy' ? 1 : 0;
}
