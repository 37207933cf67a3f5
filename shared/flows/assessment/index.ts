/**
 * Registers the assessment flow (statemachines/assessment.asl.json) and offers its entry
 * points: start after a completed discovery, read recommendations and waves, record overrides.
 * The phase module is imported on the first phase run (`lazyPhase`), so starting an assessment
 * (the API, discovery's hand-over) does not load the strategy, risk and wave code.
 */
import { ConflictError } from '#errors/errors.ts';
import type { FlowRecord } from '#ports/flowStore.ts';
import type { TenantContext } from '#ports/tenant.ts';
import { lazyPhase, registerFlowType } from '../flowRegistry.ts';
import { FlowOrchestrator } from '../orchestrator.ts';
import type { Services } from '../services.ts';

export const ASSESSMENT = 'assessment';

const assessmentPhases = () => import('./assessmentPhases.ts');

registerFlowType({
  flowType: ASSESSMENT,
  phases: {
    sixr_strategy: lazyPhase(assessmentPhases, 'sixrStrategy'),
    risk_assessment: lazyPhase(assessmentPhases, 'riskAssessment'),
    wave_planning: lazyPhase(assessmentPhases, 'wavePlanning'),
  },
});

/** Starts an assessment of the engagement; refuses until a discovery of it has completed. */
export async function startAssessment(
  services: Services,
  tenant: TenantContext,
  engagementId: string,
  options: { flowId?: string } = {},
): Promise<FlowRecord> {
  const discoveries = await services.flows.list(tenant, {
    engagementId,
    status: 'completed',
    flowType: 'discovery',
  });
  if (discoveries.length === 0) {
    throw new ConflictError(
      `engagement ${engagementId} has no completed discovery; run discovery first`,
      'discovery_required',
    );
  }
  const orchestrator = new FlowOrchestrator(services);
  const flow = await orchestrator.createFlow(tenant, {
    flowType: ASSESSMENT,
    engagementId,
    flowId: options.flowId,
  });
  return orchestrator.startFlow(tenant, flow.flowId);
}
