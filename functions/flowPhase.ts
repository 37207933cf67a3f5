/**
 * Lambda: one step of a flow (a phase or a bookkeeping action), invoked by the flow's state machine.
 * Phases are idempotent by design (deterministic ids, conditional writes), so no idempotency layer.
 */
import type { Context } from 'aws-lambda';
import '#flows/registerFlows.ts';
import { observed } from '#config/powertools.ts';
import { type FlowStepEvent, runFlowStep } from '#flows/phaseRunner.ts';
import { servicesFromEnvironment } from '#flows/services.ts';

export const handler = observed(
  async (event: FlowStepEvent, _context: Context): Promise<Record<string, unknown>> =>
    runFlowStep(servicesFromEnvironment(), event),
);
