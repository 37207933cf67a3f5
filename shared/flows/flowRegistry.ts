/**
 * Flow registry: flow type -> its state machine and phase handlers. A new flow type
 * (assessment) registers here; the orchestrator and phase runner stay unchanged.
 */
import type { FlowRecord } from '#ports/flowStore.ts';
import type { TenantContext } from '#ports/tenant.ts';
import type { Services } from './services.ts';
import { phasesOf } from './stateMachineFiles.ts';

/** What a phase handler receives. */
export interface PhaseContext {
  readonly services: Services;
  /** The tenant the flow belongs to, acting as the flow's system user. */
  readonly tenant: TenantContext;
  readonly flow: FlowRecord;
}

/** What a phase handler returns. */
export interface PhaseOutcome {
  /** Small summary: goes to the flow record and the state-machine state (keep it to a few hundred bytes). */
  readonly summary: Record<string, unknown>;
  /** Full output: written to S3 under the flow's prefix, pointer on the phase. */
  readonly output?: unknown;
  /** Notes a user should see on the flow (review reasons, degraded modes). */
  readonly notes?: readonly string[];
}

export type PhaseHandler = (ctx: PhaseContext) => Promise<PhaseOutcome>;

export interface FlowTypeRegistration {
  readonly flowType: string;
  readonly phases: Record<string, PhaseHandler>;
  /** Runs when the flow completes (e.g. discovery may start assessment). */
  readonly onComplete?: (ctx: PhaseContext) => Promise<void>;
}

const registry = new Map<string, FlowTypeRegistration>();

/** Registers a flow type; every phase in its state-machine file must have a handler. */
export function registerFlowType(registration: FlowTypeRegistration): void {
  const missing = phasesOf(registration.flowType).filter((p) => !registration.phases[p]);
  if (missing.length > 0)
    throw new Error(`flow ${registration.flowType}: no handler for ${missing.join(', ')}`);
  registry.set(registration.flowType, registration);
}

/** Adds a hook that runs when a flow of `flowTypeName` completes (e.g. discovery starts assessment). */
export function onFlowComplete(flowTypeName: string, hook: (ctx: PhaseContext) => Promise<void>): void {
  const found = flowType(flowTypeName);
  const previous = found.onComplete;
  registry.set(flowTypeName, {
    ...found,
    onComplete: async (ctx) => {
      await previous?.(ctx);
      await hook(ctx);
    },
  });
}

export function flowType(flowTypeName: string): FlowTypeRegistration {
  const found = registry.get(flowTypeName);
  if (!found) throw new Error(`unknown flow type ${flowTypeName}`);
  return found;
}

export function flowTypes(): string[] {
  return [...registry.keys()];
}
