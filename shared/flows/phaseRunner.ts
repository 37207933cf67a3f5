/**
 * Runs one step of a flow for its state machine: a phase, or one of the bookkeeping
 * actions (await_review, complete, fail). Records status, timing and result on the flow.
 */
import { errorCode, oneLine } from '#errors/errors.ts';
import type { FlowRecord, PhaseState } from '#ports/flowStore.ts';
import { objectKeys } from '#ports/objectStore.ts';
import { flowType, type PhaseContext } from './flowRegistry.ts';
import { type FlowRef, flowTenant } from './orchestrator.ts';
import type { Services } from './services.ts';

/** The payload a flow's Task states send (see statemachines/*.asl.json). */
export interface FlowStepEvent {
  readonly flow: FlowRef;
  readonly phase?: string;
  readonly action?: 'await_review' | 'complete' | 'fail';
  readonly failedPhase?: string;
  readonly error?: { readonly Error?: string; readonly Cause?: string };
}

/** Thrown into the state machine when the flow was cancelled meanwhile: ends it through the catch path. */
export class FlowCancelledError extends Error {
  readonly code = 'flow_cancelled';
  constructor(flowId: string) {
    super(`flow ${flowId} was cancelled`);
    this.name = 'FlowCancelledError';
  }
}

/** Executes the step named by `event` and returns the small summary the state machine keeps. */
export async function runFlowStep(
  services: Services,
  event: FlowStepEvent,
): Promise<Record<string, unknown>> {
  const tenant = flowTenant(event.flow);
  const now = () => services.clock.now().toISOString();
  const { flowId } = event.flow;

  if (event.action === 'await_review') {
    await services.flows.update(tenant, flowId, (f) => {
      if (f.status === 'cancelled') return;
      f.status = 'awaiting_review';
      f.updatedAt = now();
    });
    return { status: 'awaiting_review' };
  }
  if (event.action === 'complete') {
    const flow = await services.flows.update(tenant, flowId, (f) => {
      if (f.status === 'cancelled') return;
      f.status = 'completed';
      f.currentPhase = null;
      f.updatedAt = now();
    });
    await flowType(flow.flowType).onComplete?.({ services, tenant, flow });
    return { status: flow.status };
  }
  if (event.action === 'fail') {
    const flow = await services.flows.update(tenant, flowId, (f) => {
      const phase = event.failedPhase ?? f.currentPhase;
      const recorded = f.phases.find((p) => p.name === phase)?.error;
      if (f.status !== 'cancelled') f.status = 'failed';
      f.error = { phase: phase ?? null, ...(recorded ?? errorFromState(event.error)) };
      f.updatedAt = now();
    });
    return { status: flow.status };
  }

  const phaseName = event.phase ?? '';
  const handler = flowType(event.flow.flowType).phases[phaseName];
  if (!handler) throw new Error(`flow ${event.flow.flowType} has no phase ${phaseName}`);
  const started = Date.now();
  const flow = await services.flows.update(tenant, flowId, (f) => {
    if (f.status === 'cancelled') return;
    f.status = 'running';
    f.currentPhase = phaseName;
    f.updatedAt = now();
    const phase = phaseOf(f, phaseName);
    phase.status = 'running';
    phase.startedAt = now();
    phase.attempts = (phase.attempts ?? 0) + 1;
    phase.error = undefined;
  });
  if (flow.status === 'cancelled') throw new FlowCancelledError(flowId);

  try {
    const ctx: PhaseContext = { services, tenant, flow };
    const outcome = await handler(ctx);
    let outputKey: string | undefined;
    if (outcome.output !== undefined) {
      outputKey = objectKeys.phaseOutput(flow.clientAccountId, flow.engagementId, flowId, phaseName);
      await services.objects.put(tenant, outputKey, JSON.stringify(outcome.output), 'application/json');
    }
    await services.flows.update(tenant, flowId, (f) => {
      const phase = phaseOf(f, phaseName);
      phase.status = 'completed';
      phase.finishedAt = now();
      phase.durationMs = Date.now() - started;
      phase.result = outcome.summary;
      phase.outputKey = outputKey;
      for (const note of outcome.notes ?? []) if (!f.notes.includes(note)) f.notes.push(note);
      f.updatedAt = now();
    });
    return outcome.summary;
  } catch (error) {
    await services.flows.update(tenant, flowId, (f) => {
      const phase = phaseOf(f, phaseName);
      phase.status = 'failed';
      phase.finishedAt = now();
      phase.durationMs = Date.now() - started;
      phase.error = { code: errorCode(error) ?? 'phase_error', message: oneLine(error) };
      f.updatedAt = now();
    });
    throw error;
  }
}

function phaseOf(flow: FlowRecord, name: string): PhaseState {
  const phase = flow.phases.find((p) => p.name === name);
  if (!phase) throw new Error(`flow ${flow.flowId} has no phase ${name}`);
  return phase;
}

/** Error as Step Functions reports it: local interpreter Cause is the message; Lambda's is JSON. */
function errorFromState(error: FlowStepEvent['error']): { code: string; message: string } {
  const cause = error?.Cause ?? '';
  try {
    const parsed = JSON.parse(cause) as { errorMessage?: string; errorType?: string };
    if (parsed.errorMessage)
      return { code: parsed.errorType ?? error?.Error ?? 'error', message: parsed.errorMessage };
  } catch {
    // Cause is plain text (local interpreter, timeouts).
  }
  return { code: error?.Error ?? 'error', message: cause.split('\n')[0] || 'the phase failed' };
}
