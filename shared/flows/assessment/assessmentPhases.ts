/**
 * The assessment flow's phases: sixr_strategy, risk_assessment, wave_planning.
 */

import { reviewRisks, reviewStrategies, reviewWaves } from '#agents/phaseAgents.ts';
import {
  type ComplianceFinding,
  checkCompliance,
  type EngagementRecommendations,
  groupApplications,
  planEngagement,
  type RiskFactor,
  recommendApplications,
} from '#domain/assessment/index.ts';
import { readPhaseOutput } from '../discovery/phaseOutputs.ts';
import type { PhaseContext, PhaseOutcome } from '../flowRegistry.ts';
import { assessmentDocKey, loadAssessmentInputs } from './assessmentInputs.ts';

export async function sixrStrategy(ctx: PhaseContext): Promise<PhaseOutcome> {
  const inputs = await loadAssessmentInputs(ctx.services, ctx.tenant, ctx.flow.engagementId);
  const apps = groupApplications(inputs.assets, inputs.edges, inputs.moveGroups);
  const recommended = recommendApplications(apps, inputs.criteria, inputs.overrides, {
    decisionHistory: inputs.decisionHistory,
  });
  const agents = await reviewStrategies(ctx, recommended, apps, inputs.criteria);
  const counts: Record<string, number> = {};
  for (const a of recommended.applications)
    counts[a.primary_recommendation] = (counts[a.primary_recommendation] ?? 0) + 1;
  return {
    summary: {
      applications: recommended.applications.length,
      servers: recommended.servers,
      overridden: recommended.applications.filter((a) => a.overridden).length,
      byStrategy: counts,
      method: 'rules',
      review: agents.review.method,
    },
    output: { ...recommended, review: agents.review },
    notes: agents.notes,
  };
}

/** The engagement's risk register: every application's risks and compliance findings. */
export interface RiskRegister {
  applications: { application: string; risks: RiskFactor[]; compliance: ComplianceFinding[] }[];
  bySeverity: Record<string, number>;
  byCategory: Record<string, number>;
}

export async function riskAssessment(ctx: PhaseContext): Promise<PhaseOutcome> {
  const recommended = await readPhaseOutput<EngagementRecommendations>(ctx, 'sixr_strategy');
  const inputs = await loadAssessmentInputs(ctx.services, ctx.tenant, ctx.flow.engagementId);
  const apps = new Map(
    groupApplications(inputs.assets, inputs.edges, inputs.moveGroups).map((a) => [a.name, a]),
  );
  const register: RiskRegister = { applications: [], bySeverity: {}, byCategory: {} };
  for (const analysis of recommended.applications) {
    const app = apps.get(analysis.application);
    const compliance = app ? checkCompliance(app) : [];
    register.applications.push({
      application: analysis.application,
      risks: analysis.risk_factors,
      compliance,
    });
    for (const r of analysis.risk_factors) {
      register.bySeverity[r.severity] = (register.bySeverity[r.severity] ?? 0) + 1;
      register.byCategory[r.category] = (register.byCategory[r.category] ?? 0) + 1;
    }
  }
  const agents = await reviewRisks(ctx, register, recommended, [...apps.values()]);
  return {
    summary: {
      applications: register.applications.length,
      bySeverity: register.bySeverity,
      complianceFindings: register.applications.reduce((n, a) => n + a.compliance.length, 0),
      review: agents.review.method,
    },
    output: { ...register, review: agents.review },
    notes: agents.notes,
  };
}

export async function wavePlanning(ctx: PhaseContext): Promise<PhaseOutcome> {
  const recommended = await readPhaseOutput<EngagementRecommendations>(ctx, 'sixr_strategy');
  const risks = await readPhaseOutput<RiskRegister>(ctx, 'risk_assessment');
  const engagement = await ctx.services.engagements.get(ctx.tenant, ctx.flow.engagementId);
  const criteria = (engagement?.settings.criteria ?? {}) as Parameters<typeof planEngagement>[1];
  const waveOptions = (engagement?.settings.waves ?? {}) as Parameters<typeof planEngagement>[2];
  const assessment = planEngagement(recommended, criteria, waveOptions);
  const agents = await reviewWaves(ctx, assessment.waves, recommended);
  const doc = {
    flowId: ctx.flow.flowId,
    engagementId: ctx.flow.engagementId,
    assessedAt: ctx.services.clock.now().toISOString(),
    ...assessment,
    risks,
  };
  await ctx.services.objects.put(
    ctx.tenant,
    assessmentDocKey(ctx.flow.clientAccountId, ctx.flow.engagementId),
    JSON.stringify(doc),
    'application/json',
  );
  return {
    summary: {
      waves: assessment.waves.waves.length,
      totalWeeks: assessment.waves.totalWeeks,
      notMigrated: assessment.waves.notMigrated.length,
      cycles: assessment.waves.cycles.length,
      warnings: assessment.waves.warnings.length,
      review: agents.review.method,
    },
    output: { ...assessment.waves, review: agents.review },
    notes: agents.notes,
  };
}
