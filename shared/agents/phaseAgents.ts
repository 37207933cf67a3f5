/**
 * What the flow phases call: one function per phase, each opening an agent session for the
 * flow's tenant and engagement (a new pool per invocation), running its crew in one batched
 * request and returning what the phase merges into its outcome. Every function completes:
 * with the model, with a fallback agent, or by rules (degraded mode), and says which.
 */
import type {
  Application,
  EngagementCriteria,
  EngagementRecommendations,
  RiskFactor,
  WavePlan,
} from '#domain/assessment/index.ts';
import type { DependencyGraph } from '#domain/dependencies/index.ts';
import type { ColumnProfile, MappingResult } from '#domain/tableTypes.ts';
import type { TenantContext } from '#ports/tenant.ts';
import { AgentSession, type AgentSessionServices } from './agentSession.ts';
import type { CrewResult } from './crew.ts';
import {
  fieldMappingTasks,
  type MappingProposals,
  mergeProposals,
  unsureColumns,
} from './crews/fieldMappingCrew.ts';
import {
  dependencyReviewTask,
  keepKnownSubjects,
  type ReviewExplanations,
  riskReviewTask,
  strategyReviewTask,
  waveReviewTask,
} from './crews/reviewCrews.ts';
import type { AgentWorkspace } from './tools/toolTypes.ts';

/** The part of a phase context the agents need (PhaseContext fits). */
export interface AgentPhaseContext {
  readonly services: AgentSessionServices;
  readonly tenant: TenantContext;
  readonly flow: { readonly flowId: string; readonly engagementId: string };
}

/** How a phase's agent work was done. */
export type AgentMethod = 'llm' | 'rules' | 'mixed';

/** A review added to a phase output: explanations only, the engine's numbers unchanged. */
export interface AgentReview extends ReviewExplanations {
  readonly method: AgentMethod;
  readonly agent: string;
}

async function session(ctx: AgentPhaseContext, workspace: AgentWorkspace): Promise<AgentSession> {
  return AgentSession.open({
    services: ctx.services,
    tenant: ctx.tenant,
    engagementId: ctx.flow.engagementId,
    flowId: ctx.flow.flowId,
    workspace,
  });
}

function answeredBy(result: CrewResult, task: string): string {
  return result.tasks.find((t) => t.task === task)?.answeredBy ?? 'rules';
}

/**
 * field_mapping: the CMDB analyst and field-mapping specialist review the columns the engine
 * is unsure of. Learning proposals are noted, never applied (a user confirms them).
 */
export async function reviewFieldMappings(
  ctx: AgentPhaseContext,
  columns: readonly ColumnProfile[],
  result: MappingResult,
  threshold: number,
): Promise<{ result: MappingResult; method: AgentMethod; reviewed: number; notes: string[] }> {
  const unsure = unsureColumns(result, columns, threshold);
  if (unsure.length === 0) return { result, method: 'rules', reviewed: 0, notes: [] };
  const learned = ctx.services.mappings ? await ctx.services.mappings.list(ctx.tenant) : [];
  const s = await session(ctx, { columns, mapping: result, learned });
  const { tasks, inputs } = fieldMappingTasks(result, unsure, columns);
  const crew = await s.run(tasks, inputs);
  const notes = [...crew.notes];
  const proposals = crew.outputs.propose_mappings as MappingProposals;
  const agent = answeredBy(crew, 'propose_mappings');
  let merged = result;
  if (agent !== 'rules') {
    const outcome = mergeProposals(result, unsure, proposals, learned, agent);
    merged = outcome.result;
    if (outcome.changed.length > 0) notes.push(`agents: ${agent} mapped ${outcome.changed.join(', ')}`);
    if (outcome.refused.length > 0) notes.push(`agents: refused ${outcome.refused.slice(0, 5).join('; ')}`);
  }
  for (const p of s.proposals)
    notes.push(
      `agents: ${p.agent} proposes learning "${p.header.slice(0, 60)}" -> ${p.target ?? 'none'} (confirm with a correction)`,
    );
  return { result: merged, method: crew.method, reviewed: unsure.length, notes };
}

async function review(
  ctx: AgentPhaseContext,
  workspace: AgentWorkspace,
  built: {
    task: import('./crew.ts').Task<ReviewExplanations>;
    inputs: Record<string, unknown>;
    subjects: string[];
  },
): Promise<{ review: AgentReview; notes: string[] }> {
  const s = await session(ctx, workspace);
  const crew = await s.run([built.task], built.inputs);
  const output = keepKnownSubjects(crew.outputs[built.task.name] as ReviewExplanations, built.subjects);
  return {
    review: { ...output, method: crew.method, agent: answeredBy(crew, built.task.name) },
    notes: [...crew.notes],
  };
}

/** dependency_analysis: the dependency analyst explains move groups and cycles. */
export function reviewDependencies(ctx: AgentPhaseContext, graph: DependencyGraph) {
  return review(ctx, { graph }, dependencyReviewTask(graph));
}

/** sixr_strategy: the 6R strategist explains the recommendations. */
export function reviewStrategies(
  ctx: AgentPhaseContext,
  recommended: EngagementRecommendations,
  applications: readonly Application[],
  criteria: EngagementCriteria,
) {
  return review(
    ctx,
    { recommendations: recommended, applications, criteria },
    strategyReviewTask(recommended),
  );
}

/** risk_assessment: the risk assessor explains the risk register. */
export function reviewRisks(
  ctx: AgentPhaseContext,
  register: {
    applications: {
      application: string;
      risks: RiskFactor[];
      compliance: { framework: string; severity: string }[];
    }[];
  },
  recommended: EngagementRecommendations,
  applications: readonly Application[],
) {
  return review(ctx, { recommendations: recommended, applications }, riskReviewTask(register));
}

/** wave_planning: the 6R strategist explains the waves. */
export function reviewWaves(ctx: AgentPhaseContext, plan: WavePlan, recommended: EngagementRecommendations) {
  return review(ctx, { recommendations: recommended }, waveReviewTask(plan));
}
