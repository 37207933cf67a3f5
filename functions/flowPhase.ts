/**
 * Lambda: one step of a flow (a phase or a bookkeeping action), invoked by the flow's state machine.
 */
import '#flows/registerFlows.ts';
import { type FlowStepEvent, runFlowStep } from '#flows/phaseRunner.ts';
import { servicesFromEnvironment } from '#flows/services.ts';

export const handler = async (event: FlowStepEvent): Promise<Record<string, unknown>> =>
  runFlowStep(servicesFromEnvironment(), event);
