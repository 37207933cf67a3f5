/**
 * The state-machine files are the single source of truth for each flow's phases.
 * They are imported as JSON so Lambda bundles carry them and no second list exists in code.
 */
import assessment from '../../statemachines/assessment.asl.json' with { type: 'json' };
import discovery from '../../statemachines/discovery.asl.json' with { type: 'json' };

/** A loosely typed ASL definition (only what we read). */
export interface AslDefinition {
  readonly StartAt: string;
  readonly States: Record<string, AslState>;
  readonly [key: string]: unknown;
}
interface AslState {
  readonly Type: string;
  readonly Parameters?: { readonly Payload?: { readonly phase?: string; readonly action?: string } };
  readonly [key: string]: unknown;
}

const DEFINITIONS: Record<string, AslDefinition> = {
  discovery: discovery as AslDefinition,
  assessment: assessment as AslDefinition,
};

/** Every flow type that has a state-machine file. */
export function flowTypesWithDefinitions(): string[] {
  return Object.keys(DEFINITIONS);
}

export function definitionOf(flowType: string): AslDefinition {
  const def = DEFINITIONS[flowType];
  if (!def) throw new Error(`no state machine for flow type ${flowType}`);
  return def;
}

/** The flow's phases: Task states whose payload names a `phase`, in file order. */
export function phasesOf(flowType: string): string[] {
  return Object.values(definitionOf(flowType).States)
    .map((state) => (state.Type === 'Task' ? state.Parameters?.Payload?.phase : undefined))
    .filter((phase): phase is string => typeof phase === 'string');
}

/** Every `${Placeholder}` the definition expects to be substituted (CDK definitionSubstitutions). */
export function placeholdersOf(flowType: string): string[] {
  const found = JSON.stringify(definitionOf(flowType)).match(/\$\{([A-Za-z0-9]+)\}/g) ?? [];
  return [...new Set(found.map((p) => p.slice(2, -1)))];
}
