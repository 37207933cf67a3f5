/**
 * Learning through memory: what the flows call when a person corrects the agents' work. A
 * mapping correction or rejection becomes a feedback memory of the field-mapping specialist
 * (so similar headers get a learned proposal, see mappingProposals.ts); a strategy override
 * becomes a decision memory of the 6R strategist (retrieved into its prompt next time).
 *
 * The correction itself is recorded by the caller first (mapping rules, overrides): memory is
 * an index of it, so a memory failure is reported in the result and never undoes the correction.
 */
import type { TenantContext } from '#ports/tenant.ts';
import type { AgentMemoryManager } from './memoryManager.ts';

/** The agent whose memory holds header corrections. */
export const MAPPING_AGENT = 'field_mapping_specialist';
/** The agent whose memory holds strategy decisions. */
export const STRATEGY_AGENT = 'sixr_strategist';

/** Whether a correction reached memory (false with the reason when the store failed). */
export type RememberOutcome = { readonly remembered: true } | { readonly remembered: false; reason: string };

/** A manager, or how to build one (built inside the guard, so a missing store is reported too). */
export type ManagerSource = AgentMemoryManager | (() => AgentMemoryManager);

async function attempt(
  source: ManagerSource,
  run: (manager: AgentMemoryManager) => Promise<unknown>,
): Promise<RememberOutcome> {
  try {
    await run(typeof source === 'function' ? source() : source);
    return { remembered: true };
  } catch (error) {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    console.warn(JSON.stringify({ message: 'memory: could not remember a correction', reason }));
    return { remembered: false, reason };
  }
}

/** A user's mapping correction (`target`, null = maps to nothing) or rejection (`reject`). */
export interface MappingCorrectionEvent {
  readonly source: string;
  readonly target: string | null;
  readonly reject?: boolean;
  /** What the mapping was before (the engine's or an agent's proposal). */
  readonly original?: string | null;
  readonly engagementId?: string;
  readonly flowId?: string;
}

/** Remembers a mapping correction or rejection as feedback of the field-mapping specialist. */
export function rememberMappingCorrection(
  manager: ManagerSource,
  tenant: TenantContext,
  event: MappingCorrectionEvent,
): Promise<RememberOutcome> {
  return attempt(manager, (manager) =>
    manager.learnFromFeedback(tenant, MAPPING_AGENT, {
      type: event.reject ? 'rejection' : 'correction',
      corrections: [
        {
          source: event.source,
          target: event.target,
          ...(event.original !== undefined ? { original: event.original } : {}),
          ...(event.reject ? { rejected: true } : {}),
        },
      ],
      ...(event.engagementId ? { engagementId: event.engagementId } : {}),
      ...(event.flowId ? { flowId: event.flowId } : {}),
      origin: 'user',
    }),
  );
}

/** A user's strategy override of an application. */
export interface StrategyOverrideEvent {
  readonly engagementId: string;
  readonly application: string;
  readonly strategy: string;
  readonly reason: string;
  /** What the application looks like (criticality, tech debt...), so similar ones recall it. */
  readonly traits?: Readonly<Record<string, unknown>>;
}

/** Compact `key: value` text of traits for the embedded search text. */
function traitsText(traits: Readonly<Record<string, unknown>> | undefined): string {
  if (!traits) return '';
  return Object.entries(traits)
    .filter(([, v]) => v !== null && v !== undefined && v !== '' && typeof v !== 'object')
    .map(([k, v]) => `${k}: ${String(v)}`)
    .join('; ')
    .slice(0, 600);
}

/**
 * Remembers an override twice: as feedback (the strategist's recommendation was corrected) and
 * as a decision memory the strategist retrieves for similar applications.
 */
export function rememberStrategyOverride(
  manager: ManagerSource,
  tenant: TenantContext,
  event: StrategyOverrideEvent,
): Promise<RememberOutcome> {
  const traits = traitsText(event.traits);
  return attempt(manager, async (manager) => {
    await manager.learnFromFeedback(tenant, STRATEGY_AGENT, {
      type: 'correction',
      corrections: [{ source: event.application, target: event.strategy, reason: event.reason }],
      engagementId: event.engagementId,
      origin: 'user',
    });
    await manager.storeMemory(tenant, {
      agentType: STRATEGY_AGENT,
      memoryType: 'decision',
      content: {
        kind: 'strategy_override',
        application: event.application,
        strategy: event.strategy,
        reason: event.reason,
        ...(traits ? { traits } : {}),
      },
      searchText: `${event.application}: ${event.strategy} because ${event.reason}. ${traits}`,
      context: { engagementId: event.engagementId, decidedBy: tenant.userId },
      attributes: { kind: 'strategy_override' },
      confidence: 0.9,
      validationStatus: 'validated',
      contextTags: ['override', event.strategy],
      dedupeKey: `override:${event.engagementId}:${event.application.toLowerCase()}`,
    });
  });
}
