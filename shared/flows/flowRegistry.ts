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

/** The names of `M`'s exports that are phase handlers. */
type PhaseExportsOf<M> = { [K in keyof M]: M[K] extends PhaseHandler ? K : never }[keyof M] & string;

/**
 * A phase handler whose module is imported on the phase's first run, once per container. A flow's
 * registration then costs the registry entry, not the phase's domain code: the flowPhase function's
 * cold start holds the orchestrator and registry, and a handler that only starts a flow (the S3
 * upload trigger) carries none of the phases' code (agents, openai, exceljs) in its artifact. A
 * failed import is retried on the next run rather than cached.
 *
 * @example
 * registerFlowType({ flowType: 'discovery', phases: {
 *   data_import: lazyPhase(() => import('./importPhases.ts'), 'dataImport'), ... } });
 */
export function lazyPhase<M, K extends PhaseExportsOf<M>>(load: () => Promise<M>, name: K): PhaseHandler {
  let loaded: Promise<PhaseHandler> | undefined;
  return async (ctx) => {
    loaded ??= load().then(
      (module) => {
        const handler = module[name];
        if (typeof handler !== 'function') throw new Error(`phase module has no handler ${name}`);
        return handler as PhaseHandler;
      },
      (error: unknown) => {
        loaded = undefined;
        throw error;
      },
    );
    return (await loaded)(ctx);
  };
}

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
